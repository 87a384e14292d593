package figtrace.model;

/**
 * One column of a {@link Table} and what its header says about every cell under it.
 *
 * @param index   0-based position
 * @param header  the header text of the column, its header rows joined top to bottom (2023年 / 决算数 → 2023年决算数)
 * @param role    label (row names), code (科目编码: labels, never figures), unit (a unit per row), value (figures)
 * @param region  the place the column is about (a regional table's 乌鲁木齐市), or null
 * @param period  the period the header names (2024), or null
 * @param measure what the header says is measured, without period and unit (预算数, 执行数, 完成数), or null
 * @param unit    the unit the header gives ((万元), %, 上年=100 → index), {@link #NO_TABLE_UNIT}, or null
 * @param change  growth or share when the column holds a rate of change or a share (比上年增长%), else null
 * @param group   the title of a header level above the column's own words that spans several columns (2025年债务限额
 *                over 小计 | 一般债务 | 专项债务; a fund's name over 2025年执行数 | 2026年预算数), or null
 */
public record TableColumn(int index, String header, String role, String region, String period, String measure,
                          String unit, String change, String group) {
    /** A column under no group title. */
    public TableColumn(int index, String header, String role, String region, String period, String measure,
                       String unit, String change) {
        this(index, header, role, region, period, measure, unit, change, null);
    }

    /** The unit of a column whose values are not in the table's unit (年限, 利率, 排名 under a 亿元 caption). */
    public static final String NO_TABLE_UNIT = "none";

    public boolean valueColumn() { return "value".equals(role); }
}
