package figtrace.cli;

import figtrace.model.Figure;
import figtrace.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class CiteCommandTest {

    @TempDir Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new CiteCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void printsTheCitationOfAKnownFigure() {
        TestDb.create(dir.resolve("extracted/figtrace.db"));
        Figure f = TestDb.paper().figures().get(0);
        assertEquals(0, run(f.id(), "--out", dir.resolve("extracted").toString()), err.toString());
        assertEquals("顾华详. 数字经济赋能中国（新疆）自贸试验区发展新质生产力研究[J/OL]. 新疆社会科学, 2024."
                + " 第2页第2行：“2024年新疆数字经济规模达到4000亿元，增长12%。”", out.toString().strip());
    }

    @Test
    void unknownIdExitsTwoWithAClearMessage() {
        TestDb.create(dir.resolve("extracted/figtrace.db"));
        assertEquals(2, run("fdeadbeefdeadbeef", "--out", dir.resolve("extracted").toString()));
        assertTrue(err.toString().contains("no figure fdeadbeefdeadbeef"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void missingDatabaseSaysToRunFirst() {
        assertEquals(2, run("f1", "--out", dir.resolve("nothing").toString()));
        assertTrue(err.toString().contains("run ./figtrace run first"), err.toString());
    }
}
