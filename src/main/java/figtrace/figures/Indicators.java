package figtrace.figures;

import figtrace.rules.Indicator;
import figtrace.rules.IndicatorCatalogue;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which catalogued indicator a subject names (patterns/indicators.tsv). The head noun of a Chinese noun phrase is its
 * last word, so a subject names an indicator when it ends with the indicator's name or a synonym, once brackets,
 * list numbers and trailing words (预计, 合计, 增速 …) are gone: 年末全市常住总人口 → resident_population,
 * 一般公共预算收入预计 → general_public_budget_revenue, but 第二产业投资 is not gdp_secondary.
 */
public final class Indicators {
    private static final Pattern BRACKETS = Pattern.compile("\\([^()]*\\)|（[^（）]*）|\\[[^]]*]|【[^】]*】");
    private static final Pattern LIST_NUMBER = Pattern.compile("^(?:[一二三四五六七八九十]+、|[0-9]+[.、．]|[(（][0-9一二三四五六七八九十]+[)）])");

    private Indicators() {}

    /** The indicator {@code subject} names, or null when none of the catalogue fits. */
    public static Indicator find(IndicatorCatalogue catalogue, String subject) {
        if (subject == null || subject.isBlank()) return null;
        String s = BRACKETS.matcher(subject).replaceAll("").replaceAll("\\s+", "");
        s = LIST_NUMBER.matcher(s).replaceFirst("");
        s = s.replace("：", ":");
        // 其中：税收收入 (indicator_words.tsv opening): the first opening word with its colon is removed
        for (String w : catalogue.openings()) {
            if (s.startsWith(w + ":")) {
                s = s.substring(w.length() + 1);
                break;
            }
        }
        // 税收收入占一般公共预算收入比重: a share of the whole, measuring the part before 占
        // 其他企业所得税, 国有企业土地增值税: a part of the indicator (a remainder, an ownership), not the indicator
        for (String part : catalogue.parts()) if (s.startsWith(part)) return null;
        int share = s.indexOf('占');
        if (share == 0) return null;
        if (share > 0) s = s.substring(0, share);
        // try the phrase as it is, then without one trailing word after another: 经济总量 is gdp as written,
        // R&D经费投入总量 is rd_expenditure once 总量 is gone
        while (true) {
            Indicator found = match(catalogue, s);
            if (found != null) return found;
            String shorter = withoutTrailing(catalogue, s);
            if (shorter == null) return null;
            s = shorter;
        }
    }

    private static Indicator match(IndicatorCatalogue catalogue, String s) {
        Indicator best = null;
        int bestLength = 0;
        for (Map.Entry<String, Indicator> e : catalogue.endings().entrySet()) {
            if (e.getKey().length() > bestLength && s.endsWith(e.getKey())) {
                best = e.getValue();
                bestLength = e.getKey().length();
            }
        }
        return best != null ? best : catalogue.wholes().get(withoutLeading(catalogue, s));
    }

    /** The phrase without its last trailing word (the longest that fits), or null when it ends with none. */
    private static String withoutTrailing(IndicatorCatalogue catalogue, String s) {
        for (String w : catalogue.trailing()) {
            if (s.length() > w.length() && s.endsWith(w)) return s.substring(0, s.length() - w.length());
        }
        return null;
    }

    /** How far back a budget's name is looked for: about one paragraph of a budget report. */
    private static final int BUDGET_REACH = 300;

    /**
     * A bare 收入 or 支出 in a budget report is that of the budget named last before it (收入完成421.8亿元 after
     * 一般公共预算收入年初预算…): the budget's name goes before it (一般公共预算收入完成). Any other subject is kept.
     *
     * @param text the text the subject was read from; {@code at} where the figure's clause starts in it
     */
    static String withBudget(IndicatorCatalogue catalogue, String subject, String text, int at) {
        if (subject == null) return null;
        int head = bareAt(catalogue, subject);
        if (head < 0) return subject;
        // a PDF line may break inside the name (政府性基\n金预算)
        String before = text.substring(Math.max(0, at - BUDGET_REACH), at).replaceAll("\\s+", "");
        String budget = null;
        int last = -1;
        for (String b : catalogue.budgets()) {
            int i = before.lastIndexOf(b);
            if (i > last) { last = i; budget = b; }
        }
        return budget == null ? subject : subject.substring(0, head) + budget + subject.substring(head);
    }

    /**
     * Where a bare word (收入, 支出: patterns/indicator_words.tsv role bare) opens the subject: 0, or the length of a
     * bare_prefix (调整后) it follows; -1 when the subject opens with none.
     */
    private static int bareAt(IndicatorCatalogue catalogue, String subject) {
        for (String b : catalogue.bare()) if (subject.startsWith(b)) return 0;
        for (String p : catalogue.barePrefixes()) {
            if (!subject.startsWith(p)) continue;
            for (String b : catalogue.bare()) if (subject.startsWith(b, p.length())) return p.length();
        }
        return -1;
    }

    private static String withoutLeading(IndicatorCatalogue catalogue, String s) {
        for (boolean changed = true; changed; ) {
            changed = false;
            for (String w : catalogue.leading()) {
                if (s.length() > w.length() && s.startsWith(w)) {
                    s = s.substring(w.length());
                    changed = true;
                }
            }
        }
        return s;
    }
}
