package figtrace.figures;

import figtrace.model.FigureKind;
import figtrace.model.Qualifier;
import figtrace.model.Change;
import figtrace.ids.Ids;

import figtrace.model.DocKind;
import figtrace.model.DocumentContext;
import figtrace.model.DocumentText;
import figtrace.model.ReportPeriod;
import figtrace.model.Figure;
import figtrace.model.SourceFile;
import figtrace.model.TextLine;
import figtrace.rules.Rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Figures: finds every quantity in a document's text with the rules of patterns/, and reads what it means — value,
 * unit, qualifier, change, time, region, subject, target — from the sentence around it. Pure: the same text and
 * rules give the same figures with the same ids. This class walks the text sentence by sentence; finding the
 * numbers is {@link FigureFinder}'s work, reading what each means {@link FigureReader}'s (its time
 * {@link FigureTimes}'), and table cells are read by {@link TableReader}.
 */
public final class FigureStage {
    private final Rules rules;
    private final RegionFinder regions;
    private final FigureFinder finder;
    private final FigureReader reader;

    public FigureStage(Rules rules) {
        this.rules = rules;
        this.regions = new RegionFinder(rules);
        this.finder = new FigureFinder(rules);
        this.reader = new FigureReader(rules, regions);
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
        List<FigureReader.Reading> sentence = new ArrayList<>(); // readings of the current sentence, for subjects to inherit
        for (Candidate found : finder.candidates(view.text)) {
            if (FigureFinder.chartLabels(view.text, found.start())) continue;
            for (Candidate c : FigureFinder.ends(found)) {
                if (!sentence.isEmpty() && sentence.get(0).sentenceStart() != Sentences.sentenceStart(view.text, c.start())) {
                    spreadRangeYears(view.text, sentence, figures);
                    sentence.clear();
                }
                FigureReader.Reading r = reader.read(c, view, ctx, sentence);
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
                   List<Mention> sectionTimes, Integer periodYear, String defaultTime, DocumentContext document,
                   List<Mention> zoneSections) {}

    private Context context(MatchView view, DocumentContext document) {
        String main = document.ownRegionName();
        List<Mention> places = regions.find(view.text, document.ownRegion() == null || document.ownRegion().province().isEmpty()
                ? null : document.ownRegion().province());
        ReportPeriod period = document.period();
        Integer year = period.speechYear(), periodYear = period.year();
        List<Mention> times = TimeFinder.find(view.text, year, periodYear);
        // 上年结余, 上年结转: the name of a budget item (last year's balance brought into this year), not a time
        List<String> notTimes = rules.figureWords().notTimes();
        if (!notTimes.isEmpty()) {
            times = times.stream().filter(m -> notTimes.stream().noneMatch(w -> view.text.startsWith(w, m.start()))).toList();
        }
        // A bulletin (统计公报) states the year it reports on once: a figure that names no period is about that year.
        // A budget report's or final accounts' undated figures are the executed year's (全市一般公共预算收入完成…);
        // its budget for the coming year stands under a heading or sentence that names that year.
        boolean yearly = document.kind() == DocKind.BULLETIN || document.kind().isFiscal();
        String defaultTime = yearly && periodYear != null ? String.valueOf(periodYear) : null;
        // a budget report's sections about a zone of the city (（三）高新区预算执行情况): figures there are the zone's
        List<Mention> zones = document.kind().isFiscal()
                ? ZoneSections.find(view.text, regions, document.ownRegion() == null ? null : regions.region(document.ownRegion().name()), regions.all()) : List.of();
        return new Context(view.text, places, times, year, main, FigureTimes.sectionTimes(view.text, times, rules.figureWords()), periodYear, defaultTime, document, zones);
    }

    private static final java.util.regex.Pattern YEAR_RANGE = java.util.regex.Pattern.compile("([0-9]{4})/([0-9]{4})");

    /**
     * 2023－2025年，…增速分别为3.1%、5.5%和5.7%: a run of figures handed out by 分别 under a range of years, as many
     * figures as years, gives each its own year (atlas xiamen rating report; 2021—2023年…分别为 in bulletins' five-year
     * reviews). The last readings of {@code figures} are the sentence's, in order.
     */
    private void spreadRangeYears(String t, List<FigureReader.Reading> sentence, List<Figure> figures) {
        int base = figures.size() - sentence.size();
        for (int i = 0; i < sentence.size(); ) {
            int j = i;
            while (j < sentence.size() && sentence.get(j).runStart() == sentence.get(i).runStart()) j++;
            FigureReader.Reading first = sentence.get(i);
            int n = j - i;
            java.util.regex.Matcher m = first.time() == null ? null : YEAR_RANGE.matcher(first.time());
            boolean distributed = reader.distributed(t, first.sentenceStart(), first.runStart());
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

    // ---- output ----

    private Figure toFigure(SourceFile source, DocumentText text, MatchView view, Candidate c, FigureReader.Reading r) {
        int spanStart = view.source(c.start());
        int spanEnd = view.sourceEnd(c.end());
        int qStart = view.source(r.sentenceStart());
        int qEnd = view.sourceEnd(Sentences.sentenceEnd(view.text, c.end()));
        while (qStart < spanStart && Character.isWhitespace(text.text().charAt(qStart))) qStart++;
        TextLine line = text.lineAt(spanStart);
        figtrace.rules.Indicator indicator = Indicators.inSentence(rules.indicators(),
                Indicators.find(rules.indicators(), r.indicatorKey()), view.text, r.sentenceStart(), c.start());
        String raw = text.text().substring(spanStart, spanEnd).replaceAll("\\s*[\r\n]+\\s*", "");
        return new Figure(Ids.figure(source.sha256(), spanStart, spanEnd), source.name(), line.page() == 0 ? null : line.page(),
                line.number(), qStart, qEnd, text.text().substring(qStart, qEnd), spanStart, spanEnd, raw, r.value(),
                r.unitName(), r.measureWord(), FigureKind.of(r.kind()), Qualifier.of(r.qualifier()), r.time(), r.region(), r.subject(),
                indicator == null ? null : indicator.name(), indicator == null ? null : indicator.id(), Change.of(r.change()), r.target(), c.rule().qualifiedId(),
                c.rule().id().equals("range") ? "one end of a range" : null);
    }

}
