package figtrace.figures;

import com.google.re2j.Matcher;
import figtrace.rules.FigureRule;
import figtrace.rules.FigureWords;
import figtrace.rules.Rules;
import figtrace.rules.UnitInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finding figures: every match of a figure rule of patterns/figures.rules around the numerals of a text, with the
 * matches that are no figures left out (names such as “十四五”, articles such as 一个, chart labels) and overlaps
 * resolved by priority, then length. What a found figure means is {@link FigureReader}'s work.
 */
final class FigureFinder {
    private final Rules rules;

    /** What each figure rule's matches hold (by the rule's index): a window without it is not searched. */
    private final figtrace.text.RequiredText[] required;

    FigureFinder(Rules rules) {
        this.rules = rules;
        this.required = rules.figureRules().stream().map(r -> figtrace.text.RequiredText.of(r.pattern()))
                .toArray(figtrace.text.RequiredText[]::new);
    }

    List<Candidate> candidates(String t) {
        // re2j is linear but slow with capture groups over a long text, and every figure holds a numeral: match
        // only in small windows around the numerals.
        java.util.Set<Candidate> all = new java.util.LinkedHashSet<>();
        for (int[] w : NumeralWindows.of(t)) {
            String window = t.substring(w[0], w[1]);
            List<FigureRule> figureRules = rules.figureRules();
            for (int r = 0; r < figureRules.size(); r++) {
                FigureRule rule = figureRules.get(r);
                if (!required[r].mayMatch(window)) continue; // no match can be in it
                Matcher m = rule.pattern().matcher(window);
                int from = 0;
                while (from <= window.length() && m.find(from)) {
                    Candidate c = candidate(rule, m, w[0]);
                    if (c != null && accepted(c, t)) all.add(c);
                    from = m.end() > m.start() ? m.end() : m.start() + 1;
                }
            }
        }
        List<Candidate> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt((Candidate c) -> -c.rule().priority())
                .thenComparingInt(c -> -c.length()).thenComparingInt(Candidate::start));
        // Kept candidates never overlap, so the one starting last before c ends is the only one c can overlap: a
        // lookup in a tree instead of a scan of all kept (quadratic on a page with 100,000 figures). Empty
        // candidates, if any, are checked one by one.
        List<Candidate> kept = new ArrayList<>();
        java.util.TreeMap<Integer, Candidate> keptByStart = new java.util.TreeMap<>();
        List<Candidate> keptEmpty = new ArrayList<>();
        for (Candidate c : sorted) {
            java.util.Map.Entry<Integer, Candidate> before = keptByStart.lowerEntry(c.end());
            boolean clash = before != null && before.getValue().overlaps(c)
                    || keptEmpty.stream().anyMatch(c::overlaps)
                    || c.length() == 0 && kept.stream().anyMatch(c::overlaps);
            if (clash) continue;
            kept.add(c);
            if (c.length() == 0) keptEmpty.add(c); else keptByStart.put(c.start(), c);
        }
        kept.sort(Comparator.comparingInt(Candidate::start));
        return kept;
    }

    /** A range gives two figures, each end with the range's unit: 10—20% is 10% and 20%. */
    static List<Candidate> ends(Candidate c) {
        if (!c.isRange()) return List.of(c);
        int lowEnd = c.start() + c.num().length();
        return List.of(new Candidate(c.start(), lowEnd, c.rule(), c.num(), null, c.mult(), c.unit(), -1, null),
                new Candidate(c.highStart(), c.end(), c.rule(), c.high(), c.inner(), c.mult(), c.unit(), -1, null));
    }

    private static Candidate candidate(FigureRule rule, Matcher m, int offset) {
        // groups by number: asking a pattern for a group it lacks by name throws, and the exceptions (a stack trace
        // each, for every match of a rule without a fig or num2 group) were tens of thousands a run
        java.util.Map<String, Integer> groups = m.pattern().namedGroups();
        int start = Integer.MAX_VALUE, end = -1;
        String[] names = {"num", "inner", "mult", "unit"};
        String[] values = new String[4];
        for (int i = 0; i < names.length; i++) {
            int g = group(m, groups, names[i]);
            if (g < 0) continue;
            values[i] = m.group(g);
            start = Math.min(start, m.start(g) + offset);
            end = Math.max(end, m.end(g) + offset);
        }
        if (values[0] == null) return null;
        int fig = group(m, groups, "fig");
        if (fig >= 0) {
            start = m.start(fig) + offset;
            end = m.end(fig) + offset;
        }
        int high = group(m, groups, "num2");
        return new Candidate(start, end, rule, values[0], values[1], values[2], values[3],
                high < 0 ? -1 : m.start(high) + offset, high < 0 ? null : m.group(high));
    }

    /** The number of the named group when the pattern has it and it took part in the match, else -1. */
    private static int group(Matcher m, java.util.Map<String, Integer> groups, String name) {
        Integer g = groups.get(name);
        return g == null || m.group(g) == null ? -1 : g;
    }

    private boolean accepted(Candidate c, String t) {
        String ahead = t.substring(c.start(), Math.min(t.length(), c.start() + 24));
        for (com.google.re2j.Pattern p : rules.notFigures()) if (p.matcher(ahead).find()) return false;
        if (formulaScale(t, c.start(), ahead)) return false;
        FigureRule rule = c.rule();
        if (c.start() > 0 && rule.notBefore() != null
                && rule.notBefore().matches(String.valueOf(t.charAt(c.start() - 1)))) return false;
        if (c.end() < t.length() && rule.notAfter() != null
                && rule.notAfter().matches(String.valueOf(t.charAt(c.end())))) return false;
        if (c.mult() == null && c.inner() == null && rule.notNumber() != null && rule.notNumber().matches(c.num())) return false;
        UnitInfo unit = c.unit() == null ? null : rules.units().get(c.unit());
        boolean count = unit != null && unit.kind().equals("count");
        if (count && c.num().equals("一") && c.mult() == null && !onlyOne(t, c.start())) return false;
        return !insideName(t, c.start(), c.end());
    }

    /**
     * The 100% a formula multiplies by (资产负债率 负债总额/资产总计×100%: the definitions appendix of the Nanping and
     * Xuzhou rating reports; 税收收入占比=税收收入/一般公共预算收入*100% in a note of the Ningde rating report;
     * 地方政府债务率=（地方政府直接债务余额/综合财力）*100% in the Xiamen bond report) scales a ratio to a percentage;
     * it measures nothing.
     */
    static boolean formulaScale(String t, int start, String ahead) {
        if (!ahead.startsWith("100") || ahead.length() < 4 || (ahead.charAt(3) != '%' && ahead.charAt(3) != '％')) return false;
        int i = start - 1;
        while (i >= 0 && (t.charAt(i) == ' ' || t.charAt(i) == '\u3000')) i--;
        return i >= 0 && "×*✕╳＊".indexOf(t.charAt(i)) >= 0;
    }

    /** 一个/一批/一项 are articles ("a batch of"), not counts — unless the text stresses the one: 仅有一家. */
    private boolean onlyOne(String t, int start) {
        List<String> only = rules.figureWords().only();
        return FigureWords.endsWithAny(t.substring(Math.max(0, start - FigureWords.longest(only)), start), only);
    }

    /** Numbers inside a short quoted name (“十四五”, “两个确立”), a title 《…》 or a document number 〔…〕 are names. */
    private static boolean insideName(String t, int start, int end) {
        // only the 40 characters before the number are looked at: a scan back to the line's start is quadratic on
        // a page that is one 10 MB line
        int open = -1;
        for (int i = Math.min(start, t.length() - 1); i >= Math.max(0, start - 40); i--) {
            char ch = t.charAt(i);
            if (ch == '《' || ch == '〔' || ch == '\u201C') {
                open = i;
                break;
            }
        }
        if (open < 0) return false;
        char o = t.charAt(open);
        char close = o == '《' ? '》' : o == '〔' ? '〕' : '\u201D';
        int closeAt = t.indexOf(close, open + 1);
        if (closeAt < 0 || closeAt < end) return false;
        return o != '\u201C' || closeAt - open <= 10;
    }

    /**
     * Chart axis labels and data leaked from a picture (380% 300% … -60%) come as a paragraph of numbers with hardly
     * a word: a paragraph of three or more numbers with fewer than two Chinese characters that are not numerals or units
     * holds no figures.
     */
    static boolean chartLabels(String t, int pos) {
        int from = Sentences.paragraphStart(t, pos);
        int to = t.indexOf('\n', pos);
        if (to < 0) to = t.length();
        int words = 0, numbers = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c >= '\u4E00' && c <= '\u9FFF' && "零〇一二两三四五六七八九十百千万亿元个家项人%".indexOf(c) < 0) words++;
            if (words >= 2) return false; // prose: no need to read the rest of a long paragraph
            if (Character.isDigit(c) && (i == from || !Character.isDigit(t.charAt(i - 1)) && t.charAt(i - 1) != '.')) numbers++;
        }
        return words < 2 && numbers >= 3;
    }
}
