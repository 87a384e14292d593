package figtrace.store;

import figtrace.model.Coded;
import figtrace.model.Entity;
import figtrace.model.Link;
import figtrace.model.Measure;

import java.util.List;
import java.util.function.Function;

/**
 * Output columns of entities, measures and links, in order, with their snake_case names (the guideline's fields),
 * shared by JSONL, CSV and SQLite so the three never disagree. Lists are JSON arrays in JSONL and joined by " | " in
 * CSV and SQLite.
 */
public final class RecordColumns {
    public record Column<T>(String name, Function<T, Object> getter) {}

    public static final List<Column<Entity>> ENTITY = List.of(
            new Column<>("id", Entity::id),
            new Column<>("doc", Entity::doc),
            new Column<>("page", Entity::page),
            new Column<>("line", Entity::line),
            new Column<>("char_start", Entity::charStart),
            new Column<>("char_end", Entity::charEnd),
            new Column<>("text", Entity::text),
            new Column<>("type", e -> Coded.codeOf(e.type())),
            new Column<>("canonical", Entity::canonical),
            new Column<>("canonical_id", Entity::canonicalId),
            new Column<>("attributes", Entity::attributes),
            new Column<>("rule", Entity::rule),
            new Column<>("source", Entity::source),
            new Column<>("ocr_confidence", Entity::ocrConfidence));

    public static final List<Column<Measure>> MEASURE = List.of(
            new Column<>("id", Measure::id),
            new Column<>("doc", Measure::doc),
            new Column<>("page", Measure::page),
            new Column<>("line", Measure::line),
            new Column<>("char_start", Measure::charStart),
            new Column<>("char_end", Measure::charEnd),
            new Column<>("text", Measure::text),
            new Column<>("actor", Measure::actor),
            new Column<>("status", m -> Coded.codeOf(m.status())),
            new Column<>("instrument", m -> Coded.codeOf(m.instrument())),
            new Column<>("linked_figures", Measure::linkedFigures),
            new Column<>("entity_ids", Measure::entityIds),
            new Column<>("rule", Measure::rule),
            new Column<>("source", Measure::source),
            new Column<>("ocr_confidence", Measure::ocrConfidence));

    public static final List<Column<Link>> LINK = List.of(
            new Column<>("kind", Link::kind),
            new Column<>("from_id", Link::fromId),
            new Column<>("to_id", Link::toId));

    /**
     * The order of entities.jsonl and measures.jsonl within a document, as EntityTables reads them: entities ORDER BY
     * char_start, char_end DESC, id; measures ORDER BY char_start, id. Kept beside those queries' columns so a runner
     * that writes records without the store (the Spark job) writes them in the same order.
     */
    public static final java.util.Comparator<Entity> ENTITY_ORDER = java.util.Comparator.comparingInt(Entity::charStart)
            .thenComparing(java.util.Comparator.comparingInt(Entity::charEnd).reversed()).thenComparing(Entity::id);
    public static final java.util.Comparator<Measure> MEASURE_ORDER =
            java.util.Comparator.comparingInt(Measure::charStart).thenComparing(Measure::id);

    static <T> List<String> names(List<Column<T>> columns) {
        return columns.stream().map(Column::name).toList();
    }

    /** A list as one cell of CSV or SQLite. */
    static Object flat(Object value) {
        return value instanceof List<?> list ? String.join(" | ", list.stream().map(String::valueOf).toList()) : value;
    }

    private RecordColumns() {}
}
