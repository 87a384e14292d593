package figtrace.entities;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Entity candidates from lists: the industries of a list before 等产业/等领域 (锂电、光伏、氢能等产业), the named projects
 * before 等…工程/项目 (乌拉哈达、娄里、青山水库等重大水利工程) and the slogans of a quoted list (“一县一策、一企一策”).
 * Split out of {@link CandidateFinder}, which calls these rules with the others.
 */
final class ListCandidates {
    /** A quoted list of slogans: “一县一策、一企一策、一债一方案”. */
    private static final Pattern QUOTED_LIST_RE = Pattern.compile("“([^“”，。；\\n]{3,40}、[^“”，。；\\n]{1,40})”");
    /** Items of a 、-list of short names followed by 等: 锂电、光伏、氢能、新型储能等; up to 12 characters (金华台州丘陵山区农机装备, zhejiang). */
    private static final Pattern LIST_RE = Pattern.compile("((?:[\\p{IsHan}]{2,12}、)+[\\p{IsHan}]{2,12})(?:和[\\p{IsHan}]{2,10})?等");
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

    private final EntityRules rules;
    private final NameBounds bounds;

    ListCandidates(EntityRules rules, NameBounds bounds) {
        this.rules = rules;
        this.bounds = bounds;
    }

    /** “一县一策、一企一策、一债一方案”: each item of a quoted list that has a slogan's shape is a programme. */
    void quotedLists(String line, int offset, List<Candidate> out) {
        if (line.indexOf('、') < 0) return; // every match holds 、
        Matcher m = QUOTED_LIST_RE.matcher(line);
        while (m.find()) {
            int at = m.start(1);
            for (String item : m.group(1).split("、", -1)) {
                if (rules.isQuotedProgram(item) && !rules.generics.contains(item)) {
                    out.add(new Candidate(offset + at, offset + at + item.length(), "PROGRAM", null,
                            "entities:quoted_list", CandidateFinder.QUOTED, null));
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
        if (line.indexOf('等') < 0) return; // every list here ends in 等 (and the regex scan costs a backtracking run per character)
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
                        || rules.isOnlyModifiers(item, "INDUSTRY") || rules.namesWork(item)) continue;
                out.add(new Candidate(offset + start, offset + start + item.length(), "INDUSTRY", null,
                        "entities:industry_list", CandidateFinder.RULE, null));
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
            if (skip > 0 && !CandidateFinder.isNameChar(line.charAt(at + skip - 1))) break;
            for (var tail : rules.listTails.entrySet()) {
                if (line.startsWith(tail.getKey(), at + skip)) return tail.getValue();
            }
        }
        // without a count, industry qualifiers may stand before a cluster tail: 等国家先进制造业集群4个 (zhejiang work
        // report), 等优势先进制造业集群 (corpus 003), 等重点产业集群 (haikou budget report); not before 行业 (交通、食品、消防等
        // 传统行业 in the wuzhong budget report lists sectors)
        if (!counted) {
            int q = at;
            for (boolean moved = true; moved; ) {
                moved = false;
                for (String m : rules.industryQualifiersAt.allAt(line, q)) { q += m.length(); moved = true; break; }
            }
            if (q > at) {
                for (var tail : rules.listTails.entrySet()) {
                    if (tail.getKey().endsWith("集群") && line.startsWith(tail.getKey(), q)) return tail.getValue();
                }
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
        if (line.indexOf('等') < 0) return; // every match holds 等
        Matcher m = PROJECT_LIST_RE.matcher(line);
        while (m.find()) {
            int at = m.start(1);
            String first = m.group(1).split("、", -1)[0];
            at = afterLeadingVerbs(line, at, at + first.length(), tokens);
            // a project named with its own verbs (粮食产能提升灌溉工程等项目, heilongjiang) keeps them: only HanLP's leading
            // verbs are cut when cutting at stop words would leave a bare kind (灌溉工程)
            int firstEnd = m.start(1) + first.length();
            if (!tokens.isEmpty() && !namesAProject(line.substring(at, firstEnd)) && namesAProject(first)) {
                at = bounds.trimLeadingWords(tokens, m.start(1), firstEnd - 1, line);
            }
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
                        "entities:project_list", CandidateFinder.RULE, null));
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
        return tokens.isEmpty() ? at : bounds.trimLeadingWords(tokens, at, to - 1, line);
    }
    /** A project's name: a proper part, or a name ending of a project or body after two characters (青山水库). */
    private boolean namesAProject(String item) {
        if (namesSomething(item)) return true;
        // a quoted-only ending (工程) names a project in such a list after four characters: 粮食产能提升灌溉工程等项目
        // (heilongjiang), 管网提质增效工程等重点项目 (haikou), 前坪水库灌区工程等项目 (pingdingshan), 二级航道整治工程等项目
        // (zaozhuang); 供水工程 (changsha) names a kind
        for (EntityRules.Suffix suf : rules.suffixes) {
            if (!suf.type().equals("INDUSTRY") && item.endsWith(suf.text())
                    && item.length() - suf.text().length() >= (suf.quotedOnly() ? 4 : 2)) return true;
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
}
