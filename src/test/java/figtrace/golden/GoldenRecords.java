package figtrace.golden;

import figtrace.model.DocIssue;
import figtrace.model.DocumentResult;
import figtrace.model.DocumentText;
import figtrace.model.Entity;
import figtrace.model.Figure;
import figtrace.model.Link;
import figtrace.model.Measure;
import figtrace.model.TextLine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One document's extraction as stable text lines, one record a line, tab-separated, for the golden-output files.
 *
 * <p>Line kinds, in this order: {@code doc} (file, sha256, size, type, pages, status, figure/entity/measure counts),
 * {@code text} (length, line count and hashes of the text and of its line table: any change of the text or of a
 * line's page, number or offsets shows here), {@code issue}, {@code meta} (sorted by key), {@code fig}, {@code ent},
 * {@code mea} (in the pipeline's order, which is the order the store keeps), {@code link} (sorted). A figure's quote is
 * not written: it is the text at its offsets, which the text hash covers, and leaving it out keeps a 6,900-figure
 * budget document to one short line a figure. Tabs, line breaks and backslashes inside a field are escaped.
 */
final class GoldenRecords {
    private GoldenRecords() {}

    static List<String> lines(DocumentResult r) {
        List<String> out = new ArrayList<>();
        out.add(row("doc", r.source().name(), r.source().sha256(), r.source().size(), r.source().type().code(),
                r.parsed().pages(), r.parsed().status().code(), r.figures().size(), r.entities().size(),
                r.measures().size()));
        DocumentText t = r.parsed().text();
        out.add(row("text", t.text().length(), t.lines().size(), sha256(t.text()), sha256(lineTable(t))));
        for (DocIssue i : r.parsed().issues()) out.add(row("issue", i.code(), i.message()));
        for (Map.Entry<String, String> e : new TreeMap<>(r.parsed().metadata()).entrySet()) {
            out.add(row("meta", e.getKey(), e.getValue()));
        }
        for (Figure f : r.figures()) {
            out.add(row("fig", f.id(), f.page(), f.line(), f.charStart(), f.charEnd(), f.spanStart(), f.spanEnd(),
                    f.raw(), f.value() == null ? null : f.value().toPlainString(), f.unit(), f.measureWord(), f.kind(),
                    f.qualifier(), f.time(), f.region(), f.subject(), f.indicator(), f.change(), f.target(), f.rule(),
                    f.note()));
        }
        for (Entity e : r.entities()) {
            out.add(row("ent", e.id(), e.page(), e.line(), e.charStart(), e.charEnd(), e.text(), e.type(),
                    e.canonical(), e.canonicalId(), e.attributes(), e.rule()));
        }
        for (Measure m : r.measures()) {
            out.add(row("mea", m.id(), m.page(), m.line(), m.charStart(), m.charEnd(), m.actor(), m.status(),
                    m.instrument(), String.join("|", m.linkedFigures()), String.join("|", m.entityIds()), m.rule(),
                    m.text()));
        }
        List<String> links = new ArrayList<>();
        for (Link l : r.links()) links.add(row("link", l.kind(), l.fromId(), l.toId()));
        links.sort(null);
        out.addAll(links);
        return out;
    }

    private static String lineTable(DocumentText t) {
        StringBuilder b = new StringBuilder();
        for (TextLine l : t.lines()) {
            b.append(l.page()).append(',').append(l.number()).append(',').append(l.start()).append(',').append(l.end())
                    .append(',').append(l.continues()).append(',').append(l.table()).append('\n');
        }
        return b.toString();
    }

    private static String row(Object... fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) b.append('\t');
            b.append(escape(fields[i] == null ? "" : String.valueOf(fields[i])));
        }
        return b.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String sha256(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
