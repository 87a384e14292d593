package figtrace.rules;

import figtrace.ids.Sha256;

import com.google.re2j.Pattern;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Rules: loads and checks everything in patterns/. Fails fast: any problem in any file is reported together, each
 * as {@code patterns/FILE:LINE: …}, and no {@link Rules} is returned until all are fixed.
 */
public final class RulesStage {
    /** The change of a changes.tsv cue that makes a figure a level, whatever change word stands before it. */
    public static final String LEVEL_CUE = "level";
    /**
     * An Arabic number (with optional thousands separators), Arabic with 万 inside (3万4000), or Chinese numerals that
     * start with a digit or 十 — a bare 百 or 千 is a figure of speech (千方百计), not a number.
     */
    static final String NUMBER = "[0-9]+万[0-9]{1,4}(?:\\.[0-9]+)?|[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?|[0-9]+(?:\\.[0-9]+)?"
            + "|[一二两三四五六七八九十][零〇一二两三四五六七八九十百千]*";
    /** The figure kinds a unit may have: the codes of {@link figtrace.model.FigureKind}. */
    private static final List<String> KINDS = figtrace.model.Coded.codes(figtrace.model.FigureKind.class);

    /** The roles of table_words.tsv (see its header). */
    private static final List<String> TABLE_WORD_ROLES = List.of("label", "code", "row_number", "unit", "change", "share", "index",
            "plain", "subtotal", "no_table_unit", "plain_measure", "change_only", "column_kind", "row_share", "row_yoy",
            "row_growth", "own_level_row", "stage_lead", "stage", "value_word", "date", "area_measure", "money_measure");

    private RulesStage() {}

    public static Rules load(Path dir) throws RulesException {
        Problems problems = new Problems();
        if (!Files.isDirectory(dir)) {
            throw new RulesException(List.of(dir + ": the patterns folder does not exist; run figtrace from the project"
                    + " root or pass --patterns DIR"));
        }
        Map<String, UnitInfo> units = loadUnits(dir, problems);
        Map<String, BigDecimal> multipliers = loadMultipliers(dir, problems);
        Map<String, String> macros = new HashMap<>();
        macros.put("number", NUMBER);
        macros.put("multiplier", PatternTable.alternation(multipliers.keySet().stream().toList()));
        macros.put("unit", PatternTable.alternation(units.keySet().stream().toList()));
        for (String kind : KINDS) {
            macros.put("unit:" + kind, PatternTable.alternation(units.values().stream().filter(u -> u.kind().equals(kind))
                    .map(UnitInfo::surface).toList()));
        }
        List<FigureRule> rules = new RuleFileParser("figures.rules", macros, problems).parse(dir);
        List<Cue> qualifiers = loadCues(dir, "qualifiers.tsv", Set.of("before", "after", "inside"),
                Set.copyOf(figtrace.model.Coded.codes(figtrace.model.Qualifier.class)), problems);
        // besides the change codes, "level": a cue saying the figure is the level reached (提高至, 增加到)
        Set<String> changeCodes = new java.util.HashSet<>(figtrace.model.Coded.codes(figtrace.model.Change.class));
        changeCodes.add(LEVEL_CUE);
        List<Cue> changes = loadCues(dir, "changes.tsv", Set.of("rate", "amount", "pp", "any"), Set.copyOf(changeCodes), problems);
        List<Cue> targets = loadTargets(dir, problems);
        Map<String, Region> regions = loadRegions(dir, problems);
        Map<String, String> self = new LinkedHashMap<>();
        for (PatternTable.Row row : PatternTable.read(dir, "self_regions.tsv", 2, problems)) self.put(row.get(0), row.get(1));
        IndicatorCatalogue indicators = IndicatorCatalogue.load(dir, problems);
        SubjectWords subjectWords = SubjectWords.load(dir, problems);
        FigureWords figureWords = FigureWords.load(dir, problems);
        Map<String, List<String>> tableWords = PatternTable.wordsByRole(dir, "table_words.tsv", TABLE_WORD_ROLES, problems);
        ListedItems listedSubjects = ListedItems.load(dir, problems);
        List<SkipLine> skipLines = new ArrayList<>();
        for (PatternTable.Row row : PatternTable.read(dir, "skip_lines.tsv", 2, problems)) {
            if (!row.get(1).equals("skip_line") && !row.get(1).equals("stop")) {
                problems.add("skip_lines.tsv", row.line(), "action must be skip_line or stop, found '" + row.get(1) + "'");
                continue;
            }
            try {
                skipLines.add(new SkipLine(Pattern.compile("^\\s*(?:" + row.get(0) + ")"), row.get(1).equals("stop")));
            } catch (com.google.re2j.PatternSyntaxException e) {
                problems.add("skip_lines.tsv", row.line(), "not a valid re2j expression: " + e.getDescription());
            }
        }
        List<Pattern> notFigures = new ArrayList<>();
        for (PatternTable.Row row : PatternTable.read(dir, "not_figures.tsv", 1, problems)) {
            try {
                notFigures.add(Pattern.compile("^(?:" + row.get(0) + ")"));
            } catch (com.google.re2j.PatternSyntaxException e) {
                problems.add("not_figures.tsv", row.line(), "not a valid re2j expression: " + e.getDescription());
            }
        }
        if (!problems.isEmpty()) throw new RulesException(problems.list());
        return new Rules(dir, rules, units, multipliers, qualifiers, changes, targets, regions, self, indicators, subjectWords, skipLines,
                notFigures, figureWords, tableWords, listedSubjects, fingerprint(dir));
    }

    /** Longest alternatives first, so 千瓦时 wins over 千瓦 under re2j's leftmost-first alternation. */
    private static Map<String, UnitInfo> loadUnits(Path dir, Problems problems) {
        Map<String, UnitInfo> units = new LinkedHashMap<>();
        for (PatternTable.Row row : PatternTable.read(dir, "units.tsv", 4, problems)) {
            String kind = row.get(2);
            if (!KINDS.contains(kind)) {
                problems.add("units.tsv", row.line(), "kind '" + kind + "' is not one of " + KINDS);
                continue;
            }
            BigDecimal factor = decimal(row.get(3), "units.tsv", row.line(), problems);
            if (factor == null) continue;
            String mw = row.get(4);
            units.put(row.get(0), new UnitInfo(row.get(0), row.get(1), kind, factor, mw.isEmpty() || mw.equals("-") ? null : mw));
        }
        return units;
    }

    private static Map<String, BigDecimal> loadMultipliers(Path dir, Problems problems) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (PatternTable.Row row : PatternTable.read(dir, "multipliers.tsv", 2, problems)) {
            BigDecimal f = decimal(row.get(1), "multipliers.tsv", row.line(), problems);
            if (f != null) out.put(row.get(0), f);
        }
        return out;
    }

    private static List<Cue> loadCues(Path dir, String file, Set<String> wheres, Set<String> meanings, Problems problems) {
        List<Cue> cues = new ArrayList<>();
        for (PatternTable.Row row : PatternTable.read(dir, file, 3, problems)) {
            if (!wheres.contains(row.get(1))) {
                problems.add(file, row.line(), "second column '" + row.get(1) + "' must be one of " + wheres);
            } else if (!meanings.contains(row.get(2))) {
                problems.add(file, row.line(), "third column '" + row.get(2) + "' must be one of " + meanings);
            } else {
                cues.add(new Cue(row.get(0), row.get(1), row.get(2)));
            }
        }
        return cues;
    }

    private static List<Cue> loadTargets(Path dir, Problems problems) {
        List<Cue> cues = new ArrayList<>();
        for (PatternTable.Row row : PatternTable.read(dir, "targets.tsv", 2, problems)) {
            String type = row.get(1);
            if (type.equals("regex") || type.equals("not_regex")) {
                try {
                    Pattern.compile(row.get(0));
                } catch (com.google.re2j.PatternSyntaxException e) {
                    problems.add("targets.tsv", row.line(), "not a valid re2j expression: " + e.getDescription());
                    continue;
                }
            } else if (!List.of("word", "not", "section", "section_not").contains(type)) {
                problems.add("targets.tsv", row.line(),
                        "type must be 'word', 'regex', 'not', 'not_regex', 'section' or 'section_not', found '" + type + "'");
                continue;
            }
            cues.add(new Cue(row.get(0), type, "target"));
        }
        return cues;
    }

    private static final java.util.regex.Pattern ADMIN_CODE = java.util.regex.Pattern.compile("[1-9][0-9]{5}");

    /** regions.tsv: code, standard name, level, province, aliases (entity_names is the entities' column); every name and alias maps to its place. */
    private static Map<String, Region> loadRegions(Path dir, Problems problems) {
        Map<String, Region> names = new LinkedHashMap<>();
        for (PatternTable.Row row : PatternTable.read(dir, "regions.tsv", 4, problems)) {
            String code = row.get(0), standard = row.get(1), level = row.get(2);
            if (!code.isEmpty() && !ADMIN_CODE.matcher(code).matches()) {
                problems.add("regions.tsv", row.line(), "code must be a 6-digit administrative code (410600) or empty, found '" + code + "'");
                continue;
            }
            if (!Set.of("province", "prefecture", "county", "corps", "other", "area", "not_place").contains(level)) {
                problems.add("regions.tsv", row.line(), "level must be province, prefecture, county, corps, other, area or not_place, found '" + level + "'");
                continue;
            }
            // an informal area (南疆) has no borders a figure could be placed in: read by the entities only
            if (level.equals("area")) continue;
            List<String> aliases = java.util.Arrays.stream(row.get(4).split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList();
            // a province's official name is its first alias ending like one: 新疆维吾尔自治区, 河南省, 北京市
            String official = !level.equals("province") ? standard : aliases.stream()
                    .filter(n -> n.endsWith("自治区") || n.endsWith("省") || n.endsWith("市")).findFirst().orElse(standard);
            Region region = new Region(standard, level, row.get(3), code, official);
            names.putIfAbsent(standard, region);
            for (String alias : aliases) names.putIfAbsent(alias, region);
        }
        return names;
    }

    private static BigDecimal decimal(String text, String file, int line, Problems problems) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            problems.add(file, line, "'" + text + "' is not a number");
            return null;
        }
    }

    /** SHA-256 over the files in {@code dir} (names and bytes): cheap, so a run can tell without loading the rules whether they changed. */
    public static String fingerprint(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            MessageDigest digest = Sha256.digest();
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update(p.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(p));
            }
            return Sha256.hex(digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
