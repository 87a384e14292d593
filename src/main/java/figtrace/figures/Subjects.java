package figtrace.figures;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the words before a figure into its subject: what is measured, as written, without the time, the place,
 * the verb and the connectives around it ("2024年R&D经费投入总量为" → "R&D经费投入总量").
 */
final class Subjects {
    private static final List<String> LEADING = List.of("由表", "据统计", "截至目前", "目前", "当前", "现有", "已有", "其中", "此外",
            "另外", "同时", "并且", "以及", "依次为", "分别为", "全年", "累计", "合计", "总计", "共有", "拥有", "其", "并",
            "及", "和", "与", "且", "而", "在", "对", "为", "是", "有", "、", "的", "\u201C", "\u201D", "\"", "-", "—");
    private static final List<String> TRAILING = List.of("同比分别增长", "同比分别下降", "分别增长", "分别下降", "同比增长",
            "同比下降", "同比增加", "同比减少", "分别为", "比重为", "占比为", "达到了", "较上年", "比上年", "较上一年度",
            "较上年同期", "同比", "达到", "共有", "已达", "分别", "增长", "增加", "下降", "减少", "提高", "降低", "上升",
            "突破", "超过", "实现", "完成", "累计", "总计", "合计", "仅有", "只有", "以上", "左右", "占比", "为", "达", "是",
            "有", "共", "约", "近", "超", "逾", "占", "了", "的", "至", "到", "从", "由", "仅", "只", "和", "及", "、", "(", "\u201C",
            "较同期", "同期", "共计", "中", "比上年同期", "比", "较", "居全国", "位居全国", "位列全国", "居全区", "居全省", "居", "位居", "位列", "排名", "排在");
    /** Verbs that take the figure as their object: the subject is then the noun after it (设立100亿元人才发展基金). */
    private static final List<String> TAKING_VERBS = List.of("设立", "推动", "带动", "用好", "安排", "投入", "发放", "争取",
            "筹集", "出资", "拨付", "下达", "形成", "涉及", "覆盖", "建成", "建设", "打造", "培育", "组建", "遴选", "支持",
            "举办", "开展", "引进", "吸引", "新建", "布局", "认定", "实施", "制定", "推进");
    /** Verbs that open a phrase about what was done to the measured thing: 建立产业创新研究院19家 measures 产业创新研究院. */
    private static final List<String> LEADING_VERBS = List.of("建立", "设立", "培育", "认定", "推荐", "遴选", "组建",
            "建成", "新建", "打造", "实施", "开展", "获得", "获批", "拥有", "举办", "引进", "吸引");
    private static final String EDGE_PUNCTUATION = "(（)）]】、，,;；:：。 \u201D\"'";
    private static final Pattern PARENTHESES = Pattern.compile("\\([^()]*\\)|（[^（）]*）|\\^?\\[[0-9,\\-]+]|【[^】]*】");
    private static final Pattern TABLE_REF = Pattern.compile("^由?表[0-9一二三四五六七八九十]+可知");
    private static final Pattern TIME_WORDS = Pattern.compile("(19|20)[0-9]{2}年?(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?(?:底|末|以来|度)?"
            + "|今年|(?<![比较同与])去年|(?<![比较同与])上年|本年|近年来|近年|截至|截止|上半年|下半年|前三季度|(?:第)?[一二三四]季度|全年"
            + "|[0-9]{1,2}[-—至~][0-9]{1,2}月");
    static final int MAX_LENGTH = 14;

    private Subjects() {}

    /**
     * @param before the text between the clause start (or the previous figure) and the figure
     * @param places place names to remove when they lead the phrase
     */
    static String clean(String before, List<String> places) {
        String s = PARENTHESES.matcher(before).replaceAll("");
        s = TABLE_REF.matcher(s).replaceAll("");
        s = TIME_WORDS.matcher(s).replaceAll("");
        s = s.replace(" ", "");
        // determiners carry no meaning of their own: 制定各类标准 measures 标准
        for (String d : List.of("各级各类", "各类", "各级", "各种")) s = s.replace(d, "");
        boolean changed = true;
        while (changed && !s.isEmpty()) {
            changed = false;
            for (String w : LEADING) {
                if (s.startsWith(w)) { s = s.substring(w.length()); changed = true; }
            }
            for (String p : places) {
                // 自治区级 and 国家级 are kinds of things, not places
                if (s.startsWith(p) && !s.startsWith(p + "级")) { s = s.substring(p.length()); changed = true; }
            }
            while (!s.isEmpty() && EDGE_PUNCTUATION.indexOf(s.charAt(0)) >= 0) { s = s.substring(1); changed = true; }
            for (String v : LEADING_VERBS) {
                if (s.startsWith(v) && s.length() - v.length() >= 3) { s = s.substring(v.length()); changed = true; }
            }
            while (!s.isEmpty() && "(（[【、，,\u201C".indexOf(s.charAt(s.length() - 1)) >= 0) {
                s = s.substring(0, s.length() - 1);
                changed = true;
            }
            for (String w : TRAILING) {
                if (s.endsWith(w)) { s = s.substring(0, s.length() - w.length()); changed = true; }
            }
        }
        // 比全疆各项贷款增速高(6.58个百分点): the subject is what is compared
        if (s.startsWith("比") && s.length() > 2 && "高低快慢多少".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(1, s.length() - 1);
        }
        // a place inside the phrase belongs in the region field (高于新疆固定资产投资增速); keep 自治区级, 国家级
        for (String p : places) {
            int at = s.indexOf(p);
            if (at >= 0 && !s.startsWith(p + "级", at) && s.length() - p.length() >= 2) s = s.substring(0, at) + s.substring(at + p.length());
        }
        if (s.length() > MAX_LENGTH) {
            // listed subjects (户次、余额 … 分别) are shortened one by one, so 分别 can still hand them out
            List<String> parts = new java.util.ArrayList<>();
            for (String part : s.split("、")) parts.add(part.length() > MAX_LENGTH ? shorten(part) : part);
            s = String.join("、", parts);
        }
        return meaningful(s) ? s : "";
    }

    /** A long phrase keeps its end (the head noun), cut at a natural boundary: after 的, a comma-like mark or a verb. */
    private static String shorten(String s) {
        for (String mark : List.of("的")) {
            int at = s.lastIndexOf(mark);
            if (at >= 0 && s.length() - at - mark.length() >= 2 && s.length() - at - mark.length() <= MAX_LENGTH) {
                return s.substring(at + mark.length());
            }
        }
        for (String verb : TAKING_VERBS) {
            int at = s.lastIndexOf(verb);
            if (at >= 0 && s.length() - at - verb.length() >= 2 && s.length() - at - verb.length() <= MAX_LENGTH) {
                return s.substring(at + verb.length());
            }
        }
        // no natural boundary: keep the phrase whole unless it is far too long (a cut word helps nobody)
        return s.length() <= 2 * MAX_LENGTH ? s : s.substring(s.length() - MAX_LENGTH);
    }

    /** True when the words before a figure are only a verb that takes it as object, or nothing. */
    static boolean onlyVerb(String cleaned) {
        if (cleaned.length() <= 1) return true;
        for (String v : TAKING_VERBS) if (cleaned.endsWith(v) && cleaned.length() <= v.length() + 2) return true;
        return false;
    }

    /** The counted noun right after a measure word: 14个地州市中 → 地州市. */
    static String countedNoun(String after) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < after.length() && b.length() < MAX_LENGTH; i++) {
            char c = after.charAt(i);
            if (!Character.isLetter(c)) break; // ideographs are letters; punctuation (；，) is not
            if ("中的，。、和及是在为有共已将并以左余多等”".indexOf(c) >= 0) break;
            b.append(c);
        }
        return b.length() >= 2 ? b.toString() : "";
    }

    private static boolean meaningful(String s) {
        if (s.length() < 2) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c) && (MatchView.isCjk(c) || Character.isLetter(c))) return true;
        }
        return false;
    }
}
