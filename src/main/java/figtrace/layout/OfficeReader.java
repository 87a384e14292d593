package figtrace.layout;

import figtrace.model.DocIssue;
import figtrace.model.DocStatus;
import figtrace.model.DocType;
import figtrace.model.DocumentText;
import figtrace.model.ParsedDocument;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.sax.ToXMLContentHandler;
import org.jsoup.Jsoup;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Word files (.docx and .doc) through Tika's Office parsers. Tika turns them into XHTML (paragraphs, tables with rows
 * and cells), which is then read like any HTML page: one line per paragraph, one line per table row with '\t'
 * between cells.
 */
final class OfficeReader {
    private OfficeReader() {}

    static ParsedDocument read(String name, byte[] bytes, DocType type) throws Exception {
        // An OLE2 container holds a .doc, or an encrypted .docx, which only the OLE2 parser recognises (and reports).
        boolean ole2 = bytes.length >= 4 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF
                && (bytes[2] & 0xFF) == 0x11 && (bytes[3] & 0xFF) == 0xE0;
        Parser parser = type == DocType.DOCX && !ole2 ? new OOXMLParser() : new OfficeParser();
        OfficeParserConfig config = new OfficeParserConfig();
        // Headers and footers are page furniture (page numbers, running titles), not content.
        config.setIncludeHeadersAndFooters(false);
        config.setIncludeDeletedContent(false);
        config.setIncludeMoveFromContent(false);
        ParseContext context = new ParseContext();
        context.set(OfficeParserConfig.class, config);
        Metadata metadata = new Metadata();
        ToXMLContentHandler handler = new ToXMLContentHandler();
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            parser.parse(in, handler, metadata, context);
        } catch (EncryptedDocumentException e) {
            return ParsedDocument.failed(DocStatus.PARSE_FAILED, new DocIssue("encrypted_document", name
                    + ": the Word file is password-protected; save an unprotected copy and run again"));
        }
        List<Row> rows = HtmlReader.rows(Jsoup.parse(handler.toString()), false);
        DocumentText text = Lines.build(rows);
        Map<String, String> meta = new LinkedHashMap<>();
        put(meta, "title", metadata.get(TikaCoreProperties.TITLE));
        put(meta, "author", metadata.get(TikaCoreProperties.CREATOR));
        put(meta, "created", metadata.get(TikaCoreProperties.CREATED));
        if (text.isBlank()) {
            return new ParsedDocument(text, null, DocStatus.EMPTY_TEXT, List.of(new DocIssue("empty_text",
                    name + ": the Word file has no text in its body (images only?); nothing to extract")), meta);
        }
        return new ParsedDocument(text, null, DocStatus.OK, new ArrayList<>(), meta);
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null && !v.isBlank()) m.put(k, v.strip());
    }
}
