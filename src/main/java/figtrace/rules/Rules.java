package figtrace.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Everything in patterns/, loaded and checked: figure rules and the lookup tables they use. Immutable, so one
 * instance can serve any number of documents and threads.
 *
 * @param dir         the patterns folder (entity and measure stages read their own tables from it)
 * @param tableWords  the header words of table_words.tsv by role (label, code, row_number, unit, change, share, index, plain,
 *                    subtotal, no_table_unit), for the tables stage
 * @param listedSubjects the listings of listed_subjects.tsv (三次产业 → 第一产业, 第二产业, 第三产业)
 * @param fingerprint SHA-256 over the pattern files; it changes whenever a rule or table changes
 */
public record Rules(java.nio.file.Path dir,
                    List<FigureRule> figureRules,
                    Map<String, UnitInfo> units,
                    Map<String, BigDecimal> multipliers,
                    List<Cue> qualifiers,
                    List<Cue> changes,
                    List<Cue> targets,
                    Map<String, Region> regionNames,
                    Map<String, String> selfRegionWords,
                    IndicatorCatalogue indicators,
                    SubjectWords subjectWords,
                    List<SkipLine> skipLines,
                    List<com.google.re2j.Pattern> notFigures,
                    FigureWords figureWords,
                    Map<String, List<String>> tableWords,
                    ListedItems listedSubjects,
                    String fingerprint) {
    public Rules {
        figureRules = List.copyOf(figureRules);
        units = figtrace.model.OrderedMaps.copyOf(units);
        multipliers = figtrace.model.OrderedMaps.copyOf(multipliers);
        qualifiers = List.copyOf(qualifiers);
        changes = List.copyOf(changes);
        targets = List.copyOf(targets);
        regionNames = figtrace.model.OrderedMaps.copyOf(regionNames);
        selfRegionWords = figtrace.model.OrderedMaps.copyOf(selfRegionWords);
        skipLines = List.copyOf(skipLines);
        notFigures = List.copyOf(notFigures);
        java.util.Map<String, List<String>> words = new java.util.LinkedHashMap<>();
        tableWords.forEach((role, list) -> words.put(role, List.copyOf(list)));
        tableWords = java.util.Collections.unmodifiableMap(words);
    }
}
