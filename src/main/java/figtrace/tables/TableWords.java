package figtrace.tables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The header words of patterns/table_words.tsv, by kind (label, code, unit, change, share, index, plain). */
final class TableWords {
    static final String FILE = "table_words.tsv";
    private final Map<String, List<String>> byKind = new HashMap<>();

    /** @throws TableWordsException for a line without a kind and a word, naming the file and line */
    TableWords(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) return; // no table words: tables are still rebuilt, headers only by shape
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TableWordsException("patterns/" + FILE + ": cannot be read (" + e.getMessage() + ")");
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] parts = line.split("\t");
            if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new TableWordsException("patterns/" + FILE + ":" + (i + 1)
                        + ": a line needs a kind and a word separated by a tab, found '" + line + "'");
            }
            byKind.computeIfAbsent(parts[0].strip(), k -> new ArrayList<>()).add(parts[1].strip());
        }
    }

    List<String> of(String kind) { return byKind.getOrDefault(kind, List.of()); }

    /** True when the text, without spaces, equals one of the kind's words. */
    boolean is(String kind, String text) {
        String t = squeeze(text);
        for (String w : of(kind)) if (squeeze(w).equals(t)) return true;
        return false;
    }

    /** True when the text holds one of the kind's words. */
    boolean has(String kind, String text) {
        String t = squeeze(text);
        for (String w : of(kind)) if (t.contains(squeeze(w))) return true;
        return false;
    }

    static String squeeze(String s) { return s.replaceAll("[\\s\u3000]+", ""); }

    static final class TableWordsException extends RuntimeException {
        TableWordsException(String message) { super(message); }
    }
}
