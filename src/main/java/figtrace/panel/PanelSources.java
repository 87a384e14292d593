package figtrace.panel;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

/**
 * Makes panel sources from figures as reviewed: the figure's output columns with the reviewer's corrections applied
 * (the map {@code FigureReview.apply} gives). A figure enters the panel only when it is a fact about a known place and
 * period: it has an indicator id and a region (a time too, for a row of its own), is exact (no 约, 超过 …), is not a target, and was not rejected.
 */
public final class PanelSources {

    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,，]*(?:[.．]\\d+)?");
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private final PanelRules rules;
    private final java.util.function.Predicate<String> knownPlace;

    /** Sources that know no gazetteer: a subject opening with a district name is never taken as a zone. */
    public PanelSources(PanelRules rules) {
        this(rules, name -> true);
    }

    /** @param knownPlace whether a name is a region of the gazetteer (patterns/regions.tsv) */
    public PanelSources(PanelRules rules, java.util.function.Predicate<String> knownPlace) {
        this.rules = rules;
        this.knownPlace = knownPlace;
    }

    /** As {@link #of(Map, String, String, String, int, boolean, boolean)} without a document region or table title. */
    public PanelSource of(Map<String, Object> columns, String docKind, int seq, boolean reviewed, boolean rejected) {
        return of(columns, docKind, null, null, seq, reviewed, rejected);
    }

    /**
     * The source for one figure, or null when it does not belong in the panel.
     *
     * @param columns    the figure's columns (names as in FigureColumns) after review corrections
     * @param docKind    its document's kind (bulletin, budget …), or null
     * @param ownRegion  the region the document is about (its context), standing in for a figure that names none:
     *                   a budget report of 全市 that never writes the city's name is still about that city; or null
     * @param tableTitle for a table cell, the title line above its table (2025年市本级一般公共预算收入决算表), whose
     *                   scope words count when the row names none; or null
     * @param seq        its order in the document
     * @param reviewed   accepted or corrected by a reviewer
     * @param rejected   rejected by a reviewer
     */
    public PanelSource of(Map<String, Object> columns, String docKind, String ownRegion, String tableTitle, int seq,
                          boolean reviewed, boolean rejected) {
        return of(columns, docKind, ownRegion, tableTitle, null, seq, reviewed, rejected);
    }

    /**
     * As above, with the sentence before the figure's own where that one opens with a part word (其中): the part
     * belongs to the scope of the total the sentence before stated (市本级部门预算支出X。其中：一般公共预算支出Y → Y
     * is 本级).
     */
    public PanelSource of(Map<String, Object> columns, String docKind, String ownRegion, String tableTitle,
                          String sentenceBefore, int seq, boolean reviewed, boolean rejected) {
        // Databases written before figures carried indicator_id name the indicator only: its name stands in for the id.
        String indicatorId = text(columns.get("indicator_id"));
        if (indicatorId == null) indicatorId = text(columns.get("indicator"));
        String region = text(columns.get("region"));
        if (region == null) region = text(ownRegion);
        String time = text(columns.get("time"));
        Object value = columns.get("value");
        if (rejected || indicatorId == null || region == null || !(value instanceof BigDecimal v)) {
            return null;
        }
        String qualifier = text(columns.get("qualifier"));
        // An approximate value (约, 左右) is still the value a document gives; a bound (超过, 以上) is not.
        if (qualifier != null && !qualifier.equals("approx")) return null;
        String raw = text(columns.get("raw"));
        String quote = text(columns.get("quote"));
        int quoteStart = number(columns.get("char_start"));
        int spanStart = number(columns.get("span_start"));
        String rule = text(columns.get("rule"));
        boolean inTable = rule != null && rule.contains("table");
        String place = place(quote, spanStart - quoteStart);
        if (place == null) place = inTable && tableTitle != null ? place(tableTitle, tableTitle.length()) : null;
        if (place == null && sentenceBefore != null && opensWithPart(quote)) place = place(sentenceBefore, sentenceBefore.length());
        if (place == null) place = zone(text(columns.get("subject")), region);
        String stage = stage(quote, spanStart - quoteStart);
        // a table cell: its column's title first (年初预算数 | 调整预算数 | 执行数 of one row are three stages of one
        // budget: atlas guangdong per-city tables, xinjiang budget tables), then the table's title
        if (stage.isEmpty() && inTable) {
            String column = columnTitle(text(columns.get("subject")));
            stage = stage(column, column.length());
        }
        if (stage.isEmpty() && inTable && tableTitle != null) stage = stage(tableTitle, tableTitle.length());
        // A target stays out (力争, 目标 …), unless the document calls it an estimate of a year's outcome (预计完成).
        if (Boolean.TRUE.equals(columns.get("target")) && !stage.equals(PanelRules.ESTIMATE)) return null;
        String scope = join(place == null ? "" : place, stage);
        return new PanelSource(text(columns.get("id")), text(columns.get("doc")), (Integer) columns.get("page"),
                number(columns.get("line")), quoteStart, quote == null ? "" : quote, raw == null ? v.toPlainString() : raw,
                indicatorId, text(columns.get("indicator")), region, time == null ? "" : time,
                scope, spanStart - quoteStart, text(columns.get("change")), v,
                text(columns.get("unit")) == null ? "" : text(columns.get("unit")), precision(raw, v), docKind,
                inTable, seq, reviewed);
    }

    /**
     * The column title a table cell's subject ends with in brackets (一般公共预算收入（2025年年初预算数）: the table
     * reader writes row subject and column title so), or "" when it has none.
     */
    static String columnTitle(String subject) {
        if (subject == null || !(subject.endsWith("）") || subject.endsWith(")"))) return "";
        int open = Math.max(subject.lastIndexOf('（'), subject.lastIndexOf('('));
        return open < 0 ? "" : subject.substring(open + 1, subject.length() - 1);
    }

    /** The row's scope column: the part of the region and the budget stage, each only when it is not the default. */
    static String join(String place, String stage) {
        if (place.isEmpty()) return stage;
        return stage.isEmpty() ? place : place + "·" + stage;
    }

    /**
     * The narrower part of the region a figure is about (其中市本级… → 本级), "" for the whole region, or null when its
     * sentence names neither. The nearest scope or whole word before the figure decides, so 全市收入X亿元，其中市本级Y亿元
     * puts Y at 本级 and X at the whole city; words in brackets ((含高新区)) only qualify and do not count.
     */
    String place(String quote, int figureAt) {
        if (quote == null || figureAt <= 0) return null;
        String before = withoutBrackets(quote.substring(0, Math.min(figureAt, quote.length())));
        int best = -1;
        String found = null;
        for (Map.Entry<String, String> w : rules.scopeWords().entrySet()) {
            int at = before.lastIndexOf(w.getKey());
            if (at >= 0 && at + w.getKey().length() > best) { best = at + w.getKey().length(); found = w.getValue(); }
        }
        for (String w : rules.wholeWords()) {
            int at = before.lastIndexOf(w);
            if (at >= 0 && at + w.length() > best) { best = at + w.length(); found = ""; }
        }
        return found;
    }

    /** Whether a sentence opens with a part word (其中：…), so what it states is part of the sentence before. */
    public boolean opensWithPart(String quote) {
        if (quote == null) return false;
        String s = withoutBrackets(quote);
        for (String w : rules.partWords()) if (s.startsWith(w)) return true;
        return false;
    }

    /**
     * The scope of a figure whose subject opens with the name of a district the gazetteer does not know and that is
     * not its region (大通湖区一般公共预算收入, 屈原管理区一般公共预算地方收入安排): a zone inside the region. Null
     * when the subject opens with no such name, or names nothing after it (a bare 自然保护区 is a thing counted).
     */
    String zone(String subject, String region) {
        if (subject == null) return null;
        for (Map.Entry<String, String> ending : rules.zoneEndings().entrySet()) {
            int at = subject.indexOf(ending.getKey());
            if (at < 2 || at > 9) continue;
            String name = subject.substring(0, at + ending.getKey().length());
            if (name.length() >= subject.length() - 1 || !name.codePoints().allMatch(c ->
                    Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) continue;
            if (rules.notZoneEndings().stream().anyMatch(name::endsWith)) continue;
            if (knownPlace.test(name) || (region != null && region.contains(name))) continue;
            return ending.getValue();
        }
        return null;
    }

    /** The narrower scope of a figure, or "" for the whole region (see {@link #place}). */
    String scope(String quote, int figureAt) {
        String place = place(quote, figureAt);
        return place == null ? "" : place;
    }

    /**
     * The budget stage a figure states, from the nearest stage word before it in its sentence: 批复的收入为X，支出为Y
     * gives 预算 to both; 预算为22.79亿元，实际完成4.23亿元 gives 预算 and the outcome (""). A budget word followed by 的 is a
     * comparison, not a stage (为年初预算的112.2%，增长1%: the growth is still of the outcome). A 预算 word after an
     * adjusting word keeps the adjusted stage (调整后收入预算为…).
     */
    String stage(String quote, int figureAt) {
        if (quote == null || figureAt <= 0) return "";
        String before = quote.substring(0, Math.min(figureAt, quote.length()));
        // a table row's cells follow one another without a clause between them (转移性收入合计 1,147 1,143): the
        // row label's total word is every cell's
        boolean prose = before.indexOf('\t') < 0;
        String clause = withoutTitles(withoutBasisAsides(compact(before)));
        int best = -1, bestLength = 0;
        String found = "";
        boolean adjusted = false;
        for (Map.Entry<String, String> w : rules.stageWords().entrySet()) {
            int at = lastUse(clause, w.getKey());
            if (at < 0) continue;
            // A total word (总收入, 收入合计, 收入总来源) names the one amount after it, not every later figure of its
            // sentence: 总收入308.98亿元；一般公共预算支出174.24亿元 (atlas Fuxin final accounts), 收入合计 8.9亿元；
            // 一般公共预算支出 6.4亿元 (Huainan), 收入总来源 16.19 亿元；一般公共预算支出 9.76 亿元 (Suqian),
            // 总收入合计为413.0亿元，其中，一般公共预算收入150.1亿元 (Panjin): once a number and a clause break stand
            // between the word and the figure, the word's own amount has come and gone.
            if (prose && w.getValue().equals(TOTAL) && AMOUNT_THEN_BREAK.matcher(clause.substring(at + w.getKey().length())).find()) {
                continue;
            }
            if (w.getValue().equals(PanelRules.ADJUSTED)) adjusted = true;
            int end = at + w.getKey().length();
            // The nearest word wins; of two ending at the same place the longer (预计完成 over 完成).
            if (end > best || (end == best && w.getKey().length() > bestLength)) {
                best = end; bestLength = w.getKey().length(); found = w.getValue();
            }
        }
        return adjusted && found.equals(PanelRules.PLANNED) ? PanelRules.ADJUSTED : found;
    }

    /** The stage a total word gives (总计: revenue plus transfers and balances). */
    private static final String TOTAL = "总计";
    private static final Pattern AMOUNT_THEN_BREAK = Pattern.compile("\\d[^，；,;：:]*[，；,;]");
    private static final Pattern BASIS_ASIDE = Pattern.compile("([%％])[（(][^（()）]*[）)]");

    /**
     * The clause without a bracketed aside right after a percentage: it names the basis of the comparison the
     * percentage made, not the stage of a later figure. 完成预算的100.1%（调整预算，下同）；一般公共预算支出909亿元 is the
     * outcome (atlas Weifang budget report), while an aside after the measured thing still gives its stage:
     * 全市地方一般公共预算收入（预计完成数，下同）113.6亿元 is an estimate (atlas Yiyang budget report).
     */
    static String withoutBasisAsides(String clause) {
        return clause.indexOf('%') < 0 && clause.indexOf('％') < 0 ? clause : BASIS_ASIDE.matcher(clause).replaceAll("$1");
    }

    private static final Pattern TITLE = Pattern.compile("《[^《》]*》");

    /**
     * The clause without the titles of documents it cites: 根据《关于厦门市2025年预算执行情况和2026年预算草案的报告》及附表，
     * 2025年，厦门市地方一般公共预算收入合计961.08亿元，同比增长3.0% (atlas Xiamen bond report) and
     * 《关于深圳市2025年预算执行情况和2026年预算草案的报告》，批准… (atlas Shenzhen budget report) name a report, not
     * the stage of the figures after it.
     */
    static String withoutTitles(String clause) {
        return clause.indexOf('《') < 0 ? clause : TITLE.matcher(clause).replaceAll("");
    }

    /** Where {@code word} last occurs in {@code text} other than as a comparison (为年初预算的), or -1. */
    private static int lastUse(String text, String word) {
        int at = text.lastIndexOf(word);
        while (at >= 0 && word.endsWith("预算") && at + word.length() < text.length()
                && text.charAt(at + word.length()) == '的') {
            at = at == 0 ? -1 : text.lastIndexOf(word, at - 1);
        }
        return at;
    }

    /** The text without bracketed asides ((含高新区)), and without the spaces and line breaks PDFs put inside words. */
    static String withoutBrackets(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '（' || c == '(') depth++;
            else if ((c == '）' || c == ')') && depth > 0) depth--;
            else if (depth == 0 && !Character.isWhitespace(c) && c != '\u3000') b.append(c);
        }
        return b.toString();
    }

    /** The text without the spaces and line breaks PDFs put inside words (年初\n预算 → 年初预算). */
    static String compact(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u3000') b.append(c);
        }
        return b.toString();
    }

    /**
     * Half the value of the last printed digit, in base units: 115.5亿元 → 5000000 (0.05亿元), 14.48% → 0.005. Two values
     * closer than the larger of their precisions may be the same number rounded differently.
     */
    static BigDecimal precision(String raw, BigDecimal value) {
        if (raw != null) {
            Matcher m = NUMBER.matcher(raw);
            if (m.find()) {
                String digits = m.group().replace(",", "").replace("，", "").replace('．', '.');
                BigDecimal printed = new BigDecimal(digits);
                int decimals = Math.max(printed.scale(), 0);
                BigDecimal lastDigit = BigDecimal.ONE.movePointLeft(decimals);
                if (printed.signum() != 0) {
                    BigDecimal factor = value.abs().divide(printed, MathContext.DECIMAL64);
                    return lastDigit.multiply(factor).multiply(HALF).stripTrailingZeros();
                }
                return lastDigit.multiply(HALF);
            }
        }
        return BigDecimal.ONE.movePointLeft(Math.max(value.scale(), 0)).multiply(HALF);
    }

    private static String text(Object o) {
        if (o == null) return null;
        String s = o.toString();
        return s.isBlank() ? null : s;
    }

    private static int number(Object o) {
        return o instanceof Number n ? n.intValue() : 0;
    }
}
