package figtrace.tables;

import figtrace.model.DocumentText;
import figtrace.model.SourceFile;
import figtrace.model.Table;
import figtrace.model.TableCell;
import figtrace.model.TableColumn;
import figtrace.model.TableRow;
import figtrace.model.TextLine;
import figtrace.rules.Region;
import figtrace.rules.Rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tables: rebuilds every table of a document's text as a {@link Table}, whatever the format. Layout marks table rows
 * (cells separated by '\t', one column per '\t' for PDF tables placed by position, HTML spans expanded); this stage
 * groups them into tables with their caption, 单位 line and header (several header rows, or header paragraphs of a
 * table flattened into one paragraph per row), joins a table continued on the next pages, splits two-sided tables
 * (收入 | 支出) in two, and reads what each column header and row header says. Pure: the same text and rules give the
 * same tables with the same ids.
 */
public final class TableStage {
    private static final Pattern NUMERIC = Pattern.compile("[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.[0-9]+)?%?");
    private static final Pattern EMPTY_MARK = Pattern.compile("[-—–－]+|…+|/|\\*|x|X|×");
    private static final Pattern CODE = Pattern.compile("[0-9]{3,9}");
    private static final Pattern CAPTION = Pattern.compile("^\\s*(?:附|图)?表\\s*([0-9０-９]+|[一二三四五六七八九十百]+)(?=[\\s\u3000:：、．.（(\\p{IsHan}]|$)");
    private static final Pattern UNIT_LINE = Pattern.compile("单位\\s*[:：]\\s*([^\\s,，;；)）]{1,10})");
    private static final Pattern YEAR = Pattern.compile("((?:19|20)[0-9]{2})\\s*年?");
    private static final Pattern PAREN = Pattern.compile("[(（]([^()（）]{1,12})[)）]");
    private static final Pattern LIST_MARKER = Pattern.compile(
            "^\\s*(?:(?<l1>[一二三四五六七八九十]+\\s*[、.．])|(?<l2>[（(][一二三四五六七八九十]+[)）])|(?<l3>[0-9]+\\s*[.、．](?![0-9]))|(?<l4>[（(][0-9]+[)）])|(?<hash>[#＃]+))\\s*");
    private static final String KINDS = "总量|绝对数|比上年增长|同比增长|增长|增速|增幅";
    private static final Pattern GROUP_KIND = Pattern.compile("(?:" + KINDS + ")(.{2,})|(.{2,}?)(?:" + KINDS + ")");
    private static final Pattern QIZHONG = Pattern.compile("^\\s*其中\\s*[:：]?\\s*");

    private final Rules rules;
    private final TableWords words;

    /** @throws BadTableWords when patterns/table_words.tsv has a bad line (the message names file and line) */
    public TableStage(Rules rules) {
        this.rules = rules;
        try {
            this.words = new TableWords(rules.dir());
        } catch (TableWords.TableWordsException e) {
            throw new BadTableWords(e.getMessage());
        }
    }

    /** A bad line in patterns/table_words.tsv. */
    public static final class BadTableWords extends RuntimeException {
        BadTableWords(String message) { super(message); }
    }

    /** Which lines are table rows: marked by layout, or runs of two or more tab-separated lines. */
    public static boolean[] tableRows(DocumentText text) {
        List<TextLine> lines = text.lines();
        boolean[] rows = new boolean[lines.size()];
        boolean[] tabbed = new boolean[lines.size()];
        for (int i = 0; i < rows.length; i++) tabbed[i] = text.lineText(lines.get(i)).strip().contains("\t");
        for (int i = 0; i < rows.length; i++) {
            boolean neighbourTabbed = i > 0 && tabbed[i - 1] || i + 1 < rows.length && tabbed[i + 1];
            rows[i] = lines.get(i).isTableRow() || tabbed[i] && neighbourTabbed;
        }
        return rows;
    }

    /** Every table of the document, in text order. */
    public List<Table> read(SourceFile source, DocumentText text) {
        if (text.isBlank()) return List.of();
        boolean[] isRow = tableRows(text);
        List<Block> blocks = blocks(text, isRow);
        List<Block> merged = new ArrayList<>();
        for (Block b : blocks) {
            Block prev = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (prev != null && continues(prev, b, text, isRow)) {
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
        List<Table> out = new ArrayList<>();
        for (Block b : merged) {
            if (b.above != null) { // after the block above was built: its caption now holds a title row too
                b.caption = b.above.caption;
                b.label = b.above.label;
                b.unit = b.above.unit;
            }
            for (Table t : build(source, text, b, out.size())) out.add(t);
        }
        return out;
    }

    // ---- blocks: runs of table rows with their caption ----

    /** A run of table rows with what stands above it. */
    static final class Block {
        final List<Integer> lines = new ArrayList<>();
        String caption, unit, label;
        /** The table on the page before that this captionless block continues under another header, or null. */
        Block above;
        final List<String> headerParagraphs = new ArrayList<>();
        int firstPage, lastPage;
        /** Leading rows of continuation blocks to leave out (their repeated header). */
        final java.util.Set<Integer> repeatedHeader = new java.util.HashSet<>();

        void absorb(Block next) {
            lines.addAll(next.lines);
            lastPage = next.lastPage;
            if (unit == null) unit = next.unit;
            repeatedHeader.addAll(next.repeatedHeader);
        }
    }

    private List<Block> blocks(DocumentText text, boolean[] isRow) {
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
    private void above(DocumentText text, boolean[] isRow, Block b) {
        List<String> shortLines = new ArrayList<>();
        List<Integer> shortIndexes = new ArrayList<>();
        int first = b.lines.get(0);
        boolean paged = text.lines().get(first).page() > 0;
        for (int j = first - 1; j >= 0 && j >= first - 24; j--) {
            if (isRow[j]) break;
            String s = text.lineText(text.lines().get(j)).strip();
            if (s.isEmpty()) continue;
            Matcher unit = UNIT_LINE.matcher(s);
            if (unit.find() && b.unit == null) b.unit = unit.group(1);
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
        if (paged && b.caption != null && !shortIndexes.isEmpty()) {
            // in a PDF, lines between the caption and the first run of rows are the table's own rows (a header
            // row, a lone row, label-only rows) that were too few to be marked as a run
            b.lines.addAll(0, shortIndexes);
            shortLines.clear();
        }
        if (b.caption == null) {
            // no 表N: the nearest short line is the title (全年主要指标完成情况), the others are not headers
            if (!shortLines.isEmpty()) b.caption = shortLines.remove(shortLines.size() - 1);
            shortLines.clear();
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
    private boolean continues(Block prev, Block b, DocumentText text, boolean[] isRow) {
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

    /** A caption that is only the table's number (表二十 on its own line, the title on the next). */
    private static boolean bareLabel(String caption) {
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
    private static int width(DocumentText text, Block b) {
        int w = 0, any = 0;
        for (int i : b.lines) {
            List<Cell> row = cells(text, i);
            any = Math.max(any, row.size());
            if (isDataRow(row) && !isFooter(row)) w = Math.max(w, row.size());
        }
        return w > 0 ? w : any;
    }

    /** A running footer caught in a table row: a title and its page number (跟踪评级报告 | 5). */
    static boolean isFooter(List<Cell> row) {
        List<String> filled = row.stream().map(c -> c.text).filter(t -> !t.isEmpty()).toList();
        return filled.size() >= 2 && filled.size() <= 3 && filled.get(filled.size() - 1).matches("[0-9]{1,3}")
                && filled.contains("|");
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

    private static boolean isDataRow(List<Cell> row) {
        for (int j = 1; j < row.size(); j++) if (NUMERIC.matcher(norm(row.get(j).text)).matches()) return true;
        return false;
    }

    // ---- cells ----

    record Cell(int start, int end, String text) {}

    static List<Cell> cells(DocumentText text, int lineIndex) {
        TextLine line = text.lines().get(lineIndex);
        List<Cell> cells = new ArrayList<>();
        String s = text.lineText(line);
        int from = 0;
        while (true) {
            int tab = s.indexOf('\t', from);
            int end = tab < 0 ? s.length() : tab;
            int a = from, b = end;
            while (a < b && Character.isWhitespace(s.charAt(a))) a++;
            while (b > a && Character.isWhitespace(s.charAt(b - 1))) b--;
            cells.add(new Cell(line.start() + a, line.start() + b, s.substring(a, b)));
            if (tab < 0) break;
            from = tab + 1;
        }
        return cells;
    }

    // ---- building one table ----

    private List<Table> build(SourceFile source, DocumentText text, Block b, int seq) {
        List<Integer> header = new ArrayList<>();
        List<Integer> body = new ArrayList<>();
        boolean inHeader = true;
        for (int i : b.lines) {
            if (b.repeatedHeader.contains(i)) continue;
            if (isFooter(cells(text, i))) continue;
            if (inHeader && !isDataRow(cells(text, i)) && header.size() < 6) {
                // a row holding the table's number (表 1) or its 单位：万元 line belongs to the caption, not the header
                String line = text.lineText(text.lines().get(i)).strip();
                Matcher unit = UNIT_LINE.matcher(line);
                boolean captionRow = CAPTION.matcher(line).find() && line.length() <= 60;
                if (unit.find() || captionRow) {
                    if (b.unit == null && unit.find(0)) b.unit = unit.group(1);
                    if (captionRow && (b.caption == null || !CAPTION.matcher(b.caption).find())) {
                        String number = CAPTION.matcher(line).results().findFirst().map(MatchResult::group).orElse("").strip();
                        // the whole row is the caption (图表 6 | 截至2025年底…项目概况: the title may say the date)
                        String whole = line.replaceAll("[\\s\u3000]+", " ").strip();
                        b.caption = b.caption == null ? whole : whole + " " + b.caption;
                        b.label = number.replaceAll("\\s", "");
                    }
                    continue;
                }
                // a first row holding one title over the whole table (Word tables carry their caption so) is the caption
                List<Cell> only = cells(text, i);
                long filled = only.stream().filter(c -> !c.text.isEmpty()).count();
                if (header.isEmpty() && filled == 1 && !only.get(0).text.isEmpty() && width(text, b) > 1
                        && !words.is("label", only.get(0).text)
                        && (b.caption == null || !CAPTION.matcher(b.caption).find() || bareLabel(b.caption))) {
                    b.caption = b.caption == null ? only.get(0).text : b.caption + " " + only.get(0).text;
                    continue;
                }
                header.add(i);
                continue;
            }
            inHeader = false;
            body.add(i);
        }
        if (body.isEmpty()) { // a table of words only (a list of projects): every row is body
            body.addAll(header);
            header.clear();
        }
        int n = 0;
        List<List<Cell>> bodyCells = new ArrayList<>();
        for (int i : body) {
            List<Cell> row = cells(text, i);
            bodyCells.add(row);
            n = Math.max(n, row.size());
        }
        List<List<String>> headerTexts = new ArrayList<>();
        for (int i : header) {
            List<String> row = new ArrayList<>();
            for (Cell c : cells(text, i)) row.add(c.text);
            headerTexts.add(row);
            n = Math.max(n, row.size());
        }
        // rows a reader laid on the table's grid (PDF by position, HTML and Word by their cells and spans) are
        // placed; only loose tab-separated lines may lack their leading cells
        boolean placed = text.lines().get(b.lines.get(b.lines.size() - 1)).isTableRow();
        String[] heads = columnHeaders(headerTexts, b.headerParagraphs, n, placed);
        String[] roles = roles(heads, bodyCells, n);

        // two-sided tables (收入 … | 支出 …): a second label column after value columns starts the second table
        int split = -1;
        boolean seenValue = false;
        for (int k = 0; k < n; k++) {
            if (roles[k].equals("value")) seenValue = true;
            else if (seenValue && roles[k].equals("label")) {
                split = k > 0 && roles[k - 1].equals("code") ? k - 1 : k;
                break;
            }
        }
        List<Table> out = new ArrayList<>();
        if (split > 0) {
            out.add(side(source, text, b, seq, header, body, bodyCells, headerTexts, heads, roles, 0, split));
            out.add(side(source, text, b, seq + 1, header, body, bodyCells, headerTexts, heads, roles, split, n));
        } else {
            out.add(side(source, text, b, seq, header, body, bodyCells, headerTexts, heads, roles, 0, n));
        }
        return out;
    }

    /** The table made of columns [from, to): a whole table, or one side of a two-sided one. */
    private Table side(SourceFile source, DocumentText text, Block b, int seq, List<Integer> header, List<Integer> body,
                       List<List<Cell>> bodyCells, List<List<String>> headerTexts, String[] heads, String[] roles,
                       int from, int to) {
        boolean twoSided = from > 0 || to < heads.length;
        String side = null;
        if (twoSided) {
            // the side's name: the first header cell over its columns (收 入 / 支 出)
            for (List<String> row : headerTexts) {
                for (int k = from; k < Math.min(to, row.size()) && side == null; k++) {
                    if (!row.get(k).isBlank()) side = TableWords.squeeze(row.get(k));
                }
                if (side != null) break;
            }
        }
        String captionYear = year(b.caption);
        String tableUnit = b.unit != null ? b.unit : parenUnit(b.caption);
        boolean indexTable = (b.caption != null && words.has("index", b.caption));

        List<TableColumn> columns = new ArrayList<>();
        String leftYear = null;
        for (int k = from; k < to; k++) {
            TableColumn c = column(k - from, heads[k], roles[k], captionYear, indexTable, side);
            // a change without a year of its own (2025年完成数 | 2026年预算数 | 增长%) compares the column left of it
            // with the year before: it is of that column's year, not the caption's or the document's
            if (c.change() != null && year(heads[k]) == null && leftYear != null) {
                c = new TableColumn(c.index(), c.header(), c.role(), c.region(), leftYear, c.measure(), c.unit(), c.change());
            }
            if (c.valueColumn() && c.change() == null && c.period() != null) leftYear = c.period();
            columns.add(c);
        }
        int labelCol = -1, unitCol = -1;
        for (TableColumn c : columns) {
            if (c.role().equals("label") && labelCol < 0) labelCol = c.index();
            if (c.role().equals("unit") && unitCol < 0) unitCol = c.index();
        }
        if (labelCol < 0 && !columns.isEmpty() && !columns.get(0).role().equals("code")) labelCol = 0;

        List<TableRow> rows = new ArrayList<>();
        List<TableCell> cells = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        boolean paged = text.lines().get(b.lines.get(0)).page() > 0;
        // a row header wraps when its line is full: as long as the longest row header line of the table
        int longest = 0;
        for (List<Cell> all : bodyCells) {
            if (labelCol >= 0 && from + labelCol < all.size()) longest = Math.max(longest, all.get(from + labelCol).text.length());
        }
        int lastLabelLength = 0;
        boolean lastLabelOnly = false; // the last row added is a label-only line (no cell but its label)
        for (int r = 0; r < body.size(); r++) {
            TextLine line = text.lines().get(body.get(r));
            List<Cell> all = bodyCells.get(r);
            List<Cell> row = all.subList(Math.min(from, all.size()), Math.min(to, all.size()));
            Cell labelCell = labelCol >= 0 && labelCol < row.size() ? row.get(labelCol) : null;
            String label = labelCell == null ? "" : labelCell.text;
            boolean onlyLabel = !label.isEmpty() && row.stream().filter(c -> !c.text.isEmpty()).count() == 1;
            boolean wraps = paged && onlyLabel && !rows.isEmpty() && longest >= 8 && lastLabelLength * 100 >= longest * 85
                    && label.length() < lastLabelLength && (label.length() * 10 <= lastLabelLength * 6 || label.contains("（"))
                    && isWrap(rows.get(rows.size() - 1), label);
            lastLabelLength = label.length();
            if (wraps) {
                // the second line of a wrapped row header (提前下达中央对地方重点生态功能区转移 / 支付预算)
                TableRow prev = rows.remove(rows.size() - 1);
                String joined = prev.label() + label;
                rows.add(row(prev.index(), prev.page(), prev.line(), prev.charStart(), line.end(), joined,
                        prev.level(), prev.parent(), prev.unit(), levels));
                continue;
            }
            if (row.stream().allMatch(c -> c.text.isEmpty())) continue;
            int index = rows.size();
            String unit = unitCol >= 0 && unitCol < row.size() && !row.get(unitCol).text.isEmpty() ? row.get(unitCol).text : null;
            TableRow above = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            if (paged && label.isEmpty() && labelCol >= 0 && lastLabelOnly && above != null
                    && java.util.Objects.equals(above.page(), line.page() == 0 ? null : line.page())) {
                // a row header printed on two lines around its numbers (其中:1.社会保险待遇 / the numbers / 支出; 石嘴山
                // and Xinjiang budget PDFs): the unnamed number row is the label-only line above it, and the line
                // below joins it as a wrapped label
                rows.remove(rows.size() - 1);
                index = above.index();
                rows.add(row(index, above.page(), above.line(), above.charStart(), line.end(), above.label(),
                        -1, -1, unit != null ? unit : above.unit(), levels));
                lastLabelLength = above.label().length();
            } else {
                rows.add(row(index, line.page() == 0 ? null : line.page(), line.number(), line.start(), line.end(), label,
                        -1, -1, unit, levels));
            }
            lastLabelOnly = onlyLabel;
            for (int k = 0; k < row.size(); k++) {
                Cell c = row.get(k);
                if (c.text.isEmpty()) continue;
                boolean figure = columns.get(k).valueColumn() && NUMERIC.matcher(norm(c.text)).matches();
                cells.add(new TableCell(index, k, c.start, c.end, c.text,
                        figure ? figureId(source.sha256(), c.start, c.end) : null));
            }
        }
        List<Integer> pages = new ArrayList<>();
        for (int i : b.lines) {
            int p = text.lines().get(i).page();
            if (p > 0 && !pages.contains(p)) pages.add(p);
        }
        List<List<String>> headerSide = new ArrayList<>();
        for (List<String> h : headerTexts) headerSide.add(new ArrayList<>(h.subList(Math.min(from, h.size()), Math.min(to, h.size()))));
        if (headerSide.isEmpty() && !b.headerParagraphs.isEmpty()) headerSide.add(List.of(heads).subList(from, to));
        int anchor = text.lines().get(b.lines.get(0)).start();
        return new Table(tableId(source.sha256(), anchor, from), source.name(), seq, pages, b.caption,
                tableUnit, side, headerSide, columns, rows, cells);
    }

    /** A short label-only line under a long label that does not end its name: the label wraps. */
    private static boolean isWrap(TableRow prev, String label) {
        if (LIST_MARKER.matcher(label).find() || QIZHONG.matcher(label).find()) return false;
        return prev.label().length() >= 10 && label.length() <= 14;
    }

    private TableRow row(int index, Integer page, int line, int start, int end, String label, int level, int parent,
                         String unit, List<Integer> levels) {
        int lv = levelOf(label);
        // the row hierarchy: each row sits under the nearest row above it with a smaller level
        while (levels.size() > index) levels.remove(levels.size() - 1);
        int par = -1;
        for (int k = index - 1; k >= 0; k--) if (levels.get(k) < lv) { par = k; break; }
        levels.add(lv);
        String subject = subjectOf(label);
        String rowUnit = unit != null ? unit : parenUnit(label);
        return new TableRow(index, page, line, start, end, label, lv, par, subject, regionOf(subject), rowUnit);
    }

    private static int levelOf(String label) {
        if (QIZHONG.matcher(label).find()) return 5;
        Matcher m = LIST_MARKER.matcher(label);
        if (!m.find()) return label.startsWith("  ") || label.startsWith("\u3000") ? 4 : 0;
        if (m.group("l1") != null) return 1;
        if (m.group("l2") != null) return 2;
        if (m.group("l3") != null) return 3;
        if (m.group("l4") != null) return 4;
        return 5 + m.group("hash").strip().length();
    }

    private static String subjectOf(String label) {
        String s = QIZHONG.matcher(label).replaceFirst("");
        s = LIST_MARKER.matcher(s).replaceFirst("");
        s = QIZHONG.matcher(s).replaceFirst("");
        s = PAREN.matcher(s).replaceAll(m -> isUnitWord(m.group(1)) ? "" : m.group(0).replace("$", "\\$"));
        return s.replaceAll("[\\s\u3000]+", "").replaceAll("[:：]$", "");
    }

    private static boolean isUnitWord(String s) {
        return s.matches("%|％|[万亿千百十]?[元吨人户个台辆件家亩公顷千瓦时小米方度头只张所座吨公里标准煤]+.*|.*[元吨]|上年=100|.*=100");
    }

    // ---- columns ----

    /**
     * Column headers: each column's header-row cells joined top to bottom, with a title that spans several columns
     * (an empty cell right of it over sub-titles) given to each of them. With no header rows, header paragraphs of a
     * flattened table (项目 / 播种面积 / （万亩） / 比上年增长 / （%）) are grouped into titles, a unit paragraph joining
     * the title before it, and set over the columns from the right.
     */
    private String[] columnHeaders(List<List<String>> headerRows, List<String> paragraphs, int n, boolean placed) {
        String[] heads = new String[n];
        java.util.Arrays.fill(heads, "");
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
    private String[] roles(String[] heads, List<List<Cell>> body, int n) {
        String[] roles = new String[n];
        for (int k = 0; k < n; k++) {
            int filled = 0, numbers = 0, codes = 0, units = 0;
            for (List<Cell> row : body) {
                if (k >= row.size() || row.get(k).text.isEmpty()) continue;
                String t = norm(row.get(k).text);
                filled++;
                if (CODE.matcher(t).matches()) codes++;
                if (NUMERIC.matcher(t).matches() || EMPTY_MARK.matcher(t).matches()) numbers++;
                if (isKnownUnit(t)) units++;
            }
            String h = heads[k];
            if (words.has("code", h) && !words.has("change", h) && (filled == 0 || codes * 10 >= filled * 6)) roles[k] = "code";
            else if (words.is("unit", h) || filled > 0 && units * 10 >= filled * 6) roles[k] = "unit";
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
            if (k >= row.size() || row.get(k).text.isEmpty()) continue;
            filled++;
            if (!NUMERIC.matcher(norm(row.get(k).text)).matches()) text++;
        }
        return filled > 0 && text * 2 > filled;
    }

    private boolean isKnownUnit(String t) {
        if (t.isEmpty() || t.length() > 8) return false;
        if (rules.units().containsKey(t)) return true;
        for (String m : rules.multipliers().keySet()) {
            if (t.startsWith(m) && rules.units().containsKey(t.substring(m.length()))) return true;
        }
        return false;
    }

    private TableColumn column(int index, String head, String role, String captionYear, boolean indexTable, String side) {
        if (!role.equals("value")) return new TableColumn(index, head, role, null, null, null, null, null);
        String period = year(head);
        if (period == null) period = captionYear;
        String unit = headerUnit(head);
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
        String region = regionOf(bare);
        String measure = bare.isEmpty() || words.is("plain", bare) || region != null ? null : bare;
        return new TableColumn(index, head, role, region, period, measure, unit, change);
    }

    /** The unit a header states: (万元), （%）, a trailing %, 单位：亿元. */
    private String headerUnit(String head) {
        Matcher label = UNIT_LINE.matcher(head);
        if (label.find()) return label.group(1);
        Matcher p = PAREN.matcher(head);
        while (p.find()) {
            String u = norm(p.group(1));
            if (u.equals("%") || isKnownUnit(u)) return u;
            if (words.has("index", u)) return "index";
        }
        String h = norm(head);
        if (h.endsWith("%")) return "%";
        return null;
    }

    private String parenUnit(String s) {
        if (s == null) return null;
        Matcher p = PAREN.matcher(s);
        String found = null;
        while (p.find()) {
            String u = norm(p.group(1));
            if (u.equals("%") || isKnownUnit(u)) found = u;
        }
        return found;
    }

    private static String year(String s) {
        if (s == null) return null;
        Matcher m = YEAR.matcher(s);
        return m.find() ? m.group(1) : null;
    }

    /** The standard name of a place the text names exactly (乌鲁木齐市, 伊犁州 → 伊犁哈萨克自治州), or null. */
    private String regionOf(String s) {
        if (s == null || s.isEmpty()) return null;
        String t = s.replaceAll("[\\s\u3000]+", "");
        Region r = rules.regionNames().get(t);
        if (r != null) return r.standard();
        // 伊犁州直属县(市), 和田地区本级: a place and a part of it
        for (int len = Math.min(t.length() - 1, 12); len >= 2; len--) {
            Region head = rules.regionNames().get(t.substring(0, len));
            if (head == null || head.level().equals("other")) continue;
            String rest = t.substring(len);
            if (rest.matches("(本级|直属.{0,4}|市辖区|[(（]?[本市]级[)）]?)")) return t;
            return null;
        }
        return null;
    }

    static String norm(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') c = (char) (c - 0xFEE0);
            if (c == '\u3000' || c == ' ') continue;
            b.append(c);
        }
        return b.toString();
    }

    static String tableId(String sha256, int anchor, int firstColumn) {
        return "t" + hash(sha256 + ":table:" + anchor + ":" + firstColumn);
    }

    /** The same id {@code FigureStage} gives the figure at these offsets. */
    static String figureId(String sha256, int start, int end) {
        return figtrace.ids.Ids.figure(sha256, start, end);
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
