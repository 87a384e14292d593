package figtrace.spark;

import figtrace.model.DocumentResult;
import figtrace.model.Entity;
import figtrace.model.Figure;
import figtrace.model.Measure;
import figtrace.store.DocumentRow;
import figtrace.store.FigureColumns;
import figtrace.store.FiguresJsonl;
import figtrace.store.OutputWriter;
import figtrace.store.RecordColumns;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One document's records as the Spark job writes them: each record once as the JSON line the single-machine run writes
 * (the same code makes both, so the lines are equal byte for byte) and once as the values of a Parquet row with the
 * same columns. Exact decimals ({@code value}, {@code ocr_confidence}) are Parquet strings, as in SQLite's
 * {@code value} column, so no value passes through a double.
 */
final class SparkRecords {
    /** The outputs, in the order they are written; each is a folder {@code NAME.jsonl/} and {@code NAME.parquet/}. */
    enum Kind { DOCUMENTS, FIGURES, ENTITIES, MEASURES;
        String file() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** One record: which output it belongs to, its JSON line, and its Parquet row's values (column order). */
    record Rec(Kind kind, String json, Object[] values) implements Serializable {}

    private static final Set<String> INT_COLUMNS = Set.of("page", "line", "char_start", "char_end", "span_start",
            "span_end", "pages", "figures");
    private static final Set<String> LIST_COLUMNS = Set.of("linked_figures", "entity_ids");
    private static final Set<String> BOOLEAN_COLUMNS = Set.of("target");

    /** Every record of one document: its documents row first, then figures (extraction order),
     * entities and measures (by start, then id), as the single-machine outputs order them. */
    static List<Rec> of(DocumentResult result) {
        List<Rec> out = new ArrayList<>();
        DocumentRow row = DocumentRow.of(result);
        List<String> header = OutputWriter.documentHeader();
        List<String> values = OutputWriter.documentValues(row);
        java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
        Object[] docValues = new Object[header.size()];
        for (int i = 0; i < header.size(); i++) {
            String v = values.get(i);
            Object typed = INT_COLUMNS.contains(header.get(i)) && v != null ? (Object) Integer.valueOf(v) : v;
            json.put(header.get(i), typed);
            docValues[i] = typed;
        }
        out.add(new Rec(Kind.DOCUMENTS, jsonLine(json), docValues));
        for (Figure f : result.figures()) {
            out.add(new Rec(Kind.FIGURES, FiguresJsonl.toLine(f), values(FigureColumns.ALL.stream()
                    .map(FigureColumns.Column::getter).toList(), f)));
        }
        for (Entity e : result.entities().stream().sorted(RecordColumns.ENTITY_ORDER).toList()) {
            out.add(new Rec(Kind.ENTITIES, OutputWriter.recordLine(RecordColumns.ENTITY, e),
                    values(RecordColumns.ENTITY.stream().map(c -> c.getter()).toList(), e)));
        }
        for (Measure m : result.measures().stream().sorted(RecordColumns.MEASURE_ORDER).toList()) {
            out.add(new Rec(Kind.MEASURES, OutputWriter.recordLine(RecordColumns.MEASURE, m),
                    values(RecordColumns.MEASURE.stream().map(c -> c.getter()).toList(), m)));
        }
        return out;
    }

    private static String jsonLine(Object value) {
        try {
            return figtrace.json.Json.MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("strings and numbers always serialise", e);
        }
    }

    private static <T> Object[] values(List<Function<T, Object>> getters, T record) {
        Object[] v = new Object[getters.size()];
        for (int i = 0; i < v.length; i++) v[i] = parquetValue(getters.get(i).apply(record));
        return v;
    }

    private static Object parquetValue(Object v) {
        if (v instanceof BigDecimal d) return d.toPlainString();
        if (v instanceof List<?> list) return list.stream().map(String::valueOf).toArray(String[]::new); // Spark takes arrays, not java.util.List
        return v;
    }

    /** The Parquet schema of one output: the JSONL keys, in order, typed. */
    static StructType schema(Kind kind) {
        List<String> names = switch (kind) {
            case DOCUMENTS -> OutputWriter.documentHeader();
            case FIGURES -> FigureColumns.names();
            case ENTITIES -> RecordColumns.ENTITY.stream().map(RecordColumns.Column::name).toList();
            case MEASURES -> RecordColumns.MEASURE.stream().map(RecordColumns.Column::name).toList();
        };
        List<StructField> fields = new ArrayList<>();
        for (String n : names) fields.add(DataTypes.createStructField(n, type(n), true));
        return DataTypes.createStructType(fields);
    }

    private static DataType type(String column) {
        if (INT_COLUMNS.contains(column)) return DataTypes.IntegerType;
        if (BOOLEAN_COLUMNS.contains(column)) return DataTypes.BooleanType;
        if (LIST_COLUMNS.contains(column)) return DataTypes.createArrayType(DataTypes.StringType, true);
        return DataTypes.StringType;
    }

    private SparkRecords() {}
}
