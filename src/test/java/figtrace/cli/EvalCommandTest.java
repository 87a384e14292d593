package figtrace.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class EvalCommandTest {

    static final String GOLD = "src/test/resources/eval/gold";
    static final String PRED = "src/test/resources/eval/pred";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new EvalCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void printsPerDocumentAndOverallTable() {
        assertEquals(0, run("--gold", GOLD, "--out", PRED), err.toString());
        String table = out.toString();
        assertTrue(table.matches("(?s).*004_ba8f813c9e095246\\s+figures\\s+75\\s+73\\s+69\\s+0\\.945 0\\.920 0\\.932"
                + "\\s+0\\.986.*"), table);
        assertTrue(table.matches("(?s).*pdfdoc\\s+figures\\s+5\\s+5\\s+3\\s+0\\.600.*"), table);
        assertTrue(table.matches("(?s).*overall\\s+figures\\s+80\\s+78\\s+72\\s+0\\.923 0\\.900 0\\.911.*"), table);
        assertTrue(table.matches("(?s).*overall\\s+entities\\s+91\\s+79\\s+78\\s+0\\.987.*0\\.897.*"), table);
        assertTrue(table.matches("(?s).*overall\\s+measures\\s+87\\s+71\\s+67\\s+0\\.944 0\\.770 0\\.848.*"), table);
        assertTrue(table.contains("004_ba8f813c9e095246.txt:16 ±1100千伏"), table);
        assertEquals("", err.toString());
    }

    @Test
    void jsonHasOverallAndDocumentsAsScorePy() throws Exception {
        assertEquals(0, run("--gold", GOLD, "--out", PRED, "--json"));
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(0.911, json.at("/overall/figures/F1").asDouble());
        assertEquals(0.81, json.at("/overall/figures/full_F1").asDouble());
        assertEquals(0.932, json.at("/documents/004_ba8f813c9e095246/figures/F1").asDouble());
        assertEquals(0.6, json.at("/documents/pdfdoc/figures/F1").asDouble());
        assertTrue(json.at("/documents/pdfdoc/entities").isMissingNode());
    }

    @Test
    void helpShowsAnExample() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("./figtrace eval --gold ../shared/gold"), out.toString());
    }

    @Test
    void missingGoldFolderExitsTwo(@TempDir Path dir) {
        assertEquals(2, run("--gold", dir.resolve("nope").toString(), "--out", PRED));
        assertTrue(err.toString().contains("does not exist"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void goldFolderWithoutJsonlExitsTwo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("README.md"), "no gold here");
        assertEquals(2, run("--gold", dir.toString(), "--out", PRED));
        assertTrue(err.toString().contains("no *.jsonl"), err.toString());
    }

    @Test
    void missingFiguresJsonlTellsToRunFirst(@TempDir Path dir) {
        assertEquals(2, run("--gold", GOLD, "--out", dir.toString()));
        assertTrue(err.toString().contains("run ./figtrace run first"), err.toString());
    }

    @Test
    void missingGoldOptionIsAUsageError() {
        assertEquals(2, run());
        assertTrue(err.toString().contains("--gold"), err.toString());
    }

    @Test
    void defaultOutIsExtracted() {
        EvalCommand command = new EvalCommand();
        new CommandLine(command).parseArgs("--gold", GOLD);
        assertEquals(Path.of("extracted"), command.out);
    }
}
