package figtrace.panel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code patterns/panel.tsv}; every problem is reported at once as {@code patterns/panel.tsv:LINE: …}. */
public final class PanelRulesFile {

    public static final String FILE = "panel.tsv";

    private PanelRulesFile() {}

    public static PanelRules read(Path patternsDir) {
        Path file = patternsDir.resolve(FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("patterns/" + FILE + ": cannot be read (" + e.getMessage()
                    + "); restore it from the repository");
        }
        Map<String, Integer> authority = new HashMap<>();
        List<PanelRules.Parts> parts = new ArrayList<>();
        Set<String> realGrowth = new HashSet<>();
        Map<String, String> scope = new LinkedHashMap<>();
        List<String> partWords = new ArrayList<>();
        List<String> whole = new ArrayList<>();
        Map<String, String> stage = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1);
            if (line.isBlank() || line.startsWith("#")) continue;
            if (header) { header = false; continue; }
            String[] c = line.split("\t", -1);
            String where = "patterns/" + FILE + ":" + (i + 1) + ": ";
            if (c.length < 3) {
                problems.add(where + "expected 3 tab-separated columns (section, key, value), found " + c.length);
                continue;
            }
            String key = c[1].strip(), value = c[2].strip();
            switch (c[0].strip()) {
                case "authority" -> {
                    try {
                        authority.put(key, Integer.parseInt(value));
                    } catch (NumberFormatException e) {
                        problems.add(where + "the rank of '" + key + "' must be a whole number, not '" + value + "'");
                    }
                }
                case "parts" -> parts.add(new PanelRules.Parts(key, List.of(value.split("\\s*,\\s*"))));
                case "real_growth" -> realGrowth.add(key);
                case "scope" -> scope.put(key, value);
                case "part" -> partWords.add(key);
                case "whole" -> whole.add(key);
                case "stage" -> stage.put(key, value.equals("-") ? "" : value);
                default -> problems.add(where + "unknown section '" + c[0].strip()
                        + "' (use authority, parts, real_growth, scope, whole, stage or part)");
            }
        }
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("\n", problems));
        return new PanelRules(authority, parts, realGrowth, scope, partWords, whole, stage);
    }
}
