package figtrace.metadata;

import figtrace.layout.LayoutStage;
import figtrace.model.DocIssue;
import figtrace.model.DocKind;
import figtrace.model.DocType;
import figtrace.model.DocumentContext;
import figtrace.model.DocumentMetadata;
import figtrace.model.SourceFile;
import figtrace.rules.Rules;
import figtrace.rules.RulesException;
import figtrace.rules.RulesStage;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file name that contradicts its content on the year or the place. Titles in the shape of the real documents: the
 * mislabelled 黔东南 2016 bulletin of realdocs, and correctly named atlas/realdocs files (a 2025 bulletin dated 2026, a
 * budget report giving 2025's execution and 2026's budget).
 */
class FileNameCheckTest {
    private static final Rules RULES = load();
    private static final FileNameCheck CHECK = new MetadataStage(Path.of("patterns")).nameCheck(RULES.regionNames());

    private static Rules load() {
        try {
            return RulesStage.load(Path.of("patterns"));
        } catch (RulesException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Optional<DocIssue> check(String fileName, String title, String date, DocKind kind) {
        String text = title + "\n正文。\n";
        DocumentMetadata meta = new DocumentMetadata(title, List.of(), null, null, null, date, null, List.of(), kind, Map.of());
        DocumentContext c = new ContextReader(RULES).read(new SourceFile(fileName, "sha", text.length(), DocType.TXT),
                LayoutStage.linesOf(text, 0), meta, Map.of());
        return CHECK.check(fileName, c);
    }

    @Test
    void aPinyinNameWithAnotherYearAndPlaceIsFlaggedOnBoth() {
        DocIssue issue = check("docx_qiandongnan_2016_tjgb_MISLABELLED_as_luoyang2023.docx",
                "黔东南州2016年国民经济和社会发展统计公报", "2017-03-16", DocKind.BULLETIN).orElseThrow();
        assertEquals("name_mismatch", issue.code());
        assertTrue(issue.message().contains("says 2023 (it also has 2016)"), issue.message());
        assertTrue(issue.message().contains("reports on 2016"), issue.message());
        // luoyang is 洛阳市 in pinyin; qiandongnan, the right place, is not named as a mismatch
        assertTrue(issue.message().contains("names luoyang (洛阳市)"), issue.message());
        assertTrue(!issue.message().contains("qiandongnan ("), issue.message());
    }

    @Test
    void aPinyinNameOfAnotherPlaceIsFlaggedWhenTheYearAgrees() {
        // an atlas-style name (place_year_kind) over another prefecture's bulletin of the same year
        DocIssue issue = check("zhoukou_2025_statistical_bulletin.html", "鹤壁市2025年国民经济和社会发展统计公报",
                "2026-03-20", DocKind.BULLETIN).orElseThrow();
        assertTrue(issue.message().contains("names zhoukou (周口市), the content is about 鹤壁市"), issue.message());
        assertTrue(!issue.message().contains("says 20"), "the year agrees: " + issue.message());
    }

    @Test
    void pinyinNamesOfTheRightPlaceOrOfAPlaceAroundItAreNotFlagged() {
        // ambiguous pinyin (wuzhong: 吴忠市 and 苏州's 吴中区) agrees when one of its places does; a province around
        // the prefecture agrees; words that are no pinyin (tjgb, report, hotan) are ignored
        assertEquals(Optional.empty(), check("pdf_wuzhong_ningxia_2025_budget_report.pdf",
                "关于吴忠市2025年预算执行情况和2026年预算草案的报告", "2026-01-10", DocKind.BUDGET));
        assertEquals(Optional.empty(), check("docx_hotan_xinjiang_2025_tjgb.docx",
                "和田地区2025年国民经济和社会发展统计公报", "2026-03-27", DocKind.BULLETIN));
        assertEquals(Optional.empty(), check("luoyang_2025_statistical_bulletin.html",
                "洛阳市2025年国民经济和社会发展统计公报", "2026-03-28", DocKind.BULLETIN));
        assertEquals(Optional.empty(), check("henan_luoyang_2025_budget.pdf",
                "洛阳市2025年国民经济和社会发展统计公报", "2026-03-28", DocKind.BULLETIN));
    }

    @Test
    void pinyinIsSpelledByHanlpWordsFirst() {
        assertEquals("luoyang", PlacePinyin.spell("洛阳"));
        assertEquals("qiandongnan", PlacePinyin.spell("黔东南"));
        assertEquals("chongqing", PlacePinyin.spell("重庆"));
    }

    @Test
    void aChineseNameOfAnotherPlaceIsFlagged() {
        DocIssue issue = check("洛阳市2016年统计公报.docx", "黔东南州2016年国民经济和社会发展统计公报", "2017-03-16",
                DocKind.BULLETIN).orElseThrow();
        assertTrue(issue.message().contains("names 洛阳市"), issue.message());
        assertTrue(!issue.message().contains("only years"), issue.message());
    }

    @Test
    void correctlyNamedFilesAreNotFlagged() {
        // a bulletin about 2025 published (and named) in 2026; a budget report for 2025/2026; a place inside the named one
        assertEquals(Optional.empty(), check("urumqi_2025_statistical_bulletin.html",
                "乌鲁木齐市2025年国民经济和社会发展统计公报", "2026-04-21", DocKind.BULLETIN));
        assertEquals(Optional.empty(), check("jiangsu_nantong_2026_budget_report.pdf",
                "关于南通市2025年预算执行情况与2026年预算草案的报告", "2026-01-21", DocKind.BUDGET));
        assertEquals(Optional.empty(), check("新疆和田地区2025年统计公报.docx",
                "和田地区2025年国民经济和社会发展统计公报", "2026-03-27", DocKind.BULLETIN));
        // no year in the content: nothing to compare
        assertEquals(Optional.empty(), check("report_2019.txt", "统计公报", null, DocKind.BULLETIN));
    }

    @Test
    void hashesAndLongNumbersAreNoYears() {
        assertEquals(Set.of(), FileNameCheck.yearsIn("000_e3c7a792a2016dbf"));
        assertEquals(Set.of(2022), FileNameCheck.yearsIn("pdf_gaoce_688556_broker_research_2022"));
        assertEquals(Set.of(2016, 2023), FileNameCheck.yearsIn("docx_qiandongnan_2016_tjgb_MISLABELLED_as_luoyang2023"));
    }
}
