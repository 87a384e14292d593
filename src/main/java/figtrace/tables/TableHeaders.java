package figtrace.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static figtrace.tables.TableText.PAREN;
import static figtrace.tables.TableText.YEAR;
import static figtrace.tables.TableText.norm;
import static figtrace.tables.TableText.year;

/**
 * The column headers of a table: header rows joined per column, group titles spread over the columns under them
 * (multi-level headers), or the header paragraphs of a flattened table set over its columns.
 */
final class TableHeaders {
    private final TableWords words;
    /** The column kinds of table_words.tsv (总量, 绝对数, 比上年增长 …): a title holding one groups the columns under it. */
    private final Pattern kind;

    TableHeaders(TableWords words) {
        this.words = words;
        this.kind = Pattern.compile(".*(?:" + words.alternation("column_kind") + ").*");
    }

    /**
     * The column headers: for each column its whole header (every header level joined top to bottom) and, apart, the
     * group title over it (the words of the levels above its own) and its own words (the lowest level).
     */
    record Heads(String[] full, String[] group, String[] own) {}

    /**
     * Column headers: each column's header-row cells joined top to bottom, with a title that spans several columns
     * given to each column under it (like an HTML colspan or tabula's spanning header). Header rows are first grouped
     * into levels (a title wrapped over two lines, or titles printed at different heights, are one level); a title
     * of an upper level is then given to the empty columns of its level that have sub-titles below. Where a reader
     * laid spans as a title followed by empty cells (HTML, Word) a title spans the empty cells right of it; in a PDF
     * a title is centred over its columns (2025年债务限额 over 小计 | 一般债务 | 专项债务 lands on the middle one), so
     * each empty column goes to the nearest title, a column halfway between two titles to the one with fewer columns,
     * then to the left one, when every title then spans as many columns. A year cut from its 年 by a column gap (2025 | 年债务限额) is one title. With no header
     * rows, header paragraphs of a flattened table (项目 / 播种面积 / （万亩） / 比上年增长 / （%）) are grouped into
     * titles, a unit paragraph joining the title before it, and set over the columns from the right.
     */
    Heads headers(List<List<String>> headerRows, List<String> paragraphs, int n, boolean placed, boolean centred) {
        String[] heads = new String[n];
        String[] group = new String[n];
        String[] own = new String[n];
        Arrays.fill(heads, "");
        Arrays.fill(group, "");
        Arrays.fill(own, "");
        List<String[]> rows = new ArrayList<>();
        List<int[]> owners = new ArrayList<>(); // the column where the title a cell belongs to starts
        for (List<String> headerRow : headerRows) {
            List<String> row = new ArrayList<>(headerRow);
            // a header row with fewer cells than the body lacks the leading label or code cell: align it right
            // (a lone title, such as 项 目 on its own line, stays at the left)
            boolean alignRight = row.size() >= 2 && !placed;
            while (row.size() < n) {
                if (alignRight) row.add(0, ""); else row.add("");
            }
            String[] cells = new String[n];
            int[] owner = new int[n];
            for (int k = 0; k < n; k++) {
                cells[k] = row.get(k).strip();
                owner[k] = k;
            }
            for (int k = 0; k + 1 < n; k++) {
                if (TableText.splitYear(cells[k], cells[k + 1])) {
                    cells[k] = cells[k] + cells[k + 1];
                    cells[k + 1] = "";
                    owner[k + 1] = k;
                }
            }
            rows.add(cells);
            owners.add(owner);
        }
        // columns of row labels or codes (项目, 地区, 科目编码) take no group title
        boolean[] labelColumn = new boolean[n];
        for (String[] cells : rows) {
            for (int k = 0; k < n; k++) {
                if (!cells[k].isEmpty() && (words.is("label", cells[k]) || words.is("code", cells[k]))) labelColumn[k] = true;
            }
        }
        // levels: a row joins the level above when it fills none of the level's columns (titles printed at different
        // heights) or only columns the level fills (the second line of wrapped titles)
        List<List<Integer>> levels = new ArrayList<>();
        Set<Integer> levelFilled = new HashSet<>();
        for (int r = 0; r < rows.size(); r++) {
            Set<Integer> filled = filled(rows.get(r), owners.get(r), labelColumn);
            if (filled.isEmpty() && !levels.isEmpty()) {
                levels.get(levels.size() - 1).add(r);
                continue;
            }
            boolean disjoint = filled.stream().noneMatch(levelFilled::contains);
            // the line of the row labels' header (项目, 地区) is printed halfway down the whole header: the titles on it
            // (项目 … 增幅%) span every level, so it starts none
            boolean labelLine = false;
            for (int k = 0; k < n; k++) if (labelColumn[k] && !rows.get(r)[k].isEmpty()) labelLine = true;
            if (!levels.isEmpty() && (disjoint || labelLine || levelFilled.containsAll(filled))) {
                levels.get(levels.size() - 1).add(r);
                levelFilled.addAll(filled);
            } else {
                List<Integer> level = new ArrayList<>();
                level.add(r);
                levels.add(level);
                levelFilled = new HashSet<>(filled);
            }
        }
        String[][] levelText = new String[levels.size()][n];
        int[][] levelOwner = new int[levels.size()][n];
        for (int l = 0; l < levels.size(); l++) {
            for (int k = 0; k < n; k++) {
                StringBuilder b = new StringBuilder();
                int o = k;
                for (int r : levels.get(l)) {
                    b.append(rows.get(r)[k]);
                    if (owners.get(r)[k] != k) o = owners.get(r)[k];
                }
                levelText[l][k] = b.toString();
                levelOwner[l][k] = o;
            }
            // the columns a title cut over two cells covers all carry it
            for (int k = 0; k < n; k++) if (levelOwner[l][k] != k) levelText[l][k] = levelText[l][levelOwner[l][k]];
        }
        for (int l = 0; l + 1 < levels.size(); l++) spread(levelText, levelOwner, l, labelColumn, centred, rows, levels.get(l + 1).get(0));
        for (int l = 0; l < levels.size(); l++) {
            for (int k = 0; k < n; k++) {
                String t = levelText[l][k];
                heads[k] = heads[k] + t;
                if (l + 1 < levels.size()) group[k] = group[k] + t; else own[k] = own[k] + t;
            }
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
                own = heads.clone();
            }
        }
        return new Heads(heads, group, own);
    }

    /** The columns a header row fills, a title cut over two cells counted once, label and code columns left out. */
    private static Set<Integer> filled(String[] cells, int[] owner, boolean[] labelColumn) {
        Set<Integer> out = new HashSet<>();
        for (int k = 0; k < cells.length; k++) if (!labelColumn[k] && (!cells[k].isEmpty() || owner[k] != k)) out.add(k);
        return out;
    }

    /**
     * Gives the titles of level {@code l} to the empty columns of that level that have a sub-title in a level below:
     * right of the title (spans laid as empty cells), or the nearest title (centred PDF titles). A title spreads when
     * it is a group title by its words (a year, a unit, a kind of value) or when the titles of the level head
     * repeated runs of the same sub-titles (限额 | 余额 over 小计 | 一般债务 | 专项债务 twice).
     */
    private void spread(String[][] text, int[][] owner, int l, boolean[] labelColumn, boolean centred,
                        List<String[]> rows, int firstRowBelow) {
        int n = text[l].length;
        // the titles of the level: [from, to] columns each, by the column it starts at
        List<int[]> titles = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (labelColumn[k] || text[l][k].isEmpty() || owner[l][k] != k) continue;
            String t = norm(text[l][k]);
            if (t.length() < 2 || words.is("label", t) || words.is("code", t)) continue;
            int to = k;
            while (to + 1 < n && owner[l][to + 1] == k) to++;
            titles.add(new int[] {k, to});
        }
        if (titles.isEmpty()) return;
        int[] assigned = new int[n];
        Arrays.fill(assigned, -1);
        List<Integer> ties = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (labelColumn[k] || !text[l][k].isEmpty() || owner[l][k] != k || !subTitled(text, l, k)) continue;
            int left = -1, right = -1;
            for (int t = 0; t < titles.size(); t++) {
                if (titles.get(t)[1] < k) left = t;
                else if (titles.get(t)[0] > k && right < 0) right = t;
            }
            if (!centred) {
                // a title spans the empty cells right of it; a label column or another title ends it
                if (left >= 0 && noLabelBetween(labelColumn, titles.get(left)[1], k)) assigned[k] = left;
                continue;
            }
            int dl = left < 0 || !noLabelBetween(labelColumn, titles.get(left)[1], k) ? Integer.MAX_VALUE : k - titles.get(left)[1];
            int dr = right < 0 || !noLabelBetween(labelColumn, k, titles.get(right)[0]) ? Integer.MAX_VALUE : titles.get(right)[0] - k;
            if (dl == Integer.MAX_VALUE && dr == Integer.MAX_VALUE) continue;
            if (dl < dr) assigned[k] = left;
            else if (dr < dl) assigned[k] = right;
            else ties.add(k);
        }
        for (int k : ties) {
            int left = -1, right = -1;
            for (int t = 0; t < titles.size(); t++) {
                if (titles.get(t)[1] < k) left = t;
                else if (titles.get(t)[0] > k && right < 0) right = t;
            }
            assigned[k] = width(titles, assigned, right) < width(titles, assigned, left) ? right : left;
        }
        // a column halfway between two titles is theirs only when the level is regular, every title over as many
        // columns (per-fund pairs; 限额 | 余额 over three each); otherwise it is a column of its own printed beside
        // them (增长% beside 2025 年 | 2026 年 over 完成数 | 预算数), or the guess would mix two groups
        if (!ties.isEmpty()) {
            java.util.Set<Integer> widths = new HashSet<>();
            for (int t = 0; t < titles.size(); t++) widths.add(width(titles, assigned, t));
            if (widths.size() > 1) for (int k : ties) assigned[k] = -1;
        }
        // which titles spread: group titles by their words, or all of them when they head repeated sub-titles
        boolean repeated = repeatedRuns(text, l, titles, assigned);
        for (int k = 0; k < n; k++) {
            if (assigned[k] < 0) continue;
            int[] t = titles.get(assigned[k]);
            // a column whose words stand on the line of the row labels' header (项目 … 增长%) is a column of its own,
            // printed over the header's whole height beside the group (增长% beside 2026 年 over 预算数)
            if (besideLabelHeader(rows, firstRowBelow, k, labelColumn)) continue;
            String title = text[l][t[0]];
            if (!repeated && !isGroupTitle(title)) continue;
            text[l][k] = title;
            owner[l][k] = t[0];
        }
    }

    /** Column k has words below the level only on lines that hold the row labels' header (项目, 地区, 预算科目). */
    private static boolean besideLabelHeader(List<String[]> rows, int firstRowBelow, int k, boolean[] labelColumn) {
        boolean any = false;
        for (int r = firstRowBelow; r < rows.size(); r++) {
            if (rows.get(r)[k].isEmpty()) continue;
            boolean labelLine = false;
            for (int c = 0; c < labelColumn.length; c++) if (labelColumn[c] && !rows.get(r)[c].isEmpty()) labelLine = true;
            if (!labelLine) return false;
            any = true;
        }
        return any;
    }

    private static boolean noLabelBetween(boolean[] labelColumn, int from, int to) {
        for (int k = from + 1; k < to; k++) if (labelColumn[k]) return false;
        return true;
    }

    private static int width(List<int[]> titles, int[] assigned, int t) {
        int w = titles.get(t)[1] - titles.get(t)[0] + 1;
        for (int a : assigned) if (a == t) w++;
        return w;
    }

    /** A column with words in a level below {@code l}. */
    private static boolean subTitled(String[][] text, int l, int k) {
        for (int m = l + 1; m < text.length; m++) if (!text[m][k].isEmpty()) return true;
        return false;
    }

    /** Two or more titles of the level each over the same run of sub-titles, of at least two columns. */
    private static boolean repeatedRuns(String[][] text, int l, List<int[]> titles, int[] assigned) {
        Map<String, Integer> runs = new HashMap<>();
        for (int t = 0; t < titles.size(); t++) {
            StringBuilder run = new StringBuilder();
            int columns = 0;
            for (int k = 0; k < assigned.length; k++) {
                boolean under = assigned[k] == t || k >= titles.get(t)[0] && k <= titles.get(t)[1];
                if (!under) continue;
                columns++;
                for (int m = l + 1; m < text.length; m++) run.append(norm(text[m][k]));
                run.append('|');
            }
            if (columns >= 2) runs.merge(run.toString(), 1, Integer::sum);
        }
        return runs.values().stream().anyMatch(c -> c >= 2);
    }

    /**
     * A title that groups the columns under it: a year (2024年), a unit (总量（亿元）, 增长（%）) or a kind of value
     * (绝对数, 比上年增长); not a letter-spaced word split over cells (收 | 入).
     */
    private boolean isGroupTitle(String title) {
        String t = norm(title);
        return YEAR.matcher(t).find() || PAREN.matcher(t).find() || kind.matcher(t).matches();
    }
}
