package figtrace.layout;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdfPageLayoutTest {
    private static List<Row> rows(int page, String... texts) {
        List<Row> rows = new ArrayList<>();
        for (String t : texts) {
            Row r = new Row(page, t);
            r.tabular = t.indexOf('\t') >= 0;
            rows.add(r);
        }
        return rows;
    }

    @Test
    void labelLinesWrappedAroundALoneNumberLineBelongToTheTable() {
        // 石嘴山 budget 表九: each 指标文件 wraps over a line above and a line below its number line
        List<Row> rows = rows(28,
                "序号\t指标文件\t指标金额",
                "\t总 计\t106,939\t49,891\t57,048",
                "自治区财政厅 自治区教育厅关于下达 2025 年秋季",
                "1\t169\t149\t20",
                "学期各学段学生资助资金预算的通知",
                "自治区财政厅 自治区教育厅关于下达 2025 年自治",
                "2\t220\t220");
        PdfPageLayout.bridgeShortGaps(rows);
        for (Row r : rows) assertTrue(r.tabular, "part of the table: " + r);
    }

    @Test
    void aCaptionAUnitLineOrASentenceIsNoWrappedLabel() {
        // (a single short line between two table lines was part of the table before: two lines are looked at here)
        List<Row> caption = rows(3, "合计\t100\t200", "表二", "2025 年全市一般公共预算支出执行情况表", "一般公共服务支出\t12\t13");
        PdfPageLayout.bridgeShortGaps(caption);
        assertFalse(caption.get(1).tabular, "a caption stays apart");
        List<Row> unit = rows(3, "合计\t100\t200", "2025 年全市支出表", "单位：万元", "一般公共服务支出\t12\t13");
        PdfPageLayout.bridgeShortGaps(unit);
        assertFalse(unit.get(2).tabular, "a 单位 line stays apart");
        List<Row> sentence = rows(3, "合计\t100\t200", "全年支出增长5%。", "其中：", "一般公共服务支出\t12\t13");
        PdfPageLayout.bridgeShortGaps(sentence);
        assertFalse(sentence.get(1).tabular, "a sentence stays apart");
        // lines before a header (no figures) are not bridged: they may be the next table's title
        List<Row> next = rows(3, "合计\t100\t200", "2025 年全市一般公共预算", "收入执行情况表", "项目\t预算数\t完成数");
        PdfPageLayout.bridgeShortGaps(next);
        assertFalse(next.get(1).tabular, "a title above the next table's header stays apart");
    }
}
