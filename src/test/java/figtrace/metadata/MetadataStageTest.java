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

    static DocumentMetadata resource(String name) throws IOException {
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
