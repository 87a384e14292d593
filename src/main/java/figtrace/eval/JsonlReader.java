package figtrace.eval;

import com.fasterxml.jackson.databind.ObjectReader;
import figtrace.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads JSON Lines generically, as score.py does: blank lines skipped, a bad line reported and skipped. */
final class JsonlReader {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final ObjectReader JSON = Json.pythonLike().forType(OBJECT); // as score.py reads: doubles, NaN

    /** The records of {@code file}, or none when it does not exist; unreadable lines go to {@code problems}. */
    static List<Map<String, Object>> load(Path file, List<String> problems) {
        List<Map<String, Object>> records = new ArrayList<>();
        if (!Files.exists(file)) return records;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) continue;
            try {
                Map<String, Object> record = JSON.readValue(line);
                if (record != null) records.add(record);
            } catch (JsonProcessingException e) {
                problems.add("bad json " + file + ":" + (n + 1) + ": " + e.getOriginalMessage());
            }
        }
        return records;
    }

    private JsonlReader() {}
}
