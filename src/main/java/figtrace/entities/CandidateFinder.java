package figtrace.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds entity candidates in one paragraph (a line, or soft-wrapped lines joined). Each method is one rule; offsets
 * returned are the paragraph offsets plus {@code offset}.
 */
final class CandidateFinder {

    static final int BOOK_TITLE = 0, QUOTED = 1, RULE = 2, PERSON = 3;
    private static final int MAX_NAME = 26;

    private static final Pattern BOOK_TITLE_RE = Pattern.compile("《[^《》\\n]{1,120}》");
    /** A document number right after a title: （工信部规〔2024〕169号） */
    private static final Pattern DOC_NUMBER_RE = Pattern.compile("^[（(]([^（）()]{0,20}〔\\d{4}〕\\d+号)[）)]");
    private static final Pattern ORDINAL_BEFORE = Pattern.compile("第?[一二三四五六七八九十百零0-9]+[次届]$");
    private static final Pattern ORDINAL_AT = Pattern.compile("^第?[一二三四五六七八九十百零0-9]+[次届]");
    private static final Pattern QUOTED_RE = Pattern.compile("[“‘]([^“”‘’，。；、,;\\n]{1,16})[”’]");

    private final EntityRules rules;

    CandidateFinder(EntityRules rules) { this.rules = rules; }

    List<Candidate> find(String line, int offset) {
        List<Hanlp.Token> tokens = Hanlp.tokens(line);
        List<Candidate> out = new ArrayList<>();
        bookTitles(line, offset, out);
        quoted(line, offset, tokens, out);
        known(line, offset, tokens, out);
        suffixed(line, offset, tokens, out);
        persons(line, offset, tokens, out);
        return out;
    }

    /** 《…》 is a named document; a following （…〔2024〕169号） is kept as its docNumber attribute. */
    void bookTitles(String line, int offset, List<Candidate> out) {
        Matcher m = BOOK_TITLE_RE.matcher(line);
        while (m.find()) {
            Matcher n = DOC_NUMBER_RE.matcher(line.substring(m.end()));
            String attrs = n.find() ? "docNumber=" + n.group(1) : null;
            out.add(new Candidate(offset + m.start(), offset + m.end(), "DOC", m.group(), "entities:book_title",
                    BOOK_TITLE, attrs));
        }
    }

    /**
     * “X” followed by name characters ending in a programme/organisation suffix is one name with its quotes
     * (“天山英才”培养计划). A quoted term standing alone is a name without its quotes (“创新积分制”); its type comes
     * from the known names, then from its own ending, else PROGRAM (campaign slogans are the usual case).
     */
    void quoted(String line, int offset, List<Hanlp.Token> tokens, List<Candidate> out) {
        Matcher m = QUOTED_RE.matcher(line);
        while (m.find()) {
            String inner = m.group(1);
            if (inner.contains("的") || inner.chars().allMatch(Character::isDigit)) continue;
            int tailEnd = suffixEndAfter(line, m.end(), tokens);
            if (tailEnd > m.end()) {
                EntityRules.Suffix suf = suffixEndingAt(line, tailEnd);
                // an organisation may have more name before the quote (中国—塔吉克斯坦“一带一路”联合实验室)
                int start = suf.type().equals("ORG") ? extendLeft(line, m.start(), suf.type(), tokens) : m.start();
                out.add(new Candidate(offset + start, offset + tailEnd, suf.type(), null, "entities:quoted_name",
                        QUOTED, null));
                continue;
            }
            if (inner.startsWith("关于")) {
                out.add(new Candidate(offset + m.start(1), offset + m.end(1), "DOC", null, "entities:quoted_title",
                        QUOTED, null));
                continue;
            }
            EntityRules.Known k = rules.known.get(inner);
            String type = k != null ? k.type() : typeByEnding(inner);
            // a quoted phrase is often just emphasis (“小巨人”, “走出去”): keep it only when it looks like a name
            if (rules.generics.contains(inner)) continue;
            if (k == null && type == null && !rules.isQuotedProgram(inner)) continue;
            if (type == null) type = "PROGRAM";
            out.add(new Candidate(offset + m.start(1), offset + m.end(1), type, k == null ? null : k.canonical(),
                    "entities:quoted_term", QUOTED, null));
        }
    }

    /** Known names (agencies, programmes, industries) and places from the gazetteer: longest match at each position. */
    void known(String line, int offset, List<Hanlp.Token> tokens, List<Candidate> out) {
        for (int i = 0; i < line.length(); i++) {
            List<EntityRules.Known> ks = rules.knownByFirstChar.get(line.charAt(i));
            if (ks == null) continue;
            for (EntityRules.Known k : ks) {
                if (line.startsWith(k.text(), i) && asciiWordBoundary(line, i, i + k.text().length())) {
                    int end = i + k.text().length();
                    // a place name must end where a word ends: 中国 in 中国式现代化 is not the country
                    if (k.type().equals("PLACE") && !tokens.isEmpty() && tokens.stream().noneMatch(t -> t.end() == end)) {
                        continue;
                    }
                    out.add(new Candidate(offset + i, offset + end, k.type(), k.canonical(), k.rule(), RULE, null));
                    // a known industry followed by a cluster ending is the cluster (粮食和食品加工 + 集群)
                    for (EntityRules.Suffix suf : rules.suffixes) {
                        if (k.type().equals("INDUSTRY") && suf.type().equals("INDUSTRY") && line.startsWith(suf.text(), end)) {
                            out.add(new Candidate(offset + i, offset + end + suf.text().length(), "INDUSTRY", null,
                                    "entities:name_suffix", RULE, null));
                            break;
                        }
                    }
                    break;
                }
            }
        }
    }

    /**
     * A name ending (…高新区, …实验室, …产业集群) plus the name characters before it, extended left until punctuation,
     * a digit or a stop word (a verb or function word), so 支持丝绸之路经济带创新驱动发展试验区 gives the 试验区 name.
     */
    void suffixed(String line, int offset, List<Hanlp.Token> tokens, List<Candidate> out) {
        for (int p = 0; p < line.length(); p++) {
            for (EntityRules.Suffix suf : rules.suffixes) {
                if (!line.startsWith(suf.text(), p)) continue;
                int end = p + suf.text().length();
                // 战略性 is not 战略: a suffix must end where a word ends
                if (!tokens.isEmpty() && tokens.stream().noneMatch(t -> t.end() == end)) break;
                int extended = extendLeft(line, p, suf.type(), tokens);
                // 新质生产力产业 is a class of industries even before its first words are trimmed
                if (rules.isOnlyModifiers(line.substring(extended, p), suf.type())) break;
                int start = trimLeadingWords(tokens, extended, p, line);
                if (suf.type().equals("INDUSTRY")) start = skipLeadingModifiers(line, start, p, tokens);
                int minPrefix = suf.type().equals("INDUSTRY") ? 1 : 2;
                // a one-character industry is a noun (铝产业, 马产业), not 好 in 发挥好产业
                final int suffixStart = p;
                boolean nounPrefix = p - start != 1 || tokens.isEmpty() || tokens.stream().anyMatch(
                        t -> t.end() == suffixStart && t.word().length() == 1 && t.nature().startsWith("n"));
                if (p - start >= minPrefix && nounPrefix) {
                    String name = line.substring(start, end);
                    if (!rules.generics.contains(name) && !rules.isCategory(name)
                            && !rules.isOnlyModifiers(name.substring(0, p - start), suf.type())) {
                        out.add(new Candidate(offset + start, offset + end, suf.type(), null, "entities:suffix",
                                RULE, null));
                    }
                }
                break; // longest suffix at this position only
            }
        }
    }

    /**
     * Person names from HanLP (it knows Chinese given-name patterns; we don't). HanLP also calls many two-character
     * verb phrases names (强链, 施策), so a name must start with a common surname, and a two-character one must be
     * followed by a title (李强总理, 马兴瑞书记 is three characters and needs none).
     */
    void persons(String line, int offset, List<Hanlp.Token> tokens, List<Candidate> out) {
        for (Hanlp.Token t : tokens) {
            if (!t.isPerson() || t.word().length() < 2 || t.word().length() > 4) continue;
            String name = t.word();
            if (rules.known.containsKey(name) || rules.stops.contains(name) || rules.generics.contains(name)) continue;
            if (rules.surnames.indexOf(name.charAt(0)) < 0) continue;
            // 方式和, 向社会: HanLP glued a word and a function character into a "name"
            if (rules.stops.contains(name.substring(name.length() - 1)) || rules.stops.contains(name.substring(0, 1))) continue;
            if (name.length() == 2 && !rules.startsWithTitle(line, t.end())) continue;
            out.add(new Candidate(offset + t.start(), offset + t.end(), "PERSON", null, "entities:hanlp_person",
                    PERSON, null));
        }
    }

    /**
     * Start of the name that ends at the suffix starting at {@code p}. With HanLP words it moves a word at a time and
     * stops at a verb, function word, stop word or punctuation; without them (HanLP lost text) a character at a time,
     * stopping at stop words and punctuation only.
     */
    int extendLeft(String line, int p, String type, List<Hanlp.Token> tokens) {
        java.util.Set<String> inner = rules.innerByType.getOrDefault(type, java.util.Set.of());
        int i = p;
        while (i > 0 && p - i < MAX_NAME) {
            int from = tokens.isEmpty() ? i - 1 : wordStartBefore(tokens, i);
            String w = line.substring(from, i);
            if (inner.contains(w)) { i = from; continue; }
            // a keep word seen as a whole word stays in the name even when it is also a stop word (培育行动)
            if (!tokens.isEmpty() && rules.keeps.contains(w)) { i = from; continue; }
            if (!w.chars().allMatch(c -> isNameChar((char) c))) break;
            if (rules.stops.contains(w) || (tokens.isEmpty() && rules.stopEndingAt(line, i) > 0)) break;
            if (!tokens.isEmpty() && endsName(tokenAt(tokens, from))) break;
            i = from;
        }
        // an ordinal belongs to the name (第五次全国经济普查, 自治区十三届政协); go on past it
        Matcher ordinal = ORDINAL_BEFORE.matcher(line.substring(Math.max(0, i - 8), i));
        if (ordinal.find() && p - i < MAX_NAME) {
            int before = i - ordinal.group().length();
            // 第五次… starts a name; 十三届 follows whose session it is (自治区十三届政协)
            return ordinal.group().startsWith("第") ? before : extendLeft(line, before, type, tokens);
        }
        // don't start on a connector or a closing quote
        while (i < p && !isNameChar(line.charAt(i)) && line.charAt(i) != '“') i++;
        // an opening quote without its closing one means we started inside someone else's quotation
        String name = line.substring(i, p);
        if (count(name, '“') != count(name, '”')) {
            int last = Math.max(name.lastIndexOf('“'), name.lastIndexOf('”'));
            i += last + 1;
        }
        return i;
    }

    /** An industry is named without its qualifiers or place: 新疆能源化工产业 → 能源化工产业. */
    private int skipLeadingModifiers(String line, int start, int p, List<Hanlp.Token> tokens) {
        boolean moved = true;
        while (moved) {
            moved = false;
            for (String m : rules.industryQualifiers) {
                int next = start + m.length();
                // only whole words: 新 is no modifier of 新疆
                boolean wordEnd = tokens.isEmpty() || tokens.stream().anyMatch(t -> t.end() == next);
                if (line.startsWith(m, start) && next < p && wordEnd) { start = next; moved = true; break; }
            }
        }
        return start;
    }

    private boolean keepStartsAt(List<Hanlp.Token> tokens, int j) {
        for (Hanlp.Token t : tokens) if (t.start() == j) return rules.keeps.contains(t.word());
        return false;
    }

    /** True when a HanLP verb (not one of the keep words) starts at {@code j}: a name's tail ends there. */
    private boolean startsVerb(List<Hanlp.Token> tokens, String line, int j) {
        for (Hanlp.Token t : tokens) {
            if (t.start() == j) return t.isVerb() && !rules.keeps.contains(t.word());
        }
        return false;
    }

    /**
     * Drops words a name doesn't start with: a verb (发展战略性新兴产业), or a single non-noun character left over from a
     * word HanLP split (用好 → 好人才发展基金). The caller's minimum prefix length still applies afterwards.
     */
    private int trimLeadingWords(List<Hanlp.Token> tokens, int start, int p, String line) {
        if (ORDINAL_AT.matcher(line.substring(start, p)).lookingAt()) return start; // 第五次… is kept whole
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Hanlp.Token t : tokens) {
                // a verb may leave nothing (支持高新区 → rejected); a single character must leave a name behind
                boolean verbLike = t.isVerb() || rules.notFirst.contains(t.word());
                boolean stray = t.word().length() == 1 && !t.nature().startsWith("n"); // 好 from 用好, not 钛 in 钛及钛合金
                if (t.start() == start && (verbLike ? t.end() <= p : t.end() < p && stray)) {
                    start = t.end();
                    moved = true;
                    break;
                }
            }
        }
        return start;
    }

    /** Start of the word that ends at (or contains the character before) {@code i}. */
    private static int wordStartBefore(List<Hanlp.Token> tokens, int i) {
        for (Hanlp.Token t : tokens) if (t.start() < i && i <= t.end()) return t.start();
        return i - 1;
    }

    private static Hanlp.Token tokenAt(List<Hanlp.Token> tokens, int start) {
        for (Hanlp.Token t : tokens) if (t.start() == start) return t;
        return null;
    }

    /** Verbs and function words (prepositions, conjunctions, adverbs, pronouns, numerals…) are not part of a name. */
    private static boolean endsName(Hanlp.Token t) {
        if (t == null) return false;
        String n = t.nature();
        return t.isVerb() || n.startsWith("p") || n.startsWith("c") || n.startsWith("u") || n.startsWith("d")
                || n.startsWith("r") || n.startsWith("m") || n.startsWith("q") || n.startsWith("f")
                || n.startsWith("w") || n.startsWith("e") || n.startsWith("y") || n.startsWith("o")
                || n.equals("t");
    }

    /** End of the longest run of name characters after {@code from} that ends with a suffix, or {@code from}. */
    private int suffixEndAfter(String line, int from, List<Hanlp.Token> tokens) {
        int best = from;
        for (int j = from; j < line.length() && j - from < 14; j++) {
            char c = line.charAt(j);
            if (!isNameChar(c) && c != '·') break;
            if (startsVerb(tokens, line, j)) break;
            if (rules.stopStartingAt(line, j) > 0 && !keepStartsAt(tokens, j) && suffixEndingAt(line, j + 1) == null) {
                // a stop word inside the tail ends it, unless it is part of a suffix (对接会)
                boolean partOfSuffix = false;
                for (EntityRules.Suffix s : rules.suffixes) {
                    int k = line.indexOf(s.text(), Math.max(from, j - s.text().length() + 1));
                    if (k >= 0 && k <= j && k + s.text().length() > j) { partOfSuffix = true; break; }
                }
                if (!partOfSuffix) break;
            }
            if (suffixEndingAt(line, j + 1) != null) best = j + 1;
        }
        return best;
    }

    private EntityRules.Suffix suffixEndingAt(String line, int end) {
        for (EntityRules.Suffix s : rules.suffixes) {
            if (end >= s.text().length() && line.startsWith(s.text(), end - s.text().length())) return s;
        }
        return null;
    }

    private String typeByEnding(String s) {
        for (EntityRules.Suffix suf : rules.suffixes) {
            if (s.endsWith(suf.text()) && s.length() > suf.text().length()) return suf.type();
        }
        return null;
    }

    /** CJK ideographs only: names with Latin letters or digits (5G+工业互联网) come from the known-name table. */
    static boolean isNameChar(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && c != '、' && c != '，' && c != '。';
    }

    /** Latin names (China, Urumqi) must not match inside a longer Latin word. */
    private static boolean asciiWordBoundary(String s, int start, int end) {
        if (!Character.isLetter(s.charAt(start)) || s.charAt(start) > 127) return true;
        boolean before = start > 0 && Character.isLetter(s.charAt(start - 1));
        boolean after = end < s.length() && Character.isLetter(s.charAt(end));
        return !before && !after;
    }

    private static int count(String s, char c) { return (int) s.chars().filter(x -> x == c).count(); }
}
