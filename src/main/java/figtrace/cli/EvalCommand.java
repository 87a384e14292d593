package figtrace.cli;

import figtrace.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import figtrace.eval.KindScore;
import figtrace.eval.ScoreReport;
import figtrace.eval.Scorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code figtrace eval}: scores the outputs of a run against gold files, with the same numbers as the official
 * {@code score.py}, per document and overall. A standalone picocli command; Main adds it as a subcommand.
 */
@Command(name = "eval",
        description = "Score extracted figures, entities and measures against gold JSONL files"
                + " (same numbers as shared/tools/score.py), per document and overall.",
        footer = {"", "Example:", "  ./figtrace eval --gold ../shared/gold",
                "  ./figtrace eval --gold ../shared/gold --out extracted --json > scores.json"})
public final class EvalCommand implements Callable<Integer> {

    /** Exit code for input the user must fix first (picocli also uses 2 for usage errors). */
    static final int BAD_INPUT = 2;

    @Spec CommandSpec spec;

    @Option(names = "--gold", required = true, paramLabel = "DIR",
            description = "Folder with gold files <doc>.figures.jsonl, .entities.jsonl, .measures.jsonl.")
    Path gold;

    @Option(names = "--out", defaultValue = "extracted", paramLabel = "DIR",
            description = "Folder with the run's figures.jsonl (and entities.jsonl, measures.jsonl if any)."
                    + " Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--json", description = "Print the scores as one JSON object instead of a table.")
    boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String problem = inputProblem();
        if (problem != null) {
            err.println("figtrace eval: " + problem);
            err.flush();
            return BAD_INPUT;
        }
        Scorer scorer = new Scorer(gold, out);
        ScoreReport overall;
        Map<String, ScoreReport> byDocument;
        try {
            overall = scorer.score();
            byDocument = scorer.scoreByDocument();
        } catch (UncheckedIOException e) {
            err.println("figtrace eval: " + e.getMessage() + ": " + e.getCause().getMessage());
            err.flush();
            return 1;
        }
        overall.problems().forEach(p -> err.println("warning: " + p + " (line skipped)"));
        err.flush();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(json ? asJson(overall, byDocument) : ScoreTable.render(gold, out, overall, byDocument));
        stdout.flush();
        return 0;
    }

    /** What is wrong with the folders given, in words the user can act on; null when all is well. */
    private String inputProblem() {
        if (!Files.isDirectory(gold)) return "gold folder " + gold + " does not exist (give --gold DIR)";
        try (Stream<Path> files = Files.list(gold)) {
            if (files.noneMatch(f -> f.getFileName().toString().endsWith(".jsonl"))) {
                return "gold folder " + gold + " holds no *.jsonl files";
            }
        } catch (IOException e) {
            return "cannot read gold folder " + gold + ": " + e.getMessage();
        }
        if (!Files.isRegularFile(out.resolve("figures.jsonl"))) {
            return "no " + out.resolve("figures.jsonl") + ": run ./figtrace run first"
                    + " (or point --out at the folder that holds it)";
        }
        return null;
    }

    private static String asJson(ScoreReport overall, Map<String, ScoreReport> byDocument) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("overall", overall.toJson());
        Map<String, Object> docs = new LinkedHashMap<>();
        byDocument.forEach((doc, report) -> docs.put(doc, report.toJson()));
        json.put("documents", docs);
        try {
            return Json.pretty().writeValueAsString(json)
                    + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("scores are plain maps and numbers", e);
        }
    }

    /** The readable table: one row per document and kind, then the overall rows, then missed examples. */
    static final class ScoreTable {

        /** Columns after the document name, which is as wide as the longest name. */
        private static final String COLUMNS = "s  %-8s %5s %5s %5s  %5s %5s %5s  %5s %5s %5s %6s %7s %7s %5s%n";

        static String render(Path gold, Path out, ScoreReport overall, Map<String, ScoreReport> byDocument) {
            int width = Math.max("overall".length(),
                    byDocument.keySet().stream().mapToInt(String::length).max().orElse(0));
            String format = "%-" + width + COLUMNS;
            StringBuilder table = new StringBuilder();
            table.append(String.format("Scores of %s against %s (%d gold documents)%n%n", out, gold,
                    byDocument.size()));
            String header = String.format(format, "document", "kind", "gold", "pred", "tp", "P", "R", "F1", "value",
                    "unit", "time", "region", "subject", "full_F1", "type/status");
            table.append(header);
            byDocument.forEach((doc, report) -> rows(table, format, doc, report));
            table.append("-".repeat(header.strip().length())).append(System.lineSeparator());
            rows(table, format, "overall", overall);
            KindScore figures = overall.kinds().get("figures");
            if (figures != null && figures.fields() != null && !figures.fields().missedExamples().isEmpty()) {
                table.append(String.format("%nMissed figures (first %d):%n", figures.fields().missedExamples().size()));
                figures.fields().missedExamples().forEach(m -> table.append("  ").append(m).append(
                        System.lineSeparator()));
            }
            table.append(String.format("%nP precision, R recall. value..subject: share of matched figures with that"
                    + " field right (- where no gold gives it).%nfull_F1: F1 counting only figures right in every"
                    + " field. type/status: share of matched entities with the right type, of matched measures with the right"
                    + " status.%n"));
            return table.toString();
        }

        private static void rows(StringBuilder table, String format, String doc, ScoreReport report) {
            for (KindScore k : report.kinds().values()) {
                KindScore.FigureFields f = k.fields();
                table.append(String.format(format, doc, k.kind(), k.gold(), k.pred(), k.tp(), n(k.precision()),
                        n(k.recall()), n(k.f1()), f == null ? "-" : n(f.valueOk()), f == null ? "-" : n(f.unitOk()),
                        f == null ? "-" : n(f.timeOk()), f == null ? "-" : n(f.regionOk()),
                        f == null ? "-" : n(f.subjectOk()), f == null ? "-" : n(f.fullF1()),
                        n(k.typeOk() != null ? k.typeOk() : k.statusOk())));
            }
        }

        private static String n(Double value) {
            return value == null ? "-" : String.format(java.util.Locale.ROOT, "%.3f", value);
        }

        private ScoreTable() {}
    }
}
