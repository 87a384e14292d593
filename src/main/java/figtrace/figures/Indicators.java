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
        // a subject that is exactly a name or synonym is that indicator, even when it opens with a part word:
        // 其他用品及服务类价格 (the CPI's last category: atlas Shenyang, Kaifeng bulletins; 其他用品和服务 in the
        // CPI tables of the Hotan bulletin and atlas bulletins) is cpi_other, not "a remainder" of something
        Indicator exact = named(catalogue, s);
        if (exact == null) exact = named(catalogue, withoutLeading(catalogue, s));
        if (exact != null) return exact;
        // 税收收入占一般公共预算收入比重: a share of the whole, measuring the part before 占
        // 其他企业所得税, 国有企业土地增值税: a part of the indicator (a remainder, an ownership), not the indicator
        String core = withoutLeading(catalogue, s);
        for (String part : catalogue.parts()) if (s.startsWith(part) || core.startsWith(part)) return null;
        int share = s.indexOf('占');
        if (share == 0) return null;
        if (share > 0) s = s.substring(0, share);
        // try the phrase as it is, then without one trailing word after another: 经济总量 is gdp as written,
        // R&D经费投入总量 is rd_expenditure once 总量 is gone
        while (true) {
            Match found = match(catalogue, s);
            if (found != null) {
                if (qualified(catalogue, s.substring(0, s.length() - found.length()))) return null;
                return withPartner(catalogue, found.indicator(), s) ? null : found.indicator();
            }
            String shorter = withoutTrailing(catalogue, s);
            if (shorter == null) return null;
            s = shorter;
        }
    }

    /** An indicator found at the end of a subject, and the length of the name or synonym that matched (0: whole). */
    private record Match(Indicator indicator, int length) {}

    /**
     * Words before the matched name that make the figure a part of the indicator (patterns/indicator_words.tsv, role
     * qualifier): 风电装机容量, 清洁能源发电量 (a source of power), 财产险原保险保费收入 (a line of insurance),
     * 公路旅客运输量 (a mode of transport), 医院卫生技术人员 (a kind of institution), 一般贸易出口额 (a kind of trade).
     */
    private static boolean qualified(IndicatorCatalogue catalogue, String before) {
        if (before.isEmpty()) return false;
        for (String q : catalogue.qualifiers()) if (before.contains(q)) return true;
        return false;
    }

    /**
     * 共建"一带一路"国家进出口额, RCEP国家进出口额: trade with the partners a word of the subject names
     * (patterns/indicator_words.tsv, role partner) is a part of the total, not the total.
     */
    private static boolean withPartner(IndicatorCatalogue catalogue, Indicator found, String s) {
        if (!found.name().contains("出口") && !found.name().contains("进口")) return false;
        for (String p : catalogue.partners()) if (s.contains(p)) return true;
        return false;
    }

    /**
     * The indicator of a figure in its sentence: a function item of the general public budget (节能环保支出,
     * indicator_words.tsv general_item) listed under a fund budget's expenditure (政府性基金预算支出…，其中：城乡社区支出…,
     * role fund_budget: the budget named last before it in the sentence) is that budget's item, which the catalogue
     * does not hold: none.
     *
     * @param text the text; {@code sentenceStart} where the figure's sentence starts in it, {@code pos} the figure
     */
    public static Indicator inSentence(IndicatorCatalogue catalogue, Indicator indicator, String text, int sentenceStart, int pos) {
        if (indicator == null || !catalogue.generalItems().contains(indicator.name())) return indicator;
        String before = text.substring(sentenceStart, pos).replaceAll("\\s+", "");
        String budget = null;
        int last = -1;
        for (String b : catalogue.budgets()) {
            int i = before.lastIndexOf(b);
            if (i > last) { last = i; budget = b; }
        }
        if (budget == null) return indicator;
        for (String f : catalogue.fundBudgets()) if (budget.startsWith(f)) return null;
        return indicator;
    }

    /** The indicator whose name or a synonym is exactly {@code s}, or null. */
    static Indicator named(IndicatorCatalogue catalogue, String s) {
        Indicator i = catalogue.endings().get(s);
        return i != null ? i : catalogue.wholes().get(s);
    }

    private static Match match(IndicatorCatalogue catalogue, String s) {
        Indicator best = null;
        int bestLength = 0;
        for (Map.Entry<String, Indicator> e : catalogue.endings().entrySet()) {
            if (e.getKey().length() > bestLength && s.endsWith(e.getKey())) {
                best = e.getValue();
                bestLength = e.getKey().length();
            }
        }
        if (best != null) return new Match(best, bestLength);
        Indicator whole = catalogue.wholes().get(withoutLeading(catalogue, s));
        return whole == null ? null : new Match(whole, s.length());
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
        String fund = subFund(catalogue, text, at);
        if (fund != null) budget = fund;
        return budget == null ? subject : subject.substring(0, head) + budget + subject.substring(head);
    }

    /** 机关事业单位基本养老保险基金收入16.29亿元、: a fund's name with its 收入 or 支出, the name ending with 基金. */
    private static final Pattern FUND_FLOW = Pattern.compile("(\\p{IsHan}{2,}?基金)(?:预算)?(?:总)?(?:收入|支出)");

    /**
     * A bare 收入 or 支出 right after a sub-fund's own figures in the same clause (since the last ；or 。) is that
     * fund's: 职工基本医疗保险基金收入15.47亿元、支出13.08亿元 (Jingdezhen budget report), 职工基本医疗保险基金收入
     * 192.62亿元，支出139.45亿元 (atlas Changsha budget report), 居民医疗保险基金收入188766万元，支出184152万元 (atlas
     * Huangshi budget execution); null when the clause names no fund or names a budget of the catalogue itself
     * (社会保险基金预算收入…，支出…, 政府性基金收入2.8亿元，…，支出: the budget found before stands).
     */
    static String subFund(IndicatorCatalogue catalogue, String text, int at) {
        int from = at;
        while (from > 0 && at - from < BUDGET_REACH && "；;。\n".indexOf(text.charAt(from - 1)) < 0) from--;
        String clause = text.substring(from, at).replaceAll("\\s+", "");
        java.util.regex.Matcher m = FUND_FLOW.matcher(clause);
        String fund = null;
        while (m.find()) fund = m.group(1);
        if (fund == null) return null;
        for (String b : catalogue.budgets()) if (fund.contains(b) || b.contains(fund)) return null;
        return withoutLeading(catalogue, fund);
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
