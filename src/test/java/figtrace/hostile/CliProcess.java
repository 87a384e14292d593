package figtrace.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs figtrace's CLI in its own JVM, with a fixed heap, as a user would; for tests that kill or starve it. */
public final class CliProcess {
    public record Result(int exit, String stdout, String stderr, long millis) {}

    private CliProcess() {}

    public static Process start(String heap, Path log, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError",
                "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), "figtrace.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        pb.redirectOutput(log.resolveSibling(log.getFileName() + ".out").toFile());
        pb.redirectError(log.resolveSibling(log.getFileName() + ".err").toFile());
        return pb.start();
    }

    public static Result run(String heap, Path log, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = start(heap, log, args);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("figtrace " + String.join(" ", args) + " did not finish in " + timeoutSeconds + " s");
        }
        return new Result(p.exitValue(),
                Files.readString(log.resolveSibling(log.getFileName() + ".out"), StandardCharsets.UTF_8),
                Files.readString(log.resolveSibling(log.getFileName() + ".err"), StandardCharsets.UTF_8),
                (System.nanoTime() - t0) / 1_000_000);
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
