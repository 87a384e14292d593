package figtrace.web;

import figtrace.model.Figure;
import figtrace.review.Decision;
import figtrace.review.FigureReview;
import figtrace.review.ReviewedFigure;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the review API's answers about figures, their reviews and decisions. */
final class ApiJson {
    private ApiJson() {}

    static Map<String, Object> row(ReviewedFigure r) {
        Figure f = r.figure();
        Map<String, Object> row = new LinkedHashMap<>();
        r.review().apply(f).forEach((k, v) -> row.put(k, v instanceof BigDecimal d ? d.toPlainString() : v));
        // the span relative to the quote, for highlighting the figure inside it
        row.put("span_in_quote", List.of(f.spanStart() - f.charStart(), f.spanEnd() - f.charStart()));
        row.put("original", Map.of("value", f.value() == null ? "" : f.value().toPlainString()));
        row.putAll(review(r.review()));
        return row;
    }

    static Map<String, Object> review(FigureReview review) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", review.status().code());
        m.put("corrections", review.corrections());
        m.put("notes", review.notes());
        return m;
    }

    static Map<String, Object> decision(Decision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("figure_id", d.figureId());
        m.put("doc", d.doc());
        m.put("raw", d.raw());
        m.put("quote", d.quote());
        m.put("action", d.action().code());
        m.put("field", d.field());
        m.put("new_value", d.newValue());
        m.put("note", d.note());
        m.put("created_at", d.createdAt());
        m.put("batch", d.batch());
        m.put("undone", d.undone());
        m.put("orphaned", d.orphaned());
        return m;
    }
}
