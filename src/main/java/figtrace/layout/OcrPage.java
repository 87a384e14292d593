package figtrace.layout;

import java.util.ArrayList;
import java.util.List;

/** Tesseract's TSV output for one page image: its words with their boxes (pixels) and confidences (0–100). */
public final class OcrPage {
    private OcrPage() {}

    /** One word as Tesseract read it; the box is in pixels of the page image, from its top-left corner. */
    public record Word(String text, int left, int top, int width, int height, float confidence) {
        int right() { return left + width; }
        int bottom() { return top + height; }
        float centreY() { return top + height / 2f; }
    }

    /**
     * The words of a {@code tesseract … tsv} output (level 5 rows with text). Columns: level, page_num, block_num,
     * par_num, line_num, word_num, left, top, width, height, conf, text. Lines it cannot read are skipped.
     */
    public static List<Word> parseTsv(String tsv) {
        List<Word> words = new ArrayList<>();
        for (String row : tsv.split("\n")) {
            String[] c = row.split("\t", -1);
            if (c.length < 12 || !c[0].equals("5")) continue;
            String text = c[11].strip();
            if (text.isEmpty()) continue;
            try {
                words.add(new Word(text, Integer.parseInt(c[6]), Integer.parseInt(c[7]), Integer.parseInt(c[8]),
                        Integer.parseInt(c[9]), Float.parseFloat(c[10])));
            } catch (NumberFormatException e) {
                // a malformed row (a cache file cut short) is skipped, not trusted
            }
        }
        return words;
    }

    /** Words back to TSV in the same columns, for tests and for caching what another engine read. */
    public static String toTsv(List<Word> words) {
        StringBuilder sb = new StringBuilder("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n");
        for (Word w : words) {
            sb.append("5\t1\t1\t1\t1\t1\t").append(w.left).append('\t').append(w.top).append('\t').append(w.width)
                    .append('\t').append(w.height).append('\t').append(w.confidence).append('\t').append(w.text).append('\n');
        }
        return sb.toString();
    }
}
