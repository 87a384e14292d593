package figtrace.figures;

import figtrace.model.Change;
import figtrace.model.FigureKind;
import figtrace.model.Figure;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static figtrace.figures.FigureTestSupport.figures;
import static figtrace.figures.FigureTestSupport.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Units and measure words of bulletins and reports; every case is shaped like sentences of two or more atlas documents. */
class UnitsTest {

    private static void assertFigure(String text, String raw, String value, String unit, String measureWord) {
        Figure f = only(text, raw);
        assertEquals(0, new BigDecimal(value).compareTo(f.value()), raw + " value " + f.value());
        assertEquals(unit, f.unit(), raw);
        assertEquals(measureWord, f.measureWord(), raw);
    }

    @Test
    void measureWordsOfCounts() {
        assertFigure("医疗卫生机构实有床位16249张。", "16249张", "16249", "count", "张");       // 阿克苏
        assertFigure("社会服务床位6791张。", "6791张", "6791", "count", "张");
        assertFigure("环境空气质量优良天数161天，占比44.1%。", "161天", "161", "count", "天");   // 阿克苏, 郑州
        assertFigure("全年发生生产安全事故51起。", "51起", "51", "count", "起");                 // 益阳, 乌鲁木齐
        assertFigure("生产经营性道路交通事故122起。", "122起", "122", "count", "起");
        assertFigure("国际比赛获得金牌2枚。", "2枚", "2", "count", "枚");                      // 滨州, 石家庄
        assertFigure("全年全市签订技术合同1.32万份。", "1.32万份", "13200", "count", "份");      // 郑州, 南阳
        assertFigure("A股上市公司总股本2.89亿股。", "2.89亿股", "289000000", "count", "股");     // 怀化
        assertFigure("新建保障性住房12栋。", "12栋", "12", "count", "栋");
    }

    @Test
    void physicalUnitsOfWeatherAirAndGrain() {
        assertFigure("年平均降水量48.3毫米。", "48.3毫米", "48.3", "mm", null);                 // 阿克苏, 岳阳
        assertFigure("PM2.5平均浓度为43微克/立方米。", "43微克/立方米", "43", "μg/m3", null);   // 安阳, 信阳
        assertFigure("区域环境噪声（昼间）55.3分贝。", "55.3分贝", "55.3", "dB", null);         // 福州
        assertFigure("年平均气温11.7℃。", "11.7℃", "11.7", "°C", null);                       // 阿克苏
        assertFigure("全年粮食总产量达到105.2亿斤。", "105.2亿斤", "5260000000", "kg", null);
    }

    @Test
    void ratiosAreOneFigurePerTerm() {
        Figure toOne = only("城乡居民人均可支配收入比值1.89:1，比上年缩小0.03。", "1.89:1");          // 濮阳, 阿克苏
        assertEquals(FigureKind.RATIO, toOne.kind());
        var parts = figures("增长6.1%。三次产业结构为9.0:44.9:46.1。").stream()
                .filter(f -> FigureKind.RATIO == f.kind()).toList();                           // 滨州, 昆明 …
        assertEquals(3, parts.size());
        assertEquals("46.1", parts.get(2).raw());
        assertEquals("industry_structure", parts.get(0).indicatorId());
        assertTrue(figures("时间：2026-01-28 10:00:00来源：长沙市").stream().noneMatch(f -> FigureKind.RATIO == f.kind()));
    }

    @Test
    void growingSomeFoldIsAMultipleThatGrows() {
        Figure f = only("书报杂志类增长2.0%，家具类增长2.4倍。", "2.4倍");                    // 乌鲁木齐
        assertEquals(FigureKind.MULTIPLE, f.kind());
        assertEquals(Change.GROWTH, f.change());
        assertEquals(Change.YOY_GROWTH, only("（含辽滨经开区0.4亿元），同比增长11.8倍。", "11.8倍").change()); // 盘锦
    }

    @Test
    void aGoalWordInsideANameMakesNoGoal() {
        assertEquals(false, only("全年组织实施市级科技计划项目195项。", "195项").target());              // a bulletin; 和田 final accounts
        assertEquals(false, only("民生实事目标完成率100%。", "100%").target());
        assertEquals(false, only("计划生育事务支出1.2亿元。", "1.2亿元").target());                   // budget reports (东莞, 常州)
        assertEquals(true, only("力争全年地区生产总值增长6%左右。", "6%").target());
    }
}
