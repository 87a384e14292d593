package figtrace.tables;

import figtrace.model.DocumentText;
import figtrace.model.TextLine;
import figtrace.tables.TableText.Cell;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

import static figtrace.tables.TableText.CAPTION;
import static figtrace.tables.TableText.UNIT_LINE;
import static figtrace.tables.TableText.cells;
import static figtrace.tables.TableText.isDataRow;
import static figtrace.tables.TableText.isFooter;

/**
 * Where the tables are: runs of table rows with the caption (表N …), 单位 line and header paragraphs above them, a
 * run cut by a few label-only lines kept whole, and a table continued on the next pages joined (its repeated header
 * left out) or, under another header, given the caption and unit of the table above.
 */
final class TableBlocks {
    private TableBlocks() {}

    /** A run of table rows with what stands above it. */
    static final class Block {
        final List<Integer> lines = new ArrayList<>();
        String caption, unit, label;
        /** The table on the page before that this captionless block continues under another header, or null. */
        Block above;
        final List<String> headerParagraphs = new ArrayList<>();
        int firstPage, lastPage;
        /** A header line printed again above a continuation's rows, taken for its title at first (see find). */
        String repeatedTitle;
        /** Leading rows of continuation blocks to leave out (their repeated header). */
        final Set<Integer> repeatedHeader = new HashSet<>();

        void absorb(Block next) {
            lines.addAll(next.lines);
            lastPage = next.lastPage;
            if (unit == null) unit = next.unit;
            repeatedHeader.addAll(next.repeatedHeader);
        }
    }

    /** The document's tables as blocks, continuations joined, in text order. */
    static List<Block> find(DocumentText text, boolean[] isRow) {
        List<Block> merged = new ArrayList<>();
        for (Block b : blocks(text, isRow)) {
            Block prev = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (prev != null && repeatsHeaderAbove(prev, b, text)) {
                // the title found for rows at the top of a page is a line of the header of the table on the page
                // before, printed again (市本级 辖区转移 over 表九's amount columns on each of 石嘴山's pages 28–32): the
                // rows continue that table and have no title of their own
                b.repeatedTitle = b.caption;
                b.caption = null;
            }
            if (prev != null && continues(prev, b, text)) {
                prev.absorb(b);
                continue;
            }
            if (prev != null && b.caption == null && b.unit == null && b.firstPage > 0 && b.firstPage == prev.lastPage + 1
                    && gapLines(prev, b, text) <= 3) {
                // rows at the top of the next page with no caption or 单位 line of their own continue the table above
                // even when their header differs (a two-sided table's next page names its sides again): they keep
                // its caption, number and unit (石嘴山 2026 budget tables, 万元 printed on the first page only)
                b.above = prev;
            }
            merged.add(b);
        }
        return merged;
    }

    private static List<Block> blocks(DocumentText text, boolean[] isRow) {
        List<TextLine> lines = text.lines();
        List<Block> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (!isRow[i]) { i++; continue; }
            Block b = new Block();
            int table = lines.get(i).table();
            while (i < lines.size() && isRow[i] && (table < 0 || lines.get(i).table() == table)) b.lines.add(i++);
            b.firstPage = lines.get(b.lines.get(0)).page();
            b.lastPage = lines.get(b.lines.get(b.lines.size() - 1)).page();
            above(text, isRow, b);
            Block prev = out.isEmpty() ? null : out.get(out.size() - 1);
            List<Integer> between = prev == null ? null : rowsBetween(text, prev, b);
            if (between != null) {
                // a table cut by a few label-only lines (a long row header, a wrapped one) is one table
                prev.lines.addAll(between);
                prev.lines.addAll(b.lines);
                prev.lastPage = b.lastPage;
            } else {
                out.add(b);
            }
        }
        return out;
    }

    /**
     * The lines between two runs of table rows on the same page when they are row headers of one table (at most
     * twenty short lines, none a caption, a 单位 line or a sentence), else null.
     */
    private static List<Integer> rowsBetween(DocumentText text, Block prev, Block b) {
        if (b.firstPage == 0 || b.firstPage != prev.lastPage) return null;
        List<Integer> out = new ArrayList<>();
        for (int j = prev.lines.get(prev.lines.size() - 1) + 1; j < b.lines.get(0); j++) {
            String s = text.lineText(text.lines().get(j)).strip();
            if (s.isEmpty()) continue;
            if (s.length() > 40 || CAPTION.matcher(s).find() || UNIT_LINE.matcher(s).find() || s.endsWith("。")) return null;
            out.add(j);
        }
        return out.size() <= 20 ? out : null;
    }

    /** Caption, 单位 line and header paragraphs above a block: short lines up to the caption (表N …) or prose. */
    private static void above(DocumentText text, boolean[] isRow, Block b) {
        List<String> shortLines = new ArrayList<>();
        List<Integer> shortIndexes = new ArrayList<>();
        int first = b.lines.get(0);
        boolean paged = text.lines().get(first).page() > 0;
        int belowUnit = -1; // how many short lines stand between the 单位 line and the rows
        int page = text.lines().get(first).page();
        for (int j = first - 1; j >= 0 && j >= first - 24; j--) {
            if (isRow[j]) break;
            // a PDF table's caption, 单位 line and header stand on its own page: what ends the page before is prose
            // naming other tables (吴忠 p77 表十八和表十九…), a contents page (吴忠 p90 表 7：…···· 120) or the last
            // wrapped row label of the table continued here (石嘴山 p33 …预算指 / 标的通知), none of them this table's
            if (paged && text.lines().get(j).page() != page) break;
            String s = text.lineText(text.lines().get(j)).strip();
            if (s.isEmpty()) continue;
            // a sentence that names tables is no caption (表十八和表十九对…进行了详细反映。 in 吴忠's budget report,
            // （详见附表 35、36、37。） wrapped in 南通's)
            if (s.indexOf('\t') < 0 && s.endsWith("。")) break;
            Matcher unit = UNIT_LINE.matcher(s);
            if (unit.find() && belowUnit < 0) belowUnit = shortLines.size();
            if (unit.find(0) && b.unit == null) b.unit = unit.group(1);
            if (CAPTION.matcher(s).find()) {
                b.caption = s;
                break;
            }
            // prose: the table has no caption of its own (a lone row of cells is no prose)
            if (s.indexOf('\t') < 0 && (s.length() > 40 || s.endsWith("。"))) break;
            if (!UNIT_LINE.matcher(s).find()) {
                shortLines.add(0, s);
                shortIndexes.add(0, j);
            }
        }
        if (paged && b.caption != null && belowUnit >= 0 && belowUnit < shortLines.size()) {
            // lines between the caption and the 单位 line are its title, wrapped or not (表九 / 2025 年 7-12 月份石嘴山市级
            // 返还性收入及 / 一般性转移支付收入情况表 / 单位：万元 in 石嘴山's budget; 表十二 / 2025 年…情况表 / 单位：万元),
            // not header rows of the table
            int title = shortLines.size() - belowUnit;
            b.caption = b.caption + " " + String.join("", shortLines.subList(0, title));
            shortLines.subList(0, title).clear();
            shortIndexes.subList(0, title).clear();
        }
        if (paged && b.caption != null && !shortIndexes.isEmpty()) {
            // in a PDF, lines between the caption and the first run of rows are the table's own rows (a header
            // row, a lone row, label-only rows) that were too few to be marked as a run
            b.lines.addAll(0, shortIndexes);
            shortLines.clear();
        }
        if (b.caption == null && b.lines.size() > 1) {
            // a caption whose parts PDFBox read as cells (\t图表\t4\t截至 2025 年底公司已建成高速公路情况, Nanping rating
            // report; 表 1\t2025\t年居民消费价格…, Xiangtan bulletin) is the table's caption, not its first row
            String s = text.lineText(text.lines().get(b.lines.get(0))).strip();
            // with a title of its own: 表 12\t单位：万元 over the title line (Wuzhong budget tables) is only the number
            String title = CAPTION.matcher(UNIT_LINE.matcher(s).replaceAll("")).replaceFirst("").replaceAll("[^\\p{IsHan}]", "");
            if (CAPTION.matcher(s).find() && s.length() <= 60 && title.length() >= 4) {
                b.caption = s.replaceAll("\\s+", " ");
                b.lines.remove(0);
                shortLines.clear();
            }
        }
        if (b.caption == null) {
            // no 表N: the nearest short line is the title (全年主要指标完成情况), the others are not headers; a title
            // stands above the 单位 line, and a short line under it heads columns (2025 年执行数 over 金额 | 增长%
            // in 济南 and 石嘴山 budget PDFs): the title is the nearest line above the 单位 line
            int titleAt = belowUnit > 0 && belowUnit < shortLines.size() ? shortLines.size() - 1 - belowUnit : shortLines.size() - 1;
            List<String> headerLines = belowUnit > 0 && belowUnit < shortLines.size()
                    ? new ArrayList<>(shortLines.subList(shortLines.size() - belowUnit, shortLines.size())) : List.of();
            if (!shortLines.isEmpty()) b.caption = shortLines.get(titleAt);
            // a title wrapped over two lines (2025 年市南部山区 / 政府性基金预算收入执行情况表)
            // (2025 年中央、省对济南市一般性转移支付 / 及税收返还情况表): the year begins the line above, not the title
            if (belowUnit >= 0 && titleAt > 0 && b.caption.endsWith("表") && !TableText.YEAR.matcher(b.caption).lookingAt()
                    && TableText.YEAR.matcher(shortLines.get(titleAt - 1)).lookingAt() && shortLines.get(titleAt - 1).indexOf('\t') < 0
                    && !shortLines.get(titleAt - 1).matches(".*[表况)）。:：！!]") && (shortLines.get(titleAt - 1) + b.caption).length() <= 40) {
                b.caption = shortLines.get(titleAt - 1) + b.caption;
            }
            shortLines.clear();
            shortLines.addAll(headerLines);
        }
        b.headerParagraphs.addAll(shortLines);
        // the table's number may stand in its first row (表 1 … 单位：万元 on one line)
        for (int k = 0; k < Math.min(2, b.lines.size()) && b.caption != null && !CAPTION.matcher(b.caption).find(); k++) {
            String s = text.lineText(text.lines().get(b.lines.get(k))).strip();
            Matcher m = CAPTION.matcher(s);
            if (m.find() && s.length() <= 60) b.label = m.group(0).replaceAll("\\s", "");
        }
        if (b.caption != null && b.label == null) {
            Matcher m = CAPTION.matcher(b.caption);
            b.label = m.find() ? m.group(0).replaceAll("\\s", "") : null;
            Matcher unit = UNIT_LINE.matcher(b.caption);
            if (b.unit == null && unit.find()) b.unit = unit.group(1);
        }
    }

    /**
     * A block continues the table before it when it carries the same 表N caption on a later page, or when it starts
     * on the next page with no caption of its own, nothing but a 单位 line between, and as many columns.
     */
    private static boolean continues(Block prev, Block b, DocumentText text) {
        if (b.firstPage == 0 || b.firstPage <= prev.lastPage) return false;
        boolean sameCaption = b.label != null && b.label.equals(prev.label);
        boolean noCaption = b.caption == null && b.firstPage == prev.lastPage + 1
                && gapLines(prev, b, text) <= 2 && width(text, prev) == width(text, b);
        if (!sameCaption && !noCaption) return false;
        // pages laid out on other columns (a side left empty, other regions) are tables of their own
        if (width(text, prev) != width(text, b)) return false;
        if (b.caption != null && prev.caption != null && !sameCaption) return false;
        // the continuation's header rows repeat the first page's: leave them out of the body
        List<Integer> head = headerRows(text, prev.lines);
        List<Integer> again = headerRows(text, b.lines);
        // a different header on the next page (the next regions of a regional table) starts a new table
        if (!head.isEmpty() && !again.isEmpty() && !sameText(text, head, again)) return false;
        if (!head.isEmpty()) b.repeatedHeader.addAll(again);
        return true;
    }

    /**
     * Rows on the page after a table, with no 表N or 单位 line, whose only title is a line of that table's header
     * (a header line laid apart from its rows), or the line taken so for the page before.
     */
    private static boolean repeatsHeaderAbove(Block prev, Block b, DocumentText text) {
        if (b.caption == null || b.label != null || b.unit != null || b.firstPage == 0 || b.firstPage != prev.lastPage + 1) return false;
        String title = TableWords.squeeze(b.caption);
        if (title.equals(prev.repeatedTitle == null ? null : TableWords.squeeze(prev.repeatedTitle))) return true;
        for (int k = 0; k < Math.min(8, prev.lines.size()); k++) {
            if (TableWords.squeeze(text.lineText(text.lines().get(prev.lines.get(k)))).equals(title)) return true;
        }
        return false;
    }

    /** A caption that is only the table's number (表二十 on its own line, the title on the next). */
    static boolean bareLabel(String caption) {
        Matcher m = CAPTION.matcher(caption);
        return m.find() && caption.substring(m.end()).strip().isEmpty();
    }

    private static boolean sameText(DocumentText text, List<Integer> a, List<Integer> b) {
        StringBuilder x = new StringBuilder(), y = new StringBuilder();
        for (int i : a) x.append(TableWords.squeeze(text.lineText(text.lines().get(i))));
        for (int i : b) y.append(TableWords.squeeze(text.lineText(text.lines().get(i))));
        return x.toString().equals(y.toString());
    }

    private static int gapLines(Block prev, Block b, DocumentText text) {
        int n = 0;
        for (int j = prev.lines.get(prev.lines.size() - 1) + 1; j < b.lines.get(0); j++) {
            String s = text.lineText(text.lines().get(j)).strip();
            if (!s.isEmpty()) n++;
        }
        return n;
    }

    /** The widest data row (a stray footer or header line does not count). */
    static int width(DocumentText text, Block b) {
        int w = 0, any = 0;
        for (int i : b.lines) {
            List<Cell> row = cells(text, i);
            any = Math.max(any, row.size());
            if (isDataRow(row) && !isFooter(row)) w = Math.max(w, row.size());
        }
        return w > 0 ? w : any;
    }

    /** The leading rows of a run that hold no figure: its header rows. */
    private static List<Integer> headerRows(DocumentText text, List<Integer> lines) {
        List<Integer> out = new ArrayList<>();
        for (int i : lines) {
            if (isDataRow(cells(text, i))) break;
            out.add(i);
            if (out.size() >= 6) return List.of(); // no numbers for six rows: not a header but a text table
        }
        return out;
    }
}
