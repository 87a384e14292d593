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

    ReviewApi(ReviewStore reviews, FigureTable table, CorpusFiles corpus, RecordViews records, PanelView panel) {
        this.reviews = reviews;
        this.table = table;
        this.corpus = corpus;
        this.records = records;
        this.panel = panel;
    }

    void get(HttpExchange exchange, String path) throws IOException {
        Map<String, String> q = Http.query(exchange);
        switch (path) {
            case "/api/facets" -> Http.json(exchange, 200, table.facets());
            case "/api/figures" -> Http.json(exchange, 200, figures(q));
            case "/api/figure" -> Http.json(exchange, 200, figure(q));
            case "/api/source" -> Http.json(exchange, 200, source(q));
            case "/api/entities" -> Http.json(exchange, 200, records.entities(q.get("doc"), q.get("type"), q.get("q"),
                    integer(q, "page", 0), integer(q, "size", 50)));
            case "/api/entity" -> Http.json(exchange, 200, records.entity(requiredParam(q, "id")));
            case "/api/measures" -> Http.json(exchange, 200, records.measures(q.get("doc"), q.get("status"),
                    q.get("instrument"), q.get("q"), integer(q, "page", 0), integer(q, "size", 50)));
            case "/api/cite" -> Http.json(exchange, 200, cite(q));
            case "/api/orphans" -> Http.json(exchange, 200, reviews.orphaned().stream().map(ReviewApi::decision).toList());
            case "/api/panel" -> Http.json(exchange, 200, panel.rows(q));
            case "/api/panel/cell" -> Http.json(exchange, 200, panel.cell(q));
            case "/api/panel/cite" -> Http.json(exchange, 200, panel.cite(q));
            case "/api/chart/time" -> Http.json(exchange, 200, chart(q, "time"));
            case "/api/chart/regions" -> Http.json(exchange, 200, chart(q, "region"));
            case "/api/export.csv" -> export(exchange, q, false);
            case "/api/export.xlsx" -> export(exchange, q, true);
            default -> throw new Http.NotFound("no such API: " + path);
        }
    }

    void post(HttpExchange exchange, String path, byte[] bytes) throws IOException {
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

    /**
     * One indicator's levels (not growth rates) grouped by {@code by} (time or region), with reviews applied:
     * rejected figures left out, corrections used. The other dimension is held fixed, since mixing regions in a
     * time series (or periods across regions) would mislead: the one asked for, else the region with the most
     * figures (for a time series) or the period covering the most regions, latest first (for a comparison).
     * Where several figures give one period or region, the value stated most often wins (ties: the first in
     * document order), so a stray mention does not bend the line.
     */
    private Map<String, Object> chart(Map<String, String> q, String by) {
        String indicator = requiredParam(q, "indicator");
        String fixed = by.equals("time") ? "region" : "time";
        List<Map<String, Object>> levels = new ArrayList<>();
        FigureFilter filter = new FigureFilter(null, null, null, null, null, indicator, null, null);
        for (ReviewedFigure r : table.all(filter, "line")) {
            if (r.review().status() == ReviewStatus.REJECTED) continue;
            Map<String, Object> v = r.review().apply(r.figure());
            if (v.get("change") != null || v.get("value") == null || v.get(by) == null || v.get(fixed) == null) {
                continue;
            }
            levels.add(v);
        }
        // One unit per chart: the most common one (a chart mixing 亿元 and % would be meaningless).
        String unit = mostCommon(levels.stream().map(v -> String.valueOf(v.get("unit"))).toList());
        levels.removeIf(v -> !String.valueOf(v.get("unit")).equals(unit));
        String fixedValue = q.get(fixed);
        if (fixedValue == null || fixedValue.isEmpty()) {
            Map<String, java.util.Set<String>> spread = new TreeMap<>(Comparator.reverseOrder());
            for (Map<String, Object> v : levels) {
                spread.computeIfAbsent(String.valueOf(v.get(fixed)), k -> new java.util.HashSet<>())
                        .add(String.valueOf(v.get(by)));
            }
            fixedValue = spread.entrySet().stream()
                    .max(Comparator.comparingInt((Map.Entry<String, java.util.Set<String>> e) -> e.getValue().size())
                            .thenComparing(Map.Entry::getKey))
                    .map(Map.Entry::getKey).orElse(null);
        }
        Map<String, Map<BigDecimal, Integer>> counts = new TreeMap<>();
        for (Map<String, Object> v : levels) {
            if (!String.valueOf(v.get(fixed)).equals(fixedValue)) continue;
            BigDecimal value = ((BigDecimal) v.get("value")).stripTrailingZeros();
            counts.computeIfAbsent(String.valueOf(v.get(by)), k -> new LinkedHashMap<>()).merge(value, 1, Integer::sum);
        }
        List<Map<String, Object>> points = new ArrayList<>();
        counts.forEach((label, values) -> {
            BigDecimal best = values.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            points.add(Map.of("label", label, "value", best.toPlainString(),
                    "figures", values.values().stream().mapToInt(Integer::intValue).sum()));
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("indicator", indicator);
        answer.put("by", by);
        answer.put(fixed, fixedValue);
        answer.put("unit", unit);
        answer.put("points", points);
        return answer;
    }

    private static String mostCommon(List<String> values) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String v : values) counts.merge(v, 1, Integer::sum);
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    private void export(HttpExchange exchange, Map<String, String> q, boolean xlsx) throws IOException {
        String sort = q.get("sort");
        if (!FigureTable.validSort(sort)) throw new Http.BadRequest("unknown sort '" + sort + "'");
        List<ReviewedFigure> rows = table.all(filter(q), sort);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (xlsx) ReviewedExport.writeXlsx(rows, out);
        else ReviewedExport.writeCsv(rows, out);
        String name = xlsx ? "figures-reviewed.xlsx" : "figures-reviewed.csv";
        exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + name + "\"");
        Http.send(exchange, 200, xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : "text/csv; charset=utf-8", out.toByteArray());
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
                q.get("q"));
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
