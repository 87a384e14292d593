package figtrace.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import figtrace.review.FigureTable;
import figtrace.review.ReviewException;
import figtrace.review.ReviewStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The review page's HTTP server (JDK {@code com.sun.net.httpserver}, no framework): static files of the page,
 * ECharts from its webjar, the JSON API ({@link ReviewApi}) and the corpus's original files. Every request passes
 * the {@link RequestGuard}; POSTs need the page's token.
 */
public final class ReviewServer implements AutoCloseable {

    /** ECharts as packaged by the org.webjars:echarts dependency in pom.xml; keep the two in step. */
    static final String ECHARTS = "META-INF/resources/webjars/echarts/5.5.0/echarts.min.js";

    /** The page's own files, by URL path: a fixed list, so no request path ever reaches the class path. */
    private static final Map<String, String[]> STATIC = Map.of(
            "/static/app.js", new String[] {"web/app.js", "text/javascript; charset=utf-8"},
            "/static/app.css", new String[] {"web/app.css", "text/css; charset=utf-8"},
            "/static/echarts.min.js", new String[] {ECHARTS, "text/javascript; charset=utf-8"});

    private static final String TOKEN_PLACEHOLDER = "__FIGTRACE_TOKEN__";

    private final HttpServer server;
    private final ExecutorService executor;
    private final ReviewStore reviews;
    private final FigureTable table;
    private final RecordViews records;
    private final figtrace.review.TableCells tableCells;
    private final RequestGuard guard;
    private final ReviewApi api;
    private final byte[] indexHtml;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private ReviewServer(HttpServer server, ExecutorService executor, ReviewStore reviews, FigureTable table,
                         RecordViews records, figtrace.review.TableCells tableCells, RequestGuard guard, ReviewApi api,
                         byte[] indexHtml) {
        this.server = server;
        this.executor = executor;
        this.reviews = reviews;
        this.table = table;
        this.records = records;
        this.tableCells = tableCells;
        this.guard = guard;
        this.api = api;
        this.indexHtml = indexHtml;
    }

    /**
     * Starts serving the run database {@code db} and the original files under {@code corpus} on host:port
     * (port 0 picks a free one).
     *
     * @throws ReviewException when the database is missing or unreadable
     * @throws UncheckedIOException when the port cannot be bound (the message says which)
     */
    public static ReviewServer start(String host, int port, Path db, Path corpus) {
        return start(host, port, db, corpus, Path.of("patterns"));
    }

    /** As {@link #start(String, int, Path, Path)}, with the rules folder whose panel.tsv builds the panel tab. */
    public static ReviewServer start(String host, int port, Path db, Path corpus, Path patterns) {
        ReviewStore reviews = ReviewStore.open(db);
        FigureTable table = null;
        RecordViews records = null;
        figtrace.review.TableCells tableCells = null;
        HttpServer bound = null;
        try {
            table = FigureTable.open(db, reviews);
            records = RecordViews.open(db);
            tableCells = figtrace.review.TableCells.open(db);
            HttpServer server;
            try {
                server = HttpServer.create(new InetSocketAddress(host, port), 64);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on " + host + ":" + port + " (" + e.getMessage()
                        + "): choose another --port or stop what uses it", e);
            }
            bound = server;
            int actualPort = server.getAddress().getPort();
            RequestGuard guard = new RequestGuard(host, actualPort);
            String index = new String(resource("web/index.html"), StandardCharsets.UTF_8)
                    .replace(TOKEN_PLACEHOLDER, guard.token());
            // units are read from the rules only when a reviewer corrects a table column's unit
            java.util.function.Supplier<figtrace.review.UnitScale> units = () -> {
                try {
                    figtrace.rules.Rules rules = figtrace.rules.RulesStage.load(patterns);
                    return new figtrace.review.UnitScale(rules.units(), rules.multipliers());
                } catch (figtrace.rules.RulesException e) {
                    throw new ReviewException("cannot read units from " + patterns + ": " + e.getMessage(), e);
                }
            };
            ReviewApi api = new ReviewApi(reviews, table, new CorpusFiles(corpus), records,
                    new PanelView(db, patterns, table, reviews), new TableViews(tableCells, reviews, units), db);
            // A few threads: requests are short SQLite reads; the stores serialise their own access.
            ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "figtrace-serve");
                t.setDaemon(true);
                return t;
            });
            ReviewServer review = new ReviewServer(server, executor, reviews, table, records, tableCells, guard, api,
                    index.getBytes(StandardCharsets.UTF_8));
            server.createContext("/", review::handle);
            server.setExecutor(executor);
            server.start();
            return review;
        } catch (RuntimeException e) {
            if (bound != null) bound.stop(0);
            if (tableCells != null) tableCells.close();
            if (records != null) records.close();
            if (table != null) table.close();
            reviews.close();
            throw e;
        }
    }

    public int port() { return server.getAddress().getPort(); }

    public URI uri() {
        String host = server.getAddress().getHostString();
        if (host.contains(":")) host = "[" + host + "]";
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** The per-server token the page sends with every POST (for tests and for scripts run by the same user). */
    public String token() { return guard.token(); }

    private void handle(HttpExchange exchange) throws IOException {
        // Not try-with-resources: that would close the exchange before the catch clauses answer with the error.
        try {
            String hostProblem = guard.hostProblem(exchange);
            if (hostProblem != null) {
                Http.error(exchange, 403, hostProblem);
                return;
            }
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            if (method.equals("POST")) {
                // Read the body before any refusal: answering with it unread makes the server reset the connection.
                byte[] body = exchange.getRequestBody().readNBytes(ReviewApi.MAX_BODY + 1);
                String problem = guard.writeProblem(exchange);
                if (problem != null) {
                    Http.error(exchange, 403, problem);
                    return;
                }
                api.post(exchange, path, body);
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD, POST");
                Http.error(exchange, 405, method + " is not supported");
                return;
            }
            if (path.equals("/") || path.equals("/index.html")) {
                Http.send(exchange, 200, "text/html; charset=utf-8", indexHtml);
            } else if (STATIC.containsKey(path)) {
                String[] file = STATIC.get(path);
                Http.send(exchange, 200, file[1], resource(file[0]));
            } else if (path.startsWith("/api/")) {
                api.get(exchange, path);
            } else if (path.startsWith("/corpus/")) {
                api.corpusFile(exchange, path.substring("/corpus/".length()));
            } else {
                Http.error(exchange, 404, "no such page: " + path);
            }
        } catch (Http.BadRequest e) {
            Http.error(exchange, 400, e.getMessage());
        } catch (Http.NotFound e) {
            Http.error(exchange, 404, e.getMessage());
        } catch (ReviewException e) {
            Http.error(exchange, 400, e.getMessage());
        } catch (RuntimeException e) {
            // Shown to the reviewer by the page; the server keeps running for the next request.
            Http.error(exchange, 500, "internal error: " + e);
        } finally {
            exchange.close();
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = ReviewServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("resource " + name + " missing from the build");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }

    /** Idempotent: Ctrl-C's shutdown hook and the command's own exit may both close. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tableCells.close();
        records.close();
        table.close();
        reviews.close();
    }
}
