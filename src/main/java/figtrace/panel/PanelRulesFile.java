package figtrace.panel;

import figtrace.rules.PatternTable;
import figtrace.rules.Problems;
import figtrace.rules.RulesException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code patterns/panel.tsv} through the one pattern-table reader; every problem is reported at once as
 * {@code patterns/panel.tsv:LINE: …}.
 */
public final class PanelRulesFile {

    public static final String FILE = "panel.tsv";

    private PanelRulesFile() {}

    /** @throws RulesException naming every bad line */
    public static PanelRules read(Path patternsDir) {
        Map<String, Integer> authority = new HashMap<>();
        List<PanelRules.Parts> parts = new ArrayList<>();
        Set<String> realGrowth = new HashSet<>();
        Map<String, String> scope = new LinkedHashMap<>();
        List<String> partWords = new ArrayList<>();
        List<String> whole = new ArrayList<>();
        Map<String, String> stage = new LinkedHashMap<>();
        Map<String, String> zone = new LinkedHashMap<>();
        List<String> notZone = new ArrayList<>();
        List<String> lastYear = new ArrayList<>();
        List<String> budgetBase = new ArrayList<>();
        List<String> realPrices = new ArrayList<>();
        Problems problems = new Problems();
        for (PatternTable.Row row : PatternTable.read(patternsDir, FILE, 3, problems)) {
            String key = row.get(1), value = row.get(2);
            switch (row.get(0)) {
                case "authority" -> {
                    try {
                        authority.put(key, Integer.parseInt(value));
                    } catch (NumberFormatException e) {
                        row.problem(problems, "the rank of '" + key + "' must be a whole number, not '" + value + "'");
                    }
                }
                case "parts" -> parts.add(new PanelRules.Parts(key, List.of(value.split("\\s*,\\s*"))));
                case "real_growth" -> realGrowth.add(key);
                case "scope" -> scope.put(key, value);
                case "part" -> partWords.add(key);
                case "whole" -> whole.add(key);
                case "stage" -> stage.put(key, value.equals("-") ? "" : value);
                case "zone" -> zone.put(key, value);
                case "not_zone" -> notZone.add(key);
                case "last_year" -> lastYear.add(key);
                case "budget_base" -> budgetBase.add(key);
                case "real_prices" -> realPrices.add(key);
                default -> row.problem(problems, "unknown section '" + row.get(0)
                        + "' (use authority, parts, real_growth, scope, whole, stage, part, zone, not_zone, last_year,"
                        + " budget_base or real_prices)");
            }
        }
        problems.throwIfAny();
        return new PanelRules(authority, parts, realGrowth, scope, partWords, whole, stage, zone, notZone,
                lastYear, budgetBase, realPrices);
    }
}
