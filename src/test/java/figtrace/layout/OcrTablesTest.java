package figtrace.layout;

import figtrace.figures.FigureStage;
import figtrace.ingest.IngestStage;
import figtrace.model.DocumentText;
import figtrace.model.Figure;
import figtrace.model.OcrWord;
import figtrace.model.SourceFile;
import figtrace.model.Table;
import figtrace.model.TableCell;
import figtrace.rules.Rules;
import figtrace.rules.RulesStage;
import figtrace.tables.TableStage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A table on an OCR page goes through the same table path as a text-layer table: each word's box gives its
 * characters' x positions, {@link TableGrid} puts the cells in columns by position (an empty cell stays empty, a
 * vertical ruling line read as '|' is a cell boundary), and the table's cells become figures that say they came from
 * OCR, with their confidence and page box, quotes still the text at their offsets.
 */
class OcrTablesTest {
    private static Rules rules;

    @BeforeAll
    static void load() throws Exception {
        rules = RulesStage.load(Path.of("patterns"));
    }

    private record Cell(String text, int left) {}

    /** One table row at {@code top} (page pixels at 300 dpi): each cell a word at its x, 40 px high, 30 px a glyph. */
    private static List<OcrPage.Word> row(int top, float conf, Cell... cells) {
        List<OcrPage.Word> out = new ArrayList<>();
        for (Cell c : cells) out.add(new OcrPage.Word(c.text(), c.left(), top, 30 * c.text().length(), 40, conf));
        return out;
    }

    private static Cell at(int left, String text) { return new Cell(text, left); }

    /**
     * 表1 with two year columns; the 支出 row has no 2024 figure, so without positions its 9.8 would slide into the
     * 2024 column; the header's two titles stand close together with a ruling line between them.
     */
    private static List<OcrPage.Word> page() {
        List<OcrPage.Word> words = new ArrayList<>();
        words.addAll(row(100, 95f, at(700, "表1"), at(800, "财政收支（亿元）")));
        words.addAll(row(200, 95f, at(300, "指标"), at(1150, "2024年"), at(1340, "|"), at(1370, "2025年")));
        words.addAll(row(300, 95f, at(300, "收入"), at(1200, "12.5"), at(1450, "13.1")));
        words.addAll(row(400, 62f, at(300, "支出"), at(1450, "9.8")));
        words.addAll(row(500, 95f, at(300, "合计"), at(1200, "20.1"), at(1450, "22.9")));
        return words;
    }

    @Test
    void cellsArePutInColumnsByTheirWordBoxes() {
        DocumentText text = OcrLines.document(List.of(page()), 300);
        List<String> lines = text.lines().stream().map(text::lineText).toList();
        assertEquals(List.of("表1财政收支（亿元）", "指标\t2024年\t2025年", "收入\t12.5\t13.1", "支出\t\t9.8", "合计\t20.1\t22.9"),
                lines, "the ruling line is a cell boundary, the empty 2024 cell of 支出 stays empty");
        // every word (the ruling line is none) is its text at its offsets after the grid moved the cells
        assertEquals(page().size() - 1, text.ocrWords().size());
        for (OcrWord w : text.ocrWords()) {
            String word = text.text().substring(w.start(), w.end());
            assertTrue(page().stream().anyMatch(p -> p.text().equals(word) && Math.abs(p.left() * 72f / 300 - w.x0()) < 0.01),
                    "word " + word + " at its own box");
        }
    }

    @Test
    void ocrTableCellsAreFiguresFromOcrWithTheirColumnAndConfidence() {
        DocumentText text = OcrLines.document(List.of(page()), 300);
        byte[] bytes = text.text().getBytes(StandardCharsets.UTF_8);
        SourceFile source = IngestStage.identify("ocr.pdf", bytes);
        List<Table> tables = new TableStage(rules).read(source, text);
        assertEquals(1, tables.size(), tables.toString());
        Table t = tables.get(0);
        var context = new figtrace.metadata.ContextReader(rules).read(source, text, figtrace.model.DocumentMetadata.empty(), Map.of());
        List<Figure> figures = OcrReview.mark(new FigureStage(rules).extract(context, tables), text);

        TableCell spending = t.cells().stream().filter(c -> c.text().equals("9.8")).findFirst().orElseThrow();
        assertEquals(2, spending.column(), "9.8 is in the 2025 column");
        assertEquals("2025年", t.columns().get(spending.column()).header());
        Figure f = figures.stream().filter(x -> x.id().equals(spending.figureId())).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("980000000").compareTo(f.value()), "亿元 from the caption: " + f);
        assertEquals("CNY", f.unit());
        assertEquals("2025", f.time());
        assertEquals("支出", f.subject());
        assertEquals("ocr", f.source());
        assertEquals(0, new BigDecimal("62.0").compareTo(f.ocrConfidence()));
        assertNotNull(f.ocrBox());
        assertTrue(f.note().contains("OCR: check against the page image"), "a cell read with low confidence is flagged: " + f.note());
        assertEquals(text.text().substring(f.charStart(), f.charEnd()), f.quote());

        Figure clean = figures.stream().filter(x -> x.raw().equals("12.5")).findFirst().orElseThrow();
        assertEquals("2024", clean.time());
        assertEquals("ocr", clean.source());
        assertTrue(clean.note() == null || !clean.note().contains("OCR:"), clean.note());
        assertNull(figures.stream().filter(x -> "text".equals(x.source())).findFirst().orElse(null), "every figure is from OCR");
    }
}
