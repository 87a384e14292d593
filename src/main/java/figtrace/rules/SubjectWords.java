package figtrace.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The words around a subject (patterns/subject_words.tsv): what Subjects strips from the words before a figure so
 * that the noun phrase naming what is measured is left. See the file's header for each role.
 */
public record SubjectWords(List<String> leading, List<String> trailing, List<String> takingVerbs,
                           List<String> leadingVerbs, List<String> determiners, List<String> words,
                           List<String> flows, List<String> cutAfter, List<String> balances,
                           List<String> timeWords, List<String> baseTimeWords, List<String> comparisons,
                           List<String> levels, List<String> needsLevel, List<String> levelBreaks,
                           List<String> purposes, List<String> funds, List<String> nounEnds,
                           List<String> wholes) {
    private static final List<String> ROLES = List.of("leading", "trailing", "taking_verb", "leading_verb", "determiner", "word",
            "flow", "cut_after", "balance", "time_word", "base_time_word", "comparison", "level", "needs_level", "level_break",
            "purpose", "fund", "noun_end", "whole");

    public SubjectWords {
        leading = List.copyOf(leading);
        trailing = List.copyOf(trailing);
        takingVerbs = List.copyOf(takingVerbs);
        leadingVerbs = List.copyOf(leadingVerbs);
        determiners = List.copyOf(determiners);
        words = List.copyOf(words);
        flows = List.copyOf(flows);
        cutAfter = List.copyOf(cutAfter);
        balances = List.copyOf(balances);
        timeWords = List.copyOf(timeWords);
        baseTimeWords = List.copyOf(baseTimeWords);
        comparisons = List.copyOf(comparisons);
        levels = List.copyOf(levels);
        needsLevel = List.copyOf(needsLevel);
        levelBreaks = List.copyOf(levelBreaks);
        purposes = List.copyOf(purposes);
        funds = List.copyOf(funds);
        nounEnds = List.copyOf(nounEnds);
        wholes = List.copyOf(wholes);
    }

    static SubjectWords load(Path dir, Problems problems) {
        // PatternTable strips cells, so a word that is a space cannot be written; quotes and dashes can
        Map<String, List<String>> byRole = PatternTable.wordsByRole(dir, "subject_words.tsv", ROLES, problems);
        // longer trailing words first, so 同比增长 goes before 增长 and 比上年末 before 比上年
        byRole.get("trailing").sort(java.util.Comparator.comparingInt(String::length).reversed());
        byRole.get("determiner").sort(java.util.Comparator.comparingInt(String::length).reversed());
        byRole.get("purpose").sort(java.util.Comparator.comparingInt(String::length).reversed());
        return new SubjectWords(byRole.get("leading"), byRole.get("trailing"), byRole.get("taking_verb"),
                byRole.get("leading_verb"), byRole.get("determiner"), byRole.get("word"),
                byRole.get("flow"), byRole.get("cut_after"), byRole.get("balance"), byRole.get("time_word"),
                byRole.get("base_time_word"), byRole.get("comparison"), byRole.get("level"), byRole.get("needs_level"),
                byRole.get("level_break"), byRole.get("purpose"), byRole.get("fund"), byRole.get("noun_end"), byRole.get("whole"));
    }
}
