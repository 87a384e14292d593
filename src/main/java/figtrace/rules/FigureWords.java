package figtrace.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The small word lists of patterns/figure_words.tsv that the figure reader uses around a number or a place name:
 * yardsticks (高于全国, 全国平均), the whole of a share (占全国), trading partners (对东盟出口), the words that make 一 a
 * count (仅有一家), the distributive 分别, the words of an unnumbered section title (关于2026年…预算的说明), the
 * words of a budget completion rate (完成预算的) and the words joining listed places, times and figures (、 和 及).
 * See the file's header for each role.
 */
public record FigureWords(List<String> yardstickBefore, List<String> yardstickAfter, List<String> shareWords,
                          List<String> shareWholes, List<String> tradePartnerBefore, List<String> tradeWords,
                          List<String> tradeVerbs, List<String> only, List<String> distributive,
                          List<String> sectionTitleOpening, List<String> sectionTitleEnding,
                          List<String> completionVerbs, List<String> budgetWords, List<String> completionSubject,
                          List<String> completionRate, List<String> listJoiners, List<String> figureJoiners,
                          List<String> notTimes) {
    private static final String FILE = "figure_words.tsv";
    private static final List<String> ROLES = List.of("yardstick_before", "yardstick_after", "share_word",
            "share_whole", "trade_partner_before", "trade_word", "trade_verb", "only", "distributive",
            "section_title_opening", "section_title_ending",
            "completion_verb", "budget_word", "completion_subject", "completion_rate", "list_joiner", "figure_joiner",
            "not_time");

    public FigureWords {
        yardstickBefore = List.copyOf(yardstickBefore);
        yardstickAfter = List.copyOf(yardstickAfter);
        shareWords = List.copyOf(shareWords);
        shareWholes = List.copyOf(shareWholes);
        tradePartnerBefore = List.copyOf(tradePartnerBefore);
        tradeWords = List.copyOf(tradeWords);
        tradeVerbs = List.copyOf(tradeVerbs);
        only = List.copyOf(only);
        distributive = List.copyOf(distributive);
        sectionTitleOpening = List.copyOf(sectionTitleOpening);
        sectionTitleEnding = List.copyOf(sectionTitleEnding);
        completionVerbs = List.copyOf(completionVerbs);
        budgetWords = List.copyOf(budgetWords);
        completionSubject = List.copyOf(completionSubject);
        completionRate = List.copyOf(completionRate);
        listJoiners = List.copyOf(listJoiners);
        figureJoiners = List.copyOf(figureJoiners);
        notTimes = List.copyOf(notTimes);
    }

    static FigureWords load(Path dir, Problems problems) {
        Map<String, List<String>> byRole = PatternTable.wordsByRole(dir, FILE, ROLES, problems);
        return new FigureWords(byRole.get("yardstick_before"), byRole.get("yardstick_after"), byRole.get("share_word"),
                byRole.get("share_whole"), byRole.get("trade_partner_before"), byRole.get("trade_word"),
                byRole.get("trade_verb"), byRole.get("only"), byRole.get("distributive"),
                byRole.get("section_title_opening"), byRole.get("section_title_ending"), byRole.get("completion_verb"),
                byRole.get("budget_word"), byRole.get("completion_subject"), byRole.get("completion_rate"),
                byRole.get("list_joiner"), byRole.get("figure_joiner"), byRole.get("not_time"));
    }

    /** Whether {@code text} ends with one of {@code words}. */
    public static boolean endsWithAny(String text, List<String> words) {
        for (String w : words) if (text.endsWith(w)) return true;
        return false;
    }

    /** Whether {@code text} starts with one of {@code words}. */
    public static boolean startsWithAny(String text, List<String> words) {
        for (String w : words) if (text.startsWith(w)) return true;
        return false;
    }

    /** The length of the longest of {@code words} (0 for none): how far back a word ending at a position can start. */
    public static int longest(List<String> words) {
        return words.stream().mapToInt(String::length).max().orElse(0);
    }
}
