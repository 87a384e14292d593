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
                null, figtrace.model.FigureKind.PERCENT, null, null, null, null, null, null, false, "r", null);
        assertEquals("张三, 李四, 王五, 等. T[Z]. 2023. 第1页第3行：“全区生产总值增长6.8%， 较上年”", Citations.cite(doc, f));
    }

    @Test
    void anOfficialDocumentIsCitedAsAReportUnderItsIssuerWithItsNumber() {
        Figure f = TestDb.xinjiangFigures(TestDb.XJ_TEXT, 0).get(0);
        DocumentInfo reply = new DocumentInfo("reply.txt", "x", "txt", null, "ok", Map.of("title",
                "关于自治区十四届人大三次会议第0123号建议的答复", "issuer", "新疆维吾尔自治区科学技术厅",
                "date", "2025-06-30", "doc_number", "新科建字〔2025〕12号", "doc_kind", "reply"));
        assertTrue(Citations.cite(reply, f).startsWith("新疆维吾尔自治区科学技术厅. 关于自治区十四届人大三次会议第0123号建议的答复"
                + "（新科建字〔2025〕12号）[R]. 2025. 第2行"), Citations.cite(reply, f));
        DocumentInfo bulletin = new DocumentInfo("b.html", "x", "html", null, "ok", Map.of("title",
                "鹤壁市2025年国民经济和社会发展统计公报", "issuer", "鹤壁市统计局", "date", "2026-03-20", "doc_kind", "bulletin"));
        assertTrue(Citations.cite(bulletin, f).startsWith("鹤壁市统计局. 鹤壁市2025年国民经济和社会发展统计公报[R/OL]. 2026."),
                Citations.cite(bulletin, f));
    }

    @Test
    void aNewspaperPieceIsCitedWithItsPaperAndDay() {
        Figure f = TestDb.xinjiangFigures(TestDb.XJ_TEXT, 0).get(0);
        DocumentInfo news = new DocumentInfo("news.txt", "x", "txt", null, "ok", Map.of("title", "加快培育新质生产力",
                "author", "范海瑞", "journal", "新疆日报", "date", "2025-01-19", "doc_kind", "news"));
        assertTrue(Citations.cite(news, f).startsWith("范海瑞. 加快培育新质生产力[N]. 新疆日报, 2025-01-19. 第2行"),
                Citations.cite(news, f));
    }

    @Test
    void aPaperWithoutAJournalIsStillAJournalArticle() {
        Figure f = TestDb.xinjiangFigures(TestDb.XJ_TEXT, 0).get(0);
        DocumentInfo paper = new DocumentInfo("p.txt", "x", "txt", null, "ok", Map.of("title", "新疆战略性新兴产业研究",
                "author", "张新友", "date", "2026", "doc_kind", "paper"));
        assertTrue(Citations.cite(paper, f).startsWith("张新友. 新疆战略性新兴产业研究[J/OL]. 2026. 第2行"), Citations.cite(paper, f));
    }
}
