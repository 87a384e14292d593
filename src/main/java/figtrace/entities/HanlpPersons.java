package figtrace.entities;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place figtrace.entities touches HanLP. HanLP keeps global static state (dictionaries, caches), so all calls
 * go through this class and are serialised on one lock. We ask it only for person names: places, organisations and
 * the rest come from our own pattern files, which are easier to audit than HanLP's role dictionaries.
 */
final class HanlpPersons {

    private static final Object LOCK = new Object();
    private static Segment segment; // created lazily: loading HanLP costs about a second

    private HanlpPersons() {}

    /** Spans {start, end} (relative to {@code s}) of the person names HanLP finds; none if its terms don't cover s. */
    static List<int[]> find(String s) {
        List<Term> terms;
        synchronized (LOCK) {
            if (segment == null) {
                // number/quantifier recognition is off: it is known to drop the start of some sentences
                segment = HanLP.newSegment().enableOffset(true).enableNameRecognize(true)
                        .enableNumberQuantifierRecognize(false);
            }
            terms = segment.seg(s);
        }
        // HanLP can silently lose text; if the terms don't tile the input exactly, trust none of them
        int pos = 0;
        for (Term t : terms) {
            if (t.offset != pos || !s.startsWith(t.word, pos)) return List.of();
            pos += t.word.length();
        }
        if (pos != s.length()) return List.of();
        List<int[]> out = new ArrayList<>();
        for (Term t : terms) {
            String nature = t.nature == null ? "" : t.nature.toString();
            if (nature.startsWith("nr") && t.word.length() >= 2 && t.word.length() <= 4) {
                out.add(new int[]{t.offset, t.offset + t.word.length()});
            }
        }
        return out;
    }
}
