package figtrace.pipeline;

import figtrace.model.DocIssue;
import figtrace.model.DocStatus;
import figtrace.model.DocumentText;
import figtrace.model.OcrWord;
import figtrace.model.ParsedDocument;
import figtrace.model.TextLine;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a parse worker sends back is what it parsed, OCR words included: without them the figures of pages read by
 * OCR lost source ocr, their confidence, their page box and their OCR notes in every default (forked) run.
 */
class ParsedCodecTest {

    @Test
    void aParsedDocumentWithOcrWordsSurvivesThePipe() throws Exception {
        String text = "地区生产总值1234.5亿元\n增长6.1%";
        DocumentText parsed = new DocumentText(text, List.of(new TextLine(1, 1, 0, 15, false, -1),
                new TextLine(1, 2, 16, 22, false, -1)),
                List.of(new OcrWord(0, 6, 1, 91.5f, 72f, 100.25f, 160f, 112f),
                        new OcrWord(6, 15, 1, 63f, 161f, 100f, 230.5f, 112.75f)));
        ParsedDocument sent = new ParsedDocument(parsed, 1, DocStatus.OK_WITH_ISSUES,
                List.of(new DocIssue("ocr_pages", "x.pdf: page 1 read by OCR")), Map.of("title", "公报"),
                new figtrace.model.OcrRun(3, 1, 17_250L));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            ParsedCodec.writeParsed(out, sent);
        }
        ParsedDocument received = ParsedCodec.readParsed(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(sent.text(), received.text());
        assertEquals(sent.text().ocrWords(), received.text().ocrWords());
        assertEquals(sent.status(), received.status());
        assertEquals(sent.issues(), received.issues());
        assertEquals(sent.metadata(), received.metadata());
        assertEquals(sent.pages(), received.pages());
        assertEquals(sent.ocr(), received.ocr(), "what OCR cost reaches the runner's log");
        assertEquals(sent, received);
    }
}
