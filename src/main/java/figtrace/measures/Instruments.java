package figtrace.measures;

/** Instrument of a measure: the first keyword row of patterns/measure_cues.tsv found in the clause, else other. */
final class Instruments {
    private Instruments() {}

    static String of(MeasureCues cues, String clause) {
        for (var e : cues.instruments.entrySet()) if (clause.contains(e.getKey())) return e.getValue();
        return "other";
    }
}
