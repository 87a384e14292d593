package figtrace.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The SQLite schema as numbered migrations, applied in order by {@code PRAGMA user_version}.
 *
 * <p><b>Adding a migration</b> (a column, a table, an index): add a file
 * {@code src/main/resources/figtrace/store/schema/NNN_what_it_does.sql} whose number is one more than the highest there,
 * holding SQL statements separated by {@code ;} at a line's end ({@code --} comments allowed). Never edit a migration
 * that is on main: databases out there have already applied it. On open, the store applies every migration above the
 * database's {@code user_version}, each in one transaction together with raising {@code user_version} to its number, so
 * a failed migration leaves the database as it was. A new database applies them all. Two files with one number (two
 * branches that each added the next one) fail every open and the tests: renumber yours after merging. Then read the new
 * column in {@link SqliteStore} (and {@code FigureColumns}/{@code RecordColumns} for the outputs) and add a test to
 * {@code SchemaMigrationsTest} if the migration transforms data.
 *
 * <p>One allowance for databases made before versioning, which gained columns while {@code user_version} stayed 1:
 * {@code ALTER TABLE t ADD COLUMN c …} is skipped when {@code t} already has {@code c}.
 */
final class SchemaMigrations {
    static final String FOLDER = "/figtrace/store/schema/";
    private static final Pattern NAME = Pattern.compile("(\\d{3})_[a-z0-9_]+\\.sql");
    private static final Pattern ADD_COLUMN = Pattern.compile(
            "(?is)\\s*ALTER\\s+TABLE\\s+(\\w+)\\s+ADD\\s+COLUMN\\s+(\\w+)\\b.*");

    /** One migration: its number (the schema version it makes), file name and statements. */
    record Migration(int version, String file, List<String> statements) {}

    private SchemaMigrations() {}

    /** The migrations on the classpath, by version; fails when numbers repeat or leave a gap. */
    static List<Migration> all() {
        Map<Integer, Migration> byVersion = new TreeMap<>();
        for (String file : files()) {
            Matcher m = NAME.matcher(file);
            if (!m.matches()) {
                throw new IllegalStateException("schema migration " + FOLDER + file + " is not named NNN_what.sql");
            }
            int version = Integer.parseInt(m.group(1));
            Migration previous = byVersion.put(version, new Migration(version, file, statements(read(file))));
            if (previous != null) {
                throw new IllegalStateException("two schema migrations with number " + version + ": " + previous.file()
                        + " and " + file + "; renumber the newer one");
            }
        }
        int expected = 1;
        for (int v : byVersion.keySet()) {
            if (v != expected) throw new IllegalStateException("schema migrations skip version " + expected);
            expected++;
        }
        return List.copyOf(byVersion.values());
    }

    /** The schema version the migrations make: what a current database's {@code user_version} is. */
    static int latest() {
        List<Migration> all = all();
        return all.isEmpty() ? 0 : all.get(all.size() - 1).version();
    }

    /**
     * Brings the database to the latest schema. Refuses a database from a newer figtrace, and a database with tables
     * but no version (not figtrace's).
     */
    static void migrate(Connection connection, Path file) throws SQLException {
        List<Migration> migrations = all();
        int latest = migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
        int version = userVersion(connection);
        if (version > latest) {
            throw new StoreException("database " + file + " has schema version " + version + ", newer than this"
                    + " figtrace understands (" + latest + "); use a newer figtrace or delete the file to start afresh");
        }
        if (version == 0 && hasTables(connection)) {
            throw new StoreException("database " + file + " has tables but no figtrace schema version: it is not a"
                    + " figtrace database; delete it or choose another file");
        }
        for (Migration m : migrations) {
            if (m.version() <= version) continue;
            try {
                SqliteStore.schemaChange(connection, st -> {
                    for (String sql : m.statements()) {
                        if (!alreadyAdded(connection, sql)) st.execute(sql);
                    }
                    st.execute("PRAGMA user_version = " + m.version());
                });
            } catch (SQLException e) {
                throw new SQLException("schema migration " + m.file() + " failed (the database keeps version "
                        + userVersion(connection) + "): " + e.getMessage(), e);
            }
        }
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static boolean hasTables(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    /** Whether {@code sql} adds a column the table already has (a database from before versioning). */
    private static boolean alreadyAdded(Connection connection, String sql) throws SQLException {
        Matcher m = ADD_COLUMN.matcher(sql);
        return m.matches() && columns(connection, m.group(1)).contains(m.group(2).toLowerCase());
    }

    private static Set<String> columns(Connection connection, String table) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) names.add(rs.getString("name").toLowerCase());
        }
        return names;
    }

    /** The statements of a migration file: {@code --} comments dropped, split at a {@code ;} that ends a line. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String code = line.strip();
            if (code.startsWith("--") || code.isEmpty()) continue;
            current.append(line).append('\n');
            if (code.endsWith(";")) {
                String s = current.toString().strip();
                out.add(s.substring(0, s.length() - 1).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) out.add(current.toString().strip());
        return out;
    }

    private static String read(String file) {
        try (InputStream in = SchemaMigrations.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) throw new IllegalStateException("schema migration " + FOLDER + file + " not found");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file names in the schema folder, from the classes folder or from inside the jar. */
    private static List<String> files() {
        URL url = SchemaMigrations.class.getResource(FOLDER);
        if (url == null) throw new IllegalStateException("no schema migrations at " + FOLDER + " on the classpath");
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return list(fs.getPath(FOLDER));
            }
            return list(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot list the schema migrations at " + url + ": " + e.getMessage(), e);
        }
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
    }
}
