package figtrace.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * figtrace's command line. Exit codes: 0 ok, 1 internal error, 2 bad usage or bad rules, 3 finished but some
 * documents failed, 4 another run is writing the same output folder. The CLI is the only place that prints; the library returns data and statuses.
 */
@Command(name = "figtrace", mixinStandardHelpOptions = true, version = "figtrace 0.1.0",
        description = {"Extract every figure (value, unit, period, region, subject) from Chinese regional-economy",
                "reports — PDF, Word, HTML, text — with the exact source line it came from."},
        subcommands = {RunCommand.class, WatchCommand.class, EvalCommand.class, RulesCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Quick start:",
                "  ./figtrace run                      extract corpus/ into extracted/ (only what changed)",
                "  ./figtrace watch                    extract files as they are dropped into corpus/",
                "  ./figtrace eval --gold ../shared/gold   score extracted/ against gold files",
                "  ./figtrace rules check              check the rules in patterns/ and run their examples",
                "", "Run 'figtrace COMMAND --help' for the options and examples of a command."})
public final class Main implements Runnable {
    public static final int OK = 0, INTERNAL_ERROR = 1, BAD_USAGE = 2, SOME_FAILED = 3, BUSY = 4;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
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
