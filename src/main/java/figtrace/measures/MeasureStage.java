package figtrace.measures;

import figtrace.ids.Ids;

import figtrace.model.DocumentText;
import figtrace.entities.Paragraph;
import figtrace.model.Entity;
import figtrace.model.EntityType;
import figtrace.model.Figure;
import figtrace.model.Measure;
import figtrace.model.MeasureStatus;
import figtrace.model.TextLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds policy measures: clauses saying a government or body has taken, is taking or will take a specific action.
 * Cue words come from {@code patterns/measure_cues.tsv}.
 *
 * <p>A paragraph is cut into sentences and list items, each sentence into comma parts. A part that opens with an
 * action verb (after a list marker, adverbs and an optional actor) starts a measure; parts without one (a time
 * phrase, a figure, a result) join the measure before them, or the next one when none came before. Measures never
 * cross a paragraph break. Where the layout marks a line as a soft wrap ({@code TextLine.continues()}, PDF text) the
 * lines are read as one paragraph, the span may cross the break and {@link Measure#text()} drops it (offsets stay
 * exact; see {@link Measure}). In plain text every line is a paragraph.
 */
public final class MeasureStage {

    /** Reference entries ("[3] 作者. 标题[J]") are not the document's own statements. */
    private static final Pattern REFERENCE = Pattern.compile("^\\s*(?:-\\s*)?\\[\\d+\\]");
    /** An abstract or keyword line of a paper summarises the measures of its body; counting it would double them. */
    private static final Pattern FRONT_MATTER = Pattern.compile("^\\s*(?:\\*\\*)?[\\[【]?(?:摘\\s*要|关键词|Abstract|Keywords|基金项目)");
    private static final Pattern HEADING_NUMBER = Pattern.compile(
            "^\\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\\d+(?:\\.\\d+)*\\s)");
    /** A section number in brackets opening a paragraph: （五）推动特色文旅产业可持续发展。充分发挥… */
    private static final Pattern SECTION_NUMBER = Pattern.compile("^\\s*[（(][一二三四五六七八九十]+[）)]");
    private static final Pattern TOP_HEADING = Pattern.compile("^\\s*(?:[一二三四五六七八九十]+、|\\d+\\s)");

    private final MeasureCues cues;

    public MeasureStage(Path patternsDir) { this.cues = MeasureCues.load(patternsDir); }

    /** Rules from ./patterns. */
    public MeasureStage() { this(Path.of("patterns")); }

    /** The pipeline's entry point: the measures of one document, with its entities and figures (see below). */
    public List<Measure> extract(figtrace.model.DocumentContext context, List<Entity> entities, List<Figure> figures) {
        figtrace.model.Place own = context.ownRegion();
        String reporter = own == null ? null : cues.reporter(context.kind().code(), own.official(), own.level());
        // a statistical bulletin reports the closed year: what it says was done (举办, 承办, 竣工) was done, unless a clause
        // names the future (shaoyang bulletin: 承办湖南省第六届中学生运动会, …冷链物流园一期竣工; atlas suzhou bulletin: 举办“五五
        // 购物节”…等活动, 启用苏州跨境电商选品中心)
        return extract(context.source().name(), context.text(), entities, figures, reporter,
                context.kind() == figtrace.model.DocKind.REPORT,
                context.kind() == figtrace.model.DocKind.BULLETIN ? MeasureStatus.DONE : null);
    }

    /** As {@link #extract(String, DocumentText, List, List, String, boolean)} for a document that is no work report. */
    public List<Measure> extract(String doc, DocumentText text, List<Entity> entities, List<Figure> figures, String reporter) {
        return extract(doc, text, entities, figures, reporter, false);
    }

    /**
     * @param entities the document's entities (from EntityStage), used to recognise actors and listed in
     *                 {@link Measure#entityIds()}; may be empty
     * @param figures  the document's figures (from the figure stage): a measure's linked figures are those whose span
     *                 lies inside its clause, and a clause with a figure can be a measure without a concrete object
     * @param reporter the body that reports in this document (河北省人民政府 in its work report, 普洱市财政局 in its budget
     *                 report; measure_cues.tsv {@code reporter}): the actor of every measure that names no organisation
     *                 as its subject. Null for papers, news and documents whose region is unknown.
     * @param workReport a government work report (or another official report, DocKind REPORT): outside a part whose
     *                   heading gives a status, a paragraph that reports results is done and one that doesn't is a plan
     *                   (see {@link #paragraphStatus})
     */
    public List<Measure> extract(String doc, DocumentText text, List<Entity> entities, List<Figure> figures, String reporter,
                                 boolean workReport) {
        return extract(doc, text, entities, figures, reporter, workReport, null);
    }

    /** As above; {@code yearStatus} is the status of a clause outside any part whose heading gives one (null: none). */
    public List<Measure> extract(String doc, DocumentText text, List<Entity> entities, List<Figure> figures, String reporter,
                                 boolean workReport, MeasureStatus yearStatus) {
        java.util.Set<String> orgs = new java.util.HashSet<>();
        for (Entity e : entities) if (e.type() == EntityType.ORG) orgs.add(e.text());
        List<Measure> out = new ArrayList<>();
        String contentKey = Ids.textKey(text.text()); // ids from content: a renamed file keeps them
        MeasureStatus sectionStatus = null;
        for (Paragraph para : Paragraph.of(text)) {
            String s = para.text();
            TextLine line = para.first();
            if (s.isBlank() || line.isTableRow() || REFERENCE.matcher(s).find() || FRONT_MATTER.matcher(s).find()) continue;
            if (isHeading(s)) {
                MeasureStatus cue = cues.sectionStatus(s);
                if (TOP_HEADING.matcher(s).find() || cue != null) sectionStatus = cue;
                continue;
            }
            // a paragraph opening with its section number starts with the section's heading and aim, up to the first full
            // stop (（五）推动特色文旅产业可持续发展。 and （七）扩大高水平对外开放。 heilongjiang, （五）聚焦稳外贸、稳外资，着力扩大
            // 高水平开放合作。 jilin, （三）推动工业稳健运行、结构优化，全球先进制造业基地建设扎实推进。 zhejiang work reports):
            // what follows is the section's measures, the heading is none
            int headingEnd = -1;
            int stop = s.indexOf('。');
            if (stop > 0 && SECTION_NUMBER.matcher(s).lookingAt()) headingEnd = para.docStart(stop);
            for (ClauseReader.Clause c : new ClauseReader(cues, para, entities, figures, reporter != null).measures()) {
                int start = c.start(), end = c.end();
                if (start < headingEnd) continue;
                // a clause across a soft wrap keeps exact offsets; its text reads without the break
                String quote = text.text().substring(start, end).replace("\r", "").replace("\n", "");
                List<String> linked = Figure.within(figures, start, end).stream().map(Figure::raw).toList();
                MeasureStatus status = Status.of(cues, quote,
                        sectionStatus == null && workReport ? paragraphStatus(para, figures)
                                : sectionStatus == null ? yearStatus : sectionStatus, !linked.isEmpty());
                TextLine at = text.lineAt(start);
                // the reporting government acts unless the clause's subject is another named body (市级, 校企 are
                // parts of the reporter, not other bodies)
                String actor = c.actor() != null && (reporter == null || orgs.contains(c.actor())) ? c.actor() : reporter;
                out.add(new Measure(Ids.measure(contentKey, start, end), doc, at.page() == 0 ? null : at.page(), at.number(), start,
                        end, quote, actor, status, Instruments.of(cues, quote), linked, c.entityIds(),
                        "measures:verb_clause"));
            }
        }
        // a clause on a page read by OCR says so, with Tesseract's confidence, like a figure
        return figtrace.model.OcrSpans.measures(out, text);
    }

    /** Figures a paragraph must report (not targets) to read as a review of work done, in a work report. */
    static final int RESULT_FIGURES = 3;

    /**
     * The status of a work report's paragraph outside a part whose heading gives one (a report's portion without its
     * part heading, the paragraphs before the first heading): a paragraph reporting at least {@link #RESULT_FIGURES}
     * figures that are not targets reviews the past year (done unless a clause names the future), and any other one
     * sets out the year's tasks in the imperative, without 将 or 要 (planned). The review items of a work report are
     * dense with results (（一）经济运行总体平稳…争取增发国债项目资金1221.9亿元 hebei, 三是着力促消费稳投资…发放政府消费券4.8亿元
     * heilongjiang, 全年生产总值6.36万亿元 henan: 4 to 23 figures a paragraph), its tasks have none or a count of a target
     * (深化国资国企、财税金融等重点领域改革 jilin, 推动特色文旅产业可持续发展 heilongjiang: 0 to 2).
     */
    static MeasureStatus paragraphStatus(Paragraph para, List<Figure> figures) {
        int start = para.docStart(0), end = para.docEnd(para.text().length());
        long results = Figure.within(figures, start, end).stream().filter(f -> !f.target()).count();
        return results >= RESULT_FIGURES ? MeasureStatus.DONE : MeasureStatus.PLANNED;
    }

    /** A short line without sentence punctuation, or one numbered like a heading (二、 （一） 2.1). */
    private static boolean isHeading(String s) {
        String t = s.strip();
        if (t.length() > 40) return false;
        if (HEADING_NUMBER.matcher(t).find()) return !t.contains("。");
        return !t.contains("。") && !t.contains("，") && !t.contains(",") && t.length() < 25;
    }


}
