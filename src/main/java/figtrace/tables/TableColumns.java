package figtrace.tables;

import figtrace.model.TableColumn;
import figtrace.tables.TableText.Cell;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static figtrace.tables.TableText.CODE;
import static figtrace.tables.TableText.EMPTY_MARK;
import static figtrace.tables.TableText.NUMERIC;
import static figtrace.tables.TableText.PAREN;
import static figtrace.tables.TableText.norm;
import static figtrace.tables.TableText.year;

/**
 * What the columns are: their role (label, code, unit, value) and what a value column's header says about every cell
 * under it (region, period, measure, unit, change). The headers themselves are rebuilt by {@link TableHeaders}.
 */
final class TableColumns {
    private final TableWords words;
    /** A header that is a column kind (table_words.tsv role column_kind) before or after what is measured. */
    private final Pattern groupKind;
    private final TableUnits units;
    private final TableRows rows;

    TableColumns(TableWords words, TableUnits units, TableRows rows) {
        this.words = words;
        this.units = units;
        this.rows = rows;
        String kinds = words.alternation("column_kind");
        this.groupKind = Pattern.compile("(?:" + kinds + ")(.{2,})|(.{2,}?)(?:" + kinds + ")");
    }

    /** Each column's role: label, code, unit or value, from its header words and then from what its cells hold. */
    String[] roles(String[] heads, List<List<Cell>> body, int n) {
        String[] roles = new String[n];
        for (int k = 0; k < n; k++) {
            int filled = 0, numbers = 0, codes = 0, unitCells = 0;
            for (List<Cell> row : body) {
                if (k >= row.size() || row.get(k).text().isEmpty()) continue;
                String t = norm(row.get(k).text());
                filled++;
                if (CODE.matcher(t).matches()) codes++;
                if (NUMERIC.matcher(t).matches() || EMPTY_MARK.matcher(t).matches()) numbers++;
                if (units.isKnownUnit(t)) unitCells++;
            }
            String h = heads[k];
            if (words.has("row_number", h)) roles[k] = "code";
            else if (words.has("date", h) && filled > 0 && dates(body, k) == filled) roles[k] = "code"; // dashes of a 合计 row count
            else if (words.has("code", h) && !words.has("change", h) && (filled == 0 || codes * 10 >= filled * 6)) roles[k] = "code";
            else if (words.is("unit", h) || filled > 0 && unitCells * 10 >= filled * 6) roles[k] = "unit";
            else if (filled > 0 && codes * 10 >= filled * 6 && k + 1 < n && textColumn(body, k + 1)
                    && (k == 0 || !roles[k - 1].equals("label"))) roles[k] = "code";
            else if (words.is("label", h) || filled > 0 && numbers * 2 < filled) roles[k] = "label";
            else if (filled == 0 && (k == 0 || words.is("label", h))) roles[k] = "label";
            else roles[k] = "value";
        }
        return roles;
    }

    /**
     * A month or a day (2015.12, 2019-09-04, 2013/07, 3月10日): the cells of a column of dates (通车时间 in the Nanping rating
     * report, 竣工时间 in the Ningde one) say when, they are not figures.
     */
    private static final Pattern DATE_CELL = Pattern.compile("(19|20)[0-9]{2}[.\\-/年](0?[1-9]|1[0-2])(?:月|[.\\-/](0?[1-9]|[12][0-9]|3[01])日?)?"
            + "|(0?[1-9]|1[0-2])月(0?[1-9]|[12][0-9]|3[01])日"); // 3 月 10 日 under 发行日期 (atlas Jinan budget report)

    /** The cells of column k when all are dates (or dashes, at least one a date), else -1. */
    private static int dates(List<List<Cell>> body, int k) {
        int n = 0, dashes = 0;
        for (List<Cell> row : body) {
            if (k >= row.size() || row.get(k).text().isEmpty()) continue;
            String t = norm(row.get(k).text());
            if (DATE_CELL.matcher(t).matches()) n++;
            else if (EMPTY_MARK.matcher(t).matches()) dashes++;
            else return -1;
        }
        return n > 0 ? n + dashes : -1;
    }

    private static boolean textColumn(List<List<Cell>> body, int k) {
        int filled = 0, text = 0;
        for (List<Cell> row : body) {
            if (k >= row.size() || row.get(k).text().isEmpty()) continue;
            filled++;
            if (!NUMERIC.matcher(norm(row.get(k).text())).matches()) text++;
        }
        return filled > 0 && text * 2 > filled;
    }

    /** What a column's header says about its cells; label, code and unit columns only get their header and role. */
    TableColumn column(int index, String head, String role, String captionYear, boolean indexTable, String side) {
        return column(index, head, "", head, role, captionYear, indexTable, side);
    }

    /**
     * What a column's header says, its group title over several columns ({@code group}) and its own words
     * ({@code own}) read together: the group names what is measured and the column the part or the stage
     * (债务余额 over 一般债务 → 一般债务余额; 新增债务 over 合计 → 新增债务; 社保基金支出合计 over 2025年执行数).
     */
    TableColumn column(int index, String head, String group, String own, String role, String captionYear,
                       boolean indexTable, String side) {
        if (!role.equals("value")) return new TableColumn(index, head, role, null, null, null, null, null);
        String period = year(head);
        if (period == null) period = captionYear;
        String unit = units.headerUnit(head);
        if (unit == null && (indexTable || words.has("index", head))) unit = "index";
        if (unit == null && words.has("no_table_unit", head)) unit = TableColumn.NO_TABLE_UNIT;
        String change = null;
        if (words.has("share", head)) change = "share";
        else if (words.has("change", head)) change = "%".equals(unit) || head.contains("%") || head.contains("％") ? "growth" : "increase";
        String bare = group.isEmpty() ? bare(head) : joined(bare(group), bare(own));
        // the side's title over a two-sided table's columns (一般公共预算收入 over 2025年完成数) names the side, not
        // the column's measure
        if (side != null && bare.startsWith(side) && bare.length() > side.length()) bare = bare.substring(side.length());
        // the kind of a group title over the column (总量 地区生产总值, 增长 第一产业) is its unit and change, not
        // what it measures
        Matcher kind = groupKind.matcher(bare);
        if (kind.matches()) bare = kind.group(1) != null ? kind.group(1) : kind.group(2);
        String region = rows.regionOf(bare);
        String measure = bare.isEmpty() || words.is("plain", bare) || region != null ? null : bare;
        return new TableColumn(index, head, role, region, period, measure, unit, change, group.isEmpty() ? null : group);
    }

    /** A header without its years (2025年, and the 末 or 底 of 2025年末), brackets, % signs and spaces. */
    private static String bare(String header) {
        return PAREN.matcher(header).replaceAll("").replaceAll("(?:19|20)[0-9]{2}\\s*年?(?:[末底])?", "")
                .replaceAll("[%％\\s\u3000]", "");
    }

    /**
     * A group title and a column's own words as one measure: a plain column (小计, 合计) is the group; a part that
     * ends with the word the group begins with (一般债务 under 债务余额) or with the group's last word (一般债务 under
     * 新增债务) is put into the group's phrase (一般债务余额, 新增一般债务); otherwise the group, then the column.
     */
    String joined(String group, String own) {
        if (group.isEmpty()) return own;
        if (own.isEmpty() || words.is("plain", own) || words.is("subtotal", own)) return group;
        for (int len = Math.min(own.length(), group.length()); len >= 2; len--) {
            if (own.endsWith(group.substring(0, len))) return own + group.substring(len);
        }
        for (int len = Math.min(own.length(), group.length()); len >= 2; len--) {
            String last = group.substring(group.length() - len);
            if (own.endsWith(last)) return group.substring(0, group.length() - len) + own;
        }
        return group + own;
    }
}
