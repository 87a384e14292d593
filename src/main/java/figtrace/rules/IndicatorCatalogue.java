package figtrace.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The indicator catalogue (patterns/indicators.tsv) and the words around a name that do not change the indicator
 * (patterns/indicator_words.tsv). Immutable.
 *
 * @param endings   name or synonym → indicator, matched at the end of a subject (its head noun)
 * @param wholes    =WORD synonyms → indicator, matched against the whole subject only
 * @param trailing  words removed from a subject's end before matching, longest first
 * @param leading   words removed from a subject's start before a whole-subject match, longest first
 * @param budgets   names of budgets (一般公共预算 …): a bare 收入 or 支出 is that of the budget named before it
 * @param parts     words that, opening a subject, make it a part of an indicator (其他, 国有企业): no indicator
 * @param bare      words (收入, 支出) that, opening a subject in a budget report, are of the budget named before
 * @param barePrefixes words (调整后) that may stand before a bare word and stay before the budget's name
 * @param openings  words (其中) that, followed by a colon, open a subject and are removed with the colon
 * @param fundBudgets  budgets (政府性基金) whose itemised expenditure is not the general budget's function items
 * @param generalItems names of indicators that are function items of the general public budget (节能环保支出)
 * @param partners  words (国家, 东盟) that, in a trade subject, make it trade with those partners, a part of the total
 * @param qualifiers words (风电, 财产险, 公路) that, before the matched name in a subject, make it a part of the indicator
 */
public record IndicatorCatalogue(List<Indicator> all, Map<String, Indicator> endings, Map<String, Indicator> wholes,
                                 List<String> trailing, List<String> leading, List<String> budgets,
                                 List<String> parts, List<String> bare, List<String> barePrefixes,
                                 List<String> openings, List<String> fundBudgets, List<String> generalItems,
                                 List<String> partners, List<String> qualifiers) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

    public IndicatorCatalogue {
        all = List.copyOf(all);
        endings = figtrace.model.OrderedMaps.copyOf(endings);
        wholes = figtrace.model.OrderedMaps.copyOf(wholes);
        trailing = List.copyOf(trailing);
        leading = List.copyOf(leading);
        budgets = List.copyOf(budgets);
        parts = List.copyOf(parts);
        bare = List.copyOf(bare);
        barePrefixes = List.copyOf(barePrefixes);
        openings = List.copyOf(openings);
        fundBudgets = List.copyOf(fundBudgets);
        generalItems = List.copyOf(generalItems);
        partners = List.copyOf(partners);
        qualifiers = List.copyOf(qualifiers);
    }

    static IndicatorCatalogue load(Path dir, Problems problems) {
        List<Indicator> all = new ArrayList<>();
        Map<String, Indicator> endings = new LinkedHashMap<>();
        Map<String, Indicator> wholes = new LinkedHashMap<>();
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (PatternTable.Row row : PatternTable.read(dir, "indicators.tsv", 2, problems)) {
            String id = row.get(0), name = row.get(1);
            if (!ID.matcher(id).matches()) {
                problems.add("indicators.tsv", row.line(), "id '" + id + "' must be snake_case: lower-case letters,"
                        + " digits and _ (gdp, resident_population)");
                continue;
            }
            if (name.isEmpty()) {
                problems.add("indicators.tsv", row.line(), "indicator '" + id + "' has no Chinese name in the second column");
                continue;
            }
            Integer earlier = ids.putIfAbsent(id, row.line());
            if (earlier != null) {
                problems.add("indicators.tsv", row.line(), "id '" + id + "' is already defined on line " + earlier);
                continue;
            }
            // =NAME: a generic name whose parts are common (初中在校生, 人身险保费收入) names the indicator only whole
            boolean wholeOnly = name.startsWith("=");
            if (wholeOnly) name = name.substring(1);
            Indicator indicator = new Indicator(id, name);
            all.add(indicator);
            add(wholeOnly ? wholes : endings, name, indicator, row.line(), problems);
            for (String synonym : row.get(2).split("[,，]")) {
                String s = synonym.strip();
                if (s.isEmpty()) continue;
                if (s.startsWith("=")) add(wholes, s.substring(1), indicator, row.line(), problems);
                else add(endings, s, indicator, row.line(), problems);
            }
        }
        List<String> trailing = new ArrayList<>(), leading = new ArrayList<>(), budgets = new ArrayList<>(), parts = new ArrayList<>();
        List<String> bare = new ArrayList<>(), barePrefixes = new ArrayList<>(), openings = new ArrayList<>();
        List<String> fundBudgets = new ArrayList<>(), generalItems = new ArrayList<>(), partners = new ArrayList<>();
        List<String> qualifiers = new ArrayList<>();
        for (PatternTable.Row row : PatternTable.read(dir, "indicator_words.tsv", 2, problems)) {
            switch (row.get(1)) {
                case "trailing" -> trailing.add(row.get(0));
                case "leading" -> leading.add(row.get(0));
                case "budget" -> budgets.add(row.get(0));
                case "part" -> parts.add(row.get(0));
                case "bare" -> bare.add(row.get(0));
                case "bare_prefix" -> barePrefixes.add(row.get(0));
                case "opening" -> openings.add(row.get(0));
                case "fund_budget" -> fundBudgets.add(row.get(0));
                case "general_item" -> {
                    if (!endings.containsKey(row.get(0))) {
                        problems.add("indicator_words.tsv", row.line(), "general_item '" + row.get(0)
                                + "' is not the name of an indicator in indicators.tsv");
                    }
                    generalItems.add(row.get(0));
                }
                case "partner" -> partners.add(row.get(0));
                case "qualifier" -> qualifiers.add(row.get(0));
                default -> problems.add("indicator_words.tsv", row.line(), "role must be trailing, leading, budget,"
                        + " part, bare, bare_prefix, opening, fund_budget, general_item, partner or qualifier, found '"
                        + row.get(1) + "'");
            }
        }
        Comparator<String> longestFirst = Comparator.comparingInt(String::length).reversed();
        trailing.sort(longestFirst);
        leading.sort(longestFirst);
        return new IndicatorCatalogue(all, endings, wholes, trailing, leading, budgets, parts, bare,
                barePrefixes, openings, fundBudgets, generalItems, partners, qualifiers);
    }

    private static void add(Map<String, Indicator> map, String word, Indicator indicator, int line, Problems problems) {
        Indicator other = map.putIfAbsent(word, indicator);
        if (other != null && !other.equals(indicator)) {
            problems.add("indicators.tsv", line, "'" + word + "' already names indicator '" + other.id()
                    + "'; a word may name one indicator only");
        }
    }
}
