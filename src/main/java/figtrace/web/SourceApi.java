package figtrace.web;

import com.sun.net.httpserver.HttpExchange;
import figtrace.cite.Citations;
import figtrace.model.Figure;
import figtrace.review.DocumentInfo;
import figtrace.review.FigureKey;
import figtrace.review.FigureTable;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static figtrace.web.ApiParams.integer;
import static figtrace.web.ApiParams.requiredParam;

/**
 * The review API's view of the documents themselves: a document's text around a cited line or page, a PDF page as an
 * image with where a figure stands on it, and the original file as a download.
 */
final class SourceApi {
    private final FigureTable table;
    private final CorpusFiles corpus;
    private final RecordViews records;

    SourceApi(FigureTable table, CorpusFiles corpus, RecordViews records) {
        this.table = table;
        this.corpus = corpus;
        this.records = records;
    }

    Map<String, Object> source(Map<String, String> q) {
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

    private final PageImages pageImages = new PageImages();

    /** A PDF page of a corpus document as a PNG image ({@code /api/page.png?doc=…&page=N}). */
    void pageImage(HttpExchange exchange, Map<String, String> q) throws IOException {
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
    Map<String, Object> pageBox(Map<String, String> q) {
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
}
