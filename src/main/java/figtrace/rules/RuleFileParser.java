package figtrace.rules;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/** Parses figures.rules: blocks of {@code key: value} lines separated by blank lines (see the file's header). */
final class RuleFileParser {
    /** Text with no number in any script: a rule that finds anything in it would match all over every document. */
    static final String NO_NUMBER = "的是了在和有我们这个地区经济发展情况 abc, xyz; （ ）。";

    private static Set<String> ordered(String... values) {
        return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(List.of(values)));
    }

    // ordered sets: their lists appear in messages, which must read the same in every run
    private static final Set<String> KEYS = ordered("id", "priority", "pattern", "unit", "kind", "measure_word",
            "qualifier", "not_before", "not_after", "not_number", "power_of", "example");
    private static final java.util.regex.Pattern MACRO = java.util.regex.Pattern.compile("\\{([a-z_]+)(?::([a-z]+))?}");
    private static final Set<String> KINDS = ordered(figtrace.model.Coded.codes(figtrace.model.FigureKind.class).toArray(String[]::new));
    private static final Set<String> QUALIFIERS = ordered(figtrace.model.Coded.codes(figtrace.model.Qualifier.class).toArray(String[]::new));

    private final String file;
    private final Map<String, String> macros;
    private final Problems problems;

    RuleFileParser(String file, Map<String, String> macros, Problems problems) {
        this.file = file;
        this.macros = macros;
        this.problems = problems;
    }

    /** The rules of {@code dir/FILE}; problems go to the {@link Problems} given to the constructor. */
    List<FigureRule> parse(Path dir) {
        List<String> lines = PatternTable.lines(dir, file, problems);
        if (lines == null) return List.of();
        List<FigureRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<int[]> block = new ArrayList<>(); // line indices of the current block
        for (int i = 0; i <= lines.size(); i++) {
            String text = i < lines.size() ? lines.get(i) : "";
            if (text.startsWith("#")) continue;
            if (text.isBlank()) {
                if (!block.isEmpty()) {
                    FigureRule rule = parseBlock(lines, block);
                    if (rule != null) {
                        if (!ids.add(rule.id())) {
                            problems.addRule(file, rule.line(), rule.id(), "id is used by an earlier rule; ids must be unique");
                        } else {
                            rules.add(rule);
                        }
                    }
                    block.clear();
                }
                continue;
            }
            block.add(new int[]{i});
        }
        return rules;
    }

    private FigureRule parseBlock(List<String> lines, List<int[]> block) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Integer> fieldLine = new LinkedHashMap<>();
        List<FigureRule.Example> exampleLines = new ArrayList<>();
        int firstLine = block.get(0)[0] + 1;
        String id = "?";
        List<String[]> raw = new ArrayList<>();
        for (int[] b : block) {
            String text = lines.get(b[0]);
            int colon = text.indexOf(':');
            if (colon < 0) {
                problems.add(file, b[0] + 1, "expected 'key: value', found '" + text.strip() + "'");
                continue;
            }
            String key = text.substring(0, colon).strip();
            String value = text.substring(colon + 1).strip();
            if (key.equals("id")) id = value;
            raw.add(new String[]{key, value, String.valueOf(b[0] + 1)});
        }
        boolean ok = true;
        for (String[] kv : raw) {
            String key = kv[0], value = kv[1];
            int line = Integer.parseInt(kv[2]);
            if (!KEYS.contains(key)) {
                problems.addRule(file, line, id, "unknown key '" + key + "' (known keys: " + String.join(", ", KEYS) + ")");
                ok = false;
            } else if (key.equals("example")) {
                FigureRule.Example ex = parseExample(value, line, id);
                if (ex == null) ok = false; else exampleLines.add(ex);
            } else if (fields.containsKey(key)) {
                problems.addRule(file, line, id, "key '" + key + "' is given twice");
                ok = false;
            } else {
                fields.put(key, value);
                fieldLine.put(key, line);
            }
        }
        if (!fields.containsKey("id") || fields.get("id").isEmpty()) {
            problems.add(file, firstLine, "rule has no id; add a line 'id: some_name'");
            return null;
        }
        if (!id.matches("[a-z][a-z0-9_]*")) {
            problems.addRule(file, fieldLine.get("id"), id, "id must be lower-case letters, digits and '_'");
            ok = false;
        }
        int priority = 50;
        if (fields.containsKey("priority")) {
            try {
                priority = Integer.parseInt(fields.get("priority"));
            } catch (NumberFormatException e) {
                problems.addRule(file, fieldLine.get("priority"), id, "priority must be a whole number, found '" + fields.get("priority") + "'");
                ok = false;
            }
        }
        Pattern pattern = null;
        String source = fields.get("pattern");
        if (source == null) {
            problems.addRule(file, firstLine, id, "has no pattern; add a line 'pattern: …'");
            ok = false;
        } else {
            String expanded = expand(source, fieldLine.get("pattern"), id);
            if (expanded == null) {
                ok = false;
            } else {
                try {
                    pattern = Pattern.compile(expanded);
                    if (!source.contains("(?P<num>")) {
                        problems.addRule(file, fieldLine.get("pattern"), id, "pattern has no group (?P<num>…) for the number");
                        ok = false;
                    } else if (pattern.matcher("").find() || pattern.matcher(NO_NUMBER).find()) {
                        problems.addRule(file, fieldLine.get("pattern"), id, "pattern matches text without any number"
                                + " (the empty string, or '" + NO_NUMBER + "'), so it would match all over every"
                                + " document; make the number part required, e.g. (?P<num>{number}) without ? or *");
                        ok = false;
                    }
                } catch (PatternSyntaxException e) {
                    problems.addRule(file, fieldLine.get("pattern"), id, "pattern is not a valid re2j expression: " + e.getDescription());
                    ok = false;
                }
            }
        }
        if (exampleLines.isEmpty()) {
            problems.addRule(file, firstLine, id, "has no example; add 'example: TEXT => field=value, …' so the rule is tested");
            ok = false;
        }
        String kind = fields.get("kind");
        if (kind != null && !KINDS.contains(kind)) {
            problems.addRule(file, fieldLine.get("kind"), id, "kind '" + kind + "' is not one of " + KINDS);
            ok = false;
        }
        if (fields.get("qualifier") != null && !QUALIFIERS.contains(fields.get("qualifier"))) {
            problems.addRule(file, fieldLine.get("qualifier"), id, "qualifier '" + fields.get("qualifier")
                    + "' is not one of " + QUALIFIERS);
            ok = false;
        }
        Pattern notBefore = charClass(fields, fieldLine, "not_before", id);
        Pattern notAfter = charClass(fields, fieldLine, "not_after", id);
        Pattern notNumber = regex(fields, fieldLine, "not_number", id);
        Integer powerOf = null;
        if (fields.containsKey("power_of")) {
            try {
                powerOf = Integer.valueOf(fields.get("power_of"));
            } catch (NumberFormatException e) {
                problems.addRule(file, fieldLine.get("power_of"), id, "power_of must be a whole number");
                ok = false;
            }
        }
        if (!ok) return null;
        return new FigureRule(id, priority, source, pattern, fields.get("unit"), kind, fields.get("measure_word"),
                fields.get("qualifier"), notBefore, notAfter, notNumber, powerOf, exampleLines, file, firstLine);
    }

    private Pattern charClass(Map<String, String> fields, Map<String, Integer> fieldLine, String key, String id) {
        String v = fields.get(key);
        if (v == null) return null;
        if (!v.startsWith("[") || !v.endsWith("]")) {
            problems.addRule(file, fieldLine.get(key), id, key + " must be a character class like [0-9.], found '" + v + "'");
            return null;
        }
        return regex(fields, fieldLine, key, id);
    }

    private Pattern regex(Map<String, String> fields, Map<String, Integer> fieldLine, String key, String id) {
        String v = fields.get(key);
        if (v == null) return null;
        try {
            return Pattern.compile(v);
        } catch (PatternSyntaxException e) {
            problems.addRule(file, fieldLine.get(key), id, key + " is not a valid re2j expression: " + e.getDescription());
            return null;
        }
    }

    private String expand(String source, int line, String id) {
        Matcher m = MACRO.matcher(source);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(2) == null ? m.group(1) : m.group(1) + ":" + m.group(2);
            String body = macros.get(key);
            if (body == null) {
                problems.addRule(file, line, id, "unknown macro {" + key + "} (known: " + String.join(", ", new java.util.TreeSet<>(macros.keySet())) + ")");
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement("(?:" + body + ")"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private FigureRule.Example parseExample(String value, int line, String id) {
        int arrow = value.indexOf("=>");
        if (arrow < 0) {
            problems.addRule(file, line, id, "example must be 'TEXT => field=value, …' or 'TEXT => none'");
            return null;
        }
        String text = value.substring(0, arrow).strip();
        String expect = value.substring(arrow + 2).strip();
        if (expect.equals("none")) return new FigureRule.Example(text, Map.of(), true, line);
        Map<String, String> expected = new LinkedHashMap<>();
        for (String part : expect.split(",\\s*(?=[a-z_]+=)")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                problems.addRule(file, line, id, "example expectation '" + part + "' is not field=value");
                return null;
            }
            expected.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        return new FigureRule.Example(text, expected, false, line);
    }
}
