package figtrace.figures;

import figtrace.model.DocKind;
import figtrace.model.DocumentMetadata;
import figtrace.model.Figure;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 9: a figure's region and period read with the document's context. Each rule is checked on sentences of at
 * least two unseen documents (the atlas's city bulletins and budget reports, the real documents), never the samples'.
 */
class OwnRegionAndPeriodTest {

    private static List<Figure> figures(String text, String title, DocKind kind) {
        return FigureTestSupport.figures(text, new DocumentMetadata(title, List.of(), null, null, null, null, null,
                List.of(), kind, Map.of()));
    }

    private static Figure figure(String text, String title, DocKind kind, String raw) {
        return figures(text, title, kind).stream().filter(f -> f.raw().equals(raw)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + raw + " in " + text));
    }

    @Test
    void wholeCityFiguresAreAboutTheCityTheTitleNamesNotItsProvince() {
        // atlas anyang_2025_statistical_bulletin.html, puyang_2025_statistical_bulletin.html
        String anyang = "(河南省)2025年安阳市国民经济和社会发展统计公报\n初步核算，全年全市实现地区生产总值2765.8亿元，比上年增长5.5%。\n";
        assertEquals("安阳市", figure(anyang, "(河南省)2025年安阳市国民经济和社会发展统计公报", DocKind.BULLETIN, "2765.8亿元").region());
        String puyang = "(河南省)2025年濮阳市国民经济和社会发展统计公报\n一般公共预算收入123.50亿元，增长4.6%。\n";
        assertEquals("濮阳市", figure(puyang, "(河南省)2025年濮阳市国民经济和社会发展统计公报", DocKind.BULLETIN, "123.50亿元").region());
        // realdocs docx_hotan_xinjiang_2025_tjgb.docx: 全地区 is the prefecture's own
        String hotan = "2025年和田地区国民经济和社会发展统计公报\n全地区实现地区生产总值800亿元。\n";
        assertEquals("和田地区", figure(hotan, "2025年和田地区国民经济和社会发展统计公报", DocKind.BULLETIN, "800亿元").region());
    }

    @Test
    void aPlaceNamedInTheSentenceWinsOverTheDocumentsRegion() {
        String t = "(河南省)2025年安阳市国民经济和社会发展统计公报\n全市常住人口535万人。林州市常住人口100万人。\n";
        assertEquals("林州市", figure(t, "(河南省)2025年安阳市国民经济和社会发展统计公报", DocKind.BULLETIN, "100万人").region());
        assertEquals("安阳市", figure(t, "(河南省)2025年安阳市国民经济和社会发展统计公报", DocKind.BULLETIN, "535万人").region());
    }

    @Test
    void domesticTourismIsNotTheWholeCountry() {
        // atlas huaihua_2025_statistical_bulletin.html, xiangtan_2025_statistical_bulletin.pdf (其中国内… is not 中国)
        String huaihua = "怀化市2025年国民经济与社会发展统计公报\n其中：国内旅游人数7222.56万人次，增长12.11%。\n";
        assertEquals("怀化市", figure(huaihua, "怀化市2025年国民经济与社会发展统计公报", DocKind.BULLETIN, "7222.56万人次").region());
        String xiangtan = "湘潭市2025年国民经济和社会发展统计公报\n其中国内旅游收入554.77亿元，增长8.0%。\n";
        assertEquals("湘潭市", figure(xiangtan, "湘潭市2025年国民经济和社会发展统计公报", DocKind.BULLETIN, "554.77亿元").region());
    }

    @Test
    void tradingPartnersAreInTheSubjectNotTheRegion() {
        // atlas zhenjiang (对东盟出口134.83亿元…) and huaihua (出口东盟25.5亿元…) bulletins: each city's own exports to
        // a partner; taking the partner as the region made two cities' exports one panel fact that "conflicted"
        String a = "2025年镇江市国民经济和社会发展统计公报\n对东盟、欧盟、韩国进出口分别增长25.2%、5.7%和14.7%。\n";
        List<Figure> fs = figures(a, "2025年镇江市国民经济和社会发展统计公报", DocKind.BULLETIN);
        assertEquals(List.of("镇江市", "镇江市", "镇江市"), fs.stream().map(Figure::region).toList());
        String b = "怀化市2025年国民经济与社会发展统计公报\n按贸易对象分，出口东盟25.5亿元，下降25.3%；出口美国7.6亿元，下降19.8%；出口南非0.4亿元。\n";
        List<Figure> hs = figures(b, "怀化市2025年国民经济与社会发展统计公报", DocKind.BULLETIN);
        assertEquals(List.of("怀化市", "怀化市", "怀化市", "怀化市", "怀化市"), hs.stream().map(Figure::region).toList());
        assertEquals("出口东盟", hs.get(0).subject());
        assertEquals("出口南非", hs.get(4).subject(), "a partner does not leak into the next clause");
        String c = "全年自日本进口12亿元。\n";
        assertEquals(null, figures(c, null, DocKind.OTHER).get(0).region());
    }

    @Test
    void placesListedWithFenbieGiveEachFigureItsOwnRegion() {
        // xinjiang work report (乌鲁木齐、昌吉、哈密…分别) and atlas bulletins listing their counties with 分别
        String a = "乌鲁木齐市、克拉玛依市、哈密市地区生产总值分别增长6.1%、5.2%和7.0%。\n";
        List<Figure> fs = figures(a, null, DocKind.OTHER);
        assertEquals(List.of("乌鲁木齐市", "克拉玛依市", "哈密市"), fs.stream().map(Figure::region).toList());
    }

    @Test
    void stocksAtYearEndAreDatedTheLastDayOfTheYear() {
        // atlas anyang and puyang bulletins: 年末全市常住人口…
        String anyang = "(河南省)2025年安阳市国民经济和社会发展统计公报\n年末全市常住人口535万人，较上年减少4.4万人。\n全年出生人口3万人。\n";
        List<Figure> fs = figures(anyang, "(河南省)2025年安阳市国民经济和社会发展统计公报", DocKind.BULLETIN);
        assertEquals("2025-12-31", fs.get(0).time());
        assertEquals("2025", fs.get(fs.size() - 1).time(), "the year-end word holds for its own sentence only");
        String puyang = "(河南省)2025年濮阳市国民经济和社会发展统计公报\n年末全市常住人口366.10万人。\n";
        assertEquals("2025-12-31", figure(puyang, "(河南省)2025年濮阳市国民经济和社会发展统计公报", DocKind.BULLETIN, "366.10万人").time());
        // a balance of a year is what stands at its end (金融机构存款余额 in a bulletin)
        String balance = "2025年宝鸡市国民经济和社会发展统计公报\n2025年金融机构人民币各项存款余额5000亿元。\n";
        assertEquals("2025-12-31", figure(balance, "2025年宝鸡市国民经济和社会发展统计公报", DocKind.BULLETIN, "5000亿元").time());
    }

    @Test
    void aBudgetReportsUndatedExecutionFiguresAreThePastYears() {
        // atlas changzhou_2025_budget_report.html: no year in the sentence or its paragraph
        String changzhou = "2025年预算情况和2026年预算草案\n全市一般公共预算收入完成715.5亿元，增长2.5%。\n";
        assertEquals("2025", figure(changzhou, "2025年预算情况和2026年预算草案", DocKind.BUDGET, "715.5亿元").time());
        // atlas changsha_2025_budget_report.html: 上年结转 in the sentence before does not date the next one
        String changsha = "关于2025年全市和市本级预算执行情况与2026年全市和市本级预算草案的报告\n"
                + "全市收入合计1980.02亿元，其中上年结转50.52亿元。全市完成一般公共预算支出1625.77亿元。\n";
        assertEquals("2025", figure(changsha, "关于2025年全市和市本级预算执行情况与2026年全市和市本级预算草案的报告",
                DocKind.BUDGET, "1625.77亿元").time());
    }

    @Test
    void aBudgetReportsComingYearFiguresTakeTheYearTheirSectionNames() {
        // atlas budget reports: 一、2025年预算执行情况 / 二、2026年预算草案
        String t = "关于济南市2025年预算执行情况与2026年预算草案的报告\n一、2025年预算执行情况\n全市一般公共预算收入完成1100亿元。\n"
                + "二、2026年预算草案\n全市一般公共预算收入安排1150亿元。\n";
        List<Figure> fs = figures(t, "关于济南市2025年预算执行情况与2026年预算草案的报告", DocKind.BUDGET);
        assertEquals(List.of("2025", "2026"), fs.stream().map(Figure::time).toList());
        assertEquals(List.of("济南市", "济南市"), fs.stream().map(Figure::region).toList());
    }
}
