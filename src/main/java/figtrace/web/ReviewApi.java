package figtrace.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import figtrace.cite.Citations;
import figtrace.model.Figure;
import figtrace.review.Action;
import figtrace.review.Decision;
import figtrace.review.DocumentInfo;
import figtrace.review.FigureFilter;
import figtrace.review.FigureKey;
import figtrace.review.FigurePage;
import figtrace.review.FigureReview;
import figtrace.review.FigureTable;
import figtrace.review.ReviewStatus;
import figtrace.review.ReviewStore;
import figtrace.review.ReviewedExport;
import figtrace.review.ReviewedFigure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The review page's JSON API and downloads. Every answer about a figure carries its review computed fresh. */
final class ReviewApi {

    /** Largest decision body accepted; a note is a few sentences. */
    static final int MAX_BODY = 64 * 1024;

    private final ReviewStore reviews;
    private final FigureTable table;
    private final CorpusFiles corpus;
    private final RecordViews records;
    private final PanelView panel;
    private final TableViews tables;
    private final Path dbFile;

    ReviewApi(ReviewStore reviews, FigureTable table, CorpusFiles corpus, RecordViews records, PanelView panel,
              TableViews tables, Path dbFile) {
        this.dbFile = dbFile;
        this.reviews = reviews;
        this.table = table;
        this.corpus = corpus;
        this.records = records;
        this.panel = panel;
        this.tables = tables;
    }

    void get(HttpExchange exchange, String path) throws IOException {
        Map<String, String> q = Http.query(exchange);
        switch (path) {
            case "/api/facets" -> Http.json(exchange, 200, table.facets(q.get("doc")));
            case "/api/figures" -> Http.json(exchange, 200, figures(q));
            case "/api/figure" -> Http.json(exchange, 200, figure(q));
            case "/api/source" -> Http.json(exchange, 200, source(q));
            case "/api/entities" -> Http.json(exchange, 200, records.entities(q.get("doc"), q.get("type"), q.get("q"),
                    page(q), integer(q, "size", 50)));
            case "/api/entity" -> {
                String id = requiredParam(q, "id");
                Http.json(exchange, 200, records.entity(id).orElseThrow(() -> new Http.NotFound("no entity " + id)));
            }
            case "/api/measures" -> Http.json(exchange, 200, records.measures(q.get("doc"), q.get("status"),
                    q.get("instrument"), q.get("q"), page(q), integer(q, "size", 50)));
            case "/api/cite" -> Http.json(exchange, 200, cite(q));
            case "/api/orphans" -> Http.json(exchange, 200, reviews.orphaned().stream().map(ReviewApi::decision).toList());
            case "/api/panel" -> Http.json(exchange, 200, panel.rows(q));
            case "/api/panel/cell" -> Http.json(exchange, 200, panel.cell(q));
            case "/api/panel/cite" -> Http.json(exchange, 200, panel.cite(q));
            case "/api/chart/time" -> Http.json(exchange, 200, panel.chart(q, "period"));
            case "/api/chart/regions" -> Http.json(exchange, 200, panel.chart(q, "region"));
            case "/api/page.png" -> pageImage(exchange, q);
            case "/api/page/box" -> Http.json(exchange, 200, pageBox(q));
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
        answer.put("decision", decision(d));
        answer.put("review", review(reviews.review(key)));
        Http.json(exchange, 200, answer);
    }

    /** A JSON request body, checked as the single-decision endpoint checks it. */
    private static JsonNode body(HttpExchange exchange, byte[] bytes) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            throw new Http.BadRequest("send the request as application/json");
        }
        try {
            if (bytes.length > MAX_BODY) throw new Http.BadRequest("request larger than " + MAX_BODY + " bytes");
            return Http.JSON.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Http.BadRequest("the request is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Http.BadRequest("the request cannot be read: " + e.getMessage());
        }
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
        answer.put("rows", page.rows().stream().map(ReviewApi::row).toList());
        return answer;
    }

    private Map<String, Object> figure(Map<String, String> q) {
        FigureKey key = new FigureKey(requiredParam(q, "doc"), requiredParam(q, "id"));
        Figure f = table.figure(key).orElseThrow(() -> new Http.NotFound("no figure " + key.id() + " in "
                + key.doc()));
        Map<String, Object> answer = row(new ReviewedFigure(f, reviews.review(key)));
        answer.put("decisions", reviews.decisions(key).stream().map(ReviewApi::decision).toList());
        return answer;
    }

    private Map<String, Object> source(Map<String, String> q) {
        String doc = requiredParam(q, "doc");
        DocumentInfo info = table.document(doc).orElseThrow(() -> new Http.NotFound("no document " + doc));
        String text = table.text(doc).orElseThrow(() -> new Http.NotFound("no text stored for " + doc));
        int line = integer(q, "line", 1);
        SourceView view;
        if (info.paged()) {
            int page = integer(q, "page", 1);
            // The stored lines give the page exactly; databases written before them fall back to the figures.
            int[] span = records.pageSpan(doc, page);
            view = span != null ? SourceView.page(text, span, page, line)
                    : SourceView.paged(text, table.figuresOf(doc), page, line);
            if (view == null) throw new Http.NotFound("page " + page + " of " + doc + " holds no figure to locate it");
        } else {
            view = SourceView.unpaged(text, line);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("doc", doc);
        answer.put("type", info.type());
        answer.put("page", view.page());
        answer.put("first", view.first());
        answer.put("line", view.line());
        answer.put("lines", view.lines());
        answer.put("pageEndKnown", view.pageEndKnown());
        answer.put("reference", Citations.reference(info));
        // Where the figure itself sits in the cited line (columns), so the page can mark it, not only its line.
        int spanStart = integer(q, "span_start", -1), spanEnd = integer(q, "span_end", -1);
        if (spanStart >= 0 && spanEnd > spanStart && spanEnd <= text.length()) {
            int lineStart = text.lastIndexOf('\n', spanStart - 1) + 1;
            int lineEnd = text.indexOf('\n', spanStart);
            if (lineEnd < 0) lineEnd = text.length();
            answer.put("mark", List.of(spanStart - lineStart, Math.min(spanEnd, lineEnd) - lineStart));
        }
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

    private final PageImages pageImages = new PageImages();

    /** A PDF page of a corpus document as a PNG image ({@code /api/page.png?doc=…&page=N}). */
    private void pageImage(HttpExchange exchange, Map<String, String> q) throws IOException {
        String name = requiredParam(q, "doc");
        if (CorpusFiles.problem(name) != null) throw new Http.BadRequest("bad document name: " + CorpusFiles.problem(name));
        DocumentInfo info = table.document(name).orElseThrow(() -> new Http.NotFound("no document " + name));
        if (!info.paged()) throw new Http.BadRequest(name + " is not a PDF: it has no page images");
        Path file = corpus.resolve(name, Set.of(name)).orElseThrow(() -> new Http.NotFound("no document " + name
                + " in the corpus folder"));
        byte[] png;
        try {
            png = pageImages.png(file, integer(q, "page", 1));
        } catch (IOException e) {
            throw new Http.BadRequest("cannot render " + name + ": " + e.getMessage());
        }
        Http.send(exchange, 200, "image/png", png);
    }

    private final PageBoxes pageBoxes = new PageBoxes();

    /**
     * Where a figure stands on its page image ({@code /api/page/box?doc=…&id=…}): {@code boxes}, one [x0, y0, x1, y1]
     * per printed line of the figure in points from the page's top-left corner (empty when it cannot be placed), and
     * {@code box}, the first of them or null; {@code width}/{@code height} of the
     * page in points, so the page can scale the box to the image; {@code how}: ocr, line, text or none.
     */
    private Map<String, Object> pageBox(Map<String, String> q) {
        FigureKey key = new FigureKey(requiredParam(q, "doc"), requiredParam(q, "id"));
        if (CorpusFiles.problem(key.doc()) != null) {
            throw new Http.BadRequest("bad document name: " + CorpusFiles.problem(key.doc()));
        }
        Figure f = table.figure(key).orElseThrow(() -> new Http.NotFound("no figure " + key.id() + " in " + key.doc()));
        if (f.page() == null) throw new Http.BadRequest(key.doc() + " is not a PDF: its figures have no page box");
        String text = table.text(key.doc()).orElseThrow(() -> new Http.NotFound("no text stored for " + key.doc()));
        Path file = corpus.resolve(key.doc(), Set.of(key.doc())).orElseThrow(() -> new Http.NotFound("no document "
                + key.doc() + " in the corpus folder"));
        PageBoxes.Placement p;
        try {
            p = pageBoxes.place(file, f, text);
        } catch (IOException e) {
            throw new Http.BadRequest("cannot read " + key.doc() + ": " + e.getMessage());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("page", f.page());
        answer.put("width", p.width());
        answer.put("height", p.height());
        answer.put("box", p.box() == null ? null : p.box().list());
        answer.put("boxes", p.boxes().stream().map(PageBoxes.Box::list).toList());
        answer.put("how", p.how());
        return answer;
    }

    /** The original file of a document, as a download: never rendered in our origin, so it cannot run script. */
    void corpusFile(HttpExchange exchange, String rawName) throws IOException {
        String name = CorpusFiles.decode(rawName);
        if (name == null || CorpusFiles.problem(name) != null) {
            throw new Http.BadRequest("bad document name: " + (name == null ? "broken percent-encoding"
                    : CorpusFiles.problem(name)));
        }
        Set<String> known = table.document(name).isPresent() ? Set.of(name) : Set.of();
        Path file = corpus.resolve(name, known).orElseThrow(() -> new Http.NotFound("no document " + name
                + " in the corpus folder"));
        exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8).replace("+", "%20"));
        Http.send(exchange, 200, "application/octet-stream", Files.readAllBytes(file));
    }

    private static FigureFilter filter(Map<String, String> q) {
        String status = q.get("status");
        return new FigureFilter(q.get("doc"), q.get("region"), q.get("subject"), q.get("time"), q.get("kind"),
                q.get("indicator"), status == null || status.isEmpty() ? null : ReviewStatus.fromCode(status),
                q.get("q"), q.get("table"), optionalInteger(q, "column"), optionalInteger(q, "row"));
    }

    private static Map<String, Object> row(ReviewedFigure r) {
        Figure f = r.figure();
        Map<String, Object> row = new LinkedHashMap<>();
        r.review().apply(f).forEach((k, v) -> row.put(k, v instanceof BigDecimal d ? d.toPlainString() : v));
        // the span relative to the quote, for highlighting the figure inside it
        row.put("span_in_quote", List.of(f.spanStart() - f.charStart(), f.spanEnd() - f.charStart()));
        row.put("original", Map.of("value", f.value() == null ? "" : f.value().toPlainString()));
        row.putAll(review(r.review()));
        return row;
    }

    private static Map<String, Object> review(FigureReview review) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", review.status().code());
        m.put("corrections", review.corrections());
        m.put("notes", review.notes());
        return m;
    }

    private static Map<String, Object> decision(Decision d) {
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

    private static String required(JsonNode body, String field) {
        String value = text(body, field);
        if (value == null || value.isEmpty()) throw new Http.BadRequest("the decision needs '" + field + "'");
        return value;
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String requiredParam(Map<String, String> q, String name) {
        String value = q.get(name);
        if (value == null || value.isEmpty()) throw new Http.BadRequest("missing parameter '" + name + "'");
        return value;
    }

    /** The 0-based page the request asks for (default 0); a negative one is a bad request. */
    private static int page(Map<String, String> q) {
        int page = integer(q, "page", 0);
        if (page < 0) throw new Http.BadRequest("page must not be negative");
        return page;
    }

    private static Integer optionalInteger(Map<String, String> q, String name) {
        String value = q.get(name);
        return value == null || value.isEmpty() ? null : integer(q, name, 0);
    }

    private static int integer(Map<String, String> q, String name, int fallback) {
        String value = q.get(name);
        if (value == null || value.isEmpty()) return fallback;
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new Http.BadRequest("parameter '" + name + "' must be a whole number, not '" + value + "'");
        }
    }
}
