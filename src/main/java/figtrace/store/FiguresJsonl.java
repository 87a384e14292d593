package figtrace.store;

import figtrace.model.FigureKind;
import figtrace.model.Qualifier;
import figtrace.model.Change;
import figtrace.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import figtrace.model.Figure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures.jsonl format: one JSON object per figure, snake_case keys in {@link FigureColumns} order, nulls kept.
 * Values are exact both ways: written from {@link java.math.BigDecimal#toPlainString()} and read back as BigDecimal,
 * never through a double.
 */
public final class FiguresJsonl {

    /** One figure as one line of JSON, without the line break. */
    public static String toLine(Figure figure) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (FigureColumns.Column column : FigureColumns.ALL) json.put(column.name(), column.getter().apply(figure));
        return SmallJson.write(g -> SmallJson.writeObject(g, json));
    }

    /** One line written by {@link #toLine} back into a figure. */
    public static Figure fromLine(String line) throws JsonProcessingException {
        JsonNode j = Json.MAPPER.readTree(line);
        return new Figure(text(j, "id"), text(j, "doc"), j.path("page").isNumber() ? j.get("page").intValue() : null,
                j.path("line").intValue(), j.path("char_start").intValue(), j.path("char_end").intValue(),
                text(j, "quote"), j.path("span_start").intValue(), j.path("span_end").intValue(), text(j, "raw"),
                j.path("value").isNumber() ? j.get("value").decimalValue() : null, text(j, "unit"),
                text(j, "measure_word"), FigureKind.of(text(j, "kind")), Qualifier.of(text(j, "qualifier")), text(j, "time"),
                text(j, "region"), text(j, "subject"), text(j, "indicator"), text(j, "indicator_id"),
                Change.of(text(j, "change")), j.path("target").booleanValue(),
                text(j, "rule"), text(j, "note"), j.hasNonNull("source") ? text(j, "source") : Figure.SOURCE_TEXT,
                j.path("ocr_confidence").isNumber() ? j.get("ocr_confidence").decimalValue() : null, text(j, "ocr_box"));
    }

    /** All figures of a figures.jsonl file; blank lines are skipped. */
    public static List<Figure> read(Path file) throws IOException {
        List<Figure> figures = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) figures.add(fromLine(line));
        }
        return figures;
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private FiguresJsonl() {}
}
