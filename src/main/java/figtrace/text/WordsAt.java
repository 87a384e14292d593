package figtrace.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "Which of these words starts at position i of a text?" without trying every word at every position: the words are
 * grouped by their first character, each group in the list's order, so {@link #at} tries only the words that can
 * match and returns the same word a scan of the whole list in order would (the first that matches). Stages ask this
 * at every character of every sentence against word lists of hundreds to thousands of entries (verbs, place names);
 * the full scans were among the largest CPU costs of a run.
 */
public final class WordsAt {

    private final Map<Character, List<String>> byFirst = new HashMap<>();
    /** The whole list, kept only when it holds an empty word (which matches everywhere): then every call scans it. */
    private final List<String> scan;

    /** @param words in the order they are tried (e.g. longest first) */
    public WordsAt(List<String> words) {
        this.scan = words.stream().anyMatch(String::isEmpty) ? List.copyOf(words) : null;
        for (String w : words) {
            if (!w.isEmpty()) byFirst.computeIfAbsent(w.charAt(0), c -> new ArrayList<>()).add(w);
        }
    }

    /** The first word of the list that {@code s} has at {@code i}, or null. */
    public String at(String s, int i) {
        if (scan != null) {
            for (String w : scan) if (s.startsWith(w, i)) return w;
            return null;
        }
        if (i < 0 || i >= s.length()) return null;
        List<String> candidates = byFirst.get(s.charAt(i));
        if (candidates != null) {
            for (String w : candidates) if (s.startsWith(w, i)) return w;
        }
        return null;
    }

    /** The words that {@code s} has at {@code i}, in the list's order (an empty word is never among them). */
    public List<String> allAt(String s, int i) {
        if (i < 0 || i >= s.length()) return List.of();
        List<String> candidates = byFirst.get(s.charAt(i));
        if (candidates == null) return List.of();
        // (an empty word in the list is left out here, as documented)
        List<String> found = new ArrayList<>(2);
        for (String w : candidates) if (s.startsWith(w, i)) found.add(w);
        return found;
    }
}
