package figtrace.tables;

import figtrace.ids.Ids;
import figtrace.model.DocumentText;
import figtrace.model.SourceFile;
import figtrace.model.Table;
import figtrace.model.TableCell;
import figtrace.model.TableColumn;
import figtrace.model.TableRow;
import figtrace.model.TextLine;
import figtrace.tables.TableBlocks.Block;
import figtrace.tables.TableText.Cell;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static figtrace.tables.TableText.CAPTION;
import static figtrace.tables.TableText.NUMERIC;
import static figtrace.tables.TableText.UNIT_LINE;
import static figtrace.tables.TableText.cells;
import static figtrace.tables.TableText.isDataRow;
import static figtrace.tables.TableText.isFooter;
import static figtrace.tables.TableText.norm;
import static figtrace.tables.TableText.year;

/**
 * One block of table rows made into one {@link Table}, or two for a two-sided table (收入 | 支出): header rows apart
 * from the body (a 表N or 单位 row, or one title over the whole table, goes to the caption), each column's meaning
 * ({@link TableColumns}), each body row with its hierarchy ({@link TableRows}; a row header wrapped over two lines, or
 * printed around its numbers, joined), and every non-empty cell, numeric cells of value columns with their figure id.
 */
final class TableBuilder {
    private final TableWords words;
    private final TableUnits units;
    private final TableRows rowHeaders;
    private final TableColumns columnHeaders;
    private final TableHeaders headers;

    TableBuilder(TableWords words, TableUnits units, TableRows rowHeaders, TableColumns columnHeaders) {
        this.words = words;
        this.units = units;
        this.rowHeaders = rowHeaders;
        this.columnHeaders = columnHeaders;
        this.headers = new TableHeaders(words);
    }

    List<Table> build(SourceFile source, DocumentText text, Block b, int seq) {
        List<Integer> header = new ArrayList<>();
        List<Integer> body = new ArrayList<>();
        boolean inHeader = true;
        for (int li = 0; li < b.lines.size(); li++) {
            int i = b.lines.get(li);
            if (b.repeatedHeader.contains(i)) continue;
            if (isFooter(cells(text, i))) continue;
            if (inHeader && !header.isEmpty() && li + 1 < b.lines.size() && labelAboveItsNumbers(text, i, b.lines.get(li + 1))) {
                inHeader = false; // 石嘴山 / the numbers / 市: the first body row's label printed above its numbers
            }
            if (inHeader && !header.isEmpty() && numberedLabelOnly(cells(text, i))) {
                inHeader = false; // 一、国有土地使用权出让收入 with no numbers (济南 fund tables): the first body row
            }
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
                long filled = only.stream().filter(c -> !c.text().isEmpty()).count();
                if (header.isEmpty() && filled == 1 && !only.get(0).text().isEmpty() && TableBlocks.width(text, b) > 1
                        && !words.is("label", only.get(0).text())
                        && (b.caption == null || !CAPTION.matcher(b.caption).find() || TableBlocks.bareLabel(b.caption))) {
                    b.caption = b.caption == null ? only.get(0).text() : b.caption + " " + only.get(0).text();
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
            for (Cell c : cells(text, i)) row.add(c.text());
            headerTexts.add(yearsBackInPlace(row));
            n = Math.max(n, row.size());
        }
        // rows a reader laid on the table's grid (PDF by position, HTML and Word by their cells and spans) are
        // placed; only loose tab-separated lines may lack their leading cells
        boolean placed = text.lines().get(b.lines.get(b.lines.size() - 1)).isTableRow();
        // PDF titles are centred over the columns they span; HTML and Word spans are laid as a title and empty cells
        boolean centred = text.lines().get(b.lines.get(0)).page() > 0;
        TableHeaders.Heads h = headers.headers(headerTexts, b.headerParagraphs, n, placed, centred);
        String[] heads = h.full();
        String[] roles = columnHeaders.roles(heads, bodyCells, n);

        // two-sided tables (收入 … | 支出 …): a second label column after value columns starts the second table
        int split = -1;
        boolean seenValue = false;
        for (int k = 0; k < n; k++) {
            if (roles[k].equals("value")) seenValue = true;
            else if (seenValue && roles[k].equals("label") && !attributeColumn(bodyCells, k)) {
                split = k > 0 && roles[k - 1].equals("code") ? k - 1 : k;
                break;
            }
        }
        List<Table> out = new ArrayList<>();
        if (split > 0) {
            out.add(side(source, text, b, seq, header, body, bodyCells, headerTexts, h, roles, 0, split));
            out.add(side(source, text, b, seq + 1, header, body, bodyCells, headerTexts, h, roles, split, n));
        } else {
            out.add(side(source, text, b, seq, header, body, bodyCells, headerTexts, h, roles, 0, n));
        }
        return out;
    }

    private static final Pattern YEAR_AT_END = Pattern.compile("^(.*\\S)\\s+((?:19|20)[0-9]{2})\\s*$");

    /**
     * A PDF header whose columns are set close together is cut one word off: 2023 年（底） 2024 | 年（底） | 2025 年（底）
     * (Nanping and Xuzhou rating reports), 2024 年末 2025 | 年 9 月末 (Ningde rating report), 2025 年执行数 2026 | 年预算数
     * (atlas Jinan budget report). The year at the end of a cell that already names its own is the next cell's, which
     * opens with 年.
     */
    static List<String> yearsBackInPlace(List<String> row) {
        for (int k = 0; k + 1 < row.size(); k++) {
            Matcher m = YEAR_AT_END.matcher(row.get(k));
            String next = row.get(k + 1).strip();
            if (m.matches() && next.startsWith("年") && YEAR_IN.matcher(m.group(1)).find()) {
                row.set(k, m.group(1));
                row.set(k + 1, m.group(2) + " " + next);
            }
        }
        return row;
    }

    private static final Pattern YEAR_IN = Pattern.compile("(?:19|20)[0-9]{2}\\s*年");

    /**
     * A text column whose cells repeat a few kinds (收益模式: 股权分红, 自主经营 in the Nanping rating report's road table;
     * 账期: 双方结算后，一个月内支付货款 or 两个月内 in the Ningde one's top customers) says what kind each row is: an
     * attribute of the row, not the row labels of a second side (收入 … | 支出 …, whose labels all differ). Dashes and
     * empty cells do not count; a cell with a digit or a place, or more than three kinds, make it no such column.
     */
    private boolean attributeColumn(List<List<Cell>> bodyCells, int k) {
        java.util.Set<String> distinct = new java.util.HashSet<>();
        int filled = 0;
        for (List<Cell> row : bodyCells) {
            if (k >= row.size()) continue;
            String t = norm(row.get(k).text());
            if (t.isEmpty() || t.matches("[-—－–/]+")) continue;
            // 期限 10年, 20年 or 利率 2.07% repeat too, but they are quantities of a bond list, not kinds
            if (t.chars().anyMatch(Character::isDigit)) return false;
            // 单位 | 金额 listing 大武口区, 惠农区, 市商务局 … (atlas Shizuishan 表十): the labels of a second side
            if (rowHeaders.regionOf(t) != null) return false;
            filled++;
            distinct.add(t);
        }
        return filled >= 4 && distinct.size() <= 3 && distinct.size() * 2 <= filled;
    }

    /**
     * A row holding only a row label (not a header word such as 地区) right above a data row whose label cell is
     * empty: the label of that data row, printed above its numbers (石嘴山 and 吴忠 budget PDFs), not a header.
     */
    private boolean labelAboveItsNumbers(DocumentText text, int line, int next) {
        List<Cell> row = cells(text, line);
        List<Cell> below = cells(text, next);
        if (row.isEmpty() || row.get(0).text().isEmpty() || words.is("label", row.get(0).text()) || words.is("code", row.get(0).text())) return false;
        for (int k = 1; k < row.size(); k++) if (!row.get(k).text().isEmpty()) return false;
        return isDataRow(below) && below.get(0).text().isEmpty();
    }

    /** A row holding only a label numbered as a row header is (一、, （一）, 1.): a body row without numbers. */
    private static boolean numberedLabelOnly(List<Cell> row) {
        if (row.isEmpty() || row.get(0).text().isEmpty()) return false;
        for (int k = 1; k < row.size(); k++) if (!row.get(k).text().isEmpty()) return false;
        return TableRows.numbered(row.get(0).text());
    }

    /** The table made of columns [from, to): a whole table, or one side of a two-sided one. */
    private Table side(SourceFile source, DocumentText text, Block b, int seq, List<Integer> header, List<Integer> body,
                       List<List<Cell>> bodyCells, List<List<String>> headerTexts, TableHeaders.Heads h,
                       String[] roles, int from, int to) {
        String[] heads = h.full();
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
        String tableUnit = b.unit != null ? b.unit : units.parenUnit(b.caption);
        boolean indexTable = (b.caption != null && words.has("index", b.caption));

        List<TableColumn> columns = new ArrayList<>();
        String leftYear = null;
        for (int k = from; k < to; k++) {
            TableColumn c = columnHeaders.column(k - from, heads[k], h.group()[k], h.own()[k], roles[k], captionYear, indexTable, side);
            // a change without a year of its own (2025年完成数 | 2026年预算数 | 增长%) compares the column left of it
            // with the year before: it is of that column's year, not the caption's or the document's
            if (c.change() != null && year(heads[k]) == null && leftYear != null) {
                c = new TableColumn(c.index(), c.header(), c.role(), c.region(), leftYear, c.measure(), c.unit(), c.change(), c.group());
            }
            if (c.valueColumn() && c.change() == null && c.period() != null) leftYear = c.period();
            columns.add(c);
        }
        // a title listing several units (单位：亿元、万平方米 over 总投资 | 可销售面积: atlas Nanping rating report 图表 6;
        // 单位：万平方米、亿元 over 计划总投资 | 建成后可出租面积: Xuzhou rating report 图表 7) gives each column the one its
        // header measures; the list itself is no unit
        List<String> listed = units.listedUnits(tableUnit);
        if (!listed.isEmpty()) {
            for (int i = 0; i < columns.size(); i++) {
                TableColumn c = columns.get(i);
                if (!c.valueColumn() || c.unit() != null || c.change() != null) continue;
                String u = units.unitOfListed(listed, c.header());
                if (u != null) columns.set(i, new TableColumn(c.index(), c.header(), c.role(), c.region(), c.period(),
                        c.measure(), u, c.change(), c.group()));
            }
            tableUnit = null;
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
            if (labelCol >= 0 && from + labelCol < all.size()) longest = Math.max(longest, all.get(from + labelCol).text().length());
        }
        int lastLabelLength = 0;
        boolean lastLabelOnly = false; // the last row added is a label-only line (no cell but its label)
        for (int r = 0; r < body.size(); r++) {
            TextLine line = text.lines().get(body.get(r));
            List<Cell> all = bodyCells.get(r);
            List<Cell> row = all.subList(Math.min(from, all.size()), Math.min(to, all.size()));
            Cell labelCell = labelCol >= 0 && labelCol < row.size() ? row.get(labelCol) : null;
            String label = labelCell == null ? "" : labelCell.text();
            boolean onlyLabel = !label.isEmpty() && row.stream().filter(c -> !c.text().isEmpty()).count() == 1;
            boolean wraps = paged && onlyLabel && !rows.isEmpty() && longest >= 8 && lastLabelLength * 100 >= longest * 85
                    && label.length() < lastLabelLength && (label.length() * 10 <= lastLabelLength * 6 || label.contains("（"))
                    && TableRows.isWrap(rows.get(rows.size() - 1), label);
            lastLabelLength = label.length();
            if (wraps) {
                // the second line of a wrapped row header (提前下达中央对地方重点生态功能区转移 / 支付预算)
                TableRow prev = rows.remove(rows.size() - 1);
                String joined = prev.label() + label;
                rows.add(rowHeaders.row(prev.index(), prev.page(), prev.line(), prev.charStart(), line.end(), joined, prev.unit(), levels));
                continue;
            }
            if (row.stream().allMatch(c -> c.text().isEmpty())) continue;
            int index = rows.size();
            String unit = unitCol >= 0 && unitCol < row.size() && !row.get(unitCol).text().isEmpty() ? row.get(unitCol).text() : null;
            TableRow above = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            if (paged && label.isEmpty() && labelCol >= 0 && lastLabelOnly && above != null
                    && Objects.equals(above.page(), line.page() == 0 ? null : line.page())) {
                // a row header printed on two lines around its numbers (其中:1.社会保险待遇 / the numbers / 支出; 石嘴山
                // and Xinjiang budget PDFs): the unnamed number row is the label-only line above it, and the line
                // below joins it as a wrapped label
                rows.remove(rows.size() - 1);
                index = above.index();
                rows.add(rowHeaders.row(index, above.page(), above.line(), above.charStart(), line.end(), above.label(), unit != null ? unit : above.unit(), levels));
                lastLabelLength = above.label().length();
            } else {
                rows.add(rowHeaders.row(index, line.page() == 0 ? null : line.page(), line.number(), line.start(), line.end(), label, unit, levels));
            }
            lastLabelOnly = onlyLabel;
            for (int k = 0; k < row.size(); k++) {
                Cell c = row.get(k);
                if (c.text().isEmpty()) continue;
                boolean figure = columns.get(k).valueColumn() && NUMERIC.matcher(norm(c.text())).matches();
                cells.add(new TableCell(index, k, c.start(), c.end(), c.text(),
                        figure ? figureId(source.sha256(), c.start(), c.end()) : null));
            }
        }
        List<Integer> pages = new ArrayList<>();
        for (int i : b.lines) {
            int p = text.lines().get(i).page();
            if (p > 0 && !pages.contains(p)) pages.add(p);
        }
        List<List<String>> headerSide = new ArrayList<>();
        for (List<String> hr : headerTexts) headerSide.add(new ArrayList<>(hr.subList(Math.min(from, hr.size()), Math.min(to, hr.size()))));
        if (headerSide.isEmpty() && !b.headerParagraphs.isEmpty()) headerSide.add(List.of(heads).subList(from, to));
        int anchor = text.lines().get(b.lines.get(0)).start();
        return new Table(tableId(source.sha256(), anchor, from), source.name(), seq, pages, b.caption,
                tableUnit, side, headerSide, columns, rows, cells);
    }

    static String tableId(String sha256, int anchor, int firstColumn) {
        return Ids.table(sha256, anchor, firstColumn);
    }

    /** The same id {@code FigureStage} gives the figure at these offsets. */
    static String figureId(String sha256, int start, int end) {
        return Ids.figure(sha256, start, end);
    }
}
