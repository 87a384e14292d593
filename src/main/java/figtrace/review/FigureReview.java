package figtrace.review;

import figtrace.model.Figure;
import figtrace.store.FigureColumns;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The effective review of one figure, computed from its decisions — never stored, so it cannot drift from them.
 * The latest accept/reject/correct decides the status (notes do not change it); each field's latest correction is
 * its value. A correction stays applied when the figure is accepted later: accepting a corrected figure accepts the
 * corrected figure.
 */
public record FigureReview(ReviewStatus status, Map<String, String> corrections, List<String> notes) {

    /** Fields a reviewer may correct: the figure's meaning, not its provenance (id, doc, offsets, quote). */
    public static final Set<String> CORRECTABLE = Set.of("value", "unit", "measure_word", "kind", "qualifier", "time",
            "region", "subject", "indicator", "indicator_id", "change", "target");

    public static final FigureReview UNREVIEWED = new FigureReview(ReviewStatus.UNREVIEWED, Map.of(), List.of());

    public FigureReview {
        corrections = figtrace.model.OrderedMaps.copyOf(corrections);
        notes = List.copyOf(notes);
    }

    /** The review of a figure from its (non-orphaned) decisions, in any order. */
    public static FigureReview of(List<Decision> decisions) {
        List<Decision> ordered = new ArrayList<>(decisions);
        ordered.sort(Comparator.comparingLong(Decision::id));
        ReviewStatus status = ReviewStatus.UNREVIEWED;
        Map<String, String> corrections = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Decision d : ordered) {
            if (d.orphaned() || d.undone()) continue;
            switch (d.action()) {
                case ACCEPT -> status = ReviewStatus.ACCEPTED;
                case REJECT -> status = ReviewStatus.REJECTED;
                case CORRECT -> {
                    status = ReviewStatus.CORRECTED;
                    corrections.put(d.field(), d.newValue());
                }
                case NOTE -> { }
                case RESET -> {
                    status = ReviewStatus.UNREVIEWED;
                    corrections.clear();
                }
            }
            if (d.note() != null && !d.note().isBlank()) notes.add(d.note());
        }
        return new FigureReview(status, corrections, notes);
    }

    /**
     * The figure's output columns (names as in {@link FigureColumns}) with the corrections applied. An empty
     * correction clears the field.
     */
    public Map<String, Object> apply(Figure figure) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (FigureColumns.Column c : FigureColumns.ALL) row.put(c.name(), c.getter().apply(figure));
        corrections.forEach((field, value) -> row.put(field, typed(field, value)));
        return row;
    }

    /** Checks a submitted correction; returns null when it is fine, else what is wrong in words for the reviewer. */
    public static String problem(String field, String value) {
        if (field == null || !CORRECTABLE.contains(field)) {
            return "field '" + field + "' cannot be corrected; correctable fields: " + String.join(", ",
                    CORRECTABLE.stream().sorted().toList());
        }
        if (value == null || value.isEmpty()) return null;
        if (field.equals("value")) {
            try {
                new BigDecimal(value.strip());
            } catch (NumberFormatException e) {
                return "value '" + value + "' is not a plain number (write it in the base unit, e.g. 661693000000)";
            }
        }
        if (field.equals("target") && !value.equals("true") && !value.equals("false")) {
            return "target must be true or false, not '" + value + "'";
        }
        return null;
    }

    private static Object typed(String field, String value) {
        if (value == null || value.isEmpty()) return null;
        return switch (field) {
            case "value" -> new BigDecimal(value.strip());
            case "target" -> Boolean.parseBoolean(value);
            default -> value;
        };
    }
}
