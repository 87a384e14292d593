package figtrace.figures;

import figtrace.model.DocKind;
import figtrace.model.DocumentMetadata;
import figtrace.model.Figure;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Rules found while reviewing the atlas cells and the panel built from ../shared/atlas/docs (session 8, issue 9): each
 * shown by sentences of at least two documents, none of them among the five samples.
 */
class AtlasReviewRulesTest {

    private static Figure figure(String text, String title, DocKind kind, String raw) {
        List<Figure> figures = FigureTestSupport.figures(text, new DocumentMetadata(title, List.of(), null, null, null,
                null, null, List.of(), kind, Map.of()));
        return figures.stream().filter(f -> f.raw().equals(raw)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + raw + " in " + text + "\nfound: " + figures));
    }

    @Test
    void aPriceBasisBeforeAGrowthRateIsNotItsSubject() {
        // atlas suzhou_2025_statistical_bulletin.html (no comma after the basis, twice)
        String suzhouTitle = "2025年苏州市国民经济和社会发展统计公报";
        String suzhou = suzhouTitle + "\n初步核算，全年实现地区生产总值27695.1亿元，按不变价格计算比上年增长5.4%，其中第一产业增加值208.9亿元，增长4.5%。\n"
                + "农业生产稳定增长。全年实现农林牧渔业总产值376.6亿元，按可比价格计算比上年增长4.1%。\n";
        Figure gdp = figure(suzhou, suzhouTitle, DocKind.BULLETIN, "5.4%");
        assertEquals("gdp", gdp.indicatorId());
        assertEquals(figtrace.model.Change.GROWTH, gdp.change());
        assertEquals("苏州市", gdp.region());
        assertEquals("agriculture_output", figure(suzhou, suzhouTitle, DocKind.BULLETIN, "4.1%").indicatorId());
        // atlas nanchang_2025_statistical_bulletin.html and ningde_2025_rating_report.pdf: the basis as a clause of its own
        String nanchangTitle = "2025年南昌市国民经济和社会发展统计公报";
        String nanchang = nanchangTitle + "\n2025年，全市地区生产总值8141.69亿元，跨越八千亿新台阶，按不变价格计算，比上年增长4.7%。\n";
        assertEquals("gdp", figure(nanchang, nanchangTitle, DocKind.BULLETIN, "4.7%").indicatorId());
        String ningdeTitle = "宁德市2025年经济运行情况";
        String ningde = ningdeTitle + "\n2025年，宁德市实现地区生产总值4251.72亿元（初步核算），按可比价计算比上年增长7.5%。\n";
        assertEquals("gdp", figure(ningde, ningdeTitle, DocKind.BULLETIN, "7.5%").indicatorId());
    }

    @Test
    void compassWordsAreNoFiguresRegion() {
        // atlas binzhou_2025_statistical_bulletin.html: the city's own parts, not central China
        String binzhouTitle = "2025年滨州市国民经济和社会发展统计公报";
        String binzhou = binzhouTitle + "\n区域发展协同推进。全年北部县区、中部县区、南部县市区实现地区生产总值分别为726.69亿元、1497.98亿元和1333.50亿元，比上年分别增长6.0%、5.1%和5.1%。\n";
        assertEquals("滨州市", figure(binzhou, binzhouTitle, DocKind.BULLETIN, "1497.98亿元").region());
        assertEquals("滨州市", figure(binzhou, binzhouTitle, DocKind.BULLETIN, "6.0%").region());
        // atlas shenzhen_2025_budget_report.pdf and chongqing_2025_budget_report.pdf: places named after a direction
        String shenzhenTitle = "深圳市2025年预算执行情况和2026年预算草案的报告";
        assertEquals("深圳市", figure(shenzhenTitle + "\n西部海域入海河流总氮下降 5.1%。\n", shenzhenTitle, DocKind.BUDGET, "5.1%").region());
        String chongqingTitle = "关于重庆市2025年预算执行情况和2026年预算草案的报告";
        assertEquals("重庆", figure(chongqingTitle + "\n共建西部金融中心,安排20亿元。\n", chongqingTitle, DocKind.BUDGET, "20亿元").region());
    }

    @Test
    void theAdjustedBudgetNamedVariedIsStillItsIndicator() {
        // atlas jincheng_2025_budget_report.pdf (变动预算数 in prose) and shizuishan_2025.pdf (完成变动预算的): 变动预算 is the
        // adjusted budget, as the 变动预算数 columns of the realdocs Wuzhong budget report's tables are
        assertEquals("general_public_budget_expenditure",
                Indicators.find(FigureTestSupport.RULES.indicators(), "一般公共预算支出变动预算数").id());
        assertEquals("general_public_budget_revenue",
                Indicators.find(FigureTestSupport.RULES.indicators(), "一般公共预算收入变动预算").id());
    }

    @Test
    void aTotalAmountIsStillItsIndicator() {
        // atlas jingdezhen_2025_budget_report.pdf (five-year totals) and the realdocs Xinjiang and Wuzhong budget tables
        assertEquals("general_public_budget_revenue",
                Indicators.find(FigureTestSupport.RULES.indicators(), "一般公共预算收入总额").id());
        assertEquals("non_tax_revenue", Indicators.find(FigureTestSupport.RULES.indicators(), "非税收入总额").id());
        assertEquals("general_debt_limit", Indicators.find(FigureTestSupport.RULES.indicators(), "一般债务限额总额").id());
        // a name holding 总额 is matched as it is
        assertEquals("retail_sales", Indicators.find(FigureTestSupport.RULES.indicators(), "社会消费品零售总额").id());
    }
}
