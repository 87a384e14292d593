package figtrace.hostile;

import com.opencsv.CSVReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15: a corpus of hostile files, generated here, run through the CLI in its own JVM with a 512 MB heap (and
 * -XX:+ExitOnOutOfMemoryError, so going over it fails the run) and parser processes of 256 MB each. Every file gets a
 * status and a message naming it (or a reason for being skipped), the run finishes, and no stack trace is shown.
 */
class HostileCorpusIT {
    static final String PARENT_HEAP = "512m";

    @TempDir Path tmp;

    @Test
    void everyHostileFileGetsAStatusAndTheRunFinishes() throws Exception {
        Path corpus = tmp.resolve("corpus"), out = tmp.resolve("out");
        Map<String, Set<String>> expect = HostileCorpus.write(corpus);
        List<String> args = new ArrayList<>(List.of("run", corpus.toString(), "--out", out.toString(),
                "--patterns", Path.of("patterns").toAbsolutePath().toString(), "--jobs", "2"));
        args.addAll(List.of(HostileCorpus.LIMITS_ARGS));
        CliProcess.Result r = CliProcess.run(PARENT_HEAP, tmp.resolve("run1"), 900, args.toArray(String[]::new));

        assertEquals(3, r.exit(), "exit 3: finished, some documents failed\n" + r.stdout() + r.stderr());
        assertFalse((r.stdout() + r.stderr()).contains("\tat "), "no stack trace: " + r.stdout() + r.stderr());
        assertFalse((r.stdout() + r.stderr()).contains("Exception in thread"), r.stdout() + r.stderr());

        Map<String, String[]> rows = documents(out.resolve("documents.csv"));
        int statused = 0, skipped = 0;
        for (Map.Entry<String, Set<String>> e : expect.entrySet()) {
            String name = e.getKey();
            if (e.getValue().contains(HostileCorpus.SKIPPED)) {
                assertFalse(rows.containsKey(name), name + " is not read");
                assertTrue(r.stdout().contains("skipped: " + name + " ("), name + " is listed as skipped with a reason:\n" + r.stdout());
                skipped++;
                continue;
            }
            String[] row = rows.get(name);
            assertTrue(row != null, name + " has a row in documents.csv: " + rows.keySet());
            String status = row[4], issues = row[5];
            assertTrue(e.getValue().contains(status), name + ": status " + status + " is one of " + e.getValue() + "; " + issues);
            if (!status.equals("ok")) {
                assertFalse(issues.isBlank(), name + " says what is wrong");
                assertTrue(issues.contains(name), name + ": the message names the file: " + issues);
            }
            statused++;
        }
        assertEquals(expect.size(), statused + skipped);
        System.out.printf("hostile corpus: %d paths tried, %d statused, %d skipped with a reason, run %.1f s,"
                + " parent heap %s%n", expect.size(), statused, skipped, r.millis() / 1000.0, PARENT_HEAP);

        // the same corpus again: nothing is read again, the statuses stand
        CliProcess.Result again = CliProcess.run(PARENT_HEAP, tmp.resolve("run2"), 300, args.toArray(String[]::new));
        assertEquals(3, again.exit(), again.stdout() + again.stderr());
        assertTrue(again.stdout().contains(" 0 extracted, "), again.stdout());
        assertEquals(rows.keySet(), documents(out.resolve("documents.csv")).keySet());
    }

    static Map<String, String[]> documents(Path csv) throws Exception {
        Map<String, String[]> rows = new HashMap<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVReader reader = new CSVReader(in)) {
            String[] header = reader.readNext();
            assertEquals("file", header[0].replace("\uFEFF", ""));
            String[] row;
            while ((row = reader.readNext()) != null) rows.put(row[0], row);
        }
        return rows;
    }
}
