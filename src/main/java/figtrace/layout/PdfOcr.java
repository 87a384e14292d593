package figtrace.layout;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * OCR of the PDF pages that have no usable text layer: each is rendered with PDFBox (grey, at the engine's
 * resolution) and read by the {@link Ocr} engine; its words become the page's lines. Pages are rendered one after the
 * other (a PDDocument is not thread-safe) and OCRed two at a time, since OCR is what takes the time.
 */
final class PdfOcr {
    private PdfOcr() {}

    /**
     * Pages read by OCR, and pages it failed on with the first reason; of the pages read, how many came from the
     * engine's cache, and the time the engine spent on the others.
     */
    record Result(List<Integer> done, List<Integer> failed, String failure, int fromCache, long ocrMillis) {}

    static Result run(PDDocument doc, List<Integer> pageNumbers, Ocr ocr, List<List<PdfLine>> pages,
                      Map<String, List<OcrLines.Placed>> index) {
        List<Integer> done = new ArrayList<>(), failed = new ArrayList<>();
        String failure = null;
        int fromCache = 0;
        long ocrMillis = 0;
        PDFRenderer renderer = new PDFRenderer(doc);
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "figtrace-ocr");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Ocr.Reading>> results = new ArrayList<>();
            for (int p : pageNumbers) {
                byte[] png;
                try {
                    png = png(renderer.renderImageWithDPI(p - 1, ocr.dpi(), ImageType.GRAY));
                } catch (IOException | RuntimeException | OutOfMemoryError e) {
                    results.add(null);
                    if (failure == null) failure = "page " + p + " could not be rendered (" + e.getMessage() + ")";
                    continue;
                }
                results.add(pool.submit(() -> ocr.readPage(png)));
            }
            for (int i = 0; i < pageNumbers.size(); i++) {
                int p = pageNumbers.get(i);
                Future<Ocr.Reading> f = results.get(i);
                if (f == null) { failed.add(p); continue; }
                try {
                    Ocr.Reading reading = f.get();
                    pages.set(p - 1, OcrLines.lines(reading.words(), ocr.dpi(), index));
                    done.add(p);
                    if (reading.fromCache()) fromCache++;
                    ocrMillis += reading.millis();
                } catch (ExecutionException e) {
                    failed.add(p);
                    if (failure == null) failure = "page " + p + ": " + e.getCause().getMessage();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed.add(p);
                    if (failure == null) failure = "interrupted";
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(done, failed, failure, fromCache, ocrMillis);
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bos);
        return bos.toByteArray();
    }
}
