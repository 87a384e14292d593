package figtrace.store;

import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Start-up speed only. The SQLite driver copies its native library out of its jar into the temp folder on every start
 * (about 1 MB, a good part of a no-change run). When figtrace knows its home folder (the launcher passes
 * {@code -Dfigtrace.home}), the library is copied once to {@code target/native/VERSION/} and the driver is pointed at it
 * ({@code org.sqlite.lib.path}). Anything unusual — no home, a user's own setting, a platform without a bundled library,
 * a read-only folder — leaves the driver to its usual way.
 */
final class SqliteNative {
    private static boolean prepared;

    private SqliteNative() {}

    static synchronized void prepare() {
        if (prepared) return;
        prepared = true;
        String home = System.getProperty("figtrace.home");
        if (home == null || System.getProperty("org.sqlite.lib.path") != null) return;
        try {
            String name = LibraryLoaderUtil.getNativeLibName();
            String folder = LibraryLoaderUtil.getNativeLibResourcePath(); // "/org/sqlite/native/Linux/x86_64"
            String resource = folder + "/" + name;
            Path dir = Path.of(home, "target", "native", SQLiteJDBCLoader.getVersion(),
                    folder.substring(folder.lastIndexOf("native/") + "native/".length()));
            Path lib = dir.resolve(name);
            if (!Files.isRegularFile(lib)) {
                try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
                    if (in == null) return;
                    Files.createDirectories(dir);
                    Path temp = Files.createTempFile(dir, name, ".tmp");
                    try {
                        Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                        Files.move(temp, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } finally {
                        Files.deleteIfExists(temp);
                    }
                }
            }
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", name);
        } catch (IOException | RuntimeException | LinkageError e) {
            // the driver extracts the library itself, as it always did
        }
    }
}
