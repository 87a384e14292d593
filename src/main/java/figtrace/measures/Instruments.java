package figtrace.measures;

import figtrace.model.Instrument;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Instrument of a measure: the first keyword row of patterns/measure_cues.tsv found in the clause, else other. A
 * clause acting on a named document (印发《…建设总体工作方案》) is about that document, so the document's title
 * decides, and a titled document with no keyword is a regulation.
 */
final class Instruments {

    private static final Pattern TITLE = Pattern.compile("《([^《》]+)》");

    private Instruments() {}

    static Instrument of(MeasureCues cues, String clause) {
        Matcher m = TITLE.matcher(clause);
        if (m.find()) {
            String title = m.group(1).replaceAll("[（(][^）)]*[）)]$", "");
            Instrument best = null;
            int bestAt = -1;
            for (var e : cues.instruments.entrySet()) {
                int i = title.lastIndexOf(e.getKey());
                if (i > bestAt) { bestAt = i; best = e.getValue(); }
            }
            return best != null ? best : Instrument.REGULATION;
        }
        for (var e : cues.instruments.entrySet()) if (clause.contains(e.getKey())) return e.getValue();
        return Instrument.OTHER;
    }
}
