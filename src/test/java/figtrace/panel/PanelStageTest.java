package figtrace.panel;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PanelStageTest {

    private static final PanelRules RULES = PanelRulesFile.read(Path.of("patterns"));
    private static final PanelStage STAGE = new PanelStage(RULES, region -> region.equals("新疆") ? "650000" : "");

    private static PanelSource source(String doc, String kind, String id, String period, String change, String raw,
                                      String value, int quoteStart, boolean table) {
        BigDecimal v = new BigDecimal(value);
        return new PanelSource(doc + "#" + raw + "#" + quoteStart, doc, null, 1, quoteStart, "quote of " + raw, raw,
                id, "指标", "新疆", period, "", 0, change, v, change != null && change.contains("growth") ? "%" : "CNY",
                PanelSources.precision(raw, v), kind, table, quoteStart, false);
    }

    @Test
    void aLevelMinusItsIncreaseIsComparedWithThePreviousYearsLevelWithinRounding() {
        // A paper: R&D spending 138.53亿元 in 2024, up 23.01亿元; a government reply says 115.5亿元 for 2023.
        PanelSource level = source("paper.txt", "paper", "rd_expenditure", "2024", null, "138.53亿元", "13853000000", 10, false);
        PanelSource increase = source("paper.txt", "paper", "rd_expenditure", "2024", "increase", "23.01亿元", "2301000000", 10, false);
        PanelSource before = source("reply.txt", "reply", "rd_expenditure", "2023", null, "115.5亿元", "11550000000", 40, false);
        PanelStage.Panel panel = STAGE.build(List.of(level, increase, before));
        assertEquals(2, panel.rows().size(), "an increase is no row of its own");
        Check check = panel.checks().stream().filter(c -> c.kind().equals("level_minus_increase")).findFirst().orElseThrow();
        assertEquals(PanelStatus.ROUNDING_AGREE, check.status());
        assertEquals(0, new BigDecimal("11552000000").compareTo(check.expected()));
        assertEquals("2023", check.key().period());
    }

    @Test
    void aLevelMinusItsIncreaseThatMissesThePreviousLevelIsAConflict() {
        PanelSource level = source("a.txt", "paper", "x", "2024", null, "138.53亿元", "13853000000", 10, false);
        PanelSource increase = source("a.txt", "paper", "x", "2024", "increase", "23.01亿元", "2301000000", 10, false);
        PanelSource before = source("b.txt", "reply", "x", "2023", null, "110.5亿元", "11050000000", 40, false);
        Check check = STAGE.build(List.of(level, increase, before)).checks().get(0);
        assertEquals(PanelStatus.CONFLICT, check.status());
    }

    @Test
    void sourcesThatDifferOnlyByRoundingAgreeAndTheMorePreciseValueIsKept() {
        PanelSource a = source("bulletin.html", "bulletin", "gdp", "2025", null, "2042.98亿元", "204298000000", 5, false);
        PanelSource b = source("news.html", "news", "gdp", "2025", null, "2043.0亿元", "204300000000", 7, false);
        PanelRow row = STAGE.build(List.of(a, b)).rows().get(0);
        assertEquals(PanelStatus.ROUNDING_AGREE, row.status());
        assertEquals("bulletin.html", row.chosen().doc());
        assertEquals(2, row.nSources());
        assertEquals("650000", row.regionCode());
    }

    @Test
    void aConflictIsDecidedByAgreementThenByTheMoreAuthoritativeDocumentKind() {
        PanelSource bulletin = source("bulletin.html", "bulletin", "general_public_budget_revenue", "2025", null,
                "120.3亿元", "12030000000", 1, false);
        PanelSource accounts = source("accounts.pdf", "final_accounts", "general_public_budget_revenue", "2025", null,
                "121.0亿元", "12100000000", 2, true);
        PanelStage.Panel two = STAGE.build(List.of(bulletin, accounts));
        assertEquals(PanelStatus.CONFLICT, two.rows().get(0).status());
        assertEquals("accounts.pdf", two.rows().get(0).chosen().doc(), "final accounts outrank a bulletin");
        Check conflict = two.checks().get(0);
        assertEquals("same_fact", conflict.kind());
        assertTrue(conflict.reason().contains("two documents state different values"), conflict.reason());

        PanelSource news = source("news.html", "news", "general_public_budget_revenue", "2025", null,
                "120.3亿元", "12030000000", 3, false);
        assertEquals("bulletin.html", STAGE.build(List.of(bulletin, accounts, news)).rows().get(0).chosen().doc(),
                "two sources that agree outweigh one more authoritative source");
    }

    @Test
    void aReviewedSourceWinsAndMarksTheRow() {
        PanelSource bulletin = source("bulletin.html", "bulletin", "gdp", "2025", null, "100.0亿元", "10000000000", 1, false);
        PanelSource accounts = source("accounts.pdf", "final_accounts", "gdp", "2025", null, "90.0亿元", "9000000000", 2, false);
        PanelSource reviewed = new PanelSource(bulletin.figureId(), bulletin.doc(), null, 1, 1, bulletin.quote(),
                bulletin.raw(), "gdp", "指标", "新疆", "2025", "", 0, null, bulletin.value(), "CNY", bulletin.precision(),
                "bulletin", false, 1, true);
        PanelRow row = STAGE.build(List.of(reviewed, accounts)).rows().get(0);
        assertEquals(PanelStatus.REVIEWED, row.status());
        assertEquals("bulletin.html", row.chosen().doc());
    }

    @Test
    void growthRatesAreRowsOfTheirOwnAndANominalGrowthIsCheckedAgainstTheLevels() {
        PanelSource now = source("b.html", "bulletin", "general_public_budget_revenue", "2025", null, "110.0亿元", "11000000000", 1, false);
        PanelSource before = source("a.html", "bulletin", "general_public_budget_revenue", "2024", null, "100.0亿元", "10000000000", 1, false);
        PanelSource growth = source("b.html", "bulletin", "general_public_budget_revenue", "2025", "growth", "12.0%", "12.0", 1, false);
        PanelStage.Panel panel = STAGE.build(List.of(now, before, growth));
        assertTrue(panel.rows().stream().anyMatch(r -> r.key().indicatorId().equals("general_public_budget_revenue_growth")));
        Check check = panel.checks().stream().filter(c -> c.kind().equals("level_and_growth")).findFirst().orElseThrow();
        assertEquals(PanelStatus.CONFLICT, check.status(), "110 over 100 is 10%, not 12%");

        PanelSource right = source("b.html", "bulletin", "general_public_budget_revenue", "2025", "growth", "10.0%", "10.0", 1, false);
        assertTrue(STAGE.build(List.of(now, before, right)).checks().isEmpty(), "a growth that fits raises nothing");
    }

    @Test
    void partsThatDoNotAddUpToTheirTotalAreReported() {
        PanelSource gdp = source("b.html", "bulletin", "gdp", "2025", null, "1000.0亿元", "100000000000", 1, false);
        PanelSource p1 = source("b.html", "bulletin", "gdp_primary", "2025", null, "100.0亿元", "10000000000", 2, false);
        PanelSource p2 = source("b.html", "bulletin", "gdp_secondary", "2025", null, "400.0亿元", "40000000000", 3, false);
        PanelSource p3 = source("b.html", "bulletin", "gdp_tertiary", "2025", null, "450.0亿元", "45000000000", 4, false);
        Check check = STAGE.build(List.of(gdp, p1, p2, p3)).checks().get(0);
        assertEquals("parts_sum", check.kind());
        assertEquals(PanelStatus.CONFLICT, check.status());
        PanelSource p3ok = source("b.html", "bulletin", "gdp_tertiary", "2025", null, "500.0亿元", "50000000000", 4, false);
        assertTrue(STAGE.build(List.of(gdp, p1, p2, p3ok)).checks().isEmpty());
    }

    @Test
    void precisionIsHalfTheLastPrintedDigitInBaseUnits() {
        assertEquals(0, new BigDecimal("5000000").compareTo(PanelSources.precision("115.5亿元", new BigDecimal("11550000000"))));
        assertEquals(0, new BigDecimal("0.005").compareTo(PanelSources.precision("14.48%", new BigDecimal("14.48"))));
        assertEquals(0, new BigDecimal("0.5").compareTo(PanelSources.precision("2,529家", new BigDecimal("2529"))));
    }

    @Test
    void theClauseOfAFigureDecidesItsScope() {
        PanelSources sources = new PanelSources(RULES);
        String quote = "全市一般公共预算收入完成120.5亿元，其中市本级完成40.2亿元";
        assertEquals("", sources.scope(quote, quote.indexOf("120.5")));
        assertEquals("本级", sources.scope(quote, quote.indexOf("40.2")));
        // the own level named with the counties acts with them: the whole region (atlas luoyang budget report, nanping
        // rating report)
        String luoyang = "2025 年全市政府性基金预算收入年初预算合计 278.1 亿元，执行中市级和部分县区按程序调减收入预算 55.3 亿元，"
                + "调整后收入预算为 222.8 亿元；收入完成 225.7 亿元，同比下降 16.3%。";
        assertEquals("", sources.scope(luoyang, luoyang.indexOf("225.7")));
        String nanping = "上述高速铁路共需南平市本级和各县（市、区）出资 20.38 亿元";
        assertEquals("", sources.scope(nanping, nanping.indexOf("20.38")));
        // a part named by its direction (atlas binzhou bulletin; the 市南部山区 tables of the jinan budget report)
        String binzhou = "全年北部县区、中部县区、南部县市区实现地区生产总值分别为726.69亿元、1497.98亿元和1333.50亿元，比上年分别增长6.0%、5.1%和5.1%";
        assertEquals("片区", sources.scope(binzhou, binzhou.indexOf("1333.50")));
        assertEquals("片区", sources.scope(binzhou, binzhou.indexOf("6.0%")));
        String jinan = "2025 年市南部山区一般公共预算收入执行情况表";
        assertEquals("片区", sources.scope(jinan, jinan.length()));
    }

    @Test
    void aSubjectOpeningWithADistrictTheGazetteerDoesNotKnowIsAZoneOfTheRegion() {
        // 益阳 budget report (大通湖区, a management district), 岳阳 (屈原管理区), 宿迁 (湖滨新区): zones inside the city
        PanelSources sources = new PanelSources(RULES, name -> name.equals("赫山区") || name.equals("资阳区"));
        assertEquals("园区", sources.zone("大通湖区地方一般公共预算收入", "益阳市"));
        assertEquals("园区", sources.zone("屈原管理区一般公共预算地方收入安排", "岳阳市"));
        assertEquals("园区", sources.zone("湖滨新区政府性基金收入", "宿迁市"));
        // a district the gazetteer knows is a region of its own, not a zone; words ending in 区 that name no district
        assertNull(sources.zone("赫山区一般公共预算收入", "益阳市"));
        assertNull(sources.zone("人均地区生产总值", "周口市"));
        assertNull(sources.zone("城乡社区支出", "郑州市"));
        assertNull(sources.zone("主城区空气质量优良天数", "昆明市"));
        assertNull(sources.zone("自然保护区", "昆明市"), "a thing counted, not a scope");
        java.util.Map<String, Object> c = columns("y.html", "大通湖区地方一般公共预算收入2.9亿元，为预算的105.5%。", "2.9亿元",
                "290000000", "益阳市", "figures:money");
        c.put("subject", "大通湖区地方一般公共预算收入");
        PanelSource zone = sources.of(c, "budget", "益阳市", null, 14, false, false);
        assertEquals("园区", zone.scope(), "kept apart from the city's own revenue");
    }

    @Test
    void aSentenceOpeningWithAPartWordTakesTheScopeOfTheSentenceBefore() {
        // 广州 budget report: 市本级部门预算支出1,696.7亿元。其中：一般公共预算支出970亿元 (of 本级, not the city's);
        // 全市 … 。其中，税收收入 … stays the whole city
        PanelSources sources = new PanelSources(RULES);
        String quote = "其中：一般公共预算支出970亿元，政府性基金预算支出692亿元。";
        java.util.Map<String, Object> c = columns("gz.pdf", quote, "970亿元", "97000000000", "广州市", "figures:money");
        assertEquals("本级", sources.of(c, "budget", "广州市", null, "2025年市本级部门预算支出1,696.7亿元。",
                quote.indexOf("970"), false, false).scope());
        assertEquals("", sources.of(c, "budget", "广州市", null, "2025年全市一般公共预算收入2,183亿元。",
                quote.indexOf("970"), false, false).scope());
        String own = "一般公共预算支出970亿元。";
        java.util.Map<String, Object> d = columns("gz.pdf", own, "970亿元", "97000000000", "广州市", "figures:money");
        assertEquals("", sources.of(d, "budget", "广州市", null, "2025年市本级部门预算支出1,696.7亿元。",
                own.indexOf("970"), false, false).scope(), "only a sentence opening with a part word");
        assertEquals("2025年市本级部门预算支出1,696.7亿元。",
                figtrace.pipeline.StoredPanelSource.sentenceBefore("上年结转。2025年市本级部门预算支出1,696.7亿元。\n其中：一般", 30));
    }

    @Test
    void aLaterFigureOfTheSameIndicatorAfterAPartWordIsAPartNotTheRegionsValue() {
        String quote = "目前我区共有10家高新区，其中，国家级4家，自治区级高新区6家。";
        PanelSource total = new PanelSource("a", "r.txt", null, 16, 0, quote, "10家", "high_tech_zones", "高新区数", "新疆",
                "2024", "", quote.indexOf("10家"), null, new BigDecimal("10"), "count", new BigDecimal("0.5"), "reply",
                false, 1, false);
        PanelSource part = new PanelSource("b", "r.txt", null, 16, 0, quote, "6家", "high_tech_zones", "高新区数", "新疆",
                "2024", "", quote.indexOf("6家"), null, new BigDecimal("6"), "count", new BigDecimal("0.5"), "reply",
                false, 2, false);
        PanelStage.Panel panel = STAGE.build(List.of(total, part));
        assertEquals(1, panel.rows().size());
        assertEquals(PanelStatus.SINGLE, panel.rows().get(0).status(), "no conflict with its own part");
        assertEquals(0, new BigDecimal("10").compareTo(panel.rows().get(0).value()));
    }

    @Test
    void anUndatedFigureThatMatchesAnImpliedLevelIsReportedAsAgreeingButMakesNoRow() {
        PanelSource level = source("paper.txt", "paper", "rd_expenditure", "2024", null, "138.53亿元", "13853000000", 10, false);
        PanelSource increase = source("paper.txt", "paper", "rd_expenditure", "2024", "increase", "23.01亿元", "2301000000", 10, false);
        PanelSource undated = source("reply.txt", "reply", "rd_expenditure", "", null, "115.5亿元", "11550000000", 40, false);
        PanelSource other = source("reply.txt", "reply", "rd_expenditure", "", null, "90.0亿元", "9000000000", 50, false);
        PanelStage.Panel panel = STAGE.build(List.of(level, increase, undated, other));
        assertEquals(1, panel.rows().size(), "undated figures make no row");
        assertEquals(1, panel.checks().size(), "an undated figure that does not match says nothing: it may be any year");
        assertEquals(PanelStatus.ROUNDING_AGREE, panel.checks().get(0).status());
        assertEquals("reply.txt", panel.checks().get(0).second().doc());
    }

    @Test
    void aSourceInAnotherUnitThanTheIndicatorsLevelsIsLeftOutOfTheRowAndReported() {
        PanelSource a = source("a.html", "bulletin", "gdp", "2025", null, "2042.98亿元", "204298000000", 1, false);
        PanelSource b = source("b.html", "bulletin", "gdp", "2024", null, "1900.00亿元", "190000000000", 1, false);
        PanelSource pct = new PanelSource("p", "a.html", null, 2, 5, "增长6.4%", "6.4%", "gdp", "指标", "新疆", "2025", "",
                0, null, new BigDecimal("6.4"), "%", new BigDecimal("0.05"), "bulletin", false, 5, false);
        PanelStage.Panel panel = STAGE.build(List.of(a, b, pct));
        PanelRow row = panel.rows().stream().filter(r -> r.key().period().equals("2025")).findFirst().orElseThrow();
        assertEquals(PanelStatus.SINGLE, row.status());
        assertEquals("CNY", row.unit());
        assertEquals("unit", panel.checks().get(0).kind());
    }

    /** The same source about another region. */
    private static PanelSource in(String region, PanelSource s) {
        return new PanelSource(s.figureId(), s.doc(), s.page(), s.line(), s.quoteStart(), s.quote(), s.raw(),
                s.indicatorId(), s.indicator(), region, s.period(), s.scope(), s.spanInQuote(), s.change(), s.value(),
                s.unit(), s.precision(), s.docKind(), s.inTable(), s.seq(), s.reviewed());
    }

    @Test
    void thePanelBuiltRegionByRegionWithTheCorpusPartsAndUnitsIsThePanelBuiltWhole() {
        // 新疆: gdp in yuan in three documents, with its growth; 北京: gdp stated twice as a bare percentage (growth
        // rates whose change was missed) and once in yuan; a sentence of 新疆 whose part (其中 乌鲁木齐市) names
        // another region: a part, whichever region it is about.
        PanelSource a = source("a.html", "bulletin", "gdp", "2025", null, "2042.98亿元", "204298000000", 1, false);
        PanelSource b = source("b.html", "bulletin", "gdp", "2024", null, "1900.00亿元", "190000000000", 1, false);
        PanelSource c = source("c.html", "paper", "gdp", "2025", null, "2043.0亿元", "204300000000", 1, false);
        PanelSource g = source("a.html", "bulletin", "gdp", "2025", "yoy_growth", "6.4%", "6.4", 1, false);
        PanelSource pct1 = in("北京", new PanelSource("p1", "d.html", null, 2, 5, "增长6.4%", "6.4%", "gdp", "指标", "新疆",
                "2025", "", 0, null, new BigDecimal("6.4"), "%", new BigDecimal("0.05"), "bulletin", false, 5, false));
        PanelSource pct2 = in("北京", new PanelSource("p2", "d.html", null, 3, 9, "增长6.5%", "6.5%", "gdp", "指标", "新疆",
                "2024", "", 0, null, new BigDecimal("6.5"), "%", new BigDecimal("0.05"), "bulletin", false, 9, false));
        PanelSource bj = in("北京", source("e.html", "bulletin", "gdp", "2025", null, "5000.0亿元", "500000000000", 1, false));
        String quote = "目前我区共有10家高新区，其中，乌鲁木齐市4家。";
        PanelSource total = new PanelSource("t", "r.txt", null, 16, 0, quote, "10家", "high_tech_zones", "高新区数", "新疆",
                "2024", "", quote.indexOf("10家"), null, new BigDecimal("10"), "count", new BigDecimal("0.5"), "reply",
                false, 1, false);
        PanelSource part = in("乌鲁木齐市", new PanelSource("u", "r.txt", null, 16, 0, quote, "4家", "high_tech_zones", "高新区数",
                "新疆", "2024", "", quote.indexOf("4家"), null, new BigDecimal("4"), "count", new BigDecimal("0.5"), "reply",
                false, 2, false));
        List<PanelSource> all = List.of(a, b, c, g, pct1, pct2, bj, total, part);
        PanelStage.Ordered whole = STAGE.buildOrdered(all);

        java.util.Set<PanelSource> parts = STAGE.parts(all);
        java.util.Map<String, String> units = PanelStage.dominantUnits(PanelStage.unitCounts(all, parts));
        java.util.Map<String, List<PanelSource>> byRegion = new java.util.TreeMap<>();
        for (PanelSource s : all) byRegion.computeIfAbsent(s.region(), r -> new java.util.ArrayList<>()).add(s);
        List<PanelRow> rows = new java.util.ArrayList<>();
        List<java.util.Map.Entry<CheckOrder, Check>> checks = new java.util.ArrayList<>();
        for (List<PanelSource> region : byRegion.values()) {
            PanelStage.Ordered o = STAGE.buildOrdered(region, parts, units);
            rows.addAll(o.rows());
            for (int i = 0; i < o.checks().size(); i++) checks.add(java.util.Map.entry(o.orders().get(i), o.checks().get(i)));
        }
        rows.sort(java.util.Comparator.comparing(PanelRow::key));
        checks.sort(java.util.Map.Entry.comparingByKey());
        assertEquals(whole.rows(), rows);
        assertEquals(whole.checks(), checks.stream().map(java.util.Map.Entry::getValue).toList());
        assertTrue(whole.checks().stream().anyMatch(ch -> ch.kind().equals("unit") && ch.key().region().equals("北京")),
                "北京's percentage is left out against the corpus's unit");
        // built alone, without the corpus's units and parts, the regions would differ: 北京's gdp in %, a row of 4家
        assertTrue(STAGE.build(List.of(pct1, pct2, bj)).rows().stream().anyMatch(r -> r.unit().equals("%")));
        assertEquals(1, STAGE.build(List.of(part)).rows().size());
        assertTrue(rows.stream().noneMatch(r -> r.key().region().equals("乌鲁木齐市")));
    }

    /** A figure's columns as PanelRun reads them from the store: a general public budget revenue in yuan of 2025. */
    private static java.util.Map<String, Object> columns(String doc, String quote, String raw, String value,
                                                         String region, String rule) {
        java.util.Map<String, Object> c = new java.util.HashMap<>();
        c.put("id", doc + "#" + raw + "#" + quote.hashCode());
        c.put("doc", doc);
        c.put("line", 1);
        c.put("char_start", 0);
        c.put("span_start", quote.indexOf(raw));
        c.put("quote", quote);
        c.put("raw", raw);
        c.put("value", new BigDecimal(value));
        c.put("unit", "CNY");
        c.put("time", "2025");
        c.put("region", region);
        c.put("indicator", "一般公共预算收入");
        c.put("indicator_id", "general_public_budget_revenue");
        c.put("rule", rule);
        return c;
    }

    /** A source built the way PanelRun builds one: from a figure's columns. */
    private static PanelSource fromColumns(String doc, String quote, String raw, String value, String region,
                                           String ownRegion, String tableTitle, String rule, String qualifier,
                                           boolean target) {
        java.util.Map<String, Object> c = columns(doc, quote, raw, value, region, rule);
        c.put("qualifier", qualifier);
        c.put("target", target);
        return new PanelSources(RULES).of(c, "budget", ownRegion, tableTitle, quote.indexOf(raw), false, false);
    }

    @Test
    void aTableCellTakesItsStageFromItsColumnTitle() {
        // atlas guangdong per-city table (年初预算数 | 汇总调整预算数 | 执行数 of one row) and xinjiang budget tables
        assertEquals("2025年年初预算数", PanelSources.columnTitle("一般公共预算收入（2025年年初预算数）"));
        assertEquals("", PanelSources.columnTitle("一般公共预算收入"));
        String row = "东 莞 市\t8,130,607\t8,919,770\t8,917,348";
        String title = "2025年全省各市一般公共预算收入执行情况表";
        PanelSource passed = cell(row, "8,130,607", "813060700000", "一般公共预算收入（2025年年初预算数）", title);
        PanelSource adjusted = cell(row, "8,919,770", "891977000000", "一般公共预算收入（2025年汇总调整预算数）", title);
        PanelSource outcome = cell(row, "8,917,348", "891734800000", "一般公共预算收入（2025年执行数）", title);
        assertEquals("预算", passed.scope());
        assertEquals("调整预算", adjusted.scope());
        assertEquals("", outcome.scope());
        PanelStage.Panel panel = STAGE.build(List.of(passed, adjusted, outcome));
        assertEquals(3, panel.rows().size(), "three stages, three rows; none conflicts with another");
    }

    private static PanelSource cell(String quote, String raw, String value, String subject, String tableTitle) {
        java.util.Map<String, Object> c = columns("g.pdf", quote, raw, value, "东莞市", "figures:table_cell");
        c.put("subject", subject);
        return new PanelSources(RULES).of(c, "budget", "广东", tableTitle, quote.indexOf(raw), false, false);
    }

    @Test
    void theOwnLevelAndTheWholeCityAreDifferentRowsWhicheverWordNamesThem() {
        // Budget reports of two cities: 市直 and 市级 are the government's own level like 市本级; 全市 is the city.
        PanelSource own = fromColumns("h.html", "2025年市直一般公共预算收入完成60.9亿元，增长15.35%。", "60.9亿元",
                "6090000000", "黄石市", null, null, "figures:money", null, false);
        PanelSource whole = fromColumns("h.html", "2025年全市一般公共预算收入完成213.5亿元，增长12.3%。", "213.5亿元",
                "21350000000", "黄石市", null, null, "figures:money", null, false);
        PanelSource level = fromColumns("w.html", "市级（含市属开发区，下同）一般公共预算收入130.1亿元。", "130.1亿元",
                "13010000000", "潍坊市", null, null, "figures:money", null, false);
        assertEquals("本级", own.scope());
        assertEquals("", whole.scope());
        assertEquals("本级", level.scope(), "a zone inside brackets only qualifies");
        PanelStage.Panel panel = STAGE.build(List.of(own, whole));
        assertEquals(2, panel.rows().size());
        assertTrue(panel.rows().stream().allMatch(r -> r.status() == PanelStatus.SINGLE));
    }

    @Test
    void theBudgetAsPassedTheAdjustedBudgetAndTheOutcomeAreDifferentRows() {
        String quote = "批准的全市2025年一般公共预算收入为53.03亿元，调整后收入预算为52.8亿元，实际完成53.68亿元，为年初预算的101.2%，比上年增加3.64亿元。";
        PanelSource plan = fromColumns("f.html", quote, "53.03亿元", "5303000000", "阜新市", null, null, "figures:money", null, false);
        PanelSource adjusted = fromColumns("f.html", quote, "52.8亿元", "5280000000", "阜新市", null, null, "figures:money", null, false);
        PanelSource outcome = fromColumns("f.html", quote, "53.68亿元", "5368000000", "阜新市", null, null, "figures:money", null, false);
        PanelSource increase = fromColumns("f.html", quote, "3.64亿元", "364000000", "阜新市", null, null, "figures:money", null, false);
        assertEquals("预算", plan.scope());
        assertEquals("调整预算", adjusted.scope());
        assertEquals("", outcome.scope());
        assertEquals("", increase.scope(), "为年初预算的 compares; the increase is of the outcome");
        String total = "全市政府性基金预算收入64.7亿元，加上上级补助收入、债务转贷收入等，全市政府性基金预算收入总计343.37亿元。";
        assertEquals("总计", fromColumns("z.html", total, "343.37亿元", "34337000000", "湛江市", null, null,
                "figures:money", null, false).scope());
        assertEquals("", fromColumns("z.html", total, "64.7亿元", "6470000000", "湛江市", null, null,
                "figures:money", null, false).scope());
    }

    @Test
    void aTotalWordNamesOnlyTheAmountAfterItAndAnAsideAfterAPercentageNamesTheComparisonsBasis() {
        // atlas Fuxin final accounts, Panjin and Suqian budget reports: the total word named an earlier amount
        String fuxin = "调入资金2.06亿元，总收入308.98亿元；一般公共预算支出174.24亿元，上解上级支出13.28亿元。";
        assertEquals("总计", fromColumns("f.html", fuxin, "308.98亿元", "30898000000", "阜新市", null, null,
                "figures:money", null, false).scope());
        assertEquals("", fromColumns("f.html", fuxin, "174.24亿元", "17424000000", "阜新市", null, null,
                "figures:money", null, false).scope());
        String panjin = "全市财政收支平衡情况是：总收入合计为413.0亿元，其中，一般公共预算收入150.1亿元。";
        assertEquals("", fromColumns("p.html", panjin, "150.1亿元", "15010000000", "盘锦市", null, null,
                "figures:money", null, false).scope());
        String suqian = "调入资金 2.81 亿元，收入总来源 16.19 亿元；一般公共预算支出 9.76 亿元。";
        assertEquals("", fromColumns("s.pdf", suqian, "9.76 亿元", "976000000", "宿迁市", null, null,
                "figures:money", null, false).scope());
        String split = "全市收入总计和支出总计分别为340亿元、340亿元。";
        assertEquals("总计", fromColumns("a.html", split, "340亿元。", "34000000000", "安康市", null, null,
                "figures:money", null, false).scope(), "no clause break: the total word still names it");
        // atlas Weifang budget report: （调整预算，下同） is the basis of 完成预算的100.1%, 909 is the outcome
        String weifang = "全市一般公共预算收入630.5亿元，完成预算的100.1%（调整预算，下同）；一般公共预算支出909亿元，完成预算的100.5%。";
        assertEquals("", fromColumns("w.html", weifang, "909亿元", "90900000000", "潍坊市", null, null,
                "figures:money", null, false).scope());
        assertEquals("收入（预计完成数，下同）113.6", PanelSources.withoutBasisAsides("收入（预计完成数，下同）113.6"));
        // a table row: the label's total word is every cell's (atlas Shizuishan budget tables)
        String row = "转移性收入合计\t1,147\t1,143\t99.7";
        assertEquals("总计", fromColumns("s.pdf", row, "1,143", "11430000", "石嘴山市", null, null,
                "figures:table_cell", null, false).scope());
        // a cited report's title names no stage (atlas Xiamen bond report)
        String xiamen = "根据《关于厦门市 2025 年预算执行情况和 2026 年预算草案的报告》及附表，2025 年，厦门市地方一般公共预算收入合计 961.08 亿元，同比增长 3.0%；";
        assertEquals("", fromColumns("x.pdf", xiamen, "3.0%", "3.0", "厦门市", null, null,
                "figures:percent", null, false).scope());
    }

    @Test
    void anEstimateOfTheYearEntersAndAnApproximateValueIsStillAValueButABoundIsNot() {
        PanelSource estimate = fromColumns("y.html", "全市地方一般公共预算收入（预计完成数，下同）113.6亿元，为预算的100%。",
                "113.6亿元", "11360000000", "益阳市", null, null, "figures:money", null, true);
        assertEquals("预计", estimate.scope());
        PanelSource approx = fromColumns("yy.pdf", "全市一般公共预算地方收入预计完成 207 亿元左右，同比增长 3.2%左右。",
                "207 亿元", "20700000000", "岳阳市", null, null, "figures:money", "approx", true);
        assertEquals("预计", approx.scope());
        assertEquals(null, fromColumns("a.html", "全市一般公共预算收入超过100亿元。", "100亿元", "10000000000", "某市",
                null, null, "figures:money", "gt", false));
        assertEquals(null, fromColumns("a.html", "力争全市一般公共预算收入达到100亿元。", "100亿元", "10000000000", "某市",
                null, null, "figures:money", null, true), "a target that is no estimate stays out");
    }

    @Test
    void aFigureThatNamesNoRegionIsAboutTheDocumentsOwnRegion() {
        PanelSource s = fromColumns("l.html", "2025年，全市一般公共预算收入184.2亿元，较上年同期增长3%。", "184.2亿元",
                "18420000000", null, "六安市", null, "figures:money", null, false);
        assertEquals("六安市", s.region());
        assertEquals(null, fromColumns("l.html", "全市一般公共预算收入184.2亿元。", "184.2亿元", "18420000000", null, null,
                null, "figures:money", null, false), "no region at all: no panel source");
    }

    @Test
    void aTableCellTakesTheScopeOfItsTableTitleWhenItsRowNamesNone() {
        PanelSource own = fromColumns("j.pdf", "一、一般公共预算收入\t2805354\t2817200", "2805354", "28053540000", "济南市",
                null, "2025 年市本级一般公共预算收入执行情况表", "figures:table_cell", null, false);
        PanelSource zone = fromColumns("j.pdf", "一、一般公共预算收入\t360700\t240000", "360700", "3607000000", "济南市",
                null, "2025 年济南高新区一般公共预算收入执行情况表", "figures:table_cell", null, false);
        PanelSource draft = fromColumns("j.pdf", "一、一般公共预算收入\t2817200\t0.42", "2817200", "28172000000", "济南市",
                null, "2026 年市本级一般公共预算收入草案表", "figures:table_cell", null, false);
        assertEquals("本级", own.scope());
        assertEquals("园区", zone.scope());
        assertEquals("本级·预算", draft.scope());
    }

    @Test
    void withinOneDocumentItsStatementAboutTheWholeRegionOutranksAMentionWithoutScope() {
        // A table row of unknown scope and a sentence about the whole city: the sentence is the document's value.
        PanelSource table = new PanelSource("t", "j.pdf", 3, 40, 500, "一、一般公共预算收入\t18185900\t18378757",
                "18185900", "general_public_budget_revenue", "一般公共预算收入", "济南市", "2025", "", 11, null,
                new BigDecimal("181859000000"), "CNY", new BigDecimal("5000"), "budget", true, 500, false);
        String quote = "2025 年，全市一般公共预算收入完成 1093.35 亿元。";
        PanelSource text = new PanelSource("x", "j.pdf", 1, 5, 10, quote, "1093.35 亿元", "general_public_budget_revenue",
                "一般公共预算收入", "济南市", "2025", "", quote.indexOf("1093.35"), null, new BigDecimal("109335000000"),
                "CNY", new BigDecimal("5000000"), "budget", false, 10, false);
        PanelStage.Panel panel = STAGE.build(List.of(table, text));
        PanelRow row = panel.rows().get(0);
        assertEquals(0, new BigDecimal("109335000000").compareTo(row.value()));
        assertEquals(PanelStatus.SINGLE, row.status());
        Check check = panel.checks().get(0);
        assertEquals("same_document", check.kind());
        assertEquals(PanelStatus.SUPERSEDED, check.status());
        assertEquals("t", check.second().figureId());

        // Two values of equal standing in one document: the first is kept, the row says it is ambiguous, no conflict.
        PanelSource a = new PanelSource("a", "s.html", null, 9, 100, "在校生 69.18万人", "69.18万人", "students", "在校学生",
                "合肥市", "2025", "", 4, null, new BigDecimal("691800"), "count", new BigDecimal("50"), "bulletin", false, 100, false);
        PanelSource b = new PanelSource("b", "s.html", null, 12, 200, "在校生 30.47万人", "30.47万人", "students", "在校学生",
                "合肥市", "2025", "", 4, null, new BigDecimal("304700"), "count", new BigDecimal("50"), "bulletin", false, 200, false);
        PanelStage.Panel two = STAGE.build(List.of(b, a));
        assertEquals(PanelStatus.AMBIGUOUS, two.rows().get(0).status());
        assertEquals("a", two.rows().get(0).chosen().figureId(), "the first the document states");
        assertTrue(two.checks().stream().noneMatch(c -> c.status() == PanelStatus.CONFLICT));
    }
}
