package figtrace.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * figtrace's command line. Exit codes: 0 ok, 1 internal error, 2 bad usage or bad rules, 3 finished but some
 * documents failed. The CLI is the only place that prints; the library returns data and statuses.
 */
@Command(name = "figtrace", mixinStandardHelpOptions = true, version = "figtrace 0.1.0",
        description = {"Extract every figure (value, unit, period, region, subject), named entity and policy measure"
                + " from Chinese regional-economy reports (PDF, Word, HTML, text), each with the exact source line it"
                + " came from; review them in a local page and cite them."},
        subcommands = {RunCommand.class, ServeCommand.class, CiteCommand.class, ExportCommand.class, EvalCommand.class,
                RulesCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Quick start:",
                "  ./figtrace run                      extract corpus/ into extracted/",
                "  ./figtrace serve                    review the figures at http://127.0.0.1:8700",
                "  ./figtrace cite FIGURE_ID           a citation to paste: document, page and line, quote",
                "  ./figtrace eval --gold ../shared/gold   score extracted/ against gold files",
                "  ./figtrace rules check              check the rules in patterns/ and run their examples",
                "", "Run 'figtrace COMMAND --help' for the options and examples of a command."})
public final class Main implements Runnable {
    public static final int OK = 0, INTERNAL_ERROR = 1, BAD_USAGE = 2, SOME_FAILED = 3;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setUsageHelpWidth(110); // room for Chinese examples and file types without odd breaks
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("figtrace: internal error: " + e
                    + "\nThis is a bug in figtrace, not in your files. Please report it with the command you ran.");
            return INTERNAL_ERROR;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
