package figtrace.metadata;

import java.util.ArrayList;
import java.util.List;

/**
 * Where in a document's lines its header parts are printed: the title again as the heading of the body, the header
 * lines around the title, and in them (or in the signature at the end) the issuer, date and document number lines.
 * Split out of {@link MetadataStage}, whose reader takes each field from these lines.
 */
final class HeaderLines {
    private final Shapes shapes;

    HeaderLines(Shapes shapes) { this.shapes = shapes; }

    /** The line where a labelled title is printed again as the heading of the body, for the byline under it. */
    Titles.Found locate(List<Line> lines, String title) {
        String want = Titles.norm(title);
        for (int i = 0; i < Math.min(lines.size(), Titles.HEADER); i++) {
            Line l = lines.get(i);
            if (shapes.isLabelLine(l) || !shapes.isTitleLike(l)) continue;
            if (want.startsWith(Titles.norm(l.text())) || Titles.norm(l.text()).startsWith(want)) {
                return new Titles.Found(l.text(), i, i);
            }
        }
        return null;
    }

    /**
     * The lines around the title where a header's issuer, date and number are printed: from a few lines above the title
     * to a few below it, up to the body text; without a title, the first lines up to the body text. Starting at the
     * title skips a table of contents before it.
     */
    List<Line> header(List<Line> lines, Titles.Found title) {
        List<Line> out = new ArrayList<>();
        // the first lines up to the body text (a broker note prints its date above a headline set lower down)
        for (int i = 0; i < Math.min(lines.size(), Titles.HEADER); i++) {
            Line l = lines.get(i);
            if (shapes.isProse(l) && !l.text().startsWith("—")) break;
            if (title == null || i < title.first()) out.add(l);
        }
        if (title == null) return out;
        for (int i = Math.max(0, title.first() - 4); i < Math.min(lines.size(), title.last() + 1 + Bylines.NEAR); i++) {
            Line l = lines.get(i);
            if (i >= title.first() && i <= title.last()) continue;
            if (i > title.last() && shapes.isProse(l) && !l.text().startsWith("—")) break;
            if (!out.contains(l)) out.add(l);
        }
        return out;
    }

    /** An issuer line in the header, else one signed in the last lines. */
    Line issuerLine(List<Line> lines, Titles.Found title) {
        for (Line l : header(lines, title)) if (shapes.isIssuerLine(l) || shapes.isLetterhead(l)) return l;
        for (int i = Math.max(0, lines.size() - MetadataStage.SIGNATURE); i < lines.size(); i++) {
            if (shapes.isIssuerLine(lines.get(i))) return lines.get(i);
        }
        return null;
    }

    /** A line starting with a date in the header, else a bare date line among the last lines (a signature). */
    Line dateLine(List<Line> lines, Titles.Found title) {
        for (Line l : header(lines, title)) if (shapes.isDateLine(l)) return l;
        for (int i = lines.size() - 1; i >= Math.max(0, lines.size() - MetadataStage.SIGNATURE); i--) {
            Line l = lines.get(i);
            if (shapes.isDateLine(l) && l.text().length() <= 16) return l;
        }
        return null;
    }

    /** A document number stands on a short line of its own in the header or the signature, not cited in the body. */
    Line numberLine(List<Line> lines, Titles.Found title) {
        List<Line> places = new ArrayList<>(header(lines, title));
        places.addAll(lines.subList(Math.max(0, lines.size() - MetadataStage.SIGNATURE), lines.size()));
        for (Line l : places) {
            if (l.text().length() <= MetadataStage.MAX_NUMBER_LINE && Shapes.DOC_NUMBER.matcher(l.text()).find()) return l;
        }
        return null;
    }
}
