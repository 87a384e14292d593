package figtrace.metadata;

import figtrace.layout.LayoutStage;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A document's own region, period and kind, read from the document itself (titles from atlas and real documents). */
class ContextReaderTest {
    private static final Rules RULES = load();

    private static Rules load() {
        try {
            return RulesStage.load(Path.of("patterns"));
        } catch (RulesException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static DocumentContext read(String text, String title, String issuer, DocKind kind) {
        DocumentMetadata meta = new DocumentMetadata(title, List.of(), null, null, issuer, null, null, List.of(), kind, Map.of());
        return new ContextReader(RULES).read(new SourceFile("t.txt", "sha", text.length(), DocType.TXT),
                LayoutStage.linesOf(text, 0), meta, Map.of());
    }

    @Test
    void aBulletinsTitleNamesItsRegionWithItsCode() {
        DocumentContext c = read("鹤壁市2025年国民经济和社会发展统计公报\n河南省统计局\n", "鹤壁市2025年国民经济和社会发展统计公报", null, DocKind.BULLETIN);
        assertEquals("鹤壁市", c.ownRegionName());
        assertEquals("410600", c.ownRegion().code());
        assertEquals("2025", c.period().label());
        assertEquals("title", c.regionSource());
    }

    @Test
    void theMostSpecificPlaceOfTheTitleWins() {
        // atlas: anyang_2025_statistical_bulletin.html, zaozhuang_2025_statistical_bulletin.html
        assertEquals("安阳市", read("x\n", "(河南省)2025年安阳市国民经济和社会发展统计公报-红黑统计公报库", null, DocKind.BULLETIN).ownRegionName());
        DocumentContext z = read("x\n", "(山东省)2025年枣庄市国民经济和社会发展统计公报", null, DocKind.BULLETIN);
        assertEquals("枣庄市", z.ownRegionName());
        assertEquals("370400", z.ownRegion().code());
        // realdocs: a prefecture-level 地区 and an autonomous prefecture
        assertEquals("和田地区", read("x\n", "2025年和田地区国民经济和社会发展统计公报", null, DocKind.BULLETIN).ownRegionName());
        assertEquals("黔东南苗族侗族自治州", read("x\n", "黔东南州2023年国民经济和社会发展统计公报", null, DocKind.BULLETIN).ownRegionName());
    }

    @Test
    void withoutAPlaceInTheTitleTheIssuerOrTheFirstLinesSayIt() {
        DocumentContext c = read("2025年全市经济总量实现新突破\n正文。\n", "2025年全市经济总量实现新突破", "南昌市统计局", DocKind.BULLETIN);
        assertEquals("南昌市", c.ownRegionName());
        assertEquals("issuer", c.regionSource());
        DocumentContext s = read("市十五届人大五次会议文件（十二）\n石嘴山市财政局\n各位代表：\n", "市十五届人大五次会议文件（十二）", null, DocKind.BUDGET);
        assertEquals("石嘴山市", s.ownRegionName());
        assertEquals("first lines", s.regionSource());
    }

    @Test
    void aDocumentThatNamesNoRegionHasNone() {
        DocumentContext c = read("数字经济与产业升级研究\n摘要：本文讨论产业升级。\n", "数字经济与产业升级研究", null, DocKind.PAPER);
        assertNull(c.ownRegion(), "no default region");
        assertNull(c.storedFields().get("own_region"));
    }

    @Test
    void aBudgetReportGivesThePastYearsExecutionAndTheComingYearsBudget() {
        DocumentContext c = read("x\n", "关于济南市2025年预算执行情况与2026年预算草案的报告", null, DocKind.BUDGET);
        assertEquals(2025, c.period().year());
        assertEquals(2026, c.period().budgetYear());
        assertEquals(2026, c.period().speechYear(), "read in January 2026, its 今年 is 2026");
        DocumentContext g = read("x\n", "2026年广州市本级政府预算公开", null, DocKind.BUDGET);
        assertEquals(2025, g.period().year());
        assertEquals(2026, g.period().budgetYear());
        DocumentContext f = read("x\n", "2025年度和田地区政府决算公开", null, DocKind.FINAL_ACCOUNTS);
        assertEquals(2025, f.period().year());
        assertNull(f.period().budgetYear(), "final accounts propose no budget");
    }

    @Test
    void theStoredFieldsShowRegionCodePeriodAndKind() {
        Map<String, String> f = read("x\n", "关于海口市2025年预算执行情况和2026年预算草案的报告", "海口市财政局", DocKind.BUDGET).storedFields();
        assertEquals("海口市", f.get("own_region"));
        assertEquals("460100", f.get("region_code"));
        assertEquals("2025/2026", f.get("period"));
        assertEquals("budget", f.get("doc_kind"));
    }
}
