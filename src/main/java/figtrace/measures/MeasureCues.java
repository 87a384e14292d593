package figtrace.measures;

import figtrace.model.Coded;
import figtrace.model.Instrument;
import figtrace.model.MeasureStatus;
import figtrace.rules.PatternTable;
import figtrace.rules.Problems;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The measure cue words, read once from patterns/measure_cues.tsv. Immutable after loading. */
final class MeasureCues {


    /** Verbs, longest first so 启动运行 is tried before 启动; value "passive" marks verbs whose subject is not the actor. */
    final List<String> verbs = new ArrayList<>();
    /** The word lists by first character, built once loaded: the same answers as scanning them in order, faster. */
    private figtrace.text.WordsAt verbsIndex, adverbsIndex, leadsIndex, prepsIndex, actorsIndex;
    final Set<String> passiveVerbs = new java.util.HashSet<>();
    /**
     * Verbs and adverbs with value "report": cues only in a government's own report (a work report, a budget report),
     * where every comma part that opens with a verb is an action; in a paper they are words of its argument
     * (平台数量不断增加, 生态修复等措施).
     */
    final Set<String> reportOnly = new java.util.HashSet<>();
    final List<String> adverbs = new ArrayList<>();
    final Map<String, MeasureStatus> statusCues = new LinkedHashMap<>();
    final Map<String, MeasureStatus> sectionCues = new LinkedHashMap<>();
    /** Words that keep a clause planned inside a section that reports what was done (将, 下一步, 到2030年). */
    final List<String> futureCues = new ArrayList<>();
    /** The reporting body of a document kind: "report" → "{region}人民政府"; "budget:province" for a province's. */
    final Map<String, String> reporters = new LinkedHashMap<>();
    final Map<String, Instrument> instruments = new LinkedHashMap<>(); // file order = priority
    final List<String> generics = new ArrayList<>();
    final List<String> actors = new ArrayList<>();
    final List<String> preps = new ArrayList<>();
    final List<String> notCues = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    final List<String> leads = new ArrayList<>();
    /** Nouns that name something an action can deliver (规划, 基金, 平台, 债务 …); see ClauseReader#isConcrete. */
    final List<String> concretes = new ArrayList<>();
    /** Things built, opened or held (项目, 片区, 活动): a subject holding one before a closing verb is a result measure. */
    final List<String> things = new ArrayList<>();
    /** Words ending a clause that states an aim rather than an action (新格局, 独特优势): see ClauseReader#emit. */
    final List<String> aims = new ArrayList<>();
    /** RE2, so a user's pattern runs in linear time. */
    final List<com.google.re2j.Pattern> copulas = new ArrayList<>();

    static MeasureCues load(Path dir) {
        MeasureCues c = new MeasureCues();
        Problems faults = new Problems();
        for (PatternTable.Row row : PatternTable.read(dir, "measure_cues.tsv", faults, "kind", "word")) {
            String kind = row.get("kind"), word = row.get("word"), value = row.opt("value");
            switch (kind) {
                case "verb" -> {
                    c.verbs.add(word);
                    if ("passive".equals(value)) c.passiveVerbs.add(word);
                    if ("report".equals(value)) c.reportOnly.add(word);
                }
                case "adverb" -> {
                    c.adverbs.add(word);
                    if ("report".equals(value)) c.reportOnly.add(word);
                }
                case "status" -> c.statusCues.put(word, checked(row, value, MeasureStatus.class, faults));
                case "section" -> c.sectionCues.put(word, checked(row, value, MeasureStatus.class, faults));
                case "future" -> c.futureCues.add(word);
                case "reporter" -> {
                    if (value == null || !value.contains("{region}")) row.problem(faults, "a reporter needs a value with {region}");
                    else c.reporters.put(word, value);
                }
                case "instrument" -> c.instruments.putIfAbsent(word, checked(row, value, Instrument.class, faults));
                case "generic" -> c.generics.add(word);
                case "actor" -> c.actors.add(word);
                case "prep" -> c.preps.add(word);
                case "not_cue" -> c.notCues.add(word);
                case "problem" -> c.problems.add(word);
                case "lead" -> c.leads.add(word);
                case "concrete" -> c.concretes.add(word);
                case "thing" -> c.things.add(word);
                case "aim" -> c.aims.add(word);
                case "copula" -> {
                    try {
                        c.copulas.add(com.google.re2j.Pattern.compile(word));
                    } catch (com.google.re2j.PatternSyntaxException e) {
                        row.problem(faults, "bad pattern '" + word + "': " + e.getDescription());
                    }
                }
                default -> row.problem(faults, "unknown kind '" + kind
                        + "' (use verb, adverb, status, section, future, reporter, instrument, generic, actor, prep, not_cue, problem, lead, concrete, thing, aim or copula)");
            }
        }
        Comparator<String> longestFirst = Comparator.comparingInt(s -> -s.length());
        c.verbs.sort(longestFirst);
        c.adverbs.sort(longestFirst);
        c.actors.sort(longestFirst);
        c.preps.sort(longestFirst);
        c.leads.sort(longestFirst);
        c.verbsIndex = new figtrace.text.WordsAt(c.verbs);
        c.adverbsIndex = new figtrace.text.WordsAt(c.adverbs);
        c.leadsIndex = new figtrace.text.WordsAt(c.leads);
        c.prepsIndex = new figtrace.text.WordsAt(c.preps);
        c.actorsIndex = new figtrace.text.WordsAt(c.actors);
        c.generics.sort(longestFirst);
        faults.throwIfAny();
        return c;
    }

    /** The value of the closed vocabulary {@code type} that the row's value column names, or null (a problem). */
    private static <E extends Enum<E> & Coded> E checked(PatternTable.Row row, String value, Class<E> type,
                                                          Problems faults) {
        if (value == null || !Coded.isCode(type, value)) {
            row.problem(faults, "value '" + value + "' is not one of "
                    + String.join(", ", Coded.codes(type).stream().sorted().toList()));
            return null;
        }
        return Coded.parse(type, value);
    }

    /**
     * The body that reports in a document of this kind about this region (河北省人民政府 for a work report, 普洱市财政局
     * for a budget report), or null when the kind has none or the region is unknown.
     */
    String reporter(String kindCode, String regionOfficial, String level) {
        if (regionOfficial == null || regionOfficial.isBlank()) return null;
        String t = level == null ? null : reporters.get(kindCode + ":" + level);
        if (t == null) t = reporters.get(kindCode);
        return t == null ? null : t.replace("{region}", regionOfficial);
    }

    /** The status of the section a heading opens: of the cue words it holds, the one ending last (…重点工作完成情况 → done). */
    MeasureStatus sectionStatus(String heading) {
        MeasureStatus found = null;
        int bestEnd = -1;
        for (var e : sectionCues.entrySet()) {
            int i = heading.lastIndexOf(e.getKey());
            if (i >= 0 && i + e.getKey().length() > bestEnd) { bestEnd = i + e.getKey().length(); found = e.getValue(); }
        }
        return found;
    }

    /** The verb starting at {@code i}, or null. */
    String verbAt(String s, int i) {
        return verbsIndex.at(s, i);
    }

    String adverbAt(String s, int i) {
        return adverbsIndex.at(s, i);
    }

    String leadAt(String s, int i) {
        return leadsIndex.at(s, i);
    }

    String prepAt(String s, int i) {
        return prepsIndex.at(s, i);
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
            // 已挂牌的工程技术研究中心: a verb before 的 describes a thing, it reports no result
            if (v != null && passiveVerbs.contains(v) && i + v.length() <= to && !s.startsWith("的", i + v.length())) return v;
        }
        return null;
    }

    String actorAt(String s, int i) {
        return actorsIndex.at(s, i);
    }
}
