package figtrace.measures;

import figtrace.entities.Paragraph;
import figtrace.model.Entity;
import figtrace.model.Figure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the measures of one paragraph. Offsets in {@link Clause} are document offsets (mapped through the paragraph). */
final class ClauseReader {

    record Clause(int start, int end, String actor, List<String> entityIds) {}

    /** Where a part opens with an action: the actor before the verb (or null) and the verb's end. */
    private record Opening(String actor, int verbEnd, boolean bare) {}

    /** A date that may stand before the actor or verb (2024年, 截至2024年底); lead words (近年来…) are in the cue file. */
    private static final Pattern LEAD_DATE = Pattern.compile(
            "^(?:截至\\s*)?\\d{4}\\s*年(?:\\s*\\d{1,2}\\s*月)?(?:底|末|以来)?");

    /** An Arabic item number before a paragraph's first words (1. 2． 3、), not a decimal figure (1.5亿元). */
    private static final Pattern ITEM_NUMBER = Pattern.compile("\\d{1,2}[.．、](?![\\d])");

    /** The numbered points of a paper's recommendations: 第一，… 第二，… */
    private static final Pattern ORDINAL_POINT = Pattern.compile("第[一二三四五六七八九十]+[，,]");

    /** A bare verb part joins the measure before it only while the two stay about as long as a gold measure. */
    private static final int MAX_JOINED = 70;

    private final MeasureCues cues;
    private final String s;
    private final Paragraph para;
    private final List<Entity> entities;
    private final List<String> entityTexts;
    /** The document's figures (from the figure stage), in document offsets. */
    private final List<Figure> figures;

    /**
     * In a government's own report (a work report, a budget report) each comma part that opens with a verb is an action
     * of its own (培育优良品种161个，恢复改善灌溉面积833万亩); in a paper a bare verb part goes on with the measure before.
     */
    private final boolean eachVerbActs;

    /** The sentence being read is a report paragraph's short opening sentence (its topic): see {@link #measures()}. */
    private boolean lead;
    private static final int LEAD_MAX = 20;
    /** The longest opening sentence of two comma parts read as one lead: 4.搭建智能管理平台，创新“三保”管控模式。 (22). */
    private static final int LEAD_PAIR_MAX = 24;

    ClauseReader(MeasureCues cues, Paragraph paragraph, List<Entity> entities, List<Figure> figures, boolean eachVerbActs) {
        this.eachVerbActs = eachVerbActs;
        this.figures = figures;
        this.cues = cues;
        this.s = paragraph.text();
        this.para = paragraph;
        this.entities = entities;
        this.entityTexts = entities.stream().map(Entity::text).filter(t -> t.length() >= 2).distinct()
                .sorted(Comparator.comparingInt(t -> -t.length())).toList();
    }

    List<Clause> measures() {
        List<Clause> out = new ArrayList<>();
        boolean inOrdinalPoint = false;
        boolean firstSentence = true;
        for (int[] sentence : ClauseSplitter.sentences(s)) {
            // a report's paragraph opens with its topic as a short sentence of its own, a measure even when its object is
            // abstract: 支持民营经济发展壮大。 (jilin work report), 稳步推进新型城镇化。 (heilongjiang), 提升城市功能品质。 (henan)
            // — or as two short comma parts, the action and its aim, one measure: 强化资金撬动，助力经济发展。 (panjin budget
            // report), 2.推进矿山生态修复，焕发绿色发展生机。 and 1.精准施策抓征管，收入质效双提升。 (fuxin final-accounts report)
            List<int[]> sentenceParts = ClauseSplitter.parts(s, sentence);
            // (a pair with a figure reports two results, not a topic: 筹措资金835亿元以上，实施十大为民办实事工程, guangxi)
            int leadMax = sentenceParts.size() != 2 ? LEAD_MAX
                    : hasFigure(sentence[0], sentence[1]) ? -1 : LEAD_PAIR_MAX;
            lead = eachVerbActs && firstSentence && sentenceParts.size() <= 2
                    && sentence[1] - sentence[0] <= leadMax && s.substring(sentence[1]).strip().length() > 1
                    && "（(".indexOf(s.charAt(sentence[0])) < 0;
            firstSentence = false;
            int pending = -1, curStart = -1, curEnd = -1;
            String sentenceActor = null;
            String curActor = null;
            // 第一，着力打造…集群。优化以…为主的产业结构，形成…集群。 A paper's numbered point is one measure: the bare
            // sentences after its headline restate it
            boolean marked = ClauseSplitter.LIST_MARKER.matcher(s).region(sentence[0], sentence[1]).lookingAt();
            if (marked) inOrdinalPoint = ORDINAL_POINT.matcher(s).region(sentence[0], sentence[1]).lookingAt();
            boolean elaboration = !marked && inOrdinalPoint;
            boolean first = true;
            for (int[] part : sentenceParts) {
                Opening o = opening(part);
                // the aim after a lead's action goes on with it
                if (lead && curStart >= 0) o = null;
                if (o != null && first && elaboration && o.bare()) break;
                if (o != null) first = false;
                // a bare verb right after a measure goes on with it (加大财政投入，用好…经费，提高…比例); a new subject, an
                // adverb (持续开展…) or a list marker starts the next measure
                // (but a second result with its own count is its own measure: 认定…532家，培育…19家)
                if (o != null && curStart >= 0 && o.bare() && !eachVerbActs && curEnd - curStart + part[1] - part[0] <= MAX_JOINED
                        && !(hasFigure(part[0], part[1]) && hasFigure(curStart, curEnd))) {
                    o = null;
                }
                if (o != null) {
                    if (curStart >= 0) emit(curStart, curEnd, curActor, out);
                    // a lead-in with a date or count belongs to the measure (截至2024年末，全疆支持…); 近年来 does not
                    curStart = pending >= 0 && hasDigit(pending, part[0]) ? pending : part[0];
                    // the item number is no part of the measure (2.健全保障机制 → 健全保障机制)
                    Matcher number = ITEM_NUMBER.matcher(s).region(curStart, part[1]);
                    if (number.lookingAt()) curStart = number.end();
                    curEnd = part[1];
                    // the subject of a sentence acts in all its measures: 新疆…，加快培育…，探索总结…
                    curActor = o.actor() != null ? o.actor() : sentenceActor;
                    if (o.actor() != null) sentenceActor = o.actor();
                    pending = -1;
                } else if (curStart >= 0 && startsWithCopula(part)) {
                    // 加快…调整，优化…配置，是新时代…的重要任务: what comes before 是 is the topic of a statement
                    curStart = -1;
                    pending = -1;
                } else if (curStart >= 0 && (cues.isProblem(s.substring(part[0], part[1]))
                        || cues.isCopula(s.substring(part[0], part[1])))) {
                    // …，为推动全市高质量发展提供坚强的财政支撑: a purpose or result ends the measure
                    // 持续加强制造业创新中心建设，但其规模有待进一步扩大: the shortcoming is not part of the measure
                    emit(curStart, curEnd, curActor, out);
                    curStart = -1;
                    pending = -1;
                } else if (curStart >= 0) {
                    curEnd = part[1];
                } else if (pending < 0) {
                    pending = part[0];
                }
            }
            if (curStart >= 0) emit(curStart, curEnd, curActor, out);
        }
        return out;
    }

    private boolean startsWithCopula(int[] part) {
        String p = s.substring(part[0], part[1]).strip();
        return p.startsWith("是") && cues.isCopula(p);
    }

    /** Whether the figure stage found a figure inside [from, to) of the paragraph. */
    private boolean hasFigure(int from, int to) {
        return !Figure.within(figures, para.docStart(from), para.docEnd(to)).isEmpty();
    }

    private boolean hasDigit(int from, int to) { return s.substring(from, to).chars().anyMatch(Character::isDigit); }

    private void emit(int start, int end, String actor, List<Clause> out) {
        String clause = s.substring(start, end);
        int a = para.docStart(start), b = para.docEnd(end);
        List<String> ids = entities.stream().filter(e -> e.charStart() >= a && e.charEnd() <= b).map(Entity::id).toList();
        // 提高区域间产业协作的紧密度和联动性, 强化科技赋能: a clause that names no entity, no figure and nothing an action
        // can deliver (a plan, a fund, a platform, a debt …) is exhortation, not a measure
        if (!lead && ids.isEmpty() && Figure.within(figures, a, b).isEmpty() && cues.concretes.stream().noneMatch(clause::contains)) return;
        out.add(new Clause(a, b, actor, ids));
    }

    /** Null unless the part opens (after marker, time, actor, adverbs) with an action verb and a specific object. */
    private Opening opening(int[] part) {
        int i = part[0], end = part[1];
        if (cues.isCopula(s.substring(i, end)) || cues.isProblem(s.substring(i, end))) return null;
        Matcher marker = ClauseSplitter.LIST_MARKER.matcher(s).region(i, end);
        if (marker.lookingAt()) i = skipSpace(marker.end(), end);
        else {
            // an item number opening a report's numbered paragraph: 2.健全保障机制，兜牢“三保”底线 (panjin budget report),
            // 2.推进矿山生态修复，焕发绿色发展生机 (fuxin final-accounts report)
            Matcher number = ITEM_NUMBER.matcher(s).region(i, end);
            if (number.lookingAt()) i = skipSpace(number.end(), end);
        }
        Matcher date = LEAD_DATE.matcher(s).region(i, end);
        if (date.lookingAt()) i = skipSpace(date.end(), end);
        String lead = cues.leadAt(s, i);
        if (lead != null) i = skipSpace(i + lead.length(), end);
        int actorStart = i;
        boolean marked = i > part[0];
        i = skipAdverbs(i, end);
        boolean bare = !marked && i == actorStart;
        String verb = verbAt(i);
        String actor = null;
        if (verb == null) {
            // a prepositional object before the verb: 向企业宣介…, 对开发区进行优化整合
            String prep = cues.prepAt(s, i);
            if (prep != null) {
                for (int k = i + prep.length(); k < Math.min(end, i + 20); k++) {
                    String v = verbAt(k);
                    if (v != null && !isGeneric(s.substring(k + v.length(), end))) return new Opening(null, k + v.length(), false);
                }
            }
        }
        if (verb == null) {
            int j = skipActors(i, end);
            int k = j == i ? i : skipAdverbs(j, end);
            verb = j == i ? null : verbAt(k);
            if (verb == null) {
                // platforms or programmes as subject of a result verb: 国家风力发电技术创新中心揭牌,
                // 新疆智能装备研究院、煤炭领域天山实验室等高能级平台启动运行
                String passive = cues.passiveIn(s, i, end);
                if (passive != null) return new Opening(null, end, false);
                // 第二批疏解项目有序推进, 系列活动成功举办: a named or concrete thing, then only a verb
                return endsInVerb(i, end) ? new Opening(null, end, false) : null;
            }
            actor = s.substring(actorStart, j).strip();
            i = k;
            bare = false;
        }
        int verbEnd = i + verb.length();
        // 由…的59.1%，稳步提高到2025年的70.1%, 增长至…: a verb reaching a figure reports a change, not an action
        // (wuzhong budget report; 占比提高到41.9%: guangxi work report)
        if ((s.startsWith("到", verbEnd) || s.startsWith("至", verbEnd))
                && s.substring(verbEnd, Math.min(end, verbEnd + 12)).chars().anyMatch(Character::isDigit)) return null;
        // 国家风力发电技术创新中心揭牌: the thing before a result verb is its object, not an actor, and no object follows
        if (cues.passiveVerbs.contains(verb)) {
            // 已挂牌的工程技术研究中心140个: a result verb before 的 describes things, it reports no action
            return s.startsWith("的", verbEnd) ? null : new Opening(null, verbEnd, false);
        }
        // 石雄铁路开工建设: a named thing before a verb with nothing after it is what the verb was done to
        if (actor != null && s.substring(verbEnd, end).isBlank() && !isActorWord(actor)) return new Opening(null, verbEnd, false);
        if (isGeneric(s.substring(verbEnd, end))) return null;
        return new Opening(actor, verbEnd, bare);
    }

    private boolean isActorWord(String actor) {
        return cues.actors.contains(actor);
    }

    /**
     * True when the part is a subject holding a concrete noun (项目, 活动 …) or an entity, then adverbs and a verb that
     * ends the part: 第二批疏解项目有序推进, 启动区和昝岗片区加快建设, 院士专家…等系列活动成功举办.
     */
    private boolean endsInVerb(int from, int end) {
        int e = end;
        while (e > from && (Character.isWhitespace(s.charAt(e - 1)) || "，。；、".indexOf(s.charAt(e - 1)) >= 0)) e--;
        for (int k = from + 2; k < e; k++) {
            String v = verbAt(k);
            if (v == null || k + v.length() != e) continue;
            int subjectEnd = k;
            // adverbs between subject and verb (有序, 加快, 成功) are no part of the subject
            String subject = s.substring(from, subjectEnd);
            boolean named = entityTexts.stream().anyMatch(subject::contains)
                    || cues.things.stream().anyMatch(subject::contains);
            // 产学研合作水平仍需提升: a shortcoming or a wish, not a result
            String part = s.substring(from, e);
            boolean wish = cues.statusCues.entrySet().stream()
                    .anyMatch(c -> c.getValue() == figtrace.model.MeasureStatus.RECOMMENDED && part.contains(c.getKey()));
            return named && !wish && !isGeneric(subject);
        }
        return false;
    }

    /** Entities and actor words joined by 、和与及 (自治区教育厅、发改委、工信厅), as far as they go. */
    private int skipActors(int i, int end) {
        int j = i;
        while (j < end) {
            int len = actorLengthAt(j);
            if (len == 0) break;
            j += len;
            if (j < end && "、和与及".indexOf(s.charAt(j)) >= 0 && actorLengthAt(j + 1) > 0) j++;
            else break;
        }
        return j;
    }

    private int actorLengthAt(int j) {
        for (String t : entityTexts) if (s.startsWith(t, j)) return t.length();
        String w = cues.actorAt(s, j);
        return w == null ? 0 : w.length();
    }

    private int skipAdverbs(int i, int end) {
        for (String a = adverbAt(i); a != null && i < end; a = adverbAt(i)) {
            // an adverb that is also a verb (加快) counts as the verb when nothing verbal follows it
            if (verbAt(i) != null && verbAt(i + a.length()) == null) break;
            i += a.length();
        }
        return i;
    }

    /** The cue verb at {@code i}, or null; a report-only verb (measure_cues.tsv value "report") only in a report. */
    private String verbAt(int i) {
        String v = cues.verbAt(s, i);
        return v != null && !eachVerbActs && cues.reportOnly.contains(v) ? null : v;
    }

    private String adverbAt(int i) {
        String a = cues.adverbAt(s, i);
        return a != null && !eachVerbActs && cues.reportOnly.contains(a) ? null : a;
    }

    private int skipSpace(int i, int end) {
        while (i < end && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == ',' || s.charAt(i) == '，')) i++;
        return i;
    }

    /** An object made only of generic words (发展新质生产力, 高质量发展) is exhortation, not a measure. */
    private boolean isGeneric(String object) {
        String rest = object.strip();
        for (String g : cues.generics) rest = rest.replace(g, "");
        return rest.replaceAll("[\\p{Punct}\\s的和与]", "").length() < 2;
    }
}
