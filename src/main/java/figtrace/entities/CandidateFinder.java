package figtrace.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds entity candidates in one paragraph (a line, or soft-wrapped lines joined). Each method is one rule; offsets
 * returned are the paragraph offsets plus {@code offset}.
 *
 * <p>The rules on lists ({@link ListCandidates}), on people and HanLP's own names ({@link PeopleAndHanlpNames}) and
 * where a name starts and ends ({@link NameBounds}) have their own classes. What stays here (about 330 lines) are the
 * rules that share this class's helpers for blocked characters, list tails and the overlap pass: titles, quoted
 * names, known names, suffixes, shapes and city groups, and {@link #find}, which runs every rule in its order.
 */
final class CandidateFinder {

    static final int BOOK_TITLE = 0, QUOTED = 1, RULE = 2, PERSON = 3, HANLP_NAME = 4;
    /** The longest name a suffix is extended left to (characters). */
    static final int MAX_NAME = 26;

    private static final Pattern BOOK_TITLE_RE = Pattern.compile("《[^《》\\n]{1,120}》");
    /** A document number right after a title: （工信部规〔2024〕169号） */
    private static final Pattern DOC_NUMBER_RE = Pattern.compile("^[（(]([^（）()]{0,20}〔\\d{4}〕\\d+号)[）)]");
    /** A quoted slogan of two or three comma parts (“县级主体，市级帮扶”). */
    private static final Pattern QUOTED_CLAUSES_RE = Pattern.compile("“(\\p{IsHan}{2,10}(?:，\\p{IsHan}{2,10}){1,2})”");
    /** 与“ or 和“ right after a quoted term: the first of a contrasted pair (“国家所需”与“浙江所能”). */
    private static final Pattern PAIR_AFTER = Pattern.compile("[与和]“");
    private static final Pattern QUOTED_RE = Pattern.compile("[“‘]([^“”‘’，。；、,;\\n]{1,16})[”’]");
    /** A city group written with one character a city: 乌-昌-石, 呼-包-鄂. */
    private static final Pattern CITY_GROUP_RE = Pattern.compile("(?<![\\p{IsHan}-])\\p{IsHan}(?:-\\p{IsHan}){2,}(?![\\p{IsHan}-])");

    private final EntityRules rules;
    /** Where a name starts and ends around its suffix (HanLP words, stop and keep words). */
    private final NameBounds bounds;
    /** The items of lists: industries, projects, quoted slogans. */
    private final ListCandidates lists;
    /** People (HanLP's person names, bylines) and HanLP's own places and organisations. */
    private final PeopleAndHanlpNames people;

    CandidateFinder(EntityRules rules) {
        this.rules = rules;
        this.bounds = new NameBounds(rules);
        this.lists = new ListCandidates(rules, bounds);
        this.people = new PeopleAndHanlpNames(rules);
    }

    List<Candidate> find(String line, int offset) {
        List<Hanlp.Token> tokens = Hanlp.tokens(line);
        List<Candidate> out = new ArrayList<>();
        bookTitles(line, offset, out);
        titleDocs(line, offset, out);
        quoted(line, offset, tokens, out);
        lists.quotedLists(line, offset, out);
        known(line, offset, tokens, out);
        suffixed(line, offset, tokens, out);
        cuedQuotedOnlyNames(line, offset, out);
        lists.industryLists(line, offset, tokens, out);
        lists.projectLists(line, offset, tokens, out);
        shapes(line, offset, out);
        cityGroups(line, offset, out);
        people.persons(line, offset, tokens, out);
        people.bylines(line, offset, out);
        people.hanlpNames(line, offset, tokens, out);
        dropKindsListedWithKinds(line, offset, out);
        dropInsideSetPhrases(line, offset, out);
        return out;
    }

    /**
     * A set phrase (entities.tsv blocked) is read as a whole: a candidate inside it or reaching into it from outside is
     * no name. HanLP's person 林田湖 in 山水林田湖草沙 (dali budget report; hebei, heilongjiang, xinjiang work reports), the
     * suffix 中心 in 财政中心工作 / 市政府中心工作 (zhongshan finance summary, yuxi budget report) and in 省域副中心城市
     * (henan work report, zhanjiang budget report). A candidate that holds the whole phrase stays.
     */
    void dropInsideSetPhrases(String line, int offset, List<Candidate> out) {
        for (String phrase : rules.blocked) {
            for (int i = line.indexOf(phrase); i >= 0; i = line.indexOf(phrase, i + 1)) {
                int a = offset + i, b = a + phrase.length();
                out.removeIf(c -> c.start() < b && a < c.end() && !(c.start() <= a && c.end() >= b));
            }
        }
    }

    /**
     * 制造业研发中心、产业“双创”研究院、学科技术研发中心、重点实验室等: a 、-list with a common noun among its items (重点实验室)
     * lists kinds of things, so its other items are kinds too, not names.
     */
    void dropKindsListedWithKinds(String line, int offset, List<Candidate> out) {
        int clauseStart = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i < line.length() && "，。；：,;:！？".indexOf(line.charAt(i)) < 0) continue;
            String clause = line.substring(clauseStart, i);
            if (clause.contains("、")) {
                boolean kinds = false;
                for (String item : clause.split("、")) {
                    String it = item.strip();
                    int deng = it.indexOf('等');
                    if (deng > 0) it = it.substring(0, deng);
                    if (rules.generics.contains(it)) { kinds = true; break; }
                }
                if (kinds) {
                    final int from = offset + clauseStart, to = offset + i;
                    out.removeIf(c -> c.start() >= from && c.end() <= to && !c.type().equals("PLACE")
                            && !c.type().equals("PERSON") && c.priority() >= QUOTED && c.priority() != PERSON
                            && isListItem(line, c.start() - offset, c.end() - offset));
                }
            }
            clauseStart = i + 1;
        }
    }

    private static boolean isListItem(String line, int start, int end) {
        boolean before = start == 0 || "、，。；：,".indexOf(line.charAt(start - 1)) >= 0;
        boolean after = end >= line.length() || "、等".indexOf(line.charAt(end)) >= 0;
        return before && after;
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
        // a quoted slogan of two or three comma parts named by the class word after it (entities.tsv program_cue_after):
        // 按照“县级主体，市级帮扶”原则 (atlas panjin budget report), “这么近，那么美，周末到河北”品牌 (hebei work report)
        if (line.indexOf('，') >= 0) {
            Matcher c = QUOTED_CLAUSES_RE.matcher(line);
            while (c.find()) {
                if (followedBy(line, c.end(), rules.programCuesAfter)) {
                    out.add(new Candidate(offset + c.start(1), offset + c.end(1), "PROGRAM", null, "entities:quoted_term",
                            QUOTED, null));
                }
            }
        }
        Matcher m = QUOTED_RE.matcher(line);
        while (m.find()) {
            String inner = m.group(1);
            if (inner.contains("的") || inner.chars().allMatch(Character::isDigit)) continue;
            int tailEnd = bounds.suffixEndAfter(line, m.end(), tokens);
            if (tailEnd > m.end()) {
                EntityRules.Suffix suf = bounds.suffixEndingAt(line, tailEnd);
                // an organisation may have more name before the quote (中国—塔吉克斯坦“一带一路”联合实验室)
                int start = suf.type().equals("ORG") ? bounds.extendLeft(line, m.start(), suf.type(), tokens) : m.start();
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
            String type = k != null ? k.type() : bounds.typeByEnding(inner);
            // a quoted phrase is often just emphasis (“小巨人”, “走出去”): keep it only when it looks like a name
            if (rules.generics.contains(inner)) continue;
            // 实施“…”, 推行“…”模式, “…”建设: a quoted term an action is taken on is a programme
            // …but not the first of a contrasted pair: 坚持“国家所需”与“浙江所能”相衔接、“硬投资”与“软建设”相结合 (zhejiang work
            // report), “探照灯”与“助推器” (atlas zhongshan), “抓改革”和“强管理” (atlas zhanjiang)
            boolean pair = PAIR_AFTER.matcher(line).region(m.end(), line.length()).lookingAt();
            boolean cued = !pair && rules.programCuesBefore.stream().anyMatch(c -> line.startsWith(c, m.start() - c.length())
                    && m.start() >= c.length()) || followedBy(line, endOfQuotedChain(line, m.end()), rules.programCuesAfter);
            if (k == null && type == null && !rules.isQuotedProgram(inner) && !cued) continue;
            if (type == null) type = "PROGRAM";
            out.add(new Candidate(offset + m.start(1), offset + m.end(1), type, k == null ? null : k.canonical(),
                    "entities:quoted_term", QUOTED, null));
        }
    }

    /** Known names (agencies, programmes, industries) and places from the gazetteer: longest match at each position. */
    void known(String line, int offset, List<Hanlp.Token> tokens, List<Candidate> out) {
        boolean[] blocked = blockedChars(line);
        for (int i = 0; i < line.length(); i++) {
            if (blocked[i]) continue;
            List<EntityRules.Known> ks = rules.knownByFirstChar.get(line.charAt(i));
            if (ks == null) continue;
            for (EntityRules.Known k : ks) {
                if (line.startsWith(k.text(), i) && asciiWordBoundary(line, i, i + k.text().length())) {
                    int end = i + k.text().length();
                    // a place name must end where a word ends: 中国 in 中国式现代化 is not the country
                    // (河南省 before 政府工作报告 may end inside HanLP's word 省政府: an official ending is a word end)
                    if (k.type().equals("PLACE") && !endsLikeAPlace(k.text()) && !tokens.isEmpty()
                            && !Hanlp.endsAt(tokens, end)) {
                        continue;
                    }
                    // 新能源汽车产量 is a product's output, 财政部门 is not 财政部
                    if (followedBy(line, end, rules.notAfter.getOrDefault(k.type(), List.of()))) break;
                    // 新能源汽车、家用电器零售额: a list of products before a statistic names products, not industries
                    if (k.type().equals("INDUSTRY") && listEndsWith(line, end, rules.notAfter.getOrDefault("INDUSTRY", List.of()))) break;
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

    /** 河南省, 昌吉回族自治州: a name of three characters or more with an official ending (entities.tsv official_ending). */
    private boolean endsLikeAPlace(String name) {
        if (name.length() < 3) return false;
        for (String ending : rules.officialEndings) if (name.endsWith(ending)) return true;
        return false;
    }

    private boolean[] blockedChars(String line) {
        boolean[] b = new boolean[line.length()];
        for (String phrase : rules.blocked) {
            for (int i = line.indexOf(phrase); i >= 0; i = line.indexOf(phrase, i + 1)) {
                java.util.Arrays.fill(b, i, i + phrase.length(), true);
            }
        }
        return b;
    }

    /** True when the 、/和-list that goes on after {@code end} (within its clause) ends in one of {@code words}. */
    private static boolean listEndsWith(String line, int end, List<String> words) {
        for (int j = end; j < line.length() && j - end < 16; j++) {
            if (followedBy(line, j, words)) return j == end || line.substring(end, j).matches(".*[、和].*");
            char c = line.charAt(j);
            if (!isNameChar(c) && c != '、') return false;
        }
        return false;
    }

    private static final Pattern NEXT_QUOTED = Pattern.compile("、?“[^“”，。；\\n]{1,16}”");

    /**
     * Where a chain of quoted terms that shares the words after it ends: “万企兴万村”、“民营企业进边疆”行动 (guangxi),
     * “人工智能+”“数据要素×”行动 (hebei), “浙里来消费”“浙夜好生活”等系列活动 (zhejiang work reports); 等 and 系列
     * after the chain are skipped too.
     */
    private static int endOfQuotedChain(String line, int end) {
        Matcher next = NEXT_QUOTED.matcher(line);
        while (next.region(end, line.length()).lookingAt()) end = next.end();
        if (line.startsWith("等", end)) end++;
        if (line.startsWith("系列", end)) end += 2;
        return end;
    }

    private static boolean followedBy(String line, int end, List<String> words) {
        for (String w : words) if (line.startsWith(w, end)) return true;
        return false;
    }

    /**
     * A document's own title at the start of a line: 关于普洱市2025年…预算草案的报告（摘要）. The endings (报告, 意见,
     * 通知 …) are in entities.tsv; a title ends where its ending is followed by the end of the line, a bracket or a
     * space, so 关于…的报告 inside a sentence is not taken.
     */
    void titleDocs(String line, int offset, List<Candidate> out) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) i++;
        if (!line.startsWith("关于", i)) return;
        for (int j = i + 4; j <= Math.min(line.length(), i + 90); j++) {
            char c = line.charAt(j - 1);
            if ("，。；：:“”《》".indexOf(c) >= 0) return;
            boolean boundary = j == line.length() || "（(—- 　".indexOf(line.charAt(j)) >= 0;
            if (!boundary) continue;
            for (String ending : rules.docEndings) {
                if (line.startsWith(ending, j - ending.length())) {
                    out.add(new Candidate(offset + i, offset + j, "DOC", null, "entities:title_doc", RULE, null));
                    return;
                }
            }
        }
    }

    /** 特点及主导产业: what follows the connector is a common noun, so the words before it are no part of a name. */
    private boolean genericAfterConnector(String name, String type) {
        for (String c : rules.innerByType.getOrDefault(type, java.util.Set.of())) {
            int k = name.lastIndexOf(c);
            if (k > 0 && rules.generics.contains(name.substring(k + c.length()))) return true;
        }
        return false;
    }

    /** Name shapes from entities.tsv (pattern rows): 十大产业集群, “7+28+N”产业链群; with a group, the group's span. */
    void shapes(String line, int offset, List<Candidate> out) {
        for (EntityRules.Shape shape : rules.shapes) {
            if (!shape.required().mayMatch(line)) continue; // it holds none of what every match holds
            com.google.re2j.Matcher m = shape.pattern().matcher(line);
            while (m.find()) {
                // a pattern with a group names only what the group holds (the name after a title: 省长 梁惠玲)
                int g = m.groupCount() > 0 && m.start(1) >= 0 ? 1 : 0;
                if (m.end(g) > m.start(g)) {
                    out.add(new Candidate(offset + m.start(g), offset + m.end(g), shape.type(), null, "entities:pattern", RULE, null));
                }
            }
        }
    }

    /** 乌-昌-石: each character the first of a place in the gazetteer. */
    void cityGroups(String line, int offset, List<Candidate> out) {
        Matcher m = CITY_GROUP_RE.matcher(line);
        while (m.find()) {
            boolean all = true;
            for (String ch : m.group().split("-")) all &= rules.placeInitials.contains(ch.charAt(0));
            if (all) out.add(new Candidate(offset + m.start(), offset + m.end(), "PLACE", null, "entities:city_group", RULE, null));
        }
    }

    /**
     * A name ending (…高新区, …实验室, …产业集群) plus the name characters before it, extended left until punctuation,
     * a digit or a stop word (a verb or function word), so 支持丝绸之路经济带创新驱动发展试验区 gives the 试验区 name.
     */
    void suffixed(String line, int offset, List<Hanlp.Token> tokens, List<Candidate> out) {
        for (int p = 0; p < line.length(); p++) {
            // only the suffixes that start with this character, in the list's order (the same first match as a scan)
            for (EntityRules.Suffix suf : rules.suffixesStartingWith(line.charAt(p))) {
                if (suf.quotedOnly() || !line.startsWith(suf.text(), p)) continue;
                int end = p + suf.text().length();
                // 新区 inside 高新区: the longer ending that holds this one decides (else 我区高新区 passes as 我区高 + 新区)
                if (rules.suffixes.stream().anyMatch(o -> o.text().length() > suf.text().length() && o.text().endsWith(suf.text())
                        && end >= o.text().length() && line.startsWith(o.text(), end - o.text().length()))) break;
                // 战略性 is not 战略: a suffix must end where a word ends
                if (!tokens.isEmpty() && !Hanlp.endsAt(tokens, end)) break;
                // 专项 in 专项收入, a budget line, not a programme
                if (followedBy(line, end, rules.notAfter.getOrDefault(suf.type(), List.of()))) break;
                int extended = bounds.extendLeft(line, p, suf.type(), tokens);
                // 交投集团、产投集团 in a list: a company's short name HanLP reads as verbs is a name too
                if (p - extended < 2 && suf.type().equals("ORG") && rules.orgCuesAfter.contains(suf.text())) {
                    int abbr = abbreviationStart(line, p, end, tokens);
                    if (abbr < p && !rules.generics.contains(line.substring(abbr, end))) {
                        out.add(new Candidate(offset + abbr, offset + end, suf.type(), null, "entities:suffix", RULE, null));
                        break;
                    }
                }
                // 新质生产力产业 is a class of industries even before its first words are trimmed
                if (rules.isOnlyModifiers(line.substring(extended, p), suf.type())) break;
                int start = bounds.trimLeadingWords(tokens, extended, p, line);
                if (suf.type().equals("INDUSTRY")) start = bounds.skipLeadingModifiers(line, start, p, tokens);
                // 省科学院, 市委党校: a level of the document's own region before an ORG ending is a name too
                int minPrefix = suf.type().equals("INDUSTRY") || (suf.type().equals("ORG") && p - start == 1
                        && "省市县".indexOf(line.charAt(start)) >= 0) ? 1 : 2;
                // a one-character industry is a noun (铝产业, 马产业), not 好 in 发挥好产业
                final int suffixStart = p;
                boolean nounPrefix = p - start != 1 || tokens.isEmpty() || tokens.stream().anyMatch(
                        t -> t.end() == suffixStart && t.word().length() == 1 && t.nature().startsWith("n"));
                if (p - start >= minPrefix && nounPrefix) {
                    String name = line.substring(start, end);
                    if (!rules.generics.contains(name) && !rules.isCategory(name) && !genericAfterConnector(name, suf.type())
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
     * Start of a company's short name before 集团 or 公司 (entities.tsv org_cue_after) in a 、-list, where HanLP reads the
     * name as verbs: single characters (产投 as 产 + 投 before 集团、森工集团等) or one word right after the list mark (、交投
     * 集团、). Examples: 吉能集团、交投集团 and 产投集团、森工集团等 (jilin work report), 城发集团4900万元、国投集团2600万元
     * (huangshi budget report). {@code p} when there is none: two to four characters, and a list mark before or after.
     */
    private int abbreviationStart(String line, int p, int end, List<Hanlp.Token> tokens) {
        if (tokens.isEmpty()) return p;
        int j = p;
        while (j > 0 && p - j < 4) {
            Hanlp.Token t = Hanlp.tokenEndingAt(tokens, j);
            if (t == null || !t.word().chars().allMatch(c -> isNameChar((char) c))
                    || (NameBounds.endsName(t) && !t.isVerb()) || rules.stops.contains(t.word())) break;
            if (t.word().length() == 1) { j = t.start(); continue; }
            if (j == p && t.start() > 0 && line.charAt(t.start() - 1) == '、' && t.word().length() <= 4) j = t.start();
            break;
        }
        boolean listed = (j > 0 && line.charAt(j - 1) == '、') || (end < line.length() && "、等".indexOf(line.charAt(end)) >= 0);
        return p - j >= 2 && p - j <= 4 && listed ? j : p;
    }

    /**
     * A name with a quoted-only ending (…工程) stands unquoted right after a programme cue (entities.tsv
     * program_cue_before: 实施, 开展 …, perhaps with 好): 实施A级旅游景区提升工程 (heilongjiang), 实施粮食产能提升工程
     * (henan), 实施医疗卫生强基工程 (hebei, guangxi, heilongjiang work reports; haikou, zhanjiang budget reports),
     * 实施好新时代系列艺术创作工程 (guangxi). A count before the name makes it a number of projects, not a name
     * (实施20项民生工程 hebei, 实施十大为民办实事工程 guangxi, 实施4项水系连通工程 binzhou).
     */
    void cuedQuotedOnlyNames(String line, int offset, List<Candidate> out) {
        for (EntityRules.Suffix suf : rules.suffixes) {
            if (!suf.quotedOnly()) continue;
            for (int p = line.indexOf(suf.text()); p >= 0; p = line.indexOf(suf.text(), p + 1)) {
                int start = p;
                while (start > 0 && p - start < 16 && (isNameChar(line.charAt(start - 1))
                        || (line.charAt(start - 1) < 128 && Character.isLetter(line.charAt(start - 1))))) {
                    start--;
                    if (cuedBefore(line, start)) break;
                }
                if (!cuedBefore(line, start)) continue;
                if (line.startsWith("好", start)) start++;
                String name = line.substring(start, p);
                if (name.length() < 2 || COUNT_FIRST.matcher(name).lookingAt()) continue;
                String whole = line.substring(start, p + suf.text().length());
                if (rules.generics.contains(whole) || rules.isOnlyModifiers(name, suf.type())) continue;
                out.add(new Candidate(offset + start, offset + p + suf.text().length(), suf.type(), null,
                        "entities:cued_name", RULE, null));
            }
        }
    }

    private static final Pattern COUNT_FIRST = Pattern.compile("[0-9一二三四五六七八九十百两]+[项个大条批类]?");

    /** True when a programme cue (entities.tsv program_cue_before: 实施, 开展 …), perhaps with 好, ends at {@code at}. */
    private boolean cuedBefore(String line, int at) {
        int k = line.startsWith("好", at - 1) ? at - 1 : at;
        for (String c : rules.programCuesBefore) {
            if (k >= c.length() && line.startsWith(c, k - c.length())) return true;
            // a cue that ends in 好 itself (抓好)
            if (at >= c.length() && line.startsWith(c, at - c.length())) return true;
        }
        return false;
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

}
