package figtrace.store;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import figtrace.ids.Sha256;
import figtrace.model.Entity;
import figtrace.model.Figure;
import figtrace.model.Measure;
import figtrace.review.FigureKey;
import figtrace.review.FigureReview;
import figtrace.review.ReviewStore;
import figtrace.review.ReviewedExport;
import figtrace.review.ReviewedFigure;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The big outputs ({@code figures}, {@code entities}, {@code measures} as JSONL and CSV) kept as one part file per
 * document and output in {@code OUT/parts/}, and written as the concatenation of those parts. A part's name is a hash
 * of its document's stored row (name, content, rules, extractor, status …), so a part that exists is right: a run
 * writes parts only for the documents it changed, reading only those documents' records from the store, then
 * rebuilds each output by copying the parts' bytes in corpus order (the operating system copies; nothing is parsed or
 * held in memory). Memory therefore does not grow with the corpus, and a one-file change costs one document's records
 * plus a file copy. The outputs are byte for byte what writing them whole would give: each CSV row and JSON line is
 * written on its own, so they concatenate. Parts of documents no longer in the outputs are deleted.
 *
 * <p>{@code tables.jsonl} is made the same way, and a document's {@code tables/DOC-tNN.csv} files are written only
 * with its parts: a part {@code KEY.tables.txt} names them, so the CSVs of unchanged documents are neither read from
 * the store nor written again (a missing one is written again from the store).
 *
 * <p>{@code figures.csv} is the table for spreadsheets, the same as {@code figtrace export --to figures.csv}: reviewers'
 * corrections applied, {@code value_num}, {@code review_status} and quotes on one line ({@link ReviewedExport}). So a
 * document's parts are also named by the state of its review decisions. {@code figures.jsonl} stays the extraction
 * exactly as extracted (each quote equals the source text at its offsets).
 *
 * <p>About 340 lines on purpose: writing parts, noting each output's layout and patching an output in place all rely on
 * one byte layout of the part files, and a crash between them is only safe when they agree (a patch stopped midway makes
 * the next run write the output whole); keeping them in one class keeps that agreement in one place.
 */
public final class OutputParts {
    /** The folder under the output folder that holds the parts; safe to delete (the next run writes them again). */
    public static final String DIR = "parts";
    /** The folder under {@link #DIR} noting how each output was last laid out. */
    private static final String LAYOUT_DIR = "layout";

    private enum Output {
        FIGURES_JSONL(OutputWriter.FIGURES_JSONL), FIGURES_CSV(OutputWriter.FIGURES_CSV),
        ENTITIES_JSONL(OutputWriter.ENTITIES_JSONL), ENTITIES_CSV(OutputWriter.ENTITIES_CSV),
        MEASURES_JSONL(OutputWriter.MEASURES_JSONL), MEASURES_CSV(OutputWriter.MEASURES_CSV),
        TABLES_JSONL(OutputWriter.TABLES_JSONL);

        final String file;

        Output(String file) { this.file = file; }

        boolean csv() { return file.endsWith(".csv"); }
    }

    private final Path out;
    private final Path dir;

    public OutputParts(Path out) {
        this.out = out;
        this.dir = out.resolve(DIR);
    }

    /**
     * Writes the missing parts of {@code current} (the corpus's documents, in output order) from {@code store}, then
     * every output as the concatenation of its parts, then deletes parts no document needs.
     */
    public void write(Store store, ReviewStore reviews, List<DocumentRow> current) throws IOException {
        Files.createDirectories(dir);
        Files.createDirectories(out.resolve(OutputWriter.TABLES_DIR));
        removeTemporaries();
        Map<String, String> reviewStates = reviews.stateByDoc();
        Set<String> keys = new HashSet<>();
        List<String> order = new java.util.ArrayList<>();
        Set<String> tableCsvs = new HashSet<>();
        OutputWriter writer = new OutputWriter(out);
        for (DocumentRow row : current) {
            String key = key(row, reviewStates.get(row.doc()));
            keys.add(key);
            order.add(key);
            if (!complete(key)) writeParts(store, reviews, row.doc(), key, writer);
            tableCsvs.addAll(tableCsvs(store, row.doc(), key, writer));
        }
        for (Output o : Output.values()) concatenate(o, order);
        writer.removeTableCsvsExcept(tableCsvs);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                int dot = name.indexOf('.');
                if (dot > 0 && !keys.contains(name.substring(0, dot))) Files.deleteIfExists(f);
            }
        }
    }

    /**
     * Writes the parts of one document just saved, while a run still extracts others, so that the end of the run,
     * which the run's own thread does alone, has fewer to write ({@link #write} then finds them complete). A part is
     * named by what it is made from, so one written early that no longer fits (the document's review decisions were
     * re-attached at the end of the run) is simply not used, and deleted.
     *
     * @param reviewStates {@link ReviewStore#stateByDoc()}, read once for the run
     */
    public void writeEarly(Store store, ReviewStore reviews, Map<String, String> reviewStates, DocumentRow row)
            throws IOException {
        Files.createDirectories(dir);
        Files.createDirectories(out.resolve(OutputWriter.TABLES_DIR));
        String key = key(row, reviewStates.get(row.doc()));
        if (!complete(key)) writeParts(store, reviews, row.doc(), key, new OutputWriter(out));
    }

    /**
     * The name of a document's parts: a hash of everything they are made from.
     *
     * @param reviewState the document's {@link ReviewStore#stateByDoc()} (null when nothing was reviewed)
     */
    static String key(DocumentRow r, String reviewState) {
        String state = "parts v2\t" + reviewState + '\t' + r.doc() + '\t' + r.sha256() + '\t' + r.rulesFingerprint() + '\t'
                + r.extractorVersion() + '\t' + r.status().code() + '\t' + r.figureCount() + '\t' + r.issues() + '\t'
                + r.metadata();
        return Sha256.hex(state).substring(0, 32);
    }

    private boolean complete(String key) {
        for (Output o : Output.values()) if (!Files.isRegularFile(part(key, o))) return false;
        return Files.isRegularFile(tableNames(key));
    }

    /** The part naming a document's table CSVs, one file name a line. */
    private Path tableNames(String key) {
        return dir.resolve(key + ".tables.txt");
    }

    /**
     * The names of a document's table CSVs under tables/, written again from the store when one of them is missing
     * (the parts were just written, or someone deleted a CSV).
     */
    private List<String> tableCsvs(Store store, String doc, String key, OutputWriter writer) throws IOException {
        List<String> names = Files.readAllLines(tableNames(key), StandardCharsets.UTF_8);
        Path csvDir = out.resolve(OutputWriter.TABLES_DIR);
        boolean allThere = true;
        for (String n : names) if (!Files.isRegularFile(csvDir.resolve(n))) { allThere = false; break; }
        if (!allThere) for (figtrace.model.Table t : store.tables(doc)) writer.writeTableCsv(t);
        return names;
    }

    private Path part(String key, Output o) {
        return dir.resolve(key + "." + o.file);
    }

    private void writeParts(Store store, ReviewStore reviews, String doc, String key, OutputWriter writer)
            throws IOException {
        List<Figure> figures = store.figuresInExtractionOrder(doc);
        Map<FigureKey, List<figtrace.review.Decision>> decisions =
                reviews.decisions(figures.stream().map(f -> new FigureKey(f.doc(), f.id())).toList());
        List<Entity> entities = store.entities(doc);
        List<Measure> measures = store.measures(doc);
        AtomicFiles.writeUtf8(part(key, Output.FIGURES_JSONL), w -> {
            for (Figure f : figures) w.write(FiguresJsonl.toLine(f) + '\n');
        });
        AtomicFiles.writeUtf8(part(key, Output.FIGURES_CSV), w -> {
            CSVWriter csv = csv(w);
            for (Figure f : figures) {
                FigureReview review = FigureReview.of(decisions.get(new FigureKey(f.doc(), f.id())));
                csv.writeNext(OutputWriter.figureCsvRow(new ReviewedFigure(f, review)));
            }
            csv.flush();
        });
        writeRecords(key, Output.ENTITIES_JSONL, Output.ENTITIES_CSV, RecordColumns.ENTITY, entities);
        writeRecords(key, Output.MEASURES_JSONL, Output.MEASURES_CSV, RecordColumns.MEASURE, measures);
        List<figtrace.model.Table> tables = store.tables(doc);
        AtomicFiles.writeUtf8(part(key, Output.TABLES_JSONL), w -> {
            for (figtrace.model.Table t : tables) w.write(OutputWriter.tableLine(t));
        });
        List<String> names = new java.util.ArrayList<>();
        for (figtrace.model.Table t : tables) names.add(writer.writeTableCsv(t));
        // written last: a document whose names part exists has all its other parts and its CSVs
        AtomicFiles.writeUtf8(tableNames(key), w -> {
            for (String n : names) w.write(n + '\n');
        });
    }

    private <T> void writeRecords(String key, Output jsonl, Output csvOut, List<RecordColumns.Column<T>> columns,
                                  List<T> rows) throws IOException {
        AtomicFiles.writeUtf8(part(key, jsonl), w -> {
            for (T row : rows) w.write(OutputWriter.recordLine(columns, row) + '\n');
        });
        AtomicFiles.writeUtf8(part(key, csvOut), w -> {
            CSVWriter csv = csv(w);
            for (T row : rows) {
                csv.writeNext(columns.stream().map(c -> OutputWriter.cell(RecordColumns.flat(c.getter().apply(row))))
                        .toArray(String[]::new));
            }
            csv.flush();
        });
    }

    /** The same CSV dialect as {@link OutputWriter}: quotes, CRLF. */
    private static CSVWriter csv(Writer w) {
        return new CSVWriter(w, ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                ICSVWriter.DEFAULT_ESCAPE_CHARACTER, "\r\n");
    }

    /** An output's header (a CSV's byte-order mark and column names) as bytes. */
    private static byte[] header(Output o) throws IOException {
        if (!o.csv()) return new byte[0];
        List<String> names = switch (o) {
            case FIGURES_CSV -> ReviewedExport.header();
            case ENTITIES_CSV -> RecordColumns.names(RecordColumns.ENTITY);
            default -> RecordColumns.names(RecordColumns.MEASURE);
        };
        java.io.StringWriter s = new java.io.StringWriter();
        s.write('\uFEFF');
        CSVWriter csv = csv(s);
        csv.writeNext(names.toArray(String[]::new));
        csv.flush();
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One output: its header, then every document's part, copied by the operating system. When the output is there as
     * the last run left it (its layout, size and time as noted in {@code parts/layout/}), only what changed is written:
     * the documents at its start and end whose parts are the same (same name, or the same bytes) stay in place; the
     * parts between them are written over the old ones when they are as long, else the file is cut after the
     * unchanged start and the rest appended. Otherwise the output is written whole and replaced atomically. The
     * layout is removed before the file is touched, so a run stopped while patching makes the next run write it whole.
     */
    private void concatenate(Output o, List<String> keys) throws IOException {
        Path target = out.resolve(o.file);
        byte[] header = header(o);
        long[] sizes = new long[keys.size()];
        for (int k = 0; k < sizes.length; k++) sizes[k] = Files.size(part(keys.get(k), o));
        Path layoutFile = layout(o);
        Layout old = Layout.read(layoutFile);
        Files.deleteIfExists(layoutFile);
        if (old != null && old.describes(target, header)) {
            patch(o, target, header.length, old, keys, sizes);
        } else {
            Path temp = Files.createTempFile(out, "." + o.file + ".", ".tmp");
            try {
                AtomicFiles.readableByAll(temp);
                try (FileChannel to = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    to.write(java.nio.ByteBuffer.wrap(header));
                    copyParts(o, keys, 0, keys.size(), to);
                }
                AtomicFiles.replace(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        new Layout(header.length, keys, sizes, Files.size(target), Files.getLastModifiedTime(target).toMillis())
                .write(layoutFile);
    }

    /** Writes into {@code target} (laid out as {@code old}) only the parts that differ from what it holds. */
    private void patch(Output o, Path target, long headerLength, Layout old, List<String> keys, long[] sizes)
            throws IOException {
        int n = keys.size(), m = old.keys().size();
        int i = 0;
        while (i < n && i < m && same(o, old, i, keys, sizes, i)) i++;
        int j = 0;
        while (j < n - i && j < m - i && same(o, old, m - 1 - j, keys, sizes, n - 1 - j)) j++;
        if (i == n - j && i == m - j) return; // nothing changed
        long offset = headerLength, oldMiddle = 0, newMiddle = 0;
        for (int k = 0; k < i; k++) offset += old.sizes()[k];
        for (int k = i; k < m - j; k++) oldMiddle += old.sizes()[k];
        for (int k = i; k < n - j; k++) newMiddle += sizes[k];
        try (FileChannel to = FileChannel.open(target, StandardOpenOption.WRITE)) {
            if (oldMiddle == newMiddle) {
                to.position(offset);
                copyParts(o, keys, i, n - j, to);
            } else {
                to.truncate(offset);
                to.position(offset);
                copyParts(o, keys, i, n, to);
            }
        }
    }

    /** Whether old part {@code a} and new part {@code b} have the same bytes (the same name, or equal contents). */
    private boolean same(Output o, Layout old, int a, List<String> keys, long[] sizes, int b) throws IOException {
        if (old.keys().get(a).equals(keys.get(b))) return true;
        if (old.sizes()[a] != sizes[b]) return false;
        Path was = part(old.keys().get(a), o);
        return Files.isRegularFile(was) && Files.mismatch(was, part(keys.get(b), o)) == -1;
    }

    private void copyParts(Output o, List<String> keys, int from, int to, FileChannel target) throws IOException {
        for (int k = from; k < to; k++) {
            try (FileChannel part = FileChannel.open(part(keys.get(k), o), StandardOpenOption.READ)) {
                long size = part.size(), done = 0;
                while (done < size) done += part.transferTo(done, size - done, target);
            }
        }
    }

    private Path layout(Output o) {
        return dir.resolve(LAYOUT_DIR).resolve(o.file + ".txt");
    }

    /** Which parts an output was made of, in order, with their sizes, and the size and time of the file then. */
    private record Layout(long headerLength, List<String> keys, long[] sizes, long fileSize, long modified) {
        static Layout read(Path file) {
            if (!Files.isRegularFile(file)) return null;
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                String[] head = lines.get(0).split(" ");
                List<String> keys = new java.util.ArrayList<>();
                long[] sizes = new long[lines.size() - 1];
                for (int k = 1; k < lines.size(); k++) {
                    String[] f = lines.get(k).split(" ");
                    keys.add(f[0]);
                    sizes[k - 1] = Long.parseLong(f[1]);
                }
                return new Layout(Long.parseLong(head[0]), keys, sizes, Long.parseLong(head[1]), Long.parseLong(head[2]));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** Whether {@code target} is still the file this layout describes, with this header. */
        boolean describes(Path target, byte[] header) throws IOException {
            if (!Files.isRegularFile(target) || headerLength != header.length || Files.size(target) != fileSize
                    || Files.getLastModifiedTime(target).toMillis() != modified) return false;
            long sum = headerLength;
            for (long size : sizes) sum += size;
            if (sum != fileSize) return false;
            try (java.io.InputStream in = Files.newInputStream(target)) {
                return java.util.Arrays.equals(in.readNBytes(header.length), header);
            }
        }

        void write(Path file) throws IOException {
            AtomicFiles.writeUtf8(file, w -> {
                w.write(headerLength + " " + fileSize + " " + modified + "\n");
                for (int k = 0; k < keys.size(); k++) w.write(keys.get(k) + " " + sizes[k] + "\n");
            });
        }
    }

    /** Temporary files a killed run left in the parts folder. */
    private void removeTemporaries() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) if (f.getFileName().toString().startsWith(".")) Files.deleteIfExists(f);
        }
    }
}
