package figtrace.store;

import figtrace.model.DocumentResult;
import figtrace.model.Figure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQLite store: one embedded database file (by default {@code extracted/figtrace.db}). Its schema is the numbered
 * migrations in {@code src/main/resources/figtrace/store/schema/}, applied by {@code PRAGMA user_version} when the
 * file is opened ({@link SchemaMigrations} says how to add one); the tables, their indices and the review's
 * {@code decisions} table are all made there. Each {@link #save} is one transaction that deletes the
 * document's old rows and inserts the new ones, so a crash or a bad row never leaves a document half replaced.
 *
 * <p>{@code value} is stored as TEXT holding the exact plain decimal (so SQL tools show the exact digits) and again as
 * {@code value_num} REAL, only for sorting and ranges.
 *
 * <p>The rows of documents, their text and figures are written and read by {@link DocumentTables}, those of entities
 * and measures by {@link EntityTables}, tables and cells by {@link TableTables}, the panel by {@link PanelTables}
 * and the schema by {@link SchemaMigrations}. What stays here (about 340 lines) is the {@link Store}
 * interface itself, every transaction of it, kept in one class so that a second backend replaces exactly this one.
 */
public final class SqliteStore extends SqliteConnection implements Store {

    public static final Path DEFAULT_PATH = Path.of("extracted", "figtrace.db");

    private final Clock clock;

    private SqliteStore(Path file, Connection connection, Clock clock) {
        super(file, connection);
        this.clock = clock;
    }

    public static SqliteStore open(Path file) {
        return open(file, Clock.systemUTC());
    }

    /** Opens (creating if needed) the database at {@code file}; {@code clock} stamps {@code extracted_at}. */
    public static SqliteStore open(Path file, Clock clock) {
        return new SqliteStore(file, connect(file, false), clock);
    }

    /**
     * A connection to the database at {@code file}, created if needed and brought to the current schema
     * ({@link SchemaMigrations}); busy timeout, foreign keys and WAL journal set; auto-commit off. The one place
     * figtrace connects to SQLite: the review and web queries get theirs here too.
     *
     * @param mustExist refuse to create the file (the review page and export read a run's database)
     * @throws StoreException when the file cannot be opened, is not figtrace's, or comes from a newer figtrace
     */
    public static Connection connect(Path file, boolean mustExist) {
        if (mustExist && !Files.isRegularFile(file)) {
            throw new StoreException("no database " + file + ": run ./figtrace run first, or point --out at the"
                    + " folder holding figtrace.db");
        }
        Connection connection = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            SqliteNative.prepare();
            connection = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA busy_timeout = 10000");
                st.execute("PRAGMA foreign_keys = ON");
                st.execute("PRAGMA journal_mode = WAL");
            }
            SchemaMigrations.migrate(connection, file);
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException | IOException e) {
            closeQuietly(connection);
            throw new StoreException("cannot open database " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** The schema version of a current database ({@code PRAGMA user_version}): the highest migration's number. */
    public static int schemaVersion() {
        return SchemaMigrations.latest();
    }

    /** Statements that change the schema. */
    interface SchemaWork { void run(Statement st) throws SQLException; }

    /** Runs schema statements as one transaction: all of them or none (a half-made schema is never left behind). */
    static void schemaChange(Connection connection, SchemaWork work) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            work.run(st);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    @Override
    public synchronized void save(DocumentResult result, Provenance provenance) {
        String doc = result.source().name();
        try {
            for (Figure figure : result.figures()) {
                if (!doc.equals(figure.doc())) {
                    throw new IllegalArgumentException("figure " + figure.id() + " names document " + figure.doc()
                            + " but was extracted from " + doc);
                }
            }
            // The cascade removes the document's figures and text with it.
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM documents WHERE doc = ?")) {
                delete.setString(1, doc);
                delete.executeUpdate();
            }
            DocumentTables.insertDocument(connection, result, provenance, clock);
            DocumentTables.insertText(connection, result);
            DocumentTables.insertFigures(connection, result.figures());
            EntityTables.insert(connection, result);
            TableTables.insert(connection, result);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollbackAfter(e);
            throw new StoreException("cannot save document " + doc + " to " + file + " (its previous rows are kept): "
                    + e.getMessage(), e);
        }
    }

    /** Rolls back the failed transaction; a failure to roll back is added to {@code failure}, not lost. */
    private void rollbackAfter(Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    /** Names of the stored documents, sorted. */
    @Override
    public synchronized List<String> documents() {
        return query("SELECT doc FROM documents ORDER BY doc", null, rs -> rs.getString(1));
    }

    /** The stored figures of one document, in document order. */
    @Override
    public synchronized List<Figure> figures(String doc) {
        return query("SELECT " + String.join(", ", FigureColumns.names())
                + " FROM figures WHERE doc = ? ORDER BY span_start, span_end, id", doc, DocumentTables::readFigure);
    }

    /** The stored text of one document, if the document is stored. */
    @Override
    public synchronized Optional<String> documentText(String doc) {
        return query("SELECT text FROM document_text WHERE doc = ?", doc, rs -> rs.getString(1)).stream().findFirst();
    }

    /** The stored figures of one document in the order they were extracted (the order outputs list them). */
    @Override
    public synchronized List<Figure> figuresInExtractionOrder(String doc) {
        return query("SELECT " + String.join(", ", FigureColumns.names())
                + " FROM figures WHERE doc = ? ORDER BY seq, span_start, span_end, id", doc, DocumentTables::readFigure);
    }

    /** Every stored document row, retired ones included, by name. */
    @Override
    public synchronized Map<String, DocumentRow> documentRows() {
        Map<String, DocumentRow> rows = new LinkedHashMap<>();
        for (DocumentRow row : query("SELECT * FROM documents ORDER BY doc", null, DocumentTables::readDocument)) {
            rows.put(row.doc(), row);
        }
        return rows;
    }

    @Override
    public synchronized java.util.Optional<DocumentRow> documentRow(String doc) {
        return query("SELECT * FROM documents WHERE doc = ?", doc, DocumentTables::readDocument).stream().findFirst();
    }

    /**
     * Documents whose rows do not add up: fewer or more figure rows than {@code figure_count} says, or no text row.
     * A save is one transaction, so figtrace never leaves such a document; hand edits or a damaged file can. The
     * runner extracts them again.
     */
    @Override
    public synchronized java.util.Set<String> incompleteDocuments() {
        return new java.util.TreeSet<>(query("SELECT d.doc FROM documents d"
                + " LEFT JOIN (SELECT doc, count(*) AS n FROM figures GROUP BY doc) f ON f.doc = d.doc"
                + " WHERE d.figure_count <> coalesce(f.n, 0)"
                + " OR NOT EXISTS (SELECT 1 FROM document_text t WHERE t.doc = d.doc)", null, rs -> rs.getString(1)));
    }

    /** Records that the file was seen unchanged: its size and time, and that it is in the corpus (not retired). */
    @Override
    public synchronized void markCurrent(String doc, long size, Long mtimeNanos) {
        update(doc, "cannot update document " + doc,
                new Object[]{"UPDATE documents SET size = ?, mtime_ns = ?, retired = 0, retired_at = NULL WHERE doc = ?",
                        size, mtimeNanos, doc},
                new Object[]{"UPDATE figures SET retired = 0 WHERE doc = ? AND retired <> 0", doc});
    }

    /** Flags a document that left the corpus, and its figures, as retired; nothing is deleted. */
    @Override
    public synchronized void retire(String doc) {
        update(doc, "cannot retire document " + doc,
                new Object[]{"UPDATE documents SET retired = 1, retired_at = ? WHERE doc = ?", clock.instant().toString(), doc},
                new Object[]{"UPDATE figures SET retired = 1 WHERE doc = ?", doc});
    }

    /**
     * Moves a document's rows to a new name (a renamed file: same content). Figure ids depend on content only, so
     * they stay; rows stored under {@code to} before are replaced. One transaction.
     */
    @Override
    public synchronized void rename(String from, String to, long size, Long mtimeNanos) {
        update(to, "cannot move document " + from + " to " + to,
                new Object[]{"PRAGMA defer_foreign_keys = ON"},
                new Object[]{"DELETE FROM documents WHERE doc = ?", to},
                new Object[]{"UPDATE documents SET doc = ?, size = ?, mtime_ns = ?, retired = 0, retired_at = NULL"
                        + " WHERE doc = ?", to, size, mtimeNanos, from},
                new Object[]{"UPDATE figures SET doc = ?, retired = 0 WHERE doc = ?", to, from},
                new Object[]{"UPDATE document_text SET doc = ? WHERE doc = ?", to, from},
                new Object[]{"UPDATE entities SET doc = ? WHERE doc = ?", to, from},
                new Object[]{"UPDATE measures SET doc = ? WHERE doc = ?", to, from},
                new Object[]{"UPDATE links SET doc = ? WHERE doc = ?", to, from},
                new Object[]{"UPDATE document_lines SET doc = ? WHERE doc = ?", to, from},
                new Object[]{"UPDATE tables SET doc = ? WHERE doc = ?", to, from},
                new Object[]{"UPDATE cells SET doc = ? WHERE doc = ?", to, from});
    }

    /** Runs statements (SQL followed by its parameters) as one transaction. */
    private void update(String doc, String what, Object[]... statements) {
        try {
            for (Object[] s : statements) {
                try (PreparedStatement st = connection.prepareStatement((String) s[0])) {
                    for (int i = 1; i < s.length; i++) DocumentTables.setNullable(st, i, s[i]);
                    st.executeUpdate();
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollbackAfter(e);
            throw new StoreException(what + " in " + file + " (nothing was changed): " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void savePanel(figtrace.panel.PanelStage.Panel panel) {
        replacePanel(null, panel);
    }

    @Override
    public synchronized void replacePanel(java.util.Collection<String> indicatorIds, figtrace.panel.PanelStage.Panel panel) {
        savePanelRows(() -> PanelTables.replace(connection, indicatorIds, panel));
    }

    @Override
    public synchronized void replacePanelRegions(Map<String, ? extends java.util.Collection<String>> regionsByIndicator,
                                                 figtrace.panel.PanelStage.Panel panel) {
        savePanelRows(() -> PanelTables.replaceRegions(connection, regionsByIndicator, panel));
    }

    private interface PanelWrite { void run() throws SQLException; }

    /** One panel write in its own transaction: committed whole, or rolled back with the stored panel unchanged. */
    private void savePanelRows(PanelWrite write) {
        try {
            write.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw new StoreException("cannot save the panel in " + file + " (the stored panel is unchanged): "
                    + e.getMessage(), e);
        }
    }

    /** A document's entities as stored, in text order (a name before the shorter names it starts with, as extracted). */
    @Override
    public synchronized List<figtrace.model.Entity> entities(String doc) {
        return EntityTables.entities(connection, doc);
    }

    /** A document's measures as stored, in text order. */
    @Override
    public synchronized List<figtrace.model.Measure> measures(String doc) {
        return EntityTables.measures(connection, doc);
    }

    /** A document's rebuilt tables as stored, in document order. */
    @Override
    public synchronized List<figtrace.model.Table> tables(String doc) {
        return TableTables.tables(connection, doc);
    }

    /**
     * The rebuilt tables stored in run database {@code db} (of {@code doc}, or of every document when null), for the
     * workbook export: read on a connection of their own, so an export needs no open store.
     *
     * @throws StoreException when there is no such database
     */
    public static List<figtrace.model.Table> storedTables(Path db, String doc) throws SQLException {
        try (Connection c = connect(db, true)) {
            return TableTables.all(c, doc);
        }
    }

    /** A document's stored lines as {page (0 when unpaged), number, start, end}, in text order. */
    @Override
    public synchronized List<int[]> lines(String doc) {
        return EntityTables.lines(connection, doc);
    }

    /** The database file. */
    @Override
    public Path file() { return file; }

    /** {@code PRAGMA integrity_check}: ["ok"] for a sound database, else SQLite's list of problems. */
    @Override
    public synchronized List<String> integrityCheck() {
        return query("PRAGMA integrity_check", null, rs -> rs.getString(1));
    }

    private interface RowReader<T> { T read(ResultSet rs) throws SQLException; }

    private <T> List<T> query(String sql, String parameter, RowReader<T> reader) {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            if (parameter != null) st.setString(1, parameter);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) rows.add(reader.read(rs));
            }
            connection.commit(); // ends the read transaction so WAL checkpoints are not held back
            return rows;
        } catch (SQLException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected RuntimeException closeFailure(SQLException e) {
        return new StoreException("cannot close database " + file + ": " + e.getMessage(), e);
    }

}
