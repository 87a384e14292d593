package figtrace.panel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns figures into a dataset: one row per (indicator, region, period, scope), with the value chosen by a rule a
 * reader can follow, and reconciliation checks between sources. A pure function of its inputs.
 *
 * <p>The choice rule, in order: a reviewed source; then agreement (the value most sources state, equal within their
 * printed rounding); then the more authoritative document kind ({@link PanelRules#authority()}); then a table cell
 * over running text; then the more precise value; then document name and order, so the result is deterministic.
 *
 * <p>Rows hold levels ({@code change} empty) under the indicator's id and growth rates under {@code ID_growth}.
 * Increases are not rows; they feed the check that a level minus its increase equals the previous period's level.
 *
 * <p>This class groups the sources by key and leaves parts and sources in another unit out; choosing a row's value
 * is {@link RowChoice}'s work, the checks across rows {@link PanelChecks}'.
 */
public final class PanelStage {

    static final String GROWTH_SUFFIX = "_growth";
    private static final Set<String> GROWTH = Set.of("growth", "yoy_growth");

    private final PanelRules rules;
    private final RowChoice choice;
    private final PanelChecks reconciliation;

    /** @param regionCodes a region's standard name → its 6-digit administrative code, or "" when it has none */
    public PanelStage(PanelRules rules, Function<String, String> regionCodes) {
        this.rules = rules;
        this.choice = new RowChoice(rules, regionCodes);
        this.reconciliation = new PanelChecks(rules);
    }

    /** The panel and its checks for these sources (their order does not matter). */
    public Panel build(List<PanelSource> sources) {
        Ordered o = buildOrdered(sources);
        return new Panel(o.rows(), o.checks());
    }

    /**
     * As {@link #build}, with where each check stands in the panel's order ({@link CheckOrder}). The panel of a corpus
     * is the union of the panels of its indicator families ({@link PanelFamilies}): built family by family, rows merge
     * by key and checks by their order, giving the same panel as one build over all sources (in store order).
     */
    public Ordered buildOrdered(List<PanelSource> sources) {
        Set<PanelSource> parts = parts(sources);
        return buildOrdered(sources, parts, dominantUnits(unitCounts(sources, parts)));
    }

    /**
     * As {@link #buildOrdered(List)} for a share of the sources that holds every source of each of its keys (all the
     * sources of one indicator family in one region, say), given what is decided across the whole corpus: which
     * sources are parts of a total in their sentence ({@link #parts}, a set that may hold sources of other shares) and
     * the unit each row indicator is stated in ({@link #dominantUnits}). Every check compares sources and rows of one
     * region, so the panel of a family is the union of the panels of its regions built so.
     */
    public Ordered buildOrdered(List<PanelSource> sources, Set<PanelSource> parts, Map<String, String> units) {
        Map<PanelKey, List<PanelSource>> byKey = new TreeMap<>();
        List<PanelSource> otherUnit = new ArrayList<>();
        for (PanelSource s : sources) {
            String id = rowIndicator(s);
            if (id == null || s.period().isEmpty() || parts.contains(s)) continue;
            if (!s.unit().equals(units.get(id))) { otherUnit.add(s); continue; }
            byKey.computeIfAbsent(new PanelKey(id, s.region(), s.period(), s.scope()), k -> new ArrayList<>()).add(s);
        }
        List<PanelRow> rows = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        List<CheckOrder> orders = new ArrayList<>();
        Map<PanelKey, PanelRow> rowByKey = new LinkedHashMap<>();
        for (Map.Entry<PanelKey, List<PanelSource>> e : byKey.entrySet()) {
            PanelRow row = choice.row(e.getKey(), e.getValue(), checks);
            while (orders.size() < checks.size()) orders.add(CheckOrder.ofKey(CheckOrder.ROW, e.getKey()));
            rows.add(row);
            rowByKey.put(row.key(), row);
        }
        for (PanelSource s : otherUnit) {
            PanelKey key = new PanelKey(rowIndicator(s), s.region(), s.period(), s.scope());
            PanelRow row = rowByKey.get(key);
            if (row == null) continue;
            orders.add(CheckOrder.ofSource(CheckOrder.UNIT, null, s));
            checks.add(new Check("unit", key, PanelStatus.LEFT_OUT, row.value(), s.value(), row.chosen(), s,
                    s.raw() + " is in " + s.unit() + " while " + key.indicatorId() + " is stated in " + row.unit()
                            + " across the corpus: left out of the row (a growth rate or share without its change?)"));
        }
        reconciliation.levelMinusIncrease(sources, rowByKey, checks, orders);
        for (Check c : reconciliation.levelAndGrowth(rowByKey)) { checks.add(c); orders.add(CheckOrder.ofKey(CheckOrder.GROWTH, c.key())); }
        for (Check c : reconciliation.partsSum(rowByKey)) { checks.add(c); orders.add(CheckOrder.ofKey(CheckOrder.PARTS, c.key())); }
        return new Ordered(rows, checks, orders);
    }

    /**
     * Figures that are parts of a total stated before them in the same sentence (共有10家高新区，其中国家级4家、自治区级
     * 6家): same indicator, unit and change as the earlier figure, and a part word (其中, 分别 …) between them. They are
     * not the region's value, so they make no row.
     */
    public Set<PanelSource> parts(List<PanelSource> sources) {
        Set<PanelSource> parts = new java.util.HashSet<>();
        for (List<PanelSource> sentence : sentences(sources)) {
            if (sentence.size() < 2) continue;
            sentence.sort(Comparator.comparingInt(PanelSource::spanInQuote));
            for (int i = 1; i < sentence.size(); i++) {
                PanelSource s = sentence.get(i);
                for (int j = 0; j < i; j++) {
                    PanelSource total = sentence.get(j);
                    if (!total.indicatorId().equals(s.indicatorId()) || !total.unit().equals(s.unit())
                            || !java.util.Objects.equals(total.change(), s.change())) continue;
                    String between = s.quote().substring(Math.min(total.spanInQuote(), s.quote().length()),
                            Math.min(Math.max(s.spanInQuote(), total.spanInQuote()), s.quote().length()));
                    if (rules.partWords().stream().anyMatch(between::contains)) { parts.add(s); break; }
                }
            }
        }
        return parts;
    }

    /**
     * The unit each row indicator is stated in by most of its sources across the corpus (ties: the first in name
     * order). A source in another unit is no value of that row: GDP in CNY is never 6.4 (a growth rate whose change
     * was missed, or a share).
     */
    public static Map<String, String> dominantUnits(Map<String, Map<String, Integer>> counts) {
        Map<String, String> units = new TreeMap<>();
        counts.forEach((id, byUnit) -> {
            String unit = dominantUnit(byUnit);
            if (unit != null) units.put(id, unit);
        });
        return units;
    }

    /** The unit most counted in {@code byUnit} (ties: the first in name order), or null when none is counted. */
    public static String dominantUnit(Map<String, Integer> byUnit) {
        return byUnit.entrySet().stream().filter(e -> e.getValue() > 0)
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
    }

    /**
     * How many sources state each row indicator in each unit: those with a period that are no part of a total
     * ({@code parts}). Counts of separate shares of the corpus add up to the corpus's, from which
     * {@link #dominantUnits} gives each indicator's unit.
     */
    public static Map<String, Map<String, Integer>> unitCounts(List<PanelSource> sources, Set<PanelSource> parts) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (PanelSource s : sources) {
            String id = rowIndicator(s);
            if (id == null || s.period().isEmpty() || parts.contains(s)) continue;
            counts.computeIfAbsent(id, k -> new TreeMap<>()).merge(s.unit(), 1, Integer::sum);
        }
        return counts;
    }

    /** Sources grouped by the sentence (quote) that holds them, in document and position order. */
    private static java.util.Collection<List<PanelSource>> sentences(List<PanelSource> sources) {
        return bySentence(sources).values();
    }

    /** As {@link #sentences}, by a key that orders them (document, then the quote's start as text). */
    static Map<String, List<PanelSource>> bySentence(List<PanelSource> sources) {
        Map<String, List<PanelSource>> bySentence = new TreeMap<>();
        for (PanelSource s : sources) {
            bySentence.computeIfAbsent(s.doc() + "\u0000" + s.quoteStart(), k -> new ArrayList<>()).add(s);
        }
        return bySentence;
    }

    /** The id of the row a source belongs to, or null when it is not a row (an increase, a share …). */
    public static String rowIndicator(PanelSource s) {
        if (s.change() == null || s.change().isEmpty()) return s.indicatorId();
        if (GROWTH.contains(s.change())) return s.indicatorId() + GROWTH_SUFFIX;
        return null;
    }

    /** The dataset and its checks, each check with its place in the panel's order ({@code orders}, same size). */
    public record Ordered(List<PanelRow> rows, List<Check> checks, List<CheckOrder> orders) {
        public Ordered {
            rows = List.copyOf(rows);
            checks = List.copyOf(checks);
            orders = List.copyOf(orders);
            if (checks.size() != orders.size()) throw new IllegalArgumentException("a check without its order");
        }
    }

    /** The dataset and its checks. */
    public record Panel(List<PanelRow> rows, List<Check> checks) {
        public Panel {
            rows = List.copyOf(rows);
            checks = List.copyOf(checks);
        }
    }
}
