package figtrace.metadata;

import figtrace.ingest.IngestStage;
import figtrace.layout.LayoutStage;
import figtrace.model.DocumentMetadata;
import figtrace.model.ParsedDocument;
import figtrace.model.SourceFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Metadata of the sample and real documents. Every expected value was read by hand in the document (the line is
 * named in the comment); where the document does not say a thing, the test asserts that nothing is made up.
 */
class MetadataStageTest {

    private static MetadataStage stage;

    @BeforeAll
    static void load() { stage = new MetadataStage(); }

    static MetadataStage stage() {
        if (stage == null) stage = new MetadataStage();
        return stage;
    }

    static DocumentMetadata of(String name, byte[] bytes) {
        SourceFile file = IngestStage.identify(name, bytes);
        ParsedDocument doc = new LayoutStage().parse(file, bytes);
        return stage().extract(file, doc);
    }

    private static DocumentMetadata corpus(String name) throws IOException {
        return of(name, Files.readAllBytes(Path.of("corpus", name)));
    }

    private static DocumentMetadata resource(String name) throws IOException {
        try (InputStream in = MetadataStageTest.class.getResourceAsStream("/docs/" + name)) {
            return of(name, in.readAllBytes());
        }
    }

    @Test
    void aPaperGivesTitleAuthorAffiliationWithoutAddressKeywordsAndTheArticleNumbersYear() throws IOException {
        DocumentMetadata m = corpus("000_e3c7a792a1080dbf.txt");
        assertEquals("新疆战略性新兴产业推动新质生产力发展研究", m.title());                 // line 3
        assertEquals(List.of("张新友"), m.authors());                                      // line 5
        assertEquals("中共新疆维吾尔自治区委员会党校 决策咨询部", m.organisation());          // line 7, address dropped
        assertEquals(List.of("新兴产业", "新质生产力", "产学研", "数字化", "高能级创新平台"), m.keywords());
        assertEquals("1008-9659(2026)03-0012-08", m.docNumber());                         // 文章编号, line 13
        assertEquals("2026", m.date());
        assertEquals("paper", m.docKind().code());
        assertNull(m.journal(), "the text never names the journal");
        assertEquals("text:line 3", m.sources().get("title"));
    }

    @Test
    void aPaperWithAnEnglishAbstractFirstTakesTheChineseHeadingAsTitle() throws IOException {
        DocumentMetadata m = corpus("001_af42bd6e8047a123.txt");
        assertEquals("新疆应如何加快培育发展新质生产力", m.title());                         // line 14
        assertEquals("paper", m.docKind().code());
        assertTrue(m.authors().isEmpty(), "no author is printed");
        assertNull(m.date());
    }

    @Test
    void aCnkiFirstReleaseReadsTheLabelledCoverAndTheCitationLine() throws IOException {
        DocumentMetadata m = corpus("002_5804e0cbd4a6df86.txt");
        assertEquals("数字经济赋能中国（新疆）自贸试验区发展新质生产力研究", m.title());   // 题目：, line 11
        assertEquals(List.of("顾华详"), m.authors());
        assertEquals("新疆社会科学", m.journal());                                        // 引用格式：, line 14
        assertEquals("2024-04-01", m.date());                                             // 网络首发日期：, line 13
        assertEquals("中共新疆维吾尔自治区委员会 党史和文献研究院", m.organisation());      // line 26
        assertEquals(5, m.keywords().size());
        assertNull(m.docNumber(), "国发〔2023〕17号 is cited in the body, it is not this paper's number");
        assertEquals("paper", m.docKind().code());
    }

    @Test
    void aNewsPageTakesTheFirstHeadlineWithItsSubtitleAndTheReporterOfItsByline() throws IOException {
        DocumentMetadata m = corpus("003_98ac6ed76d422493.txt");
        assertEquals("加快发展新质生产力 深入推进新型工业化——访甘肃省工业和信息化厅党组书记、厅长韩显明",
                m.title());                                                                 // lines 23, 24, 26
        assertEquals(List.of("范海瑞"), m.authors());                                     // 记者 on line 28, name on 29
        assertEquals("news", m.docKind().code());
    }

    @Test
    void aReplyJoinsItsTitleBrokenOverThreeLines() throws IOException {
        DocumentMetadata m = corpus("004_ba8f813c9e095246.txt");
        assertEquals("关于自治区十三届政协三次会议第1250号提案“关于新疆企业科技创新赋能新质生产力发展的建议”办理意见",
                m.title());                                                                 // lines 2, 4, 6
        assertEquals("reply", m.docKind().code());
        assertNull(m.docNumber(), "工信部规〔2024〕169号 is cited in the body");
        assertNull(m.issuer(), "the text is not signed");
    }

    @Test
    void aBulletinDocxTakesTitleIssuerAndDateFromTheTextNotFromTheStaleFormatValues() throws IOException {
        DocumentMetadata m = resource("docx_hotan_xinjiang_2025_tjgb.docx");
        assertEquals("2025年和田地区国民经济和社会发展统计公报", m.title());              // lines 1–2
        assertEquals("和田地区统计局", m.issuer());                                       // line 3
        assertEquals("2026-03-27", m.date());                                             // line 4; format says 2022
        assertTrue(m.authors().isEmpty(), "the docx author 'Administrator' is not an author");
        assertEquals("bulletin", m.docKind().code());
    }

    @Test
    void aGovernmentWorkReportNamesItsSpeakerTheNewspaperAndTheSessionDate() throws IOException {
        DocumentMetadata m = resource("docx_xinjiang_2025_government_work_report.docx");
        assertEquals("2025年新疆政府工作报告", m.title());
        assertEquals(List.of("艾尔肯·吐尼亚孜"), m.authors());                           // 自治区主席 …, line 4
        assertEquals("新疆日报", m.journal());                                            // 来源：新疆日报
        assertEquals("2025-01-19", m.date());
        assertEquals("report", m.docKind().code());
    }

    @Test
    void aRepublishedWebPageSkipsNavigationAndReadsTheSourceLabel() throws IOException {
        DocumentMetadata m = resource("html_aksu_xinjiang_2025_tjgb_gb2312.html");
        assertEquals("阿克苏地区2025年国民经济和社会发展统计公报", m.title());            // line 2, not the navigation
        assertEquals("阿克苏地区统计局", m.issuer());                                     // 出处：, line 3
        assertEquals("2026-05-28", m.date());
        assertEquals("bulletin", m.docKind().code());
    }

    @Test
    void anOfficialWebPageTakesTheSourceOnTheNextLineAndTheDateFromTheFormatWhenTheTextSplitsIt() throws IOException {
        DocumentMetadata m = resource("html_urumqi_xinjiang_2025_tjgb_utf8.html");
        assertEquals("乌鲁木齐市2025年国民经济和社会发展统计公报", m.title());
        assertEquals("乌鲁木齐市统计局", m.issuer());                                     // 来源： then the next line
        assertEquals("2026-04-21", m.date());
        assertEquals("format:created", m.sources().get("date"));
    }

    @Test
    void aFinalAccountsDocReadsTheSpeechDateAfterADashAndTheSpeaker() throws IOException {
        DocumentMetadata m = resource("doc_hotan_xinjiang_2025_final_accounts.doc");
        assertEquals("2025年度和田地区政府决算公开", m.title());
        assertEquals("2026-06-15", m.date());                                             // ——2026年6月15日在…
        assertEquals(List.of("王彬"), m.authors());                                       // …副局长 王彬
        assertEquals("final_accounts", m.docKind().code()); // 决算: the final accounts of a closed year
    }

    @Test
    void aPdfBulletinWhoseTitleIsNotInTheTextLayerFallsBackToTheFormatTitle() throws IOException {
        DocumentMetadata m = resource("pdf_qiandongnan_guizhou_2023_tjgb.pdf");
        assertEquals("黔东南州统计局", m.issuer());                                        // page 1 line 1
        assertEquals("2024-05-07", m.date());                                             // page 1 line 2
        assertEquals("format:title", m.sources().get("title"));
        assertEquals("bulletin", m.docKind().code());
    }

    @Test
    void documentsWithoutUsableTextGiveNoTitleAndDoNotThrow() throws IOException {
        for (String name : List.of("pdf_zhangjiajie_2025_tjgb_SCANNED_image_only.pdf",
                "pdf_huaian_2026_budget_report_GARBLED_text_layer.pdf")) {
            DocumentMetadata m = resource(name);
            assertNull(m.title(), name);
            assertTrue(m.authors().isEmpty(), name);
        }
        assertEquals(DocumentMetadata.empty().docKind(), stage.extract(null, null).docKind());
    }

    @Test
    void aReaderThatFailsBecomesADocumentIssueAndTheFormatsValuesStay() {
        // a line table that does not fit its text makes the line reader throw, as a bug in a heuristic would
        figtrace.model.DocumentText broken = new figtrace.model.DocumentText("短文",
                List.of(new figtrace.model.TextLine(0, 1, 0, 9, false, -1)));
        ParsedDocument doc = new ParsedDocument(broken, null, figtrace.model.DocStatus.OK, List.of(),
                java.util.Map.of("title", "格式里的标题"));
        MetadataStage.Reading r = stage().read(null, doc);
        assertEquals(1, r.issues().size());
        assertEquals("metadata_failed", r.issues().get(0).code());
        assertTrue(r.issues().get(0).message().contains("StringIndexOutOfBoundsException"), r.issues().get(0).message());
        assertEquals("格式里的标题", r.metadata().title());
        assertEquals("format:title", r.metadata().sources().get("title"));
        assertTrue(stage().read(null, new ParsedDocument(figtrace.model.DocumentText.empty(), null,
                figtrace.model.DocStatus.OK, List.of(), java.util.Map.of())).issues().isEmpty());
    }
}
