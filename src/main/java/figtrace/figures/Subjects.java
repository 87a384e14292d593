package figtrace.figures;

import figtrace.rules.SubjectWords;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the words before a figure into its subject: what is measured, as written, without the time, the place,
 * the verb and the connectives around it ("2024年R&D经费投入总量为" → "R&D经费投入总量"). The words it strips are
 * data: patterns/subject_words.tsv.
 */
final class Subjects {
    private static final String EDGE_PUNCTUATION = "(（)）]】、，,;；:：。 \u201D\"'";
    private static final Pattern PARENTHESES = Pattern.compile("\\([^()]*\\)|（[^（）]*）|\\^?\\[[0-9,\\-]+]|【[^】]*】");
    /** A page number printed in the running text of a PDF (—7—, - 12 -) is not part of any phrase. */
    private static final Pattern PAGE_MARKER = Pattern.compile("(?<![0-9])[—\\-－]{1,2}\\s*[0-9]{1,3}\\s*[—\\-－]{1,2}(?![0-9])");
    private static final Pattern LIST_NUMBER = Pattern.compile("^[0-9一二三四五六七八九十]{1,2}[.、．]");
    private static final Pattern TABLE_REF = Pattern.compile("^由?表[0-9一二三四五六七八九十]+可知");
    /** A year or date (2024年底, 2023年以来): removed by its shape, before the time words of subject_words.tsv. */
    private static final String DATE_SHAPE = "(19|20)[0-9]{2}年?(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?(?:底|末|以来|度)?";
    /** A month range (1-11月) and a plan period (“十四五”时期): removed by their shape, after the time words. */
    private static final String PERIOD_SHAPES = "[0-9]{1,2}[-—至~][0-9]{1,2}月"
            + "|[\u201C\"]?十[一二三四五]五[\u201D\"]?(?:时期|期间|以来|末)";
    static final int MAX_LENGTH = 14;
    private static final int COUNTED_NOUN_LENGTH = 20;

    private Subjects() {}

    /**
     * What {@link #clean} removes as time: dates by their shape, the time words of subject_words.tsv wherever they
     * stand, and its base time words (上年) except after a comparison word (比上年增长 is stripped whole later).
     */
    static Pattern timeWords(SubjectWords words) {
        StringBuilder p = new StringBuilder(DATE_SHAPE);
        if (!words.baseTimeWords().isEmpty()) {
            p.append("|").append(words.comparisons().isEmpty() ? "" : "(?<!" + figtrace.rules.PatternTable.alternation(words.comparisons()) + ")")
                    .append("(?:").append(figtrace.rules.PatternTable.alternation(words.baseTimeWords())).append(")");
        }
        if (!words.timeWords().isEmpty()) p.append("|").append(figtrace.rules.PatternTable.alternation(words.timeWords()));
        return Pattern.compile(p.append("|").append(PERIOD_SHAPES).toString());
    }

    /** The words quoted, longest first (近年来 before 近年). */
    /**
     * @param timeWords {@link #timeWords} of the same words
     * @param before the text between the clause start (or the previous figure) and the figure
     * @param places place names to remove when they lead the phrase
     */
    static String clean(SubjectWords words, Pattern timeWords, String before, List<String> places) {
        String s = PAGE_MARKER.matcher(before).replaceAll("");
        s = PARENTHESES.matcher(s).replaceAll("");
        s = TABLE_REF.matcher(s).replaceAll("");
        s = timeWords.matcher(s).replaceAll("");
        s = s.replace(" ", "");
        // determiners carry no meaning of their own: 制定各类标准 measures 标准
        for (String d : words.determiners()) s = s.replace(d, "");
        boolean changed = true;
        while (changed && !s.isEmpty()) {
            changed = false;
            for (String w : words.leading()) {
                // an opening quote whose name closes inside the phrase stays: “两重”资金, “四上”企业总数
                if (w.equals("\u201C") && s.indexOf('\u201D') > 0) continue;
                if (s.startsWith(w) && !startsWithWholeWord(words, s, w)) { s = s.substring(w.length()); changed = true; }
            }
            for (String p : places) {
                // 自治区级 and 国家级 are kinds of things, not places
                if (s.startsWith(p) && !s.startsWith(p + "级")) { s = s.substring(p.length()); changed = true; }
            }
            while (!s.isEmpty() && EDGE_PUNCTUATION.indexOf(s.charAt(0)) >= 0) { s = s.substring(1); changed = true; }
            for (String v : words.leadingVerbs()) {
                if (s.startsWith(v) && s.length() - v.length() >= 3) { s = s.substring(v.length()); changed = true; }
            }
            while (!s.isEmpty() && "(（[【、，,\u201C".indexOf(s.charAt(s.length() - 1)) >= 0) {
                s = s.substring(0, s.length() - 1);
                changed = true;
            }
            for (String w : words.trailing()) {
                if (s.endsWith(w)) { s = s.substring(0, s.length() - w.length()); changed = true; }
            }
        }
        // 执行中部分县区按程序调增收入预算(1.8亿元): what was adjusted is what the figure measures
        for (String v : words.cutAfter()) {
            int at = s.lastIndexOf(v);
            if (at >= 0 && s.length() - at - v.length() >= 2) s = s.substring(at + v.length());
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
        // 常住人口中60岁及以上人口占比 (Zhenjiang bulletin), 在医院中有公立医院 (atlas Anyang, Nanyang bulletins), 公司全部债务中
        // 银行借款 (Nanping rating report): the part of a whole (subject_words.tsv whole) is what is measured
        for (String w : words.wholes()) {
            int at = s.indexOf(w + "中");
            if (at < 0) continue;
            int from = at + w.length() + 1;
            if (s.startsWith("有", from)) from++;
            if (s.length() - from >= 2) s = s.substring(from);
            break;
        }
        // a closing quote whose opening one stands outside the phrase (or was never printed: 六行打包采棉机”整机国产化率,
        // gold 004; 五”时期 after a line break, atlas hohhot) is noise
        if (s.indexOf('\u201D') >= 0 && s.indexOf('\u201C') < 0) s = s.replace("\u201D", "");
        if (s.length() > MAX_LENGTH) {
            // too long with the page marker dropped: the marker is where the phrase starts (a chart's legend or the
            // previous page's last words stand before it), while one inside a short phrase (包—7—裹业务) joins it
            java.util.regex.Matcher marker = PAGE_MARKER.matcher(before);
            int after = -1;
            while (marker.find()) after = marker.end();
            if (after > 0 && after < before.length()) {
                String tail = clean(words, timeWords, before.substring(after), places);
                if (!tail.isEmpty()) return tail;
            }
            // listed subjects (户次、余额 … 分别) are shortened one by one, so 分别 can still hand them out
            List<String> parts = new java.util.ArrayList<>();
            for (String part : s.split("、")) parts.add(part.length() > MAX_LENGTH ? shorten(words, part) : part);
            s = String.join("、", parts);
        }
        return meaningful(s) ? s : "";
    }

    /** A long phrase keeps its end (the head noun), cut at a natural boundary: after 的, a comma-like mark or a verb. */
    private static String shorten(SubjectWords words, String s) {
        for (String mark : List.of("的")) {
            int at = s.lastIndexOf(mark);
            if (at >= 0 && s.length() - at - mark.length() >= 2 && s.length() - at - mark.length() <= MAX_LENGTH) {
                return s.substring(at + mark.length());
            }
        }
        for (String verb : words.takingVerbs()) {
            int at = s.lastIndexOf(verb);
            if (at >= 0 && s.length() - at - verb.length() >= 2 && s.length() - at - verb.length() <= MAX_LENGTH) {
                return s.substring(at + verb.length());
            }
        }
        // no natural boundary: keep the phrase whole unless it is far too long (a cut word helps nobody)
        return s.length() <= 2 * MAX_LENGTH ? s : s.substring(s.length() - MAX_LENGTH);
    }

    /** True when the words before a figure are only a verb that takes it as object, or nothing. */
    static boolean onlyVerb(SubjectWords words, String cleaned) {
        if (cleaned.length() <= 1) return true;
        for (String v : words.takingVerbs()) if (cleaned.endsWith(v) && cleaned.length() <= v.length() + 2) return true;
        return false;
    }

    /**
     * The fund an amount is for, when the words before it name no more than the verb that raised or arranged it and
     * a purpose follows it (subject_words.tsv purpose, fund): 统筹 8000万元支持开展系列消费促进活动 → 系列消费促进活动资金,
     * 筹措经费1997万元，保障博物馆、图书馆…等公共文化场馆免费开放 → 公共文化场馆免费开放经费 (Xuancheng, Luoyang budget
     * reports; atlas Jinan, Dali, Hohhot). A purpose too long to name briefly leaves the bare fund (资金).
     *
     * @param cleaned the subject cleaned from the words before the figure
     * @param after the text right after the figure
     * @return the subject, or null when the words before name more than a verb or no purpose follows
     */
    static String purpose(SubjectWords words, String cleaned, String after) {
        if (words.purposes().isEmpty() || words.funds().isEmpty()) return null;
        String fund = words.funds().get(0);
        String rest = LIST_NUMBER.matcher(cleaned).replaceFirst(""); // 1.统筹安排, 2.统筹安排 (atlas Jinan)
        boolean stripped = true;
        while (stripped && !rest.isEmpty()) {
            stripped = false;
            for (String v : verbs(words)) {
                if (rest.startsWith(v)) { rest = rest.substring(v.length()); stripped = true; }
            }
        }
        if (!rest.isEmpty()) {
            if (!words.funds().contains(rest)) return null; // 就业补助资金2.7亿元: the fund is named
            fund = rest;
        } else if (cleaned.isEmpty()) {
            return null; // no verb before either: nothing says the amount was raised or arranged
        }
        String a = after.strip();
        if (a.startsWith("，") || a.startsWith(",")) a = a.substring(1).strip();
        String purpose = null;
        for (String p : words.purposes()) if (a.startsWith(p)) { purpose = p; break; }
        if (purpose == null) return null;
        String object = a.substring(purpose.length());
        int end = 0;
        while (end < object.length() && "，,。；;：:".indexOf(object.charAt(end)) < 0 && !Character.isDigit(object.charAt(end))) end++;
        // a PDF line break inside the phrase joins it (投入 55.82亿元支持新\n…: atlas Hohhot)
        object = PARENTHESES.matcher(object.substring(0, end)).replaceAll("").replaceAll("\\s", "").replace("的", "");
        // 博物馆、图书馆、科技馆、体育馆等公共文化场馆免费开放: the kind after 等 names them all; a list without one
        // (支持国家、省、市重点实验室建设; 文化产业、文化宣传和文明城市创建: atlas Jinan) has no short name: the bare fund
        int etc = object.lastIndexOf('等');
        if (etc >= 0) object = object.length() - etc - 1 >= 3 ? object.substring(etc + 1) : "";
        if (object.indexOf('、') >= 0 || object.indexOf('\u201C') >= 0 != object.indexOf('\u201D') >= 0) object = "";
        stripped = true;
        while (stripped && !object.isEmpty()) {
            stripped = false;
            for (String v : verbs(words)) {
                if (object.startsWith(v) && object.length() > v.length()) { object = object.substring(v.length()); stripped = true; }
            }
        }
        if (object.length() < 2 || object.length() > MAX_LENGTH || !meaningful(object)) return fund;
        for (String f : words.funds()) if (object.endsWith(f)) return object;
        return object + fund;
    }

    private static List<String> verbs(SubjectWords words) {
        List<String> all = new java.util.ArrayList<>(words.purposes());
        all.addAll(words.takingVerbs());
        all.addAll(words.leadingVerbs());
        all.sort(java.util.Comparator.comparingInt(String::length).reversed());
        return all;
    }

    /**
     * The noun read after an amount up to the verb that follows it (subject_words.tsv taking_verb, leading_verb,
     * noun_end): 特高压换流变压器研制成功 → 特高压换流变压器 (gold 004), 煤炭分质分级利用项目启动建设 → 煤炭分质分级利用项目
     * (Xinjiang work report); empty when a verb opens it.
     */
    static String nounBeforeVerb(SubjectWords words, String after) {
        return nounBeforeVerb(words, after, false);
    }

    /**
     * @param withTrailing also end the noun at a trailing word of two characters or more (完成, 实现, 增加, 比上年,
     *                     不少于): for words known to run into the next figure's verb phrase
     */
    static String nounBeforeVerb(SubjectWords words, String after, boolean withTrailing) {
        // 3000吨级航道工程 (Guangxi work report), 千万千瓦级: 级 belongs to the amount (a bound), not to the noun
        if (after.startsWith("级")) after = after.substring(1);
        int cut = after.length();
        List<List<String>> lists = withTrailing
                ? List.of(words.takingVerbs(), words.leadingVerbs(), words.nounEnds(), words.trailing().stream().filter(w -> w.length() >= 2).toList())
                : List.of(words.takingVerbs(), words.leadingVerbs(), words.nounEnds());
        for (List<String> list : lists) {
            for (String v : list) {
                int at = after.indexOf(v);
                if (at >= 0 && at < cut) cut = at;
            }
        }
        return cut < 2 ? "" : after.substring(0, cut);
    }

    /** The counted noun right after a measure word: 14个地州市中 → 地州市. */
    static String countedNoun(String after) {
        StringBuilder b = new StringBuilder();
        boolean ended = false;
        for (int i = 0; i < after.length(); i++) {
            char c = after.charAt(i);
            if (!Character.isLetter(c)) { ended = true; break; } // ideographs are letters; punctuation (；，) is not
            if ("中的，。、和及是在为有共已将并以左余多等”".indexOf(c) >= 0) { ended = true; break; }
            if (b.length() == COUNTED_NOUN_LENGTH) break;
            b.append(c);
        }
        // a noun cut off by the window (自治区产学研联合培养研究生基…) is a fragment, not a subject
        return b.length() >= 2 && (ended || b.length() < COUNTED_NOUN_LENGTH) ? b.toString() : "";
    }

    /** 在校生 starts with 在 but is one word: the leading 在 must not be cut from it (nor 有 from 有色金属, 其 from 其他). */
    private static boolean startsWithWholeWord(SubjectWords words, String s, String leading) {
        for (String w : words.words()) if (w.startsWith(leading) && s.startsWith(w)) return true;
        return false;
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
