package figtrace.panel;

import java.math.BigDecimal;
import java.math.MathContext;
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
 */
public final class PanelStage {

    static final String GROWTH_SUFFIX = "_growth";
    private static final Set<String> GROWTH = Set.of("growth", "yoy_growth");
    private static final Set<String> INCREASE = Set.of("increase", "decrease");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final PanelRules rules;
    private final Function<String, String> regionCodes;

    /** @param regionCodes a region's standard name → its 6-digit administrative code, or "" when it has none */
    public PanelStage(PanelRules rules, Function<String, String> regionCodes) {
        this.rules = rules;
        this.regionCodes = regionCodes;
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
        Map<PanelKey, List<PanelSource>> byKey = new TreeMap<>();
        Set<PanelSource> parts = parts(sources);
        Map<String, String> units = dominantUnits(sources, parts);
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
            PanelRow row = row(e.getKey(), e.getValue(), checks);
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
        levelMinusIncrease(sources, rowByKey, checks, orders);
        for (Check c : levelAndGrowth(rowByKey)) { checks.add(c); orders.add(CheckOrder.ofKey(CheckOrder.GROWTH, c.key())); }
        for (Check c : partsSum(rowByKey)) { checks.add(c); orders.add(CheckOrder.ofKey(CheckOrder.PARTS, c.key())); }
        return new Ordered(rows, checks, orders);
    }

    /**
     * Figures that are parts of a total stated before them in the same sentence (共有10家高新区，其中国家级4家、自治区级
     * 6家): same indicator, unit and change as the earlier figure, and a part word (其中, 分别 …) between them. They are
     * not the region's value, so they make no row.
     */
    private Set<PanelSource> parts(List<PanelSource> sources) {
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
    private static Map<String, String> dominantUnits(List<PanelSource> sources, Set<PanelSource> parts) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (PanelSource s : sources) {
            String id = rowIndicator(s);
            if (id == null || s.period().isEmpty() || parts.contains(s)) continue;
            counts.computeIfAbsent(id, k -> new TreeMap<>()).merge(s.unit(), 1, Integer::sum);
        }
        Map<String, String> units = new TreeMap<>();
        counts.forEach((id, byUnit) -> units.put(id, byUnit.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .orElseThrow().getKey()));
        return units;
    }

    /** Sources grouped by the sentence (quote) that holds them, in document and position order. */
    private static java.util.Collection<List<PanelSource>> sentences(List<PanelSource> sources) {
        return bySentence(sources).values();
    }

    /** As {@link #sentences}, by a key that orders them (document, then the quote's start as text). */
    private static Map<String, List<PanelSource>> bySentence(List<PanelSource> sources) {
        Map<String, List<PanelSource>> bySentence = new TreeMap<>();
        for (PanelSource s : sources) {
            bySentence.computeIfAbsent(s.doc() + "\u0000" + s.quoteStart(), k -> new ArrayList<>()).add(s);
        }
        return bySentence;
    }

    /** The id of the row a source belongs to, or null when it is not a row (an increase, a share …). */
    private static String rowIndicator(PanelSource s) {
        if (s.change() == null || s.change().isEmpty()) return s.indicatorId();
        if (GROWTH.contains(s.change())) return s.indicatorId() + GROWTH_SUFFIX;
        return null;
    }

    private PanelRow row(PanelKey key, List<PanelSource> sources, List<Check> checks) {
        // First each document on its own: its own statement about the key wins over weaker mentions in it.
        List<PanelSource> kept = new ArrayList<>();
        List<PanelSource> statements = new ArrayList<>();
        Map<String, List<PanelSource>> byDoc = new TreeMap<>();
        for (PanelSource s : sources) byDoc.computeIfAbsent(s.doc(), d -> new ArrayList<>()).add(s);
        int before = checks.size();
        for (List<PanelSource> inDoc : byDoc.values()) kept.addAll(ownStatement(key, inDoc, checks, statements));
        boolean ambiguous = checks.subList(before, checks.size()).stream()
                .anyMatch(c -> c.status() == PanelStatus.AMBIGUOUS);
        // Documents are compared by their own statements; weaker mentions that agree with them only add support
        // (a table's 490万元 and 517万元 both round to the text's 0.05亿元 without being one value).
        List<List<PanelSource>> clusters = clusters(statements);
        clusters.sort(clusterOrder());
        List<PanelSource> best = clusters.get(0);
        // The value itself: the best source that agrees with the winning statement, support included (a table's
        // 213.48亿元 under a text's 213.5亿元 is the more precise).
        PanelSource chosen = kept.stream().filter(s -> best.contains(s) || best.stream().anyMatch(b -> withinRounding(b, s)))
                .sorted(sourceOrder()).findFirst().orElseThrow();
        PanelStatus status;
        if (chosen.reviewed()) status = PanelStatus.REVIEWED;
        else if (clusters.size() > 1) status = PanelStatus.CONFLICT;
        else if (ambiguous) status = PanelStatus.AMBIGUOUS;
        else if (kept.size() == 1) status = PanelStatus.SINGLE;
        else if (kept.stream().allMatch(s -> s.value().compareTo(chosen.value()) == 0)) status = PanelStatus.AGREE;
        else status = PanelStatus.ROUNDING_AGREE;
        for (int i = 1; i < clusters.size(); i++) {
            PanelSource other = clusters.get(i).stream().sorted(sourceOrder()).findFirst().orElseThrow();
            checks.add(new Check("same_fact", key, PanelStatus.CONFLICT, chosen.value(), other.value(), chosen, other,
                    conflictReason(chosen, other)));
        }
        List<String> ids = new ArrayList<>();
        ids.add(chosen.figureId());
        kept.stream().sorted(sourceOrder()).map(PanelSource::figureId)
                .filter(id -> !id.equals(chosen.figureId())).distinct().forEach(ids::add);
        return new PanelRow(key, chosen.indicator(), regionCodes.apply(key.region()), chosen.value(), chosen.unit(),
                status, kept.size(), chosen, ids);
    }

    /**
     * The sources of one document that state its own value for a key. A document that gives several values for the
     * same indicator, region, period and scope has usually said one of them about the key and mentioned the others
     * about something narrower the extraction did not see (a table of another scope, a part, another year). Its own
     * statement is, in order: reviewed; said of the whole region in words (全市…); naming the indicator by its
     * catalogue name before the figure (一般公共预算收入, not an alias such as 财政收入); a table cell; exact (not 约).
     * The sources of the strongest standing are kept; a weaker source that disagrees with them is superseded and
     * recorded as a same_document check (status superseded) with both sources, not counted as a conflict. Sources of
     * equal standing that disagree stay, and make a conflict.
     */
    private List<PanelSource> ownStatement(PanelKey key, List<PanelSource> inDoc, List<Check> checks,
                                           List<PanelSource> statements) {
        if (inDoc.size() == 1) { statements.addAll(inDoc); return inDoc; }
        int top = inDoc.stream().mapToInt(this::standing).max().orElse(0);
        List<PanelSource> strongest = new ArrayList<>(inDoc.stream().filter(s -> standing(s) == top).toList());
        // Of equal standing, the first value the document states (a total comes before its parts).
        strongest.sort(Comparator.comparingInt(PanelSource::quoteStart).thenComparingInt(PanelSource::spanInQuote)
                .thenComparing(PanelSource::figureId));
        PanelSource first = strongest.get(0);
        List<PanelSource> kept = new ArrayList<>();
        for (PanelSource s : strongest) {
            if (withinRounding(first, s)) { kept.add(s); statements.add(s); continue; }
            checks.add(new Check("same_document", key, PanelStatus.AMBIGUOUS, first.value(), s.value(), first, s,
                    s.doc() + " states both " + first.raw() + " (line " + first.line() + ") and " + s.raw() + " (line "
                            + s.line() + ") for " + key + " with equal standing (" + standingWords(s)
                            + "); the first is kept: the extraction did not tell what the other is about"));
        }
        for (PanelSource s : inDoc) {
            if (standing(s) == top) continue;
            if (withinRounding(first, s)) { kept.add(s); continue; }
            checks.add(new Check("same_document", key, PanelStatus.SUPERSEDED, first.value(), s.value(), first, s,
                    first.doc() + " states " + first.raw() + " (" + standingWords(first) + "); its " + s.raw() + " ("
                            + standingWords(s) + ") is taken for a mention of something narrower and left out of the row"));
        }
        return kept;
    }

    /** How strongly a source is the document's own statement of its key (see {@link #ownStatement}). */
    private int standing(PanelSource s) {
        int score = 0;
        if (s.reviewed()) score += 32;
        if (saysWhole(s)) score += 16;
        if (namesIndicator(s)) score += 8;
        if (!isPart(s)) score += 4;
        if (s.inTable()) score += 2;
        if (!s.raw().contains("约") && !s.quote().contains(s.raw() + "左右")) score += 1;
        return score;
    }

    private String standingWords(PanelSource s) {
        List<String> words = new ArrayList<>();
        if (s.reviewed()) words.add("reviewed");
        words.add(saysWhole(s) ? "said of the whole region" : "no whole-region word");
        words.add(namesIndicator(s) ? "names " + s.indicator() : "does not name " + s.indicator());
        words.add((s.inTable() ? "table" : "text") + ", line " + s.line());
        return String.join(", ", words);
    }

    /** The figure's sentence names the whole region (全市…) before it, nearer than any narrower scope word. */
    private boolean saysWhole(PanelSource s) {
        String before = PanelSources.withoutBrackets(s.quote().substring(0, Math.min(Math.max(s.spanInQuote(), 0),
                s.quote().length())));
        int whole = rules.wholeWords().stream().mapToInt(w -> before.lastIndexOf(w)).max().orElse(-1);
        if (whole < 0) return false;
        int narrower = rules.scopeWords().keySet().stream().mapToInt(before::lastIndexOf).max().orElse(-1);
        return whole > narrower;
    }

    /**
     * The figure's sentence opens with a part word (其中, 分别 …: 其中，风电装机容量198.36万千瓦): it breaks down a total
     * stated before it, so it is a part, not the region's value.
     */
    private boolean isPart(PanelSource s) {
        String start = PanelSources.compact(s.quote().substring(0, Math.min(s.quote().length(), 12)));
        return rules.partWords().stream().anyMatch(start::startsWith);
    }

    /** The figure's sentence names the indicator by its catalogue name before the figure. */
    private static boolean namesIndicator(PanelSource s) {
        if (s.indicator() == null || s.indicator().isEmpty()) return false;
        String before = PanelSources.compact(s.quote().substring(0, Math.min(Math.max(s.spanInQuote(), 0),
                s.quote().length())));
        return before.contains(s.indicator());
    }

    private String conflictReason(PanelSource chosen, PanelSource other) {
        String why = chosen.doc().equals(other.doc()) ? "the same document states two values"
                : "two documents state different values";
        return why + " beyond rounding; kept " + chosen.raw() + " (" + describe(chosen) + ") over " + other.raw()
                + " (" + describe(other) + ")";
    }

    private String describe(PanelSource s) {
        return (s.reviewed() ? "reviewed, " : "") + (s.docKind() == null ? "unknown kind" : s.docKind())
                + (s.inTable() ? ", table" : ", text") + ", " + s.doc() + (s.page() == null ? "" : " p." + s.page())
                + " line " + s.line();
    }

    /** Groups values that agree within rounding: each source joins the first group whose first value it matches. */
    private static List<List<PanelSource>> clusters(List<PanelSource> sources) {
        List<PanelSource> ordered = new ArrayList<>(sources);
        ordered.sort(Comparator.comparing(PanelSource::precision).thenComparing(PanelSource::doc)
                .thenComparingInt(PanelSource::seq));
        List<List<PanelSource>> clusters = new ArrayList<>();
        for (PanelSource s : ordered) {
            List<PanelSource> home = null;
            for (List<PanelSource> c : clusters) {
                if (withinRounding(c.get(0), s)) { home = c; break; }
            }
            if (home == null) clusters.add(home = new ArrayList<>());
            home.add(s);
        }
        return clusters;
    }

    static boolean withinRounding(PanelSource a, PanelSource b) {
        return a.unit().equals(b.unit()) && agree(a.value(), b.value(), a.precision().max(b.precision()));
    }

    static boolean agree(BigDecimal a, BigDecimal b, BigDecimal tolerance) {
        return a.subtract(b).abs().compareTo(tolerance) <= 0;
    }

    private Comparator<List<PanelSource>> clusterOrder() {
        return Comparator.<List<PanelSource>>comparingInt(c -> c.stream().anyMatch(PanelSource::reviewed) ? 0 : 1)
                .thenComparing(c -> -c.size())
                .thenComparing(c -> -c.stream().mapToInt(s -> rules.rank(s.docKind())).max().orElse(0))
                .thenComparing(c -> c.stream().anyMatch(PanelSource::inTable) ? 0 : 1)
                .thenComparing(c -> c.stream().sorted(sourceOrder()).findFirst().orElseThrow(), sourceOrder());
    }

    private Comparator<PanelSource> sourceOrder() {
        return Comparator.<PanelSource>comparingInt(s -> s.reviewed() ? 0 : 1)
                .thenComparingInt(s -> -rules.rank(s.docKind()))
                .thenComparingInt(s -> s.inTable() ? 0 : 1)
                .thenComparing(PanelSource::precision)
                .thenComparing(PanelSource::doc)
                .thenComparingInt(PanelSource::seq)
                .thenComparing(PanelSource::figureId);
    }

    /**
     * A level and its stated increase in one sentence imply the previous period's level (138.53亿元, up 23.01亿元 →
     * 115.52亿元 a year before); each source of that previous level is compared with it.
     */
    private void levelMinusIncrease(List<PanelSource> sources, Map<PanelKey, PanelRow> rowByKey, List<Check> checks,
                                    List<CheckOrder> orders) {
        // Undated levels by what they measure and where, looked up for each implied level instead of scanned.
        Map<List<String>, List<PanelSource>> undatedByWhat = new java.util.HashMap<>();
        for (PanelSource s : sources) {
            if (s.period().isEmpty() && (s.change() == null || s.change().isEmpty())) {
                undatedByWhat.computeIfAbsent(List.of(s.indicatorId(), s.region(), s.scope(), s.unit()),
                        k -> new ArrayList<>()).add(s);
            }
        }
        for (Map.Entry<String, List<PanelSource>> e : bySentence(sources).entrySet()) {
            List<PanelSource> sentence = e.getValue();
            for (PanelSource increase : sentence) {
                if (increase.change() == null || !INCREASE.contains(increase.change())) continue;
                CheckOrder order = CheckOrder.ofSource(CheckOrder.INCREASE, e.getKey(), increase);
                PanelSource level = sentence.stream()
                        .filter(s -> (s.change() == null || s.change().isEmpty())
                                && s.indicatorId().equals(increase.indicatorId()) && s.region().equals(increase.region())
                                && s.period().equals(increase.period()) && s.unit().equals(increase.unit()))
                        .findFirst().orElse(null);
                String previous = Periods.previous(increase.period());
                if (level == null || previous == null || !againstLastYear(increase)) continue;
                BigDecimal delta = increase.change().equals("decrease") ? increase.value().negate() : increase.value();
                BigDecimal implied = level.value().subtract(delta);
                BigDecimal implication = level.precision().add(increase.precision());
                PanelKey key = new PanelKey(level.indicatorId(), level.region(), previous, level.scope());
                // An undated figure of the same indicator and region that matches the implied level within rounding
                // is most likely that level (a reply's 全社会R&D经费达到115.5亿元 without a year); only agreement is
                // reported for them, since an undated figure may be about any year.
                for (PanelSource undated : undatedByWhat.getOrDefault(
                        List.of(level.indicatorId(), level.region(), level.scope(), level.unit()), List.of())) {
                    BigDecimal diff = implied.subtract(undated.value()).abs();
                    if (diff.compareTo(implication.add(undated.precision())) > 0) continue;
                    orders.add(order);
                    checks.add(new Check("level_minus_increase", key, diff.signum() == 0 ? PanelStatus.AGREE
                            : PanelStatus.ROUNDING_AGREE, implied, undated.value(), level, undated,
                            level.raw() + " minus its increase " + increase.raw() + " gives " + implied.toPlainString()
                                    + " for " + previous + "; the undated " + undated.raw() + " of " + undated.doc()
                                    + " matches it" + (diff.signum() == 0 ? "" : " after rounding")));
                }
                // Compared with the value the panel holds for the previous period, not with each of its sources:
                // the row's own choice already settled which of them is that period's value.
                PanelRow row = rowByKey.get(key);
                if (row != null && row.unit().equals(level.unit()) && settled(row)) {
                    PanelSource stated = row.chosen();
                    BigDecimal diff = implied.subtract(stated.value()).abs();
                    PanelStatus status = diff.signum() == 0 ? PanelStatus.AGREE
                            : diff.compareTo(implication.add(stated.precision())) <= 0 ? PanelStatus.ROUNDING_AGREE
                            : PanelStatus.CONFLICT;
                    orders.add(order);
                    checks.add(new Check("level_minus_increase", key, status, implied, stated.value(), level, stated,
                            level.raw() + " minus its increase " + increase.raw() + " gives " + implied.toPlainString()
                                    + " for " + previous + "; " + stated.doc() + " states " + stated.raw()));
                }
            }
        }
    }

    /**
     * Whether an increase is stated against the previous year: its clause does not compare with a budget (比预算增加,
     * 超预算), or names the previous year too (比上年, 同比, 同期, 去年).
     */
    private static boolean againstLastYear(PanelSource increase) {
        String before = PanelSources.compact(increase.quote().substring(0,
                Math.min(Math.max(increase.spanInQuote(), 0), increase.quote().length())));
        int start = Math.max(Math.max(before.lastIndexOf('，'), before.lastIndexOf('；')), before.lastIndexOf('。')) + 1;
        String clause = before.substring(start);
        if (clause.contains("上年") || clause.contains("同比") || clause.contains("同期") || clause.contains("去年")) return true;
        return !clause.contains("预算");
    }

    /** A level, the previous period's level and the stated growth rate must fit together (nominal indicators only). */
    private List<Check> levelAndGrowth(Map<PanelKey, PanelRow> rows) {
        List<Check> checks = new ArrayList<>();
        for (PanelRow growth : rows.values()) {
            String id = growth.key().indicatorId();
            if (!id.endsWith(GROWTH_SUFFIX)) continue;
            String base = id.substring(0, id.length() - GROWTH_SUFFIX.length());
            if (rules.realGrowth(base) || growth.chosen().quote().contains("可比价")) continue;
            PanelKey k = growth.key();
            PanelRow now = rows.get(new PanelKey(base, k.region(), k.period(), k.scope()));
            String previous = Periods.previous(k.period());
            PanelRow before = previous == null ? null : rows.get(new PanelKey(base, k.region(), previous, k.scope()));
            if (now == null || before == null || before.value().signum() <= 0) continue;
            if (!settled(growth) || !settled(now) || !settled(before)) continue;
            // The growth the two levels imply, with the widest and narrowest rates their rounding allows.
            BigDecimal lo = rate(now.value().subtract(now.chosen().precision()),
                    before.value().add(before.chosen().precision()));
            BigDecimal hi = rate(now.value().add(now.chosen().precision()),
                    before.value().subtract(before.chosen().precision()));
            BigDecimal mid = rate(now.value(), before.value());
            BigDecimal stated = growth.value();
            BigDecimal p = growth.chosen().precision();
            PanelStatus status;
            if (mid.subtract(stated).abs().compareTo(p) <= 0) status = PanelStatus.AGREE;
            else if (stated.compareTo(lo.subtract(p)) >= 0 && stated.compareTo(hi.add(p)) <= 0) status = PanelStatus.ROUNDING_AGREE;
            else status = PanelStatus.CONFLICT;
            if (status == PanelStatus.AGREE) continue;
            checks.add(new Check("level_and_growth", k, status, mid, stated, now.chosen(), growth.chosen(),
                    now.chosen().raw() + " against " + before.chosen().raw() + " a period before is a change of "
                            + mid.toPlainString() + "%; the document states " + growth.chosen().raw()));
        }
        return checks;
    }

    /**
     * Whether a row's value is settled enough to check others against: not ambiguous (one document giving several
     * values of equal standing, so the extraction did not tell which is the row's). A check against a guess would
     * report the guess, not the documents.
     */
    private static boolean settled(PanelRow row) {
        return row.status() != PanelStatus.AMBIGUOUS;
    }

    private static BigDecimal rate(BigDecimal now, BigDecimal before) {
        return now.divide(before, MathContext.DECIMAL64).subtract(BigDecimal.ONE).multiply(HUNDRED)
                .setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /** Parts that must add up to their total (the three sectors to GDP), where all of them are in the panel. */
    private List<Check> partsSum(Map<PanelKey, PanelRow> rows) {
        List<Check> checks = new ArrayList<>();
        for (PanelRow total : rows.values()) {
            for (PanelRules.Parts rule : rules.parts()) {
                if (!rule.total().equals(total.key().indicatorId()) || !settled(total)) continue;
                PanelKey k = total.key();
                BigDecimal sum = BigDecimal.ZERO;
                BigDecimal tolerance = total.chosen().precision();
                List<String> raws = new ArrayList<>();
                boolean complete = true;
                for (String part : rule.parts()) {
                    PanelRow row = rows.get(new PanelKey(part, k.region(), k.period(), k.scope()));
                    if (row == null || !row.unit().equals(total.unit()) || !settled(row)) { complete = false; break; }
                    sum = sum.add(row.value());
                    tolerance = tolerance.add(row.chosen().precision());
                    raws.add(row.chosen().raw());
                }
                if (!complete) continue;
                BigDecimal diff = sum.subtract(total.value()).abs();
                if (diff.signum() == 0) continue;
                PanelStatus status = diff.compareTo(tolerance) <= 0 ? PanelStatus.ROUNDING_AGREE : PanelStatus.CONFLICT;
                checks.add(new Check("parts_sum", k, status, sum, total.value(), total.chosen(), total.chosen(),
                        String.join(" + ", rule.parts()) + " = " + String.join(" + ", raws) + " = "
                                + sum.toPlainString() + ", but " + rule.total() + " is " + total.chosen().raw()));
            }
        }
        return checks;
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
