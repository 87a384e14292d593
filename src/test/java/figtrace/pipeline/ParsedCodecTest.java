package figtrace.pipeline;

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

class ParsedCodecTest {

    /** A page read by OCR in a parse worker keeps its words, so its records say source ocr with a confidence. */
    @Test
    void ocrWordsSurviveTheTripFromTheWorker() throws Exception {
        DocumentText text = new DocumentText("张家界市统计局", List.of(new TextLine(1, 1, 0, 7, false, -1)),
                List.of(new OcrWord(0, 4, 1, 91.5f, 10f, 20f, 60f, 32f), new OcrWord(4, 7, 1, 47f, 61f, 20f, 90f, 32f)));
        ParsedDocument d = new ParsedDocument(text, 1, DocStatus.OK, List.of(), Map.of("title", "公报"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ParsedCodec.writeParsed(new DataOutputStream(bytes), d);
        ParsedDocument back = ParsedCodec.readParsed(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(text, back.text());
        assertEquals(text.ocrWords(), back.text().ocrWords());
    }
}
