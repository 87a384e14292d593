package figtrace.cli;

import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintWriter;

/**
 * The {@code --out} folder of the commands that read a finished run (serve, cite, export, panel): the folder a run
 * wrote, holding its {@code figtrace.db}. A picocli mixin, so the option reads and defaults the same in every command.
 */
final class RunFolder {
    @Option(names = "--out", defaultValue = "extracted", paramLabel = "DIR",
            description = "Folder of a run (what 'figtrace run --out' wrote), holding its figtrace.db."
                    + " Default: ${DEFAULT-VALUE}.")
    Path out;

    /** The run's database. */
    Path db() {
        return out.resolve("figtrace.db");
    }

    /** Whether the run's database is there; when it is not, says so on {@code err} with what to do. */
    boolean hasDatabase(PrintWriter err, String command) {
        if (Files.isRegularFile(db())) return true;
        err.println("figtrace " + command + ": no " + db() + ": run ./figtrace run first (or point --out at the folder"
                + " that holds figtrace.db)");
        err.flush();
        return false;
    }
}
