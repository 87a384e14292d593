package figtrace.entities;

import figtrace.model.DocumentText;
import figtrace.model.TextLine;

import java.util.ArrayList;
import java.util.List;

/**
 * A paragraph to read entities and measures from: one line, or several lines joined where the layout marks a soft wrap
 * ({@link TextLine#continues()}, a PDF line break inside a sentence). {@code text} has the line breaks removed so a
 * verb or clause broken by the wrap reads whole; {@code docOffset[i]} is where {@code text.charAt(i)} stands in the
 * document text, so measures keep exact document offsets.
 */
public record Paragraph(String text, int[] docOffset, TextLine first) {

    /** Document offset of a paragraph start index. */
    public int docStart(int i) { return docOffset[i]; }

    /** Document offset (end-exclusive) of a paragraph end index. */
    public int docEnd(int j) { return docOffset[j - 1] + 1; }

    /** The document's paragraphs in order, skipping nothing (blank lines come out as empty paragraphs). */
    public static List<Paragraph> of(DocumentText doc) {
        List<Paragraph> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        List<Integer> map = new ArrayList<>();
        TextLine first = null;
        for (TextLine line : doc.lines()) {
            if (first == null) first = line;
            for (int i = line.start(); i < line.end(); i++) {
                sb.append(doc.text().charAt(i));
                map.add(i);
            }
            if (!line.continues()) {
                out.add(new Paragraph(sb.toString(), map.stream().mapToInt(Integer::intValue).toArray(), first));
                sb.setLength(0);
                map.clear();
                first = null;
            }
        }
        if (first != null) {
            out.add(new Paragraph(sb.toString(), map.stream().mapToInt(Integer::intValue).toArray(), first));
        }
        return out;
    }
}
