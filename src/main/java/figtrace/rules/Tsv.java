package figtrace.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A lookup table in patterns/: UTF-8, tab-separated, '#' comment lines, first non-comment line is the header.
 * Rows keep their line number so a bad value can be reported as {@code patterns/FILE:LINE}.
 */
final class Tsv {
    record Row(int line, List<String> cells) {
        String get(int i) { return i < cells.size() ? cells.get(i).strip() : ""; }
    }

    static List<Row> read(Path dir, String file, int minColumns, Problems problems) {
        Path path = dir.resolve(file);
        List<Row> rows = new ArrayList<>();
        if (!Files.isRegularFile(path)) {
            problems.add(file, 0, "file is missing; figtrace needs it (restore it from the repository)");
            return rows;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(file, 0, "cannot be read as UTF-8 text (" + e.getMessage() + ")");
            return rows;
        }
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (i == 0 && text.startsWith("\uFEFF")) text = text.substring(1);
            if (text.isBlank() || text.startsWith("#")) continue;
            if (header) { header = false; continue; }
            List<String> cells = List.of(text.split("\t", -1));
            if (cells.size() < minColumns) {
                problems.add(file, i + 1, "expected " + minColumns + " tab-separated columns, found " + cells.size()
                        + " (columns must be separated by a TAB character, not spaces)");
                continue;
            }
            rows.add(new Row(i + 1, cells));
        }
        return rows;
    }
}
