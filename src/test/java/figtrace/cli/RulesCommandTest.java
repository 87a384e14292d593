package figtrace.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 'rules check' lists the problems of every file in patterns/ together, whatever file they are in. */
class RulesCommandTest {

    @TempDir Path dir;

    private static void append(Path file, String line) throws Exception {
        Files.writeString(file, line, StandardOpenOption.APPEND);
    }

    @Test
    void problemsInFigureEntityMeasureAndPanelTablesAreListedAtOnce() throws Exception {
        try (var files = Files.list(Path.of("patterns"))) {
            for (Path p : files.toList()) Files.copy(p, dir.resolve(p.getFileName()));
        }
        append(dir.resolve("units.tsv"), "吨标煤\ttce\tweight\t1\t-\n");
        append(dir.resolve("entities.tsv"), "suffix\t中心\tORGANISATION\n");
        append(dir.resolve("measure_cues.tsv"), "status\t已经\tfinished\n");
        append(dir.resolve("panel.tsv"), "bogus\tx\ty\n");
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        assertEquals(Main.BAD_USAGE, cli.execute("rules", "check", "--patterns", dir.toString()));
        String text = err.toString();
        for (String file : new String[]{"units.tsv", "entities.tsv", "measure_cues.tsv", "panel.tsv"}) {
            assertTrue(text.contains("patterns/" + file + ":"), file + " missing in:\n" + text);
        }
        assertTrue(text.contains("4 problem(s)"), text);
    }
}
