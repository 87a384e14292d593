package figtrace.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15's crash suite, review side: the review server is killed with SIGKILL at a random moment during a burst of
 * decisions, several times. After each kill the database passes integrity_check and holds every decision the server
 * acknowledged (HTTP 200) before it died; afterwards a run over the same corpus leaves outputs equal to a clean run's.
 * Bounded: a few trials of at most a few seconds each.
 */
class ReviewCrashIT {
    static final int TRIALS = 4;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir Path tmp;

    @Test
    void noAcknowledgedDecisionIsLostWhenTheServerIsKilled() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus")), out = tmp.resolve("out"), clean = tmp.resolve("clean");
        try (var files = Files.list(Path.of("corpus"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".txt")).toList()) Files.copy(p, corpus.resolve(p.getFileName()));
        }
        String patterns = Path.of("patterns").toAbsolutePath().toString();
        assertEquals(0, CliProcess.run("1g", tmp.resolve("run"), 600, "run", corpus.toString(), "--out", out.toString(),
                "--patterns", patterns, "-q").exit());
        List<String[]> figures = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(out.resolve("figures.jsonl"))) {
            JsonNode f = json.readTree(line);
            figures.add(new String[]{f.get("doc").asText(), f.get("id").asText()});
        }
        Random random = new Random(15);
        Set<String> acknowledged = new HashSet<>();
        int kills = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Process server = CliProcess.start("512m", tmp.resolve("serve" + trial), "serve", "--port", String.valueOf(port),
                    "--out", out.toString(), "--corpus", corpus.toString());
            try {
                URI base = URI.create("http://127.0.0.1:" + port);
                String token = waitForToken(base);
                long killAt = System.nanoTime() + Duration.ofMillis(500 + random.nextInt(2500)).toNanos();
                Thread killer = new Thread(() -> {
                    while (System.nanoTime() < killAt) Thread.onSpinWait();
                    server.destroyForcibly(); // SIGKILL: no shutdown hook runs
                });
                killer.start();
                for (int i = 0; server.isAlive() && i < 100_000; i++) {
                    String[] f = figures.get(random.nextInt(figures.size()));
                    String note = "trial " + trial + " decision " + i;
                    String body = json.writeValueAsString(java.util.Map.of("doc", f[0], "id", f[1],
                            "action", i % 3 == 0 ? "reject" : "accept", "note", note));
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/decisions"))
                                .header("Content-Type", "application/json").header("X-Figtrace-Token", token)
                                .header("Origin", base.toString()).timeout(Duration.ofSeconds(10))
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) acknowledged.add(note);
                    } catch (java.io.IOException e) {
                        break; // the server died mid-request: this one was not acknowledged
                    }
                }
                killer.join();
                assertTrue(server.waitFor(10, java.util.concurrent.TimeUnit.SECONDS));
                kills++;
            } finally {
                server.destroyForcibly();
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + out.resolve("figtrace.db"));
                 Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                    rs.next();
                    assertEquals("ok", rs.getString(1), "after kill " + kills);
                }
                Set<String> stored = new HashSet<>();
                try (ResultSet rs = st.executeQuery("SELECT note FROM decisions")) {
                    while (rs.next()) stored.add(rs.getString(1));
                }
                for (String note : acknowledged) assertTrue(stored.contains(note), "acknowledged, then lost: " + note);
            }
        }
        assertTrue(acknowledged.size() > TRIALS, "decisions were made before the kills: " + acknowledged.size());
        System.out.printf("review crash suite: %d kills, %d acknowledged decisions, none lost%n", kills, acknowledged.size());

        // the outputs after all this equal a clean run's
        CliProcess.run("1g", tmp.resolve("rerun"), 600, "run", corpus.toString(), "--out", out.toString(), "--patterns", patterns, "-q");
        CliProcess.run("1g", tmp.resolve("clean"), 600, "run", corpus.toString(), "--out", clean.toString(), "--patterns", patterns, "-q");
        for (String f : DeterminismIT.OUTPUTS) {
            // figures.csv and the panel show the reviews (checked below); a clean run has none
            if (f.equals("figures.csv") || f.startsWith("panel")) continue;
            assertArrayEquals(Files.readAllBytes(clean.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
        }
        // figures.csv shows the review statuses (the decisions here accept or reject, never correct): apart from its
        // two review columns it equals the clean run's, and the reviewed run's shows the decisions
        List<String> cleanRows = withoutReviewColumns(clean.resolve("figures.csv"));
        List<String> reviewedRows = withoutReviewColumns(out.resolve("figures.csv"));
        assertEquals(cleanRows, reviewedRows, "figures.csv apart from review_status and review_notes");
        String reviewed = Files.readString(out.resolve("figures.csv"));
        assertTrue(reviewed.contains(",\"accepted\",") || reviewed.contains(",\"rejected\","), "figures.csv shows the decisions");
        // the panel was rebuilt with the decisions: no rejected figure stands behind a panel value
        Set<String> rejected = new HashSet<>();
        try (com.opencsv.CSVReader reader = new com.opencsv.CSVReader(Files.newBufferedReader(out.resolve("figures.csv")))) {
            List<String[]> rows = reader.readAll();
            List<String> header = List.of(rows.get(0));
            for (String[] row : rows.subList(1, rows.size())) {
                if (row[header.indexOf("review_status")].equals("rejected")) rejected.add(row[0].replace("\uFEFF", ""));
            }
        }
        String panel = Files.readString(out.resolve("panel.csv"));
        assertTrue(!rejected.isEmpty() && rejected.stream().noneMatch(panel::contains),
                "rejected figures are left out of the panel: " + rejected.stream().filter(panel::contains).toList());
    }

    private static List<String> withoutReviewColumns(Path csv) throws Exception {
        List<String> rows = new ArrayList<>();
        try (com.opencsv.CSVReader reader = new com.opencsv.CSVReader(Files.newBufferedReader(csv))) {
            for (String[] row : reader.readAll()) rows.add(String.join("\u0001", java.util.Arrays.copyOf(row, row.length - 2)));
        }
        return rows;
    }

    private String waitForToken(URI base) throws Exception {
        Pattern meta = Pattern.compile("name=\"figtrace-token\" content=\"([0-9a-f]+)\"");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(base.resolve("/")).build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher m = meta.matcher(page.body());
                if (m.find()) return m.group(1);
            } catch (java.io.IOException e) {
                Thread.sleep(200); // not listening yet
            }
        }
        throw new AssertionError("the review server did not start");
    }
}
