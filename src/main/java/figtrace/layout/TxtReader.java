package figtrace.layout;

import figtrace.ingest.IngestStage;
import figtrace.model.DocIssue;
import figtrace.model.DocStatus;
import figtrace.model.DocumentText;
import figtrace.model.ParsedDocument;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plain text. Lines are the file's lines, unchanged, so line N here is {@code sed -n Np} of the file (gold for .txt
 * files is keyed that way). Only the BOM and the '\r' of CRLF endings are dropped.
 */
final class TxtReader {
    private TxtReader() {}

    static ParsedDocument read(String name, byte[] bytes) {
        Decoded d = decode(bytes);
        String s = d.text;
        List<Row> rows = new ArrayList<>();
        int start = 0;
        while (true) {
            int nl = s.indexOf('\n', start);
            int end = nl < 0 ? s.length() : nl;
            int contentEnd = end > start && s.charAt(end - 1) == '\r' ? end - 1 : end;
            Row r = new Row(0, s.substring(start, contentEnd));
            // Tab-separated cells: a table when two or more such lines follow each other (text stays as it is).
            r.tabular = r.text.indexOf('\t') >= 0 && !r.text.isBlank();
            rows.add(r);
            if (nl < 0) break;
            start = nl + 1;
        }
        // A final newline ends the last line; it does not start an extra empty one.
        if (rows.size() > 1 && rows.get(rows.size() - 1).text.isEmpty() && (s.endsWith("\n"))) rows.remove(rows.size() - 1);
        Lines.markTabularRuns(rows, 0);
        DocumentText text = Lines.build(rows);
        Map<String, String> meta = Map.of("charset", d.charset.name());
        if (text.isBlank()) {
            return new ParsedDocument(text, null, DocStatus.EMPTY_TEXT,
                    List.of(new DocIssue("empty_text", name + ": the file holds only whitespace; nothing to extract")), meta);
        }
        return new ParsedDocument(text, null, DocStatus.OK, List.of(), meta);
    }

    record Decoded(String text, Charset charset) {}

    /** UTF-8 when the bytes are valid UTF-8 (BOM stripped), else GB18030 (a superset of GB2312 and GBK). */
    static Decoded decode(byte[] bytes) {
        Charset utf16 = IngestStage.utf16Bom(bytes);
        if (utf16 != null) return new Decoded(new String(bytes, 2, bytes.length - 2, utf16), utf16);
        int skip = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        byte[] body = skip == 0 ? bytes : java.util.Arrays.copyOfRange(bytes, skip, bytes.length);
        String utf8 = IngestStage.decodeStrict(body, StandardCharsets.UTF_8);
        if (utf8 != null || skip == 3) {
            return new Decoded(utf8 != null ? utf8 : new String(body, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        Charset gb = Charset.forName("GB18030");
        return new Decoded(new String(body, gb), gb);
    }
}
