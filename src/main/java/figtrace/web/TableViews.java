package figtrace.web;

import com.fasterxml.jackson.databind.JsonNode;
import figtrace.review.FigureKey;
import figtrace.review.FigureReview;
import figtrace.review.ReviewException;
import figtrace.review.ReviewStore;
import figtrace.review.TableCells;
import figtrace.review.TableDecision;
import figtrace.review.UnitScale;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The table view's API: a document's rebuilt tables, one table as printed with each figure cell's review status, and
 * the correction of a column's or row's meaning made once for every cell under it ({@link TableDecision}).
 */
final class TableViews {

    private final TableCells cells;
    private final ReviewStore reviews;
    private final Supplier<UnitScale> units;
    private UnitScale unitScale;

    TableViews(TableCells cells, ReviewStore reviews, Supplier<UnitScale> units) {
        this.cells = cells;
        this.reviews = reviews;
        this.units = units;
    }

    /** {@code /api/tables?doc=…}: the tables of a document (of all when no doc), in document order. */
    Map<String, Object> tables(String doc) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (TableCells.TableInfo t : cells.tables(doc)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("doc", t.doc());
            m.put("seq", t.seq());
            m.put("pages", t.pages());
            m.put("caption", t.caption());
            m.put("unit", t.unit());
            m.put("side", t.side());
            m.put("rows", t.rows());
            m.put("columns", t.columns());
            m.put("figures", t.figures());
            list.add(m);
        }
        return Map.of("tables", list);
    }

    /**
     * {@code /api/table?doc=…&id=…}: the table's stored model (caption, unit, header rows, columns with their
     * meaning, rows with labels and hierarchy, cells), each figure cell's review status and corrections, and the
     * column and row corrections made on it.
     */
    Map<String, Object> table(String doc, String id) throws IOException {
        String json = cells.model(doc, id);
        if (json == null) throw new Http.NotFound("no table " + id + " in " + doc);
        JsonNode model = Http.JSON.readTree(json);
        List<FigureKey> keys = new ArrayList<>();
        for (JsonNode cell : model.path("cells")) {
            if (cell.hasNonNull("figureId")) keys.add(new FigureKey(doc, cell.get("figureId").asText()));
        }
        Map<String, Object> reviewsByFigure = new LinkedHashMap<>();
        reviews.decisions(keys).forEach((key, decisions) -> {
            FigureReview r = FigureReview.of(decisions);
            reviewsByFigure.put(key.id(), Map.of("status", r.status().code(), "corrections", r.corrections()));
        });
        List<Map<String, Object>> decisions = new ArrayList<>();
        for (TableDecision d : reviews.tableDecisions(false)) {
            if (!d.doc().equals(doc) || !(d.tableId().equals(id) || sameCaption(d, model))) continue;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", d.id());
            m.put("axis", d.axis());
            m.put("header", d.header());
            m.put("field", d.field());
            m.put("new_value", d.newValue());
            m.put("created_at", d.createdAt());
            decisions.add(m);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("table", model);
        answer.put("reviews", reviewsByFigure);
        answer.put("decisions", decisions);
        return answer;
    }

    private static boolean sameCaption(TableDecision d, JsonNode model) {
        JsonNode caption = model.get("caption");
        String c = caption == null || caption.isNull() ? null : caption.asText();
        return java.util.Objects.equals(c, d.caption());
    }

    /**
     * Corrects what a column or row means for every cell under it. The body names the table, the axis, the header as
     * printed, the field and value, and the number of cells the reviewer was shown; when the header now covers
     * another number, nothing is recorded.
     */
    Map<String, Object> correct(JsonNode body) {
        String doc = required(body, "doc"), table = required(body, "table"), axis = required(body, "axis");
        String header = required(body, "header"), field = required(body, "field");
        String value = body.hasNonNull("value") ? body.get("value").asText().strip() : "";
        String json = cells.model(doc, table);
        if (json == null) throw new Http.NotFound("no table " + table + " in " + doc + ": reload the page");
        String caption;
        try {
            JsonNode c = Http.JSON.readTree(json).get("caption");
            caption = c == null || c.isNull() ? null : c.asText();
        } catch (IOException e) {
            throw new ReviewException("cannot read table " + table + ": " + e.getMessage(), e);
        }
        TableDecision draft = new TableDecision(0, doc, table, caption, axis, header, field, value, null, false);
        if (field.equals("unit") && unitScale == null) unitScale = units.get();
        Map<FigureKey, Map<String, String>> corrections = TableCells.corrections(draft, cells.under(draft), unitScale);
        if (body.hasNonNull("expected") && body.get("expected").asInt() != corrections.size()) {
            throw new Http.BadRequest(axis + " '" + header + "' now covers " + corrections.size() + " figure(s), not "
                    + body.get("expected").asInt() + ": reload the page and try again");
        }
        TableDecision d = reviews.recordTableDecision(doc, table, caption, axis, header, field, value, corrections);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", d.id());
        answer.put("batch", d.batch());
        answer.put("count", corrections.size());
        return answer;
    }

    private static String required(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull() || node.asText().isEmpty()) {
            throw new Http.BadRequest("the table correction needs '" + field + "'");
        }
        return node.asText();
    }
}
