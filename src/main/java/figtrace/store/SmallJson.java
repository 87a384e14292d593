package figtrace.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;
import figtrace.model.DocIssue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The few JSON shapes the store writes — flat objects of strings, numbers and booleans, and lists of issues — with
 * Jackson's streaming core only. Jackson's data binding loads hundreds of classes; a run with nothing to extract
 * should not pay for them. Output is what Jackson's ObjectMapper writes for the same values.
 */
final class SmallJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private SmallJson() {}

    interface Body { void write(JsonGenerator g) throws IOException; }

    static String write(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string cannot fail", e);
        }
        return out.toString();
    }

    /** A flat object; values are null, String, Integer, Long, BigDecimal or Boolean. */
    static void writeObject(JsonGenerator g, Map<String, ?> fields) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            g.writeFieldName(e.getKey());
            Object v = e.getValue();
            if (v == null) g.writeNull();
            else if (v instanceof String s) g.writeString(s);
            else if (v instanceof Integer n) g.writeNumber(n);
            else if (v instanceof Long n) g.writeNumber(n);
            else if (v instanceof BigDecimal d) g.writeNumber(d);
            else if (v instanceof Boolean b) g.writeBoolean(b);
            else throw new IllegalArgumentException("not a JSON scalar: " + v.getClass());
        }
        g.writeEndObject();
    }

    static String strings(Map<String, String> map) {
        return write(g -> writeObject(g, new TreeMap<>(map)));
    }

    static String issues(List<DocIssue> issues) {
        return write(g -> {
            g.writeStartArray();
            for (DocIssue i : issues) {
                g.writeStartObject();
                g.writeStringField("code", i.code());
                g.writeStringField("message", i.message());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    static Map<String, String> readStrings(String json) throws IOException {
        Map<String, String> map = new TreeMap<>();
        try (JsonParser p = FACTORY.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, json);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                map.put(key, p.getValueAsString());
            }
        }
        return map;
    }

    static List<DocIssue> readIssues(String json) throws IOException {
        List<DocIssue> issues = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_ARRAY, json);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String code = null, message = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    if (key.equals("code")) code = p.getValueAsString();
                    else if (key.equals("message")) message = p.getValueAsString();
                }
                issues.add(new DocIssue(code, message));
            }
        }
        return issues;
    }

    private static void expect(JsonToken found, JsonToken wanted, String json) throws IOException {
        if (found != wanted) throw new IOException("expected " + wanted + " in " + json);
    }
}
