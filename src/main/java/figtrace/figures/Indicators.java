package figtrace.figures;

import figtrace.rules.Rules;

import java.util.Map;

/**
 * Maps a subject as written to a canonical indicator from indicators.tsv: the longest alias it contains wins. Two
 * aliases of the same length are decided by where they stand, never by the order of a hash map (which changes from
 * one JVM to the next): when they overlap, the one that starts first is the whole word and the other a fragment of it
 * (进出口额: 进出口, not 出口额); when they do not, the later one is the head noun, since a Chinese modifier comes first
 * (常住人口城镇化率: 城镇化率, not 常住人口).
 */
final class Indicators {
    private Indicators() {}

    static String canonical(Rules rules, String subject) {
        if (subject == null) return null;
        String best = null, bestAlias = "";
        int bestAt = -1;
        for (Map.Entry<String, String> e : rules.indicatorAliases().entrySet()) {
            String alias = e.getKey();
            int at = subject.indexOf(alias);
            if (at < 0 || alias.length() < bestAlias.length()) continue;
            if (alias.length() == bestAlias.length() && !beats(alias, at, bestAlias, bestAt)) continue;
            best = e.getValue();
            bestAlias = alias;
            bestAt = at;
        }
        return best;
    }

    /** Whether alias {@code a} at {@code aAt} wins over the same-length alias {@code b} at {@code bAt}. */
    private static boolean beats(String a, int aAt, String b, int bAt) {
        if (aAt == bAt) return a.compareTo(b) < 0;
        boolean overlap = aAt < bAt + b.length() && bAt < aAt + a.length();
        return overlap ? aAt < bAt : aAt > bAt;
    }
}
