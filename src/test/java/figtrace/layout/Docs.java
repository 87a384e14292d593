package figtrace.layout;

import figtrace.ingest.IngestStage;
import figtrace.model.DocumentText;
import figtrace.model.ParsedDocument;
import figtrace.model.SourceFile;
import figtrace.model.TextLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Test helpers: load fixtures from src/test/resources/docs, parse them, check the text's invariants. */
final class Docs {
    private Docs() {}

    static byte[] bytes(String resource) {
        try (InputStream in = Docs.class.getResourceAsStream("/docs/" + resource)) {
            if (in == null) throw new IllegalArgumentException("no test resource docs/" + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedDocument parse(String resource) {
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        return parse(name, bytes(resource));
    }

    static ParsedDocument parse(String name, byte[] bytes) {
        SourceFile file = IngestStage.identify(name, bytes);
        ParsedDocument doc = new LayoutStage().parse(file, bytes);
        assertWellFormed(doc.text());
        return doc;
    }

    /** Lines cover the text in order, hold no line break, and are numbered from 1 on each page. */
    static void assertWellFormed(DocumentText t) {
        String text = t.text();
        List<TextLine> lines = t.lines();
        if (lines.isEmpty()) {
            assertEquals("", text);
            return;
        }
        assertEquals(0, lines.get(0).start(), "first line starts the text");
        assertEquals(text.length(), lines.get(lines.size() - 1).end(), "last line ends the text");
        for (int i = 0; i < lines.size(); i++) {
            TextLine l = lines.get(i);
            assertTrue(l.start() <= l.end(), "line " + i + " has start <= end");
            assertFalse(text.substring(l.start(), l.end()).contains("\n"), "line " + i + " holds no line break");
            if (i > 0) {
                TextLine prev = lines.get(i - 1);
                assertEquals(prev.end() + 1, l.start(), "line " + i + " follows the previous one after one '\\n'");
                assertEquals('\n', text.charAt(prev.end()));
                int expected = prev.page() == l.page() ? prev.number() + 1 : 1;
                assertEquals(expected, l.number(), "line " + i + " numbering");
            } else {
                assertEquals(1, l.number());
            }
        }
    }

    /** All lines whose text contains {@code needle}. */
    static List<TextLine> linesWith(DocumentText t, String needle) {
        List<TextLine> out = new ArrayList<>();
        for (TextLine l : t.lines()) if (t.lineText(l).contains(needle)) out.add(l);
        return out;
    }

    static TextLine onlyLineWith(DocumentText t, String needle) {
        List<TextLine> ls = linesWith(t, needle);
        if (ls.isEmpty()) fail("no line contains " + needle);
        return ls.get(0);
    }
}
