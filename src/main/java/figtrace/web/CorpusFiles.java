package figtrace.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves document names from requests to files inside the corpus folder, and nothing else: whatever the encoding
 * (%2e%2e, %2f, backslashes, absolute paths, NUL, symbolic links pointing out), a name resolving outside the corpus
 * is refused. Only names the run database knows are served, so the page cannot be used to read other files.
 */
public final class CorpusFiles {

    private final Path corpus;

    /** @param corpus the corpus folder; it need not exist (then nothing is served) */
    public CorpusFiles(Path corpus) {
        this.corpus = corpus.toAbsolutePath().normalize();
    }

    /** Why a decoded document name is refused, or null when its form is fine (a relative path going down only). */
    static String problem(String decoded) {
        if (decoded.isEmpty()) return "empty document name";
        if (decoded.indexOf('\0') >= 0) return "NUL in document name";
        if (decoded.indexOf('\\') >= 0) return "backslash in document name";
        if (decoded.startsWith("/")) return "absolute document name";
        if (decoded.length() > 1 && decoded.charAt(1) == ':') return "drive letter in document name";
        for (String segment : decoded.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".") || segment.isEmpty()) {
                return "'" + segment + "' segment in document name";
            }
        }
        return null;
    }

    /** Decodes one percent-encoded path; null when the encoding itself is broken. */
    static String decode(String raw) {
        try {
            // URLDecoder turns '+' into a space; in a path '+' is literal, so protect it first.
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The file for a decoded document name, when the name is well-formed, among {@code known} documents, and the
     * real file (after links) lies inside the corpus.
     */
    public Optional<Path> resolve(String name, Set<String> known) {
        if (name == null || problem(name) != null || !known.contains(name)) return Optional.empty();
        try {
            Path file = corpus.resolve(name).normalize();
            if (!file.startsWith(corpus) || !Files.isRegularFile(file)) return Optional.empty();
            Path real = file.toRealPath();
            if (!real.startsWith(corpus.toRealPath())) return Optional.empty();
            return Optional.of(real);
        } catch (InvalidPathException | IOException e) {
            return Optional.empty();
        }
    }
}
