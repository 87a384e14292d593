package figtrace.tables;

import figtrace.model.DocumentResult;
import figtrace.model.Figure;
import figtrace.model.Table;
import figtrace.pipeline.Pipeline;
import figtrace.rules.RulesStage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

class TableStageTest {
    private static Pipeline pipeline;

    @BeforeAll
    static void load() throws Exception {
        pipeline = new Pipeline(RulesStage.load(Path.of("patterns")));
    }

    private static DocumentResult html(String body) {
        String page = "<html><head><meta charset=\"utf-8\"></head><body>" + body + "</body></html>";
        return pipeline.extract("t.html", page.getBytes(StandardCharsets.UTF_8));
    }

    private static Figure cell(DocumentResult r, String raw) {
        return r.figures().stream().filter(f -> f.raw().equals(raw) && "figures:table_cell".equals(f.rule()))
                .findFirst().orElseThrow(() -> new AssertionError("no table figure " + raw + " in " + r.figures()));
    }

    @Test
    void aTableFlattenedIntoTabSeparatedParagraphsIsRebuiltWithItsHeaderParagraphs() {
        DocumentResult r = html("<p>2024年，全市粮食生产稳定。</p><p>表2　2024年主要农作物播种面积</p>"
                + "<p>项目</p><p>播种面积</p><p>（万亩）</p><p>比上年增长</p><p>（%）</p>"
                + "<p>粮食作物\t523.6\t1.2</p><p>油料\t12.5\t-3.4</p><p>蔬菜\t88.1\t2.0</p>");
        assertEquals(1, r.tables().size(), "one table: " + r.tables());
        Table t = r.tables().get(0);
        assertEquals(3, t.rows().size());
        Figure area = cell(r, "523.6");
        assertEquals("播种面积（万亩）", t.columns().get(1).header());
        assertEquals("粮食作物", area.subject().replaceAll("（.*", ""));
        assertEquals("2024", area.time());
        Figure growth = cell(r, "-3.4");
        assertEquals("%", growth.unit());
        assertEquals(figtrace.model.Change.GROWTH, growth.change());
    }

    @Test
    void aTitleListingSeveralUnitsGivesEachColumnTheUnitOfItsKind() {
        // atlas Nanping rating report 图表 6 (单位：亿元、万平方米) and Xuzhou 图表 7 (单位：万平方米、亿元)
        DocumentResult r = html("<p>图表 6 截至 2025 年底公司已完工房地产项目概况（单位：亿元、万平方米）</p><table>"
                + "<tr><td>项目名称</td><td>总投资</td><td>可销售面积</td><td>销售进度（%）</td><td>租金水平</td></tr>"
                + "<tr><td>高速·金福花园</td><td>5.00</td><td>9.35</td><td>85.60</td><td>17.00</td></tr></table>");
        Figure money = cell(r, "5.00");
        assertEquals("CNY", money.unit());
        assertEquals(0, new java.math.BigDecimal("500000000").compareTo(money.value()));
        Figure area = cell(r, "9.35");
        assertEquals("m2", area.unit());
        assertEquals(0, new java.math.BigDecimal("93500").compareTo(area.value()));
        assertEquals("%", cell(r, "85.60").unit());
        assertNull(cell(r, "17.00").unit(), "a column of neither kind takes none of the listed units");
    }

    @Test
    void aColumnOfRatiosToThePreviousYearIsNoGrowthRate() {
        // atlas henan and guangdong budget tables: 预算数为上年执行数的% 161.6 is +61.6%, not a growth of 161.6%
        DocumentResult r = html("<p>表3 2026年省级国有资本经营预算支出预算表</p><table>"
                + "<tr><td>项目</td><td>2025年执行数</td><td>2026年预算数</td><td>预算数为上年执行数的%</td></tr>"
                + "<tr><td>国有资本经营预算支出</td><td>94930</td><td>153407</td><td>161.6</td></tr></table>");
        assertNull(cell(r, "161.6").change());
        assertEquals(figtrace.model.Change.GROWTH, html("<p>表3 预算表</p><table>"
                + "<tr><td>项目</td><td>2025年执行数</td><td>2026年预算数</td><td>比上年增长%</td></tr>"
                + "<tr><td>国有资本经营预算支出</td><td>94930</td><td>153407</td><td>61.6</td></tr></table>")
                .figures().stream().filter(f -> f.raw().equals("61.6")).findFirst().orElseThrow().change());
    }

    @Test
    void aTermRateOrRankColumnIsNotInTheTablesUnit() {
        // atlas guangdong bond list (亿元: 年限 | 利率 | 发行量) and ningde ranking table (排名 beside 亿元 columns)
        DocumentResult r = html("<p>表5 2025年全省政府债券发行情况表</p><p>单位：亿元</p><table>"
                + "<tr><td>债券名称</td><td>年限</td><td>利率</td><td>发行量</td></tr>"
                + "<tr><td>2025年某市政府专项债券（十三期）</td><td>7</td><td>2.02%</td><td>20</td></tr></table>");
        assertNull(cell(r, "7").unit(), "a term of 7 years is no 7亿元");
        assertEquals("%", cell(r, "2.02%").unit());
        assertEquals(0, new java.math.BigDecimal("2000000000").compareTo(cell(r, "20").value()));
    }

    @Test
    void htmlColspanAndRowspanKeepEveryCellInItsColumn() {
        DocumentResult r = html("<p>表1 2025年收支表</p><table>"
                + "<tr><td rowspan=\"2\">项目</td><td colspan=\"2\">2025年</td><td rowspan=\"2\">比上年增长（%）</td></tr>"
                + "<tr><td>预算数</td><td>执行数</td></tr>"
                + "<tr><td>税收收入</td><td>100</td><td>120</td><td>5.0</td></tr>"
                + "<tr><td>非税收入</td><td></td><td>30</td><td>-2.0</td></tr></table>");
        Table t = r.tables().get(0);
        assertEquals(4, t.columns().size(), t.columns().toString());
        assertEquals("2025年执行数", t.columns().get(2).header());
        Figure executed = cell(r, "30");
        assertEquals("2025", executed.time());
        assertEquals("非税收入（执行数）", executed.subject());
        Figure rate = cell(r, "-2.0");
        assertEquals("%", rate.unit());
        assertEquals(figtrace.model.Change.GROWTH, rate.change());
    }

    @Test
    void aCodeColumnIsNoFigureAndATwoSidedTableIsTwoTables() {
        DocumentResult r = html("<p>表3 2024年收支平衡表</p><p>单位：万元</p><table>"
                + "<tr><td>收入</td><td>预计执行数</td><td>支出</td><td>预计执行数</td></tr>"
                + "<tr><td>税收收入</td><td>500</td><td>教育支出</td><td>400</td></tr>"
                + "<tr><td>非税收入</td><td>200</td><td>科学技术支出</td><td>100</td></tr></table>"
                + "<p>表4 2024年支出表</p><p>单位：万元</p><table><tr><td>科目编码</td><td>项目</td><td>2024年决算数</td></tr>"
                + "<tr><td>201</td><td>一般公共服务支出</td><td>3000</td></tr><tr><td>205</td><td>教育支出</td><td>4000</td></tr></table>");
        assertEquals(3, r.tables().size(), r.tables().toString());
        assertEquals("科学技术支出", cell(r, "100").subject().replaceAll("（.*", ""));
        assertEquals("非税收入", cell(r, "200").subject().replaceAll("（.*", ""));
        assertEquals(0, new java.math.BigDecimal("2000000").compareTo(cell(r, "200").value()));
        assertEquals(List.of(), r.figures().stream().filter(f -> f.raw().equals("201") || f.raw().equals("205")).toList());
        Table codes = r.tables().get(2);
        assertEquals("code", codes.columns().get(0).role());
        assertNull(codes.cells().get(0).figureId());
    }

    @Test
    void aOneCellTableWrappingAValueInsideACellIsOnlyThatCellsText() {
        // CMS editors leave <td><table><tr><td>11.4</td></tr></table></td> around a value (周口 2025 表2)
        DocumentResult r = html("<p>表2 2025年居民消费价格主要数据</p><table>"
                + "<tr><td>类 别</td><td>比上年涨跌幅（%）</td></tr>"
                + "<tr><td>七、医疗保健</td><td>0.4</td></tr>"
                + "<tr><td>八、其他用品及服务</td><td><table><tr><td>11.4</td></tr></table></td></tr></table>");
        assertEquals(1, r.tables().size(), r.tables().toString());
        Table t = r.tables().get(0);
        assertEquals(2, t.rows().size(), t.rows().toString());
        Figure other = cell(r, "11.4");
        assertEquals("其他用品及服务", other.subject());
        assertEquals("%", other.unit());
        // a table around a nested table of several cells is still page layout, not a data table: its own cell (导航)
        // is in no rebuilt table (the inner table is read on its own)
        DocumentResult layout = html("<table><tr><td>导航</td><td><table><tr><td>首页</td><td>新闻</td></tr></table></td></tr></table>");
        for (Table lt : layout.tables()) {
            assertTrue(lt.cells().stream().noneMatch(c -> c.text().equals("导航")), layout.tables().toString());
        }
    }

    @Test
    void aRegionalDebtTableGivesEachColumnItsGroupAndItsPart() {
        // atlas guangdong 2025 budget attachment (限额 | 余额, each over 小计 | 一般债务 | 专项债务) and shizuishan 表十二
        // (its 市本级 row): a balance cell is no limit, and the part (一般债务) is what the cell measures
        DocumentResult r = html("<p>表8 2025年全省地方政府债务限额及余额情况表</p><p>单位：亿元</p><table>"
                + "<tr><td rowspan=\"2\">地区</td><td colspan=\"3\">2025年债务限额</td><td colspan=\"3\">2025年末债务余额</td></tr>"
                + "<tr><td>小计</td><td>一般债务</td><td>专项债务</td><td>小计</td><td>一般债务</td><td>专项债务</td></tr>"
                + "<tr><td>广州市</td><td>7566.73</td><td>935.32</td><td>6631.41</td><td>7458.30</td><td>923.71</td><td>6534.59</td></tr>"
                + "<tr><td>深圳市</td><td>4557.18</td><td>244.71</td><td>4312.47</td><td>4492.30</td><td>214.73</td><td>4277.57</td></tr>"
                + "<tr><td>省本级</td><td>4215.95</td><td>2051.50</td><td>2164.46</td><td>4134.18</td><td>1974.78</td><td>2159.40</td></tr>"
                + "</table>");
        Figure limit = cell(r, "7566.73");
        assertEquals("广州市", limit.region());
        assertEquals("government_debt_limit", limit.indicatorId());
        Figure generalBalance = cell(r, "214.73");
        assertEquals("深圳市", generalBalance.region());
        assertEquals("general_debt_balance", generalBalance.indicatorId(), generalBalance.subject());
        assertEquals("2025-12-31", generalBalance.time());
        assertEquals("special_debt_limit", cell(r, "4312.47").indicatorId());
        assertEquals("government_debt_balance", cell(r, "7458.30").indicatorId(), cell(r, "7458.30").subject());
        Figure ownLevel = cell(r, "2051.50");
        assertEquals("general_debt_limit", ownLevel.indicatorId(), "the 本级 row of a place table measures what the column says: " + ownLevel.subject());
    }

    @Test
    void aFundsColumnPairMeasuresThatFundNotTheWholeBudget() {
        // atlas guangdong p190 (表60-1 社会保险基金预算支出表（分市）): per-fund pairs 2025年执行数 | 2026年预算数
        DocumentResult r = html("<p>表60 2025-2026年全省社会保险基金预算支出表（分市）</p><p>单位：亿元</p><table>"
                + "<tr><td rowspan=\"2\">地区</td><td colspan=\"2\">社保基金支出合计</td><td colspan=\"2\">职工基本医疗保险（含生育保险）基金支出</td></tr>"
                + "<tr><td>2025年执行数</td><td>2026年预算数</td><td>2025年执行数</td><td>2026年预算数</td></tr>"
                + "<tr><td>广州市</td><td>932.46</td><td>1063.14</td><td>601.38</td><td>692.60</td></tr>"
                + "<tr><td>深圳市</td><td>731.32</td><td>810.10</td><td>549.07</td><td>598.04</td></tr></table>");
        assertEquals("social_insurance_fund_expenditure", cell(r, "731.32").indicatorId());
        Figure fund = cell(r, "549.07");
        assertNull(fund.indicatorId(), "one fund is no 社会保险基金预算支出: " + fund.subject());
        assertTrue(fund.subject().startsWith("职工基本医疗保险"), fund.subject());
        Figure fundBudget = cell(r, "598.04");
        assertEquals("2026", fundBudget.time());
        assertNull(fundBudget.indicatorId(), "the fund's budget column is under the fund's title: " + fundBudget.subject());
    }

    @Test
    void aLineBetweenTheUnitLineAndTheRowsHeadsColumnsAndIsNoTitle() {
        // atlas jinan 2025 budget report: 2025 年市南部山区一般公共预算收入执行情况表 / 单位：万元 / 2025 年执行数 / rows
        DocumentResult r = html("<p>2025年市南部山区一般公共预算收入执行情况表</p><p>单位：万元</p><p>2025年执行数</p><table>"
                + "<tr><td>项目</td><td>2024年决算数</td><td>金额</td><td>增长%</td></tr>"
                + "<tr><td>税收收入</td><td>15555</td><td>14549</td><td>-6.47</td></tr>"
                + "<tr><td>非税收入</td><td>2341</td><td>3607</td><td>54.08</td></tr></table>");
        assertEquals("2025年市南部山区一般公共预算收入执行情况表", r.tables().get(0).caption());
    }

    @Test
    void aTableFlattenedIntoOneParagraphPerCellIsRebuilt() {
        // the 镇江 2025 bulletin's shape: caption, header cells, then label and values, one <p> each; a unit column
        // (单位) between label and figures; the run ends at the next paragraph of prose
        DocumentResult r = html("<p>全年主要工业产品产量稳定。</p><p>表3 重点工业产品产量情况</p>"
                + "<p>产品名称</p><p>单位</p><p>产量</p><p>比上年±％</p>"
                + "<p>甲产品</p><p>万吨</p><p>36.42</p><p>9.3</p>"
                + "<p>乙产品</p><p>万立方米</p><p>1866.95</p><p>-18.5</p>"
                + "<p>丙产品</p><p>辆</p><p>107878</p><p>22.9</p>"
                + "<p>全年建筑业总产值增长5.0%，签订合同额1130.06亿元。</p>");
        assertEquals(1, r.tables().size(), "one table: " + r.tables());
        Table t = r.tables().get(0);
        assertEquals(3, t.rows().size());
        assertEquals("表3 重点工业产品产量情况", t.caption());
        Figure output = cell(r, "1866.95");
        assertEquals("乙产品", output.subject());
        assertEquals("m3", output.unit());
        assertEquals("count", cell(r, "107878").unit());
        assertEquals(figtrace.model.Change.GROWTH, cell(r, "-18.5").change());
        // the prose after it is not swallowed
        assertTrue(r.figures().stream().anyMatch(f -> f.raw().equals("1130.06亿元")));
    }

    @Test
    void shortParagraphsAfterACaptionThatDoNotFitRowsStayText() {
        // a caption followed by a list of short paragraphs that are no rows (one number, then words) is no table
        DocumentResult r = html("<p>表1 重点项目</p><p>项目名称</p><p>建设内容</p><p>甲项目</p><p>2025</p>"
                + "<p>乙项目</p><p>道路</p><p>丙项目</p><p>管网</p>");
        assertEquals(0, r.tables().stream().filter(t -> t.figureCount() > 0).count(), "no table of figures: " + r.tables());
    }

    @Test
    void aRowNumberColumnHoldsNoFiguresAndSplitsNoTable() {
        // 序号 | 项目名称 | 金额 (石嘴山 budget 表十七; 宁德 rating report 序号 | 主要一级子公司名称 | 实收资本)
        DocumentResult r = html("<p>表十七 2026 年市本级专项资金安排情况表</p><p>单位：万元</p><table>"
                + "<tr><td>序号</td><td>项目内容</td><td>金额</td></tr>"
                + "<tr><td>1</td><td>养老保险补助专项资金</td><td>30905</td></tr>"
                + "<tr><td>2</td><td>就业补助专项资金</td><td>4007</td></tr></table>");
        assertEquals(1, r.tables().size(), "one table, not two sides: " + r.tables());
        assertTrue(r.figures().stream().noneMatch(f -> "figures:table_cell".equals(f.rule()) && f.raw().equals("1")),
                "a row number is no figure");
        assertEquals("养老保险补助专项资金", cell(r, "30905").subject());
    }

    @Test
    void aColumnOfKindsIsNoSecondSideAndAColumnOfDatesHoldsNoFigures() {
        // 路产名称 | 通车时间 | 持股比例 | 收益模式 | 收费里程 (Nanping rating report; 竣工时间 in the Ningde one, 发行日期
        // 3 月 10 日 in the atlas Jinan budget report): 收益模式 repeats two kinds, so its cells are no row labels
        DocumentResult r = html("<p>图表 4 截至 2025 年底公司已建成高速公路情况</p><table>"
                + "<tr><td>路产名称</td><td>通车时间</td><td>持股比例（%）</td><td>收益模式</td><td>收费里程（公里）</td></tr>"
                + "<tr><td>甲高速</td><td>2010.11</td><td>32.00</td><td>股权分红</td><td>91.72</td></tr>"
                + "<tr><td>乙高速</td><td>2012.10</td><td>30.00</td><td>股权分红</td><td>203.03</td></tr>"
                + "<tr><td>丙高速</td><td>2012.12</td><td>16.66</td><td>股权分红</td><td>106.69</td></tr>"
                + "<tr><td>丁高速</td><td>2015.12</td><td>60.00</td><td>自主经营</td><td>47.35</td></tr>"
                + "<tr><td>合计</td><td>--</td><td>--</td><td>--</td><td>448.79</td></tr></table>");
        assertEquals(1, r.tables().size(), "one table, not two sides: " + r.tables());
        assertTrue(cell(r, "106.69").subject().startsWith("丙高速"), cell(r, "106.69").subject());
        assertTrue(cell(r, "448.79").subject().startsWith("合计"), cell(r, "448.79").subject());
        assertTrue(r.figures().stream().noneMatch(f -> f.raw().equals("2015.12")), "a date is no figure");
    }

    @Test
    void aYearCutOffItsHeaderCellGoesBackToTheCellItNames() {
        // 2023 年（底） 2024 | 年（底） | 2025 年（底） (Nanping, Xuzhou rating reports), 2025 年执行数 2026 | 年预算数 (atlas Jinan)
        assertEquals(List.of("2023 年（底）", "2024 年（底）", "2025 年（底）"),
                TableBuilder.yearsBackInPlace(new java.util.ArrayList<>(List.of("2023 年（底） 2024", "年（底）", "2025 年（底）"))));
        assertEquals(List.of("项 目", "2025 年执行数", "2026 年预算数"),
                TableBuilder.yearsBackInPlace(new java.util.ArrayList<>(List.of("项 目", "2025 年执行数 2026", "年预算数"))));
        // a cell that is only a year stays: which cell it heads is not known
        assertEquals(List.of("2025", "年执行数"), TableBuilder.yearsBackInPlace(new java.util.ArrayList<>(List.of("2025", "年执行数"))));
    }

    @Test
    void aPdfTableTakesNoCaptionFromThePageBefore() {
        // 吴忠 p77/p78: the page before ends with a sentence naming other tables, and a contents page lists 表 7：…
        // with leader dots; the table on the next page has its own title and its number in its first row
        Table t = tables(List.of(
                line(1, "表 7：2026年市本级政府性基金收支预算项目表·························· 120", -1),
                line(1, "表十八和表十九对补助利通区转移支付也进行了详细反映。", -1),
                line(2, "2025 年全市政府性基金预算收支执行表", -1),
                line(2, "表 1\t\t单位：万元", 0),
                line(2, "项 目\t2024 年决算数\t2025 年完成数", 0),
                line(2, "一、政府性基金收入\t226041\t204874", 0),
                line(2, "国有土地使用权出让收入\t220911\t202055", 0))).get(0);
        assertTrue(t.caption().startsWith("表 1"), t.caption());
        assertTrue(t.caption().contains("2025 年全市政府性基金预算收支执行表"), t.caption());
    }

    private static String[] line(int page, String text, int table) { return new String[]{"" + page, text, "" + table}; }

    private static List<Table> tables(List<String[]> lines) {
        StringBuilder text = new StringBuilder();
        List<figtrace.model.TextLine> out = new java.util.ArrayList<>();
        int number = 0, page = -1;
        for (String[] l : lines) {
            int p = Integer.parseInt(l[0]);
            number = p == page ? number + 1 : 1;
            page = p;
            if (text.length() > 0) text.append('\n');
            int start = text.length();
            text.append(l[1]);
            out.add(new figtrace.model.TextLine(p, number, start, text.length(), false, Integer.parseInt(l[2])));
        }
        return new TableStage(RulesStage.load(Path.of("patterns"))).read(
                new figtrace.model.SourceFile("t.pdf", "0", 0, figtrace.model.DocType.PDF),
                new figtrace.model.DocumentText(text.toString(), out));
    }
}
