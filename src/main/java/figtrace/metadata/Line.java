package figtrace.metadata;

import figtrace.model.DocumentText;
import figtrace.model.TextLine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One non-blank line of a document as the metadata heuristics see it: cleaned text (markdown '#' and footnote stars
 * gone, spaces between Chinese characters closed, because typesetting puts them in titles: "阿克苏地区2025年 国民经济")
 * and where it is, for the sources map.
 *
 * @param index    position among the non-blank lines (0 = first)
 * @param text     the cleaned line
 * @param raw      the line as in the document, stripped
 * @param line     its line record (page, number, table, soft wrap)
 * @param spaceBreak the line ended in two or more spaces: a markdown hard break, as between the two parts of a headline
 */
record Line(int index, String text, String raw, TextLine line, boolean spaceBreak) {

    private static final Pattern SPACE_NEAR_CJK = Pattern.compile(
            "(?<=[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF0-9])[\\s\\u3000]+(?=[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF])"
                    + "|(?<=[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF])[\\s\\u3000]+(?=[0-9])");

    /** The non-blank lines of a document, in order. */
    static List<Line> of(DocumentText text) {
        List<Line> out = new ArrayList<>();
        for (TextLine tl : text.lines()) {
            String full = text.lineText(tl);
            String raw = full.strip();
            if (raw.isEmpty()) continue;
            out.add(new Line(out.size(), clean(raw), raw, tl, full.matches("(?s).*\\S[ \\t]{2,}$")));
        }
        return out;
    }

    static String clean(String raw) {
        String s = raw.strip().replace('\u3000', ' ');
        s = s.replaceFirst("^#+\\s*", "");
        s = s.replaceAll("\\*+$", "").strip();
        return SPACE_NEAR_CJK.matcher(s).replaceAll("");
    }

    /** The text without any whitespace, for matching labels and word lists. */
    String squeezed() { return text.replaceAll("[\\s\\u3000]+", ""); }

    boolean isTableRow() { return line.isTableRow(); }

    /** "text:line 3" or "text:page 2 line 5" for paged formats. */
    String where() {
        return line.page() > 0 ? "text:page " + line.page() + " line " + line.number() : "text:line " + line.number();
    }

    /** Number of CJK ideographs. */
    int hanCount() {
        return (int) text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
    }
}
