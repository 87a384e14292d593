package figtrace.golden;

import figtrace.model.DocumentResult;
import figtrace.model.DocumentText;
import figtrace.model.Entity;
import figtrace.model.Figure;
import figtrace.model.Measure;
import figtrace.model.TextLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The provenance promise checked on every record of a document: a figure's quote is the text at its offsets and its
 * raw the text at its span (line breaks removed); an entity's and a measure's text is the text at their offsets (line
 * breaks removed); every record's line and page are those of where it starts.
 */
final class Provenance {
    private Provenance() {}

    /** What breaks the promise, one message a record; empty when every record keeps it. */
    static List<String> problems(DocumentResult r) {
        DocumentText t = r.parsed().text();
        List<String> out = new ArrayList<>();
        for (Figure f : r.figures()) {
            if (!t.text().substring(f.charStart(), f.charEnd()).equals(f.quote())) out.add("figure " + f.id() + ": quote is not the text at its offsets");
            if (!joined(t.text().substring(f.spanStart(), f.spanEnd())).equals(f.raw())) out.add("figure " + f.id() + ": raw is not the text at its span");
            if (f.spanStart() < f.charStart() || f.spanEnd() > f.charEnd()) out.add("figure " + f.id() + ": span outside its quote");
            where(t, f.spanStart(), f.line(), f.page(), "figure " + f.id(), out);
        }
        for (Entity e : r.entities()) {
            if (!flat(t.text().substring(e.charStart(), e.charEnd())).equals(e.text())) out.add("entity " + e.id() + ": text is not the text at its offsets");
            where(t, e.charStart(), e.line(), e.page(), "entity " + e.id(), out);
        }
        for (Measure m : r.measures()) {
            if (!flat(t.text().substring(m.charStart(), m.charEnd())).equals(m.text())) out.add("measure " + m.id() + ": text is not the text at its offsets");
            where(t, m.charStart(), m.line(), m.page(), "measure " + m.id(), out);
        }
        return out;
    }

    private static void where(DocumentText t, int offset, int line, Integer page, String what, List<String> out) {
        TextLine l = t.lineAt(offset);
        if (l.number() != line) out.add(what + ": line " + line + ", but its start is on line " + l.number());
        if (!Objects.equals(l.page() == 0 ? null : l.page(), page)) out.add(what + ": page " + page + ", but its start is on page " + l.page());
    }

    private static String joined(String s) { return s.replaceAll("\\s*[\\r\\n]+\\s*", ""); }

    private static String flat(String s) { return s.replace("\r", "").replace("\n", ""); }
}
