package figtrace.figures;

import figtrace.rules.Region;
import figtrace.rules.Rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds place names from regions.tsv in text, longest name first, and the document's own-region words (我区, 全区…).
 * A place that is only a yardstick (高于全国, 居全国第2位, 全国平均) is not where a figure belongs, so such mentions
 * are left out.
 */
final class RegionFinder {
    /** Marks a self-region word (我区, 全区…); resolved to the document's main region later. */
    static final String SELF = "\u0000self";
    private static final List<String> YARDSTICK_BEFORE = List.of("高于", "低于", "居", "位居", "位列", "比", "较", "快于",
            "慢于", "排名", "排", "与", "同");
    private static final List<String> YARDSTICK_AFTER = List.of("平均", "水平", "第", "排名", "同期", "前列");
    private final Map<String, Region> names;
    private final Map<String, String> selfWords; // word → the level it refers to
    /** For each first character, the lengths of the names that start with it, longest first. */
    private final Map<Character, int[]> lengthsByFirst = new HashMap<>();

    RegionFinder(Rules rules) {
        this.names = new HashMap<>(rules.regionNames());
        this.selfWords = rules.selfRegionWords();
        Map<Character, java.util.TreeSet<Integer>> lengths = new HashMap<>();
        for (String n : names.keySet()) lengths.computeIfAbsent(n.charAt(0), k -> new java.util.TreeSet<>()).add(n.length());
        for (String n : selfWords.keySet()) lengths.computeIfAbsent(n.charAt(0), k -> new java.util.TreeSet<>()).add(n.length());
        lengths.forEach((c, set) -> lengthsByFirst.put(c, set.descendingSet().stream().mapToInt(Integer::intValue).toArray()));
    }

    Region region(String standard) { return names.get(standard); }

    /** All mentions, yardsticks included; {@link #isYardstick} tells them apart. */
    List<Mention> find(String text) { return find(text, null); }

    /**
     * @param province the document's province: a county name of another province is taken for a word (全州县级以上
     *                 in a 黔东南州 bulletin is 全州 + 县级, not 全州县 of Guangxi), and the scan goes on with shorter names
     */
    List<Mention> find(String text, String province) {
        List<Mention> out = new ArrayList<>();
        int n = text.length();
        for (int i = 0; i < n; ) {
            int found = 0;
            String value = null;
            int[] candidates = lengthsByFirst.getOrDefault(text.charAt(i), new int[0]);
            for (int len : candidates) {
                if (len < 2 || i + len > n) continue;
                String s = text.substring(i, i + len);
                Region r = names.get(s);
                if (r != null && province != null && r.level().equals("county") && !province.equals(r.province())) r = null;
                if (r != null) { found = len; value = r.standard(); break; }
                if (selfWords.containsKey(s)) { found = len; value = SELF; break; }
            }
            if (found > 0) {
                out.add(new Mention(i, i + found, value));
                i += found;
            } else {
                i++;
            }
        }
        return out;
    }

    static boolean isYardstick(String text, Mention m) {
        String before = text.substring(Math.max(0, m.start() - 2), m.start());
        for (String w : YARDSTICK_BEFORE) if (before.endsWith(w)) return true;
        String after = text.substring(m.end(), Math.min(text.length(), m.end() + 2));
        for (String w : YARDSTICK_AFTER) if (after.startsWith(w)) return true;
        return false;
    }

    /**
     * The place the document is about: the province or prefecture named most, a mention in the title (the first
     * lines) weighing ten, an early one two. A place named only in passing (fewer than three weighted mentions) is
     * not the document's region: a company note that mentions 山西 once is about no region.
     */
    String mainRegion(String text, List<Mention> mentions) {
        int titleEnd = titleEnd(text);
        Map<String, Integer> score = new HashMap<>();
        for (Mention m : mentions) {
            if (m.value().equals(SELF)) continue;
            Region r = names.get(m.value());
            if (r == null || !(r.level().equals("province") || r.level().equals("prefecture"))) continue;
            score.merge(m.value(), m.start() < titleEnd ? 10 : m.start() < 1500 ? 2 : 1, Integer::sum);
        }
        String best = score.entrySet().stream().filter(e -> e.getValue() >= 3).max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElse(null);
        if (best != null) return best;
        // A document that speaks of itself as 自治区/我省 (budget tables) is about the province its places lie in.
        long selfProvince = mentions.stream().filter(m -> m.value().equals(SELF))
                .filter(m -> "province".equals(selfWords.get(text.substring(m.start(), m.end())))).count();
        if (selfProvince < 3) return null;
        Map<String, Integer> provinces = new HashMap<>();
        for (Mention m : mentions) {
            String p = m.value().equals(SELF) ? null : provinceOf(m.value());
            if (p != null) provinces.merge(p, 1, Integer::sum);
        }
        return provinces.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /** End of the first three non-empty short lines, where a title stands. */
    private static int titleEnd(String text) {
        int pos = 0, seen = 0;
        while (pos < text.length() && seen < 3) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            if (end - pos > 60) break;
            if (end > pos) seen++;
            pos = end + 1;
        }
        return Math.min(pos, text.length());
    }

    /** The province of a region's standard name (itself for a province), or null. */
    String provinceOf(String standard) {
        Region r = standard == null ? null : names.get(standard);
        if (r == null) return null;
        return r.level().equals("province") ? r.standard() : r.province().isEmpty() ? null : r.province();
    }
}
