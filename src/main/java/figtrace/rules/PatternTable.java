package figtrace.rules;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one reader of the tables in {@code patterns/} (every {@code .tsv} file): UTF-8, tab-separated, lines starting
 * with '#' and blank lines ignored, the first other line a header naming the columns. Nothing is thrown here: every
 * problem goes to the caller's {@link Problems} as {@code patterns/FILE:LINE: what is wrong}, so a user sees all of
 * them at once, and the rows that are fine are still returned (the caller throws once loading is done).
 */
public final class PatternTable {

    /** One data row: its file, its 1-based line and its cells, addressed by header name or position. */
    public record Row(String file, int line, List<String> header, List<String> cells) {
        /** The cell under {@code column}, stripped; "" when the row is short or the header has no such column. */
        public String get(String column) {
            return get(header.indexOf(column));
        }

        /** The {@code i}-th cell, stripped; "" when the row is shorter. */
        public String get(int i) {
            return i >= 0 && i < cells.size() ? cells.get(i).strip() : "";
        }

        /** The cell under {@code column}, or null when it is empty. */
        public String opt(String column) {
            String v = get(column);
            return v.isEmpty() ? null : v;
        }

        /** Records a problem with this row. */
        public void problem(Problems problems, String what) {
            problems.add(file, line, what);
        }
    }

    private PatternTable() {}

    /**
     * Words as a java.util.regex alternation, each quoted, longest first so that a word is never cut short by a shorter
     * one it starts with (比上年增长 before 增长); never matches when there are none. The one way rule words become a regex.
     */
    public static String alternation(java.util.Collection<String> words) {
        if (words.isEmpty()) return "(?!)";
        return words.stream().sorted(java.util.Comparator.comparingInt(String::length).reversed()
                        .thenComparing(java.util.Comparator.naturalOrder()))
                .map(java.util.regex.Pattern::quote).collect(java.util.stream.Collectors.joining("|"));
    }

    /**
     * The rows of {@code dir/file}. The header must name every column in {@code required} and every row fill them;
     * a row with more cells than the header is reported (a tab inside a value). Rows with a problem are left out.
     */
    public static List<Row> read(Path dir, String file, Problems problems, String... required) {
        List<Row> rows = new ArrayList<>();
        List<Row> lines = cells(dir, file, problems);
        if (lines == null) return rows;
        if (lines.isEmpty()) {
            problems.add(file, 1, "no header line");
            return rows;
        }
        List<String> header = lines.get(0).cells().stream().map(String::strip).toList();
        for (String col : required) {
            if (!header.contains(col)) {
                problems.add(file, lines.get(0).line(), "header lacks column '" + col + "' (expected tab-separated: "
                        + String.join(", ", required) + ")");
                return rows;
            }
        }
        for (Row line : lines.subList(1, lines.size())) {
            Row row = new Row(file, line.line(), header, line.cells());
            String empty = Arrays.stream(required).filter(col -> row.get(col).isEmpty()).findFirst().orElse(null);
            if (row.cells().size() > header.size()) {
                problems.add(file, row.line(), row.cells().size() + " cells but the header has " + header.size()
                        + " (tabs inside a value?)");
            } else if (empty != null) {
                problems.add(file, row.line(), "column '" + empty + "' is empty");
            } else {
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * A table of words by role ({@code word<TAB>role}, as subject_words.tsv and figure_words.tsv): for each of
     * {@code roles}, its words in file order. The word is taken as written (a cell is not stripped here, so quotes and
     * dashes stay); an unknown role or an empty word is a problem.
     */
    public static java.util.Map<String, List<String>> wordsByRole(Path dir, String file, List<String> roles,
                                                                  Problems problems) {
        java.util.Map<String, List<String>> byRole = new java.util.LinkedHashMap<>();
        for (String role : roles) byRole.put(role, new ArrayList<>());
        for (Row row : read(dir, file, 2, problems)) {
            String word = row.cells().get(0);
            List<String> list = byRole.get(row.get(1));
            if (list == null) {
                problems.add(file, row.line(), "role must be one of " + roles + ", found '" + row.get(1) + "'");
            } else if (word.isEmpty()) {
                problems.add(file, row.line(), "the word is empty");
            } else {
                list.add(word);
            }
        }
        return byRole;
    }

    /**
     * The rows of {@code dir/file} read by position: each must have at least {@code minColumns} cells (columns are
     * separated by a TAB, a common slip is spaces).
     */
    public static List<Row> read(Path dir, String file, int minColumns, Problems problems) {
        List<Row> rows = new ArrayList<>();
        List<Row> lines = cells(dir, file, problems);
        if (lines == null || lines.isEmpty()) return rows;
        List<String> header = lines.get(0).cells().stream().map(String::strip).toList();
        for (Row line : lines.subList(1, lines.size())) {
            if (line.cells().size() < minColumns) {
                problems.add(file, line.line(), "expected " + minColumns + " tab-separated columns, found "
                        + line.cells().size() + " (columns must be separated by a TAB character, not spaces)");
            } else {
                rows.add(new Row(file, line.line(), header, line.cells()));
            }
        }
        return rows;
    }

    /** The lines that are neither blank nor comments, split at tabs (without a header); null when unreadable. */
    private static List<Row> cells(Path dir, String file, Problems problems) {
        List<String> lines = lines(dir, file, problems);
        if (lines == null) return null;
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank() || text.startsWith("#")) continue;
            out.add(new Row(file, i + 1, List.of(), Arrays.asList(text.split("\t", -1))));
        }
        return out;
    }

    /** The file's lines without a byte-order mark, or null (with the problem recorded) when it cannot be read. */
    static List<String> lines(Path dir, String file, Problems problems) {
        Path path = dir.resolve(file);
        if (!Files.isRegularFile(path)) {
            problems.add(file, 0, "file is missing; figtrace needs it (restore it from the repository)");
            return null;
        }
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(path, StandardCharsets.UTF_8));
            if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) lines.set(0, lines.get(0).substring(1));
            return lines;
        } catch (MalformedInputException e) {
            problems.add(file, 0, "cannot be read as UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            problems.add(file, 0, "cannot be read (" + e.getMessage() + ")");
        }
        return null;
    }
}
