package figtrace.panel;

import java.util.Comparator;

/**
 * Where a check stands in {@code panel_checks.csv}. {@link PanelStage} lists checks in phases: the checks of each row
 * (in key order), unit checks (in store order of their source: document, position, id), level-minus-increase checks
 * (by sentence, then store order of the increase), level-and-growth and parts-sum checks (in key order). Within a phase
 * the order depends only on the check's own key or source, so the checks of panels built separately (one per
 * indicator family) merge into exactly the order one build over all sources gives; checks with equal orders keep the
 * order their build gave them.
 *
 * @param key      the row key, for the phases in key order (else null)
 * @param sentence the sentence key (document and quote start, as {@link PanelStage} sorts sentences), or null
 * @param doc      the source's document, for the phases in store order (else null)
 * @param seq      the source's position in its document (its span start, as the store orders figures)
 * @param figureId the source's figure id
 */
public record CheckOrder(int phase, PanelKey key, String sentence, String doc, int seq, String figureId)
        implements Comparable<CheckOrder> {

    public static final int ROW = 1, UNIT = 2, INCREASE = 3, GROWTH = 4, PARTS = 5;

    static CheckOrder ofKey(int phase, PanelKey key) {
        return new CheckOrder(phase, key, null, null, 0, null);
    }

    static CheckOrder ofSource(int phase, String sentence, PanelSource s) {
        return new CheckOrder(phase, null, sentence, s.doc(), s.seq(), s.figureId());
    }

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    /** The store's text order (SQLite BINARY: UTF-8 bytes), which is code point order, not UTF-16 order. */
    public static final Comparator<String> STORE_ORDER = (a, b) -> {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i), cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };
    private static final Comparator<String> STORE_TEXT = Comparator.nullsFirst(STORE_ORDER);
    private static final Comparator<CheckOrder> ORDER = Comparator.comparingInt(CheckOrder::phase)
            .thenComparing(CheckOrder::key, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(CheckOrder::sentence, NULLS_FIRST)
            .thenComparing(CheckOrder::doc, STORE_TEXT)
            .thenComparingInt(CheckOrder::seq)
            .thenComparing(CheckOrder::figureId, STORE_TEXT);

    @Override
    public int compareTo(CheckOrder o) {
        return ORDER.compare(this, o);
    }
}
