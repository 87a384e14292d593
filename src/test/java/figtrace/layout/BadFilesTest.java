package figtrace.layout;

import figtrace.ingest.IngestStage;
import figtrace.model.DocIssue;
import figtrace.model.DocStatus;
import figtrace.model.DocType;
import figtrace.model.ParsedDocument;
import figtrace.model.SourceFile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BadFilesTest {

    @Test
    void anEmptyFileIsEmptyTextWithAMessage() {
        ParsedDocument d = Docs.parse("bad/empty.txt");
        assertEquals(DocStatus.EMPTY_TEXT, d.status());
        assertEquals("empty.txt: the file is empty (0 bytes); nothing to extract", d.issues().get(0).message());
    }

    @Test
    void aTruncatedPdfFailsWithAClearMessage() {
        ParsedDocument d = Docs.parse("bad/truncated.pdf");
        assertEquals(DocStatus.PARSE_FAILED, d.status(), d.issues().toString());
        DocIssue issue = d.issues().get(0);
        assertEquals("truncated_pdf", issue.code());
        assertTrue(issue.message().startsWith("truncated.pdf: "), issue.message());
        assertTrue(issue.message().contains("download it again"), issue.message());
    }

    @Test
    void aPdfNamedTxtIsReadAsPdfAndTheNameIsReported() {
        ParsedDocument d = Docs.parse("bad/report_is_really_a_pdf.txt");
        assertEquals(DocStatus.OK_WITH_ISSUES, d.status());
        assertEquals(1, d.pages());
        assertTrue(d.text().text().contains("2479.6 billion"));
        DocIssue issue = d.issues().get(0);
        assertEquals("wrong_extension", issue.code());
        assertEquals("report_is_really_a_pdf.txt is really a PDF; rename it to report_is_really_a_pdf.pdf", issue.message());
    }

    @Test
    void anHtmlPageNamedPdfIsReadAsHtml() {
        ParsedDocument d = Docs.parse("bad/page_is_really_html.pdf");
        assertEquals(DocStatus.OK_WITH_ISSUES, d.status());
        assertEquals("地区生产总值2025年", d.text().text());
        assertEquals("wrong_extension", d.issues().get(0).code());
    }

    @Test
    void binaryContentIsUnsupported() {
        ParsedDocument d = Docs.parse("bad/binary.bin");
        assertEquals(DocStatus.UNSUPPORTED, d.status());
        assertTrue(d.issues().get(0).message().startsWith("binary.bin: "));
    }

    @Test
    void parseNeverThrowsOnHostileBytes() {
        Random random = new Random(42);
        LayoutStage layout = new LayoutStage();
        for (DocType type : DocType.values()) {
            for (int i = 0; i < 5; i++) {
                byte[] junk = new byte[random.nextInt(4000)];
                random.nextBytes(junk);
                if (type == DocType.PDF && junk.length > 8) System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, junk, 0, 8);
                // the type is forced, as if sniffing had been fooled: readers must still come back with a status
                ParsedDocument d = layout.parse(new SourceFile("junk." + type.code(), IngestStage.sha256(junk), junk.length, type), junk);
                assertNotNull(d.status());
                Docs.assertWellFormed(d.text());
                if (d.status().failed()) assertTrue(!d.issues().isEmpty(), type + " failure without an issue");
            }
        }
    }

    @Test
    void aPasswordProtectedPdfFailsAndSaysSo() throws Exception {
        byte[] encrypted;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            var policy = new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy("owner", "user",
                    new org.apache.pdfbox.pdmodel.encryption.AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            var out = new java.io.ByteArrayOutputStream();
            doc.save(out);
            encrypted = out.toByteArray();
        }
        ParsedDocument d = Docs.parse("secret.pdf", encrypted);
        assertEquals(DocStatus.PARSE_FAILED, d.status());
        assertEquals("encrypted_pdf", d.issues().get(0).code());
        assertTrue(d.issues().get(0).message().startsWith("secret.pdf: "));
    }

    @Test
    void aPasswordProtectedDocxFailsAndSaysSo() {
        ParsedDocument d = Docs.parse("bad/password_protected.docx");
        assertEquals(DocStatus.PARSE_FAILED, d.status(), d.issues().toString());
        assertEquals("encrypted_document", d.issues().get(0).code());
        assertTrue(d.issues().get(0).message().startsWith("password_protected.docx: "));
    }

    @Test
    void rtfAndMhtSavedAsDocAreUnsupportedAndNamed() {
        ParsedDocument rtf = Docs.parse("report.doc", "{\\rtf1\\ansi {\\f0 GDP 2479.6}}".getBytes(StandardCharsets.US_ASCII));
        assertEquals(DocStatus.UNSUPPORTED, rtf.status());
        assertTrue(rtf.issues().get(0).message().contains("RTF"), rtf.issues().get(0).message());
        ParsedDocument mht = Docs.parse("report.doc", ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"x\"\r\n\r\n--x\r\n"
                + "Content-Type: text/html\r\n\r\n<html><body>GDP</body></html>\r\n--x--\r\n").getBytes(StandardCharsets.US_ASCII));
        assertEquals(DocStatus.UNSUPPORTED, mht.status());
        assertTrue(mht.issues().get(0).message().contains("MHT"), mht.issues().get(0).message());
    }
}
