package figtrace.cli;

import figtrace.figures.RuleExamples;
import figtrace.rules.Rules;
import figtrace.rules.RulesException;
import figtrace.rules.RulesStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code figtrace rules check}: every pattern file parses, every rule compiles, every inline example passes. */
@Command(name = "rules", description = "Work with the rules and lookup tables in patterns/.",
        subcommands = {RulesCommand.Check.class})
public final class RulesCommand implements Runnable {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    @Command(name = "check", description = {"Load every file in patterns/, compile every rule and run every rule's",
            "inline examples. Each problem is reported as patterns/FILE:LINE: rule 'ID': what is wrong."},
            footer = {"", "Examples:", "  ./figtrace rules check", "  ./figtrace rules check --patterns my-patterns"})
    static final class Check implements Callable<Integer> {
        @Option(names = "--patterns", paramLabel = "DIR", description = "Folder with the rules. Default: patterns/.")
        Path patterns;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
            java.nio.file.Path dir = Defaults.patterns(patterns);
            // every file of patterns/ is read, each by the stage that uses it, so that the problems of all of them
            // are listed together (a bad figure rule does not hide a bad entity line)
            List<String> found = new java.util.ArrayList<>();
            Rules rules = loaded(() -> RulesStage.load(dir), found);
            loaded(() -> new figtrace.entities.EntityStage(dir), found);
            loaded(() -> new figtrace.measures.MeasureStage(dir), found);
            loaded(() -> new figtrace.metadata.MetadataStage(dir), found);
            loaded(() -> figtrace.panel.PanelRulesFile.read(dir), found);
            if (!found.isEmpty()) {
                found.forEach(err::println);
                err.println(found.size() + " problem(s); fix them and run 'figtrace rules check' again.");
                return Main.BAD_USAGE;
            }
            List<String> problems = RuleExamples.check(rules);
            problems.forEach(err::println);
            if (!problems.isEmpty()) {
                err.println(problems.size() + " example(s) fail; fix the rule or the example.");
                return Main.BAD_USAGE;
            }
            out.println(rules.figureRules().size() + " rules, " + RuleExamples.count(rules) + " examples: all pass.");
            return Main.OK;
        }

        /** What {@code load} gives, or null with its problems added to {@code found}. */
        private static <T> T loaded(java.util.function.Supplier<T> load, List<String> found) {
            try {
                return load.get();
            } catch (RulesException e) {
                found.addAll(e.problems());
                return null;
            }
        }
    }
}
