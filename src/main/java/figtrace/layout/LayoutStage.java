package figtrace.layout;

import figtrace.ingest.IngestStage;
import figtrace.limits.LimitCheck;
import figtrace.limits.Limits;
import figtrace.model.DocIssue;
import figtrace.model.DocStatus;
import figtrace.model.DocType;
import figtrace.model.DocumentText;
import figtrace.model.ParsedDocument;
import figtrace.model.SourceFile;
import figtrace.model.TextLine;

import java.util.ArrayList;
import java.util.List;

/**
 * Layout: turns a file's bytes into {@link DocumentText} with page and line provenance. Never throws: a file it
 * cannot read comes back with a failed {@link DocStatus} and an issue that says which file, what is wrong and what to
 * do. The text stays as the source shows it (no normalisation), so quotes cut from it are exact.
 */
public final class LayoutStage {
    private final Ocr ocr;

    /** A layout stage without OCR: pages without a usable text layer are marked needs_ocr or garbled_text. */
    public LayoutStage() {
        this(Ocr.NONE);
    }

    /** A layout stage that reads PDF pages without a usable text layer with {@code ocr}. */
    public LayoutStage(Ocr ocr) {
        this.ocr = ocr;
    }

    public ParsedDocument parse(SourceFile file, byte[] bytes) {
        return parse(file, bytes, Limits.defaults());
    }

    /**
     * Reads the file within {@code limits} (size, inflated size, HTML nesting, pages, characters; the time limit is
     * the caller's, see {@code pipeline.ParseWorker}): a file over one comes back as {@code limit_exceeded}.
     */
    public ParsedDocument parse(SourceFile file, byte[] bytes, Limits limits) {
        String name = file.name();
        ParsedDocument refused = LimitCheck.beforeParse(name, bytes, file.type(), limits);
        if (refused != null) return refused;
        ParsedDocument parsed = parseWithin(file, bytes, limits);
        ParsedDocument tooLong = LimitCheck.afterParse(name, parsed, limits);
        return tooLong != null ? tooLong : parsed;
    }

    private ParsedDocument parseWithin(SourceFile file, byte[] bytes, Limits limits) {
        String name = file.name();
        if (bytes.length == 0) {
            return ParsedDocument.failed(DocStatus.EMPTY_TEXT,
                    new DocIssue("empty_file", name + ": the file is empty (0 bytes); nothing to extract"));
        }
        ParsedDocument parsed;
        try {
            parsed = switch (file.type()) {
                case TXT -> TxtReader.read(name, bytes);
                case HTML -> HtmlReader.read(name, bytes);
                case PDF -> PdfReader.read(name, bytes, ocr, limits);
                case DOCX, DOC -> OfficeReader.read(name, bytes, file.type());
                case UNKNOWN -> ParsedDocument.failed(DocStatus.UNSUPPORTED, new DocIssue("unsupported_type", name
                        + ": " + unknownKind(bytes) + "; figtrace cannot read it. "
                        + "Convert it to .docx, PDF, HTML or text (e.g. open and \"save as\" in Word/WPS) or leave it out of the corpus"));
            };
        } catch (Exception | OutOfMemoryError | StackOverflowError | LinkageError e) {
            // Parsers fail in many ways on hostile files; one bad file must never stop the run.
            return ParsedDocument.failed(DocStatus.PARSE_FAILED, new DocIssue("parse_failed", name + ": the "
                    + file.type().code() + " parser failed (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())) + "); the file is probably damaged: "
                    + "open and re-save it, or get a fresh copy"));
        }
        return withExtensionCheck(file, parsed);
    }

    /** A file whose extension names another format is read by its content, and the name is reported. */
    private static ParsedDocument withExtensionCheck(SourceFile file, ParsedDocument parsed) {
        DocType claimed = IngestStage.typeFromExtension(file.name());
        if (claimed == DocType.UNKNOWN || claimed == file.type() || file.type() == DocType.UNKNOWN) return parsed;
        String base = file.name().contains(".") ? file.name().substring(0, file.name().lastIndexOf('.')) : file.name();
        String rightExt = switch (file.type()) {
            case TXT -> "txt";
            case HTML -> "html";
            case PDF -> "pdf";
            case DOCX -> "docx";
            case DOC -> "doc";
            case UNKNOWN -> "";
        };
        List<DocIssue> issues = new ArrayList<>();
        issues.add(new DocIssue("wrong_extension", file.name() + " is really a " + file.type().name()
                + "; rename it to " + base + "." + rightExt));
        issues.addAll(parsed.issues());
        DocStatus status = parsed.status() == DocStatus.OK ? DocStatus.OK_WITH_ISSUES : parsed.status();
        return new ParsedDocument(parsed.text(), parsed.pages(), status, issues, parsed.metadata(), parsed.ocr());
    }

    private static String unknownKind(byte[] bytes) {
        if (IngestStage.isRtf(bytes)) return "the content is RTF, not Word or any format figtrace reads";
        if (IngestStage.isMht(bytes)) return "the content is an MHT \"single file web page\" (MIME), not Word or HTML";
        return "the content is not text, HTML, PDF or Word (.docx/.doc)";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String l = nl < 0 ? s : s.substring(0, nl);
        return l.length() > 200 ? l.substring(0, 200) + "…" : l;
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
