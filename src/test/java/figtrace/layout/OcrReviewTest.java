package figtrace.layout;

import figtrace.figures.FigureStage;
import figtrace.ingest.IngestStage;
import figtrace.model.DocumentText;
import figtrace.model.Figure;
import figtrace.model.OcrWord;
import figtrace.model.SourceFile;
import figtrace.rules.RulesStage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OCR text with the digit confusions OCR typically makes (0/O, 1/l, 5/S, 8/B, a dropped decimal point, 。 read as a
 * digit after %) goes through the real layout and figure rules; every figure touched by a confusion is flagged in its
 * note, clean figures read with high confidence are not, and the CJK reflow keeps quote == text at offsets.
 */
class OcrReviewTest {
    private static FigureStage figures;
    private static figtrace.metadata.ContextReader contexts;

    @BeforeAll
    static void rules() throws Exception {
        figtrace.rules.Rules rules = RulesStage.load(Path.of("patterns"));
        figures = new FigureStage(rules);
        contexts = new figtrace.metadata.ContextReader(rules);
    }

    /** One OCR line: Tesseract's words (as it splits Chinese: one word per few characters), left to right. */
    private static List<OcrPage.Word> line(int top, float conf, String... words) {
        List<OcrPage.Word> out = new ArrayList<>();
        int x = 100;
        for (String w : words) {
            int width = 30 * w.length();
            out.add(new OcrPage.Word(w, x, top, width, 40, conf));
            x += width + 8; // Tesseract's word gap: a space in its text output, nothing in the reflowed text
        }
        return out;
    }

    private static List<Figure> extract(DocumentText text) {
        byte[] bytes = text.text().getBytes(StandardCharsets.UTF_8);
        SourceFile source = IngestStage.identify("ocr.pdf", bytes);
        return OcrReview.mark(figures.extract(contexts.read(source, text, figtrace.model.DocumentMetadata.empty(), Map.of())), text);
    }

    private static Figure figure(List<Figure> found, String raw) {
        return found.stream().filter(f -> f.raw().equals(raw)).findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + raw + " in " + found.stream().map(Figure::raw).toList()));
    }

    @Test
    void reflowRemovesTesseractsSpacesAndKeepsOffsetsExact() {
        List<OcrPage.Word> words = line(100, 95f, "全市", "实现", "地区", "生产", "总值", "667.83", "亿元", "，", "同比", "增长", "3.0%", "。");
        DocumentText text = OcrLines.document(List.of(words), 300);
        assertEquals("全市实现地区生产总值667.83亿元，同比增长3.0%。", text.text());
        assertEquals(words.size(), text.ocrWords().size());
        for (int i = 0; i < words.size(); i++) {
            OcrWord w = text.ocrWords().get(i);
            assertEquals(words.get(i).text(), text.text().substring(w.start(), w.end()), "a word is its text at its offsets");
            assertEquals(1, w.page());
        }
        List<Figure> found = extract(text);
        Figure money = figure(found, "667.83亿元");
        assertEquals("ocr", money.source());
        assertEquals(0, new BigDecimal("95.0").compareTo(money.ocrConfidence()));
        assertNull(money.note(), "a clean figure read with high confidence is not flagged");
        assertEquals(text.text().substring(money.charStart(), money.charEnd()), money.quote());
        // box in PDF points: the words 667.83 and 亿元 at 300 dpi
        assertTrue(money.ocrBox().matches("[0-9.]+,24\\.0,[0-9.]+,33\\.6"), money.ocrBox());
    }

    @Test
    void latinWordsKeepTheirSpace() {
        DocumentText text = OcrLines.document(List.of(line(100, 95f, "对", "GDP", "增长", "的", "贡献率")), 300);
        assertEquals("对GDP增长的贡献率", text.text());
        text = OcrLines.document(List.of(line(100, 95f, "GDP", "2025", "增长")), 300);
        assertEquals("GDP 2025增长", text.text());
    }

    @Test
    void digitConfusionsAreFlaggedNeverTrustedSilently() {
        List<List<OcrPage.Word>> page = new ArrayList<>();
        List<OcrPage.Word> words = new ArrayList<>();
        words.addAll(line(100, 93f, "第一", "产业", "增加值", "1O5.3", "亿元", "，", "增长", "3.1%", "；")); // O for 0
        words.addAll(line(200, 93f, "第二", "产业", "增加值", "l2.6", "亿元", "，", "增长", "4.2%", "；"));  // l for 1
        words.addAll(line(300, 93f, "工业", "增加值", "S6.7", "亿元", "，", "增长", "2.2%", "；"));         // S for 5
        words.addAll(line(400, 93f, "粮食", "产量", "1B.4", "万吨", "，", "增长", "0.5%", "；"));           // B for 8
        words.addAll(line(500, 93f, "增长", "3.09%6", "，", "出口", "增长", "6.4%", "。"));                 // 。 read as 6
        words.addAll(line(600, 93f, "农业", "增长", "3.3%", "，", "林业", "增长", "49%", "，",               // 4.9% lost its point
                "牧业", "增长", "2.1%", "，", "渔业", "增长", "3.9%", "。"));
        page.add(words);
        DocumentText text = OcrLines.document(page, 300);
        List<Figure> found = extract(text);
        for (Figure f : found) {
            assertEquals("ocr", f.source(), f.raw());
            assertEquals(text.text().substring(f.charStart(), f.charEnd()), f.quote());
        }
        // each confusion: whatever part of the number a rule matched, its figure says to check it (where no rule
        // matches at all, as for 1B.4万吨, no wrong value is given either)
        for (int line = 1; line <= 4; line++) {
            int l = line;
            List<Figure> onLine = found.stream().filter(f -> f.line() == l && f.unit() != null && !f.unit().equals("%")).toList();
            if (line <= 3) assertFalse(onLine.isEmpty(), "line " + l + " has its (misread) quantity");
            for (Figure f : onLine) {
                assertTrue(f.note() != null && f.note().contains("may be a misread digit"), f.raw() + ": " + f.note());
            }
        }
        Figure pct = found.stream().filter(f -> f.line() == 5 && f.raw().startsWith("3.09")).findFirst().orElseThrow();
        assertTrue(pct.note().contains("digit right after %"), pct.note());
        Figure dropped = figure(found, "49%");
        assertTrue(dropped.note() != null && dropped.note().contains("decimal point"), String.valueOf(dropped.note()));
        // the figures around them, read cleanly, are not flagged
        assertNull(figure(found, "6.4%").note());
        assertNull(figure(found, "3.3%").note());
        assertNull(figure(found, "3.1%").note());
    }

    @Test
    void lowConfidenceIsFlagged() {
        DocumentText text = OcrLines.document(List.of(line(100, 41f, "税收", "完成", "260.4", "亿元", "。")), 300);
        Figure f = figure(extract(text), "260.4亿元");
        assertEquals(0, new BigDecimal("41.0").compareTo(f.ocrConfidence()));
        assertTrue(f.note().contains("low confidence (41)"), f.note());
    }

    @Test
    void secondReadingReplacesNumbersOnlyWhenPlausible() {
        OcrPage.Word chi = new OcrPage.Word("3.09%6。", 0, 0, 100, 40, 55f);
        assertEquals("3.0%。", DigitPass.merge(chi, "3.0%.", 90f).text());
        assertEquals(55f, DigitPass.merge(chi, "3.0%.", 90f).confidence(), "the readings differ: the lower confidence");
        assertEquals("5.15亿元", DigitPass.merge(new OcrPage.Word("$.15亿元", 0, 0, 100, 40, 30f), "5.15", 80f).text());
        assertEquals("16.0%、-25.7%、109.6%。", DigitPass.merge(new OcrPage.Word("16.0%6、-25.7%、109.6%6。", 0, 0, 100, 40, 40f),
                "16.0%,-25.7%,.109.6%.,", 70f).text());
        // the Latin reading lost a character: the Chinese one stays
        assertEquals("1.2个", DigitPass.merge(new OcrPage.Word("1.2个", 0, 0, 100, 40, 80f), "2", 90f).text());
        assertEquals("274.0亿元", DigitPass.merge(new OcrPage.Word("274.0亿元", 0, 0, 100, 40, 60f), "74.0", 90f).text());
        // the Latin reading ran two numbers together
        assertEquals("74.2亿元", DigitPass.merge(new OcrPage.Word("74.2亿元", 0, 0, 100, 40, 60f), "74.21470.0", 90f).text());
        // both agree: the higher confidence
        assertEquals(90f, DigitPass.merge(new OcrPage.Word("45274元", 0, 0, 100, 40, 52f), "45274", 90f).confidence());
    }

    /**
     * The two readings putting a different digit in the same place (seen on real pages: the 淮安 report's 448.7 read
     * 148.7 and 第6 read 第3 by the Latin model, the 张家界 scan's 157.90 read 137.90 by the Chinese one): the more
     * confident reading is kept, and however confident, the word goes below the review threshold, so its figure is
     * flagged.
     */
    @Test
    void readingsThatDisagreeOnADigitAreFlaggedWhicheverIsKept() {
        OcrPage.Word chiRight = DigitPass.merge(new OcrPage.Word("448.7", 0, 0, 100, 40, 90.5f), "148.7", 85.5f);
        assertEquals("448.7", chiRight.text(), "the more confident reading is kept");
        assertTrue(chiRight.confidence() < OcrReview.LOW_CONFIDENCE, "and flagged: " + chiRight.confidence());
        OcrPage.Word latinRight = DigitPass.merge(new OcrPage.Word("137.90", 0, 0, 100, 40, 20.5f), "157.90", 96.3f);
        assertEquals("157.90", latinRight.text());
        assertTrue(latinRight.confidence() < OcrReview.LOW_CONFIDENCE);
        assertEquals("第6，", DigitPass.merge(new OcrPage.Word("第6，", 0, 0, 100, 40, 91.9f), ",3", 31.8f).text());
        // letters the Chinese model puts for digits are no disagreement: $.15 and 5.15 agree, and stay trusted
        OcrPage.Word agree = DigitPass.merge(new OcrPage.Word("$.15亿元", 0, 0, 100, 40, 90f), "5.15", 95f);
        assertEquals("5.15亿元", agree.text());
        assertEquals(90f, agree.confidence());
        // a lost or extra character is no digit in the same place (the plausibility rules decide those)
        assertFalse(DigitPass.otherDigitSamePlace("274.0", "74.0"));
        assertFalse(DigitPass.otherDigitSamePlace("3.3", "33"));
        assertTrue(DigitPass.otherDigitSamePlace("2025", "1025"));

        // end to end: the figure of a word whose readings disagreed says to check it against the page image
        List<OcrPage.Word> words = new ArrayList<>(line(100, 95f, "其中", "一般", "债务"));
        OcrPage.Word last = words.get(words.size() - 1);
        words.add(new OcrPage.Word(chiRight.text(), last.left() + last.width() + 8, 100, 150, 40, chiRight.confidence()));
        words.add(new OcrPage.Word("亿元", last.left() + last.width() + 166, 100, 60, 40, 95f));
        DocumentText text = OcrLines.document(List.of(words), 300);
        Figure f = figure(extract(text), "448.7亿元");
        assertTrue(f.note() != null && f.note().contains("OCR: check against the page image"), String.valueOf(f.note()));
    }

    @Test
    void withoutTesseractPagesStayUnreadAndTheMessageSaysHowToInstall() throws Exception {
        Ocr missing = new TesseractOcr("figtrace-no-such-tesseract", null, 300);
        assertFalse(missing.available());
        byte[] bytes = java.nio.file.Files.readAllBytes(Path.of("src/test/resources/docs/pdf_zhangjiajie_2025_tjgb_SCANNED_image_only.pdf"));
        var parsed = new LayoutStage(missing).parse(IngestStage.identify("scan.pdf", bytes), bytes);
        assertEquals(figtrace.model.DocStatus.NEEDS_OCR, parsed.status());
        assertTrue(parsed.issues().get(0).message().contains(".ci/setup-ocr")
                && parsed.issues().get(0).message().contains("tesseract-ocr-chi-sim"), parsed.issues().get(0).message());

        // a garbled text layer: marked garbled_text, with the same advice
        bytes = java.nio.file.Files.readAllBytes(Path.of("src/test/resources/docs/pdf_huaian_2026_budget_report_GARBLED_text_layer.pdf"));
        parsed = new LayoutStage(missing).parse(IngestStage.identify("garbled.pdf", bytes), bytes);
        assertEquals(figtrace.model.DocStatus.GARBLED_TEXT, parsed.status());
        assertTrue(parsed.issues().get(0).message().contains(".ci/setup-ocr"), parsed.issues().get(0).message());

        // a PDF with a text page and a scanned one: the text is read, and the issue names the scanned page and says
        // how to read it
        byte[] mixed;
        try (var text = org.apache.pdfbox.Loader.loadPDF(java.nio.file.Files.readAllBytes(Path.of("src/test/resources/docs/pdf_qiandongnan_guizhou_2023_tjgb.pdf")));
             var scan = org.apache.pdfbox.Loader.loadPDF(java.nio.file.Files.readAllBytes(Path.of("src/test/resources/docs/pdf_zhangjiajie_2025_tjgb_SCANNED_image_only.pdf")));
             var out = new org.apache.pdfbox.pdmodel.PDDocument()) {
            out.importPage(text.getPage(0));
            out.importPage(scan.getPage(0));
            var bos = new java.io.ByteArrayOutputStream();
            out.save(bos);
            mixed = bos.toByteArray();
        }
        parsed = new LayoutStage(missing).parse(IngestStage.identify("mixed.pdf", mixed), mixed);
        assertEquals(figtrace.model.DocStatus.OK_WITH_ISSUES, parsed.status());
        var issue = parsed.issues().stream().filter(i -> i.code().equals("pages_without_text")).findFirst().orElseThrow();
        assertTrue(issue.message().contains("page(s) 2 of 2") && issue.message().contains(".ci/setup-ocr"), issue.message());
        assertTrue(parsed.text().lines().stream().allMatch(l -> l.page() == 1), "the text page is read");
    }
}
