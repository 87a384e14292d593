package figtrace.figures;

import figtrace.model.Change;
import figtrace.model.Qualifier;
import figtrace.model.Figure;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static figtrace.figures.FigureTestSupport.figures;
import static figtrace.figures.FigureTestSupport.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FigureStageTest {

    @Test
    void moneyWithMultiplierIsExactInYuan() {
        Figure f = only("截至2024年底，全区科技型企业贷款余额6616.93亿元，同比增长14.48%。", "6616.93亿元");
        assertEquals(0, new BigDecimal("661693000000").compareTo(f.value()));
        assertEquals("CNY", f.unit());
        assertEquals("2024-12-31", f.time());
        assertEquals("科技型企业贷款余额", f.subject());
    }

    @Test
    void growthAfterALevelKeepsTheLevelsSubject() {
        Figure f = only("截至2024年底，科技型企业贷款余额6616.93亿元，同比增长14.48%。", "14.48%");
        assertEquals(Change.YOY_GROWTH, f.change());
        assertEquals("科技型企业贷款余额", f.subject());
    }

    @Test
    void theHundredPercentAFormulaMultipliesByIsNoFigure() {
        // definitions appendix of the Nanping and Xuzhou rating reports; a note of the Ningde rating report
        assertTrue(figures("资产负债率 负债总额/资产总计×100%").stream().noneMatch(f -> f.raw().startsWith("100")));
        assertTrue(figures("注：1、税收收入占比=税收收入/一般公共预算收入*100%；").stream().noneMatch(f -> f.raw().startsWith("100")));
        assertEquals("100%", only("全市行政村通光纤比例达到100%。", "100%").raw(), "a 100% that is measured stays");
    }

    @Test
    void decreaseIsTheChangeNotANegativeValue() {
        Figure f = only("2024年，全市工业增加值同比下降3.2%。", "3.2%");
        assertEquals(Change.DECREASE, f.change());
        assertEquals(0, new BigDecimal("3.2").compareTo(f.value()));
    }

    @Test
    void percentagePointsAgainstAYardstickAreADiff() {
        Figure f = only("增速高于全国平均水平11.0个百分点。", "11.0个百分点");
        assertEquals("pp", f.unit());
        assertEquals(Change.DIFF, f.change());
    }

    @Test
    void listedFiguresAfterFenbieTakeTheirOwnYearAndSubject() {
        List<Figure> fs = figures("2020、2021年，企业为第一完成单位的成果分别占44.8%、34.86%。");
        assertEquals("2020", fs.get(0).time());
        assertEquals("2021", fs.get(1).time());
        List<Figure> loans = figures("知识产权质押融资贷款企业户次、余额同比分别增长47.7%、85.7%。");
        assertEquals("知识产权质押融资贷款企业户次", loans.get(0).subject());
        assertEquals("余额", loans.get(1).subject());
        assertEquals(Change.YOY_GROWTH, loans.get(1).change());
    }

    @Test
    void yearOfAnEarlierSentenceCarriesWithinTheParagraph() {
        Figure f = only("2023年，新疆拥有研发机构98个。重点实验室141个。", "141个");
        assertEquals("2023", f.time());
    }

    @Test
    void comparisonYearInBracketsIsNotTheFiguresTime() {
        Figure f = only("2024年投入强度为0.67%，较上年(修订后2023年0.59%)增长0.08个百分点。", "0.08个百分点");
        assertEquals("2024", f.time());
        assertEquals(Change.INCREASE, f.change());
    }

    @Test
    void targetsAreMarked() {
        assertTrue(only("力争到2025年高新技术企业达到3200家。", "3200家").target());
        assertEquals(false, only("2024年高新技术企业达到2529家。", "2529家").target());
        // 争取 with an amount right after what was obtained is a fact (Xuancheng budget report; atlas Ankang budget report)
        assertEquals(false, only("争取置换债券额度 74.9亿元，同比增长 20.8%，有效缓解债务偿还压力。", "74.9亿元").target());
        assertEquals(false, only("争取置换债券额度 74.9亿元，同比增长 20.8%，有效缓解债务偿还压力。", "20.8%").target());
        assertEquals(false, only("全年争取中省转移支付资金346.81亿元，较上年增加2.42亿元。", "346.81亿元").target());
        assertTrue(only("力争争取中央资金100亿元以上。", "100亿元").target());
        // projects obtained (atlas Weifang budget report; Jingzhou bulletin, where 计划项目 is also a name)
        assertEquals(false, only("争取国家、省级乡村振兴领域试点项目11个，获上级奖补资金5亿元。", "11个").target());
        assertEquals(false, only("全年争取省级及以上科技计划项目 255 项，登记科技成果 96 项。", "255 项").target());
        // a change over past years is a fact, a level to reach by a year a goal (Xuancheng; atlas Zhongwei budget report)
        assertEquals(false, only("税收收入从 2020 年的 104.5 亿元提高到 2025 年的 125.1 亿元。", "104.5 亿元").target());
        assertEquals(false, only("地方一般公共预算收入从2021年的22.86亿元增加到2025年的30.1亿元。", "30.1亿元").target());
    }

    @Test
    void qualifiersComeFromTheWordsAround() {
        assertEquals(Qualifier.GT, only("整机国产化率超过90%。", "90%").qualifier());
        assertEquals(Qualifier.GE, only("纯度提高到11N以上。", "11N").qualifier());
        assertEquals(Qualifier.LT, only("研发投入不足5%。", "5%").qualifier());
        assertEquals(Qualifier.APPROX, only("投资约30亿元。", "30亿元").qualifier());
    }

    @Test
    void regionIsTheNearestPlaceButNotAYardstick() {
        assertEquals("乌鲁木齐市", only("依次为乌鲁木齐市(49.55亿元)、昌吉回族自治州(18.68亿元)。", "49.55亿元").region());
        assertEquals("昌吉回族自治州", only("依次为乌鲁木齐市(49.55亿元)、昌吉州(18.68亿元)。", "18.68亿元").region());
        assertEquals("新疆", only("新疆R&D经费增速居全国第2位。", "第2位").region());
    }

    @Test
    void aPlaceInsideBracketsThatCloseBeforeTheFigureIsNotItsRegion() {
        // Xinjiang work report; gold 004 (…对接会（乌鲁木齐、克拉玛依专场）等活动4场); atlas Huainan budget (不含安徽理工大学…)
        assertEquals("新疆", only("新疆全年过境中欧(中亚)班列增长14%，达到1.64万列。", "1.64万列").region());
        assertEquals("新疆", only("新疆举办高校科技成果转化对接会（乌鲁木齐、克拉玛依专场）等活动4场。", "4场").region());
        // a place narrowing the place before its brackets is the figure's (atlas Zaozhuang bulletin)
        assertEquals("枣庄市", only("中国（枣庄）国际闲置品循环经济产业园入驻企业100余家。", "100余家").region());
        // a figure inside the brackets right after the place is still that place's
        assertEquals("乌鲁木齐市", only("依次为乌鲁木齐市(49.55亿元)、昌吉回族自治州(18.68亿元)。", "49.55亿元").region());
    }

    @Test
    void aCountedNounThatRunsIntoTheNextFigureEndsBeforeItsVerb() {
        // gold 000; atlas Suzhou bulletin, Zhongshan budget report; Xinjiang work report
        assertEquals("重大项目", only("其中战略性新兴产业领域30个重大项目完成投资188.2亿元。", "30个").subject());
        assertEquals("企业", only("全市5221家企业解决贷款203.4亿元，比上年增长11.6%。", "5221家").subject());
        assertEquals("企业", only("帮助461户企业获得贷款85.89亿元。", "461户").subject());
        assertEquals("央企", only("25家央企签署投资协议9400亿元。", "25家").subject());
        assertEquals("三甲医院", only("60家三甲医院实现377项检查检验结果互认。", "60家").subject());
    }

    @Test
    void aBoundWordIsTheFiguresQualifierNotPartOfItsSubject() {
        // gold 004 (研发投入不足5%); atlas Dongguan and Guangzhou budget reports (不少于, 至少)
        assertEquals("企业研发投入", only("高新技术企业中有43%企业研发投入不足5%。", "5%").subject());
        assertEquals("参展企业数", only("参展企业数不少于400家。", "400家").subject());
        assertEquals("知识产权质押融资惠及企业", only("知识产权质押融资惠及企业至少800家。", "800家").subject());
    }

    @Test
    void ordinalsNamesAndArticlesAreNotFigures() {
        assertEquals(List.of(), figures("推荐第六批专精特新企业，落实“十四五”规划，形成一批成果，千方百计推进。"));
        assertEquals(List.of(), figures("见《2024年新疆科技经费投入统计公报》和新政发〔2024〕169号。"));
    }

    @Test
    void chineseNumeralsCount() {
        assertEquals(0, BigDecimal.valueOf(3).compareTo(only("已实施三批。", "三批").value()));
        assertEquals(0, BigDecimal.ONE.compareTo(only("目前仅有一家。", "一家").value()));
    }

    @Test
    void numberBrokenBySpacesAndFullWidthDigitsIsWhole() {
        Figure f = only("地区生产总值２４７９.６ 亿元。", "２４７９.６ 亿元");
        assertEquals(0, new BigDecimal("247960000000").compareTo(f.value()));
    }

    @Test
    void quoteIsTheSentenceCutFromTheTextAtItsOffsets() {
        String text = "第一段。\n2024年R&D经费投入总量为138.53亿元，增长19.9%。下一句。";
        for (Figure f : figures(text)) {
            assertEquals(text.substring(f.charStart(), f.charEnd()), f.quote());
            assertEquals(f.raw(), text.substring(f.spanStart(), f.spanEnd()));
            assertEquals(2, f.line());
            assertTrue(f.quote().startsWith("2024年") && f.quote().endsWith("。"), f.quote());
        }
    }

    @Test
    void tableCellsTakeUnitTimeAndRegionFromHeaderAndRowLabel() {
        String text = "表1 2024年各地区R&D经费情况\n\n地区\t2024年R&D经费 (万元)\t2024年投入强度(%)\n"
                + "乌鲁木齐市\t495539.70\t1.10\n和田地区\t-\t0.06\n";
        List<Figure> fs = figures(text);
        assertEquals(3, fs.size(), "the '-' cell is not a figure");
        Figure money = fs.get(0);
        assertEquals(0, new BigDecimal("4955397000").compareTo(money.value()));
        assertEquals("CNY", money.unit());
        assertEquals("2024", money.time());
        assertEquals("乌鲁木齐市", money.region());
        assertEquals("R&D经费", money.subject());
        assertEquals("%", fs.get(1).unit());
        assertEquals(4, money.line());
        assertEquals("乌鲁木齐市\t495539.70\t1.10", money.quote());
    }

    @Test
    void idsAreStableAndDifferPerSpan() {
        List<Figure> a = figures("增长19.9%，达到138.53亿元。");
        List<Figure> b = figures("增长19.9%，达到138.53亿元。");
        assertEquals(a.get(0).id(), b.get(0).id());
        assertTrue(!a.get(0).id().equals(a.get(1).id()));
        assertNull(a.get(0).page());
    }

    @Test
    void letterSpacedDigitsFromJustifiedLinesAreOneNumber() {
        Figure f = only("比上年增长 2 2 . 1 %，居全省第一。", "2 2 . 1 %");
        assertEquals(0, new BigDecimal("22.1").compareTo(f.value()));
        assertEquals(2, figures("2021 2022年分别为3个和4个。").size(), "separate numbers stay separate");
    }

    @Test
    void aRangeGivesBothEnds() {
        List<Figure> fs = figures("增速保持在10—20%。");
        assertEquals(List.of("10", "20%"), fs.stream().map(Figure::raw).toList());
        assertEquals("%", fs.get(0).unit());
    }


    @Test
    void aBulletinsFiguresWithoutAPeriodAreAboutItsReportYear() {
        String text = "某州2023年国民经济和社会发展统计公报\n某州统计局\n2024年5月7日\n全州共有文化馆17个。\n";
        Figure f = FigureTestSupport.figures(text, FigureTestSupport.ofKind(figtrace.model.DocKind.BULLETIN)).get(0);
        assertEquals("2023", f.time());
        assertNull(figures(text).get(0).time(), "not a bulletin: no period is made up");
    }

    @Test
    void wholeYearUnderADatedSectionIsThatSectionsYear() {
        String text = "2025年政府工作报告\n一、2024年工作回顾\n全年组织出访447批。\n二、2025年工作安排\n力争全年增长6%左右。\n";
        List<Figure> fs = figures(text);
        assertEquals("2024", fs.get(0).time());
        assertEquals("2025", fs.get(1).time());
    }

    @Test
    void itemsUnderASectionTitleThatNamesAYearAreOfThatYear() {
        // a budget report (广东, 东莞, 广州 2025) explains last year's execution, then next year's budget, each part
        // under an unnumbered 关于…的说明 title; a title may wrap over two lines
        String text = "关于2025年省本级一般公共预算收入执行情况的说明\n税收收入完成1000亿元，增长2%。\n"
                + "关于2026年省本级一般公共预算支出\n预算的说明\n三、公共安全支出预算287.66亿元，增加6.46亿元，增长2.3%，主要是增加装备。\n"
                + "一、教育支出\n安排300亿元。\n";
        List<Figure> fs = figures(text, FigureTestSupport.ofKind(figtrace.model.DocKind.BUDGET));
        assertEquals("2025", fs.get(0).time(), fs.get(0).toString());
        assertEquals("2026", withRaw(fs, "287.66亿元").time());
        assertEquals("2026", withRaw(fs, "2.3%").time());
        assertEquals("2026", withRaw(fs, "300亿元").time(), "a numbered heading naming no year keeps the title's");
    }

    @Test
    void figuresUnderABudgetSectionAboutAZoneAreTheZones() {
        // 承德, 晋城 and 益阳 budget reports (atlas) report their high-tech zone and other zones in sections of their own;
        // the sentences there name no place. A kind of area (园区) names no zone; 全市 speaks of the whole city again.
        String text = "关于承德市2025年市本级预算执行情况的报告\n一、2025年预算执行情况\n（一）全市预算执行情况\n"
                + "一般公共预算收入完成144.8亿元。\n（二）高新区预算执行情况\n一般公共预算收入完成9.2亿元。\n"
                + "（三）御道口牧场管理区预算执行情况\n一般公共预算收入完成1.1亿元。\n"
                + "回顾过去的一年，全市各级坚决落实部署。\n一是向上争取有力。累计争取到位资金317.8亿元。\n"
                + "（四）园区预算执行情况\n一般公共预算收入完成2.5亿元。\n";
        List<Figure> fs = figures(text, FigureTestSupport.ofKind(figtrace.model.DocKind.BUDGET));
        assertEquals("承德市", withRaw(fs, "144.8亿元").region());
        assertEquals("承德高新技术产业开发区", withRaw(fs, "9.2亿元").region(), "高新区 is the city's zone of that name in regions.tsv");
        assertEquals("御道口牧场管理区", withRaw(fs, "1.1亿元").region(), "a zone regions.tsv does not know, as written");
        assertEquals("承德市", withRaw(fs, "317.8亿元").region(), "全市 ended the zone's section");
        assertEquals("承德市", withRaw(fs, "2.5亿元").region(), "园区 is a kind of area, not one zone");
    }

    @Test
    void aChangeTakesTheSubjectOfTheFigureJustBeforeIt() {
        Figure f = only("全年施工面积增长2.1%，竣工面积814.93万平方米，下降13.5%。", "13.5%");
        assertEquals("竣工面积", f.subject());
    }

    @Test
    void budgetTablesSkipCodeColumnsAndReadPercentColumns() {
        String text = "表一：2024年一般公共预算收入完成情况表\n单位：万元\n科目\t2023年\t2024年\t比上年增（减）\n"
                + "编码\t决算数\t完成数\t%\n101\t一、税收收入\t13,690,843\t14,097,587\t3.0\n";
        List<Figure> fs = figures(text);
        assertEquals(3, fs.size());
        assertEquals(0, new BigDecimal("136908430000").compareTo(fs.get(0).value()));
        assertEquals("2023", fs.get(0).time());
        assertEquals("2024", fs.get(1).time());
        assertTrue(fs.get(0).subject().startsWith("税收收入"), fs.get(0).subject());
        assertEquals("%", fs.get(2).unit());
        assertEquals(Change.GROWTH, fs.get(2).change());
    }

    @Test
    void theMeetingsOfAListOfOrdinalMeetingsAreNotCounts() {
        // work reports name plenary sessions as 届 and 次: 十届十二次、十三次全会 (新疆), 十二届五次、六次全会 (吉林)
        assertTrue(figures("深入落实自治区党委十届十二次、十三次全会部署。").isEmpty());
        assertTrue(figures("按照省委十二届五次、六次全会要求，召开会议3次。").stream().map(Figure::raw).toList().equals(List.of("3次")));
    }

    private static Figure withRaw(List<Figure> fs, String raw) {
        return fs.stream().filter(f -> f.raw().equals(raw)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + raw + " in " + fs.stream().map(Figure::raw).toList()));
    }

    @Test
    void aWorkReportsPlansForTheYearAreGoals() {
        // Xinjiang work report (二、2025年重点工作), Jilin work report (二、2025年工作安排)
        String text = "一、2024年工作回顾\n全区棉花总产568.6万吨。\n二、2025年重点工作\n棉花总产稳定在500万吨以上。"
                + "加快设置2所职业本科院校。2024年新建学校12所。\n";
        java.util.List<figtrace.model.Figure> found = FigureTestSupport.figures(text,
                FigureTestSupport.ofKind(figtrace.model.DocKind.REPORT));
        java.util.function.Function<String, Boolean> target = raw -> found.stream().filter(f -> f.raw().equals(raw))
                .findFirst().orElseThrow().target();
        assertEquals(false, target.apply("568.6万吨"));
        assertTrue(target.apply("500万吨"));
        assertTrue(target.apply("2所"));
        assertEquals(false, target.apply("12所"), "a figure dated before the plans' year is recalled, not planned");
        String jilin = "一、2024年工作回顾\n新增城镇就业25万人。\n二、2025年工作安排\n新增城镇就业23万人以上。\n";
        java.util.List<figtrace.model.Figure> jl = FigureTestSupport.figures(jilin,
                FigureTestSupport.ofKind(figtrace.model.DocKind.REPORT));
        assertEquals(false, jl.get(0).target());
        assertTrue(jl.get(1).target());
    }
}
