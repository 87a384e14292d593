package figtrace.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The team's shared material ({@code corpus/}, {@code gold/}, {@code realdocs/}, {@code tools/}) lives in
 * {@code ../shared}, beside the repository: found from the repository root, never from an absolute path, so a clone
 * anywhere finds it the same way CI does. Tests run with the repository root as working directory (Maven's basedir).
 *
 * <p>When a part is missing a test is skipped on a developer's machine, but fails loudly in CI ({@code CI=true}), where
 * a silent skip would hide that the real documents were never tested.
 */
public final class SharedFolder {
    private SharedFolder() {}

    /** {@code ../shared} beside the repository root. */
    public static Path root() {
        return Path.of("").toAbsolutePath().getParent().resolve("shared");
    }

    /** {@code ../shared/RELATIVE}, whether or not it exists. */
    public static Path path(String relative) {
        return root().resolve(relative);
    }

    /** {@code ../shared/RELATIVE}; skips the test when it is missing (fails instead under CI=true). */
    public static Path require(String relative) {
        Path p = path(relative);
        if (!Files.exists(p)) {
            String message = "shared material missing: " + p + " (the shared folder belongs beside the repository, as ../shared)";
            if (isCi()) fail(message + "; CI=true, so this fails instead of skipping");
            assumeTrue(false, message);
        }
        return p;
    }

    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
