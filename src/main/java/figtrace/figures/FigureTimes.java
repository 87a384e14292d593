package figtrace.figures;

import figtrace.model.DocKind;
import figtrace.rules.FigureWords;
import figtrace.rules.SubjectWords;

import java.util.ArrayList;
import java.util.List;

/**
 * A figure's time: the nearest time before it in its sentence or paragraph, else the time of the heading it stands
 * under, else the document's period; with the year-end of balances and of lists under 年末, the k-th time of a
 * 分别 list, and a budget report's coming year as a plan. Stateless: every method reads the figure's
 * {@link FigureStage.Context}.
 */
final class FigureTimes {
    private FigureTimes() {}

    private static final java.util.regex.Pattern TOP_HEADING = java.util.regex.Pattern.compile("^\\s*[一二三四五六七八九十]+、");
    private static final java.util.regex.Pattern SUB_HEADING = java.util.regex.Pattern.compile("^\\s*[（(][一二三四五六七八九十]+[）)]");

    /**
     * Headings and the time each names (null when it names none): top-level (一、2024年工作回顾 / 二、2025年工作安排)
     * and second-level ones ((三)“十四五”财政发展情况). A heading's time covers the paragraphs under it until the next
     * heading of its level or above; a second-level heading that names none leaves its parent's time in force.
     * Above both stand unnumbered section titles (关于2026年省本级一般公共预算支出预算的说明: words of
     * patterns/figure_words.tsv): the year a title names holds for everything under it, numbered headings that name
     * no year included, until the next title.
     */
    static List<Mention> sectionTimes(String view, List<Mention> times, FigureWords words) {
        List<Mention> out = new ArrayList<>();
        String title = null, top = null;
        int pos = 0;
        while (pos < view.length()) {
            int nl = view.indexOf('\n', pos);
            int end = nl < 0 ? view.length() : nl;
            String para = view.substring(pos, end);
            int titleEnd = sectionTitleEnd(view, pos, end, words);
            if (titleEnd >= 0) {
                title = firstYear(times, pos, titleEnd);
                top = title;
                out.add(new Mention(pos, titleEnd, title));
                pos = titleEnd + 1;
                continue;
            }
            boolean isTop = TOP_HEADING.matcher(para).find(), isSub = !isTop && SUB_HEADING.matcher(para).find();
            if (para.length() <= 40 && (isTop || isSub) && para.indexOf('。') < 0) {
                String time = firstYear(times, pos, end);
                if (time == null) time = TimeFinder.planPeriod(para);
                if (isTop) top = time != null ? time : title;
                out.add(new Mention(pos, end, isTop ? top : time != null ? time : top));
            }
            pos = end + 1;
        }
        return out;
    }

    private static final int SECTION_TITLE_MAX = 60;

    /**
     * Where the unnumbered section title starting the line at {@code start} ends (the end of its line, or of the next
     * line when the title wraps), or -1 when the line opens no such title.
     */
    private static int sectionTitleEnd(String view, int start, int end, FigureWords words) {
        String line = view.substring(start, end).strip();
        if (!FigureWords.startsWithAny(line, words.sectionTitleOpening()) || line.indexOf('。') >= 0) return -1;
        if (line.length() <= SECTION_TITLE_MAX && FigureWords.endsWithAny(line, words.sectionTitleEnding())) return end;
        if (end >= view.length()) return -1;
        int nl = view.indexOf('\n', end + 1);
        int nextEnd = nl < 0 ? view.length() : nl;
        String next = view.substring(end + 1, nextEnd).strip();
        boolean wraps = line.length() + next.length() <= SECTION_TITLE_MAX && next.indexOf('。') < 0
                && FigureWords.endsWithAny(next, words.sectionTitleEnding());
        return wraps ? nextEnd : -1;
    }

    /** The first year (2024年) or span of years (“十四五”时期) named between the offsets; not a yearless month range. */
    private static String firstYear(List<Mention> times, int start, int end) {
        for (Mention m : times.subList(firstAtOrAfter(times, start), times.size())) {
            if (m.start() >= end) break;
            if (m.value().matches("[0-9]{4}(/[0-9]{4})?")) return m.value();
        }
        return null;
    }

    /**
     * 2020、2021年…分别占44.8%、34.86%: the k-th listed figure takes the k-th of the listed times ({@code joiner}: what
     * stands between two of them, figure_words.tsv list_joiner).
     */
    static String distributedTime(FigureStage.Context ctx, java.util.regex.Pattern joiner, int sentenceStart, int runStart,
                                  int runIndex) {
        List<Mention> chain = new ArrayList<>();
        for (Mention m : ctx.times().subList(firstAtOrAfter(ctx.times(), sentenceStart), ctx.times().size())) {
            if (m.end() > runStart) break;
            Mention last = chain.isEmpty() ? null : chain.get(chain.size() - 1);
            if (last != null && !joiner.matcher(ctx.view().substring(last.end(), m.start())).matches()) chain.clear();
            chain.add(m);
        }
        return chain.size() > 1 && runIndex < chain.size() ? chain.get(runIndex).value() : null;
    }

    /**
     * Words whose time holds for their own sentence only: 上年结转 (last year's carry-over) or 年末常住人口 (population
     * at year end) say nothing about the next sentence's figures.
     */
    private static final java.util.regex.Pattern SENTENCE_ONLY_TIME = java.util.regex.Pattern.compile("(?:上年|去年|前年)(?:末|底)?|年(?:末|底)");

    /**
     * The nearest time before the figure in its sentence; else the last one earlier in its paragraph. A yearless
     * part of the year (1-11月, 11月末) carries to later sentences only when it opens the paragraph (1—11月，全市…);
     * in the middle of one (…政策，1-11月支持…117.3亿元。统筹落实…22.4亿元) it is its own sentence's.
     */
    static String time(FigureStage.Context ctx, int pos, int sentenceStart) {
        String time = time(ctx, pos, sentenceStart, false);
        // 年末/年底 alone is the end of the year the figure is otherwise about: 2026年预算…年末滚存结余 is 2026-12-31
        if (time != null && time.endsWith("-12-31") && yearEndWordBefore(ctx, pos, sentenceStart)) {
            String year = time(ctx, pos, sentenceStart, true);
            if (year != null && year.matches("[0-9]{4}.*")) return year.substring(0, 4) + "-12-31";
        }
        return time;
    }

    private static final java.util.regex.Pattern YEAR_END_WORD = java.util.regex.Pattern.compile("年(?:末|底)");

    private static boolean yearEndWordBefore(FigureStage.Context ctx, int pos, int sentenceStart) {
        Mention last = null;
        for (Mention m : ctx.times().subList(firstAtOrAfter(ctx.times(), sentenceStart), ctx.times().size())) {
            if (m.end() > pos) break;
            last = m;
        }
        return last != null && YEAR_END_WORD.matcher(ctx.view().substring(last.start(), last.end())).matches();
    }

    /** @param skipYearEnd leave bare 年末/年底 out, to find the year they are the end of */
    private static String time(FigureStage.Context ctx, int pos, int sentenceStart, boolean skipYearEnd) {
        int paragraph = Sentences.paragraphStart(ctx.view(), pos);
        Mention inSentence = null, inParagraph = null;
        for (Mention m : ctx.times().subList(firstAtOrAfter(ctx.times(), paragraph), ctx.times().size())) {
            if (m.end() > pos) break;
            if (closedBefore(ctx.view(), m.end(), pos)) continue;
            if (skipYearEnd && YEAR_END_WORD.matcher(ctx.view().substring(m.start(), m.end())).matches()) continue;
            if (m.start() >= sentenceStart) inSentence = m;
            else if (m.start() >= paragraph && !SENTENCE_ONLY_TIME.matcher(ctx.view().substring(m.start(), m.end())).matches()
                    && !(m.value().startsWith("?") && !ctx.view().substring(paragraph, m.start()).isBlank())) inParagraph = m;
        }
        Mention chosen = inSentence != null ? inSentence : inParagraph;
        Mention section = null;
        for (Mention h : ctx.sectionTimes()) if (h.start() < pos) section = h; else break;
        String sectionYear = section == null ? null : section.value();
        if (chosen == null) return sectionYear != null ? sectionYear : ctx.defaultTime();
        // 全年 under 一、2024年工作回顾 is 2024, whatever year the report's title names
        if (sectionYear != null && sectionYear.length() == 4 && ctx.view().startsWith("全年", chosen.start())) return sectionYear;
        if (chosen.value().startsWith("?")) {
            String context = null;
            List<Mention> before = ctx.times().subList(0, firstAtOrAfter(ctx.times(), chosen.start()));
            for (int i = before.size() - 1; i >= 0 && context == null; i--) {
                if (!before.get(i).value().startsWith("?")) context = before.get(i).value();
            }
            return TimeFinder.withYear(chosen.value(), context);
        }
        return chosen.value();
    }

    /**
     * Under 年末/年底 a paragraph lists what stands at the year's end (schools, enrolled students, insured persons,
     * vehicles, livestock on hand, registered firms) and sometimes what flowed during the year (enrolments,
     * graduates, output, grants). A figure after a year-end word, in its sentence or an earlier sentence of its
     * paragraph with no other time between, is dated at the year's end, unless its subject or measure word names a
     * flow (patterns/subject_words.tsv, role flow): then it is the year. A year-end word says nothing about
     * a paragraph that names no year-end.
     */
    static String yearEndOrYear(SubjectWords words, FigureStage.Context ctx, int pos, String time, String subject, String measureWord) {
        if (time == null || subject == null) return time;
        Mention last = null;
        int paragraph = Sentences.paragraphStart(ctx.view(), pos);
        for (Mention m : ctx.times().subList(firstAtOrAfter(ctx.times(), paragraph), ctx.times().size())) {
            if (m.end() > pos) break;
            if (!closedBefore(ctx.view(), m.end(), pos)) last = m;
        }
        if (last == null || !last.value().matches("[0-9]{4}-12-31")
                || !YEAR_END_WORD.matcher(ctx.view().substring(last.start(), last.end())).find()) return time;
        String year = last.value().substring(0, 4);
        boolean flow = false;
        for (String w : words.flows()) {
            if (subject.contains(w) || measureWord != null && measureWord.equals(w)) { flow = true; break; }
        }
        if (flow && time.equals(last.value())) return year;
        if (!flow && time.equals(year)) return last.value();
        return time;
    }

    /**
     * A balance (存款余额, 债务余额, a company's 短期债务, 存货, 资产负债率) of a year is what stands at its end: a bare
     * year becomes YYYY-12-31 when the subject names a balance (patterns/subject_words.tsv, role balance) and no flow.
     */
    static String balanceAtYearEnd(SubjectWords words, String time, String subject) {
        if (time == null || !time.matches("[0-9]{4}") || subject == null) return time;
        for (String f : words.flows()) if (subject.contains(f)) return time;
        for (String b : words.balances()) if (subject.contains(b)) return time + "-12-31";
        return time;
    }

    /** Index of the first mention starting at or after {@code pos} (mentions are in text order). */
    static int firstAtOrAfter(List<Mention> mentions, int pos) {
        return figtrace.text.SortedLists.firstAtLeast(mentions, Mention::start, pos);
    }

    /** True when a bracket opened before {@code from} closes before {@code pos}: 较上年(修订后2023年0.59%)增长… */
    static boolean closedBefore(String t, int from, int pos) {
        int depth = 0;
        for (int i = from; i < pos; i++) {
            char ch = t.charAt(i);
            if (ch == '(' || ch == '（') depth++;
            else if (ch == ')' || ch == '）') {
                if (depth == 0) return true;
                depth--;
            }
        }
        return false;
    }

    /**
     * A budget report's figures about the year after the one it executed (2026年…预算安排, 增长8.9%) are its draft
     * budget: a plan, whatever words stand before them. Final accounts close a year and plan nothing.
     */
    static boolean comingBudgetYear(FigureStage.Context ctx, String time) {
        if (ctx.document().kind() != DocKind.BUDGET || time == null || ctx.periodYear() == null) return false;
        if (!time.matches("[0-9]{4}(-.*)?")) return false;
        return Integer.parseInt(time.substring(0, 4)) > ctx.periodYear();
    }
}
