package figtrace.panel;

import figtrace.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The panel built by a run of the five samples: the paper's R&D spending (138.53亿元 in 2024, up 23.01亿元) implies
 * 115.52亿元 for 2023, and the reply's 115.5亿元 (no year given) agrees after rounding.
 */
class PanelSamplesTest {

    @TempDir Path dir;

    @Test
    void theSamplesRAndDSpendingAgreesAfterRounding() throws Exception {
        Path out = dir.resolve("out");
        int code = Main.commandLine().execute("run", "corpus", "--out", out.toString(), "--quiet");
        assertTrue(code == 0 || code == 3, "run exit code " + code);
        List<String> checks = Files.readAllLines(out.resolve(PanelTables.CHECKS_CSV), StandardCharsets.UTF_8);
        String rd = checks.stream().filter(l -> l.startsWith("\"level_minus_increase\"") && l.contains("138.53亿元")
                && l.contains("115.5亿元")).findFirst().orElseThrow(() -> new AssertionError(
                "no check of 138.53亿元 − 23.01亿元 against 115.5亿元 in " + String.join("\n", checks)));
        assertTrue(rd.contains("\"rounding_agree\""), rd);
        assertTrue(rd.contains("\"2023\""), rd);
        assertTrue(rd.contains("\"11552000000\""), "the implied 2023 level: " + rd);
        List<String> panel = Files.readAllLines(out.resolve(PanelTables.PANEL_CSV), StandardCharsets.UTF_8);
        assertEquals("\uFEFF\"indicator_id\"", panel.get(0).substring(0, 15), "UTF-8 with BOM, header first");
        assertTrue(panel.size() > 10, "the samples give a panel: " + panel.size() + " rows");
        // The same panel in the database, each row's figures in panel_sources, one of them chosen.
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + out.resolve("figtrace.db"));
             var st = c.createStatement()) {
            var rows = st.executeQuery("SELECT count(*) FROM panel");
            rows.next();
            assertEquals(panel.size() - 1, rows.getInt(1));
            var chosen = st.executeQuery("SELECT count(*) FROM panel_sources WHERE chosen = 1");
            chosen.next();
            assertEquals(panel.size() - 1, chosen.getInt(1));
            var stored = st.executeQuery("SELECT status FROM panel_checks WHERE check_kind = 'level_minus_increase'"
                    + " AND expected = '11552000000'");
            assertTrue(stored.next());
            assertEquals("rounding_agree", stored.getString(1));
        }
    }
}
