package figtrace.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import figtrace.cite.Citations;
import figtrace.model.Figure;
import figtrace.review.Action;
import figtrace.review.Decision;
import figtrace.review.DocumentInfo;
import figtrace.review.FigureKey;
import figtrace.review.FigurePage;
import figtrace.review.FigureTable;
import figtrace.review.ReviewStore;
import figtrace.review.ReviewedExport;
import figtrace.review.ReviewedFigure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static figtrace.web.ApiParams.body;
import static figtrace.web.ApiParams.filter;
import static figtrace.web.ApiParams.integer;
import static figtrace.web.ApiParams.page;
import static figtrace.web.ApiParams.required;
import static figtrace.web.ApiParams.requiredParam;
import static figtrace.web.ApiParams.text;

/** The review page's JSON API and downloads. Every answer about a figure carries its review computed fresh; the
 * documents' text, page images and files are {@link SourceApi}'s, reading a request {@link ApiParams}'. */
final class ReviewApi {

    /** Largest decision body accepted; a note is a few sentences. */
    static final int MAX_BODY = 64 * 1024;

    private final ReviewStore reviews;
    private final FigureTable table;
    private final RecordViews records;
    private final PanelView panel;
    private final TableViews tables;
    private final Path dbFile;
    private final SourceApi sources;

    ReviewApi(ReviewStore reviews, FigureTable table, CorpusFiles corpus, RecordViews records, PanelView panel,
              TableViews tables, Path dbFile) {
        this.dbFile = dbFile;
        this.reviews = reviews;
        this.table = table;
        this.records = records;
        this.panel = panel;
        this.tables = tables;
        this.sources = new SourceApi(table, corpus, records);
    }

    void get(HttpExchange exchange, String path) throws IOException {
        Map<String, String> q = Http.query(exchange);
        switch (path) {
            case "/api/facets" -> Http.json(exchange, 200, table.facets(q.get("doc")));
            case "/api/figures" -> Http.json(exchange, 200, figures(q));
            case "/api/figure" -> Http.json(exchange, 200, figure(q));
            case "/api/source" -> Http.json(exchange, 200, sources.source(q));
            case "/api/entities" -> Http.json(exchange, 200, records.entities(q.get("doc"), q.get("type"), q.get("q"),
                    page(q), integer(q, "size", 50)));
            case "/api/entity" -> {
                String id = requiredParam(q, "id");
                Http.json(exchange, 200, records.entity(id).orElseThrow(() -> new Http.NotFound("no entity " + id)));
            }
            case "/api/measures" -> Http.json(exchange, 200, records.measures(q.get("doc"), q.get("status"),
                    q.get("instrument"), q.get("q"), page(q), integer(q, "size", 50)));
            case "/api/cite" -> Http.json(exchange, 200, cite(q));
            case "/api/orphans" -> Http.json(exchange, 200, reviews.orphaned().stream().map(ApiJson::decision).toList());
            case "/api/panel" -> Http.json(exchange, 200, panel.rows(q));
            case "/api/panel/cell" -> Http.json(exchange, 200, panel.cell(q));
            case "/api/panel/cite" -> Http.json(exchange, 200, panel.cite(q));
            case "/api/chart/time" -> Http.json(exchange, 200, panel.chart(q, "period"));
            case "/api/chart/regions" -> Http.json(exchange, 200, panel.chart(q, "region"));
            case "/api/page.png" -> sources.pageImage(exchange, q);
            case "/api/page/box" -> Http.json(exchange, 200, sources.pageBox(q));
            case "/api/tables" -> Http.json(exchange, 200, tables.tables(q.get("doc")));
            case "/api/table" -> Http.json(exchange, 200, tables.table(requiredParam(q, "doc"), requiredParam(q, "id")));
            case "/api/export.csv" -> export(exchange, q, false);
            case "/api/export.xlsx" -> export(exchange, q, true);
            default -> throw new Http.NotFound("no such API: " + path);
        }
    }

    void post(HttpExchange exchange, String path, byte[] bytes) throws IOException {
        if (path.equals("/api/decisions/bulk")) { bulk(exchange, body(exchange, bytes)); return; }
        if (path.equals("/api/decisions/undo")) { undo(exchange, body(exchange, bytes)); return; }
        if (path.equals("/api/tables/correct")) {
            Map<String, Object> answer = tables.correct(body(exchange, bytes));
            panel.invalidate();
            Http.json(exchange, 200, answer);
            return;
        }
        if (!path.equals("/api/decisions")) throw new Http.NotFound("no such API: " + path);
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        // JSON only: a cross-site form cannot send it without a CORS preflight, which this server never grants.
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            throw new Http.BadRequest("send the decision as application/json");
        }
        JsonNode body;
        try {
            if (bytes.length > MAX_BODY) throw new Http.BadRequest("decision larger than " + MAX_BODY + " bytes");
            body = Http.JSON.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Http.BadRequest("the decision is not valid JSON: " + e.getOriginalMessage());
        }
        FigureKey key = new FigureKey(required(body, "doc"), required(body, "id"));
        Action action = Action.fromCode(required(body, "action"));
        Decision d = reviews.record(key, action, text(body, "field"), text(body, "value"), text(body, "note"));
        panel.invalidate();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("decision", ApiJson.decision(d));
        answer.put("review", ApiJson.review(reviews.review(key)));
        Http.json(exchange, 200, answer);
    }


    /**
     * Accepts, rejects or resets every figure a filter matches, as one batch. The page sends the count it showed the
     * reviewer in its confirmation; when the filter now matches another number (someone re-ran figtrace), nothing is
     * recorded and the reviewer is asked to look again.
     */
    private void bulk(HttpExchange exchange, JsonNode body) throws IOException {
        Action action = Action.fromCode(required(body, "action"));
        JsonNode f = body.get("filter");
        Map<String, String> q = new LinkedHashMap<>();
        if (f != null && f.isObject()) f.fields().forEachRemaining(e -> q.put(e.getKey(), e.getValue().asText()));
        List<FigureKey> keys = table.all(filter(q), null).stream().map(ReviewedFigure::key).toList();
        if (!body.hasNonNull("expected") || body.get("expected").asInt() != keys.size()) {
            throw new Http.BadRequest("the filter now matches " + keys.size() + " figure(s), not "
                    + (body.hasNonNull("expected") ? body.get("expected").asInt() : "the number you confirmed")
                    + ": reload the page and confirm again");
        }
        if (keys.isEmpty()) throw new Http.BadRequest("the filter matches no figure");
        String batch = reviews.recordAll(keys, action, text(body, "note"));
        panel.invalidate();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("batch", batch);
        answer.put("count", keys.size());
        answer.put("action", action.code());
        Http.json(exchange, 200, answer);
    }

    /** Undoes the last decision, or the last bulk action as a whole. */
    private void undo(HttpExchange exchange, JsonNode body) throws IOException {
        ReviewStore.Undo undo = reviews.undoLast();
        panel.invalidate();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("decisions", undo.decisions());
        answer.put("figures", undo.figures());
        answer.put("bulk", undo.bulk());
        Http.json(exchange, 200, answer);
    }

    private Map<String, Object> figures(Map<String, String> q) {
        String sort = q.get("sort");
        if (!FigureTable.validSort(sort)) throw new Http.BadRequest("unknown sort '" + sort + "'");
        FigurePage page = table.page(filter(q), sort, integer(q, "page", 0), integer(q, "size", 50));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("total", page.total());
        answer.put("page", page.page());
        answer.put("size", page.size());
        answer.put("rows", page.rows().stream().map(ApiJson::row).toList());
        return answer;
    }

    private Map<String, Object> figure(Map<String, String> q) {
        FigureKey key = new FigureKey(requiredParam(q, "doc"), requiredParam(q, "id"));
        Figure f = table.figure(key).orElseThrow(() -> new Http.NotFound("no figure " + key.id() + " in "
                + key.doc()));
        Map<String, Object> answer = ApiJson.row(new ReviewedFigure(f, reviews.review(key)));
        answer.put("decisions", reviews.decisions(key).stream().map(ApiJson::decision).toList());
        return answer;
    }

    private Map<String, Object> cite(Map<String, String> q) {
        String id = requiredParam(q, "id");
        String doc = q.get("doc");
        List<Figure> figures = table.figuresWithId(id).stream()
                .filter(f -> doc == null || doc.isEmpty() || f.doc().equals(doc)).toList();
        if (figures.isEmpty()) throw new Http.NotFound("no figure " + id);
        Figure f = figures.get(0);
        DocumentInfo info = table.document(f.doc()).orElseThrow(() -> new Http.NotFound("no document " + f.doc()));
        return Map.of("id", id, "doc", f.doc(), "citation", Citations.cite(info, f));
    }

    private void export(HttpExchange exchange, Map<String, String> q, boolean xlsx) throws IOException {
        String sort = q.get("sort");
        if (!FigureTable.validSort(sort)) throw new Http.BadRequest("unknown sort '" + sort + "'");
        List<ReviewedFigure> rows = table.all(filter(q), sort);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (xlsx) {
            // as figtrace export: the figures, the panel and its checks, then each rebuilt table on its own sheet
            List<figtrace.model.Table> rebuilt;
            try {
                rebuilt = figtrace.tables.TableSheets.load(dbFile, q.get("doc"));
            } catch (java.sql.SQLException e) {
                throw new Http.BadRequest("cannot read the tables: " + e.getMessage());
            }
            ReviewedExport.writeXlsx(rows, panel.sheets(), rebuilt, out);
        }
        else ReviewedExport.writeCsv(rows, out);
        String name = xlsx ? "figures-reviewed.xlsx" : "figures-reviewed.csv";
        exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + name + "\"");
        Http.send(exchange, 200, xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : "text/csv; charset=utf-8", out.toByteArray());
    }

    /** The original file of a document, as a download: never rendered in our origin, so it cannot run script. */
    void corpusFile(HttpExchange exchange, String rawName) throws IOException {
        sources.corpusFile(exchange, rawName);
    }
}
