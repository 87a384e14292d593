package figtrace.tables;

import figtrace.rules.Rules;

import java.util.List;
import java.util.Map;

/**
 * The header words of patterns/table_words.tsv by role (label, code, row_number, unit, change, share, index, plain,
 * subtotal, no_table_unit), as {@link figtrace.rules.RulesStage} loaded them; see the file's header for each role.
 */
final class TableWords {
    private final Map<String, List<String>> byRole;
    /** Each role's words without their spaces, squeezed once: the stage asks about every header cell. */
    private final Map<String, List<String>> squeezed = new java.util.HashMap<>();

    TableWords(Rules rules) {
        this.byRole = rules.tableWords();
        byRole.forEach((role, ws) -> squeezed.put(role, ws.stream().map(TableWords::squeeze).toList()));
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
        for (String w : squeezed.getOrDefault(role, List.of())) if (w.equals(t)) return true;
        return false;
    }

    /** True when the text holds one of the role's words. */
    boolean has(String role, String text) {
        String t = squeeze(text);
        for (String w : squeezed.getOrDefault(role, List.of())) if (t.contains(w)) return true;
        return false;
    }

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("[\\s\u3000]+");

    static String squeeze(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u3000' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B') {
                return SPACES.matcher(s).replaceAll("");
            }
        }
        return s;
    }
}
