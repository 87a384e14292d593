package figtrace.store;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import figtrace.model.DocumentResult;
import figtrace.model.Entity;
import figtrace.model.Figure;
import figtrace.model.Measure;
import figtrace.review.FigureReview;
import figtrace.review.ReviewedExport;
import figtrace.review.ReviewedFigure;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a run's results as files for people and other tools: {@code figures.jsonl}, {@code figures.csv} and
 * {@code documents.csv} in one output folder. Each file is replaced atomically, so a crash leaves the previous
 * complete file, never half a file.
 *
 * <p>Values are written exactly: JSON numbers and CSV cells come from {@link BigDecimal#toPlainString()}, never from a
 * double, so 661693000000 is never 6.61693E11. CSV files start with a byte-order mark so spreadsheet programs read
 * them as UTF-8 (Chinese intact), and cells that a spreadsheet would run as formulas are defused.
 */
public final class OutputWriter {

    public static final String FIGURES_JSONL = "figures.jsonl";
    public static final String FIGURES_CSV = "figures.csv";
    public static final String DOCUMENTS_CSV = "documents.csv";
    public static final String ENTITIES_JSONL = "entities.jsonl", ENTITIES_CSV = "entities.csv";
    public static final String MEASURES_JSONL = "measures.jsonl", MEASURES_CSV = "measures.csv";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = figtrace.json.Json.MAPPER;

    private static final char BOM = '\uFEFF';

    private final Path outDir;

    public OutputWriter(Path outDir) {
        this.outDir = outDir;
    }

    /**
     * Deletes temporary files that a run killed while writing outputs left behind ({@code .figures.jsonl.*.tmp}, …).
     * Call it only while holding the output folder's run lock, so no other run is writing them.
     */
    public static void removeLeftovers(Path outDir) throws IOException {
        if (!Files.isDirectory(outDir)) return;
        try (Stream<Path> files = Files.list(outDir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                for (String output : List.of(FIGURES_JSONL, FIGURES_CSV, DOCUMENTS_CSV, ENTITIES_JSONL, ENTITIES_CSV,
                        MEASURES_JSONL, MEASURES_CSV)) {
                    if (name.startsWith("." + output + ".") && name.endsWith(".tmp")) Files.deleteIfExists(f);
                }
            }
        }
    }

    /** Whether every output file is there (a run writes them all or, when nothing changed, none). */
    public static boolean allPresent(Path outDir) {
        for (String f : List.of(FIGURES_JSONL, FIGURES_CSV, DOCUMENTS_CSV, ENTITIES_JSONL, ENTITIES_CSV, MEASURES_JSONL,
                MEASURES_CSV, TABLES_JSONL)) {
            if (!Files.isRegularFile(outDir.resolve(f))) return false;
        }
        return true;
    }

    /** Writes all three files for the documents of one run, in the order given. */
    public void writeAll(List<DocumentResult> results) throws IOException {
        List<Figure> figures = results.stream().flatMap(r -> r.figures().stream()).toList();
        writeAll(results.stream().map(DocumentRow::of).toList(), List.of(), figures,
                results.stream().flatMap(r -> r.entities().stream()).toList(),
                results.stream().flatMap(r -> r.measures().stream()).toList());
        writeTables(results.stream().flatMap(r -> r.tables().stream()).toList());
    }

    /**
     * Writes all three files: {@code documents} (the corpus's documents) and their {@code figures}, and in
     * documents.csv also the {@code retired} documents (files that left the corpus) with status "retired".
     */
    public void writeAll(List<DocumentRow> documents, List<DocumentRow> retired, List<Figure> figures) throws IOException {
        writeFiguresJsonl(figures);
        writeFiguresCsv(figures);
        writeDocumentsCsv(documents, retired);
    }

    /** All outputs: documents, figures, entities and measures (the last two as JSONL and CSV). */
    public void writeAll(List<DocumentRow> documents, List<DocumentRow> retired, List<Figure> figures,
                         List<Entity> entities, List<Measure> measures) throws IOException {
        writeAll(documents, retired, figures);
        writeRecords(ENTITIES_JSONL, ENTITIES_CSV, RecordColumns.ENTITY, entities);
        writeRecords(MEASURES_JSONL, MEASURES_CSV, RecordColumns.MEASURE, measures);
    }

    /** Entities or measures as JSONL (lists as arrays) and as CSV (lists joined by " | "). */
    public <T> void writeRecords(String jsonl, String csv, List<RecordColumns.Column<T>> columns, List<T> rows) throws IOException {
        AtomicFiles.writeUtf8(outDir.resolve(jsonl), out -> {
            for (T row : rows) {
                out.write(recordLine(columns, row));
                out.write('\n');
            }
        });
        List<String[]> table = new ArrayList<>();
        table.add(RecordColumns.names(columns).toArray(String[]::new));
        for (T row : rows) table.add(columns.stream().map(c -> cell(RecordColumns.flat(c.getter().apply(row)))).toArray(String[]::new));
        writeCsv(csv, table);
    }

    /** One entity or measure as one line of JSON (without the line break), as in entities.jsonl and measures.jsonl. */
    public static <T> String recordLine(List<RecordColumns.Column<T>> columns, T row) {
        Map<String, Object> object = new java.util.LinkedHashMap<>();
        for (RecordColumns.Column<T> c : columns) object.put(c.name(), c.getter().apply(row));
        try {
            return JSON.writeValueAsString(object);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("strings, numbers and lists always serialise", e);
        }
    }

    public void writeFiguresJsonl(List<Figure> figures) throws IOException {
        AtomicFiles.writeUtf8(outDir.resolve(FIGURES_JSONL), out -> {
            for (Figure figure : figures) {
                out.write(FiguresJsonl.toLine(figure));
                out.write('\n');
            }
        });
    }

    /** figures.csv of figures nobody reviewed yet (a run writes it from parts, with the reviews: {@link OutputParts}). */
    public void writeFiguresCsv(List<Figure> figures) throws IOException {
        List<String[]> rows = new ArrayList<>();
        rows.add(ReviewedExport.header().toArray(String[]::new));
        for (Figure figure : figures) rows.add(figureCsvRow(new ReviewedFigure(figure, FigureReview.UNREVIEWED)));
        writeCsv(FIGURES_CSV, rows);
    }

    /** One row of figures.csv: the reviewed export's cells (corrections applied, value_num, review status), made safe. */
    static String[] figureCsvRow(ReviewedFigure row) {
        return ReviewedExport.cells(row).stream().map(OutputWriter::cell).toArray(String[]::new);
    }

    public void writeDocumentsCsv(List<DocumentRow> documents, List<DocumentRow> retired) throws IOException {
        List<DocumentRow> all = new ArrayList<>(documents);
        all.addAll(retired);
        List<String[]> rows = new ArrayList<>();
        rows.add(documentHeader().toArray(String[]::new));
        for (DocumentRow r : all) rows.add(documentValues(r).stream().map(OutputWriter::cell).toArray(String[]::new));
        writeCsv(DOCUMENTS_CSV, rows);
    }

    /** The columns of documents.csv: always every column, in a fixed order, whatever the corpus's documents say. */
    public static List<String> documentHeader() {
        List<String> header = new ArrayList<>(List.of("file", "sha256", "type", "pages", "status", "issues", "figures"));
        header.addAll(DocumentMetadataColumns.ALL);
        return header;
    }

    /** One document's values in {@link #documentHeader()} order, as text (null where it has none), not yet CSV-safe. */
    public static List<String> documentValues(DocumentRow r) {
        String status = r.retired() ? "retired" : r.status().code();
        String issues = r.retired()
                ? "retired: " + r.doc() + " is no longer in the corpus (since " + r.retiredAt() + "); its rows stay"
                  + " in figtrace.db flagged retired and are left out of figures.jsonl and figures.csv"
                : DocumentTables.issuesText(r.issues());
        List<String> row = new ArrayList<>(java.util.Arrays.asList(r.doc(), r.sha256(), r.type(),
                r.pages() == null ? null : r.pages().toString(), status, issues, Integer.toString(r.figureCount())));
        for (String key : DocumentMetadataColumns.ALL) row.add(DocumentMetadataColumns.value(r.metadata(), key));
        return row;
    }

    static String cell(Object value) {
        if (value == null) return "";
        String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        return SpreadsheetSafety.safe(text);
    }

    public static final String TABLES_JSONL = "tables.jsonl", TABLES_DIR = "tables";

    /**
     * The rebuilt tables: tables.jsonl (one table a line: caption, unit, header rows, columns with their meaning,
     * rows, cells with offsets and figure ids) and each table as it prints under tables/ (DOC-tNN.csv: header rows,
     * then one line per body row). CSV files of tables that no longer exist are removed.
     */
    public void writeTables(List<figtrace.model.Table> tables) throws IOException {
        AtomicFiles.writeUtf8(outDir.resolve(TABLES_JSONL), out -> {
            for (figtrace.model.Table t : tables) out.write(tableLine(t));
        });
        java.nio.file.Files.createDirectories(outDir.resolve(TABLES_DIR));
        java.util.Set<String> written = new java.util.HashSet<>();
        for (figtrace.model.Table t : tables) written.add(writeTableCsv(t));
        removeTableCsvsExcept(written);
    }

    /** One table as its line of tables.jsonl, line break included. */
    static String tableLine(figtrace.model.Table t) throws IOException {
        return JSON.writeValueAsString(t) + '\n';
    }

    /** Writes {@code tables/DOC-tNN.csv}, the table as printed (header rows, then its rows); returns the file's name. */
    String writeTableCsv(figtrace.model.Table t) throws IOException {
        java.nio.file.Files.createDirectories(outDir.resolve(TABLES_DIR));
        String name = tableFileName(t);
        List<String[]> rows = new ArrayList<>();
        int width = t.columns().size();
        for (List<String> h : t.headerRows()) {
            String[] line = new String[width];
            for (int k = 0; k < width; k++) line[k] = cell(k < h.size() ? h.get(k) : "");
            rows.add(line);
        }
        String[][] body = new String[t.rows().size()][width];
        for (String[] line : body) java.util.Arrays.fill(line, "");
        for (figtrace.model.TableRow r : t.rows()) if (!r.label().isEmpty() && width > 0) {
            int label = 0;
            for (figtrace.model.TableColumn c : t.columns()) if (c.role().equals("label")) { label = c.index(); break; }
            body[r.index()][label] = cell(r.label());
        }
        for (figtrace.model.TableCell c : t.cells()) {
            if (c.column() < width && !(t.columns().get(c.column()).role().equals("label"))) body[c.row()][c.column()] = cell(c.text());
        }
        rows.addAll(java.util.Arrays.asList(body));
        writeCsv(TABLES_DIR + "/" + name, rows);
        return name;
    }

    /** Deletes the CSVs under tables/ that are not named in {@code keep} (tables of documents no longer there). */
    void removeTableCsvsExcept(java.util.Set<String> keep) throws IOException {
        java.nio.file.Path dir = outDir.resolve(TABLES_DIR);
        if (!java.nio.file.Files.isDirectory(dir)) return;
        try (var files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (n.endsWith(".csv") && !keep.contains(n)) java.nio.file.Files.deleteIfExists(f);
            }
        }
    }

    /** tables/DOC-t03.csv, with characters that are unsafe in file names replaced. */
    static String tableFileName(figtrace.model.Table t) {
        String doc = t.doc().replaceAll("[\\\\/:*?\"<>|\\s]", "_");
        return doc + "-t" + String.format("%02d", t.seq() + 1) + ".csv";
    }

    /** Writes a table (first row the header) as CSV for spreadsheets: BOM, CRLF, formula-safe cells. */
    public void writeCsvTable(String fileName, List<String[]> rows) throws IOException {
        List<String[]> safe = rows.stream().map(r -> java.util.Arrays.stream(r).map(OutputWriter::cell)
                .toArray(String[]::new)).toList();
        writeCsv(fileName, safe);
    }

    private void writeCsv(String fileName, List<String[]> rows) throws IOException {
        AtomicFiles.writeUtf8(outDir.resolve(fileName), (Writer out) -> {
            out.write(BOM);
            // Not closed here: AtomicFiles owns the stream. CRLF is what RFC 4180 and spreadsheets expect.
            CSVWriter csv = new CSVWriter(out, ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                    ICSVWriter.DEFAULT_ESCAPE_CHARACTER, "\r\n");
            csv.writeAll(rows);
            csv.flush();
            if (csv.checkError()) throw new IOException("cannot write " + fileName);
        });
    }
}
