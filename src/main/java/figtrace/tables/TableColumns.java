package figtrace.tables;

import figtrace.model.TableColumn;
import figtrace.tables.TableText.Cell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static figtrace.tables.TableText.CODE;
import static figtrace.tables.TableText.EMPTY_MARK;
import static figtrace.tables.TableText.NUMERIC;
import static figtrace.tables.TableText.PAREN;
import static figtrace.tables.TableText.YEAR;
import static figtrace.tables.TableText.norm;
import static figtrace.tables.TableText.year;

/**
 * What the columns are: their headers (header rows joined per column, group titles spread over the columns under
 * them, or header paragraphs of a flattened table), their role (label, code, unit, value) and what a value column's
 * header says about every cell under it (region, period, measure, unit, change).
 */
final class TableColumns {
    private static final String KINDS = "总量|绝对数|比上年增长|同比增长|增长|增速|增幅";
    private static final Pattern GROUP_KIND = Pattern.compile("(?:" + KINDS + ")(.{2,})|(.{2,}?)(?:" + KINDS + ")");

    private final TableWords words;
    private final TableUnits units;
    private final TableRows rows;

    TableColumns(TableWords words, TableUnits units, TableRows rows) {
        this.words = words;
        this.units = units;
        this.rows = rows;
    }

    /**
     * Column headers: each column's header-row cells joined top to bottom, with a title that spans several columns
     * (an empty cell right of it over sub-titles) given to each of them. With no header rows, header paragraphs of a
     * flattened table (项目 / 播种面积 / （万亩） / 比上年增长 / （%）) are grouped into titles, a unit paragraph joining
     * the title before it, and set over the columns from the right.
     */
    String[] headers(List<List<String>> headerRows, List<String> paragraphs, int n, boolean placed) {
        String[] heads = new String[n];
        Arrays.fill(heads, "");
        for (int r = 0; r < headerRows.size(); r++) {
            List<String> row = new ArrayList<>(headerRows.get(r));
            // a header row with fewer cells than the body lacks the leading label or code cell: align it right
            // (a lone title, such as 项 目 on its own line, stays at the left)
            boolean alignRight = row.size() >= 2 && !placed;
            while (row.size() < n) {
                if (alignRight) row.add(0, ""); else row.add("");
            }
            List<String> below = r + 1 < headerRows.size() ? headerRows.get(r + 1) : List.of();
            for (int k = 1; k < n; k++) {
                if (!row.get(k).isEmpty() || row.get(k - 1).isEmpty() || words.is("label", row.get(k - 1))
                        || words.is("code", row.get(k - 1))) continue;
                // a group title over sub-titles (2024年 over 预算数 | 执行数; 总量（亿元） | 增长（%） over 地区生产总值
                // 第一产业 … in a city GDP table) spans the empty cells right of it, up to the next title
                boolean subTitles = k < below.size() && !below.get(k).isEmpty() && !below.get(k - 1).isEmpty();
                if (subTitles && isGroupTitle(row.get(k - 1))) row.set(k, row.get(k - 1));
            }
            for (int k = 0; k < n; k++) heads[k] = heads[k] + row.get(k).strip();
        }
        if (headerRows.isEmpty() && !paragraphs.isEmpty()) {
            List<String> titles = new ArrayList<>();
            for (String p : paragraphs) {
                String t = p.strip();
                if (!titles.isEmpty() && (t.matches("[(（].{1,10}[)）]") || t.equals("%"))) {
                    titles.set(titles.size() - 1, titles.get(titles.size() - 1) + t);
                } else {
                    titles.add(t);
                }
            }
            if (titles.size() <= n) {
                int shift = n - titles.size();
                for (int k = 0; k < titles.size(); k++) heads[k + shift] = titles.get(k);
            }
        }
        return heads;
    }

    /**
     * A title that groups the columns under it: a year (2024年), a unit (总量（亿元）, 增长（%）) or a kind of value
     * (绝对数, 比上年增长); not a letter-spaced word split over cells (收 | 入).
     */
    private static boolean isGroupTitle(String title) {
        String t = norm(title);
        return YEAR.matcher(t).find() || PAREN.matcher(t).find() || t.matches(".*(?:" + KINDS + ").*");
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
            if (words.has("code", h) && !words.has("change", h) && (filled == 0 || codes * 10 >= filled * 6)) roles[k] = "code";
            else if (words.is("unit", h) || filled > 0 && unitCells * 10 >= filled * 6) roles[k] = "unit";
            else if (filled > 0 && codes * 10 >= filled * 6 && k + 1 < n && textColumn(body, k + 1)
                    && (k == 0 || !roles[k - 1].equals("label"))) roles[k] = "code";
            else if (words.is("label", h) || filled > 0 && numbers * 2 < filled) roles[k] = "label";
            else if (filled == 0 && (k == 0 || words.is("label", h))) roles[k] = "label";
            else roles[k] = "value";
        }
        return roles;
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
        if (!role.equals("value")) return new TableColumn(index, head, role, null, null, null, null, null);
        String period = year(head);
        if (period == null) period = captionYear;
        String unit = units.headerUnit(head);
        if (unit == null && (indexTable || words.has("index", head))) unit = "index";
        if (unit == null && words.has("no_table_unit", head)) unit = TableColumn.NO_TABLE_UNIT;
        String change = null;
        if (words.has("share", head)) change = "share";
        else if (words.has("change", head)) change = "%".equals(unit) || head.contains("%") || head.contains("％") ? "growth" : "increase";
        String bare = PAREN.matcher(head).replaceAll("").replaceAll("(?:19|20)[0-9]{2}\\s*年?", "")
                .replaceAll("[%％\\s\u3000]", "");
        // the side's title over a two-sided table's columns (一般公共预算收入 over 2025年完成数) names the side, not
        // the column's measure
        if (side != null && bare.startsWith(side) && bare.length() > side.length()) bare = bare.substring(side.length());
        // the kind of a group title over the column (总量 地区生产总值, 增长 第一产业) is its unit and change, not
        // what it measures
        Matcher kind = GROUP_KIND.matcher(bare);
        if (kind.matches()) bare = kind.group(1) != null ? kind.group(1) : kind.group(2);
        String region = rows.regionOf(bare);
        String measure = bare.isEmpty() || words.is("plain", bare) || region != null ? null : bare;
        return new TableColumn(index, head, role, region, period, measure, unit, change);
    }
}
