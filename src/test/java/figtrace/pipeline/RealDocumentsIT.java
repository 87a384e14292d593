package figtrace.pipeline;

import figtrace.model.DocStatus;
import figtrace.model.DocumentResult;
import figtrace.model.DocumentText;
import figtrace.model.Figure;
import figtrace.model.TextLine;
import figtrace.rules.Rules;
import figtrace.rules.RulesStage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole pipeline on real documents of every format: known figures come out with the right value, page and line,
 * and every figure's quote and span are exactly the source text at their offsets. Pages were checked against
 * pdftotext, lines against the documents as a reader sees them.
 */
class RealDocumentsIT {
    private static final Path DOCS = Path.of("src/test/resources/docs");
    private static Pipeline pipeline;

    @BeforeAll
    static void loadRules() throws Exception {
        Rules rules = RulesStage.load(Path.of("patterns"));
        pipeline = new Pipeline(rules);
    }

    private static DocumentResult extract(Path file) throws Exception {
        DocumentResult r = pipeline.extract(file.getFileName().toString(), Files.readAllBytes(file));
        assertProvenanceHolds(r);
        return r;
    }

    private static Figure find(DocumentResult r, String raw, String rule) {
        return r.figures().stream().filter(f -> f.raw().equals(raw) && f.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + raw + " (" + rule + ") in " + r.source().name()));
    }

    /** Every figure: quote = text at [char_start, char_end); raw = text at its span; line and page from the span. */
    static void assertProvenanceHolds(DocumentResult r) {
        DocumentText text = r.parsed().text();
        for (Figure f : r.figures()) {
            assertEquals(text.text().substring(f.charStart(), f.charEnd()), f.quote(), f.id());
            assertEquals(text.text().substring(f.spanStart(), f.spanEnd()).replaceAll("\\s*[\\r\\n]+\\s*", ""), f.raw(), f.id());
            assertTrue(f.charStart() <= f.spanStart() && f.spanEnd() <= f.charEnd(), "the figure lies inside its quote: " + f.id());
            TextLine line = text.lineAt(f.spanStart());
            assertEquals(line.number(), f.line(), f.id());
            assertEquals(line.page() == 0 ? null : line.page(), f.page(), f.id());
        }
    }

    @Test
    void plainTextFiguresCarryTheFilesLineNumbers() throws Exception {
        DocumentResult r = extract(Path.of("corpus/004_ba8f813c9e095246.txt"));
        Figure f = find(r, "6616.93亿元", "figures:money");
        assertEquals(33, f.line());
        assertNull(f.page());
        assertEquals(0, new BigDecimal("661693000000").compareTo(f.value()));
        assertEquals("2024-12-31", f.time());
    }

    @Test
    void pdfFiguresCarryPageAndLineAndJoinWrappedSentences() throws Exception {
        DocumentResult r = extract(DOCS.resolve("pdf_qiandongnan_guizhou_2023_tjgb.pdf"));
        assertEquals(DocStatus.OK, r.parsed().status());
        Figure prose = find(r, "2321.11亿元", "figures:money");
        assertEquals(14, prose.page()); // pdftotext -f 14 -l 14 shows 各项贷款余额2321.11亿元
        assertEquals(3, prose.line());
        assertTrue(prose.quote().contains("\n"), "the sentence is wrapped over lines in the PDF and quoted whole");
        Figure cell = find(r, "2321.11", "figures:table_cell");
        assertEquals(14, cell.page());
        assertEquals("CNY", cell.unit());
        assertEquals(0, new BigDecimal("232111000000").compareTo(cell.value()));
        assertEquals("2023", cell.time());
        assertEquals("各项贷款余额", cell.subject());
    }

    @Test
    void gbkHtmlIsDecodedAndBulletinYearApplies() throws Exception {
        DocumentResult r = extract(DOCS.resolve("html_aksu_xinjiang_2025_tjgb_gb2312.html"));
        Figure f = find(r, "2042.98亿元", "figures:money");
        assertEquals(0, new BigDecimal("204298000000").compareTo(f.value()));
        assertEquals("阿克苏地区", f.region());
        assertEquals("2025", f.time(), "全年 in a 2025 bulletin published in 2026 means 2025");
    }

    @Test
    void wordExportedHtmlJoinsNumbersSplitAcrossSpans() throws Exception {
        DocumentResult r = extract(DOCS.resolve("html_urumqi_xinjiang_2025_tjgb_utf8.html"));
        Figure f = find(r, "4658.19亿元", "figures:money");
        assertEquals("2025", f.time());
        assertEquals("乌鲁木齐市", f.region());
    }

    @Test
    void docxParagraphsAndTablesGiveFigures() throws Exception {
        DocumentResult r = extract(DOCS.resolve("docx_hotan_xinjiang_2025_tjgb.docx"));
        Figure f = find(r, "6.6%", "figures:percent");
        assertEquals("2025", f.time());
        assertEquals("和田地区", f.region());
        assertTrue(r.figures().stream().anyMatch(x -> x.rule().equals("figures:table_cell")), "its tables give cells");
    }

    @Test
    void legacyDocGivesFigures() throws Exception {
        DocumentResult r = extract(DOCS.resolve("doc_hotan_xinjiang_2025_final_accounts.doc"));
        Figure f = find(r, "12.14亿元", "figures:money");
        assertTrue(f.subject().contains("一般公共预算收入"), f.subject());
    }

    @Test
    void scannedAndGarbledPdfsSayWhyAndGiveNoFigures() throws Exception {
        DocumentResult scanned = extract(DOCS.resolve("pdf_zhangjiajie_2025_tjgb_SCANNED_image_only.pdf"));
        assertEquals(DocStatus.NEEDS_OCR, scanned.parsed().status());
        assertEquals(List.of(), scanned.figures());
        DocumentResult garbled = extract(DOCS.resolve("pdf_huaian_2026_budget_report_GARBLED_text_layer.pdf"));
        assertEquals(DocStatus.GARBLED_TEXT, garbled.parsed().status());
        assertEquals(List.of(), garbled.figures());
        assertTrue(garbled.parsed().issues().get(0).message().contains("OCR"));
    }
}
