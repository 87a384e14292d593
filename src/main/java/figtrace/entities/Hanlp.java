package figtrace.entities;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place figtrace.entities touches HanLP. We use it for two things only: word boundaries with parts of speech
 * (so a name extended leftwards stops at a verb) and person names.
 *
 * <p>Threads: HanLP's analysis calls are thread-safe, its configuration calls are not (its author: "all interfaces
 * that analyse input are thread-safe, intermediate results live on the stack; configuration interfaces modify the
 * analyser's state", hankcs/HanLP#732). {@code ViterbiSegment} has no fields of its own, so one configured instance of
 * each segmenter serves every thread under a shared read lock. Two things write global state and take the write lock:
 * adding words to the global custom dictionary ({@link #addWords}; readers must not see its trie mid-insert), and the
 * first use of each segmenter, which builds the organisation recogniser's Aho-Corasick failure links lazily and
 * unsynchronised ({@code Trie.checkForConstructedFailureStates}: the NullPointerException of hankcs/HanLP#390 under
 * concurrent first use), so the segmenters are created and run once on a warm-up sentence before any reader shares
 * them. Before this, one global lock serialised every call and a run with two jobs waited on the entity stage.
 */
final class Hanlp {

    /** One word: offsets relative to the segmented string, and HanLP's part-of-speech tag (v, n, nr, w, …). */
    record Token(int start, int end, String word, String nature) {
        /** Transitive verbs and the like; verbal nouns (vn) and intransitive verbs (vi, 创新) often sit inside names. */
        boolean isVerb() { return nature.startsWith("v") && !nature.equals("vn") && !nature.equals("vi"); }

        boolean isPerson() { return nature.startsWith("nr"); }
    }

    private static final java.util.concurrent.locks.ReentrantReadWriteLock LOCK =
            new java.util.concurrent.locks.ReentrantReadWriteLock();
    /** A sentence with a person, places and organisations, so every recogniser runs (and builds what it builds). */
    private static final String WARM_UP = "国务院总理李强在北京市人民政府会见了华为技术有限公司和河南省代表。";
    private static volatile Segments segments; // created lazily: loading HanLP costs about a second

    private record Segments(Segment words, Segment names) {}

    private static final java.util.concurrent.atomic.AtomicBoolean WARMING = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Loads HanLP's dictionaries and makes the segmenters on a thread of their own, so that this second or so overlaps
     * with what the run does before its first paragraph is segmented (the first file parsed in the worker JVM, its
     * figures found) instead of holding up the first document, and under {@code --jobs 2} both extraction threads
     * (a JFR profile of a cold run showed the second thread waiting on this lock). What a segmenter returns does not
     * depend on when it was made: the custom dictionary it reads is HanLP's global one, read at each call. If it
     * fails here, the first real use tries again and reports it.
     */
    static void warmInBackground() {
        if (segments != null || !WARMING.compareAndSet(false, true)) return;
        Thread t = new Thread(() -> {
            try {
                segments();
            } catch (RuntimeException | LinkageError e) {
                // the first paragraph segmented tries again, and fails there with its document
            }
        }, "figtrace-hanlp-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private Hanlp() {}

    /**
     * Teaches HanLP our known names so it doesn't split them (上库 → 上/库). This changes HanLP's global custom
     * dictionary, which is why it lives here; adding the same word twice is harmless. Every pipeline of a run adds the
     * same words, so after the first only the (shared) check runs.
     */
    static void addWords(java.util.Collection<String> words) {
        List<String> missing = new ArrayList<>();
        LOCK.readLock().lock();
        try {
            for (String w : words) {
                if (w.length() >= 2 && !com.hankcs.hanlp.dictionary.CustomDictionary.contains(w)) missing.add(w);
            }
        } finally {
            LOCK.readLock().unlock();
        }
        if (missing.isEmpty()) return;
        LOCK.writeLock().lock();
        try {
            for (String w : missing) {
                if (!com.hankcs.hanlp.dictionary.CustomDictionary.contains(w)) {
                    com.hankcs.hanlp.dictionary.CustomDictionary.insert(w, "nz 1000");
                }
            }
        } finally {
            LOCK.writeLock().unlock();
        }
    }

    /**
     * The words of {@code s} with HanLP's own place (ns) and organisation (nt) recognisers on: they join 金风科技,
     * 塔里木油田 and 河南省人民政府 into one word, but also glue a verb or a title to a name (省长王凯作政府), so callers
     * check what they take. Empty when the terms don't tile {@code s}.
     */
    static List<Token> nameTokens(String s) {
        return tiled(s, seg(s, true));
    }

    /** The words of {@code s}, or an empty list when HanLP's terms don't tile {@code s} exactly. */
    static List<Token> tokens(String s) {
        return tiled(s, seg(s, false));
    }

    private static List<Term> seg(String s, boolean names) {
        Segments ready = segments();
        LOCK.readLock().lock();
        try {
            return (names ? ready.names() : ready.words()).seg(s);
        } finally {
            LOCK.readLock().unlock();
        }
    }

    private static Segments segments() {
        Segments ready = segments;
        if (ready != null) return ready;
        LOCK.writeLock().lock();
        try {
            if (segments == null) {
                // number/quantifier recognition stays off: it is known to drop the start of some sentences
                Segment words = HanLP.newSegment().enableOffset(true).enableNameRecognize(true)
                        .enableNumberQuantifierRecognize(false);
                Segment names = HanLP.newSegment().enableOffset(true).enableNameRecognize(true)
                        .enablePlaceRecognize(true).enableOrganizationRecognize(true)
                        .enableNumberQuantifierRecognize(false);
                words.seg(WARM_UP);
                names.seg(WARM_UP);
                segments = new Segments(words, names);
            }
            return segments;
        } finally {
            LOCK.writeLock().unlock();
        }
    }

    // Lookups in a list of words as tiled() makes them: in text order, each starting where the one before ends, so
    // starts and ends never decrease and a binary search finds what a scan from the first word would.

    /** Index of the first word starting at or after {@code pos} ({@code tokens.size()} when none does). */
    static int firstStartingAtOrAfter(List<Token> tokens, int pos) {
        return figtrace.text.SortedLists.firstAtLeast(tokens, Token::start, pos);
    }

    /** Index of the first word ending at or after {@code pos} ({@code tokens.size()} when none does). */
    static int firstEndingAtOrAfter(List<Token> tokens, int pos) {
        return figtrace.text.SortedLists.firstAtLeast(tokens, Token::end, pos);
    }

    /** The first word ending at {@code end}, or null. */
    static Token tokenEndingAt(List<Token> tokens, int end) {
        int k = firstEndingAtOrAfter(tokens, end);
        return k < tokens.size() && tokens.get(k).end() == end ? tokens.get(k) : null;
    }

    /** True when a word ends at {@code end}. */
    static boolean endsAt(List<Token> tokens, int end) {
        return tokenEndingAt(tokens, end) != null;
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
