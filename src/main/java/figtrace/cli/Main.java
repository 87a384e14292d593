package figtrace.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * figtrace's command line. Exit codes: 0 ok, 1 internal error, 2 bad usage or bad rules, 3 finished but some
 * documents failed, 4 another run is writing the same output folder. The CLI is the only place that prints; the
 * library returns data and statuses.
 */
@Command(name = "figtrace", mixinStandardHelpOptions = true, version = "figtrace 0.1.0",
        description = {"Extract every figure (value, unit, period, region, subject), named entity and policy measure"
                + " from Chinese regional-economy reports (PDF, Word, HTML, text), each with the exact source line it"
                + " came from; review them in a local page and cite them."},
        footer = {"", "Quick start:",
                "  ./figtrace run                      extract corpus/ into extracted/ (only what changed)",
                "  ./figtrace watch                    extract files as they are dropped into corpus/",
                "  ./figtrace serve                    review the figures at http://127.0.0.1:8700",
                "  ./figtrace cite FIGURE_ID           a citation to paste: document, page and line, quote",
                "  ./figtrace eval --gold ../shared/gold   score extracted/ against gold files",
                "  ./figtrace rules check              check the rules in patterns/ and run their examples",
                "", "Run 'figtrace COMMAND --help' for the options and examples of a command."})
public final class Main implements Runnable {
    public static final int OK = 0, INTERNAL_ERROR = 1, BAD_USAGE = 2, SOME_FAILED = 3, BUSY = 4;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** Read before parsing ({@link Logging#verbose}), since loggers are set up once; declared here for help and parsing. */
    @CommandLine.Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Log to stderr what figtrace does, with each document's stage timings.")
    boolean verbose;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The subcommands, in the order help lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("run", RunCommand::new);
        commands.put("watch", WatchCommand::new);
        commands.put("serve", ServeCommand::new);
        commands.put("cite", CiteCommand::new);
        commands.put("export", ExportCommand::new);
        commands.put("panel", PanelCommand::new);
        commands.put("eval", EvalCommand::new);
        commands.put("rules", RulesCommand::new);
        commands.put("help", CommandLine.HelpCommand::new);
        return commands;
    }

    /** The whole command line, every subcommand included. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command line with only subcommand {@code only} (all when null). Picocli builds each command's model by
     * reflection when it is added; building only the one that runs saves a good part of start-up.
     */
    static CommandLine commandLine(String only) {
        CommandLine cl = new CommandLine(new Main());
        for (Map.Entry<String, Supplier<Object>> c : COMMANDS.entrySet()) {
            if (only == null || only.equals(c.getKey())) cl.addSubcommand(c.getKey(), c.getValue().get());
        }
        cl.setUsageHelpWidth(110); // after the subcommands, so it reaches them: room for examples without odd breaks
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("figtrace: internal error: " + e
                    + "\nThis is a bug in figtrace, not in your files. Please report it with the command you ran.");
            return INTERNAL_ERROR;
        });
        return cl;
    }

    public static void main(String[] args) {
        Logging.configure(Logging.verbose(args));
        String first = args.length > 0 && COMMANDS.containsKey(args[0]) && !args[0].equals("help") ? args[0] : null;
        System.exit(commandLine(first).execute(args));
    }
}
