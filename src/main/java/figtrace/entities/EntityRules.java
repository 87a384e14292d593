package figtrace.entities;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The entity word lists, read once from patterns/entities.tsv and patterns/places.tsv. Immutable after loading. */
final class EntityRules {

    static final Set<String> TYPES = Set.of("ORG", "PLACE", "PERSON", "DOC", "PROGRAM", "INDUSTRY");

    record Known(String text, String type, String canonical, String rule) {}

    record Suffix(String text, String type) {}

    /** Known names and places, longest first, grouped by first character for a quick scan. */
    final Map<Character, List<Known>> knownByFirstChar = new HashMap<>();
    final Map<String, Known> known = new HashMap<>();
    final List<Suffix> suffixes = new ArrayList<>();
    final Set<String> stops = new HashSet<>();
    final Set<String> generics = new HashSet<>();
    final Set<String> categories = new HashSet<>();
    final Map<String, Set<String>> innerByType = new HashMap<>();
    final Set<String> keeps = new HashSet<>();
    final Set<String> notFirst = new HashSet<>();
    /** Modifier words by type ("" = every type); a name made only of them is a class of things, not one thing. */
    final Map<String, List<String>> modifiersByType = new HashMap<>();
    final List<String> titles = new ArrayList<>();
    /** INDUSTRY modifiers and place names, longest first: what an industry's name may be stripped of at its start. */
    final List<String> industryQualifiers = new ArrayList<>();
    String surnames = "";
    /** Slogan shapes that make a standalone quoted term a programme; RE2 so a user pattern can't run away. */
    final List<com.google.re2j.Pattern> quotedPrograms = new ArrayList<>();

    static EntityRules load(Path dir) {
        EntityRules r = new EntityRules();
        for (PatternFile.Row row : PatternFile.read(dir, "entities.tsv", "kind", "text")) {
            String kind = row.get("kind"), text = row.get("text"), type = row.opt("type");
            switch (kind) {
                case "name" -> r.addKnown(new Known(text, checkType(row, type),
                        row.opt("canonical") == null ? text : row.opt("canonical"), "entities:name"));
                case "suffix" -> r.suffixes.add(new Suffix(text, checkType(row, type)));
                case "inner" -> r.innerByType.computeIfAbsent(checkType(row, type), k -> new HashSet<>()).add(text);
                case "stop" -> r.stops.add(text);
                case "generic" -> r.generics.add(text);
                case "category" -> r.categories.add(text);
                case "keep" -> r.keeps.add(text);
                case "not_first" -> r.notFirst.add(text);
                case "modifier" -> r.modifiersByType.computeIfAbsent(type == null ? "" : checkType(row, type),
                        k -> new ArrayList<>()).add(text);
                case "title" -> r.titles.add(text);
                case "surnames" -> r.surnames += text;
                case "quoted_program" -> {
                    try {
                        r.quotedPrograms.add(com.google.re2j.Pattern.compile(text));
                    } catch (com.google.re2j.PatternSyntaxException e) {
                        throw row.error("bad pattern '" + text + "': " + e.getDescription());
                    }
                }
                default -> throw row.error("unknown kind '" + kind
                        + "' (use name, suffix, inner, stop, keep, not_first, generic, category, modifier, title, surnames or quoted_program)");
            }
        }
        for (PatternFile.Row row : PatternFile.read(dir, "places.tsv", "name", "canonical")) {
            r.addKnown(new Known(row.get("name"), "PLACE", row.get("canonical"), "entities:place"));
        }
        r.industryQualifiers.addAll(r.modifiersByType.getOrDefault("INDUSTRY", List.of()));
        r.known.values().stream().filter(k -> k.type().equals("PLACE")).map(Known::text).forEach(r.industryQualifiers::add);
        r.industryQualifiers.sort(Comparator.comparingInt((String m) -> -m.length()));
        r.modifiersByType.values().forEach(l -> l.sort(Comparator.comparingInt((String m) -> -m.length())));
        r.suffixes.sort(Comparator.comparingInt((Suffix s) -> -s.text().length()));
        r.knownByFirstChar.values().forEach(l -> l.sort(Comparator.comparingInt((Known k) -> -k.text().length())));
        return r;
    }

    private static String checkType(PatternFile.Row row, String type) {
        if (type == null || !TYPES.contains(type)) {
            throw row.error("type '" + type + "' is not one of " + String.join(", ", TYPES.stream().sorted().toList()));
        }
        return type;
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
        List<String> words = new ArrayList<>(modifiersByType.getOrDefault(type, List.of()));
        words.addAll(modifiersByType.getOrDefault("", List.of()));
        if (type.equals("INDUSTRY")) {
            known.values().stream().filter(k -> k.type().equals("PLACE")).map(Known::text).forEach(words::add);
        }
        words.sort(Comparator.comparingInt((String m) -> -m.length()));
        for (String w : words) rest = rest.replace(w, "");
        return rest.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    boolean isQuotedProgram(String term) {
        for (com.google.re2j.Pattern p : quotedPrograms) if (p.matcher(term).find()) return true;
        return false;
    }

    boolean startsWithTitle(String s, int at) {
        for (String t : titles) if (s.startsWith(t, at)) return true;
        return false;
    }

    boolean isCategory(String name) {
        for (String c : categories) if (name.contains(c)) return true;
        return false;
    }
}
