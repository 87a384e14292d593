package figtrace.figures;

import figtrace.model.FigureKind;
import figtrace.model.Qualifier;
import figtrace.model.Change;
import figtrace.ids.Ids;

import com.google.re2j.Matcher;
import figtrace.model.DocKind;
import figtrace.model.DocumentContext;
import figtrace.model.DocumentText;
import figtrace.model.ReportPeriod;
import figtrace.model.Figure;
import figtrace.rules.FigureWords;
import figtrace.model.SourceFile;
import figtrace.model.TextLine;
import figtrace.rules.Cue;
import figtrace.rules.FigureRule;
import figtrace.rules.Rules;
import figtrace.rules.UnitInfo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Figures: finds every quantity in a document's text with the rules of patterns/, and reads what it means — value,
 * unit, qualifier, change, time, region, subject, target — from the sentence around it. Pure: the same text and
 * rules give the same figures with the same ids. Table rows are read by {@link TableReader}.
 */
public final class FigureStage {
    private final Rules rules;
    private final RegionFinder regions;
    private final List<com.google.re2j.Pattern> targetPatterns = new ArrayList<>();
    private final List<String> targetWords = new ArrayList<>();
    private final List<String> notTargets = new ArrayList<>();
    private final List<com.google.re2j.Pattern> notTargetPatterns = new ArrayList<>();

    public FigureStage(Rules rules) {
        this.rules = rules;
        this.regions = new RegionFinder(rules);
        for (Cue cue : rules.targets()) {
            if (cue.where().equals("word")) targetWords.add(cue.word());
            else if (cue.where().equals("not")) notTargets.add(cue.word());
            else if (cue.where().equals("not_regex")) notTargetPatterns.add(com.google.re2j.Pattern.compile(cue.word()));
            else targetPatterns.add(com.google.re2j.Pattern.compile(cue.word()));
        }
    }

    /** The figures of one document, read with its context (own region, period, kind); its tables are rebuilt here. */
    public List<Figure> extract(DocumentContext document) {
        return extract(document, new figtrace.tables.TableStage(rules).read(document.source(), document.text()));
    }

    /**
     * Lines holding a numeric cell of a rebuilt table are table rows even when layout did not mark them (a lone row
     * under the caption, a label line between two runs of rows): their numbers are read once, as cells.
     */
    private static void markCellLines(DocumentText text, List<figtrace.model.Table> tables, boolean[] tableRows) {
        List<figtrace.model.TextLine> lines = text.lines();
        for (figtrace.model.Table t : tables) {
            for (figtrace.model.TableCell c : t.cells()) {
                if (c.figureId() == null) continue;
                int lo = 0, hi = lines.size() - 1;
                while (lo < hi) { // the last line starting at or before the cell
                    int mid = (lo + hi + 1) >>> 1;
                    if (lines.get(mid).start() <= c.charStart()) lo = mid; else hi = mid - 1;
                }
                if (lo < tableRows.length) tableRows[lo] = true;
            }
        }
    }

    /** The figures of a document whose tables were already rebuilt (every numeric table cell is one). */
    public List<Figure> extract(DocumentContext document, List<figtrace.model.Table> tables) {
        SourceFile source = document.source();
        DocumentText text = document.text();
        if (text.isBlank()) return List.of();
        boolean[] skipped = SkippedLines.mark(text, rules);
        boolean[] tableRows = figtrace.tables.TableStage.tableRows(text);
        markCellLines(text, tables, tableRows);
        boolean[] notProse = new boolean[skipped.length];
        for (int i = 0; i < notProse.length; i++) notProse[i] = skipped[i] || tableRows[i];
        MatchView view = MatchView.of(text, notProse);
        Context ctx = context(view, document);
        List<Figure> figures = new ArrayList<>();
        List<Reading> sentence = new ArrayList<>(); // readings of the current sentence, for subjects to inherit
        for (Candidate found : candidates(view.text)) {
            if (chartLabels(view.text, found.start())) continue;
            for (Candidate c : ends(found)) {
                if (!sentence.isEmpty() && sentence.get(0).sentenceStart() != Sentences.sentenceStart(view.text, c.start())) {
                    spreadRangeYears(view.text, sentence, figures);
                    sentence.clear();
                }
                Reading r = read(c, view, ctx, sentence);
                figures.add(toFigure(source, text, view, c, r));
                sentence.add(r);
            }
        }
        spreadRangeYears(view.text, sentence, figures);
        // a figure's id is its span: where a table cell and the text read the same span, the cell (with its table,
        // row and column) is the one kept, so no id is stored twice
        List<Figure> cells = new TableReader(rules, regions, ctx).read(source, text, skipped, tables);
        java.util.Set<String> cellIds = new java.util.HashSet<>();
        for (Figure f : cells) cellIds.add(f.id());
        figures.removeIf(f -> cellIds.contains(f.id()));
        figures.addAll(cells);
        figures.sort(Comparator.comparingInt(Figure::spanStart));
        return figures;
    }

    /**
     * What the whole document says about every figure in it, in the match view's coordinates.
     *
     * @param mainRegion the document's own region (standard name), where 全市/我区 point; null when it names none
     */
    record Context(String view, List<Mention> places, List<Mention> times, Integer year, String mainRegion,
                   List<Mention> sectionTimes, Integer periodYear, String defaultTime, DocumentContext document) {}

    private Context context(MatchView view, DocumentContext document) {
        String main = document.ownRegionName();
        List<Mention> places = regions.find(view.text, document.ownRegion() == null || document.ownRegion().province().isEmpty()
                ? null : document.ownRegion().province());
        ReportPeriod period = document.period();
        Integer year = period.speechYear(), periodYear = period.year();
        List<Mention> times = TimeFinder.find(view.text, year, periodYear);
        // A bulletin (统计公报) states the year it reports on once: a figure that names no period is about that year.
        // A budget report's or final accounts' undated figures are the executed year's (全市一般公共预算收入完成…);
        // its budget for the coming year stands under a heading or sentence that names that year.
        boolean yearly = document.kind() == DocKind.BULLETIN || document.kind().isFiscal();
        String defaultTime = yearly && periodYear != null ? String.valueOf(periodYear) : null;
        return new Context(view.text, places, times, year, main, sectionTimes(view.text, times), periodYear, defaultTime, document);
    }

    private static final java.util.regex.Pattern TOP_HEADING = java.util.regex.Pattern.compile("^\\s*[一二三四五六七八九十]+、");
    private static final java.util.regex.Pattern SUB_HEADING = java.util.regex.Pattern.compile("^\\s*[（(][一二三四五六七八九十]+[）)]");

    /**
     * Headings and the time each names (null when it names none): top-level (一、2024年工作回顾 / 二、2025年工作安排)
     * and second-level ones ((三)“十四五”财政发展情况). A heading's time covers the paragraphs under it until the next
     * heading of its level or above; a second-level heading that names none leaves its parent's time in force.
     */
    private static List<Mention> sectionTimes(String view, List<Mention> times) {
        List<Mention> out = new ArrayList<>();
        String top = null;
        int pos = 0;
        while (pos < view.length()) {
            int nl = view.indexOf('\n', pos);
            int end = nl < 0 ? view.length() : nl;
            String para = view.substring(pos, end);
            boolean isTop = TOP_HEADING.matcher(para).find(), isSub = !isTop && SUB_HEADING.matcher(para).find();
            if (para.length() <= 40 && (isTop || isSub) && para.indexOf('。') < 0) {
                String time = null;
                for (Mention m : times.subList(firstAtOrAfter(times, pos), times.size())) {
                    if (m.start() >= end) break;
                    // a year (2024年工作回顾) or a span of years (“十四五”时期); not a yearless month range
                    if (m.value().matches("[0-9]{4}(/[0-9]{4})?")) { time = m.value(); break; }
                }
                if (time == null) time = TimeFinder.planPeriod(para);
                if (isTop) top = time;
                out.add(new Mention(pos, end, isTop ? time : time != null ? time : top));
            }
            pos = end + 1;
        }
        return out;
    }

    // ---- finding ----

    List<Candidate> candidates(String t) {
        // re2j is linear but slow with capture groups over a long text, and every figure holds a numeral: match
        // only in small windows around the numerals.
        java.util.Set<Candidate> all = new java.util.LinkedHashSet<>();
        for (int[] w : NumeralWindows.of(t)) {
            String window = t.substring(w[0], w[1]);
            for (FigureRule rule : rules.figureRules()) {
                Matcher m = rule.pattern().matcher(window);
                int from = 0;
                while (from <= window.length() && m.find(from)) {
                    Candidate c = candidate(rule, m, w[0]);
                    if (c != null && accepted(c, t)) all.add(c);
                    from = m.end() > m.start() ? m.end() : m.start() + 1;
                }
            }
        }
        List<Candidate> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt((Candidate c) -> -c.rule().priority())
                .thenComparingInt(c -> -c.length()).thenComparingInt(Candidate::start));
        // Kept candidates never overlap, so the one starting last before c ends is the only one c can overlap: a
        // lookup in a tree instead of a scan of all kept (quadratic on a page with 100,000 figures). Empty
        // candidates, if any, are checked one by one.
        List<Candidate> kept = new ArrayList<>();
        java.util.TreeMap<Integer, Candidate> keptByStart = new java.util.TreeMap<>();
        List<Candidate> keptEmpty = new ArrayList<>();
        for (Candidate c : sorted) {
            java.util.Map.Entry<Integer, Candidate> before = keptByStart.lowerEntry(c.end());
            boolean clash = before != null && before.getValue().overlaps(c)
                    || keptEmpty.stream().anyMatch(c::overlaps)
                    || c.length() == 0 && kept.stream().anyMatch(c::overlaps);
            if (clash) continue;
            kept.add(c);
            if (c.length() == 0) keptEmpty.add(c); else keptByStart.put(c.start(), c);
        }
        kept.sort(Comparator.comparingInt(Candidate::start));
        return kept;
    }

    /** A range gives two figures, each end with the range's unit: 10—20% is 10% and 20%. */
    private static List<Candidate> ends(Candidate c) {
        if (!c.isRange()) return List.of(c);
        int lowEnd = c.start() + c.num().length();
        return List.of(new Candidate(c.start(), lowEnd, c.rule(), c.num(), null, c.mult(), c.unit(), -1, null),
                new Candidate(c.highStart(), c.end(), c.rule(), c.high(), c.inner(), c.mult(), c.unit(), -1, null));
    }

    private static Candidate candidate(FigureRule rule, Matcher m, int offset) {
        int start = Integer.MAX_VALUE, end = -1;
        String[] names = {"num", "inner", "mult", "unit"};
        String[] values = new String[4];
        for (int i = 0; i < names.length; i++) {
            int s = groupStart(m, names[i]);
            if (s < 0) continue;
            values[i] = m.group(names[i]);
            start = Math.min(start, s + offset);
            end = Math.max(end, m.end(names[i]) + offset);
        }
        if (values[0] == null) return null;
        int fig = groupStart(m, "fig");
        if (fig >= 0) {
            start = fig + offset;
            end = m.end("fig") + offset;
        }
        int high = groupStart(m, "num2");
        return new Candidate(start, end, rule, values[0], values[1], values[2], values[3],
                high < 0 ? -1 : high + offset, high < 0 ? null : m.group("num2"));
    }

    private static int groupStart(Matcher m, String name) {
        try {
            return m.group(name) == null ? -1 : m.start(name);
        } catch (IllegalArgumentException e) {
            return -1; // the rule's pattern has no such group
        }
    }

    private boolean accepted(Candidate c, String t) {
        String ahead = t.substring(c.start(), Math.min(t.length(), c.start() + 24));
        for (com.google.re2j.Pattern p : rules.notFigures()) if (p.matcher(ahead).find()) return false;
        FigureRule rule = c.rule();
        if (c.start() > 0 && rule.notBefore() != null
                && rule.notBefore().matches(String.valueOf(t.charAt(c.start() - 1)))) return false;
        if (c.end() < t.length() && rule.notAfter() != null
                && rule.notAfter().matches(String.valueOf(t.charAt(c.end())))) return false;
        if (c.mult() == null && c.inner() == null && rule.notNumber() != null && rule.notNumber().matches(c.num())) return false;
        UnitInfo unit = c.unit() == null ? null : rules.units().get(c.unit());
        boolean count = unit != null && unit.kind().equals("count");
        if (count && c.num().equals("一") && c.mult() == null && !onlyOne(t, c.start())) return false;
        return !insideName(t, c.start(), c.end());
    }

    /** 一个/一批/一项 are articles ("a batch of"), not counts — unless the text stresses the one: 仅有一家. */
    private boolean onlyOne(String t, int start) {
        List<String> only = rules.figureWords().only();
        return FigureWords.endsWithAny(t.substring(Math.max(0, start - FigureWords.longest(only)), start), only);
    }

    /** 分别 (patterns/figure_words.tsv distributive) in the six characters before a run of listed figures. */
    private boolean distributed(String t, int from, int runStart) {
        String before = t.substring(Math.max(from, runStart - 6), runStart);
        return rules.figureWords().distributive().stream().anyMatch(before::contains);
    }

    /** Numbers inside a short quoted name (“十四五”, “两个确立”), a title 《…》 or a document number 〔…〕 are names. */
    private static boolean insideName(String t, int start, int end) {
        // only the 40 characters before the number are looked at: a scan back to the line's start is quadratic on
        // a page that is one 10 MB line
        int open = -1;
        for (int i = Math.min(start, t.length() - 1); i >= Math.max(0, start - 40); i--) {
            char ch = t.charAt(i);
            if (ch == '《' || ch == '〔' || ch == '\u201C') {
                open = i;
                break;
            }
        }
        if (open < 0) return false;
        char o = t.charAt(open);
        char close = o == '《' ? '》' : o == '〔' ? '〕' : '\u201D';
        int closeAt = t.indexOf(close, open + 1);
        if (closeAt < 0 || closeAt < end) return false;
        return o != '\u201C' || closeAt - open <= 10;
    }

    /**
     * Chart axis labels and data leaked from a picture (380% 300% … -60%) come as a paragraph of numbers with hardly
     * a word: a paragraph of three or more numbers with fewer than two Chinese characters that are not numerals or units
     * holds no figures.
     */
    private static boolean chartLabels(String t, int pos) {
        int from = Sentences.paragraphStart(t, pos);
        int to = t.indexOf('\n', pos);
        if (to < 0) to = t.length();
        int words = 0, numbers = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c >= '\u4E00' && c <= '\u9FFF' && "零〇一二两三四五六七八九十百千万亿元个家项人%".indexOf(c) < 0) words++;
            if (words >= 2) return false; // prose: no need to read the rest of a long paragraph
            if (Character.isDigit(c) && (i == from || !Character.isDigit(t.charAt(i - 1)) && t.charAt(i - 1) != '.')) numbers++;
        }
        return words < 2 && numbers >= 3;
    }

    // ---- reading ----

    /**
     * What one figure means, read from its sentence. {@code runIndex} counts figures listed one after another
     * (44.8%、34.86%), so that 分别 can hand each its own time and subject.
     */
    record Reading(int start, int end, int sentenceStart, BigDecimal value, UnitInfo unit, String unitName, String kind,
                   String measureWord, String qualifier, String change, String time, String region, String subject,
                   boolean target, int runIndex, int runStart, String runSubject) {}

    private Reading read(Candidate c, MatchView view, Context ctx, List<Reading> sentence) {
        String t = view.text;
        int sStart = Sentences.sentenceStart(t, c.start());
        Reading prevInSentence = sentence.isEmpty() ? null : sentence.get(sentence.size() - 1);
        UnitInfo unit = c.unit() == null ? null : rules.units().get(c.unit());
        String unitName = c.rule().unit() != null ? c.rule().unit() : unit == null ? null : unit.unit();
        String kind = c.rule().kind() != null ? c.rule().kind() : unit == null ? null : unit.kind();
        String measureWord = c.rule().measureWord() != null ? c.rule().measureWord()
                : unit != null && unit.measureWord() != null ? unit.measureWord()
                : "rank".equals(kind) && c.unit() != null ? c.unit() : null;
        BigDecimal value = value(c, unit);
        String qualifier = qualifier(c, t);
        int clauseFrom = Math.max(Sentences.clauseStart(t, c.start()), prevInSentence == null ? sStart : prevInSentence.end());
        boolean listed = prevInSentence != null && t.substring(prevInSentence.end(), c.start()).matches("[、,，和及与或]*");
        int runIndex = listed ? prevInSentence.runIndex() + 1 : 0;
        int runStart = listed ? prevInSentence.runStart() : c.start();
        boolean distributed = distributed(t, sStart, runStart);
        String change = listed ? prevInSentence.change() : change(t.substring(clauseFrom, c.start()), kind);
        String listedTime = distributed ? distributedTime(ctx, sStart, runStart, runIndex) : null;
        String time = listedTime != null ? listedTime : time(ctx, c.start(), sStart);
        String listedRegion = distributed ? distributedRegion(ctx, sStart, runStart, runIndex) : null;
        String region = listedRegion != null ? listedRegion : region(ctx, c.start(), sStart);
        String runSubject;
        if (listed) {
            runSubject = prevInSentence.runSubject();
        } else {
            List<String> placeNames = ctx.places().subList(firstAtOrAfter(ctx.places(), clauseFrom), ctx.places().size())
                    .stream().takeWhile(m -> m.end() <= c.start())
                    .filter(m -> !regions.isTradePartner(t, m)) // 对东盟出口: the partner is part of what is measured
                    .map(m -> t.substring(m.start(), m.end())).toList();
            runSubject = Subjects.clean(rules.subjectWords(), t.substring(clauseFrom, c.start()), placeNames);
            String after = Subjects.countedNoun(t.substring(c.end(), Math.min(t.length(), c.end() + 24)));
            boolean nounFollows = "count".equals(kind); // 14个地州市: the counted noun follows the measure word
            // 增长19.9%: the growth of what the sentence just measured; 依次为乌鲁木齐市(49.55亿元): the subject of the
            // sentence's last figure of the same kind (R&D经费投入超过1亿元), else of its last figure
            String inherited = change != null && prevInSentence != null && prevInSentence.subject() != null
                    ? withoutCompletion(prevInSentence.subject()) // 竣工面积814.93万平方米，下降13.5%: the change of the figure just before
                    : inheritedSubject(sentence, kind);
            if (runSubject.isEmpty() && inherited != null && !nounFollows) {
                runSubject = inherited;
            } else if (!after.isEmpty() && (nounFollows || Subjects.onlyVerb(rules.subjectWords(), runSubject))) {
                runSubject = after; // 14个地州市, 设立100亿元人才发展基金: the noun after the figure
            }
            if ((runSubject == null || runSubject.isEmpty()) && inherited != null) runSubject = inherited;
            // 收入630.5亿元，完成预算的100.1%: not the revenue but how much of its budget it reached
            // (of the figure just before it, the amount whose budget it is)
            if (inherited != null && inherited.equals(runSubject) && prevInSentence != null && prevInSentence.subject() != null
                    && !prevInSentence.subject().endsWith("完成率")
                    && BUDGET_COMPLETION.matcher(t.substring(clauseFrom, c.start())).find()) {
                runSubject = prevInSentence.subject() + "预算完成率";
            }
        }
        String subject = Indicators.withBudget(rules.indicators(), runSubject, t, clauseFrom);
        // a list distributed over places or times (乌鲁木齐、昌吉…分别) shares its subject; else the subject may list the items
        boolean overPlacesOrTimes = listedRegion != null || listedTime != null;
        String own = distributed && !overPlacesOrTimes ? ListedSubjects.item(runSubject, runIndex) : null;
        if (own != null) subject = own;
        boolean target = target(t.substring(sStart, c.start())) || comingBudgetYear(ctx, time);
        time = balanceAtYearEnd(rules.subjectWords(), time, subject);
        time = yearEndOrYear(ctx, c.start(), time, subject, measureWord);
        return new Reading(c.start(), c.end(), sStart, value, unit, unitName, kind, measureWord, qualifier, change, time,
                region, subject == null || subject.isEmpty() ? null : subject, target, runIndex, runStart, runSubject);
    }

    private static final java.util.regex.Pattern YEAR_RANGE = java.util.regex.Pattern.compile("([0-9]{4})/([0-9]{4})");

    /**
     * 2023－2025年，…增速分别为3.1%、5.5%和5.7%: a run of figures handed out by 分别 under a range of years, as many
     * figures as years, gives each its own year (atlas xiamen rating report; 2021—2023年…分别为 in bulletins' five-year
     * reviews). The last readings of {@code figures} are the sentence's, in order.
     */
    private void spreadRangeYears(String t, List<Reading> sentence, List<Figure> figures) {
        int base = figures.size() - sentence.size();
        for (int i = 0; i < sentence.size(); ) {
            int j = i;
            while (j < sentence.size() && sentence.get(j).runStart() == sentence.get(i).runStart()) j++;
            Reading first = sentence.get(i);
            int n = j - i;
            java.util.regex.Matcher m = first.time() == null ? null : YEAR_RANGE.matcher(first.time());
            boolean distributed = distributed(t, first.sentenceStart(), first.runStart());
            if (n >= 2 && distributed && m != null && m.matches()
                    && Integer.parseInt(m.group(2)) - Integer.parseInt(m.group(1)) + 1 == n) {
                boolean same = true;
                for (int k = i; k < j; k++) same &= first.time().equals(sentence.get(k).time());
                for (int k = i; same && k < j; k++) {
                    Figure f = figures.get(base + k);
                    figures.set(base + k, new Figure(f.id(), f.doc(), f.page(), f.line(), f.charStart(), f.charEnd(), f.quote(),
                            f.spanStart(), f.spanEnd(), f.raw(), f.value(), f.unit(), f.measureWord(), f.kind(), f.qualifier(),
                            String.valueOf(Integer.parseInt(m.group(1)) + k - i), f.region(), f.subject(), f.indicator(),
                            f.indicatorId(), f.change(), f.target(), f.rule(), f.note(), f.source(), f.ocrConfidence(), f.ocrBox()));
                }
            }
            i = j;
        }
    }

    /** 税收收入…完成预算的102.5%，增长7.7%: the growth is the revenue's, not its completion rate's. */
    private static String withoutCompletion(String subject) {
        return subject.endsWith("预算完成率") && subject.length() > 5 ? subject.substring(0, subject.length() - 5) : subject;
    }

    /** 完成预算的, 为年初预算的, 达到调整预算的: a completion rate of the budget named before it. */
    private static final java.util.regex.Pattern BUDGET_COMPLETION =
            java.util.regex.Pattern.compile("(?:完成|为|达到?|占)(?:年初|调整后?)?预算的?\\s*$");

    private static String inheritedSubject(List<Reading> sentence, String kind) {
        for (int i = sentence.size() - 1; i >= 0; i--) {
            Reading r = sentence.get(i);
            if (java.util.Objects.equals(r.kind(), kind) && r.subject() != null) return r.subject();
        }
        return sentence.isEmpty() ? null : sentence.get(sentence.size() - 1).subject();
    }

    /** 2020、2021年…分别占44.8%、34.86%: the k-th listed figure takes the k-th of the listed times. */
    private static String distributedTime(Context ctx, int sentenceStart, int runStart, int runIndex) {
        List<Mention> chain = new ArrayList<>();
        for (Mention m : ctx.times().subList(firstAtOrAfter(ctx.times(), sentenceStart), ctx.times().size())) {
            if (m.end() > runStart) break;
            Mention last = chain.isEmpty() ? null : chain.get(chain.size() - 1);
            if (last != null && !ctx.view().substring(last.end(), m.start()).matches("[、和及与,，]")) chain.clear();
            chain.add(m);
        }
        return chain.size() > 1 && runIndex < chain.size() ? chain.get(runIndex).value() : null;
    }

    /**
     * 对东盟、欧盟、韩国进出口分别增长25.2%、5.7%和14.7%: the k-th listed figure is about the k-th of the places
     * listed one after another (、 和 及 与) before it; null when the sentence lists fewer than two.
     */
    private String distributedRegion(Context ctx, int sentenceStart, int runStart, int runIndex) {
        List<Mention> chain = new ArrayList<>();
        for (Mention m : ctx.places().subList(firstAtOrAfter(ctx.places(), sentenceStart), ctx.places().size())) {
            if (m.end() > runStart) break;
            if (regions.notTheFiguresPlace(ctx.view(), m)) continue;
            Mention last = chain.isEmpty() ? null : chain.get(chain.size() - 1);
            if (last != null && !ctx.view().substring(last.end(), m.start()).matches("[、和及与,，\\s]{1,2}")) chain.clear();
            chain.add(m);
        }
        if (chain.size() < 2 || runIndex >= chain.size()) return null;
        String value = chain.get(runIndex).value();
        return value.equals(RegionFinder.SELF) ? ctx.mainRegion() : value;
    }

    private BigDecimal value(Candidate c, UnitInfo unit) {
        BigDecimal n = NumberParser.parse(c.num()).orElse(null);
        if (n == null) return null;
        if (c.rule().powerOf() != null) return BigDecimal.valueOf(c.rule().powerOf()).pow(n.intValue());
        if (c.mult() != null) n = n.multiply(rules.multipliers().getOrDefault(c.mult(), BigDecimal.ONE));
        if (unit != null) n = n.multiply(unit.factor());
        return n.stripTrailingZeros();
    }

    private String qualifier(Candidate c, String t) {
        if (c.rule().qualifier() != null) return c.rule().qualifier();
        if (c.inner() != null) {
            for (Cue q : rules.qualifiers()) if (q.where().equals("inside") && q.word().equals(c.inner())) return q.meaning();
        }
        String before = t.substring(Math.max(0, c.start() - 6), c.start());
        if (before.endsWith("了")) before = before.substring(0, before.length() - 1);
        String after = t.substring(c.end(), Math.min(t.length(), c.end() + 4));
        Cue best = null;
        for (Cue q : rules.qualifiers()) {
            boolean hit = q.where().equals("before") ? before.endsWith(q.word()) : q.where().equals("after") && after.startsWith(q.word());
            if (hit && (best == null || q.word().length() > best.word().length())) best = q;
        }
        return best == null ? null : best.meaning();
    }

    private String change(String clauseBefore, String kind) {
        String appliesTo = kind == null ? "amount" : switch (kind) {
            case "percent" -> "rate";
            case "pp" -> "pp";
            case "multiple" -> "rate"; // 增长2.4倍 grew 2.4-fold: a rate of growth, not an amount added
            default -> "amount";
        };
        Cue best = null;
        int bestEnd = -1;
        for (Cue cue : rules.changes()) {
            if (!cue.where().equals(appliesTo) && !cue.where().equals("any")) continue;
            int at = clauseBefore.lastIndexOf(cue.word());
            if (at < 0) continue;
            int end = at + cue.word().length();
            // 增加值 (value added) and 对经济增长的贡献率 use the word as a noun, not as this figure's change; 调增后收入预算为
            // 423.7亿元 is the level the change led to (atlas luoyang budget; 调整后, 增加后 in budget reports)
            if (end < clauseBefore.length() && "值的后".indexOf(clauseBefore.charAt(end)) >= 0) continue;
            if (end > bestEnd || end == bestEnd && cue.word().length() > best.word().length()) {
                best = cue;
                bestEnd = end;
            }
        }
        return best == null ? null : best.meaning();
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
    private static String time(Context ctx, int pos, int sentenceStart) {
        String time = time(ctx, pos, sentenceStart, false);
        // 年末/年底 alone is the end of the year the figure is otherwise about: 2026年预算…年末滚存结余 is 2026-12-31
        if (time != null && time.endsWith("-12-31") && yearEndWordBefore(ctx, pos, sentenceStart)) {
            String year = time(ctx, pos, sentenceStart, true);
            if (year != null && year.matches("[0-9]{4}.*")) return year.substring(0, 4) + "-12-31";
        }
        return time;
    }

    private static final java.util.regex.Pattern YEAR_END_WORD = java.util.regex.Pattern.compile("年(?:末|底)");

    private static boolean yearEndWordBefore(Context ctx, int pos, int sentenceStart) {
        Mention last = null;
        for (Mention m : ctx.times().subList(firstAtOrAfter(ctx.times(), sentenceStart), ctx.times().size())) {
            if (m.end() > pos) break;
            last = m;
        }
        return last != null && YEAR_END_WORD.matcher(ctx.view().substring(last.start(), last.end())).matches();
    }

    /** @param skipYearEnd leave bare 年末/年底 out, to find the year they are the end of */
    private static String time(Context ctx, int pos, int sentenceStart, boolean skipYearEnd) {
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
    private String yearEndOrYear(Context ctx, int pos, String time, String subject, String measureWord) {
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
        for (String w : rules.subjectWords().flows()) {
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
    static String balanceAtYearEnd(figtrace.rules.SubjectWords words, String time, String subject) {
        if (time == null || !time.matches("[0-9]{4}") || subject == null) return time;
        for (String f : words.flows()) if (subject.contains(f)) return time;
        for (String b : words.balances()) if (subject.contains(b)) return time + "-12-31";
        return time;
    }

    /** Index of the first mention starting at or after {@code pos} (mentions are in text order). */
    static int firstAtOrAfter(List<Mention> mentions, int pos) {
        int lo = 0, hi = mentions.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (mentions.get(mid).start() < pos) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** True when a bracket opened before {@code from} closes before {@code pos}: 较上年(修订后2023年0.59%)增长… */
    private static boolean closedBefore(String t, int from, int pos) {
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

    /** The nearest place before the figure in its sentence that is not a yardstick; else the document's region. */
    private String region(Context ctx, int pos, int sentenceStart) {
        String found = null;
        for (Mention m : ctx.places().subList(firstAtOrAfter(ctx.places(), sentenceStart), ctx.places().size())) {
            if (m.end() > pos) break;
            if (m.start() < sentenceStart || regions.notTheFiguresPlace(ctx.view(), m)) continue;
            found = m.value();
        }
        if (found == null || found.equals(RegionFinder.SELF)) return ctx.mainRegion();
        return found;
    }

    /**
     * A budget report's figures about the year after the one it executed (2026年…预算安排, 增长8.9%) are its draft
     * budget: a plan, whatever words stand before them. Final accounts close a year and plan nothing.
     */
    private static boolean comingBudgetYear(Context ctx, String time) {
        if (ctx.document().kind() != DocKind.BUDGET || time == null || ctx.periodYear() == null) return false;
        if (!time.matches("[0-9]{4}(-.*)?")) return false;
        return Integer.parseInt(time.substring(0, 4)) > ctx.periodYear();
    }

    private boolean target(String sentenceBefore) {
        // a cue word inside a name (科技计划项目, 目标完成率, 计划生育) says nothing about this figure being a goal
        for (String n : notTargets) sentenceBefore = sentenceBefore.replace(n, "");
        for (com.google.re2j.Pattern p : notTargetPatterns) sentenceBefore = p.matcher(sentenceBefore).replaceAll("");
        for (String w : targetWords) if (sentenceBefore.contains(w)) return true;
        for (com.google.re2j.Pattern p : targetPatterns) if (p.matcher(sentenceBefore).find()) return true;
        return false;
    }

    // ---- output ----

    private Figure toFigure(SourceFile source, DocumentText text, MatchView view, Candidate c, Reading r) {
        int spanStart = view.source(c.start());
        int spanEnd = view.sourceEnd(c.end());
        int qStart = view.source(r.sentenceStart());
        int qEnd = view.sourceEnd(Sentences.sentenceEnd(view.text, c.end()));
        while (qStart < spanStart && Character.isWhitespace(text.text().charAt(qStart))) qStart++;
        TextLine line = text.lineAt(spanStart);
        figtrace.rules.Indicator indicator = Indicators.find(rules.indicators(), r.subject());
        String raw = text.text().substring(spanStart, spanEnd).replaceAll("\\s*[\r\n]+\\s*", "");
        return new Figure(Ids.figure(source.sha256(), spanStart, spanEnd), source.name(), line.page() == 0 ? null : line.page(),
                line.number(), qStart, qEnd, text.text().substring(qStart, qEnd), spanStart, spanEnd, raw, r.value(),
                r.unitName(), r.measureWord(), FigureKind.of(r.kind()), Qualifier.of(r.qualifier()), r.time(), r.region(), r.subject(),
                indicator == null ? null : indicator.name(), indicator == null ? null : indicator.id(), Change.of(r.change()), r.target(), c.rule().qualifiedId(),
                c.rule().id().equals("range") ? "one end of a range" : null);
    }

}
