package figtrace.figures;

import figtrace.rules.FigureWords;
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
    /** Yardstick, share and trade words (patterns/figure_words.tsv). */
    private final FigureWords words;
    /** A partner's name is followed by its trade: (、欧盟)*出口 (built from the trade words). */
    private final java.util.regex.Pattern tradeAfter;
    /** A partner is introduced by a preposition: 对(东盟、)* (built from the partner words). */
    private final java.util.regex.Pattern partnerBefore;
    private final Map<String, Region> names;
    private final Map<String, String> selfWords; // word → the level it refers to
    /** For each first character, the lengths of the names that start with it, longest first. */
    private final Map<Character, int[]> lengthsByFirst = new HashMap<>();

    RegionFinder(Rules rules) {
        this.names = new HashMap<>(rules.regionNames());
        this.selfWords = rules.selfRegionWords();
        this.words = rules.figureWords();
        this.tradeAfter = java.util.regex.Pattern.compile("^(?:[、和及与][^，。；,;、]{1,10})*(?:" + figtrace.rules.PatternTable.alternation(words.tradeWords()) + ")");
        this.partnerBefore = java.util.regex.Pattern.compile("(?:" + figtrace.rules.PatternTable.alternation(words.tradePartnerBefore())
                + ")(?:[^，。；,;、]{1,10}[、和及与])*$");
        Map<Character, java.util.TreeSet<Integer>> lengths = new HashMap<>();
        for (String n : names.keySet()) lengths.computeIfAbsent(n.charAt(0), k -> new java.util.TreeSet<>()).add(n.length());
        for (String n : selfWords.keySet()) lengths.computeIfAbsent(n.charAt(0), k -> new java.util.TreeSet<>()).add(n.length());
        lengths.forEach((c, set) -> lengthsByFirst.put(c, set.descendingSet().stream().mapToInt(Integer::intValue).toArray()));
    }

    Region region(String standard) { return names.get(standard); }

    /** The words that name the document's own region when it is of this level (全市, 我市 … for a prefecture). */
    List<String> selfWords(String level) {
        return selfWords.entrySet().stream().filter(e -> e.getValue().equals(level)).map(Map.Entry::getKey).toList();
    }

    /** Every place of regions.tsv, once per name it is known by. */
    Iterable<Region> all() { return names.values(); }

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
                if (r != null && r.level().equals("not_place")) { found = len; break; } // 其中 holds 中国 but names none
                if (r != null) { found = len; value = r.standard(); break; }
                if (selfWords.containsKey(s)) { found = len; value = SELF; break; }
            }
            if (found > 0) {
                if (value != null) out.add(new Mention(i, i + found, value));
                i += found;
            } else {
                i++;
            }
        }
        return out;
    }

    /** A place that is only a yardstick (高于全国, 居全国第2位, 全国平均, 占全国92.2%): not where the figure belongs. */
    boolean isYardstick(String text, Mention m) {
        String before = text.substring(Math.max(0, m.start() - FigureWords.longest(words.yardstickBefore())), m.start());
        if (FigureWords.endsWithAny(before, words.yardstickBefore())) return true;
        // 占全国92.2%, 占全国份额: the nation is the whole a share is of (realdocs xinjiang and zhejiang work reports;
        // atlas hefei, suzhou, shenzhen). 占全疆总量, 占全省 stay: the document's own region, which the share is about
        String beforeShare = text.substring(Math.max(0, m.start() - FigureWords.longest(words.shareWords())), m.start());
        if (FigureWords.endsWithAny(beforeShare, words.shareWords()) && words.shareWholes().contains(m.value())) return true;
        String after = text.substring(m.end(), Math.min(text.length(), m.end() + FigureWords.longest(words.yardstickAfter())));
        return FigureWords.startsWithAny(after, words.yardstickAfter());
    }

    /** Not the place a figure is about: a yardstick or a trading partner. */
    boolean notTheFiguresPlace(String text, Mention m) {
        return isYardstick(text, m) || isTradePartner(text, m);
    }

    /**
     * 对东盟出口134.83亿元, 出口美国7.6亿元, 自日本进口, 对东盟、欧盟、韩国进出口分别增长…: the trading partner of the
     * document's own region (atlas zhenjiang and huaihua bulletins; xinjiang's 对中亚五国进出口), not the place the
     * figure is about; the partner stays in the subject.
     */
    boolean isTradePartner(String text, Mention m) {
        String before = text.substring(Math.max(0, m.start() - 40), m.start());
        if (FigureWords.endsWithAny(before, words.tradeVerbs())) return true;
        if (!partnerBefore.matcher(before).find()) return false;
        return tradeAfter.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 60))).find();
    }

    /** The province of a region's standard name (itself for a province), or null. */
    String provinceOf(String standard) {
        Region r = standard == null ? null : names.get(standard);
        if (r == null) return null;
        return r.level().equals("province") ? r.standard() : r.province().isEmpty() ? null : r.province();
    }
}
