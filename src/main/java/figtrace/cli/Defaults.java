package figtrace.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Default folders. Relative to the working folder; the rules fall back to the project's own patterns/ (the launcher
 * passes -Dfigtrace.home) so that figtrace also works when started from elsewhere.
 */
final class Defaults {
    private Defaults() {}

    static Path patterns(Path given) {
        if (given != null) return given;
        Path local = Path.of("patterns");
        if (Files.isDirectory(local)) return local;
        String home = System.getProperty("figtrace.home");
        return home == null ? local : Path.of(home, "patterns");
    }
}
