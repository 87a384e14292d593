package figtrace.figures;

import figtrace.rules.Rules;

import java.util.Map;

/** Maps a subject as written to a canonical indicator from indicators.tsv: the longest alias it contains wins. */
final class Indicators {
    private Indicators() {}

    static String canonical(Rules rules, String subject) {
        if (subject == null) return null;
        String best = null, bestAlias = "";
        for (Map.Entry<String, String> e : rules.indicatorAliases().entrySet()) {
            if (e.getKey().length() > bestAlias.length() && subject.contains(e.getKey())) {
                best = e.getValue();
                bestAlias = e.getKey();
            }
        }
        return best;
    }
}
