package figtrace.pipeline;

import figtrace.cli.Main;
import figtrace.panel.PanelTables;
import figtrace.store.PanelParts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The panel a run writes incrementally (family by family, only the families of changed documents rebuilt, outputs
 * merged from parts) equals the panel built in one go over all figures, byte for byte and row for row in the
 * database: after a cold run, after a run in which one document changed, and after a run in which one document
 * changed, one was added and one removed.
 */
class PanelIncrementalIT {

    @TempDir Path dir;

    private static final Path ATLAS = Path.of("../shared/atlas/docs");

    @Test
    void incrementalPanelEqualsAFullRebuild() throws Exception {
        Path corpus = dir.resolve("corpus");
        Files.createDirectories(corpus);
        try (Stream<Path> samples = Files.list(Path.of("corpus"))) {
            for (Path f : samples.toList()) Files.copy(f, corpus.resolve(f.getFileName()));
        }
        for (String name : List.of("aksu_2025_statistical_bulletin.html", "anyang_2025_statistical_bulletin.html")) {
            Files.copy(ATLAS.resolve(name), corpus.resolve(name));
        }
        Path out = dir.resolve("out");
        run(corpus, out);
        assertSameAsFullRebuild(out, "cold run");

        // A no-change update rebuilds no family and replaces no file.
        PanelRun.Update again = PanelRun.update(out.resolve("figtrace.db"), Path.of("patterns"), out);
        assertEquals(0, again.rebuiltFamilies(), "nothing changed: " + again);
        assertEquals(0, again.filesReplaced(), "nothing changed: " + again);
        assertFalse(again.full());

        // One file changed: a bulletin states a different GDP and adds a sentence; only the partitions (family and
        // region) it has sources in are rebuilt, from the documents with sources there, and the panel is still the
        // one built whole.
        Path bulletin = corpus.resolve("anyang_2025_statistical_bulletin.html");
        String page = Files.readString(bulletin, StandardCharsets.UTF_8);
        int end = page.lastIndexOf("</body>");
        Files.writeString(bulletin, page.substring(0, end)
                + "<p>全市地区生产总值1234.5亿元，比上年增长4.2%。一般公共预算收入88.8亿元，增长2.1%。</p>" + page.substring(end),
                StandardCharsets.UTF_8);
        run(corpus, out);
        assertSameAsFullRebuild(out, "after a one-file change");

        long before = System.currentTimeMillis();
        Thread.sleep(1100); // file times of rewritten parts must differ from those of untouched ones
        // changed: the bulletin loses its second half (old figures gone) and gains a sentence (new figures)
        Path changed = corpus.resolve("anyang_2025_statistical_bulletin.html");
        String html = Files.readString(changed, StandardCharsets.UTF_8);
        Files.writeString(changed, html.substring(0, html.length() / 2)
                + "<p>全市地区生产总值2345.6亿元，比上年增长5.1%。一般公共预算收入123.4亿元，增长3.2%。</p></body></html>",
                StandardCharsets.UTF_8);
        // added: another city's bulletin; removed: one sample
        Files.copy(ATLAS.resolve("baoji_2025_statistical_bulletin.html"), corpus.resolve("baoji_2025_statistical_bulletin.html"),
                StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> samples = Files.list(corpus)) {
            Files.delete(samples.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().findFirst().orElseThrow());
        }
        run(corpus, out);
        assertSameAsFullRebuild(out, "after a change, an addition and a removal");

        // Only some families were rebuilt: the parts of the others are as the cold run wrote them.
        List<Path> parts;
        try (Stream<Path> files = Files.list(out.resolve(PanelParts.DIR))) {
            parts = files.filter(f -> f.toString().endsWith(".rows")).toList();
        }
        long untouched = 0;
        for (Path p : parts) if (Files.getLastModifiedTime(p).toMillis() < before) untouched++;
        assertTrue(untouched > 0 && untouched < parts.size(),
                untouched + " of " + parts.size() + " families untouched by the second run");
    }

    private static void run(Path corpus, Path out) {
        int code = Main.commandLine().execute("run", corpus.toString(), "--out", out.toString(), "--quiet", "--jobs", "1");
        assertTrue(code == 0 || code == 3, "run exit code " + code);
    }

    /** The outputs and stored panel of {@code out} equal a whole rebuild from a copy of its database. */
    private void assertSameAsFullRebuild(Path out, String when) throws Exception {
        Path ref = dir.resolve("ref-" + System.nanoTime());
        Files.createDirectories(ref);
        Files.copy(out.resolve("figtrace.db"), ref.resolve("figtrace.db"));
        Path patterns = Path.of("patterns");
        PanelRun.save(PanelRun.buildWhole(ref.resolve("figtrace.db"), patterns, RegionCodes.load(patterns)),
                ref.resolve("figtrace.db"), ref);
        for (String file : List.of(PanelTables.PANEL_CSV, PanelTables.CHECKS_CSV)) {
            byte[] want = Files.readAllBytes(ref.resolve(file));
            byte[] got = Files.readAllBytes(out.resolve(file));
            assertTrue(want.length > 1000, file + " is no real panel: " + want.length + " bytes");
            assertArrayEquals(want, got, file + " " + when + " differs from a full rebuild (mismatch at byte "
                    + Files.mismatch(ref.resolve(file), out.resolve(file)) + ")");
        }
        // the family-by-family build used by the panel command and the review page: the same panel
        var byFamily = PanelRun.build(out.resolve("figtrace.db"), patterns, RegionCodes.load(patterns));
        var whole = PanelRun.buildWhole(out.resolve("figtrace.db"), patterns, RegionCodes.load(patterns));
        assertEquals(whole, byFamily, "PanelRun.build " + when);
        for (String sql : List.of("SELECT * FROM panel ORDER BY 1, 2, 3, 4, 5, 6",
                "SELECT * FROM panel_sources ORDER BY 1, 2, 3, 4, 5, 6",
                "SELECT check_kind, indicator_id, region, period, scope, status, expected, actual, first_doc,"
                        + " first_figure_id, second_doc, second_figure_id, reason FROM panel_checks"
                        + " ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13")) {
            assertEquals(rows(ref.resolve("figtrace.db"), sql), rows(out.resolve("figtrace.db"), sql), sql + " " + when);
        }
    }

    private static List<String> rows(Path db, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData m = rs.getMetaData();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= m.getColumnCount(); i++) b.append(rs.getString(i)).append('\t');
                rows.add(b.toString());
            }
        }
        return rows;
    }
}
