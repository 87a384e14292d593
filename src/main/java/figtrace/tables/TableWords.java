package figtrace.tables;

import figtrace.rules.Rules;

import java.util.List;
import java.util.Map;

/**
 * The header words of patterns/table_words.tsv by role (label, code, unit, change, share, index, plain,
 * subtotal, no_table_unit), as {@link figtrace.rules.RulesStage} loaded them; see the file's header for each role.
 */
final class TableWords {
    private final Map<String, List<String>> byRole;

    TableWords(Rules rules) {
        this.byRole = rules.tableWords();
    }

    List<String> of(String role) { return byRole.getOrDefault(role, List.of()); }

    /**
     * The role's words as a regex alternation, longest first so that a word is never cut short by a shorter one it
     * starts with (比上年增长 before 增长); the words are taken literally.
     */
    String alternation(String role) {
        return figtrace.rules.PatternTable.alternation(of(role));
    }

    /** True when the text, without spaces, equals one of the role's words. */
    boolean is(String role, String text) {
        String t = squeeze(text);
        for (String w : of(role)) if (squeeze(w).equals(t)) return true;
        return false;
    }

    /** True when the text holds one of the role's words. */
    boolean has(String role, String text) {
        String t = squeeze(text);
        for (String w : of(role)) if (t.contains(squeeze(w))) return true;
        return false;
    }

    static String squeeze(String s) { return s.replaceAll("[\\s\u3000]+", ""); }
}
