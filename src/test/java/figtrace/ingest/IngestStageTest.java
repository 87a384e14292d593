package figtrace.ingest;

import figtrace.model.DocType;
import figtrace.model.SourceFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngestStageTest {

    private static byte[] doc(String name) throws IOException {
        try (InputStream in = IngestStageTest.class.getResourceAsStream("/docs/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theTypeComesFromTheBytesNotTheName() throws IOException {
        assertEquals(DocType.PDF, IngestStage.identify("report_is_really_a_pdf.txt", doc("bad/report_is_really_a_pdf.txt")).type());
        assertEquals(DocType.HTML, IngestStage.identify("page_is_really_html.pdf", doc("bad/page_is_really_html.pdf")).type());
    }

    @Test
    void realDocumentsAreSniffedAsTheirFormat() throws IOException {
        assertEquals(DocType.PDF, IngestStage.sniff(doc("pdf_qiandongnan_guizhou_2023_tjgb.pdf")));
        assertEquals(DocType.DOCX, IngestStage.sniff(doc("docx_hotan_xinjiang_2025_tjgb.docx")));
        assertEquals(DocType.DOC, IngestStage.sniff(doc("doc_hotan_xinjiang_2025_final_accounts.doc")));
        assertEquals(DocType.HTML, IngestStage.sniff(doc("html_aksu_xinjiang_2025_tjgb_gb2312.html")));
        assertEquals(DocType.HTML, IngestStage.sniff(doc("html_urumqi_xinjiang_2025_tjgb_utf8.html")));
    }

    @Test
    void utf8AndGbkTextAreText() {
        String s = "全年地区生产总值2479.6亿元\n增长6.1%\n";
        assertEquals(DocType.TXT, IngestStage.sniff(s.getBytes(StandardCharsets.UTF_8)));
        assertEquals(DocType.TXT, IngestStage.sniff(s.getBytes(Charset.forName("GBK"))));
    }

    @Test
    void anEmptyFileIsEmptyText() {
        assertEquals(DocType.TXT, IngestStage.sniff(new byte[0]));
    }

    @Test
    void binaryJunkAndOtherZipsAreUnknown() throws IOException {
        assertEquals(DocType.UNKNOWN, IngestStage.sniff(doc("bad/binary.bin")));
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 'x', 'l', '/', 'w', 'o', 'r', 'k', 'b', 'o', 'o', 'k'};
        assertEquals(DocType.UNKNOWN, IngestStage.sniff(zip));
    }

    @Test
    void supportedExtensionsAreTheSixFormatsWhateverTheCase() {
        for (String n : new String[]{"a.txt", "a.HTML", "a.htm", "dir/a.pdf", "a.docx", "a.DOC"}) {
            assertTrue(IngestStage.supportedExtension(n), n);
        }
        for (String n : new String[]{"a.xls", "a.zip", "README", "a.pdf.bak", "a.md"}) {
            assertFalse(IngestStage.supportedExtension(n), n);
        }
    }

    @Test
    void sameBytesGiveTheSameHashWhateverTheName() {
        byte[] b = "abc".getBytes(StandardCharsets.UTF_8);
        SourceFile a = IngestStage.identify("a.txt", b), c = IngestStage.identify("other/b.txt", b);
        assertEquals(a.sha256(), c.sha256());
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", a.sha256());
        assertEquals(3, a.size());
    }

    @Test
    void textThatMerelyQuotesThePdfMagicStaysText() {
        assertEquals(DocType.TXT, IngestStage.sniff("文件头是 %PDF-1.7，不是正文\n".getBytes(StandardCharsets.UTF_8)));
        byte[] prefixed = "junk before\n%PDF-1.4\n1 0 obj\n<<>>\nendobj\nstartxref\n0\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(DocType.PDF, IngestStage.sniff(prefixed));
    }

    @Test
    void anHtmlFragmentIsHtml() {
        assertEquals(DocType.HTML, IngestStage.sniff("<p>地区生产总值2479.6亿元</p>\n<p>增长6.1%</p>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(DocType.TXT, IngestStage.sniff("<注>本公报数据为初步统计数".getBytes(StandardCharsets.UTF_8)));
    }
}
