package figtrace.metadata;

import figtrace.model.DocumentMetadata;
import figtrace.testing.SharedFolder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Metadata of real documents: those too big for the test resources, read from ../shared/realdocs
 * ({@link SharedFolder}), and the Word, HTML and PDF ones in src/test/resources/docs.
 * Every expected value was read by hand in the document.
 */
class MetadataRealDocsIT {

    private static DocumentMetadata shared(String name) throws IOException {
        return MetadataStageTest.of(name, Files.readAllBytes(SharedFolder.require("realdocs/" + name)));
    }

    @Test
    void aDocxWhoseFileNameLiesIsDescribedByItsContent() throws IOException {
        DocumentMetadata m = shared("docx_qiandongnan_2016_tjgb_MISLABELLED_as_luoyang2023.docx");
        assertEquals("黔东南苗族侗族自治州2016年国民经济和社会发展统计公报", m.title());
        assertEquals("黔东南州统计局 国家统计局黔东南调查队", m.issuer());
        assertEquals("2017-03-16", m.date());
    }

    @Test
    void aBudgetReportSkipsItsTableOfContents() throws IOException {
        DocumentMetadata m = shared("pdf_wuzhong_ningxia_2025_budget_report.pdf");
        assertEquals("关于2025年全市及市本级预算执行情况和2026年全市及市本级预算草案的报告", m.title());
        assertEquals("吴忠市财政局", m.issuer());
        assertEquals("2026-01-20", m.date());
        assertEquals("budget", m.docKind().code());
    }

    @Test
    void aBrokerNoteTakesTheHeadlineTheFormatTitleConfirmsNotTheCompanyName() throws IOException {
        DocumentMetadata m = shared("pdf_gaoce_688556_broker_research_2022.pdf");
        assertEquals("高测股份（688556.SH）：扩产4000万公里金刚线，强化光伏硅片切割三元布局", m.title());
        assertEquals("德邦证券", m.issuer());
        assertEquals("2022-07-19", m.date());
    }

    // real documents kept in src/test/resources/docs (the formats the unit tests do not parse: seconds each)

    @Test
    void aBulletinDocxTakesTitleIssuerAndDateFromTheTextNotFromTheStaleFormatValues() throws IOException {
        DocumentMetadata m = MetadataStageTest.resource("docx_hotan_xinjiang_2025_tjgb.docx");
        assertEquals("2025年和田地区国民经济和社会发展统计公报", m.title());              // lines 1–2
        assertEquals("和田地区统计局", m.issuer());                                       // line 3
        assertEquals("2026-03-27", m.date());                                             // line 4; format says 2022
        assertTrue(m.authors().isEmpty(), "the docx author 'Administrator' is not an author");
        assertEquals("bulletin", m.docKind().code());
    }

    @Test
    void aGovernmentWorkReportNamesItsSpeakerTheNewspaperAndTheSessionDate() throws IOException {
        DocumentMetadata m = MetadataStageTest.resource("docx_xinjiang_2025_government_work_report.docx");
        assertEquals("2025年新疆政府工作报告", m.title());
        assertEquals(List.of("艾尔肯·吐尼亚孜"), m.authors());                           // 自治区主席 …, line 4
        assertEquals("新疆日报", m.journal());                                            // 来源：新疆日报
        assertEquals("2025-01-19", m.date());
        assertEquals("report", m.docKind().code());
    }

    @Test
    void aRepublishedWebPageSkipsNavigationAndReadsTheSourceLabel() throws IOException {
        DocumentMetadata m = MetadataStageTest.resource("html_aksu_xinjiang_2025_tjgb_gb2312.html");
        assertEquals("阿克苏地区2025年国民经济和社会发展统计公报", m.title());            // line 2, not the navigation
        assertEquals("阿克苏地区统计局", m.issuer());                                     // 出处：, line 3
        assertEquals("2026-05-28", m.date());
        assertEquals("bulletin", m.docKind().code());
    }

    @Test
    void anOfficialWebPageTakesTheSourceOnTheNextLineAndTheDateFromTheFormatWhenTheTextSplitsIt() throws IOException {
        DocumentMetadata m = MetadataStageTest.resource("html_urumqi_xinjiang_2025_tjgb_utf8.html");
        assertEquals("乌鲁木齐市2025年国民经济和社会发展统计公报", m.title());
        assertEquals("乌鲁木齐市统计局", m.issuer());                                     // 来源： then the next line
        assertEquals("2026-04-21", m.date());
        assertEquals("format:created", m.sources().get("date"));
    }

    @Test
    void aFinalAccountsDocReadsTheSpeechDateAfterADashAndTheSpeaker() throws IOException {
        DocumentMetadata m = MetadataStageTest.resource("doc_hotan_xinjiang_2025_final_accounts.doc");
        assertEquals("2025年度和田地区政府决算公开", m.title());
        assertEquals("2026-06-15", m.date());                                             // ——2026年6月15日在…
        assertEquals(List.of("王彬"), m.authors());                                       // …副局长 王彬
        assertEquals("final_accounts", m.docKind().code()); // 决算: the final accounts of a closed year
    }

    @Test
    void aPdfBulletinWhoseTitleIsNotInTheTextLayerFallsBackToTheFormatTitle() throws IOException {
        DocumentMetadata m = MetadataStageTest.resource("pdf_qiandongnan_guizhou_2023_tjgb.pdf");
        assertEquals("黔东南州统计局", m.issuer());                                        // page 1 line 1
        assertEquals("2024-05-07", m.date());                                             // page 1 line 2
        assertEquals("format:title", m.sources().get("title"));
        assertEquals("bulletin", m.docKind().code());
    }

    @Test
    void documentsWithoutUsableTextGiveNoTitleAndDoNotThrow() throws IOException {
        for (String name : List.of("pdf_zhangjiajie_2025_tjgb_SCANNED_image_only.pdf",
                "pdf_huaian_2026_budget_report_GARBLED_text_layer.pdf")) {
            DocumentMetadata m = MetadataStageTest.resource(name);
            assertNull(m.title(), name);
            assertTrue(m.authors().isEmpty(), name);
        }
        assertEquals(DocumentMetadata.empty().docKind(), MetadataStageTest.stage().extract(null, null).docKind());
    }
}
