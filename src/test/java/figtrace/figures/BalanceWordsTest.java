package figtrace.figures;

import org.junit.jupiter.api.Test;

import static figtrace.figures.FigureTestSupport.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Balance-sheet rows of rating reports stand at the year's end (patterns/subject_words.tsv, role balance). */
class BalanceWordsTest {
    @Test
    void theBalanceSheetRowsOfARatingReportAreAtTheYearsEnd() {
        // atlas Xuzhou and Nanping rating reports: 在建工程, 实收资本 in a 2024 column or sentence
        assertEquals("2024-12-31", only("2024年，公司在建工程25.98亿元。", "25.98亿元").time());
        // 固定资产 formed in a year is a flow (the Jilin work report), so it is no balance word
        assertEquals("2024", only("2024年，招商引资产业类项目形成固定资产550亿元。", "550亿元").time());
        assertEquals("2024-12-31", only("2024年，公司实收资本2.85亿元。", "2.85亿元").time());
        // a flow beside the word stays the year's: 固定资产投资
        assertEquals("2024", only("2024年，全市固定资产投资增长5.0%。", "5.0%").time());
    }
}
