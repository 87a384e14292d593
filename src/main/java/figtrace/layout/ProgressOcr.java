package figtrace.layout;

import java.io.IOException;
import java.util.List;

/**
 * An OCR engine that says when it has read a page. A scanned report takes seconds a page to OCR, so a long one takes
 * longer than the time limit for reading a file; while pages keep coming, the parse is making progress, not hanging.
 * The parsers ({@code ForkedParser}, {@code InProcessParser}) count the document time limit from the last page read.
 */
public final class ProgressOcr implements Ocr {
    private final Ocr engine;
    private final Runnable onPage;

    /** @param onPage called after every page read (from the cache or not), on the thread that read it */
    public ProgressOcr(Ocr engine, Runnable onPage) {
        this.engine = engine;
        this.onPage = onPage;
    }

    @Override public boolean available() { return engine.available(); }
    @Override public String unavailableReason() { return engine.unavailableReason(); }
    @Override public String describe() { return engine.describe(); }
    @Override public int dpi() { return engine.dpi(); }

    @Override
    public List<OcrPage.Word> read(byte[] png) throws IOException {
        return readPage(png).words();
    }

    @Override
    public Reading readPage(byte[] png) throws IOException {
        Reading r = engine.readPage(png);
        onPage.run();
        return r;
    }
}
