package figtrace.figures;

import figtrace.model.Coded;
import figtrace.layout.LayoutStage;
import figtrace.model.DocType;
import figtrace.model.Figure;
import figtrace.model.SourceFile;
import figtrace.rules.FigureRule;
import figtrace.rules.Rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs every rule's inline examples through the real extractor: each example is a one-line document, and the first
 * figure the rule finds in it must have the expected fields. Problems read {@code patterns/FILE:LINE: rule 'ID': …}.
 */
public final class RuleExamples {
    private RuleExamples() {}

    public static int count(Rules rules) {
        return rules.figureRules().stream().mapToInt(r -> r.examples().size()).sum();
    }

    public static List<String> check(Rules rules) {
        FigureStage stage = new FigureStage(rules);
        figtrace.metadata.ContextReader contexts = new figtrace.metadata.ContextReader(rules);
        List<String> problems = new ArrayList<>();
        for (FigureRule rule : rules.figureRules()) {
            for (FigureRule.Example ex : rule.examples()) {
                String where = "patterns/" + rule.file() + ":" + ex.line() + ": rule '" + rule.id() + "': example '" + ex.text() + "': ";
                SourceFile file = new SourceFile("example.txt", "example", ex.text().length(), DocType.TXT);
                figtrace.model.DocumentContext context = contexts.read(file, LayoutStage.linesOf(ex.text(), 0),
                        figtrace.model.DocumentMetadata.empty(), Map.of());
                Figure found = stage.extract(context).stream()
                        .filter(f -> f.rule().equals(rule.qualifiedId())).findFirst().orElse(null);
                if (ex.expectNone()) {
                    if (found != null) problems.add(where + "expected no figure, found '" + found.raw() + "'");
                    continue;
                }
                if (found == null) {
                    problems.add(where + "the rule finds no figure here");
                    continue;
                }
                for (Map.Entry<String, String> e : ex.expected().entrySet()) {
                    String actual = field(found, e.getKey());
                    if (actual == null && !e.getKey().matches("raw|value|unit|measure_word|kind|qualifier|change|time|region|subject|target")) {
                        problems.add(where + "unknown field '" + e.getKey() + "'");
                    } else if (!same(e.getKey(), e.getValue(), actual)) {
                        problems.add(where + "expected " + e.getKey() + "=" + e.getValue() + ", got " + e.getKey() + "=" + actual);
                    }
                }
            }
        }
        return problems;
    }

    private static boolean same(String field, String expected, String actual) {
        if (field.equals("value") && actual != null) {
            try {
                return new BigDecimal(expected).compareTo(new BigDecimal(actual)) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return Objects.equals(expected.equals("null") ? null : expected, actual);
    }

    static String field(Figure f, String name) {
        return switch (name) {
            case "raw" -> f.raw();
            case "value" -> f.value() == null ? null : f.value().toPlainString();
            case "unit" -> f.unit();
            case "measure_word" -> f.measureWord();
            case "kind" -> Coded.codeOf(f.kind());
            case "qualifier" -> Coded.codeOf(f.qualifier());
            case "change" -> Coded.codeOf(f.change());
            case "time" -> f.time();
            case "region" -> f.region();
            case "subject" -> f.subject();
            case "target" -> String.valueOf(f.target());
            default -> null;
        };
    }
}
