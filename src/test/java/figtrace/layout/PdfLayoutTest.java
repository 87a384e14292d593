package figtrace.layout;

import figtrace.model.DocStatus;
import figtrace.model.DocumentText;
import figtrace.model.ParsedDocument;
import figtrace.model.TextLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdfLayoutTest {
    static ParsedDocument qiandongnan;

    @BeforeAll
    static void parse() {
        qiandongnan = Docs.parse("pdf_qiandongnan_guizhou_2023_tjgb.pdf");
    }

    @Test
    void aCleanPdfReadsOkWithItsPageCountAndMetadata() {
        assertEquals(DocStatus.OK, qiandongnan.status(), qiandongnan.issues().toString());
        assertEquals(21, qiandongnan.pages());
        assertEquals(21, qiandongnan.text().pageCount());
        assertEquals("Lenovo User", qiandongnan.metadata().get("author"));
        assertTrue(qiandongnan.metadata().get("created").startsWith("2024-05-0"));
    }

    @Test
    void pdfLinesCarryTheirPageNumber() {
        DocumentText t = qiandongnan.text();
        List<TextLine> loans = Docs.linesWith(t, "2321.11");
        assertEquals(2, loans.size(), "once in prose, once in table 12");
        for (TextLine l : loans) assertEquals(14, l.page(), "printed on page 14");
        TextLine gdp = Docs.onlyLineWith(t, "1329.65亿元");
        assertEquals(1, gdp.page());
        assertEquals(12, gdp.number(), "line on its page");
        assertTrue(t.lineText(Docs.onlyLineWith(t, "常住人口375.73万人")).startsWith("年末全州"));
        assertEquals(2, Docs.onlyLineWith(t, "常住人口375.73万人").page());
    }

    @Test
    void pageNumbersAreNotText() {
        Pattern pageNumber = Pattern.compile("^[\\s\\-—–]*(第\\s*)?\\d{1,3}(\\s*页)?[\\s\\-—–]*$");
        DocumentText t = qiandongnan.text();
        for (TextLine l : t.lines()) {
            if (l.isTableRow()) continue;
            assertFalse(pageNumber.matcher(t.lineText(l)).matches(), "page number left on page " + l.page() + ": " + t.lineText(l));
        }
    }

    @Test
    void softWrapsInsideAParagraphAreFlagged() {
        DocumentText t = qiandongnan.text();
        TextLine wrapped = Docs.onlyLineWith(t, "根据市（州）生产总值统一核算结果，全年全州生产总");
        assertTrue(wrapped.continues(), "the line breaks 生产总|值");
        TextLine end = Docs.onlyLineWith(t, "长3.7%。");
        assertFalse(end.continues(), "a line ending its sentence does not continue");
    }

    @Test
    void pdfTableRowsAreTabSeparatedCells() {
        DocumentText t = qiandongnan.text();
        TextLine row = Docs.onlyLineWith(t, "各项贷款余额\t2321.11\t14.1");
        assertTrue(row.table() >= 0);
        TextLine header = Docs.onlyLineWith(t, "指标名称\t年末数（人）\t比重（%）");
        assertTrue(header.table() >= 0);
        assertEquals(header.table(), Docs.onlyLineWith(t, "全州总户籍人口\t4899310\t100.0").table(), "one table");
        assertFalse(Docs.onlyLineWith(t, "1329.65亿元").isTableRow(), "prose is not a table");
    }

    @Test
    void pdfTextKeepsTheProducersSpacing() {
        // no normalisation here: quotes are cut from this text and must match the source
        assertTrue(qiandongnan.text().text().contains("农林牧渔业增加值 290.41 亿元"));
    }

    @Test
    void anImageOnlyScanNeedsOcrAndGivesNoText() {
        ParsedDocument d = Docs.parse("pdf_zhangjiajie_2025_tjgb_SCANNED_image_only.pdf");
        assertEquals(DocStatus.NEEDS_OCR, d.status());
        assertEquals("", d.text().text());
        assertEquals(20, d.pages());
        assertEquals("needs_ocr", d.issues().get(0).code());
        assertTrue(d.issues().get(0).message().contains("pdf_zhangjiajie_2025_tjgb_SCANNED_image_only.pdf"));
        assertTrue(d.issues().get(0).message().contains("OCR"));
    }

    @Test
    void aGarbledTextLayerGivesGarbledTextAndNoJunk() {
        ParsedDocument d = Docs.parse("pdf_huaian_2026_budget_report_GARBLED_text_layer.pdf");
        assertEquals(DocStatus.GARBLED_TEXT, d.status());
        assertEquals("", d.text().text(), "no junk figures can come out of an empty text");
        assertEquals(12, d.pages());
        String msg = d.issues().get(0).message();
        assertTrue(msg.contains("unusable") && msg.contains("OCR"), msg);
    }

    @Test
    void garbledDetectionSparesChineseAndEnglishText() {
        assertFalse(PdfTextLayer.isGarbled("全年全州生产总值1329.65亿元，比上年增长4.0%，两年平均增长3.1%。".repeat(5)));
        assertFalse(PdfTextLayer.isGarbled("Gross domestic product grew by 5.2 percent in 2024, the bureau said. ".repeat(5)));
        assertTrue(PdfTextLayer.isGarbled("!\"#$%&'()*+,- ２０２５ !\"#$% &'()*+, ２０２６ - &'(./012 ，。".repeat(5)));
    }

    @Test
    void pageRangesAreWrittenCompactly() {
        assertEquals("1–2, 5", PdfReader.ranges(List.of(1, 2, 5)));
    }

    @Test
    void pageNumberShapesAreRecognised() {
        for (String pn : new String[]{"3", "- 2 -", "— 1 —", "－ 12 －", "第3页", "第 3 页 共 20 页", "3/20", "·5·", "Page 3 of 20"}) {
            assertTrue(PdfPageLayout.PAGE_NUMBER.matcher(pn).matches(), pn);
        }
        for (String text : new String[]{"2024年", "3.5", "表 1", "增长 3 %", "第三章"}) {
            assertFalse(PdfPageLayout.PAGE_NUMBER.matcher(text).matches(), text);
        }
    }
}
