package figtrace.metadata;

import figtrace.ingest.IngestStage;
import figtrace.layout.LayoutStage;
import figtrace.model.DocumentMetadata;
import figtrace.model.SourceFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Document shapes the samples do not have: an official notice signed at the end, a reply letter, a multi-author paper. */
class MetadataShapesTest {

    private static MetadataStage stage;

    @BeforeAll
    static void load() { stage = new MetadataStage(); }

    private static DocumentMetadata txt(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        SourceFile file = IngestStage.identify("sample.txt", bytes);
        return stage.extract(file, new LayoutStage().parse(file, bytes));
    }

    @Test
    void aNoticeGivesItsNumberFromTheHeaderAndIssuerAndDateFromTheSignature() {
        DocumentMetadata m = txt("""
                新疆维吾尔自治区人民政府办公厅关于印发促进数字经济发展若干措施的通知
                新政办发〔2024〕12号
                各州、市人民政府，各行政公署，自治区人民政府各部门：
                《促进数字经济发展若干措施》已经自治区人民政府同意，现印发给你们，请认真贯彻执行。参照《国务院关于印发数字经济规划的通知》（国发〔2021〕29号）执行。
                新疆维吾尔自治区人民政府办公厅
                二〇二四年三月五日
                """);
        assertEquals("新疆维吾尔自治区人民政府办公厅关于印发促进数字经济发展若干措施的通知", m.title());
        assertEquals("新政办发〔2024〕12号", m.docNumber());
        assertEquals("新疆维吾尔自治区人民政府办公厅", m.issuer());
        assertEquals("2024-03-05", m.date());
    }

    @Test
    void aLetterheadNamesTheIssuerAndIsNotTheTitle() {
        DocumentMetadata m = txt("""
                和田地区行政公署办公室文件
                和行办发〔2025〕7号
                关于印发和田地区促进消费若干措施的通知
                各县市人民政府，行署各部门：
                现将《和田地区促进消费若干措施》印发给你们，请结合实际认真贯彻落实。
                """);
        assertEquals("关于印发和田地区促进消费若干措施的通知", m.title());
        assertEquals("和田地区行政公署办公室", m.issuer());
        assertEquals("和行办发〔2025〕7号", m.docNumber());
    }

    @Test
    void aReplyLetterIsSignedByTheCommission() {
        DocumentMetadata m = txt("""
                关于自治区政协十三届二次会议第0123号提案的答复
                张三委员：
                您提出的《关于加快发展新质生产力的提案》收悉。经认真研究，现答复如下。
                一、关于发展现状
                近年来，我区积极推进新质生产力发展，取得了积极成效。
                新疆维吾尔自治区发展和改革委员会
                2024年6月20日
                """);
        assertEquals("关于自治区政协十三届二次会议第0123号提案的答复", m.title());
        assertEquals("新疆维吾尔自治区发展和改革委员会", m.issuer());
        assertEquals("2024-06-20", m.date());
        assertEquals("reply", m.docKind().code());
        assertEquals(List.of(), m.authors(), "the addressee 张三委员 is not an author");
    }

    @Test
    void aPaperWithSeveralAuthorsAndNumberedAffiliations() {
        DocumentMetadata m = txt("""
                新疆绿洲城镇组群经济联系研究
                王明1，李华2，赵强1
                （1. 新疆大学 经济与管理学院，新疆 乌鲁木齐 830046；2. 石河子大学 经济与管理学院，新疆 石河子 832003）
                摘要：本文以新疆绿洲城镇组群为对象，分析了城镇之间的经济联系强度及其空间格局。
                关键词：绿洲城镇；经济联系；空间格局
                """);
        assertEquals("新疆绿洲城镇组群经济联系研究", m.title());
        assertEquals(List.of("王明", "李华", "赵强"), m.authors());
        assertEquals("新疆大学 经济与管理学院", m.organisation());
        assertEquals(List.of("绿洲城镇", "经济联系", "空间格局"), m.keywords());
        assertEquals("paper", m.docKind().code());
        assertNull(m.date());
    }

    @Test
    void aJournalMastheadIsTheJournalNotTheTitleAndADashedSubtitleJoinsTheTitle() {
        DocumentMetadata m = txt("""
                新疆大学学报（哲学社会科学版）
                第52卷 第3期
                新疆数字经济发展水平测度研究
                ——基于2015—2023年地州市面板数据
                王明
                （新疆大学 经济与管理学院，新疆 乌鲁木齐 830046）
                摘要：本文测度了新疆各地州市的数字经济发展水平，并分析了其时空演变特征和影响因素。
                """);
        assertEquals("新疆数字经济发展水平测度研究——基于2015—2023年地州市面板数据", m.title());
        assertEquals("新疆大学学报（哲学社会科学版）", m.journal());
        assertEquals(List.of("王明"), m.authors());
        assertEquals("新疆大学 经济与管理学院", m.organisation());
    }

    @Test
    void brokenFilesNeverMakeTheStageThrow() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/docs/bad"))) {
            for (Path p : files.toList()) {
                byte[] bytes = Files.readAllBytes(p);
                SourceFile file = IngestStage.identify(p.getFileName().toString(), bytes);
                assertDoesNotThrow(() -> stage.extract(file, new LayoutStage().parse(file, bytes)), p.toString());
            }
        }
    }
}
