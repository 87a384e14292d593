package figtrace.entities;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a name starts and ends around the suffix or known word that marks it: left a HanLP word at a time until a verb,
 * function word or stop word (extendLeft), past the verbs and qualifiers a name does not start with, and right to the
 * longest run that ends in a suffix. Split out of {@link CandidateFinder}, whose rules use these bounds.
 */
final class NameBounds {
    private static final Pattern ORDINAL_BEFORE = Pattern.compile("第?[一二三四五六七八九十百零0-9]+[次届]$");
    private static final Pattern ORDINAL_AT = Pattern.compile("^第?[一二三四五六七八九十百零0-9]+[次届]");

    private final EntityRules rules;

    NameBounds(EntityRules rules) { this.rules = rules; }

    /**
     * Start of the name that ends at the suffix starting at {@code p}. With HanLP words it moves a word at a time and
     * stops at a verb, function word, stop word or punctuation; without them (HanLP lost text) a character at a time,
     * stopping at stop words and punctuation only.
     */
    int extendLeft(String line, int p, String type, List<Hanlp.Token> tokens) {
        java.util.Set<String> inner = rules.innerByType.getOrDefault(type, java.util.Set.of());
        int i = p;
        while (i > 0 && p - i < CandidateFinder.MAX_NAME) {
            int from = tokens.isEmpty() ? i - 1 : wordStartBefore(tokens, i);
            String w = line.substring(from, i);
            if (inner.contains(w)) { i = from; continue; }
            // a place HanLP reads as a verb (大兴 in 北京大兴国际机场) is a name part
            EntityRules.Known place = rules.known.get(w);
            if (!tokens.isEmpty() && place != null && place.type().equals("PLACE") && w.length() >= 2) { i = from; continue; }
            // so is a county's short form right after a place (大兴 in 北京大兴国际机场综保区, hebei work report)
            if (!tokens.isEmpty() && rules.countyStems.containsKey(w) && placeEndsAt(line, from)) { i = from; continue; }
            // a keep word seen as a whole word stays in the name even when it is also a stop word (培育行动)
            if (!tokens.isEmpty() && rules.keeps.contains(w)) { i = from; continue; }
            if (!w.chars().allMatch(c -> CandidateFinder.isNameChar((char) c))) break;
            if (rules.stops.contains(w) || (tokens.isEmpty() && rules.stopEndingAt(line, i) > 0)) break;
            Hanlp.Token word = tokens.isEmpty() ? null : tokenAt(tokens, from);
            // a programme's name holds verbs (废弃矿山生态修复示范项目, 应急转贷基金): go on to the clause start and let
            // trimLeadingWords drop the verb that governs the name (争取…, 发挥…)
            boolean verbInside = type.equals("PROGRAM") && word != null && word.isVerb() && p - from <= 16;
            if (word != null && endsName(word) && !verbInside) break;
            i = from;
        }
        // an ordinal belongs to the name (第五次全国经济普查, 自治区十三届政协); go on past it
        Matcher ordinal = ORDINAL_BEFORE.matcher(line.substring(Math.max(0, i - 8), i));
        if (ordinal.find() && p - i < CandidateFinder.MAX_NAME) {
            int before = i - ordinal.group().length();
            // 第五次… starts a name; 十三届 follows whose session it is (自治区十三届政协)
            if (!ordinal.group().startsWith("第")) return extendLeft(line, before, type, tokens);
            // …but a place right before 第 is whose congress it is: 河北省第十四届人民代表大会, 普洱市第五届人民代表大会
            // (hebei, heilongjiang, henan, jilin, zhejiang work reports; puer, weifang budget reports)
            return type.equals("ORG") ? placeEndingAt(line, before) : before;
        }
        // don't start on a connector or a closing quote
        while (i < p && !CandidateFinder.isNameChar(line.charAt(i)) && line.charAt(i) != '“') i++;
        // an opening quote without its closing one means we started inside someone else's quotation
        String name = line.substring(i, p);
        if (count(name, '“') != count(name, '”')) {
            int last = Math.max(name.lastIndexOf('“'), name.lastIndexOf('”'));
            i += last + 1;
        }
        return i;
    }
    /** True when a known place (北京, 哈尔滨) ends at {@code end}. */
    private boolean placeEndsAt(String line, int end) {
        return placeEndingAt(line, end) < end;
    }

    /** Start of the longest gazetteer place that ends at {@code end}, or {@code end} when none does. */
    private int placeEndingAt(String line, int end) {
        for (int k = Math.max(0, end - 10); k <= end - 2; k++) {
            EntityRules.Known place = rules.known.get(line.substring(k, end));
            if (place != null && place.type().equals("PLACE")) return k;
        }
        return end;
    }

    /** An industry is named without its qualifiers or place: 新疆能源化工产业 → 能源化工产业. */
    int skipLeadingModifiers(String line, int start, int p, List<Hanlp.Token> tokens) {
        boolean moved = true;
        while (moved) {
            moved = false;
            // only the qualifiers the line has at start (by first character), in the list's order
            for (String m : rules.industryQualifiersAt.allAt(line, start)) {
                int next = start + m.length();
                // only whole words: 新 is no modifier of 新疆
                if (next < p && (tokens.isEmpty() || Hanlp.endsAt(tokens, next))) {
                    start = next; moved = true; break;
                }
            }
        }
        return start;
    }
    boolean keepStartsAt(List<Hanlp.Token> tokens, int j) {
        Hanlp.Token t = tokenAt(tokens, j);
        return t != null && rules.keeps.contains(t.word());
    }
    /** True when a HanLP verb (not one of the keep words) starts at {@code j}: a name's tail ends there. */
    boolean startsVerb(List<Hanlp.Token> tokens, String line, int j) {
        Hanlp.Token t = tokenAt(tokens, j);
        return t != null && t.isVerb() && !rules.keeps.contains(t.word());
    }
    /**
     * Drops words a name doesn't start with: a verb (发展战略性新兴产业), or a single non-noun character left over from a
     * word HanLP split (用好 → 好人才发展基金). The caller's minimum prefix length still applies afterwards.
     */
    int trimLeadingWords(List<Hanlp.Token> tokens, int start, int p, String line) {
        if (ORDINAL_AT.matcher(line.substring(start, p)).lookingAt()) return start; // 第五次… is kept whole
        boolean moved = true;
        while (moved) {
            moved = false;
            // only the words starting at start can move it (words are in text order: they are found by a binary search)
            for (int k = Hanlp.firstStartingAtOrAfter(tokens, start); k < tokens.size() && tokens.get(k).start() == start; k++) {
                Hanlp.Token t = tokens.get(k);
                // a verb may leave nothing (支持高新区 → rejected); a single character must leave a name behind
                // 加力实施…计划: an intransitive verb or adverb before a verb goes with it
                Hanlp.Token next = tokenAt(tokens, t.end());
                boolean verbLike = t.isVerb() || rules.notFirst.contains(t.word())
                        || ((t.nature().equals("vi") || t.nature().startsWith("d")) && next != null && next.isVerb());
                // 好 from 用好, not 钛 in 钛及钛合金; and not a run of single characters, which is a word HanLP doesn't know
                // (雄/安 in 雄安新区, hebei work report)
                boolean stray = t.word().length() == 1 && !t.nature().startsWith("n") && !startsUnknownWord(tokens, t, p);
                if (t.start() == start && (verbLike ? t.end() <= p : t.end() < p && stray)) {
                    start = t.end();
                    moved = true;
                    break;
                }
            }
        }
        return start;
    }
    /**
     * True when {@code t} and the token after it are single characters that are no verbs and no function words, and
     * reach the suffix at {@code p}: HanLP found no word there, so they are a name it doesn't know (雄安 in 雄安新区).
     */
    private static boolean startsUnknownWord(List<Hanlp.Token> tokens, Hanlp.Token t, int p) {
        Hanlp.Token next = tokenAt(tokens, t.end());
        return next != null && next.word().length() == 1 && next.end() == p && !endsName(t) && !endsName(next);
    }

    /** Start of the word that ends at (or contains the character before) {@code i}. */
    static int wordStartBefore(List<Hanlp.Token> tokens, int i) {
        // the first word with start < i <= end: words tile the text in order, so ends never decrease
        int k = Hanlp.firstEndingAtOrAfter(tokens, i);
        return k < tokens.size() && tokens.get(k).start() < i ? tokens.get(k).start() : i - 1;
    }
    /** The first word starting at {@code start}, or null. */
    static Hanlp.Token tokenAt(List<Hanlp.Token> tokens, int start) {
        int k = Hanlp.firstStartingAtOrAfter(tokens, start);
        return k < tokens.size() && tokens.get(k).start() == start ? tokens.get(k) : null;
    }
    /** Verbs and function words (prepositions, conjunctions, adverbs, pronouns, numerals…) are not part of a name. */
    static boolean endsName(Hanlp.Token t) {
        if (t == null) return false;
        String n = t.nature();
        return t.isVerb() || n.startsWith("p") || n.startsWith("c") || n.startsWith("u") || n.startsWith("d")
                || n.startsWith("r") || n.startsWith("m") || n.startsWith("q") || n.startsWith("f")
                || n.startsWith("w") || n.startsWith("e") || n.startsWith("y") || n.startsWith("o")
                || n.equals("t");
    }
    /** End of the longest run of name characters after {@code from} that ends with a suffix, or {@code from}. */
    int suffixEndAfter(String line, int from, List<Hanlp.Token> tokens) {
        int best = from;
        boolean sawVerb = false;
        for (int j = from; j < line.length() && j - from < 14; j++) {
            char c = line.charAt(j);
            if (!CandidateFinder.isNameChar(c) && c != '·') break;
            // a programme's tail may hold a verb (“科技银龄人才”特聘专家计划); other names end at one
            if (startsVerb(tokens, line, j)) sawVerb = true;
            if (rules.stopStartingAt(line, j) > 0 && !keepStartsAt(tokens, j) && suffixEndingAt(line, j + 1) == null) {
                // a stop word inside the tail ends it, unless it is part of a suffix (对接会)
                boolean partOfSuffix = false;
                for (EntityRules.Suffix s : rules.suffixes) {
                    int k = line.indexOf(s.text(), Math.max(from, j - s.text().length() + 1));
                    if (k >= 0 && k <= j && k + s.text().length() > j) { partOfSuffix = true; break; }
                }
                if (!partOfSuffix) break;
            }
            EntityRules.Suffix suf = suffixEndingAt(line, j + 1);
            if (suf != null && (!sawVerb || suf.type().equals("PROGRAM"))) best = j + 1;
        }
        return best;
    }
    EntityRules.Suffix suffixEndingAt(String line, int end) {
        List<EntityRules.Suffix> candidates = rules.suffixesByLastChar == null ? rules.suffixes
                : end < 1 || end > line.length() ? List.of() : rules.suffixesEndingWith(line.charAt(end - 1));
        for (EntityRules.Suffix s : candidates) {
            if (end >= s.text().length() && line.startsWith(s.text(), end - s.text().length())) return s;
        }
        return null;
    }
    String typeByEnding(String s) {
        for (EntityRules.Suffix suf : rules.suffixes) {
            if (s.endsWith(suf.text()) && s.length() > suf.text().length()) return suf.type();
        }
        return null;
    }
    static int count(String s, char c) { return (int) s.chars().filter(x -> x == c).count(); }
}
