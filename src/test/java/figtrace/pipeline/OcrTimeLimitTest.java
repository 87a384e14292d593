package figtrace.pipeline;

import figtrace.ingest.IngestStage;
import figtrace.layout.Ocr;
import figtrace.layout.OcrPage;
import figtrace.limits.Limits;
import figtrace.model.DocStatus;
import figtrace.model.ParsedDocument;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scan takes seconds a page to OCR, so a long one takes longer than the time limit for reading a file; the limit
 * counts from the last page read, so such a scan is read whole, while a page that never ends is still stopped.
 */
class OcrTimeLimitTest {

    /** An engine that takes {@code millis} a page (the slow page {@code slowPage}, 1-based, takes {@code slowMillis}). */
    private static Ocr slow(long millis, int slowPage, long slowMillis) {
        return new Ocr() {
            private final java.util.concurrent.atomic.AtomicInteger pages = new java.util.concurrent.atomic.AtomicInteger();
            @Override public boolean available() { return true; }
            @Override public String unavailableReason() { return ""; }
            @Override public String describe() { return "slow test engine"; }
            @Override public int dpi() { return 72; }
            @Override public List<OcrPage.Word> read(byte[] png) {
                int n = pages.incrementAndGet();
                try {
                    Thread.sleep(n == slowPage ? slowMillis : millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of(new OcrPage.Word("扫描页", 10, 10, 90, 30, 95f));
            }
        };
    }

    /** The first {@code n} pages of the scanned sample, as a PDF of their own. */
    private static byte[] scan(int n) throws Exception {
        byte[] all = Files.readAllBytes(Path.of("src/test/resources/docs/pdf_zhangjiajie_2025_tjgb_SCANNED_image_only.pdf"));
        try (PDDocument src = Loader.loadPDF(all); PDDocument out = new PDDocument()) {
            for (int p = 0; p < n; p++) out.importPage(src.getPage(p));
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            out.save(bos);
            return bos.toByteArray();
        }
    }

    @Test
    void aScanLongerToOcrThanTheTimeLimitIsReadWhole() throws Exception {
        byte[] pdf = scan(12);
        // 12 pages of 1 s take about 6–7 s in all even when pages are read two at a time, over the 4 s limit; between
        // two heartbeats only one page's rendering and 1 s pass, so the limit leaves about 3 s of slack for rendering
        // on a loaded machine (a 2 s limit with 500 ms pages failed at load ~21)
        Limits limits = Limits.defaults().withDocTimeout(Duration.ofMillis(4000));
        try (InProcessParser parser = new InProcessParser(limits, slow(1000, 0, 0))) {
            long t0 = System.nanoTime();
            ParsedDocument d = parser.parse(IngestStage.identify("scan.pdf", pdf), pdf);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms > 4000, "the OCR took longer than the limit (" + ms + " ms), so the test shows something");
            // one word a page, the same on every page, is dropped as page furniture: no text, but every page was read
            assertTrue(d.status() != DocStatus.LIMIT_EXCEEDED, d.issues().toString());
            assertTrue(d.issues().get(0).message().contains("page(s) 1–12 of 12"), d.issues().toString());
            assertEquals(12, d.ocr().pages());
        }
    }

    @Test
    void aPageThatNeverEndsIsStillStopped() throws Exception {
        byte[] pdf = scan(4);
        Limits limits = Limits.defaults().withDocTimeout(Duration.ofMillis(1500));
        try (InProcessParser parser = new InProcessParser(limits, slow(100, 3, 60_000))) {
            long t0 = System.nanoTime();
            ParsedDocument d = parser.parse(IngestStage.identify("scan.pdf", pdf), pdf);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(DocStatus.LIMIT_EXCEEDED, d.status(), d.issues().toString());
            assertTrue(ms < 20_000, ms + " ms"); // the slow page alone would take 60 s
        }
    }
}
