package figtrace.measures;

import figtrace.entities.PatternFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The measure cue words, read once from patterns/measure_cues.tsv. Immutable after loading. */
final class MeasureCues {

    static final Set<String> STATUSES = Set.of("done", "ongoing", "planned", "recommended");
    static final Set<String> INSTRUMENTS = Set.of("fund", "loan", "tax", "platform", "talent", "plan", "regulation",
            "finance", "cooperation", "other");

    /** Verbs, longest first so 启动运行 is tried before 启动; value "passive" marks verbs whose subject is not the actor. */
    final List<String> verbs = new ArrayList<>();
    final Set<String> passiveVerbs = new java.util.HashSet<>();
    final List<String> adverbs = new ArrayList<>();
    final Map<String, String> statusCues = new LinkedHashMap<>();
    final Map<String, String> sectionCues = new LinkedHashMap<>();
    final Map<String, String> instruments = new LinkedHashMap<>(); // file order = priority
    final List<String> generics = new ArrayList<>();
    final List<String> actors = new ArrayList<>();
    final List<String> preps = new ArrayList<>();
    final List<String> notCues = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    final List<String> leads = new ArrayList<>();
    /** Nouns that name something an action can deliver (规划, 基金, 平台, 债务 …); see ClauseReader#isConcrete. */
    final List<String> concretes = new ArrayList<>();
    /** RE2, so a user's pattern runs in linear time. */
    final List<com.google.re2j.Pattern> copulas = new ArrayList<>();

    static MeasureCues load(Path dir) {
        MeasureCues c = new MeasureCues();
        for (PatternFile.Row row : PatternFile.read(dir, "measure_cues.tsv", "kind", "word")) {
            String kind = row.get("kind"), word = row.get("word"), value = row.opt("value");
            switch (kind) {
                case "verb" -> {
                    c.verbs.add(word);
                    if ("passive".equals(value)) c.passiveVerbs.add(word);
                }
                case "adverb" -> c.adverbs.add(word);
                case "status" -> c.statusCues.put(word, checked(row, value, STATUSES));
                case "section" -> c.sectionCues.put(word, checked(row, value, STATUSES));
                case "instrument" -> c.instruments.putIfAbsent(word, checked(row, value, INSTRUMENTS));
                case "generic" -> c.generics.add(word);
                case "actor" -> c.actors.add(word);
                case "prep" -> c.preps.add(word);
                case "not_cue" -> c.notCues.add(word);
                case "problem" -> c.problems.add(word);
                case "lead" -> c.leads.add(word);
                case "concrete" -> c.concretes.add(word);
                case "copula" -> {
                    try {
                        c.copulas.add(com.google.re2j.Pattern.compile(word));
                    } catch (com.google.re2j.PatternSyntaxException e) {
                        throw row.error("bad pattern '" + word + "': " + e.getDescription());
                    }
                }
                default -> throw row.error("unknown kind '" + kind
                        + "' (use verb, adverb, status, section, instrument, generic, actor, prep, not_cue, problem, lead, concrete or copula)");
            }
        }
        Comparator<String> longestFirst = Comparator.comparingInt(s -> -s.length());
        c.verbs.sort(longestFirst);
        c.adverbs.sort(longestFirst);
        c.actors.sort(longestFirst);
        c.preps.sort(longestFirst);
        c.leads.sort(longestFirst);
        c.generics.sort(longestFirst);
        return c;
    }

    private static String checked(PatternFile.Row row, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            throw row.error("value '" + value + "' is not one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    /** The verb starting at {@code i}, or null. */
    String verbAt(String s, int i) {
        for (String v : verbs) if (s.startsWith(v, i)) return v;
        return null;
    }

    String adverbAt(String s, int i) {
        for (String a : adverbs) if (s.startsWith(a, i)) return a;
        return null;
    }

    String leadAt(String s, int i) {
        for (String l : leads) if (s.startsWith(l, i)) return l;
        return null;
    }

    String prepAt(String s, int i) {
        for (String p : preps) if (s.startsWith(p, i)) return p;
        return null;
    }

    boolean isProblem(String part) {
        for (String p : problems) if (part.contains(p)) return true;
        return false;
    }

    boolean isCopula(String part) {
        for (com.google.re2j.Pattern p : copulas) if (p.matcher(part).find()) return true;
        return false;
    }

    /** The first passive verb (揭牌, 获批…) in s[from, to), or null. */
    String passiveIn(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            String v = verbAt(s, i);
            if (v != null && passiveVerbs.contains(v) && i + v.length() <= to) return v;
        }
        return null;
    }

    String actorAt(String s, int i) {
        for (String a : actors) if (s.startsWith(a, i)) return a;
        return null;
    }
}
