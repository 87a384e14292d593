package figtrace.web;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A PDF page as a PNG for the review page, so a reviewer sees the figure where the document prints it (tables,
 * scans). Rendered with PDFBox at a resolution that keeps small table digits legible; the last few pages are kept,
 * since a reviewer moves between figures of the same page.
 */
final class PageImages {

    /** 110 dpi: an A4 page is about 910 × 1290 pixels, table digits stay readable, a page is 100–300 KB. */
    static final float DPI = 110f;
    private static final int CACHED = 8;

    private final Map<String, byte[]> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHED;
        }
    };

    /** The PNG of page {@code page} (1-based) of the PDF {@code file}. */
    synchronized byte[] png(Path file, int page) throws IOException {
        String key = file + "#" + page;
        byte[] cached = cache.get(key);
        if (cached != null) return cached;
        try (PDDocument pdf = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()))) {
            if (page < 1 || page > pdf.getNumberOfPages()) {
                throw new Http.NotFound("page " + page + " is not in " + file.getFileName() + " (it has "
                        + pdf.getNumberOfPages() + " pages)");
            }
            BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(page - 1, DPI, ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            byte[] png = out.toByteArray();
            cache.put(key, png);
            return png;
        }
    }
}
