package figtrace.entities;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one user-editable table under {@code patterns/}: UTF-8, tab-separated, the first non-comment line is a
 * header naming the columns, lines starting with '#' and blank lines are ignored. Anything wrong is reported as
 * {@code patterns/FILE:LINE: what is wrong} so the user can fix it without reading code.
 */
public final class PatternFile {

    /** One data row: its 1-based line in the file and its cells, addressed by header name. */
    public record Row(String file, int line, List<String> header, List<String> cells) {
        public String get(String column) {
            int i = header.indexOf(column);
            if (i < 0) throw new IllegalArgumentException("no column " + column + " in " + file);
            return i < cells.size() ? cells.get(i).strip() : "";
        }

        /** The cell, or null when it is empty. */
        public String opt(String column) {
            String v = get(column);
            return v.isEmpty() ? null : v;
        }

        public PatternException error(String what) {
            return new PatternException(file + ":" + line + ": " + what);
        }
    }

    /** A bad pattern file or line; the message names the file and line. */
    public static final class PatternException extends RuntimeException {
        public PatternException(String message) { super(message); }
    }

    private PatternFile() {}

    /**
     * Reads {@code dir/name}, checking that the header holds {@code required} columns and that every row fills them.
     */
    public static List<Row> read(Path dir, String name, String... required) {
        String shown = "patterns/" + name;
        List<String> lines;
        try {
            lines = Files.readAllLines(dir.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PatternException(shown + ":0: cannot read (" + e.getMessage() + ")");
        }
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            if (i == 0 && raw.startsWith("\uFEFF")) raw = raw.substring(1);
            if (raw.isBlank() || raw.startsWith("#")) continue;
            List<String> cells = Arrays.asList(raw.split("\t", -1));
            if (header == null) {
                header = cells.stream().map(String::strip).toList();
                for (String col : required) {
                    if (!header.contains(col)) {
                        throw new PatternException(shown + ":" + (i + 1) + ": header lacks column '" + col
                                + "' (expected tab-separated: " + String.join(", ", required) + ")");
                    }
                }
                continue;
            }
            if (cells.size() > header.size()) {
                throw new PatternException(shown + ":" + (i + 1) + ": " + cells.size() + " cells but the header has "
                        + header.size() + " (tabs inside a value?)");
            }
            Row row = new Row(shown, i + 1, header, cells);
            for (String col : required) {
                if (row.get(col).isEmpty()) throw row.error("column '" + col + "' is empty");
            }
            rows.add(row);
        }
        if (header == null) throw new PatternException(shown + ":1: no header line");
        return rows;
    }
}
