package figtrace.metadata;

import figtrace.model.DocumentMetadata;
import figtrace.testing.SharedFolder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Metadata of real documents too big for the test resources, read from ../shared/realdocs ({@link SharedFolder}).
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
}
