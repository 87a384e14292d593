package figtrace.layout;

import java.io.IOException;
import java.util.List;

/**
 * An OCR engine for page images. figtrace uses {@link TesseractOcr} (the {@code tesseract} command); {@link #NONE}
 * reads nothing, so pages without a usable text layer are marked {@code needs_ocr} or {@code garbled_text} as they
 * were before figtrace did OCR.
 */
public interface Ocr {

    /** Whether the engine can run on this machine. */
    boolean available();

    /** Why it cannot run and how to make it run (what to install); shown to the user beside the page's status. */
    String unavailableReason();

    /** Engine, version, model and settings, e.g. "tesseract 5.3.0 chi_sim psm 3 at 300 dpi": what its output depends on. */
    String describe();

    /** The resolution pages are rendered at for this engine, in dots per inch. */
    int dpi();

    /** The words on one page image (PNG bytes). */
    List<OcrPage.Word> read(byte[] png) throws IOException;

    /** One page read: its words, whether they came from the engine's cache, and the time the engine took on it. */
    record Reading(List<OcrPage.Word> words, boolean fromCache, long millis) {}

    /** {@link #read}, saying whether the result came from a cache and how long the engine took. */
    default Reading readPage(byte[] png) throws IOException {
        long t0 = System.nanoTime();
        List<OcrPage.Word> words = read(png);
        return new Reading(words, false, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    /** No OCR: every page without a text layer stays unread. */
    Ocr NONE = new Ocr() {
        @Override public boolean available() { return false; }
        @Override public String unavailableReason() { return TesseractOcr.HOW_TO_INSTALL; }
        @Override public String describe() { return "none"; }
        @Override public int dpi() { return 0; }
        @Override public List<OcrPage.Word> read(byte[] png) throws IOException {
            throw new IOException("OCR is off");
        }
    };
}
