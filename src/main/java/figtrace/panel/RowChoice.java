package figtrace.panel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Choosing one row's value among the sources of its key: first each document's own statement (its other values for
 * the key superseded or ambiguous, see {@link #ownStatement}), then the documents compared by value clusters within
 * rounding, by review, agreement, the document kind's authority, table over text and precision ({@link PanelStage}
 * states the rule). The checks this choice raises (same_fact, same_document) are added to the caller's list.
 */
final class RowChoice {
    private final PanelRules rules;
    private final Function<String, String> regionCodes;

    RowChoice(PanelRules rules, Function<String, String> regionCodes) {
        this.rules = rules;
        this.regionCodes = regionCodes;
    }

    PanelRow row(PanelKey key, List<PanelSource> sources, List<Check> checks) {
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
}
