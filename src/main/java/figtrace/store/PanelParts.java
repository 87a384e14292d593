package figtrace.store;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import figtrace.ids.Sha256;
import figtrace.panel.CheckOrder;
import figtrace.panel.PanelKey;
import figtrace.panel.PanelStage;
import figtrace.panel.PanelTables;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The panel outputs ({@code panel.csv}, {@code panel_checks.csv}) kept as one pair of part files per indicator family
 * ({@link figtrace.panel.PanelFamilies}) in {@code OUT/parts/panel/}: its rows with their keys and its checks with
 * their {@link CheckOrder} and region, each with the CSV line it prints as (already quoted, so writing an output is
 * copying bytes). A run that changed some families rewrites only their parts (or the share of some regions in them),
 * then writes each output by merging the parts in key and check order, one record of each part in memory at a time,
 * and replaces the file only when its bytes changed. The merge gives the order one build over all figures gives
 * ({@link PanelStage#buildOrdered}), so the outputs are byte for byte those of a full rebuild.
 *
 * <p>About 350 lines on purpose: the part files' format, the rewrite of some regions' share of a part and the ordered
 * merge must agree on every byte for the outputs to equal a full rebuild ({@code PanelIncrementalIT}); they are kept in
 * one class so that agreement is in one place.
 */
public final class PanelParts {

    /** The folder under the output folder that holds the panel's parts. */
    public static final String DIR = OutputParts.DIR + "/panel";
    private static final String ROWS = ".rows", CHECKS = ".checks";

    private final Path out;
    private final Path dir;

    public PanelParts(Path out) {
        this.out = out;
        this.dir = out.resolve(DIR);
    }

    public Path dir() {
        return dir;
    }

    /** Whether the parts of {@code family} are there. */
    public boolean has(String family) {
        return Files.isRegularFile(part(family, ROWS)) && Files.isRegularFile(part(family, CHECKS));
    }

    /** Replaces the parts of {@code family} with its panel (or removes them when it has no rows and no checks). */
    public void write(String family, PanelStage.Ordered panel) throws IOException {
        Files.createDirectories(dir);
        if (panel.rows().isEmpty() && panel.checks().isEmpty()) {
            remove(family);
            return;
        }
        Lines lines = new Lines();
        List<RowRecord> rows = rows(panel, lines);
        List<CheckRecord> checks = checks(panel, lines);
        writeParts(family, rows, checks);
    }

    /**
     * Replaces the rows and checks of {@code regions} in the parts of {@code family} with {@code panel}, which holds
     * only rows and checks of those regions; the family's other regions keep what its parts hold. Every check belongs
     * to the region of its key, and no two regions' rows or checks share a place in the panel's order, so the parts
     * are those of building the whole family.
     */
    public void patch(String family, Set<String> regions, PanelStage.Ordered panel) throws IOException {
        Files.createDirectories(dir);
        List<RowRecord> rows = new ArrayList<>();
        List<CheckRecord> checks = new ArrayList<>();
        if (has(family)) {
            readRecords(part(family, ROWS), RowRecord::read, r -> { if (!regions.contains(r.key().region())) rows.add(r); });
            readRecords(part(family, CHECKS), CheckRecord::read, c -> { if (!regions.contains(c.region())) checks.add(c); });
        }
        Lines lines = new Lines();
        rows.addAll(rows(panel, lines));
        checks.addAll(checks(panel, lines));
        if (rows.isEmpty() && checks.isEmpty()) {
            remove(family);
            return;
        }
        rows.sort(Comparator.comparing(RowRecord::key));
        checks.sort(Comparator.comparing(CheckRecord::order)); // stable: ties (one region's) keep their order
        writeParts(family, rows, checks);
    }

    private static List<RowRecord> rows(PanelStage.Ordered panel, Lines lines) {
        List<String[]> cells = PanelTables.panel(panel.rows());
        List<RowRecord> rows = new ArrayList<>(panel.rows().size());
        for (int i = 0; i < panel.rows().size(); i++) rows.add(new RowRecord(panel.rows().get(i).key(), lines.of(cells.get(i + 1))));
        return rows;
    }

    private static List<CheckRecord> checks(PanelStage.Ordered panel, Lines lines) {
        List<String[]> cells = PanelTables.checks(panel.checks());
        List<CheckRecord> checks = new ArrayList<>(panel.checks().size());
        for (int i = 0; i < panel.checks().size(); i++) {
            checks.add(new CheckRecord(panel.orders().get(i), i, panel.checks().get(i).key().region(), lines.of(cells.get(i + 1))));
        }
        return checks;
    }

    private void writeParts(String family, List<RowRecord> rows, List<CheckRecord> checks) throws IOException {
        writeRecords(part(family, ROWS), d -> {
            for (RowRecord r : rows) r.write(d);
        });
        writeRecords(part(family, CHECKS), d -> {
            for (int i = 0; i < checks.size(); i++) checks.get(i).write(d, i);
        });
    }

    /** Removes the parts of {@code family}. */
    public void remove(String family) throws IOException {
        Files.deleteIfExists(part(family, ROWS));
        Files.deleteIfExists(part(family, CHECKS));
    }

    /** Removes every part (a full rebuild starts from none). */
    public void clear() throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(ROWS) || name.endsWith(CHECKS) || name.startsWith(".")) Files.deleteIfExists(f);
            }
        }
    }

    /**
     * Writes panel.csv and panel_checks.csv from the parts, each only when its bytes differ from the file there.
     *
     * @return how many of the two files were replaced
     */
    public int writeOutputs() throws IOException {
        Files.createDirectories(dir);
        List<Path> rowParts = new ArrayList<>(), checkParts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(".")) continue;
                if (name.endsWith(ROWS)) rowParts.add(f);
                else if (name.endsWith(CHECKS)) checkParts.add(f);
            }
        }
        int replaced = 0;
        replaced += merge(PanelTables.PANEL_CSV, PanelTables.PANEL_HEADER, rowParts, RowRecord::read,
                Comparator.comparing(RowRecord::key));
        replaced += merge(PanelTables.CHECKS_CSV, PanelTables.CHECKS_HEADER, checkParts, CheckRecord::read,
                Comparator.comparing(CheckRecord::order).thenComparingInt(CheckRecord::seq));
        return replaced;
    }

    private interface RecordReader<T> { T read(DataInputStream in) throws IOException; }

    private interface Body { void write(DataOutputStream out) throws IOException; }

    private interface HasLine { byte[] line(); }

    private record RowRecord(PanelKey key, byte[] line) implements HasLine {
        static RowRecord read(DataInputStream in) throws IOException {
            return new RowRecord(readKey(in), readBytes(in));
        }

        void write(DataOutputStream d) throws IOException {
            writeKey(d, key);
            writeBytes(d, line);
        }
    }

    private record CheckRecord(CheckOrder order, int seq, String region, byte[] line) implements HasLine {
        static CheckRecord read(DataInputStream in) throws IOException {
            int phase = in.readInt();
            PanelKey key = in.readBoolean() ? readKey(in) : null;
            String sentence = readString(in), doc = readString(in);
            int docSeq = in.readInt();
            String figureId = readString(in);
            int seq = in.readInt();
            String region = readString(in);
            return new CheckRecord(new CheckOrder(phase, key, sentence, doc, docSeq, figureId), seq, region, readBytes(in));
        }

        void write(DataOutputStream d, int seq) throws IOException {
            d.writeInt(order.phase());
            d.writeBoolean(order.key() != null);
            if (order.key() != null) writeKey(d, order.key());
            writeString(d, order.sentence());
            writeString(d, order.doc());
            d.writeInt(order.seq());
            writeString(d, order.figureId());
            d.writeInt(seq);
            writeString(d, region);
            writeBytes(d, line);
        }
    }

    /** CSV lines as the outputs print them: each cell made safe ({@link OutputWriter#cell}), quoted, CRLF. */
    private static final class Lines {
        private final StringWriter buffer = new StringWriter();
        private final CSVWriter csv = new CSVWriter(buffer, ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                ICSVWriter.DEFAULT_ESCAPE_CHARACTER, "\r\n");

        byte[] of(String[] cells) {
            String[] safe = new String[cells.length];
            for (int i = 0; i < cells.length; i++) safe[i] = OutputWriter.cell(cells[i]);
            buffer.getBuffer().setLength(0);
            csv.writeNext(safe);
            try {
                csv.flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
            }
            return buffer.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    private static <T> void readRecords(Path file, RecordReader<T> reader, java.util.function.Consumer<T> action)
            throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                T record;
                try {
                    record = reader.read(in);
                } catch (EOFException end) {
                    return;
                }
                action.accept(record);
            }
        }
    }

    /** One part being read: its next record, or null at its end. */
    private static final class Cursor<T> {
        final DataInputStream in;
        final RecordReader<T> reader;
        final int index;
        T next;

        Cursor(Path file, RecordReader<T> reader, int index) throws IOException {
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            this.reader = reader;
            this.index = index;
            advance();
        }

        void advance() throws IOException {
            try {
                next = reader.read(in);
            } catch (EOFException end) {
                next = null;
                in.close();
            }
        }
    }

    /** Writes one output as the merge of its parts; replaces the file only when it changed. Returns 1 if replaced. */
    private <T extends HasLine> int merge(String fileName, List<String> header, List<Path> parts, RecordReader<T> reader,
                                          Comparator<T> order) throws IOException {
        Path target = out.resolve(fileName);
        Path temp = Files.createTempFile(out, "." + fileName + ".", ".tmp");
        List<Cursor<T>> cursors = new ArrayList<>();
        try {
            AtomicFiles.readableByAll(temp);
            // ties (none are expected: a key or source belongs to one family) fall back to the part's name
            PriorityQueue<Cursor<T>> queue = new PriorityQueue<>(Comparator.<Cursor<T>, T>comparing(c -> c.next, order)
                    .thenComparingInt(c -> c.index));
            for (int i = 0; i < parts.size(); i++) {
                Cursor<T> c = new Cursor<>(parts.get(i), reader, i);
                cursors.add(c);
                if (c.next != null) queue.add(c);
            }
            try (OutputStream w = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                w.write("\uFEFF".getBytes(StandardCharsets.UTF_8));
                w.write(new Lines().of(header.toArray(String[]::new)));
                while (!queue.isEmpty()) {
                    Cursor<T> c = queue.poll();
                    w.write(c.next.line());
                    c.advance();
                    if (c.next != null) queue.add(c);
                }
            }
            if (Files.isRegularFile(target) && Files.mismatch(temp, target) == -1) return 0;
            AtomicFiles.replace(temp, target);
            return 1;
        } finally {
            for (Cursor<T> c : cursors) c.in.close();
            Files.deleteIfExists(temp);
        }
    }

    private Path part(String family, String suffix) {
        return dir.resolve(Sha256.hex("panel family\t" + family).substring(0, 32) + suffix);
    }

    private static void writeRecords(Path target, Body body) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            try (DataOutputStream d = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
                body.write(d);
            }
            AtomicFiles.replace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void writeKey(DataOutputStream d, PanelKey k) throws IOException {
        writeString(d, k.indicatorId());
        writeString(d, k.region());
        writeString(d, k.period());
        writeString(d, k.scope());
    }

    private static PanelKey readKey(DataInputStream in) throws IOException {
        return new PanelKey(readString(in), readString(in), readString(in), readString(in));
    }

    private static void writeBytes(DataOutputStream d, byte[] b) throws IOException {
        d.writeInt(b.length);
        d.write(b);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        byte[] b = in.readNBytes(n);
        if (b.length < n) throw new EOFException();
        return b;
    }

    private static void writeString(DataOutputStream d, String s) throws IOException {
        if (s == null) { d.writeInt(-1); return; }
        writeBytes(d, s.getBytes(StandardCharsets.UTF_8));
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        byte[] b = in.readNBytes(n);
        if (b.length < n) throw new EOFException();
        return new String(b, StandardCharsets.UTF_8);
    }
}
