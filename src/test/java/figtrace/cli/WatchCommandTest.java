package figtrace.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WatchCommandTest {
    @TempDir Path tmp;

    @Test
    void filesDroppedIntoTheCorpusAreExtractedAndRemovedOnesRetiredUntilStopped() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus")), out = tmp.resolve("out");
        Files.copy(Path.of("corpus/000_e3c7a792a1080dbf.txt"), corpus.resolve("first.txt"));
        WatchCommand watch = new WatchCommand();
        CommandLine cl = new CommandLine(watch);
        StringWriter printed = new StringWriter();
        cl.setOut(new PrintWriter(printed, true));
        cl.setErr(new PrintWriter(printed, true));
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> exit = thread.submit((Callable<Integer>) () -> cl.execute(corpus.toString(), "--out",
                    out.toString(), "--patterns", Path.of("patterns").toString(), "--quiet-ms", "300"));
            waitFor(() -> printed.toString().contains("first.txt: ok"), printed);

            Files.createDirectories(corpus.resolve("new"));
            Files.copy(Path.of("corpus/001_af42bd6e8047a123.txt"), corpus.resolve("new/dropped.txt"));
            waitFor(() -> printed.toString().contains("new/dropped.txt: ok")
                    && Files.readString(out.resolve("figures.jsonl")).contains("\"new/dropped.txt\""), printed);

            Files.delete(corpus.resolve("first.txt"));
            waitFor(() -> printed.toString().contains("first.txt: removed from the corpus")
                    && !Files.readString(out.resolve("figures.jsonl")).contains("\"first.txt\""), printed);

            watch.stop();
            assertEquals(Main.OK, exit.get(10, TimeUnit.SECONDS));
            assertTrue(printed.toString().contains("figtrace watch: stopped"), printed.toString());
        } finally {
            watch.stop();
            thread.shutdownNow();
        }
    }

    private interface Check { boolean holds() throws Exception; }

    private static void waitFor(Check check, StringWriter printed) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            try {
                if (check.holds()) return;
            } catch (java.nio.file.NoSuchFileException notYet) {
                // outputs not written yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out; watch printed:\n" + printed);
    }
}
