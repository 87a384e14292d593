package figtrace.figures;

import figtrace.model.Change;
import figtrace.model.DocumentText;
import figtrace.model.FigureKind;
import figtrace.model.Figure;
import figtrace.model.SourceFile;
import figtrace.model.Table;
import figtrace.model.TableCell;
import figtrace.model.TableColumn;
import figtrace.model.TableRow;
import figtrace.rules.Rules;
import figtrace.rules.UnitInfo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashMap;
import java.util.regex.Pattern;

/**
 * Every numeric cell of a rebuilt {@link Table} is a figure: its unit comes from the row's unit column, the column
 * header, the row label or the table's 单位; its time from the column header (2023年决算数 → 2023) or the caption;
 * its region from the column (a regional table's 乌鲁木齐市), the row, the caption or the document; its subject is
 * the row header, with the column's measure (预算数, 执行数) when the table has several. Codes (科目编码) and units
 * are labels, not figures. The figure's note names its table, row and column.
 */
final class TableReader {

    private final Rules rules;
    /** The words of patterns/table_words.tsv this reader uses (see the file's header for each role). */
    private final List<String> plainMeasures, changeWords, columnKinds, shareWords, yoyWords, growthWords, indexWords,
            ownLevelRows;
    /** [stage_lead][stage][value_word] at the end of a column's measure (2025年执行数, 年初预算数, 金额). */
    private final Pattern stageWords;
    private final RegionFinder regions;
    private final FigureStage.Context ctx;

    TableReader(Rules rules, RegionFinder regions, FigureStage.Context ctx) {
        this.rules = rules;
        this.plainMeasures = words(rules, "plain_measure");
        this.changeWords = words(rules, "change_only");
        this.columnKinds = words(rules, "column_kind");
        this.shareWords = words(rules, "row_share");
        this.yoyWords = words(rules, "row_yoy");
        this.growthWords = words(rules, "row_growth");
        this.indexWords = words(rules, "index");
        this.ownLevelRows = words(rules, "own_level_row");
        this.stageWords = Pattern.compile("(?:" + figtrace.rules.PatternTable.alternation(words(rules, "stage_lead")) + ")?(?:" + figtrace.rules.PatternTable.alternation(words(rules, "stage"))
                + ")?(?:" + figtrace.rules.PatternTable.alternation(words(rules, "value_word")) + ")?$");
        this.regions = regions;
        this.ctx = ctx;
    }

    List<Figure> read(SourceFile source, DocumentText text, boolean[] skipped, List<Table> tables) {
        List<Figure> out = new ArrayList<>();
        for (Table t : tables) out.addAll(readTable(source, text, skipped, t));
        return out;
    }

    private List<Figure> readTable(SourceFile source, DocumentText text, boolean[] skipped, Table t) {
        List<Figure> out = new ArrayList<>();
        String captionRegion = t.caption() == null ? null : regionIn(t.caption());
        String captionIndicator = t.caption() == null ? null : indicatorIn(t.caption());
        // a table whose rows are places (地区 | 限额 | 余额 …): its 市本级 row is the caption's or document's own place
        boolean placeRows = t.rows().stream().filter(r -> r.region() != null).count() >= 2;
        long measures = t.columns().stream().filter(c -> c.valueColumn() && c.measure() != null && c.change() == null)
                .map(TableColumn::measure).distinct().count();
        for (TableCell cell : t.cells()) {
            if (cell.figureId() == null) continue;
            int lineIndex = text.lineIndexAt(cell.charStart());
            var line = text.lines().get(lineIndex);
            if (lineIndex >= 0 && skipped[lineIndex]) continue;
            TableRow row = t.rows().get(cell.row());
            TableColumn col = t.columns().get(cell.column());
            String n = norm(cell.text());
            boolean percentCell = n.endsWith("%") || "%".equals(col.unit());
            UnitChoice unit = percentCell ? unit("%") : TableColumn.NO_TABLE_UNIT.equals(col.unit()) ? null : firstNonNull(unit(row.unit()), unit(col.unit()),
                    "index".equals(col.unit()) ? index() : null, unitOfChange(col), unit(t.unit()),
                    t.caption() != null && containsAny(t.caption(), indexWords) ? index() : null);
            BigDecimal value = NumberParser.parse(n.replace("%", "").replace("+", "").replace("-", "")).orElse(null);
            if (value == null) continue;
            if (n.startsWith("-")) value = value.negate();
            if (unit != null) value = value.multiply(unit.factor());
            // the date a header or caption writes (2024年底 → 2024-12-31, 截至2025年6月底) before the bare year the
            // table model keeps; a year of the column's own header before one of the caption
            String ownYear = col.period() != null && col.header() != null && col.header().contains(col.period()) ? col.period() : null;
            // a change column dated by the column it compares (2026年预算数 | 增长%), not by the caption
            if (ownYear == null && col.change() != null && col.period() != null
                    && (t.caption() == null || !t.caption().contains(col.period()))) ownYear = col.period();
            // a row that dates itself (一、2024年末地方政府一般债务余额实际数 in a 2025 table: 东莞 and 广州 表18/表19) is of
            // its own date, not the caption's
            String rowTime = placeRowLabel(row) ? null : datedRow(row.subject());
            String time = firstNonNull(timeIn(col.header()), ownYear, rowTime, timeIn(t.caption()), col.period(), ctx.defaultTime());
            String region = firstNonNull(col.region(), row.region(), captionRegion, ctx.mainRegion());
            String subject = row.subject();
            // a regional table's rows are places: what they measure is what the column names, without the group's
            // kind (地区生产总值 under 总量 or 增长), else the caption's catalogued indicator (2025年全省各市一般公共
            // 预算收入执行情况表) with the column's measure (执行数), else what the caption names
            boolean placeRow = row.region() != null || placeRows && ownLevelRows.contains(row.subject().replaceAll("\\s", ""));
            if (placeRow && col.region() == null) {
                String measure = col.measure() == null ? "" : withoutColumnKind(col.measure());
                // 比上年增（减）% says the change, not what is measured (地区生产总值 under 增长（%） does)
                if (col.change() != null && changeOnly(measure)) measure = "";
                if (col.change() == null && col.group() != null && namesItsQuantity(measure) && indicator(measure) == null) {
                    // a column under a group title that names what it measures beyond a stage (新增债务 over 合计,
                    // 职工基本医疗保险基金支出 over 2025年执行数 under a 社会保险基金预算支出 caption) measures that
                    // part, not the caption's whole
                    subject = measure;
                } else if (captionIndicator != null && !measure.contains(captionIndicator)
                        && (measure.isEmpty() || indicator(measure) == null)) {
                    subject = measure.isEmpty() || col.change() != null || plainMeasure(measure)
                            || measure.length() > 12 ? captionIndicator : captionIndicator + "（" + measure + "）";
                } else if (!measure.isEmpty() && !plainMeasure(measure)) {
                    subject = measure;
                } else {
                    subject = captionSubject(t.caption(), subject);
                }
            }
            // a stock in a year's column (短期债务, 资产负债率 in 2024年) is its year-end balance
            if (!placeRow) time = balanceAtYearEnd(time, row.subject());
            // a row of growth rates (GDP 增速（%）) under columns of years or places
            String change = col.change() != null ? col.change() : rowChange(row.label(), unit);
            if (subject.isEmpty()) subject = col.measure() == null ? null : col.measure();
            else if (!placeRow && measures > 1 && col.measure() != null && col.change() == null && !plainMeasure(col.measure())
                    && col.measure().length() <= 12) subject = subject + "（" + col.measure() + "）";
            String where = "table " + (t.caption() == null ? "#" + (t.seq() + 1) : t.caption())
                    + (t.side() == null ? "" : " (" + t.side() + ")") + ", row " + (row.index() + 1) + " \"" + row.label()
                    + "\", column " + (col.index() + 1) + " \"" + col.header() + "\"";
            figtrace.rules.Indicator indicator = subject == null ? null : indicator(subject);
            out.add(new Figure(cell.figureId(), source.name(), line.page() == 0 ? null : line.page(), line.number(),
                    line.start(), line.end(), text.lineText(line), cell.charStart(), cell.charEnd(), cell.text(),
                    value.stripTrailingZeros(), unit == null ? null : unit.info().unit(),
                    unit == null ? null : unit.info().measureWord(), unit == null ? null : FigureKind.of(unit.info().kind()), null, time,
                    region, subject, indicator == null ? null : indicator.name(), indicator == null ? null : indicator.id(),
                    Change.of(change), false,
                    "figures:table_cell", unit == null ? where + "; no unit found in the header, row, caption or 单位 line" : where));
        }
        return out;
    }

    private static final Pattern CAPTION_NOISE = Pattern.compile(
            "^\\s*(?:附)?表\\s*[0-9一二三四五六七八九十百]+\\s*[:：、.．]?|(?:19|20)[0-9]{2}\\s*年(?:度)?|[(（][^()（）]*[)）]|\\s");

    /** 表九：2024年自治区对各地转移支付补助情况表（分地州市） → 自治区对各地转移支付补助; the row's own name without one. */
    private static String captionSubject(String caption, String fallback) {
        if (caption == null) return fallback;
        String s = CAPTION_NOISE.matcher(caption).replaceAll("");
        s = s.replaceAll("(?:完成|执行)?(?:情况)?(?:统计)?表$", "").replaceAll("(?:完成|执行)?情况$", "");
        return s.isEmpty() ? fallback : s;
    }

    private static final Pattern DATED_ROW = Pattern.compile("(?:19|20)[0-9]{2}\\s*年\\s*(?:末|底|12月底|12月末)");

    /** The year-end a row's subject begins with (2024年末地方政府… → 2024-12-31), or null. */
    private static String datedRow(String subject) {
        if (subject == null) return null;
        var m = DATED_ROW.matcher(norm(subject));
        return m.lookingAt() ? firstTime(m.group()) : null;
    }

    private static boolean placeRowLabel(TableRow row) { return row.region() != null; }

    /** A change column without a unit of its own (比上年增减) is in the table's unit; with % it was caught above. */
    private UnitChoice unitOfChange(TableColumn col) {
        return null;
    }

    private static List<String> words(Rules rules, String role) {
        return rules.tableWords().getOrDefault(role, List.of());
    }

    /** No measure, or one that names nothing measured (table_words.tsv plain_measure: 绝对数, 本年). */
    private boolean plainMeasure(String measure) {
        return measure.isEmpty() || plainMeasures.contains(measure);
    }

    /** 比上年增（减）%: only the change (table_words.tsv change_only), or only 增 and 减. */
    private boolean changeOnly(String measure) {
        return containsAny(measure, changeWords) || measure.matches("[增减]+");
    }

    private static boolean containsAny(String text, List<String> words) {
        for (String w : words) if (text.contains(w)) return true;
        return false;
    }


    /**
     * A column measure that names a quantity of its own, not only a stage (执行数, 预算数) or a value word (金额):
     * what remains without the stage words is a phrase of at least four characters (新增债务, 一般债务余额,
     * 职工基本医疗保险基金支出).
     */
    private boolean namesItsQuantity(String measure) {
        if (measure == null || plainMeasure(measure)) return false;
        String rest = stageWords.matcher(measure).replaceFirst("");
        return rest.length() >= 4;
    }

    /**
     * 地区生产总值 under the groups 总量 and 增长 measures 地区生产总值 either way: the group says the unit and the change,
     * not what is measured (atlas guangdong city GDP; hotan bulletin tables 绝对数 / 比上年增长).
     */
    private String withoutColumnKind(String measure) {
        String longest = null;
        for (String kind : columnKinds) {
            if (measure.endsWith(kind) && measure.length() - kind.length() >= 2
                    && (longest == null || kind.length() > longest.length())) longest = kind;
        }
        return longest == null ? measure : measure.substring(0, measure.length() - longest.length());
    }

    /** The change a row label names (GDP 增速（%）, 比上年增长): growth with a percent unit, else an increase. */
    private String rowChange(String label, UnitChoice unit) {
        if (label == null) return null;
        boolean rate = unit != null && "percent".equals(unit.info().kind());
        if (containsAny(label, shareWords)) return rate ? "share" : null;
        if (containsAny(label, yoyWords)) return rate ? "yoy_growth" : "increase";
        if (containsAny(label, growthWords)) return rate ? "growth" : "increase";
        return null;
    }

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

    private record UnitChoice(UnitInfo info, BigDecimal factor) {}

    private UnitChoice index() {
        return new UnitChoice(new UnitInfo("指数", "index", "ratio", BigDecimal.ONE, null), BigDecimal.ONE);
    }

    /** A written unit (万元, %, 亿千瓦小时) as unit and factor; null when it is not one of patterns/units.tsv. */
    /**
     * What a document's cells ask again and again (a column's header, a table's caption, the same subjects and units in
     * every row), answered once per reader: the reader belongs to one document and one thread.
     */
    private final Map<String, Optional<UnitChoice>> units = new HashMap<>();
    private final Map<String, Optional<String>> times = new HashMap<>();
    private final Map<String, Optional<figtrace.rules.Indicator>> indicators = new HashMap<>();
    private final Map<String, String> yearEnds = new HashMap<>();

    private UnitChoice unit(String written) {
        if (written == null || written.isBlank()) return null;
        return units.computeIfAbsent(written, w -> Optional.ofNullable(unitOf(w))).orElse(null);
    }

    private String timeIn(String s) {
        if (s == null || s.isBlank()) return null;
        return times.computeIfAbsent(s, w -> Optional.ofNullable(firstTime(w))).orElse(null);
    }

    private figtrace.rules.Indicator indicator(String subject) {
        return indicators.computeIfAbsent(subject, w -> Optional.ofNullable(Indicators.find(rules.indicators(), w))).orElse(null);
    }

    private String balanceAtYearEnd(String time, String subject) {
        if (subject == null) return FigureTimes.balanceAtYearEnd(rules.subjectWords(), time, null);
        String key = time + "\u0000" + subject;
        String got = yearEnds.get(key);
        if (got == null && !yearEnds.containsKey(key)) {
            got = FigureTimes.balanceAtYearEnd(rules.subjectWords(), time, subject);
            yearEnds.put(key, got);
        }
        return got;
    }

    private UnitChoice unitOf(String written) {
        String c = norm(written);
        if (c.equals("index")) return index();
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
        return null;
    }

    /** The first definite time TimeFinder reads in a header or caption (2024年底 → 2024-12-31), or null. */
    private static String firstTime(String s) {
        if (s == null || s.isBlank()) return null;
        for (Mention m : TimeFinder.find(norm(s), null)) if (!m.value().startsWith("?")) return m.value();
        return null;
    }

    /** A place named in a caption (表1 凯里市居民消费价格…) is where the table's figures belong. */
    private String regionIn(String caption) {
        for (Mention m : regions.find(caption)) {
            if (!m.value().equals(RegionFinder.SELF) && !regions.isYardstick(caption, m)) return m.value();
        }
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
