package figtrace.metadata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Labelled fields near the top of a document ("题目：…", "关键词: …", "网络首发日期：2024-04-01", "出处：…"). A label counts
 * at the start of a line or after spaces or markdown stars (a CNKI line puts several labels on one line), and only when
 * a colon follows, so that 日期 inside a sentence is not a label.
 */
final class Labels {

    /** How many non-blank lines from the top are searched: labels sit in a paper's or a web page's header. */
    static final int SEARCHED = 60;

    record Field(String value, Line line) {}

    /** One pattern per label, compiled once: every header line is tested against every label. */
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private Labels() {}

    /** field → its first value; an empty value takes the next line ("来源：" on one line, the body on the next). */
    static Map<String, Field> find(List<Line> lines, MetadataWords words) {
        Map<String, Field> out = new LinkedHashMap<>();
        int end = Math.min(lines.size(), SEARCHED);
        for (int i = 0; i < end; i++) {
            Line line = lines.get(i);
            for (Map.Entry<String, String> label : words.labels.entrySet()) {
                if (out.containsKey(label.getValue())) continue;
                String value = valueAfter(line.raw(), label.getKey());
                if (value == null) continue;
                Line at = line;
                if (value.isEmpty() && i + 1 < lines.size()) {
                    at = lines.get(i + 1);
                    value = at.text();
                }
                if (!value.isEmpty()) out.put(label.getValue(), new Field(value, at));
            }
        }
        return out;
    }

    /** The text after "label:" in {@code raw}, "" when nothing follows, or null when the label is not there. */
    static String valueAfter(String raw, String label) {
        Matcher m = COMPILED.computeIfAbsent(label, l -> Pattern.compile(
                "(?:^|[\\s\\u3000*\\[【])" + Pattern.quote(l) + "[\\s\\u3000]*(?:[:：]|[\\]】])",
                Pattern.CASE_INSENSITIVE)).matcher(raw);
        if (!m.find()) return null;
        String value = raw.substring(m.end()).replaceFirst("^[\\s\\u3000*]+", "");
        int stop = value.indexOf("**");
        if (stop >= 0) value = value.substring(0, stop);
        return Line.clean(value);
    }
}
