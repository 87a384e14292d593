package figtrace.cite;

import figtrace.model.Figure;
import figtrace.review.DocumentInfo;
import figtrace.testing.TestDb;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class CitationsTest {

    private static final Figure PAPER_FIGURE = TestDb.paper().figures().get(0);

    @Test
    void journalPaperWithPageAndLine() {
        DocumentInfo doc = new DocumentInfo("paper.pdf", "x", "pdf", 2, "ok", Map.of("title",
                "数字经济赋能中国（新疆）自贸试验区发展新质生产力研究", "author", "顾华详", "journal", "新疆社会科学",
                "created", "2024-05-01T08:00:00Z"));
        assertEquals("顾华详. 数字经济赋能中国（新疆）自贸试验区发展新质生产力研究[J/OL]. 新疆社会科学, 2024."
                + " 第2页第2行：“2024年新疆数字经济规模达到4000亿元，增长12%。”", Citations.cite(doc, PAPER_FIGURE));
    }

    @Test
    void withoutPageForTextAndIssuerForReports() {
        Figure f = TestDb.xinjiangFigures(TestDb.XJ_TEXT, 0).get(0);
        DocumentInfo doc = new DocumentInfo("xinjiang.txt", "x", "txt", null, "ok", Map.of("title", "统计公报",
                "issuer", "新疆维吾尔自治区统计局", "date", "2024-03-28"));
        assertEquals("统计公报[Z]. 新疆维吾尔自治区统计局, 2024. 第2行：“2023年全区地区生产总值19125.91亿元，比上年增长6.8%。”",
                Citations.cite(doc, f));
    }

    @Test
    void missingMetadataFallsBackToTheFileName() {
        Figure f = TestDb.xinjiangFigures(TestDb.XJ_TEXT, 0).get(0);
        DocumentInfo doc = new DocumentInfo("reports/新疆公报.html", "x", "html", null, "ok", Map.of());
        assertTrue(Citations.cite(doc, f).startsWith("新疆公报[EB/OL]. 第2行：“"), Citations.cite(doc, f));
    }

    @Test
    void manyAuthorsAndWrappedQuotes() {
        DocumentInfo doc = new DocumentInfo("a.pdf", "x", "pdf", 1, "ok", Map.of("title", "T", "author",
                "张三；李四, 王五、赵六", "date", "D:20230102"));
        Figure f = new Figure("f1", "a.pdf", 1, 3, 0, 10, "全区生产总值\n增长6.8%，\t较上年", 0, 1, "6.8%", null, "%",
                null, "percent", null, null, null, null, null, null, false, "r", null);
        assertEquals("张三, 李四, 王五, 等. T[Z]. 2023. 第1页第3行：“全区生产总值增长6.8%， 较上年”", Citations.cite(doc, f));
    }
}
