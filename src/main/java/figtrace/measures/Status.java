package figtrace.measures;

import figtrace.model.MeasureStatus;

import java.util.regex.Pattern;

/**
 * Status of a measure. In a planning section (下一步工作, a paper's 路径/对策 part, a budget report's 预算安排) every
 * measure is a plan, whatever tense its verbs have; in a section reporting the past (执行情况, 工作回顾) every measure
 * is done unless it names the future (将, 下一步). Elsewhere the first cue word in the clause decides; else an explicit past year or a reported
 * count means done; else ongoing.
 */
final class Status {

    /** 2024年 as the time of an action (到2025年 is a target, handled by the cue list). */
    private static final Pattern YEAR = Pattern.compile("(?<![到至])20\\d\\d\\s*年");

    private Status() {}

    /** @param hasFigures a clause reporting counts or amounts (认定…532家) reports a result */
    static MeasureStatus of(MeasureCues cues, String clause, MeasureStatus sectionStatus, boolean hasFigures) {
        if (sectionStatus == MeasureStatus.PLANNED) return MeasureStatus.PLANNED;
        String text = clause;
        for (String n : cues.notCues) text = text.replace(n, " ".repeat(n.length()));
        // in a section reporting the past year (预算执行情况, 工作回顾) 持续, 争取 and 推进 tell what was done; only an
        // explicit future word (将, 下一步, 到2030年) makes a clause there a plan
        if (sectionStatus == MeasureStatus.DONE) {
            for (String f : cues.futureCues) if (text.contains(f)) return MeasureStatus.PLANNED;
            return MeasureStatus.DONE;
        }
        MeasureStatus found = null;
        int at = Integer.MAX_VALUE;
        for (var e : cues.statusCues.entrySet()) {
            int i = text.indexOf(e.getKey());
            if (i >= 0 && i < at) { at = i; found = e.getValue(); }
        }
        if (found != null) return found;
        if (sectionStatus != null) return sectionStatus;
        return hasFigures || YEAR.matcher(text).find() ? MeasureStatus.DONE : MeasureStatus.ONGOING;
    }
}
