package figtrace.panel;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The panel's rules, read from {@code patterns/panel.tsv} so a reader can see and change them.
 *
 * @param authority   document kind → rank; a higher rank wins when sources disagree (final accounts over bulletins)
 * @param parts       totals and the parts that must add up to them (gdp = primary + secondary + tertiary)
 * @param realGrowth  indicators whose growth rate is stated at comparable prices, so it is not checked against levels
 * @param scopeWords  words that put a figure at a narrower scope than its region (本级: the government's own level)
 * @param partWords   words that introduce the parts of a total stated before them in a sentence (其中, 分别)
 * @param wholeWords  words that put a figure back at the whole region (全市)
 * @param stageWords  word → budget stage (预算, 调整预算, 总计, 预计; "" for the outcome: 完成, 执行)
 * @param zoneEndings    last character(s) of a district name → the scope of a figure whose subject opens with such a
 *                       name that the gazetteer does not know (大通湖区…, 屈原管理区…: a zone inside the region)
 * @param notZoneEndings endings of words that end like a district name but name none (地区, 社区, 城区 …)
 * @param lastYearWords  words in an increase's clause that compare it with the previous year (上年, 同比 …)
 * @param budgetBaseWords words in an increase's clause that compare it with a budget instead (预算)
 * @param realPriceWords words in a growth rate's quote that put it at comparable prices (可比价)
 */
public record PanelRules(Map<String, Integer> authority, List<Parts> parts, Set<String> realGrowth,
                         Map<String, String> scopeWords, List<String> partWords, List<String> wholeWords,
                         Map<String, String> stageWords, Map<String, String> zoneEndings, List<String> notZoneEndings,
                         List<String> lastYearWords, List<String> budgetBaseWords, List<String> realPriceWords) {
    /** The stage of a budget figure as adjusted during the year. */
    public static final String ADJUSTED = "调整预算";
    /** The stage of a budget as passed. */
    public static final String PLANNED = "预算";
    /** The stage of an estimate made before the year closed (a target figure with this stage still enters). */
    public static final String ESTIMATE = "预计";

    public PanelRules(Map<String, Integer> authority, List<Parts> parts, Set<String> realGrowth,
                      Map<String, String> scopeWords, List<String> partWords) {
        this(authority, parts, realGrowth, scopeWords, partWords, List.of(), Map.of());
    }

    public PanelRules(Map<String, Integer> authority, List<Parts> parts, Set<String> realGrowth,
                      Map<String, String> scopeWords, List<String> partWords, List<String> wholeWords,
                      Map<String, String> stageWords) {
        this(authority, parts, realGrowth, scopeWords, partWords, wholeWords, stageWords, Map.of(), List.of(),
                List.of(), List.of(), List.of());
    }

    public PanelRules {
        wholeWords = List.copyOf(wholeWords);
        stageWords = figtrace.model.OrderedMaps.copyOf(stageWords);
        authority = figtrace.model.OrderedMaps.copyOf(authority);
        parts = List.copyOf(parts);
        realGrowth = Set.copyOf(realGrowth);
        scopeWords = figtrace.model.OrderedMaps.copyOf(scopeWords);
        partWords = List.copyOf(partWords);
        zoneEndings = figtrace.model.OrderedMaps.copyOf(zoneEndings);
        notZoneEndings = List.copyOf(notZoneEndings);
        lastYearWords = List.copyOf(lastYearWords);
        budgetBaseWords = List.copyOf(budgetBaseWords);
        realPriceWords = List.copyOf(realPriceWords);
    }

    /** Whether growth of this indicator is stated at comparable prices: listed, or matching a listed *_suffix. */
    public boolean realGrowth(String indicatorId) {
        if (realGrowth.contains(indicatorId)) return true;
        return realGrowth.stream().anyMatch(p -> p.startsWith("*") && indicatorId.endsWith(p.substring(1)));
    }

    /** A total and the indicators that add up to it. */
    public record Parts(String total, List<String> parts) {
        public Parts {
            parts = List.copyOf(parts);
        }
    }

    public int rank(String docKind) {
        return docKind == null ? 0 : authority.getOrDefault(docKind, 0);
    }
}
