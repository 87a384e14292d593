package figtrace.tables;

import figtrace.model.TableColumn;
import figtrace.rules.Rules;
import figtrace.rules.RulesStage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Multi-level column headers: a group title over several columns is part of the meaning of each column under it. */
class TableColumnsTest {
    private static TableColumns columns;
    private static TableHeaders headers;

    @BeforeAll
    static void load() throws Exception {
        Rules rules = RulesStage.load(Path.of("patterns"));
        TableWords words = new TableWords(rules);
        TableUnits units = new TableUnits(rules, words);
        columns = new TableColumns(words, units, new TableRows(rules, units));
        headers = new TableHeaders(words);
    }

    private static TableColumn column(TableHeaders.Heads h, int k) {
        return columns.column(k, h.full()[k], h.group()[k], h.own()[k], "value", "2025", false, null);
    }

    @Test
    void aPdfTitleCentredOverThreeColumnsIsGivenToEachOfThem() {
        // atlas guangdong 2025 budget attachment p199: 2025年债务限额 and 2025年末债务余额执行数 each centred over
        // 小计 | 一般债务 | 专项债务, so placed by position over the middle column
        TableHeaders.Heads h = headers.headers(List.of(
                List.of("", "", "2025年债务限额", "", "", "2025年末债务余额执行数"),
                List.of("地区"),
                List.of("", "小计", "一般债务", "专项债务", "小计", "一般债务", "专项债务")), List.of(), 7, true, true);
        assertEquals("地区", h.full()[0]);
        assertEquals("2025年债务限额小计", h.full()[1]);
        assertEquals("2025年债务限额专项债务", h.full()[3]);
        assertEquals("2025年末债务余额执行数小计", h.full()[4]);
        assertEquals("2025年末债务余额执行数专项债务", h.full()[6]);
        assertEquals("债务限额", column(h, 1).measure());
        assertEquals("一般债务限额", column(h, 2).measure());
        assertEquals("一般债务余额执行数", column(h, 5).measure(), "年末 dates the balance; it is not what is measured");
    }

    @Test
    void aGroupTitleCutAfterItsYearAndAThreeRowSubHeaderAreRebuilt() {
        // atlas shizuishan 2025 budget report 表十二 (p42): 2025 | 年债务限额 cut by a column gap, 一般/合计/债务
        // printed on three lines
        TableHeaders.Heads h = headers.headers(List.of(
                List.of("", "2025", "年债务限额", "", "2024", "年债务余额", "", "2025", "年新增债务"),
                List.of("地区"),
                List.of("", "", "一般", "专项", "", "一般", "专项", "", "一般", "专项"),
                List.of("", "合计", "", "", "合计", "", "", "合计"),
                List.of("", "", "债务", "债务", "", "债务", "债务", "", "债务", "债务")), List.of(), 10, true, true);
        assertEquals("2025年债务限额合计", h.full()[1]);
        assertEquals("2025年债务限额专项债务", h.full()[3]);
        assertEquals("2024年债务余额一般债务", h.full()[5]);
        assertEquals("2025年新增债务专项债务", h.full()[9]);
        assertEquals("2024", column(h, 5).period());
        assertEquals("一般债务余额", column(h, 5).measure());
        assertEquals("新增债务", column(h, 7).measure(), "合计 under a group measures the group");
        assertEquals("新增一般债务", column(h, 8).measure());
    }

    @Test
    void fundTitlesWrappedAtDifferentHeightsEachHeadTheirPairOfColumns() {
        // atlas guangdong p190 (表60-1): per-fund pairs 2025年执行数 | 2026年预算数 under titles wrapped over two
        // lines and printed at different heights
        TableHeaders.Heads h = headers.headers(List.of(
                List.of("", "", "", "企业职工基本养老", "", "", "", "职工基本医疗保险（含生"),
                List.of("", "社保基金支出合计", "", "", "", "失业保险基金支出"),
                List.of("", "", "", "保险基金支出", "", "", "", "育保险）基金支出"),
                List.of("地区"),
                List.of("", "2025年", "2026年", "2025年", "2026年", "2025年", "2026年", "2025年", "2026年"),
                List.of("", "执行数", "预算数", "执行数", "预算数", "执行数", "预算数", "执行数", "预算数")), List.of(), 9, true, true);
        assertEquals("社保基金支出合计2026年预算数", h.full()[2]);
        assertEquals("企业职工基本养老保险基金支出2026年预算数", h.full()[4]);
        assertEquals("失业保险基金支出2026年预算数", h.full()[6]);
        assertEquals("职工基本医疗保险（含生育保险）基金支出2026年预算数", h.full()[8]);
        assertEquals("2026", column(h, 8).period());
        assertEquals("职工基本医疗保险基金支出预算数", column(h, 8).measure());
    }

    @Test
    void aWordTitleOverOneColumnDoesNotSpreadToItsNeighbours() {
        // wrapped leaf titles (一般公共 / 预算收入 | 政府性 / 基金收入 | 增长%) are no groups: 增长% keeps its own header
        TableHeaders.Heads h = headers.headers(List.of(
                List.of("项目", "一般公共", "政府性"),
                List.of("", "预算收入", "基金收入", "增长%")), List.of(), 4, true, true);
        assertEquals("增长%", h.full()[3]);
        assertEquals("一般公共预算收入", h.full()[1]);
    }

    @Test
    void aSubtotalPrintedBetweenTwoLineSubTitlesIsUnderTheGroupButAColumnBesideTheRowLabelsHeaderIsNot() {
        // realdocs xinjiang 2024 execution tables p95: 2024年执行数 centred over 合计 | 自治区本级 | 地市级及以下, 合计
        // printed between the two lines of its neighbours
        TableHeaders.Heads h = headers.headers(List.of(
                List.of("", "", "2024年执行数", "", "", "2025年预算数"),
                List.of("项 目"),
                List.of("", "", "自治区本", "地市级", "", "自治区本", "地市级"),
                List.of("", "合计", "", "", "合计"),
                List.of("", "", "级", "及以下", "", "级", "及以下")), List.of(), 7, true, true);
        assertEquals("2024年执行数合计", h.full()[1]);
        assertEquals("2025年预算数合计", h.full()[4]);
        assertEquals("2025年预算数地市级及以下", h.full()[6]);
        // atlas shizuishan 表十五 (p47): 增长% on the line of 预算科目, beside 2025 年 | 2026 年 over 完成数 | 预算数
        TableHeaders.Heads beside = headers.headers(List.of(
                List.of("", "2025 年", "2026 年"),
                List.of("预算科目", "", "", "增长%"),
                List.of("", "完成数", "预算数")), List.of(), 4, true, true);
        assertEquals("增长%", beside.full()[3]);
        assertEquals("2026 年预算数", beside.full()[2]);
    }

    @Test
    void aChangeColumnOnTheRowLabelsLineIsNoGroupOverTheOthers() {
        // realdocs wuzhong 2025 budget report p166: 项 目 … 增幅% printed halfway down a header of years over stages
        TableHeaders.Heads h = headers.headers(List.of(
                List.of("", "收", "入", "", "", "", "", "支", "出"),
                List.of("", "2024 年", "2025 年", "2025 年", "为预算", "", "", "2024 年", "2025 年", "2025年", "为预算"),
                List.of("项 目", "", "", "", "", "增幅%", "项 目", "", "", "", "增幅%"),
                List.of("", "决算数", "预算数", "执行数", "的%", "", "", "决算数", "预算数", "执行数", "的%")), List.of(), 11, true, true);
        assertEquals("2024 年决算数", h.full()[1].replaceAll("^[收入支出]", ""));
        assertEquals("增幅%", h.full()[5]);
        assertEquals("2025年执行数", h.full()[9]);
    }
}
