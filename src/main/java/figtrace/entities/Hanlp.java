package figtrace.entities;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place figtrace.entities touches HanLP. HanLP keeps global static state (dictionaries, caches), so all calls
 * go through this class and are serialised on one lock. We use it for two things only: word boundaries with parts of
 * speech (so a name extended leftwards stops at a verb) and person names.
 */
final class Hanlp {

    /** One word: offsets relative to the segmented string, and HanLP's part-of-speech tag (v, n, nr, w, …). */
    record Token(int start, int end, String word, String nature) {
        /** Transitive verbs and the like; verbal nouns (vn) and intransitive verbs (vi, 创新) often sit inside names. */
        boolean isVerb() { return nature.startsWith("v") && !nature.equals("vn") && !nature.equals("vi"); }

        boolean isPerson() { return nature.startsWith("nr"); }
    }

    private static final Object LOCK = new Object();
    private static Segment segment; // created lazily: loading HanLP costs about a second
    private static Segment namesSegment; // with HanLP's place and organisation recognisers

    private Hanlp() {}

    /**
     * Teaches HanLP our known names so it doesn't split them (上库 → 上/库). This changes HanLP's global custom
     * dictionary, which is why it lives here; adding the same word twice is harmless.
     */
    static void addWords(java.util.Collection<String> words) {
        synchronized (LOCK) {
            for (String w : words) {
                if (w.length() >= 2 && !com.hankcs.hanlp.dictionary.CustomDictionary.contains(w)) {
                    com.hankcs.hanlp.dictionary.CustomDictionary.insert(w, "nz 1000");
                }
            }
        }
    }

    /**
     * The words of {@code s} with HanLP's own place (ns) and organisation (nt) recognisers on: they join 金风科技,
     * 塔里木油田 and 河南省人民政府 into one word, but also glue a verb or a title to a name (省长王凯作政府), so callers
     * check what they take. Empty when the terms don't tile {@code s}.
     */
    static List<Token> nameTokens(String s) {
        List<Term> terms;
        synchronized (LOCK) {
            if (namesSegment == null) {
                namesSegment = HanLP.newSegment().enableOffset(true).enableNameRecognize(true)
                        .enablePlaceRecognize(true).enableOrganizationRecognize(true)
                        .enableNumberQuantifierRecognize(false);
            }
            terms = namesSegment.seg(s);
        }
        return tiled(s, terms);
    }

    /** The words of {@code s}, or an empty list when HanLP's terms don't tile {@code s} exactly. */
    static List<Token> tokens(String s) {
        List<Term> terms;
        synchronized (LOCK) {
            if (segment == null) {
                // number/quantifier recognition stays off: it is known to drop the start of some sentences
                segment = HanLP.newSegment().enableOffset(true).enableNameRecognize(true)
                        .enableNumberQuantifierRecognize(false);
            }
            terms = segment.seg(s);
        }
        return tiled(s, terms);
    }

    private static List<Token> tiled(String s, List<Term> terms) {
        // HanLP can silently lose text; if the terms don't tile the input exactly, trust none of them
        List<Token> out = new ArrayList<>();
        int pos = 0;
        for (Term t : terms) {
            if (t.offset != pos || !s.startsWith(t.word, pos)) return List.of();
            out.add(new Token(pos, pos + t.word.length(), t.word, t.nature == null ? "" : t.nature.toString()));
            pos += t.word.length();
        }
        return pos == s.length() ? out : List.of();
    }
}
