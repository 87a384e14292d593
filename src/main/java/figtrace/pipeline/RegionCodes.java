package figtrace.pipeline;

import figtrace.rules.PatternTable;
import figtrace.rules.Problems;

import java.nio.file.Path;
import java.util.HashMap;
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
        Map<String, String> values = new HashMap<>();
        Problems problems = new Problems();
        for (PatternTable.Row row : PatternTable.read(patternsDir, "regions.tsv", problems, "standard")) {
            if (!row.get(name).isEmpty()) values.putIfAbsent(row.get("standard"), row.get(name));
        }
        problems.throwIfAny();
        return region -> region == null ? "" : values.getOrDefault(region, "");
    }
}
