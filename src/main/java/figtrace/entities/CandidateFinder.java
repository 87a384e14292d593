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

    static final int BOOK_TITLE = 0, QUOTED = 1, RULE = 2, PERSON = 3, HANLP_NAME = 4;
    private static final int MAX_NAME = 26;

    private static final Pattern BOOK_TITLE_RE = Pattern.compile("《[^《》\\n]{1,120}》");
    /** A document number right after a title: （工信部规〔2024〕169号） */
    private static final Pattern DOC_NUMBER_RE = Pattern.compile("^[（(]([^（）()]{0,20}〔\\d{4}〕\\d+号)[）)]");
    private static final Pattern ORDINAL_BEFORE = Pattern.compile("第?[一二三四五六七八九十百零0-9]+[次届]$");
    private static final Pattern ORDINAL_AT = Pattern.compile("^第?[一二三四五六七八九十百零0-9]+[次届]");
    private static final Pattern QUOTED_RE = Pattern.compile("[“‘]([^“”‘’，。；、,;\\n]{1,16})[”’]");
    /** A quoted list of slogans: “一县一策、一企一策、一债一方案”. */
    private static final Pattern QUOTED_LIST_RE = Pattern.compile("“([^“”，。；\\n]{3,40}、[^“”，。；\\n]{1,40})”");
    /** Items of a 、-list of short names followed by 等: 锂电、光伏、氢能、新型储能等. */
    private static final Pattern LIST_RE = Pattern.compile("((?:[\\p{IsHan}]{2,10}、)+[\\p{IsHan}]{2,10})(?:和[\\p{IsHan}]{2,10})?等");
    /** A count after 等 in a list: 等4个, 等518个, 等5个以上, 等一批. */
    private static final String LIST_COUNT = "(?:(?:\\d+|[一二三四五六七八九十百]+)个(?:以上)?|一批)";
    /** One name before 等 and a count: 做精做优食用菌等7个优势特色产业, 安全应急装备等4个共建产业集群. */
    private static final Pattern SINGLE_LIST_RE = Pattern.compile("(?<![\\p{IsHan}、])([\\p{IsHan}]{2,12})等" + LIST_COUNT);
    /**
     * The named projects of a list: 乌拉哈达、娄里、青山水库等重大水利工程启动建设, 推动明阳电氢醇一体化等项目开工,
     * 五星抽水蓄能电站等518个项目. Items run to 等, then an optional count and up to eight words of kind (重大水利, 装备制造)
     * before 工程 or 项目.
     */
    private static final Pattern PROJECT_LIST_RE = Pattern.compile(
            "((?:[\\p{IsHan}A-Za-z0-9（）()]{2,18}、)*[\\p{IsHan}A-Za-z0-9（）()]{2,18})等" + LIST_COUNT
                    + "?[\\p{IsHan}]{0,8}?(?:工程|项目)");
    /** A city group written with one character a city: 乌-昌-石, 呼-包-鄂. */
    private static final Pattern CITY_GROUP_RE = Pattern.compile("(?<![\\p{IsHan}-])\\p{IsHan}(?:-\\p{IsHan}){2,}(?![\\p{IsHan}-])");

    private final EntityRules rules;

    CandidateFinder(EntityRules rules) { this.rules = rules; }

    List<Candidate> find(String line, int offset) {
        List<Hanlp.Token> tokens = Hanlp.tokens(line);
        List<Candidate> out = new ArrayList<>();
        bookTitles(line, offset, out);
        titleDocs(line, offset, out);
        quoted(line, offset, tokens, out);
        quotedLists(line, offset, out);
        known(line, offset, tokens, out);
        suffixed(line, offset, tokens, out);
        industryLists(line, offset, tokens, out);
        projectLists(line, offset, tokens, out);
        shapes(line, offset, out);
        cityGroups(line, offset, out);
        persons(line, offset, tokens, out);
        bylines(line, offset, out);
        hanlpNames(line, offset, tokens, out);
        dropKindsListedWithKinds(line, offset, out);
        return out;
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
            // 实施“…”, 推行“…”模式, “…”建设: a quoted term an action is taken on is a programme
            boolean cued = rules.programCuesBefore.stream().anyMatch(c -> line.startsWith(c, m.start() - c.length())
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
                            && tokens.stream().noneMatch(t -> t.end() == end)) {
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

    private static boolean endsLikeAPlace(String name) {
        return name.length() >= 3 && (name.endsWith("省") || name.endsWith("市") || name.endsWith("县")
                || name.endsWith("自治区") || name.endsWith("自治州") || name.endsWith("地区"));
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

    /** “一县一策、一企一策、一债一方案”: each item of a quoted list that has a slogan's shape is a programme. */
    void quotedLists(String line, int offset, List<Candidate> out) {
        Matcher m = QUOTED_LIST_RE.matcher(line);
        while (m.find()) {
            int at = m.start(1);
            for (String item : m.group(1).split("、", -1)) {
                if (rules.isQuotedProgram(item) && !rules.generics.contains(item)) {
                    out.add(new Candidate(offset + at, offset + at + item.length(), "PROGRAM", null,
                            "entities:quoted_list", QUOTED, null));
                }
                at += item.length() + 1;
            }
        }
    }

    /**
     * The industries of a list: 在先进材料、量子科技、人工智能等领域, 发展锂电、光伏、氢能、新型储能等产业. A list ending in
     * 等产业/行业/赛道 (entities.tsv list_tail) names industries; one ending in 等领域 only after a cue such as 在 or 聚焦
     * (教育、社保等重点民生领域 is not a list of industries). Each item is one INDUSTRY unless it is a common noun.
     */
    void industryLists(String line, int offset, List<Hanlp.Token> tokens, List<Candidate> out) {
        listsBefore(LIST_RE.matcher(line), line, offset, tokens, out);
        // a single name with a count: 做精做优食用菌等7个优势特色产业
        listsBefore(SINGLE_LIST_RE.matcher(line), line, offset, tokens, out);
    }

    private void listsBefore(Matcher m, String line, int offset, List<Hanlp.Token> tokens, List<Candidate> out) {
        while (m.find()) {
            int deng = line.indexOf('等', m.start(1) + m.group(1).length());
            Boolean needsCue = listTailAfter(line, deng + 1);
            if (needsCue == null) continue;
            String list = line.substring(m.start(), deng);
            int listStart = m.start();
            // the list's first item may carry the verb or cue before it (发展锂电): cut at the last cue word
            int comma = list.indexOf('、');
            String first = comma < 0 ? list : list.substring(0, comma);
            int cueEnd = -1;
            for (String cue : rules.listCues) {
                int k = first.lastIndexOf(cue);
                if (k >= 0 && k + cue.length() > cueEnd && k + cue.length() <= first.length() - 2) cueEnd = k + cue.length();
                if (line.startsWith(cue, listStart - cue.length())) cueEnd = Math.max(cueEnd, 0);
            }
            if (needsCue && cueEnd < 0) continue;
            int at = listStart + Math.max(cueEnd, 0);
            // 做精做优食用菌, 重点支持生物医药: the verbs before the first name are no part of it
            if (cueEnd < 0) at = afterLeadingVerbs(line, at, at + first.length(), tokens);
            for (String item : line.substring(at, deng).split("[、和]", -1)) {
                int start = at;
                at += item.length() + 1;
                if (item.length() < 2 || item.length() > 12 || rules.generics.contains(item) || rules.isCategory(item)
                        || rules.isOnlyModifiers(item, "INDUSTRY")) continue;
                out.add(new Candidate(offset + start, offset + start + item.length(), "INDUSTRY", null,
                        "entities:industry_list", RULE, null));
            }
        }
    }

    /**
     * What follows 等 after a list of industries, with an optional count and up to four words of kind before it
     * (等4个共建产业集群, 等7个优势特色产业): null when it is no industry tail, else whether it needs a cue (等领域).
     */
    private Boolean listTailAfter(String line, int from) {
        Matcher count = Pattern.compile(LIST_COUNT).matcher(line).region(from, line.length());
        boolean counted = count.lookingAt();
        int at = counted ? count.end() : from;
        for (int skip = 0; skip <= (counted ? 4 : 0) && at + skip <= line.length(); skip++) {
            if (skip > 0 && !isNameChar(line.charAt(at + skip - 1))) break;
            for (var tail : rules.listTails.entrySet()) {
                if (line.startsWith(tail.getKey(), at + skip)) return tail.getValue();
            }
        }
        return null;
    }

    /**
     * Named projects in a list before 等…工程/项目 (see PROJECT_LIST_RE). An item is a project's name only when it holds
     * a proper part (a place, a company, a person's name), a digit or a Latin letter (三期, 750千伏): 交通、水利等重大项目
     * lists sectors, not projects.
     */
    void projectLists(String line, int offset, List<Hanlp.Token> tokens, List<Candidate> out) {
        Matcher m = PROJECT_LIST_RE.matcher(line);
        while (m.find()) {
            int at = m.start(1);
            String first = m.group(1).split("、", -1)[0];
            at = afterLeadingVerbs(line, at, at + first.length(), tokens);
            int end = m.end(1);
            String[] items = line.substring(at, end).split("、", -1);
            // most items named (娄里, 青山水库): the list names projects, so an item HanLP reads as common words
            // (乌拉哈达) is one too
            long named = java.util.Arrays.stream(items).filter(this::namesAProject).count();
            boolean allNamed = named * 2 > items.length;
            for (String item : items) {
                int start = at;
                at += item.length() + 1;
                if (item.length() < 2 || rules.generics.contains(item) || rules.isCategory(item)) continue;
                if (rules.known.containsKey(item) || !(allNamed || namesAProject(item))) continue;
                out.add(new Candidate(offset + start, offset + start + item.length(), "PROGRAM", null,
                        "entities:project_list", RULE, null));
            }
        }
    }

    /**
     * Where the first item of a list starts once the verbs before it are cut off (推进轨道交通7号线 → 轨道交通7号线,
     * 建设白龙核电一期 → 白龙核电一期): after the last stop word (verbs, function words of entities.tsv) that leaves at least
     * two characters, then HanLP's leading verbs.
     */
    private int afterLeadingVerbs(String line, int from, int to, List<Hanlp.Token> tokens) {
        int at = from;
        for (int k = from; k < to - 2; k++) {
            int n = rules.stopStartingAt(line, k);
            if (n > 0 && k + n <= to - 2) at = Math.max(at, k + n);
        }
        return tokens.isEmpty() ? at : trimLeadingWords(tokens, at, to - 1, line);
    }

    /** A project's name: a proper part, or a name ending of a project or body after two characters (青山水库). */
    private boolean namesAProject(String item) {
        if (namesSomething(item)) return true;
        for (EntityRules.Suffix suf : rules.suffixes) {
            if (!suf.quotedOnly() && !suf.type().equals("INDUSTRY") && item.endsWith(suf.text())
                    && item.length() - suf.text().length() >= 2) return true;
        }
        return false;
    }

    /** A proper part (HanLP person, place, organisation or other proper noun, an abbreviation), a digit or a letter. */
    private boolean namesSomething(String item) {
        if (item.chars().anyMatch(c -> c < 128 && Character.isLetterOrDigit(c))) return true;
        List<Hanlp.Token> inner = Hanlp.tokens(item);
        for (Hanlp.Token t : inner) {
            String n = t.nature();
            if (n.startsWith("nr") || n.startsWith("ns") || n.startsWith("nt") || n.startsWith("nz") || n.startsWith("nx")
                    || n.equals("j") || (n.startsWith("m") && t.end() == item.length() && item.endsWith("期"))) return true;
        }
        return false;
    }

    /** 特点及主导产业: what follows the connector is a common noun, so the words before it are no part of a name. */
    private boolean genericAfterConnector(String name, String type) {
        for (String c : rules.innerByType.getOrDefault(type, java.util.Set.of())) {
            int k = name.lastIndexOf(c);
            if (k > 0 && rules.generics.contains(name.substring(k + c.length()))) return true;
        }
        return false;
    }

    /** Name shapes from entities.tsv (pattern rows): 十大产业集群, “7+28+N”产业链群. */
    void shapes(String line, int offset, List<Candidate> out) {
        for (EntityRules.Shape shape : rules.shapes) {
            com.google.re2j.Matcher m = shape.pattern().matcher(line);
            while (m.find()) {
                if (m.end() > m.start()) {
                    out.add(new Candidate(offset + m.start(), offset + m.end(), shape.type(), null, "entities:pattern", RULE, null));
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
     * People named in a byline: 编辑:韩佳 张兴红, 记者 王斌、韩显明报道. The labels are in entities.tsv; each name starts
     * with a common surname and has two to four characters.
     */
    void bylines(String line, int offset, List<Candidate> out) {
        for (String label : rules.bylines) {
            for (int i = line.indexOf(label); i >= 0; i = line.indexOf(label, i + 1)) {
                // a label stands at the start of the line or after punctuation or a space, not inside a word
                if (i > 0 && CandidateFinder.isNameChar(line.charAt(i - 1))) continue;
                int j = i + label.length();
                while (j < line.length() && ":：| 　\t".indexOf(line.charAt(j)) >= 0) j++;
                while (j < line.length()) {
                    int k = j;
                    while (k < line.length() && isNameChar(line.charAt(k)) && k - j < 5) k++;
                    String name = line.substring(j, k);
                    for (String tail : new String[] {"报道", "摄影", "摄", "通讯员"}) {
                        if (name.endsWith(tail)) name = name.substring(0, name.length() - tail.length());
                    }
                    if (name.length() < 2 || name.length() > 4 || rules.surnames.indexOf(name.charAt(0)) < 0) break;
                    out.add(new Candidate(offset + j, offset + j + name.length(), "PERSON", null, "entities:byline", RULE, null));
                    j += name.length();
                    if (j >= line.length() || " 　、，,".indexOf(line.charAt(j)) < 0) break;
                    while (j < line.length() && " 　、，,".indexOf(line.charAt(j)) >= 0) j++;
                }
            }
        }
    }

    /**
     * HanLP's own place and organisation recognisers. A place (ns) the gazetteer doesn't know counts when it ends like
     * a place (…县, …国); an organisation (nt: 金风科技, 塔里木油田, 河南省人民政府) counts when it stands in a 、-list of
     * names or before 等/公司/集团, or ends with an organisation suffix, and holds no verb or title (HanLP glues those:
     * 省长王凯作政府, 工程建成投运). These lose every overlap to our own rules.
     */
    void hanlpNames(String line, int offset, List<Hanlp.Token> baseTokens, List<Candidate> out) {
        List<Hanlp.Token> tokens = Hanlp.nameTokens(line);
        for (int n = 0; n < tokens.size(); n++) {
            Hanlp.Token t = tokens.get(n);
            String w = t.word();
            if (w.length() < 3 || w.length() > 20 || !w.chars().allMatch(c -> isNameChar((char) c))) continue;
            if (rules.generics.contains(w) || rules.isCategory(w) || rules.stops.contains(w)) continue;
            if (t.nature().startsWith("ns")) {
                if (rules.known.containsKey(w) || rules.placeEndings.stream().noneMatch(w::endsWith)) continue;
                out.add(new Candidate(offset + t.start(), offset + t.end(), "PLACE", null, "entities:hanlp_place", HANLP_NAME, null));
            } else if (t.nature().startsWith("nt")) {
                String before = n > 0 ? tokens.get(n - 1).word() : "", after = n + 1 < tokens.size() ? tokens.get(n + 1).word() : "";
                boolean listed = before.equals("、") || after.equals("、") || after.equals("等") || after.equals("公司")
                        || after.equals("集团");
                boolean suffixed = rules.suffixes.stream().anyMatch(s -> s.type().equals("ORG") && w.endsWith(s.text()));
                if (!listed && !suffixed) continue;
                // 州市高新技术企业: a class of bodies, not one
                if (rules.classEndings.stream().anyMatch(w::endsWith)) continue;
                if (!cleanName(w)) continue;
                out.add(new Candidate(offset + t.start(), offset + t.end(), "ORG", null, "entities:hanlp_org", HANLP_NAME, null));
            }
        }
    }

    /** No verb, title, number or function word inside, no modifier-only start: a name, not a phrase HanLP glued. */
    private boolean cleanName(String w) {
        List<Hanlp.Token> inner = Hanlp.tokens(w);
        if (inner.isEmpty()) return false;
        for (Hanlp.Token t : inner) {
            if (rules.keeps.contains(t.word())) continue;
            String nat = t.nature();
            if (t.isVerb() || nat.startsWith("nnt") || nat.startsWith("m") || nat.startsWith("p") || nat.startsWith("u")
                    || nat.startsWith("c") || nat.startsWith("d") || nat.startsWith("r") || nat.startsWith("f")) return false;
            if (rules.stops.contains(t.word()) || rules.titles.contains(t.word())) return false;
        }
        // 产业创新研究院, 示范基地: common nouns only; a company or body has a proper part (金风, 塔里木, 特变电工)
        boolean proper = inner.stream().map(Hanlp.Token::nature).anyMatch(n -> n.startsWith("nr") || n.startsWith("ns")
                || n.startsWith("nz") || n.startsWith("nx") || n.equals("j") || n.equals("nt"));
        if (!proper) return false;
        // 大型资源基地: a name made of qualifiers and a kind is a class of things
        return !rules.isOnlyModifiers(w, "ORG") && !inner.get(0).nature().equals("b");
    }

    /**
     * A name ending (…高新区, …实验室, …产业集群) plus the name characters before it, extended left until punctuation,
     * a digit or a stop word (a verb or function word), so 支持丝绸之路经济带创新驱动发展试验区 gives the 试验区 name.
     */
    void suffixed(String line, int offset, List<Hanlp.Token> tokens, List<Candidate> out) {
        for (int p = 0; p < line.length(); p++) {
            for (EntityRules.Suffix suf : rules.suffixes) {
                if (suf.quotedOnly() || !line.startsWith(suf.text(), p)) continue;
                int end = p + suf.text().length();
                // 新区 inside 高新区: the longer ending that holds this one decides (else 我区高新区 passes as 我区高 + 新区)
                if (rules.suffixes.stream().anyMatch(o -> o.text().length() > suf.text().length() && o.text().endsWith(suf.text())
                        && end >= o.text().length() && line.startsWith(o.text(), end - o.text().length()))) break;
                // 战略性 is not 战略: a suffix must end where a word ends
                if (!tokens.isEmpty() && tokens.stream().noneMatch(t -> t.end() == end)) break;
                // 专项 in 专项收入, a budget line, not a programme
                if (followedBy(line, end, rules.notAfter.getOrDefault(suf.type(), List.of()))) break;
                int extended = extendLeft(line, p, suf.type(), tokens);
                // 新质生产力产业 is a class of industries even before its first words are trimmed
                if (rules.isOnlyModifiers(line.substring(extended, p), suf.type())) break;
                int start = trimLeadingWords(tokens, extended, p, line);
                if (suf.type().equals("INDUSTRY")) start = skipLeadingModifiers(line, start, p, tokens);
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
            // 余万人: a count of people, not 余 + a given name
            if (name.endsWith("人") || "万亿千百十多余".indexOf(name.charAt(1)) >= 0
                    || (t.start() > 0 && Character.isDigit(line.charAt(t.start() - 1)))) continue;
            if (name.length() == 2 && !rules.startsWithTitle(line, t.end()) && !titleEndsAt(line, t.start())) continue;
            out.add(new Candidate(offset + t.start(), offset + t.end(), "PERSON", null, "entities:hanlp_person",
                    PERSON, null));
        }
    }

    private boolean titleEndsAt(String line, int at) {
        for (String t : rules.titles) if (at >= t.length() && line.startsWith(t, at - t.length())) return true;
        return false;
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
            // a place HanLP reads as a verb (大兴 in 北京大兴国际机场) is a name part
            EntityRules.Known place = rules.known.get(w);
            if (!tokens.isEmpty() && place != null && place.type().equals("PLACE") && w.length() >= 2) { i = from; continue; }
            // a keep word seen as a whole word stays in the name even when it is also a stop word (培育行动)
            if (!tokens.isEmpty() && rules.keeps.contains(w)) { i = from; continue; }
            if (!w.chars().allMatch(c -> isNameChar((char) c))) break;
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
                // 加力实施…计划: an intransitive verb or adverb before a verb goes with it
                Hanlp.Token next = tokenAt(tokens, t.end());
                boolean verbLike = t.isVerb() || rules.notFirst.contains(t.word())
                        || ((t.nature().equals("vi") || t.nature().startsWith("d")) && next != null && next.isVerb());
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
        boolean sawVerb = false;
        for (int j = from; j < line.length() && j - from < 14; j++) {
            char c = line.charAt(j);
            if (!isNameChar(c) && c != '·') break;
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
