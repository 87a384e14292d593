package figtrace.store;

import figtrace.model.Coded;
import figtrace.model.Figure;

import java.util.List;
import java.util.function.Function;

/**
 * The output columns of a figure, in order, with their snake_case names. The JSONL, CSV and SQLite outputs all read
 * this one list so the three can never disagree on names or order (the names are the gold guideline's fields).
 */
public final class FigureColumns {

    /** One column: its name and how to read it from a figure (null where the figure has no value). */
    public record Column(String name, Function<Figure, Object> getter) {}

    public static final List<Column> ALL = List.of(
            new Column("id", Figure::id),
            new Column("doc", Figure::doc),
            new Column("page", Figure::page),
            new Column("line", Figure::line),
            new Column("char_start", Figure::charStart),
            new Column("char_end", Figure::charEnd),
            new Column("quote", Figure::quote),
            new Column("span_start", Figure::spanStart),
            new Column("span_end", Figure::spanEnd),
            new Column("raw", Figure::raw),
            new Column("value", Figure::value),
            new Column("unit", Figure::unit),
            new Column("measure_word", Figure::measureWord),
            new Column("kind", f -> Coded.codeOf(f.kind())),
            new Column("qualifier", f -> Coded.codeOf(f.qualifier())),
            new Column("time", Figure::time),
            new Column("region", Figure::region),
            new Column("subject", Figure::subject),
            new Column("indicator", Figure::indicator),
            new Column("indicator_id", Figure::indicatorId),
            new Column("change", f -> Coded.codeOf(f.change())),
            new Column("target", Figure::target),
            new Column("rule", Figure::rule),
            new Column("note", Figure::note),
            new Column("source", Figure::source),
            new Column("ocr_confidence", Figure::ocrConfidence),
            new Column("ocr_box", Figure::ocrBox));

    public static List<String> names() {
        return ALL.stream().map(Column::name).toList();
    }

    private FigureColumns() {}
}
