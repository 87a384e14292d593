package figtrace.metadata;

import java.util.List;

/**
 * Finds the document's title in its text. Order of trust: a top line that the file's own title confirms (it shares a
 * long run of characters with it); else the first heading-like line of the header, before the body text starts; else
 * the format's title; else the first heading-like line further down (a news page opens with an editor's note).
 */
final class Titles {

    /** The header of a document is at most this many non-blank lines (a web page has navigation first). */
    static final int HEADER = 40;
    /** A title is printed on at most this many lines. */
    static final int MAX_LINES = 3;
    static final int MAX_LENGTH = 90;
    /** Characters a text line must share in a row with the format's title to be confirmed by it. */
    static final int CONFIRM = 8;

    /** A title and the lines it was read from. */
    record Found(String title, int first, int last) {}

    private final Shapes shapes;

    Titles(Shapes shapes) { this.shapes = shapes; }

    Found confirmedByFormat(List<Line> lines, String formatTitle) {
        if (formatTitle == null) return null;
        String ft = norm(formatTitle);
        if (ft.length() < CONFIRM) return null;
        // the line sharing the longest run wins: a company name alone shares less than the headline it starts
        Found best = null;
        int bestRun = CONFIRM - 1;
        for (int i = 0; i < Math.min(lines.size(), HEADER * 2); i++) {
            Line l = lines.get(i);
            if (l.isTableRow() || l.hanCount() < 4 || l.text().length() > 60 || l.text().contains("。")) continue;
            if (shapes.isDateLine(l) || shapes.isLabelLine(l) || shapes.isNumbered(l)) continue;
            // the line itself must share the run: navigation chrome joined to the title under it must not win
            if (commonRun(norm(l.text()), ft) < CONFIRM) continue;
            Found f = l.line().continues() && i + 1 < lines.size() && !lines.get(i + 1).isTableRow()
                    // a title wrapped by the PDF layout goes on in the next line
                    ? new Found(l.text() + lines.get(i + 1).text(), i, i + 1)
                    : grow(lines, i);
            int run = commonRun(norm(f.title()), ft);
            if (run > bestRun) {
                best = f;
                bestRun = run;
            }
        }
        return best;
    }

    /** The first heading-like line of the header, with the lines it goes on in. */
    Found inHeader(List<Line> lines) {
        for (int i = 0; i < Math.min(lines.size(), HEADER); i++) {
            Line l = lines.get(i);
            if (shapes.isTitleLike(l) && journalName(lines, i) == null) return grow(lines, i);
            if (shapes.isProse(l)) return null;
        }
        return null;
    }

    /**
     * The journal's name when line {@code i} is one: a short heading with a masthead line (ISSN, 第…卷) right under it,
     * maybe after its English name — "新疆社会科学" / "Social Sciences in Xinjiang" / "ISSN 1009-5330, CN 65-1211/F".
     */
    String journalName(List<Line> lines, int i) {
        Line l = lines.get(i);
        if (l.hanCount() < 2 || l.text().length() > 30 || shapes.isMasthead(l)) return null;
        for (int j = i + 1; j < Math.min(lines.size(), i + 3); j++) {
            if (shapes.isMasthead(lines.get(j))) return l.text();
        }
        return null;
    }

    /** The first heading-like line anywhere in the first lines, body text or not. */
    Found anywhere(List<Line> lines) {
        for (int i = 0; i < Math.min(lines.size(), HEADER); i++) {
            Line l = lines.get(i);
            if (shapes.isTitleLike(l) && l.hanCount() >= 6 && journalName(lines, i) == null) return grow(lines, i);
        }
        return null;
    }

    /**
     * Joins the lines a title is broken over ("2025年和田地区国民经济和社会发展" + "统计公报") and its dashed subtitle.
     * Stops at a byline, a date, an issuer or body text. Lines are joined without a space, as Chinese is written, unless the
     * first ended in a hard line break made of spaces (a headline of two parts).
     */
    private Found grow(List<Line> lines, int start) {
        StringBuilder title = new StringBuilder(lines.get(start).text());
        int last = start;
        for (int j = start + 1; j < lines.size() && j - start < MAX_LINES; j++) {
            Line next = lines.get(j);
            // a dash line goes on the title as its subtitle (——基于…的视角, ——访…), a dated one is a speech line
            if (!shapes.isTitleLike(next)) break;
            if (title.length() + next.text().length() > MAX_LENGTH) break;
            if (lines.get(j - 1).spaceBreak()) title.append(' ');
            title.append(next.text());
            last = j;
        }
        return new Found(title.toString(), start, last);
    }

    /** Squeezed, with full-width brackets and colons as ASCII, so that the format's and the text's spelling compare. */
    static String norm(String s) {
        return s.replaceAll("[\\s\\u3000]+", "").replace('（', '(').replace('）', ')').replace('：', ':')
                .replace('，', ',');
    }

    /** Length of the longest run of characters the two strings share. */
    static int commonRun(String a, String b) {
        int best = 0;
        int[] prev = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            for (int j = 1; j <= b.length(); j++) {
                if (a.charAt(i - 1) == b.charAt(j - 1)) {
                    cur[j] = prev[j - 1] + 1;
                    best = Math.max(best, cur[j]);
                }
            }
            prev = cur;
        }
        return best;
    }
}
