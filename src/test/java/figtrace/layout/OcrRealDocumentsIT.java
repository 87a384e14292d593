package figtrace.layout;

import figtrace.model.DocStatus;
import figtrace.model.DocumentResult;
import figtrace.model.DocumentText;
import figtrace.model.Figure;
import figtrace.model.OcrWord;
import figtrace.pipeline.Pipeline;
import figtrace.rules.RulesStage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * OCR on real scanned and garbled PDF pages, checked against figures read by hand off the page images
 * ({@code src/test/resources/ocr/expected_figures.tsv}): at least 90% of them are found with the right value on the
 * right page, every OCR figure says so and carries its confidence and box, quotes are the text at their offsets, and
 * a re-run reads every page from the cache. Needs Tesseract: installs it with {@code .ci/setup-ocr} when missing (CI
 * runs on a fresh machine); skipped outside CI when it cannot.
 */
class OcrRealDocumentsIT {
    private static final Path SHARED = Path.of("../shared/realdocs");
    private static final Path CACHE = Path.of("target", "ocr-cache");
    private static final String ZJJ = "pdf_zhangjiajie_2025_tjgb_SCANNED_image_only.pdf";
    private static final String HUAIAN = "pdf_huaian_2026_budget_report_GARBLED_text_layer.pdf";
    private static final String XJ = "pdf_xinjiang_2024_budget_execution_tables.pdf";

    @BeforeAll
    static void tesseract() throws Exception {
        boolean installed = new TesseractOcr(null).available();
        if (!installed) {
            Process setup = new ProcessBuilder("bash", ".ci/setup-ocr").redirectErrorStream(true)
                    .redirectOutput(Path.of("target", "setup-ocr.log").toFile()).start();
            installed = setup.waitFor(15, TimeUnit.MINUTES) && setup.exitValue() == 0 && new TesseractOcr(null).available();
        }
        boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
        if (ci) assertTrue(installed, "CI needs tesseract with chi_sim: .ci/setup-ocr failed; see target/setup-ocr.log");
        assumeTrue(installed, "tesseract with chi_sim missing and .ci/setup-ocr could not install it; skipping outside CI");
        assumeTrue(Files.isDirectory(SHARED), "shared realdocs not available: " + SHARED.toAbsolutePath());
    }

    /** The first {@code pages} pages of a shared PDF, as a PDF of their own (so the test OCRs only those). */
    private static byte[] firstPages(String name, int pages) throws Exception {
        try (PDDocument src = Loader.loadPDF(Files.readAllBytes(SHARED.resolve(name))); PDDocument out = new PDDocument()) {
            for (int i = 0; i < pages; i++) out.importPage(src.getPage(i));
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            out.save(bos);
            return bos.toByteArray();
        }
    }

    private static DocumentResult extract(TesseractOcr ocr, String name, byte[] bytes) throws Exception {
        DocumentResult r = new Pipeline(RulesStage.load(Path.of("patterns")), ocr).extract(name, bytes);
        assertOcrProvenance(r);
        return r;
    }

    /** Quotes and spans are the text at their offsets; every figure on an OCR word says it came from OCR. */
    static void assertOcrProvenance(DocumentResult r) {
        DocumentText text = r.parsed().text();
        for (OcrWord w : text.ocrWords()) {
            assertTrue(w.start() < w.end() && w.end() <= text.text().length(), "word offsets inside the text");
            assertEquals(text.lineAt(w.start()).page(), w.page(), "a word's page is its line's page");
        }
        for (Figure f : r.figures()) {
            assertEquals(text.text().substring(f.charStart(), f.charEnd()), f.quote(), f.id());
            boolean fromOcr = !text.ocrWordsIn(f.spanStart(), f.spanEnd()).isEmpty();
            assertEquals(fromOcr ? "ocr" : "text", f.source(), f.raw());
            if (fromOcr) {
                assertNotNull(f.ocrConfidence(), f.raw());
                assertNotNull(f.ocrBox(), f.raw());
            }
        }
    }

    record Expected(String doc, int page, String printed, BigDecimal value, String unit) {}

    private static List<Expected> expected(String doc) throws Exception {
        List<Expected> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/ocr/expected_figures.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] c = line.split("\t");
            if (c[0].equals(doc)) out.add(new Expected(c[0], Integer.parseInt(c[1]), c[2], new BigDecimal(c[3]), c[4]));
        }
        return out;
    }

    /** Expected figures found with the right value and unit on the right page (each figure counted once). */
    private static List<Expected> missed(DocumentResult r, List<Expected> expected) {
        List<Figure> left = new ArrayList<>(r.figures());
        List<Expected> missed = new ArrayList<>();
        for (Expected e : expected) {
            Figure hit = left.stream().filter(f -> f.page() != null && f.page() == e.page() && e.unit().equals(f.unit())
                    && f.value() != null && f.value().abs().compareTo(e.value()) == 0).findFirst().orElse(null);
            if (hit == null) missed.add(e); else left.remove(hit);
        }
        return missed;
    }

    private static void assertFound(DocumentResult r, String doc) throws Exception {
        List<Expected> expected = expected(doc);
        List<Expected> missed = missed(r, expected);
        double found = 1.0 - (double) missed.size() / expected.size();
        assertTrue(found >= 0.9, doc + ": " + (expected.size() - missed.size()) + " of " + expected.size()
                + " hand-checked figures found; missed " + missed);
    }

    @Test
    void scannedBulletinPagesOneToThree() throws Exception {
        TesseractOcr ocr = new TesseractOcr(CACHE);
        byte[] pdf = firstPages(ZJJ, 3);
        DocumentResult r = extract(ocr, ZJJ, pdf);
        assertEquals(DocStatus.OK_WITH_ISSUES, r.parsed().status());
        assertEquals("ocr_pages", r.parsed().issues().get(0).code());
        assertTrue(r.parsed().issues().get(0).message().contains("page(s) 1–3"), r.parsed().issues().get(0).message());
        assertTrue(r.figures().stream().allMatch(f -> f.source().equals("ocr")));
        assertFound(r, ZJJ);

        // A re-run reads every page from the cache and gives the same figures.
        TesseractOcr again = new TesseractOcr(CACHE);
        DocumentResult r2 = extract(again, ZJJ, pdf);
        assertEquals(3, again.cacheHits());
        assertEquals(0, again.cacheMisses());
        assertEquals(r.figures(), r2.figures());
    }

    @Test
    void garbledBudgetReportPagesOneToTwo() throws Exception {
        DocumentResult r = extract(new TesseractOcr(CACHE), HUAIAN, firstPages(HUAIAN, 2));
        assertEquals(DocStatus.OK_WITH_ISSUES, r.parsed().status());
        assertTrue(r.parsed().issues().get(0).message().contains("garbled"), r.parsed().issues().get(0).message());
        assertFound(r, HUAIAN);
    }

    @Test
    void partlyScannedBudgetReadsItsCoverPagesByOcr() throws Exception {
        DocumentResult r = extract(new TesseractOcr(CACHE), XJ, Files.readAllBytes(SHARED.resolve(XJ)));
        assertEquals(DocStatus.OK_WITH_ISSUES, r.parsed().status());
        assertTrue(r.parsed().issues().stream().anyMatch(i -> i.code().equals("ocr_pages") && i.message().contains("page(s) 1–2 of 119")),
                r.parsed().issues().toString());
        String text = r.parsed().text().text();
        // the cover pages' titles, read off the images: 2024年自治区预算执行情况与 / 2025年自治区预算 and
        // 2024年自治区一般公共预算 / 执行情况与2025年自治区 / 一般公共预算
        DocumentText t = r.parsed().text();
        String page1 = pageText(t, 1), page2 = pageText(t, 2);
        assertTrue(page1.contains("预算执行情况与") && page1.contains("2025年自治区预算"), page1);
        assertTrue(page2.contains("一般公共预算") && page2.contains("执行情况与2025年自治区"), page2);
        // cover pages hold no figure (years are not figures); the text pages still come from the text layer
        assertTrue(r.figures().stream().noneMatch(f -> f.page() != null && f.page() <= 2), "figures on the cover pages");
        assertTrue(r.figures().stream().anyMatch(f -> f.source().equals("text")), "text-layer figures stay text");
        assertTrue(text.length() > 10_000);
    }

    private static String pageText(DocumentText t, int page) {
        StringBuilder sb = new StringBuilder();
        t.lines().stream().filter(l -> l.page() == page).forEach(l -> sb.append(t.lineText(l)).append('\n'));
        return sb.toString();
    }
}
