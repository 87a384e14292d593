package figtrace.layout;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second reading of the numbers on a page. Tesseract's Chinese model misreads digits next to Chinese punctuation
 * in print fonts (3.0%。 comes out as 3.09%6, 5.15 as $.15), while its Latin model restricted to digits reads the same
 * crops right. So every word holding a digit is cut out of the page, the cut-outs are stacked into one strip image
 * (one tesseract call per page, not one per word), read by the Latin model with a digit whitelist, and each number
 * of the word is replaced by the Latin reading when both find the same count of numbers. Where the two readings
 * differ, the word keeps the lower confidence of the two, so the figure is still noted for review; where they agree,
 * the higher one.
 *
 * <p>Where the two readings put a different digit in the same place (same digits count and decimal point, e.g.
 * 448.7 and 148.7, 第6 and 第3, 137.90 and 157.90), neither model is reliably the better one: the reading with the
 * higher confidence is kept (measured on the 张家界 scan and the 淮安 report: right in 6 of 7 such words), and the word
 * gets at most {@link #DISAGREEING} confidence, below {@link OcrReview#LOW_CONFIDENCE}, so that its figure is always
 * flagged for review, however sure each model was of its own reading.
 */
final class DigitPass {
    private DigitPass() {}

    static final String WHITELIST = "0123456789.,%-";
    /** The most confidence a word gets when its two readings put different digits in the same place. */
    static final float DISAGREEING = 50f;
    private static final int PAD = 4, MARGIN = 20;
    /** A number in the Chinese reading, with letters it often puts for digits and a digit it puts for 。 after %. */
    private static final Pattern CHI_NUMBER = Pattern.compile("[0-9$SOlBI][0-9$SOlBI.,]*(%[0-9]*)?");
    private static final Pattern LATIN_NUMBER = Pattern.compile("[0-9][0-9.,]*%?");

    /** Which words get a second reading: those holding a digit. */
    static boolean wanted(OcrPage.Word w) {
        return w.text().chars().anyMatch(Character::isDigit);
    }

    /** The strip image of the wanted words' crops, and the vertical band of each crop in it. */
    record Strip(byte[] png, List<int[]> bands, List<Integer> wordIndexes) {}

    static Strip strip(byte[] pagePng, List<OcrPage.Word> words) throws IOException {
        BufferedImage page = ImageIO.read(new ByteArrayInputStream(pagePng));
        if (page == null) throw new IOException("the page image cannot be decoded");
        List<Integer> idx = new ArrayList<>();
        // cut-outs stand two text heights apart, so that the Latin reading never runs two of them into one line
        int gap = 0;
        for (OcrPage.Word w : words) gap = Math.max(gap, Math.min(w.height(), 200));
        final int GAP = Math.max(40, 2 * gap);
        int width = 0, height = MARGIN;
        for (int i = 0; i < words.size(); i++) {
            OcrPage.Word w = words.get(i);
            if (!wanted(w)) continue;
            idx.add(i);
            width = Math.max(width, w.width() + 2 * PAD);
            height += w.height() + 2 * PAD + GAP;
        }
        if (idx.isEmpty()) return new Strip(null, List.of(), List.of());
        BufferedImage strip = new BufferedImage(width + 2 * MARGIN, height + MARGIN, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = strip.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, strip.getWidth(), strip.getHeight());
        List<int[]> bands = new ArrayList<>();
        int y = MARGIN;
        for (int i : idx) {
            OcrPage.Word w = words.get(i);
            int x0 = Math.max(0, w.left() - PAD), y0 = Math.max(0, w.top() - PAD);
            int x1 = Math.min(page.getWidth(), w.right() + PAD), y1 = Math.min(page.getHeight(), w.bottom() + PAD);
            if (x1 > x0 && y1 > y0) g.drawImage(page.getSubimage(x0, y0, x1 - x0, y1 - y0), MARGIN, y, null);
            bands.add(new int[]{y - GAP / 2, y + (y1 - y0) + GAP / 2});
            y += w.height() + 2 * PAD + GAP;
        }
        g.dispose();
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        ImageIO.write(strip, "png", bos);
        return new Strip(bos.toByteArray(), bands, idx);
    }

    /** The words with their numbers re-read from the strip's OCR words. */
    static List<OcrPage.Word> apply(List<OcrPage.Word> words, Strip strip, List<OcrPage.Word> latin) {
        List<OcrPage.Word> out = new ArrayList<>(words);
        for (int k = 0; k < strip.wordIndexes().size(); k++) {
            int[] band = strip.bands().get(k);
            List<OcrPage.Word> inBand = new ArrayList<>();
            for (OcrPage.Word l : latin) if (l.centreY() >= band[0] && l.centreY() < band[1]) inBand.add(l);
            if (inBand.isEmpty()) continue;
            inBand.sort(java.util.Comparator.comparingInt(OcrPage.Word::left));
            StringBuilder text = new StringBuilder();
            float conf = 100f;
            for (OcrPage.Word l : inBand) { text.append(l.text()); conf = Math.min(conf, l.confidence()); }
            int i = strip.wordIndexes().get(k);
            out.set(i, merge(words.get(i), text.toString(), conf));
        }
        return out;
    }

    /** The Chinese reading with its numbers replaced by the Latin reading's, when both hold as many numbers. */
    static OcrPage.Word merge(OcrPage.Word chi, String latin, float latinConf) {
        List<String> latinNumbers = new ArrayList<>();
        Matcher lm = LATIN_NUMBER.matcher(latin);
        while (lm.find()) latinNumbers.add(trimTrailingSeparators(lm.group()));
        List<int[]> chiNumbers = new ArrayList<>();
        Matcher cm = CHI_NUMBER.matcher(chi.text());
        while (cm.find()) {
            if (cm.group().chars().anyMatch(Character::isDigit)) chiNumbers.add(new int[]{cm.start(), cm.end()});
        }
        if (chiNumbers.isEmpty() || chiNumbers.size() != latinNumbers.size()) return chi;
        StringBuilder sb = new StringBuilder();
        int last = 0;
        boolean same = true, disagree = false;
        for (int n = 0; n < chiNumbers.size(); n++) {
            int[] span = chiNumbers.get(n);
            String chiNumber = trimTrailingSeparators(chi.text().substring(span[0], span[1]));
            int end = span[0] + chiNumber.length();
            String latinNumber = latinNumbers.get(n);
            same &= chiNumber.equals(latinNumber);
            String kept;
            if (otherDigitSamePlace(chiNumber, latinNumber)) {
                disagree = true;
                kept = latinConf > chi.confidence() ? latinNumber : chiNumber;
            } else {
                kept = plausible(chiNumber, latinNumber) ? latinNumber : chiNumber;
            }
            sb.append(chi.text(), last, span[0]).append(kept);
            last = end;
        }
        sb.append(chi.text().substring(last));
        float conf = same ? Math.max(chi.confidence(), latinConf) : Math.min(chi.confidence(), latinConf);
        if (disagree) conf = Math.min(conf, DISAGREEING);
        return new OcrPage.Word(sb.toString(), chi.left(), chi.top(), chi.width(), chi.height(), conf);
    }

    /**
     * Whether the Latin reading may replace the Chinese one. The Latin model sometimes loses a character of a
     * number instead (1.2 → 2, 4.2% → 42%, 274.0 → 74.0), so its reading is taken only when it keeps the decimal
     * point the Chinese reading has, and either has the same whole part (3.09% → 3.0%, $.15 → 5.15) or at least as
     * many digits (137.90 → 157.90).
     */
    static boolean plausible(String chi, String latin) {
        String c = asDigits(chi.replaceAll("%.*", "")), l = latin.replace("%", "");
        if (c.contains(".") && !l.contains(".")) return false;
        // more digits than the Chinese reading saw, or two decimal points: the strip ran two cut-outs together
        if (l.indexOf('.') != l.lastIndexOf('.') || digits(l) > digits(asDigits(chi))) return false;
        String cWhole = c.contains(".") ? c.substring(0, c.indexOf('.')) : c;
        String lWhole = l.contains(".") ? l.substring(0, l.indexOf('.')) : l;
        return cWhole.equals(lWhole) || digits(l) >= digits(c);
    }

    /**
     * Whether the two readings of a number differ only in digits, each in the same place: same length, same decimal
     * point and percent sign, at least one digit read as another (letters that look like digits count as those
     * digits: $.15 and 5.15 agree).
     */
    static boolean otherDigitSamePlace(String chi, String latin) {
        String c = asDigits(chi), l = latin;
        if (c.length() != l.length() || c.equals(l)) return false;
        for (int i = 0; i < c.length(); i++) {
            char a = c.charAt(i), b = l.charAt(i);
            if (a == b) continue;
            if (!Character.isDigit(a) || !Character.isDigit(b)) return false;
        }
        return true;
    }

    private static String asDigits(String s) {
        return s.replace('$', '5').replace('S', '5').replace('O', '0').replace('l', '1').replace('I', '1').replace('B', '8');
    }

    private static long digits(String s) {
        return s.chars().filter(Character::isDigit).count();
    }

    private static String trimTrailingSeparators(String s) {
        int e = s.length();
        while (e > 0 && (s.charAt(e - 1) == '.' || s.charAt(e - 1) == ',')) e--;
        return s.substring(0, e);
    }
}
