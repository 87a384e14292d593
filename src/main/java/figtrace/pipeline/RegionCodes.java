package figtrace.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A region's standard name → its 6-digit administrative code (GB/T 2260), from the {@code code} column of
 * {@code patterns/regions.tsv}. Regions without a code (全国, foreign places) map to "".
 */
public final class RegionCodes {

    private RegionCodes() {}

    public static Function<String, String> load(Path patternsDir) {
        return column(patternsDir, "code");
    }

    /** A region's standard name → its level (province, prefecture, county …), "" when unknown. */
    public static Function<String, String> levels(Path patternsDir) {
        return column(patternsDir, "level");
    }

    private static Function<String, String> column(Path patternsDir, String name) {
        Map<String, String> codes = new HashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(patternsDir.resolve("regions.tsv"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("patterns/regions.tsv: cannot be read (" + e.getMessage()
                    + "); restore it from the repository");
        }
        int standard = -1, code = -1;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cells = line.split("\t", -1);
            if (standard < 0) {
                List<String> header = List.of(cells);
                standard = header.indexOf("standard");
                code = header.indexOf(name);
                if (standard < 0 || code < 0) break;
                continue;
            }
            if (cells.length > Math.max(standard, code) && !cells[code].isBlank()) {
                codes.putIfAbsent(cells[standard].strip(), cells[code].strip());
            }
        }
        return region -> region == null ? "" : codes.getOrDefault(region, "");
    }
}
