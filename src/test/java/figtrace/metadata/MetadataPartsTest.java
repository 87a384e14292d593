package figtrace.metadata;

import figtrace.rules.RulesException;
import figtrace.model.DocumentMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MetadataPartsTest {

    @Test
    void datesAreReadInArabicChineseAndSpacedForms() {
        assertEquals("2026-03-27", Dates.find("2026年3月27日").iso());
        assertEquals("2022-07-19", Dates.find("2022 年 07 月 19 日").iso());
        assertEquals("2024-04-01", Dates.find("网络首发日期：2024-04-01").iso());
        assertEquals("2017-03-16", Dates.find("二〇一七年三月十六日").iso());
        assertEquals("2023-12", Dates.find("2023年12月").iso());
        assertNull(Dates.find("2025年和田地区"), "a year alone in a title is not a date");
        assertNull(Dates.find("2025-13-40"));
    }

    @Test
    void aCitationGivesAuthorsTitleJournalAndYear() {
        Citation c = Citation.parse("顾华详, 李四. 数字经济赋能研究[J/OL]. 新疆社会科学, 2024, 43(2): 1-9.");
        assertEquals(List.of("顾华详", "李四"), c.authors());
        assertEquals("数字经济赋能研究", c.title());
        assertEquals("新疆社会科学", c.journal());
        assertEquals("2024", c.year());
        assertNull(Citation.parse("not a citation"));
    }

    @Test
    void anAffiliationLosesItsPostalAddress() {
        MetadataWords words = new MetadataWords(Path.of("patterns"));
        Bylines b = new Bylines(words, new Shapes(words));
        assertEquals("新疆大学 经济与管理学院", b.organisation("（新疆大学 经济与管理学院 新疆 乌鲁木齐 830046）"));
        assertEquals("石河子大学经济与管理学院", b.organisation("(石河子大学经济与管理学院, 新疆 石河子 832003)"));
        assertNull(b.organisation("不是括号里的单位"));
    }

    @Test
    void aBadPatternLineIsReportedWithFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("metadata.tsv"), "# comment\nkind\ttext\tvalue\twhere\nlabel\t题目\ttitle\n"
                + "doc_kind\t公报\tbulletin\tsomewhere\n");
        RulesException e = assertThrows(RulesException.class, () -> new MetadataStage(dir));
        assertEquals(List.of("patterns/metadata.tsv:4: doc_kind '公报' needs where = title, top or issuer, not 'somewhere'"),
                e.problems());
        Files.writeString(dir.resolve("metadata.tsv"), "kind\ttext\tvalue\nlabel\t作者\tauthor\n");
        e = assertThrows(RulesException.class, () -> new MetadataStage(dir));
        assertEquals(List.of("patterns/metadata.tsv:2: label '作者' needs a value, one of " + MetadataWords.FIELDS), e.problems());
    }

    @Test
    void referencesFollowGbt7714ForAPaperABulletinAndANewspaperText() {
        assertEquals("顾华详. 数字经济赋能研究[J]. 新疆社会科学, 2024.", Gbt7714.cite(new DocumentMetadata(
                "数字经济赋能研究", List.of("顾华详"), null, "新疆社会科学", null, "2024-04-01", null, List.of(),
                figtrace.model.DocKind.PAPER, Map.of())));
        assertEquals("和田地区统计局. 2025年和田地区国民经济和社会发展统计公报[Z]. 2026-03-27.", Gbt7714.cite(
                new DocumentMetadata("2025年和田地区国民经济和社会发展统计公报", List.of(), null, null, "和田地区统计局",
                        "2026-03-27", null, List.of(), figtrace.model.DocKind.BULLETIN, Map.of())));
        assertEquals("艾尔肯·吐尼亚孜. 2025年新疆政府工作报告[N]. 新疆日报, 2025-01-19.", Gbt7714.cite(
                new DocumentMetadata("2025年新疆政府工作报告", List.of("艾尔肯·吐尼亚孜"), null, "新疆日报", null,
                        "2025-01-19", null, List.of(), figtrace.model.DocKind.REPORT, Map.of())));
        assertEquals("甲, 乙, 丙, 等. 题目[Z].", Gbt7714.cite(new DocumentMetadata("题目", List.of("甲", "乙", "丙", "丁"),
                null, null, null, null, null, List.of(), figtrace.model.DocKind.OTHER, Map.of())));
        assertNull(Gbt7714.cite(DocumentMetadata.empty()));
    }
}
