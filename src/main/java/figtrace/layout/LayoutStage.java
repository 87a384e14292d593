package figtrace.layout;

import figtrace.model.DocIssue;
import figtrace.model.DocStatus;
import figtrace.model.DocType;
import figtrace.model.DocumentText;
import figtrace.model.ParsedDocument;
import figtrace.model.SourceFile;
import figtrace.model.TextLine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Layout: turns a file's bytes into {@link DocumentText} with page and line provenance. Never throws: a file it
 * cannot read comes back with a failed {@link DocStatus} and an issue that says why.
 * PLACEHOLDER: only UTF-8 text for now; HTML, PDF, Word and charset detection are to come.
 */
public final class LayoutStage {

    public ParsedDocument parse(SourceFile file, byte[] bytes) {
        if (file.type() != DocType.TXT) {
            return ParsedDocument.failed(DocStatus.UNSUPPORTED,
                    new DocIssue("unsupported_type", file.name() + ": not a supported format"));
        }
        DocumentText text = linesOf(new String(bytes, StandardCharsets.UTF_8), 0);
        return new ParsedDocument(text, null, text.isBlank() ? DocStatus.EMPTY_TEXT : DocStatus.OK, List.of(), Map.of());
    }

    /** Splits text into lines on \n (a \r before it stays out of the line). Lines are numbered from 1. */
    public static DocumentText linesOf(String text, int page) {
        List<TextLine> lines = new ArrayList<>();
        int start = 0, number = 1;
        while (true) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lines.add(new TextLine(page, number++, start, contentEnd, false, -1));
            if (nl < 0) break;
            start = nl + 1;
        }
        return new DocumentText(text, lines);
    }
}
