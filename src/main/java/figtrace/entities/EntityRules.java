package figtrace.entities;

import figtrace.rules.PatternTable;
import figtrace.rules.Problems;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The entity word lists, read once from patterns/entities.tsv and the places of patterns/regions.tsv. Immutable after loading. */
final class EntityRules {

    /** The entity types: the codes of {@link figtrace.model.EntityType}. */
    static final Set<String> TYPES = Set.copyOf(figtrace.model.Coded.codes(figtrace.model.EntityType.class));

    record Known(String text, String type, String canonical, String rule) {}

    /** A name ending; {@code quotedOnly} ones (规划, 工程) end a name only right after a quoted term (“十五五”规划). */
    record Suffix(String text, String type, boolean quotedOnly) {}

    /** Known names and places, longest first, grouped by first character for a quick scan. */
    final Map<Character, List<Known>> knownByFirstChar = new HashMap<>();
    final Map<String, Known> known = new HashMap<>();
    final List<Suffix> suffixes = new ArrayList<>();
    /**
     * {@link #suffixes} by first and by last character, each group in the list's order (longest first), so a scan that
     * asks which suffix starts or ends at a position tries only those that can; null when a suffix is empty (every
     * scan then takes the whole list).
     */
    Map<Character, List<Suffix>> suffixesByFirstChar, suffixesByLastChar;
    final Set<String> stops = new HashSet<>();
    final Set<String> generics = new HashSet<>();
    final Set<String> categories = new HashSet<>();
    /** Endings of a list item that name work done in a field (…建设, …调整), not an industry (kind work_ending). */
    final List<String> workEndings = new java.util.ArrayList<>();
    final Map<String, Set<String>> innerByType = new HashMap<>();
    final Set<String> keeps = new HashSet<>();
    final Set<String> notFirst = new HashSet<>();
    /** Modifier words by type ("" = every type); a name made only of them is a class of things, not one thing. */
    final Map<String, List<String>> modifiersByType = new HashMap<>();
    final List<String> titles = new ArrayList<>();
    /** INDUSTRY modifiers and place names, longest first: what an industry's name may be stripped of at its start. */
    final List<String> industryQualifiers = new ArrayList<>();
    /** {@link #industryQualifiers} by first character (the qualifiers a text has at a position, in the list's order). */
    figtrace.text.WordsAt industryQualifiersAt;
    String surnames = "";
    /** Slogan shapes that make a standalone quoted term a programme; RE2 so a user pattern can't run away. */
    final List<com.google.re2j.Pattern> quotedPrograms = new ArrayList<>();
    /** Name shapes matched anywhere in a line (十大产业集群), with their type; RE2. */
    record Shape(com.google.re2j.Pattern pattern, String type, figtrace.text.RequiredText required) {
        Shape(com.google.re2j.Pattern pattern, String type) { this(pattern, type, figtrace.text.RequiredText.of(pattern)); }
    }
    final List<Shape> shapes = new ArrayList<>();
    /** Labels of a byline (编辑, 记者, 一审): the names after them are people. */
    final List<String> bylines = new ArrayList<>();
    /** Words that end a name in a byline and are not part of it (王斌报道, 李明摄), cut in file order. */
    final List<String> bylineEndings = new ArrayList<>();
    /** Words after which a known name of the given type is a product or a measure, not the name (新能源汽车产量). */
    final Map<String, List<String>> notAfter = new HashMap<>();
    /** Set phrases inside which no name is read (中国特色社会主义: 中国 there is not a place mention). */
    final List<String> blocked = new ArrayList<>();
    /** Words before a 、-list that make its items industries (在, 聚焦, 发展 …), and the endings after 等 that do. */
    final List<String> listCues = new ArrayList<>();
    final Map<String, Boolean> listTails = new HashMap<>(); // tail → needs a cue before the list
    /** Endings of a document title that opens with 关于 (…的报告, …的意见). */
    final List<String> docEndings = new ArrayList<>();
    /** Words before or after a quoted term that make it a programme (实施“…”, “…”模式). */
    final List<String> programCuesBefore = new ArrayList<>(), programCuesAfter = new ArrayList<>();
    /** Official full names of the places in the gazetteer, by standard form: 河南 → 河南省. */
    final Map<String, Place> places = new HashMap<>();
    /** First characters of the gazetteer's prefectures and counties (乌-昌-石 is made of them). */
    final Set<Character> placeInitials = new HashSet<>();
    /** Endings of a region's official name (省, 自治州, 地区): a known place so ending is a whole word. */
    final List<String> officialEndings = new ArrayList<>();
    /** Endings that make a HanLP place word a place (…县, …国): entities.tsv place_ending. */
    final List<String> placeEndings = new ArrayList<>();
    /** A shortened ending and its official form (高新区 → 高新技术产业开发区), for names of a type: short_ending. */
    record Ending(String text, String type, String canonical) {}
    /** Short name endings and their official forms, in file order: entities.tsv short_ending. */
    final List<Ending> shortEndings = new ArrayList<>();
    /** A level word (国家) dropped before an official ending (canonical) a name precedes: entities.tsv level_before. */
    final List<Ending> levelsBefore = new ArrayList<>();
    /** The ending of an agency named by its field (部门 in 自治区科技部门) and the body's own ending (厅): office_ending. */
    final List<Ending> officeEndings = new ArrayList<>();
    /** Level words (自治区, 省, 市) standing for the own region ({province} or {city}), in file order: own_level. */
    final List<Ending> ownLevels = new ArrayList<>();
    /** Words right before or after a HanLP organisation word that put it among names (、, 等, 公司): org_cue_*. */
    final Set<String> orgCuesBefore = new HashSet<>(), orgCuesAfter = new HashSet<>();
    /** Endings of a word for a class of bodies (…企业, …单位): never one organisation. */
    final List<String> classEndings = new ArrayList<>();

    /**
     * Two-character short forms of the gazetteer's county-level cities and counties (珲春 for 珲春市, 大兴 for 大兴区): not
     * names on their own (城区, 矿区 are common nouns), but a place where HanLP reads the word as one (促进珲春与东北亚地区…)
     * or where it stands inside a name after a place (北京大兴国际机场). Value: the official name.
     */
    final Map<String, String> countyStems = new HashMap<>();

    /** A gazetteer place: its official full name, level (province, prefecture, county, other) and province. */
    record Place(String fullName, String level, String provinceFullName) {}

    static EntityRules load(Path dir) {
        EntityRules r = new EntityRules();
        Problems problems = new Problems();
        for (PatternTable.Row row : PatternTable.read(dir, "entities.tsv", problems, "kind", "text")) {
            String kind = row.get("kind"), text = row.get("text"), type = row.opt("type");
            switch (kind) {
                case "name" -> r.addKnown(new Known(text, checkType(row, type, problems),
                        row.opt("canonical") == null ? text : row.opt("canonical"), "entities:name"));
                case "suffix" -> r.suffixes.add(new Suffix(text, checkType(row, type, problems), "quoted".equals(row.opt("canonical"))));
                case "inner" -> r.innerByType.computeIfAbsent(checkType(row, type, problems), k -> new HashSet<>()).add(text);
                case "stop" -> r.stops.add(text);
                case "generic" -> r.generics.add(text);
                case "category" -> r.categories.add(text);
                case "work_ending" -> r.workEndings.add(text);
                case "keep" -> r.keeps.add(text);
                case "not_first" -> r.notFirst.add(text);
                case "modifier" -> r.modifiersByType.computeIfAbsent(type == null ? "" : checkType(row, type, problems),
                        k -> new ArrayList<>()).add(text);
                case "title" -> r.titles.add(text);
                case "surnames" -> r.surnames += text;
                case "quoted_program" -> {
                    try {
                        r.quotedPrograms.add(com.google.re2j.Pattern.compile(text));
                    } catch (com.google.re2j.PatternSyntaxException e) {
                        row.problem(problems, "bad pattern '" + text + "': " + e.getDescription());
                    }
                }
                case "pattern" -> {
                    try {
                        r.shapes.add(new Shape(com.google.re2j.Pattern.compile(text), checkType(row, type, problems)));
                    } catch (com.google.re2j.PatternSyntaxException e) {
                        row.problem(problems, "bad pattern '" + text + "': " + e.getDescription());
                    }
                }
                case "byline" -> r.bylines.add(text);
                case "byline_ending" -> r.bylineEndings.add(text);
                case "not_after" -> r.notAfter.computeIfAbsent(checkType(row, type, problems), k -> new ArrayList<>()).add(text);
                case "blocked" -> r.blocked.add(text);
                case "list_cue" -> r.listCues.add(text);
                case "list_tail" -> r.listTails.put(text, "cue".equals(row.opt("canonical")));
                case "doc_ending" -> r.docEndings.add(text);
                case "place_ending" -> r.placeEndings.add(text);
                case "official_ending" -> r.officialEndings.add(text);
                case "class_ending" -> r.classEndings.add(text);
                case "program_cue_before" -> r.programCuesBefore.add(text);
                case "program_cue_after" -> r.programCuesAfter.add(text);
                case "org_cue_before" -> r.orgCuesBefore.add(text);
                case "org_cue_after" -> r.orgCuesAfter.add(text);
                case "short_ending" -> r.shortEndings.add(new Ending(text, checkType(row, type, problems),
                        required(row, problems)));
                case "level_before" -> r.levelsBefore.add(new Ending(text, checkType(row, type, problems),
                        required(row, problems)));
                case "office_ending" -> r.officeEndings.add(new Ending(text, checkType(row, type, problems),
                        required(row, problems)));
                case "own_level" -> {
                    String c = required(row, problems);
                    if (!c.isEmpty() && !c.equals("{province}") && !c.equals("{city}")) {
                        row.problem(problems, "the canonical of own_level '" + text + "' must be {province} or {city}");
                    }
                    r.ownLevels.add(new Ending(text, checkType(row, type, problems), c));
                }
                default -> row.problem(problems, "unknown kind '" + kind
                        + "' (use name, suffix, inner, stop, keep, not_first, generic, category, modifier, title, surnames,"
                        + " quoted_program, pattern, byline, byline_ending, not_after, blocked, list_cue, list_tail, doc_ending, place_ending, official_ending, class_ending,"
                        + " program_cue_before, program_cue_after, short_ending, level_before, office_ending, own_level, org_cue_before,"
                        + " org_cue_after or work_ending)");
            }
        }
        r.loadPlaces(dir, problems);
        problems.throwIfAny();
        r.industryQualifiers.addAll(r.modifiersByType.getOrDefault("INDUSTRY", List.of()));
        r.known.values().stream().filter(k -> k.type().equals("PLACE")).map(Known::text).forEach(r.industryQualifiers::add);
        r.industryQualifiers.sort(Comparator.comparingInt((String m) -> -m.length()));
        r.industryQualifiersAt = new figtrace.text.WordsAt(r.industryQualifiers);
        r.modifiersByType.values().forEach(l -> l.sort(Comparator.comparingInt((String m) -> -m.length())));
        r.suffixes.sort(Comparator.comparingInt((Suffix s) -> -s.text().length()));
        r.indexSuffixes();
        r.knownByFirstChar.values().forEach(l -> l.sort(Comparator.comparingInt((Known k) -> -k.text().length())));
        for (String t : TYPES) r.modifierWords.put(t, r.modifierWordsOf(t));
        return r;
    }

    /** The canonical column of a row that needs one ("" with a problem when it is empty). */
    private static String required(PatternTable.Row row, Problems problems) {
        String c = row.get("canonical");
        if (c.isEmpty()) row.problem(problems, "kind '" + row.get("kind") + "' needs its canonical column");
        return c;
    }

    /**
     * The places of regions.tsv, the one place list (the figures read it too). First the names of its
     * {@code entity_names} column (English names such as Xinjiang, short forms such as 石河子, countries, 全国, informal
     * areas such as 南疆): each is a PLACE whose canonical is its row's official name (rule entities:place). Then the
     * gazetteer: every standard form and alias of a province or prefecture, and every county of three characters or
     * more, is a PLACE whose canonical is the official full name (河南 → 河南省, 郑州 → 郑州市), unless named already.
     */
    private void loadPlaces(Path dir, Problems problems) {
        List<PatternTable.Row> rows = PatternTable.read(dir, "regions.tsv", problems, "standard", "level");
        Map<String, String> provinceFull = new HashMap<>();
        for (PatternTable.Row row : rows) {
            if (!row.get("level").equals("province")) continue;
            // the first alias with an official ending is the official name (新疆维吾尔自治区, not a variant after it)
            String full = aliases(row).stream().filter(a -> a.endsWith("省") || a.endsWith("自治区") || a.endsWith("市")
                    || a.endsWith("特别行政区")).findFirst().orElse(row.get("standard"));
            provinceFull.put(row.get("standard"), full);
        }
        for (PatternTable.Row row : rows) {
            String official = provinceFull.getOrDefault(row.get("standard"), row.get("standard"));
            for (String n : names(row, "entity_names")) addKnown(new Known(n, "PLACE", official, "entities:place"));
        }
        for (PatternTable.Row row : rows) {
            String level = row.get("level"), standard = row.get("standard");
            if (!Set.of("province", "prefecture", "county").contains(level)) continue;
            String full = level.equals("province") ? provinceFull.get(standard) : standard;
            String province = level.equals("province") ? full : provinceFull.get(row.get("province"));
            Place place = new Place(full, level, province);
            places.putIfAbsent(standard, place);
            if (!level.equals("province")) placeInitials.add(standard.charAt(0));
            List<String> names = new ArrayList<>(aliases(row));
            names.add(standard);
            if (level.equals("county") && standard.length() == 3 && "市县区".indexOf(standard.charAt(2)) >= 0) {
                countyStems.putIfAbsent(standard.substring(0, 2), standard);
            }
            for (String n : names) {
                // a two-character county (城区, 矿区) is a common noun as often as a place
                if (level.equals("county") && n.length() < 3) continue;
                // 全疆, 全省: the document's own region as a scope, not a place named (see self_regions.tsv)
                if (n.startsWith("全")) continue;
                places.putIfAbsent(n, place);
                if (!known.containsKey(n)) addKnown(new Known(n, "PLACE", full, "entities:gazetteer"));
            }
        }
    }

    private static List<String> aliases(PatternTable.Row row) {
        return names(row, "aliases");
    }

    /** The comma-separated names in {@code column}. */
    private static List<String> names(PatternTable.Row row, String column) {
        String a = row.get(column);
        return a.isEmpty() ? List.of() : java.util.Arrays.stream(a.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    /** The gazetteer place a written name stands for (河南省, 普洱, 普洱市), or null. */
    Place place(String name) {
        Place p = places.get(name);
        if (p != null) return p;
        Known k = known.get(name);
        return k != null && k.type().equals("PLACE") ? places.get(k.canonical()) : null;
    }

    private static String checkType(PatternTable.Row row, String type, Problems problems) {
        if (type == null || !TYPES.contains(type)) {
            row.problem(problems, "type '" + type + "' is not one of " + String.join(", ", TYPES.stream().sorted().toList()));
        }
        return type;
    }

    private void indexSuffixes() {
        if (suffixes.stream().anyMatch(s -> s.text().isEmpty())) return;
        suffixesByFirstChar = new HashMap<>();
        suffixesByLastChar = new HashMap<>();
        for (Suffix s : suffixes) {
            suffixesByFirstChar.computeIfAbsent(s.text().charAt(0), c -> new ArrayList<>()).add(s);
            suffixesByLastChar.computeIfAbsent(s.text().charAt(s.text().length() - 1), c -> new ArrayList<>()).add(s);
        }
    }

    /** The suffixes that may start with {@code c}, in {@link #suffixes}' order (all of them without an index). */
    List<Suffix> suffixesStartingWith(char c) {
        return suffixesByFirstChar == null ? suffixes : suffixesByFirstChar.getOrDefault(c, List.of());
    }

    /** The suffixes that may end with {@code c}, in {@link #suffixes}' order (all of them without an index). */
    List<Suffix> suffixesEndingWith(char c) {
        return suffixesByLastChar == null ? suffixes : suffixesByLastChar.getOrDefault(c, List.of());
    }

    private void addKnown(Known k) {
        known.putIfAbsent(k.text(), k);
        knownByFirstChar.computeIfAbsent(k.text().charAt(0), c -> new ArrayList<>()).add(k);
    }

    /** Length of the stop word that ends exactly at {@code end} in {@code s}, or 0. */
    int stopEndingAt(String s, int end) {
        for (int len = Math.min(4, end); len >= 1; len--) {
            if (stops.contains(s.substring(end - len, end))) return len;
        }
        return 0;
    }

    /** Length of the stop word that starts exactly at {@code start} in {@code s}, or 0. */
    int stopStartingAt(String s, int start) {
        for (int len = Math.min(4, s.length() - start); len >= 1; len--) {
            if (stops.contains(s.substring(start, start + len))) return len;
        }
        return 0;
    }

    /**
     * True when {@code prefix} (a name without its suffix) is nothing but modifier words, such as 自治区重点 in
     * 自治区重点实验室 or 区域 in 区域产业. For industries, places count as modifiers too (新疆产业 is not a sector).
     */
    boolean isOnlyModifiers(String prefix, String type) {
        String rest = prefix;
        for (String w : modifierWords.getOrDefault(type, List.of())) {
            if (rest.isEmpty()) break;
            if (rest.contains(w)) rest = rest.replace(w, "");
        }
        return rest.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private final Map<String, List<String>> modifierWords = new HashMap<>();

    private List<String> modifierWordsOf(String type) {
        List<String> words = new ArrayList<>(modifiersByType.getOrDefault(type, List.of()));
        words.addAll(modifiersByType.getOrDefault("", List.of()));
        if (type.equals("INDUSTRY")) {
            known.values().stream().filter(k -> k.type().equals("PLACE")).map(Known::text).forEach(words::add);
        }
        words.sort(Comparator.comparingInt((String m) -> -m.length()));
        return List.copyOf(words);
    }

    boolean isQuotedProgram(String term) {
        for (com.google.re2j.Pattern p : quotedPrograms) if (p.matcher(term).find()) return true;
        return false;
    }

    boolean startsWithTitle(String s, int at) {
        for (String t : titles) if (s.startsWith(t, at)) return true;
        return false;
    }

    /** Whether a list item names work done in a field (项目建设, 产业结构调整: an ending of kind work_ending). */
    boolean namesWork(String item) {
        for (String w : workEndings) if (item.endsWith(w)) return true;
        return false;
    }

    boolean isCategory(String name) {
        for (String c : categories) if (name.contains(c)) return true;
        return false;
    }
}
