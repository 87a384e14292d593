package figtrace.pipeline;

import figtrace.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** What {@link PanelRun#update}'s parts were last built from: a stamp of the rules and code, and each document's stamp and families. */
record PanelState(String global, Map<String, Doc> docs, Set<String> nonEmpty) {
    record Doc(String stamp, Set<String> families) {}

    static PanelState read(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try {
            com.fasterxml.jackson.databind.JsonNode n = Json.MAPPER.readTree(file.toFile());
            Map<String, Doc> docs = new TreeMap<>();
            n.get("docs").fields().forEachRemaining(e -> {
                Set<String> fams = new TreeSet<>();
                e.getValue().get("families").forEach(x -> fams.add(x.asText()));
                docs.put(e.getKey(), new Doc(e.getValue().get("stamp").asText(), fams));
            });
            Set<String> nonEmpty = new TreeSet<>();
            n.get("non_empty").forEach(x -> nonEmpty.add(x.asText()));
            return new PanelState(n.get("global").asText(), docs, nonEmpty);
        } catch (IOException | RuntimeException e) {
            return null; // unreadable: the next update rebuilds everything
        }
    }

    void write(Path file) throws IOException {
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("global", global);
        Map<String, Object> d = new java.util.LinkedHashMap<>();
        docs.forEach((doc, v) -> d.put(doc, Map.of("stamp", v.stamp(), "families", v.families())));
        json.put("docs", d);
        json.put("non_empty", nonEmpty);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, Json.MAPPER.writeValueAsString(json));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
