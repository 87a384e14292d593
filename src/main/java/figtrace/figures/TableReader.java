package figtrace.figures;

import figtrace.model.FigureKind;
import figtrace.model.Change;
import figtrace.ids.Ids;

import figtrace.model.DocumentText;
import figtrace.model.Figure;
import figtrace.model.SourceFile;
import figtrace.model.TextLine;
import figtrace.rules.Region;
import figtrace.rules.Rules;
import figtrace.rules.UnitInfo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads data tables: every numeric cell is a figure whose unit and multiplier come from its column header (or the
 * caption's 单位：万元, or the row label), whose time comes from the header or caption, whose region is the row label
 * when that is a place, and whose subject is the row label or the header. Empty cells and "-" are not figures.
 * A table row is a line with cells separated by '\t' (layout marks them; consecutive tab-separated lines count too).
 */
final class TableReader {
    private static final Pattern NUMERIC = Pattern.compile("[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.[0-9]+)?%?");
    private static final Pattern PAREN = Pattern.compile("[(（]([^()（）]{1,12})[)）]");
    private static final Pattern UNIT_LABEL = Pattern.compile("单位[:：]\\s*([^\\s,，;；)）]{1,8})");
    private static final Pattern HEADER_NOISE = Pattern.compile("[(（][^()（）]*[)）]|(19|20)[0-9]{2}\\s*年?(?:[0-9]{1,2}月)?|\\s|单位[:：].*");
    private final Rules rules;
    private final RegionFinder regions;
    private final FigureStage.Context ctx;

    TableReader(Rules rules, RegionFinder regions, FigureStage.Context ctx) {
        this.rules = rules;
        this.regions = regions;
        this.ctx = ctx;
    }

    /** Which lines are table rows: marked by layout, or runs of two or more tab-separated lines. */
    static boolean[] tableRows(DocumentText text) {
        List<TextLine> lines = text.lines();
        boolean[] rows = new boolean[lines.size()];
        for (int i = 0; i < rows.length; i++) {
            TextLine l = lines.get(i);
            boolean tabbed = text.lineText(l).strip().contains("\t");
            boolean neighbourTabbed = i > 0 && text.lineText(lines.get(i - 1)).strip().contains("\t")
                    || i + 1 < rows.length && text.lineText(lines.get(i + 1)).strip().contains("\t");
            rows[i] = l.isTableRow() || tabbed && neighbourTabbed;
        }
        return rows;
    }

    List<Figure> read(SourceFile source, DocumentText text, boolean[] skipped, boolean[] tableRows) {
        List<Figure> out = new ArrayList<>();
        List<TextLine> lines = text.lines();
        int i = 0;
        while (i < lines.size()) {
            if (!tableRows[i] || skipped[i]) { i++; continue; }
            int first = i;
            int tableId = lines.get(i).table();
            while (i < lines.size() && tableRows[i] && (tableId < 0 || lines.get(i).table() == tableId)) i++;
            out.addAll(readTable(source, text, first, i, caption(text, first, tableRows)));
        }
        return out;
    }

    private static String caption(DocumentText text, int first, boolean[] tableRows) {
        StringBuilder b = new StringBuilder();
        int seen = 0;
        for (int j = first - 1; j >= 0 && seen < 2; j--) {
            if (tableRows[j]) break;
            String s = text.lineText(text.lines().get(j)).strip();
            if (s.isEmpty()) continue;
            if (s.length() > 80) break; // a paragraph of prose, not a caption
            b.insert(0, s + " ");
            seen++;
        }
        return b.toString();
    }

    private record Cell(int start, int end, String text) {}

    private static List<Cell> cells(DocumentText text, TextLine line) {
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

    private List<Figure> readTable(SourceFile source, DocumentText text, int first, int end, String caption) {
        List<Figure> out = new ArrayList<>();
        // Rows before the first row with a number are caption and header lines (表13 … / 指标名称 绝对数（亿元）…):
        // the last of them is the header, the others add to the caption.
        int dataFrom = first;
        while (dataFrom < end && !hasNumericCell(cells(text, text.lines().get(dataFrom)))) dataFrom++;
        List<Cell> header = combinedHeader(text, first, dataFrom);
        StringBuilder fullCaption = new StringBuilder(caption);
        for (int r = first; r < dataFrom - 1; r++) fullCaption.append(' ').append(text.lineText(text.lines().get(r)));
        String captionText = fullCaption.toString();
        UnitChoice captionUnit = unitIn(captionText);
        String captionTime = firstTime(captionText);
        String captionRegion = regionIn(captionText);
        String captionIndicator = indicatorIn(captionText);
        for (int r = dataFrom; r < end; r++) {
            TextLine line = text.lines().get(r);
            List<Cell> row = cells(text, line);
            List<Cell> heads = alignedHeader(header, row.size());
            // a first column of account codes (101, 2050201) is not the label: the next cell is
            int labelAt = row.size() > 2 && CODE.matcher(row.get(0).text()).matches()
                    && !NUMERIC_OR_EMPTY.matcher(norm(row.get(1).text())).matches() ? 1 : 0;
            String label = row.isEmpty() ? "" : LIST_MARKER.matcher(row.get(labelAt).text()).replaceFirst("");
            // a PDF spaces out short labels to fill the column: 湛 江 市 is 湛江市
            label = label.replaceAll("(?<=\\p{IsHan})[ \u3000]+(?=\\p{IsHan})", "");
            String rowRegion = regionOfLabel(label);
            for (int j = labelAt + 1; j < row.size(); j++) {
                Cell cell = row.get(j);
                String n = norm(cell.text());
                if (!NUMERIC.matcher(n).matches()) continue;
                int h = headerIndex(heads, row, j);
                String head = h >= 0 ? heads.get(h).text() : "";
                boolean percentCell = n.endsWith("%") || isPercentHeader(head);
                UnitChoice unit = percentCell ? percent() : firstNonNull(unitIn(head), unitIn(label), captionUnit,
                        indexIn(head + label + captionText));
                BigDecimal value = NumberParser.parse(n.replace("%", "").replace("+", "").replace("-", "")).orElse(null);
                if (value == null) continue;
                if (n.startsWith("-")) value = value.negate();
                if (unit != null) value = value.multiply(unit.factor());
                String time = firstNonNull(firstTime(head), captionTime, ctx.defaultTime());
                String headSubject = HEADER_NOISE.matcher(head).replaceAll("");
                String labelSubject = HEADER_NOISE.matcher(label).replaceAll("").replaceFirst("^[#＃]+", "");
                // a row per place under a caption naming what is measured (2025年全省各市一般公共预算收入执行情况表,
                // 各市地区生产总值): the caption's indicator, with the column (执行数) when the column names none
                String placeSubject = withoutColumnKind(headSubject);
                String subject = rowRegion == null ? withColumn(labelSubject, headSubject)
                        : captionIndicator != null && Indicators.find(rules.indicators(), placeSubject) == null
                        && !placeSubject.contains(captionIndicator) ? withColumn(captionIndicator, placeSubject) : placeSubject;
                time = FigureStage.balanceAtYearEnd(rules.subjectWords(), time, labelSubject); // 短期债务 in column 2024年
                String region = rowRegion != null ? rowRegion : firstNonNull(regionOfLabel(head), captionRegion, ctx.mainRegion());
                String change = headerChange(head, unit);
                if (change == null) change = headerChange(label, unit); // GDP 增速（%）: a row of growth rates
                TextLine at = text.lineAt(cell.start());
                figtrace.rules.Indicator indicator = Indicators.find(rules.indicators(), subject);
                out.add(new Figure(Ids.figure(source.sha256(), cell.start(), cell.end()), source.name(),
                        at.page() == 0 ? null : at.page(), at.number(), line.start(), line.end(), text.lineText(line),
                        cell.start(), cell.end(), cell.text(), value.stripTrailingZeros(), unit == null ? null : unit.info().unit(),
                        unit == null ? null : unit.info().measureWord(), unit == null ? null : FigureKind.of(unit.info().kind()), null, time,
                        region, subject.isEmpty() ? null : subject, indicator == null ? null : indicator.name(),
                        indicator == null ? null : indicator.id(), Change.of(change), false,
                        "figures:table_cell", unit == null ? "no unit found in the header, row label or caption" : null));
            }
        }
        return out;
    }

    private static final Pattern CODE = Pattern.compile("[0-9]{3,9}");
    private static final Pattern NUMERIC_OR_EMPTY = Pattern.compile("|-|—|[+-]?[0-9,.]+%?");
    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[.、．]|[#＃]+)\\s*");
    /** Column titles that only say "the value" add nothing to a row label's subject. */
    private static final Pattern PLAIN_COLUMN = Pattern.compile("|绝对数|数值|数量|金额|总量|本年|本期|合计|总计|全年|指标值|%");

    /** 税收收入 in the column 预算调整数 measures 税收收入（预算调整数）: columns of one row must stay apart. */
    private static String withColumn(String label, String column) {
        if (PLAIN_COLUMN.matcher(column).matches() || label.isEmpty() || column.length() > 12) return label;
        if (column.matches(".*(增长|增减|增速|增幅|比上年|比重|占比|同比|上涨|下降).*")) return label;
        return label + "（" + column + "）";
    }

    private static boolean isPercentHeader(String head) {
        String h = norm(head);
        return h.endsWith("%") || h.contains("(%)") || h.contains("%)") || h.startsWith("%");
    }

    /**
     * Header rows above the data, joined column by column when they have the same width (科目 2023年 2024年 比上年增（减）
     * over 编码 决算数 完成数 % gives 2023年决算数 …); rows of other widths (a stray 项 目) are left out. The last header
     * row decides the width.
     */
    private static List<Cell> combinedHeader(DocumentText text, int first, int dataFrom) {
        if (dataFrom <= first) return List.of();
        List<Cell> last = cells(text, text.lines().get(dataFrom - 1));
        List<StringBuilder> joined = new ArrayList<>();
        List<StringBuilder> groups = new ArrayList<>();
        for (Cell c : last) { joined.add(new StringBuilder()); groups.add(new StringBuilder()); }
        for (int r = first; r < dataFrom; r++) {
            List<Cell> row = cells(text, text.lines().get(r));
            if (row.size() == last.size()) {
                for (int k = 0; k < row.size(); k++) joined.get(k).append(row.get(k).text());
                continue;
            }
            // a group row over the columns (地区 | 总量（亿元） | 增长（%） over 地区生产总值 第一产业 … twice): the
            // first cell titles the label column, each other spans an equal share of the last row's columns
            int groupCount = row.size() - 1;
            int spanned = last.size() - (r < dataFrom - 1 && last.size() > row.size() && labelColumnIn(last) ? 1 : 0);
            if (groupCount < 2 || spanned % groupCount != 0 || spanned / groupCount < 2) continue;
            int width = spanned / groupCount, offset = last.size() - spanned;
            for (int k = 0; k < spanned; k++) groups.get(offset + k).append(row.get(1 + k / width).text());
        }
        for (int k = 0; k < last.size(); k++) joined.get(k).append(groups.get(k));
        List<Cell> out = new ArrayList<>();
        for (int k = 0; k < last.size(); k++) out.add(new Cell(last.get(k).start(), last.get(k).end(), joined.get(k).toString()));
        return out;
    }

    private static final Pattern COLUMN_KIND = Pattern.compile("(.{2,}?)(?:总量|绝对数|比上年增长|同比增长|增长|增速|增幅)");

    /**
     * 地区生产总值 under the groups 总量 and 增长 measures 地区生产总值 either way: the group says the unit and the change,
     * not what is measured (atlas guangdong city GDP; hotan bulletin tables 绝对数 / 比上年增长).
     */
    private static String withoutColumnKind(String head) {
        var m = COLUMN_KIND.matcher(head);
        return m.matches() ? m.group(1) : head;
    }

    /** True when a header row's first cell titles the label column (地区, 项目, 指标) rather than a data column. */
    private static boolean labelColumnIn(List<Cell> header) {
        return !header.isEmpty() && LABEL_TITLE.matcher(norm(header.get(0).text())).matches();
    }

    private static final Pattern LABEL_TITLE = Pattern.compile("地区|地市|地\\s*市|城市|市州|市别|县市区|项目|指标|指标名称|科目|名称|单位");

    /**
     * The catalogued indicator a caption names (2025年全省各市一般公共预算收入执行情况表 → 一般公共预算收入): the
     * longest name or synonym it holds, as written in the catalogue; null when it names none.
     */
    private String indicatorIn(String caption) {
        String c = norm(caption);
        String best = null;
        for (String name : rules.indicators().endings().keySet()) {
            if (name.length() >= 4 && c.contains(name) && (best == null || name.length() > best.length())) best = name;
        }
        return best;
    }

    /** A place named in a caption (表1 凯里市居民消费价格…) is where the table's figures belong. */
    private String regionIn(String caption) {
        for (Mention m : regions.find(caption)) {
            if (!m.value().equals(RegionFinder.SELF) && !regions.isYardstick(caption, m)) return m.value();
        }
        return null;
    }

    private static boolean hasNumericCell(List<Cell> row) {
        for (int j = 1; j < row.size(); j++) if (NUMERIC.matcher(norm(row.get(j).text())).matches()) return true;
        return false;
    }

    /**
     * A header with fewer cells than the data rows may have two column titles in one cell (绝对数（亿元） 比上年增长（%）
     * from a PDF): split its cells at spaces when that makes the counts agree.
     */
    private static List<Cell> alignedHeader(List<Cell> header, int rowSize) {
        if (header.size() >= rowSize) return header;
        List<Cell> split = new ArrayList<>();
        for (Cell c : header) {
            int from = 0;
            for (String part : c.text().split("[ \u3000]+")) {
                int at = c.text().indexOf(part, from);
                split.add(new Cell(c.start() + at, c.start() + at + part.length(), part));
                from = at + part.length();
            }
        }
        return split.size() == rowSize ? split : header;
    }

    /** Headers with fewer cells than the row are right-aligned: a missing leading cell is the row-label column. */
    private static int headerIndex(List<Cell> header, List<Cell> row, int j) {
        int shift = row.size() - header.size();
        int k = shift > 0 ? j - shift : j;
        return k >= 0 && k < header.size() ? k : -1;
    }

    private record UnitChoice(UnitInfo info, BigDecimal factor) {}

    private UnitChoice percent() {
        UnitInfo p = rules.units().get("%");
        return new UnitChoice(p, BigDecimal.ONE);
    }

    /** A unit stated in a header, label or caption: (万元), （%）, 单位：亿元. */
    private UnitChoice unitIn(String s) {
        if (s == null || s.isBlank()) return null;
        List<String> candidates = new ArrayList<>();
        var label = UNIT_LABEL.matcher(s);
        if (label.find()) candidates.add(label.group(1));
        var paren = PAREN.matcher(s);
        while (paren.find()) candidates.add(paren.group(1).strip());
        for (String c : candidates) {
            c = norm(c);
            if (c.equals("%")) return percent();
            UnitInfo direct = rules.units().get(c);
            if (direct != null) return new UnitChoice(direct, direct.factor());
            for (Map.Entry<String, BigDecimal> m : rules.multipliers().entrySet().stream()
                    .sorted(Comparator.comparingInt((Map.Entry<String, BigDecimal> e) -> -e.getKey().length())
                    .thenComparing(Map.Entry::getKey)).toList()) { // a fixed order: hash order changes per JVM
                if (c.startsWith(m.getKey())) {
                    UnitInfo u = rules.units().get(c.substring(m.getKey().length()));
                    if (u != null) return new UnitChoice(u, m.getValue().multiply(u.factor()));
                }
            }
        }
        return null;
    }

    private static final Pattern REGION_REST = Pattern.compile("[(（]?[\\p{IsHan}]{0,6}[县市区州旗盟][)）]?[\\p{IsHan}()（）]{0,4}|[(（].{0,8}[)）]");

    /**
     * The region a row label names: itself in standard form (昌吉州 → 昌吉回族自治州), or as written when a place is
     * followed by a part of it (伊犁哈萨克自治州直属县(市)). A label that merely starts with a place word (国内旅游人数)
     * names no region.
     */
    /** A price or volume index (上年=100) has no unit of its own: its cells are index points. */
    private UnitChoice indexIn(String text) {
        if (!text.contains("指数")) return null;
        return new UnitChoice(new figtrace.rules.UnitInfo("指数", "index", "ratio", BigDecimal.ONE, null), BigDecimal.ONE);
    }

    private String regionOfLabel(String label) {
        String s = label.strip();
        if (s.isEmpty()) return null;
        for (int len = Math.min(s.length(), 16); len >= 2; len--) {
            Region r = rules.regionNames().get(s.substring(0, len));
            if (r == null) continue;
            if (r.level().equals("not_place")) return null; // 其中… holds 中国 but names no place
            if (len == s.length()) return r.standard();
            return !r.level().equals("other") && REGION_REST.matcher(s.substring(len)).matches() ? s : null;
        }
        return null;
    }

    private static String firstTime(String s) {
        if (s == null || s.isBlank()) return null;
        for (Mention m : TimeFinder.find(norm(s), null)) if (!m.value().startsWith("?")) return m.value();
        return null;
    }

    private String headerChange(String head, UnitChoice unit) {
        boolean rate = unit != null && "percent".equals(unit.info().kind());
        if (head.contains("比重") || head.contains("占")) return rate ? "share" : null;
        if (head.contains("同比")) return rate ? "yoy_growth" : "increase";
        if (head.matches(".*(增长|增速|增减|增幅|上涨|比上年增|比上年下降).*")) return rate ? "growth" : "increase";
        return null;
    }

    private static String norm(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = MatchView.normalise(s.charAt(i));
            if (c != ' ') b.append(c);
        }
        return b.toString();
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) if (v != null) return v;
        return null;
    }
}
