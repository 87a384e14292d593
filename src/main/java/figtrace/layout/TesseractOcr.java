package figtrace.layout;

import figtrace.ingest.IngestStage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * OCR through the {@code tesseract} command (Debian's tesseract-ocr with the chi_sim model), asked for TSV output:
 * one row per word with its box and confidence. The command line rather than tess4j (JNA bindings that must match
 * the installed libtesseract) or Tika's TesseractOCRParser (which runs the same command, behind Tika's XHTML that
 * drops the boxes): it needs no new dependency and gives word boxes and confidences directly.
 *
 * <p>Each page image's result is cached under {@code cacheDir} by the sha256 of the image and of {@link #describe()},
 * so a re-run (or another document with the same page) does not OCR again. The cache only saves time: the result is
 * what tesseract said, whether it came from the cache or not.
 */
public final class TesseractOcr implements Ocr {

    public static final String HOW_TO_INSTALL = "to read them by OCR, install Tesseract with its Chinese model (bash "
            + ".ci/setup-ocr, or apt-get install tesseract-ocr tesseract-ocr-chi-sim) and run again";
    /** Page images are rendered at this resolution: 300 dpi reads the 5-pt digits of budget tables (see README). */
    public static final int DEFAULT_DPI = 300;
    private static final String LANG = "chi_sim";
    private static final long TIMEOUT_SECONDS = 300;

    private final String command;
    private final Path cacheDir;
    private final int dpi;
    private volatile String version; // "tesseract 5.3.0", or "" when the command or its chi_sim model is missing
    private final AtomicInteger hits = new AtomicInteger(), misses = new AtomicInteger();
    private final AtomicLong ocrNanos = new AtomicLong();

    /** @param cacheDir where results are cached, or null for no cache */
    public TesseractOcr(Path cacheDir) {
        this("tesseract", cacheDir, DEFAULT_DPI);
    }

    public TesseractOcr(String command, Path cacheDir, int dpi) {
        this.command = command;
        this.cacheDir = cacheDir;
        this.dpi = dpi;
    }

    @Override
    public boolean available() {
        return !version().isEmpty();
    }

    @Override
    public String unavailableReason() {
        return "Tesseract OCR is not installed here (no `" + command + "` with the " + LANG + " and eng models); "
                + HOW_TO_INSTALL;
    }

    @Override
    public String describe() {
        return version() + " " + LANG + " psm 3, digits again with eng (disagreeing digits flagged), at " + dpi + " dpi";
    }

    @Override
    public int dpi() { return dpi; }

    /** Pages read from the cache, pages OCRed, and the time spent OCRing them, since this engine was made. */
    public int cacheHits() { return hits.get(); }
    public int cacheMisses() { return misses.get(); }
    public long ocrMillis() { return TimeUnit.NANOSECONDS.toMillis(ocrNanos.get()); }

    private String version() {
        String v = version;
        if (v == null) {
            v = probe();
            version = v;
        }
        return v;
    }

    /** "tesseract 5.3.0" when the command runs and has the chi_sim model, else "". */
    private String probe() {
        try {
            String langs = new String(runCommand(null, command, "--list-langs"), StandardCharsets.UTF_8);
            if (langs.lines().noneMatch(l -> l.strip().equals(LANG)) || langs.lines().noneMatch(l -> l.strip().equals("eng"))) {
                return "";
            }
            String v = new String(runCommand(null, command, "--version"), StandardCharsets.UTF_8);
            String first = v.lines().findFirst().orElse("tesseract").strip();
            return first.isEmpty() ? "tesseract" : first;
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public List<OcrPage.Word> read(byte[] png) throws IOException {
        return readPage(png).words();
    }

    @Override
    public Reading readPage(byte[] png) throws IOException {
        Path cached = null;
        if (cacheDir != null) {
            String key = IngestStage.sha256((IngestStage.sha256(png) + "\n" + describe()).getBytes(StandardCharsets.UTF_8));
            cached = cacheDir.resolve(key.substring(0, 2)).resolve(key + ".tsv");
            if (Files.isRegularFile(cached)) {
                try {
                    String tsv = Files.readString(cached, StandardCharsets.UTF_8);
                    if (tsv.startsWith("level\t")) {
                        hits.incrementAndGet();
                        return new Reading(OcrPage.parseTsv(tsv), true, 0);
                    }
                } catch (IOException e) {
                    // an unreadable cache file is OCRed again and rewritten
                }
            }
        }
        long t0 = System.nanoTime();
        byte[] out = runCommand(png, command, "stdin", "stdout", "-l", LANG, "--psm", "3", "--dpi",
                Integer.toString(dpi), "tsv");
        List<OcrPage.Word> words = OcrPage.parseTsv(new String(out, StandardCharsets.UTF_8));
        DigitPass.Strip strip = DigitPass.strip(png, words);
        if (strip.png() != null) {
            byte[] digits = runCommand(strip.png(), command, "stdin", "stdout", "-l", "eng", "--psm", "6", "--dpi",
                    Integer.toString(dpi), "-c", "tessedit_char_whitelist=" + DigitPass.WHITELIST, "tsv");
            words = DigitPass.apply(words, strip, OcrPage.parseTsv(new String(digits, StandardCharsets.UTF_8)));
        }
        long nanos = System.nanoTime() - t0;
        ocrNanos.addAndGet(nanos);
        misses.incrementAndGet();
        String tsv = OcrPage.toTsv(words);
        if (cached != null) {
            try {
                Files.createDirectories(cached.getParent());
                Path tmp = Files.createTempFile(cached.getParent(), "ocr", ".tmp");
                Files.writeString(tmp, tsv, StandardCharsets.UTF_8);
                Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // a cache that cannot be written costs time on the next run, nothing else
            }
        }
        return new Reading(words, false, TimeUnit.NANOSECONDS.toMillis(nanos));
    }

    /** Runs the command with {@code input} on stdin (or none), returns stdout; fails on a non-zero exit or timeout. */
    private static byte[] runCommand(byte[] input, String... cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        // One thread per tesseract: its OpenMP threads make it slower, not faster, on a small shared machine, and
        // pages are OCRed side by side instead.
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("cannot start " + cmd[0] + " (" + e.getMessage() + ")", e);
        }
        try {
            CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> {
                try (InputStream in = p.getInputStream()) {
                    return in.readAllBytes();
                } catch (IOException e) {
                    return new byte[0];
                }
            });
            try (OutputStream os = p.getOutputStream()) {
                if (input != null) os.write(input);
            } catch (IOException e) {
                // the process ended early; its exit code says why
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException(cmd[0] + " took longer than " + TIMEOUT_SECONDS + " s");
            }
            byte[] out = stdout.join();
            if (p.exitValue() != 0) throw new IOException(cmd[0] + " exited with code " + p.exitValue());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + cmd[0], e);
        } finally {
            p.destroyForcibly();
        }
    }
}
