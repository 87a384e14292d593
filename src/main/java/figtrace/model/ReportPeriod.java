package figtrace.model;

/**
 * The period a document reports on, as the document itself says it (its title, first lines or date line), never
 * from today's date.
 *
 * @param year       the year reported on: a bulletin's year, the year whose budget execution or final accounts a
 *                   budget report gives (2025 in 关于X市2025年预算执行情况和2026年预算草案的报告); null when unknown
 * @param budgetYear the coming year whose budget a budget report proposes (2026 there); null for other documents
 * @param speechYear the year the document speaks in, for 今年/去年 (a budget report read in January 2026 says 今年
 *                   for 2026; a bulletin's 今年 is its report year); null when unknown
 */
public record ReportPeriod(Integer year, Integer budgetYear, Integer speechYear) {
    public static ReportPeriod unknown() { return new ReportPeriod(null, null, null); }

    /** 2025, or 2025/2026 for a budget report that gives 2025's execution and 2026's budget; empty when unknown. */
    public String label() {
        if (year == null && budgetYear == null) return "";
        if (budgetYear == null) return String.valueOf(year);
        return (year == null ? "" : year) + "/" + budgetYear;
    }
}
