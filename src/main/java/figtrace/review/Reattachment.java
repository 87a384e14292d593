package figtrace.review;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a decision finds its figure again after re-extraction (the rule {@link ReviewStore#reattach()} follows, apart
 * from where decisions and figures are stored): the same figure id; else a figure with the same raw text in an
 * identical quote, at the same place inside it and nearest to the old position; else the old quote found anywhere in
 * the document's text with a figure of the same raw text at the same place inside it.
 */
public final class Reattachment {

    private Reattachment() {}

    /** The figure {@code d} is about among a document's current figures, or null. */
    public static Anchor find(Decision d, List<Anchor> figures, java.util.function.Supplier<String> text) {
        for (Anchor a : figures) if (a.id.equals(d.figureId())) return a;
        int offsetInQuote = d.spanStart() - d.charStart();
        Anchor best = null;
        for (Anchor a : figures) {
            if (!a.raw.equals(d.raw()) || d.quote() == null || !d.quote().equals(a.quote)) continue;
            if (best == null || score(a, d, offsetInQuote) < score(best, d, offsetInQuote)) best = a;
        }
        if (best != null) return best;
        // The sentence may be cut differently now (a rule changed): look for the old quote in the text itself.
        String docText = d.quote() == null || d.quote().isEmpty() ? null : text.get();
        if (docText == null) return null;
        Map<Integer, Anchor> byStart = new HashMap<>();
        for (Anchor a : figures) if (a.raw.equals(d.raw())) byStart.putIfAbsent(a.spanStart, a);
        if (byStart.isEmpty()) return null;
        for (int at = docText.indexOf(d.quote()); at >= 0; at = docText.indexOf(d.quote(), at + 1)) {
            Anchor a = byStart.get(at + offsetInQuote);
            if (a != null && (best == null || Math.abs(a.spanStart - d.spanStart())
                    < Math.abs(best.spanStart - d.spanStart()))) {
                best = a;
            }
        }
        return best;
    }

    /** Lower is better: the same place inside the quote first, then the nearest to the old position. */
    private static long score(Anchor a, Decision d, int offsetInQuote) {
        long samePlace = a.spanStart - a.charStart == offsetInQuote ? 0 : 1L << 40;
        return samePlace + Math.abs((long) a.spanStart - d.spanStart());
    }

    /** Where a figure is: what re-attachment compares. */
    public record Anchor(String id, int charStart, int spanStart, int spanEnd, String quote, String raw) {}
}
