package figtrace.figures;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the words before a figure into its subject: what is measured, as written, without the time, the place,
 * the verb and the connectives around it ("2024年R&D经费投入总量为" → "R&D经费投入总量").
 */
final class Subjects {
    private static final List<String> LEADING = List.of("由表", "据统计", "截至目前", "目前", "当前", "其中", "此外",
            "另外", "同时", "并且", "以及", "依次为", "分别为", "全年", "累计", "合计", "总计", "共有", "拥有", "其", "并",
            "及", "和", "与", "且", "而", "共", "在", "对", "为", "是", "有", "、", "的", "\u201C", "\u201D", "\"", "-", "—");
    private static final List<String> TRAILING = List.of("同比分别增长", "同比分别下降", "分别增长", "分别下降", "同比增长",
            "同比下降", "同比增加", "同比减少", "分别为", "比重为", "占比为", "达到了", "较上年", "比上年", "较上一年度",
            "较上年同期", "同比", "达到", "共有", "已达", "分别", "增长", "增加", "下降", "减少", "提高", "降低", "上升",
            "突破", "超过", "实现", "完成", "累计", "总计", "合计", "仅有", "只有", "以上", "左右", "占比", "为", "达", "是",
            "有", "共", "约", "近", "超", "逾", "占", "了", "的", "至", "到", "从", "由", "仅", "只", "和", "及", "、", "(", "\u201C");
    private static final Pattern PARENTHESES = Pattern.compile("\\([^()]*\\)|（[^（）]*）|\\^?\\[[0-9,\\-]+]|【[^】]*】");
    private static final Pattern TABLE_REF = Pattern.compile("^由?表[0-9一二三四五六七八九十]+可知");
    private static final Pattern TIME_WORDS = Pattern.compile("(19|20)[0-9]{2}年?(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?(?:底|末|以来|度)?"
            + "|今年|去年|上年|本年|近年来|近年|截至|截止|上半年|前三季度|[0-9]{1,2}[-—至~][0-9]{1,2}月");
    static final int MAX_LENGTH = 12;

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
        boolean changed = true;
        while (changed && !s.isEmpty()) {
            changed = false;
            for (String w : LEADING) {
                if (s.startsWith(w)) { s = s.substring(w.length()); changed = true; }
            }
            for (String p : places) {
                if (s.startsWith(p)) { s = s.substring(p.length()); changed = true; }
            }
            for (String w : TRAILING) {
                if (s.endsWith(w)) { s = s.substring(0, s.length() - w.length()); changed = true; }
            }
        }
        if (s.length() > MAX_LENGTH) {
            int de = s.lastIndexOf('的');
            if (de >= 0 && s.length() - de - 1 >= 2) s = s.substring(de + 1);
        }
        if (s.length() > MAX_LENGTH) s = s.substring(s.length() - MAX_LENGTH);
        return meaningful(s) ? s : "";
    }

    /** The counted noun right after a measure word: 14个地州市中 → 地州市. */
    static String countedNoun(String after) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < after.length() && b.length() < 8; i++) {
            char c = after.charAt(i);
            if (!MatchView.isCjk(c) && !Character.isLetter(c)) break;
            if ("中的，。、和及是在为有共已将并以左余多".indexOf(c) >= 0) break;
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
