package figtrace.web;

import figtrace.model.DocumentResult;
import figtrace.model.Figure;
import figtrace.pipeline.Pipeline;
import figtrace.rules.RulesStage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;

import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A figure's box on its PDF page, checked independently of how it was found: PDFBox reads the text inside the box
 * (PDFTextStripperByArea) and it must hold the figure as written. On the 黔东南 bulletin (prose and tables).
 */
class PageBoxesTest {

    private static final Path PDF = Path.of("src/test/resources/docs/pdf_qiandongnan_guizhou_2023_tjgb.pdf");

    @Test
    void everyTextLayerFigureIsFramedAroundItsOwnDigits() throws Exception {
        byte[] bytes = Files.readAllBytes(PDF);
        DocumentResult result = new Pipeline(RulesStage.load(Path.of("patterns"))).extract(PDF.getFileName().toString(), bytes);
        String text = result.parsed().text().text();
        List<Figure> figures = result.figures();
        assertTrue(figures.size() > 100, "figures: " + figures.size());
        PageBoxes boxes = new PageBoxes();
        int placed = 0, checked = 0;
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            for (int i = 0; i < figures.size(); i += 7) { // every 7th figure: prose and table cells alike
                Figure f = figures.get(i);
                PageBoxes.Placement p = boxes.place(PDF, f, text);
                assertTrue(p.width() > 500 && p.height() > 700, "an A4 page in points: " + p);
                if (p.box() == null) continue;
                placed++;
                StringBuilder inside = new StringBuilder();
                for (PageBoxes.Box b : p.boxes()) {
                    PDFTextStripperByArea area = new PDFTextStripperByArea();
                    area.setSortByPosition(true);
                    area.addRegion("figure", new Rectangle2D.Float(b.x0() - 1, b.y0() - 1, b.x1() - b.x0() + 2,
                            b.y1() - b.y0() + 3));
                    area.extractRegions(pdf.getPage(f.page() - 1));
                    inside.append(PageBoxes.squeeze(area.getTextForRegion("figure")));
                    // each box frames a figure's piece on one line, never a whole line or paragraph
                    assertTrue(b.x1() - b.x0() < p.width() / 2 && b.y1() - b.y0() < 30, "box of " + f.raw() + ": " + b);
                }
                String digits = f.raw().replaceAll("[^0-9.]", "");
                assertTrue(inside.toString().contains(digits), f.raw() + " on page " + f.page() + " line " + f.line()
                        + ": the boxes hold '" + inside + "'");
                checked++;
            }
        }
        int tried = (figures.size() + 6) / 7;
        assertTrue(placed >= tried * 95 / 100, "placed " + placed + " of " + tried);
        assertEquals(placed, checked);
    }

    @Test
    void anOcrFigureUsesItsOwnBoxAndAFigureNotOnThePageHasNone() throws Exception {
        byte[] bytes = Files.readAllBytes(PDF);
        DocumentResult result = new Pipeline(RulesStage.load(Path.of("patterns"))).extract(PDF.getFileName().toString(), bytes);
        Figure f = result.figures().get(0);
        Figure ocr = f.fromOcr(new BigDecimal("88"), "10.5,20,60.25,32", null);
        PageBoxes.Placement p = new PageBoxes().place(PDF, ocr, result.parsed().text().text());
        assertEquals("ocr", p.how());
        assertEquals(List.of(10.5f, 20f, 60.25f, 32f), p.box().list());
        // a figure whose text is nowhere on its page (the page was read differently) gets no box, not a wrong one
        String other = "甲".repeat(f.spanStart()) + "999999.99" + "乙".repeat(5);
        Figure missing = new Figure(f.id(), f.doc(), f.page(), 1, 0, other.length(), other, f.spanStart(),
                f.spanStart() + 9, "999999.99", BigDecimal.ONE, "%", null, figtrace.model.FigureKind.PERCENT, null, null, null, null, null,
                null, false, "figures:percent", null);
        PageBoxes.Placement none = new PageBoxes().place(PDF, missing, other);
        assertNull(none.box());
        assertEquals("none", none.how());
        assertNotNull(none);
    }
}
