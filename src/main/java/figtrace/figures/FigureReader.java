package figtrace.figures;

import figtrace.rules.Cue;
import figtrace.rules.FigureWords;
import figtrace.rules.Rules;
import figtrace.rules.UnitInfo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading one found figure: its value, unit, qualifier, change, time ({@link FigureTimes}), region, subject
 * ({@link Subjects}, {@link ListedSubjects}) and whether it is a goal, from the sentence around it and the figures
 * read before it in that sentence (a run of listed figures shares its change and subject; 分别 hands out times,
 * places and listed subjects one by one).
 */
final class FigureReader {
    private final Rules rules;
    private final RegionFinder regions;
    /** The time words stripped from a subject (Subjects.timeWords). */
    private final java.util.regex.Pattern timeWords;
    /** What may stand between listed figures, places and times (figure_words.tsv list_joiner, figure_joiner). */
    private final java.util.regex.Pattern listedFigures, listedPlaces, listedTimes;
    /** 完成预算的, 为年初预算的, 达到调整预算的: a completion rate of the budget named before it (figure_words.tsv). */
    private final java.util.regex.Pattern budgetCompletion;
    /** 预算完成率: appended to the amount's subject for its completion rate; null when figure_words.tsv has none. */
    private final String completionSubject;
    private final List<com.google.re2j.Pattern> targetPatterns = new ArrayList<>();
    private final List<String> targetWords = new ArrayList<>();
    private final List<String> notTargets = new ArrayList<>();
    private final List<com.google.re2j.Pattern> notTargetPatterns = new ArrayList<>();
    /** What the matches of {@link #targetPatterns} and {@link #notTargetPatterns} hold (same order): a text without it is skipped. */
    private final List<figtrace.text.RequiredText> targetRequired = new ArrayList<>(), notTargetRequired = new ArrayList<>();
    /** targets.tsv section / section_not: words of a work report's top heading over its plans, or over a review. */
    private final List<String> plannedSections = new ArrayList<>();
    private final List<String> reportedSections = new ArrayList<>();
    private static final java.util.regex.Pattern TOP_HEADING = java.util.regex.Pattern.compile("^\\s*[一二三四五六七八九十]+、");

    FigureReader(Rules rules, RegionFinder regions) {
        this.rules = rules;
        this.timeWords = Subjects.timeWords(rules.subjectWords());
        FigureWords words = rules.figureWords();
        List<String> figureJoiners = new ArrayList<>(words.listJoiners());
        figureJoiners.addAll(words.figureJoiners());
        this.listedFigures = java.util.regex.Pattern.compile("(?:" + figtrace.rules.PatternTable.alternation(figureJoiners) + ")*");
        this.listedPlaces = java.util.regex.Pattern.compile("(?:" + figtrace.rules.PatternTable.alternation(words.listJoiners()) + "|\\s){1,2}");
        this.listedTimes = java.util.regex.Pattern.compile("(?:" + figtrace.rules.PatternTable.alternation(words.listJoiners()) + ")");
        this.budgetCompletion = java.util.regex.Pattern.compile("(?:" + figtrace.rules.PatternTable.alternation(words.completionVerbs())
                + ")(?:" + figtrace.rules.PatternTable.alternation(words.budgetWords()) + ")的?\\s*$");
        this.completionSubject = words.completionSubject().isEmpty() ? null : words.completionSubject().get(0);
        this.regions = regions;
        for (Cue cue : rules.targets()) {
            if (cue.where().equals("word")) targetWords.add(cue.word());
            else if (cue.where().equals("not")) notTargets.add(cue.word());
            else if (cue.where().equals("not_regex")) notTargetPatterns.add(com.google.re2j.Pattern.compile(cue.word()));
            else if (cue.where().equals("section")) plannedSections.add(cue.word());
            else if (cue.where().equals("section_not")) reportedSections.add(cue.word());
            else targetPatterns.add(com.google.re2j.Pattern.compile(cue.word()));
        }
        for (com.google.re2j.Pattern p : targetPatterns) targetRequired.add(figtrace.text.RequiredText.of(p));
        for (com.google.re2j.Pattern p : notTargetPatterns) notTargetRequired.add(figtrace.text.RequiredText.of(p));
    }

    /**
     * What one figure means, read from its sentence. {@code runIndex} counts figures listed one after another
     * (44.8%、34.86%), so that 分别 can hand each its own time and subject.
     */
    record Reading(int start, int end, int sentenceStart, BigDecimal value, UnitInfo unit, String unitName, String kind,
                   String measureWord, String qualifier, String change, String time, String region, String subject,
                   boolean target, int runIndex, int runStart, String runSubject, String indicatorSubject) {
        /** What the indicator is looked up with: the subject, or the sector's measure (制造业增加值) it stands for. */
        String indicatorKey() { return indicatorSubject != null ? indicatorSubject : subject; }
    }

    Reading read(Candidate c, MatchView view, FigureStage.Context ctx, List<Reading> sentence) {
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
        boolean listed = prevInSentence != null && listedFigures.matcher(t.substring(prevInSentence.end(), c.start())).matches();
        int runIndex = listed ? prevInSentence.runIndex() + 1 : 0;
        int runStart = listed ? prevInSentence.runStart() : c.start();
        boolean distributed = distributed(t, sStart, runStart);
        String change = listed ? prevInSentence.change() : change(t.substring(clauseFrom, c.start()), kind);
        String listedTime = distributed ? FigureTimes.distributedTime(ctx, listedTimes, sStart, runStart, runIndex) : null;
        String base = listed ? null : TimeFinder.baseTime(t.substring(Math.max(sStart, c.start() - 24), c.start()));
        String time = listedTime != null ? listedTime : base != null ? base : FigureTimes.time(ctx, c.start(), sStart);
        String listedRegion = distributed ? distributedRegion(ctx, sStart, runStart, runIndex) : null;
        String region = listedRegion != null ? listedRegion : region(ctx, c.start(), sStart);
        String runSubject;
        if (listed) {
            runSubject = prevInSentence.runSubject();
        } else {
            List<String> placeNames = ctx.places().subList(FigureTimes.firstAtOrAfter(ctx.places(), clauseFrom), ctx.places().size())
                    .stream().takeWhile(m -> m.end() <= c.start())
                    .filter(m -> !regions.isTradePartner(t, m)) // 对东盟出口: the partner is part of what is measured
                    .map(m -> t.substring(m.start(), m.end())).toList();
            runSubject = Subjects.clean(rules.subjectWords(), timeWords, t.substring(clauseFrom, c.start()), placeNames);
            String window = t.substring(c.end(), Math.min(t.length(), c.end() + 24));
            String after = Subjects.countedNoun(window);
            // 290个项目实际出资257亿元 (atlas Beijing budget report), 5221家企业解决贷款203.4亿元 (atlas Suzhou bulletin), 25家央企
            // 签署投资协议9400亿元 (Xinjiang work report), 30个重大项目完成投资188.2亿元 (gold 000): a counted noun that runs
            // into the next figure holds that figure's verb; what is counted ends before it
            if ("count".equals(kind) && !after.isEmpty() && after.length() < window.length()
                    && Character.isDigit(window.charAt(after.length()))) {
                after = Subjects.nounBeforeVerb(rules.subjectWords(), after, true);
            }
            // 14个地州市: the counted noun follows the measure word; 哈密400万吨/年煤制油、1500万吨/年煤炭分质分级利用项目,
            // 塔城2×66万千瓦煤电一体化 (Xinjiang work report), 16兆瓦超大容量风电机组 (gold 004): a physical amount right before a
            // noun is its capacity; 统筹用好中央149.2亿元乡村振兴补助资金: a money amount right before a fund is that fund
            String noun = startsWithVerb(after) ? "" : Subjects.nounBeforeVerb(rules.subjectWords(), after);
            boolean nounFollows = "count".equals(kind)
                    || "physical".equals(kind) && !noun.isEmpty()
                    || "money".equals(kind) && FigureWords.endsWithAny(noun, rules.subjectWords().funds());
            if (!"count".equals(kind) && nounFollows) after = noun;
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
            // 统筹 8000万元支持开展系列消费促进活动: the fund for the purpose named after the amount
            if ("money".equals(kind) && !nounFollows) {
                String fund = Subjects.purpose(rules.subjectWords(), Subjects.clean(rules.subjectWords(), timeWords,
                        t.substring(clauseFrom, c.start()), placeNames), t.substring(c.end(), Math.min(t.length(), c.end() + 48)));
                if (fund != null) runSubject = fund;
            }
            // 全年邮政行业业务总量27.06亿标准量，增长10.9% (Binzhou, Xiangtan bulletins): a change whose sentence holds no
            // figure before it (a number in a unit figtrace does not know) is of what the sentence opens with
            if ((runSubject == null || runSubject.isEmpty()) && inherited == null && change != null) {
                int number = sStart;
                while (number < clauseFrom && !Character.isDigit(t.charAt(number))) number++;
                if (number > sStart && number < clauseFrom) {
                    runSubject = Subjects.clean(rules.subjectWords(), timeWords, t.substring(sStart, number), placeNames);
                }
            }
            // 税收收入21.13亿元，下降6.49%，占一般公共预算收入的53.71%; 棉花总产568.6万吨、占全国92.2%: a share whose
            // clause names only the whole (占…) is the share of what the sentence just measured (税收收入占一般公共预算收入),
            // and 完成144.8亿元，占调整预算的83.1% is that amount's completion rate, a level (below)
            if ("share".equals(change) && inherited != null && prevInSentence != null && prevInSentence.subject() != null
                    && FigureWords.startsWithAny(runSubject, rules.figureWords().shareWords())) {
                if (completionSubject != null && budgetCompletion.matcher(t.substring(clauseFrom, c.start())).find()) {
                    runSubject = inherited;
                    change = null;
                } else {
                    runSubject = partOfShare(withoutCompletion(prevInSentence.subject())) + runSubject;
                }
            }
            // 收入630.5亿元，完成预算的100.1%: not the revenue but how much of its budget it reached
            // (of the figure just before it, the amount whose budget it is)
            if (completionSubject != null && inherited != null && inherited.equals(runSubject) && prevInSentence != null
                    && prevInSentence.subject() != null
                    && !FigureWords.endsWithAny(prevInSentence.subject(), rules.figureWords().completionRate())
                    && budgetCompletion.matcher(t.substring(clauseFrom, c.start())).find()) {
                runSubject = prevInSentence.subject() + completionSubject;
            }
        }
        if (!listed) runSubject = withLevel(runSubject, t, sStart, clauseFrom);
        String subject = Indicators.withBudget(rules.indicators(), runSubject, t, clauseFrom);
        if (!listed && ("increase".equals(change) || "decrease".equals(change))
                && cueInName(subject, t.substring(clauseFrom, c.start()), kind)) change = null;
        // a list distributed over places or times (乌鲁木齐、昌吉…分别) shares its subject; else the subject may list the items
        boolean overPlacesOrTimes = listedRegion != null || listedTime != null;
        String own = distributed && !overPlacesOrTimes ? ListedSubjects.item(rules.listedSubjects(), runSubject, runIndex) : null;
        if (own != null) subject = own;
        // 生育和基本医疗保险分别参保: what the figures are about stands before 分别, the verb after it
        else if (subject != null && subject.indexOf("分别") >= 2 && subject.length() - subject.indexOf("分别") <= 5) {
            subject = subject.substring(0, subject.indexOf("分别")); // not 债务分别约占政府债务余额 (atlas Xiamen): a share of what follows
        }
        boolean target = target(t.substring(sStart, c.start())) || FigureTimes.comingBudgetYear(ctx, time)
                || plannedSection(ctx, c.start(), time);
        time = FigureTimes.balanceAtYearEnd(rules.subjectWords(), time, subject);
        time = FigureTimes.yearEndOrYear(rules.subjectWords(), ctx, c.start(), time, subject, measureWord);
        return new Reading(c.start(), c.end(), sStart, value, unit, unitName, kind, measureWord, qualifier, change, time,
                region, subject == null || subject.isEmpty() ? null : subject, target, runIndex, runStart, runSubject,
                listed ? null : sectorMeasure(subject, sentence, t, sStart, c.start()));
    }

    /** 分别 (patterns/figure_words.tsv distributive) in the six characters before a run of listed figures. */
    boolean distributed(String t, int from, int runStart) {
        String before = t.substring(Math.max(from, runStart - 6), runStart);
        return rules.figureWords().distributive().stream().anyMatch(before::contains);
    }

    /**
     * 初中招生28856人，在校生85701人: a bare 在校生, 毕业生, 招生 (subject_words.tsv needs_level) is of the level
     * (subject_words.tsv level: 初中, 普通高校 …) its part of the sentence (since the last ； or 其中) names first, unless
     * that level is listed with another (普通高校和成人高校).
     */
    private String withLevel(String subject, String t, int sentenceStart, int clauseFrom) {
        if (subject == null || !rules.subjectWords().needsLevel().contains(subject)) return subject;
        // since the last ； or 其中 (subject_words.tsv level_break): 普通中学140所，其中，高中27所，在校生8.18万人 are
        // 高中's students (Aksu bulletin)
        int from = sentenceStart;
        search:
        for (int i = clauseFrom - 1; i >= sentenceStart; i--) {
            for (String w : rules.subjectWords().levelBreaks()) {
                if (t.startsWith(w, i)) { from = Math.min(clauseFrom, i + w.length()); break search; }
            }
        }
        String part = t.substring(from, clauseFrom).replaceAll("\\s+", "");
        String level = null;
        int at = Integer.MAX_VALUE;
        for (String w : rules.subjectWords().levels()) {
            int i = part.indexOf(w);
            if (i >= 0 && (i < at || i == at && w.length() > level.length())) { at = i; level = w; }
        }
        // 年末全市共有普通高校和成人高校7所，…在校学生6.92万人: the students of two levels together keep the bare word
        if (level == null || at + level.length() < part.length() && "和及、与".indexOf(part.charAt(at + level.length())) >= 0) return subject;
        return level + subject;
    }

    /**
     * 税收收入占一般公共预算收入 → 税收收入: the part a share is of, without the scope words and verbs an indicator
     * name never starts with (实现限上网络零售额 → 限上网络零售额: patterns/indicator_words.tsv, role leading).
     */
    private String partOfShare(String subject) {
        for (String w : rules.figureWords().shareWords()) {
            int at = subject.indexOf(w);
            if (at > 0) { subject = subject.substring(0, at); break; }
        }
        for (boolean cut = true; cut; ) {
            cut = false;
            for (String w : rules.indicators().leading()) {
                if (subject.length() > w.length() + 1 && subject.startsWith(w)) { subject = subject.substring(w.length()); cut = true; }
            }
        }
        return subject;
    }

    /**
     * 分门类看，采矿业增加值下降8.0%，制造业增长10.7% (Jingzhou; atlas Zhengzhou, Sanmenxia, Xinxiang, Kunming bulletins),
     * 工业投资下降45.0%，其中，采矿业下降50.0%，制造业下降47.8% (atlas Shaoyang bulletin): a sector (…业) named alone after
     * the sentence's last sector or total named with its measure (采矿业增加值, 工业投资) is measured the same way; the
     * sector with that measure (制造业增加值, 制造业投资) when it is exactly a catalogued name, else null (and so is a
     * sector that names an indicator itself).
     */
    private String sectorMeasure(String subject, List<Reading> sentence, String t, int sentenceStart, int at) {
        if (subject == null || subject.length() < 2 || !subject.endsWith("业")
                || Indicators.find(rules.indicators(), subject) != null) return null;
        for (int k = sentence.size() - 1; k >= 0; k--) {
            String p = sentence.get(k).subject();
            if (p == null) continue;
            int i = p.lastIndexOf('业');
            if (i <= 0 || i == p.length() - 1) continue;
            String measured = subject + p.substring(i + 1);
            // exactly a catalogued name: 重工业增加值 is not 工业增加值, which it merely ends with
            return Indicators.named(rules.indicators(), measured) != null ? measured : null;
        }
        // 全年全市规模以上工业增加值比上年增长7.5%。分门类看，制造业增长8.0% (atlas Kaifeng, Puyang, Yichang, Quanzhou,
        // Shijiazhuang bulletins; 分行业看，采矿业增长5.6%，制造业增长6.9% in Zhenjiang's): a breakdown (分…看) whose sentence
        // names no measure is of the measure the sentences before it last named after a sector (工业增加值, 工业投资)
        if (!BREAKDOWN.matcher(t.substring(sentenceStart, at)).find()) return null;
        String before = t.substring(Math.max(0, sentenceStart - MEASURE_REACH), sentenceStart).replaceAll("\\s+", "");
        java.util.regex.Matcher m = SECTOR_MEASURE.matcher(before);
        String measure = null;
        while (m.find()) measure = m.group(1);
        if (measure == null) return null;
        String measured = subject + measure;
        return Indicators.named(rules.indicators(), measured) != null ? measured : null;
    }

    /** 分门类看, 分行业看, 分三大门类看: a sentence that breaks down what the sentences before it measured. */
    private static final java.util.regex.Pattern BREAKDOWN = java.util.regex.Pattern.compile("分[^，,。；;：:]{1,6}看");
    /** A sector's measure in the text before a breakdown (…工业增加值, …业投资, …企业营业收入: the last one counts). */
    private static final java.util.regex.Pattern SECTOR_MEASURE = java.util.regex.Pattern.compile("业(增加值|投资|营业收入|利润总额)");
    /** How far back the measure of a breakdown is looked for: the sentences of about one paragraph. */
    private static final int MEASURE_REACH = 200;

    /** True when the words after a figure open with a verb (安排各类支出, 支持…): a clause of their own, not its noun. */
    private boolean startsWithVerb(String after) {
        for (String v : rules.subjectWords().takingVerbs()) if (after.startsWith(v)) return true;
        for (String v : rules.subjectWords().leadingVerbs()) if (after.startsWith(v)) return true;
        for (String v : rules.subjectWords().purposes()) if (after.startsWith(v)) return true;
        for (String v : rules.subjectWords().trailing()) if (after.startsWith(v)) return true; // 由6N提高到11N (gold 004)
        for (String v : rules.subjectWords().nounEnds()) if (after.startsWith(v)) return true;
        return false;
    }

    /** 税收收入…完成预算的102.5%，增长7.7%: the growth is the revenue's, not its completion rate's. */
    private String withoutCompletion(String subject) {
        if (completionSubject == null) return subject;
        int n = completionSubject.length();
        return subject.endsWith(completionSubject) && subject.length() > n ? subject.substring(0, subject.length() - n) : subject;
    }

    private static String inheritedSubject(List<Reading> sentence, String kind) {
        for (int i = sentence.size() - 1; i >= 0; i--) {
            Reading r = sentence.get(i);
            if (java.util.Objects.equals(r.kind(), kind) && r.subject() != null) return r.subject();
        }
        return sentence.isEmpty() ? null : sentence.get(sentence.size() - 1).subject();
    }

    /**
     * 对东盟、欧盟、韩国进出口分别增长25.2%、5.7%和14.7%: the k-th listed figure is about the k-th of the places
     * listed one after another (、 和 及 与) before it; null when the sentence lists fewer than two.
     */
    private String distributedRegion(FigureStage.Context ctx, int sentenceStart, int runStart, int runIndex) {
        List<Mention> chain = new ArrayList<>();
        for (Mention m : ctx.places().subList(FigureTimes.firstAtOrAfter(ctx.places(), sentenceStart), ctx.places().size())) {
            if (m.end() > runStart) break;
            if (regions.notTheFiguresPlace(ctx.view(), m)) continue;
            Mention last = chain.isEmpty() ? null : chain.get(chain.size() - 1);
            if (last != null && !listedPlaces.matcher(ctx.view().substring(last.end(), m.start())).matches()) chain.clear();
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
        String appliesTo = appliesTo(kind);
        Cue best = changeCue(clauseBefore, appliesTo);
        if (best != null && best.meaning().equals(figtrace.rules.RulesStage.LEVEL_CUE)) {
            // 提高至72.2%, 由104.99亿元增加到248.07亿元: the level reached, not a change; 占…比重提升至77% stays a share
            return shareBefore(clauseBefore, appliesTo);
        }
        return best == null ? null : best.meaning();
    }

    private static String appliesTo(String kind) {
        return kind == null ? "amount" : switch (kind) {
            case "percent" -> "rate";
            case "pp" -> "pp";
            case "multiple" -> "rate"; // 增长2.4倍 grew 2.4-fold: a rate of growth, not an amount added
            default -> "amount";
        };
    }

    /**
     * 新增债券1378.0亿元 (atlas Beijing, Chongqing budget reports), 新增债务84.78亿元 (Jingdezhen budget report), 城镇新增
     * 就业 (bulletins): a change word (新增) inside the name of the catalogued indicator the subject names is part of
     * what is measured, so the figure is that indicator's level. True when the subject names an indicator that it no
     * longer names without the word.
     */
    private boolean cueInName(String subject, String clauseBefore, String kind) {
        if (subject == null) return false;
        Cue cue = changeCue(clauseBefore, appliesTo(kind));
        if (cue == null) return false;
        int i = subject.indexOf(cue.word());
        if (i < 0) return false;
        figtrace.rules.Indicator with = Indicators.find(rules.indicators(), subject);
        if (with == null) return false;
        String rest = subject.substring(0, i) + subject.substring(i + cue.word().length());
        return !with.equals(Indicators.find(rules.indicators(), rest));
    }

    /** The change cue nearest before the figure in its clause (the longest among those ending there), or null. */
    private Cue changeCue(String clauseBefore, String appliesTo) {
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
        return best;
    }

    /** "share" when a share cue (占, 比重) of the figure's kind stands in the clause before it, else null (a level). */
    private String shareBefore(String clauseBefore, String appliesTo) {
        for (Cue cue : rules.changes()) {
            if ((cue.where().equals(appliesTo) || cue.where().equals("any")) && cue.meaning().equals("share")
                    && clauseBefore.contains(cue.word())) return "share";
        }
        return null;
    }

    /**
     * The nearest place before the figure in its sentence that is not a yardstick; else the zone whose budget section
     * the figure stands in ({@link ZoneSections}); else the document's region. 全市/我市 name the document's region.
     */
    private String region(FigureStage.Context ctx, int pos, int sentenceStart) {
        String found = null;
        for (Mention m : ctx.places().subList(FigureTimes.firstAtOrAfter(ctx.places(), sentenceStart), ctx.places().size())) {
            if (m.end() > pos) break;
            if (m.start() < sentenceStart || regions.notTheFiguresPlace(ctx.view(), m)) continue;
            if (enclosedBefore(ctx.view(), m, pos, ctx.places())) continue;
            found = m.value();
        }
        if (found == null) {
            String zone = ZoneSections.at(ctx.zoneSections(), pos);
            return zone != null ? zone : ctx.mainRegion();
        }
        return found.equals(RegionFinder.SELF) ? ctx.mainRegion() : found;
    }

    /**
     * True when the place stands inside brackets that close before the figure: 过境中欧(中亚)班列增长14%，达到1.64万列
     * (Xinjiang work report), 新疆高校科技成果转化对接会（乌鲁木齐、克拉玛依专场）等活动4场 (gold 004), 昌吉高新区专场: the
     * bracket qualifies a name, so its place is not where the figure belongs. A figure inside the brackets right after
     * the place (克拉玛依市(1.26%)) is not affected: its brackets have not closed, and nor is a place that narrows the
     * place right before its brackets (中国（枣庄）国际闲置品循环经济产业园: atlas Zaozhuang bulletin; 中国（新疆）自由贸易试验区).
     */
    private static boolean enclosedBefore(String t, Mention m, int pos, List<Mention> places) {
        int depth = 0, open = -1;
        for (int i = m.start() - 1; i >= 0 && m.start() - i <= 40; i--) {
            char c = t.charAt(i);
            if (c == ')' || c == '）') depth++;
            else if (c == '(' || c == '（') {
                if (depth == 0) { open = i; break; }
                depth--;
            } else if ("。；;\n".indexOf(c) >= 0) break;
        }
        if (open < 0) return false;
        for (Mention p : places) {
            if (p.end() == open) return false;
            if (p.start() >= open) break;
        }
        return FigureTimes.closedBefore(t, m.end(), pos);
    }

    /**
     * A government work report's plans for the year (二、2025年重点工作, 二、2025年工作安排, 三、2025年重点工作任务: the
     * Xinjiang, Jilin, Heilongjiang and Henan work reports; targets.tsv section) are goals, except a figure dated before
     * the year the heading names (去年…, 2024年… recalled there) and under a heading that reports (targets.tsv
     * section_not: 工作回顾, 成效).
     */
    private boolean plannedSection(FigureStage.Context ctx, int pos, String time) {
        if (plannedSections.isEmpty() || ctx.document() == null || ctx.document().kind() != figtrace.model.DocKind.REPORT) return false;
        Mention top = null;
        for (Mention h : ctx.sectionTimes()) {
            if (h.start() >= pos) break;
            if (TOP_HEADING.matcher(ctx.view().substring(h.start(), h.end())).find()) top = h;
        }
        if (top == null) return false;
        String heading = ctx.view().substring(top.start(), top.end());
        for (String w : reportedSections) if (heading.contains(w)) return false;
        boolean planned = false;
        for (String w : plannedSections) if (heading.contains(w)) { planned = true; break; }
        if (!planned) return false;
        String year = top.value();
        return time == null || year == null || !year.matches("[0-9]{4}") || !time.matches("[0-9]{4}.*")
                || time.substring(0, 4).compareTo(year) >= 0;
    }

    private boolean target(String sentenceBefore) {
        // a cue word inside a name (科技计划项目, 目标完成率, 计划生育) says nothing about this figure being a goal
        // the expressions first: 争取…科技计划项目 255 项 names what was obtained before 计划项目 is taken out as a name
        // (an expression whose required text is missing has no match: skipped, as replacing nothing changes nothing)
        for (int i = 0; i < notTargetPatterns.size(); i++) {
            if (notTargetRequired.get(i).mayMatch(sentenceBefore)) {
                sentenceBefore = notTargetPatterns.get(i).matcher(sentenceBefore).replaceAll("");
            }
        }
        for (String n : notTargets) sentenceBefore = sentenceBefore.replace(n, "");
        for (String w : targetWords) if (sentenceBefore.contains(w)) return true;
        for (int i = 0; i < targetPatterns.size(); i++) {
            if (targetRequired.get(i).mayMatch(sentenceBefore) && targetPatterns.get(i).matcher(sentenceBefore).find()) return true;
        }
        return false;
    }
}
