package figtrace.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The score of one kind (figures, entities or measures) over some gold documents; numbers rounded to 3 places as
 * score.py prints them.
 *
 * @param fields field accuracies over matched figures; null for entities and measures, and when nothing matched
 * @param typeOk share of matched entities with the gold type; null for other kinds and when nothing matched
 * @param statusOk share of matched measures with the gold status (done, ongoing, planned, recommended); score.py does
 *                 not report it, so it is left out of {@link #toJson()} to keep that equal to score.py's output
 */
public record KindScore(String kind, int gold, int pred, int tp, double precision, double recall, double f1,
                        FigureFields fields, Double typeOk, Double statusOk) {

    /**
     * How well matched figures agree with gold, field by field. An accuracy is null when no matched gold record has
     * that field (score.py's None).
     */
    public record FigureFields(double valueOk, double unitOk, Double timeOk, Double regionOk, Double subjectOk,
                               double fullF1, List<String> missedExamples) {}

    /** The row exactly as score.py --json prints it (same keys, same order). */
    public Map<String, Object> toJson() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("gold", gold);
        row.put("pred", pred);
        row.put("tp", tp);
        row.put("P", precision);
        row.put("R", recall);
        row.put("F1", f1);
        if (fields != null) {
            row.put("value_ok", fields.valueOk());
            row.put("unit_ok", fields.unitOk());
            row.put("time_ok", fields.timeOk());
            row.put("region_ok", fields.regionOk());
            row.put("subject_ok", fields.subjectOk());
            row.put("full_F1", fields.fullF1());
            row.put("missed_examples", fields.missedExamples());
        }
        if (typeOk != null) row.put("type_ok", typeOk);
        return row;
    }
}
