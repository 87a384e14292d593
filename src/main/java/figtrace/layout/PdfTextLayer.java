package figtrace.layout;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.io.IOException;
import java.util.List;

/**
 * Whether a PDF's text layer can be used: a garbled layer (wrong ToUnicode maps), pages with no text and whether
 * they are images (scans, for OCR), and lines that run two columns together. {@link PdfReader} decides from these
 * what to read, what to OCR and which status to give.
 */
final class PdfTextLayer {
    private PdfTextLayer() {}

    static String allText(List<List<PdfLine>> pages) {
        StringBuilder sb = new StringBuilder();
        for (List<PdfLine> lines : pages) for (PdfLine l : lines) sb.append(l.text()).append('\n');
        return sb.toString();
    }

    /**
     * A text layer is garbled when it holds next to no Chinese ideographs yet is full of ASCII punctuation or of
     * full-width digits and CJK punctuation: what wrong ToUnicode maps give (淮安's budget report reads as
     * {@code !"#$%&'…} around ２０２５ and ，。). An English document has few of either, so it is not caught.
     */
    static boolean isGarbled(String s) {
        int nonSpace = 0, ideographs = 0, asciiPunct = 0, cjkPunct = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) continue;
            nonSpace++;
            if (c >= '\u4E00' && c <= '\u9FFF') ideographs++;
            else if ((c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~')
                    || c < ' ' || (c >= '\uE000' && c <= '\uF8FF') || c == '\uFFFD') asciiPunct++;
            else if ((c >= '\u3000' && c <= '\u303F') || (c >= '\uFF00' && c <= '\uFFEF')) cjkPunct++;
        }
        if (nonSpace < 50) return false;
        return ideographs < 0.05 * nonSpace && (asciiPunct > 0.10 * nonSpace || cjkPunct > 0.10 * nonSpace);
    }

    static String describe(String s) {
        String sample = s.replaceAll("\\s+", " ").strip();
        if (sample.length() > 40) sample = sample.substring(0, 40) + "…";
        long cjk = s.chars().filter(c -> c >= 0x4E00 && c <= 0x9FFF).count();
        return cjk + " Chinese characters; it reads like \"" + sample + "\"";
    }

    /** True when the resources (or a form inside them) draw an image. */
    static boolean hasImage(PDResources res, int depth) {
        if (res == null || depth > 3) return false;
        for (COSName n : res.getXObjectNames()) {
            try {
                PDXObject x = res.getXObject(n);
                if (x instanceof PDImageXObject) return true;
                if (x instanceof PDFormXObject f && hasImage(f.getResources(), depth + 1)) return true;
            } catch (IOException | RuntimeException e) {
                // an unreadable XObject is no evidence either way
            }
        }
        return false;
    }

    static void noTextPages(PDDocument doc, List<List<PdfLine>> pages, List<Integer> noText, List<Integer> imageOnly) {
        for (int p = 1; p <= pages.size(); p++) {
            if (pages.get(p - 1).isEmpty()) {
                noText.add(p);
                if (hasImage(doc.getPage(p - 1).getResources(), 0)) imageOnly.add(p);
            }
        }
    }

    /**
     * Lines that look like two columns run together: cells, one of which is a stretch of prose (long, with sentence
     * punctuation). Table cells are short or are names without punctuation.
     */
    static int mixedLines(List<PdfLine> lines) {
        int n = 0;
        for (PdfLine l : lines) {
            if (l.cells() < 2) continue;
            for (String cell : l.text().split("\t")) {
                if (cell.length() >= 15 && (cell.contains("，") || cell.contains("。") || cell.contains("；"))) { n++; break; }
            }
        }
        return n;
    }
}
