package figtrace.rules;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatternTableTest {

    private static Path dirWith(String name, String content) throws Exception {
        Path dir = Files.createTempDirectory("patterns");
        Files.writeString(dir.resolve(name), content);
        return dir;
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndRowsKeepTheirFileLine() throws Exception {
        Path dir = dirWith("x.tsv", "\uFEFF# about\n\nkind\ttext\n# more\nname\t新疆\n");
        Problems problems = new Problems();
        var rows = PatternTable.read(dir, "x.tsv", problems, "kind", "text");
        assertTrue(problems.isEmpty(), problems.list().toString());
        assertEquals(1, rows.size());
        assertEquals(5, rows.get(0).line());
        assertEquals("新疆", rows.get(0).get("text"));
        assertEquals("新疆", rows.get(0).get(1));
        assertEquals("", rows.get(0).get("nope"));
    }

    @Test
    void everyBadRowIsReportedWithFileAndLineAndTheGoodOnesAreKept() throws Exception {
        Path dir = dirWith("x.tsv", "kind\ttext\nname\t新疆\textra\nname\t\nname\t河南\n");
        Problems problems = new Problems();
        var rows = PatternTable.read(dir, "x.tsv", problems, "kind", "text");
        assertEquals(List.of("patterns/x.tsv:2: 3 cells but the header has 2 (tabs inside a value?)",
                "patterns/x.tsv:3: column 'text' is empty"), problems.list());
        assertEquals(1, rows.size());
        assertEquals("河南", rows.get(0).get("text"));
    }

    @Test
    void positionalRowsNeedTheirColumns() throws Exception {
        Path dir = dirWith("y.tsv", "a\tb\n1 2\n3\t4\n");
        Problems problems = new Problems();
        var rows = PatternTable.read(dir, "y.tsv", 2, problems);
        assertEquals(1, rows.size());
        assertEquals(List.of("patterns/y.tsv:2: expected 2 tab-separated columns, found 1 (columns must be separated"
                + " by a TAB character, not spaces)"), problems.list());
    }

    @Test
    void aMissingHeaderColumnOrFileIsReportedByName() throws Exception {
        Problems problems = new Problems();
        PatternTable.read(dirWith("z.tsv", "kind\n"), "z.tsv", problems, "kind", "text");
        PatternTable.read(Path.of("/nonexistent"), "units.tsv", problems, "name");
        assertEquals(2, problems.list().size());
        assertEquals("patterns/z.tsv:1: header lacks column 'text' (expected tab-separated: kind, text)", problems.list().get(0));
        assertTrue(problems.list().get(1).startsWith("patterns/units.tsv:0: file is missing"), problems.list().toString());
        RulesException e = org.junit.jupiter.api.Assertions.assertThrows(RulesException.class, problems::throwIfAny);
        assertEquals(problems.list(), e.problems());
    }

    @Test
    void wordsByRoleKeepsFileOrderAndReportsUnknownRolesAndEmptyWords() throws Exception {
        Path dir = dirWith("w.tsv", "word\trole\n高于\tbefore\n平均\tafter\n低于\tbefore\n第\tbeside\n\tafter\n");
        Problems problems = new Problems();
        var byRole = PatternTable.wordsByRole(dir, "w.tsv", List.of("before", "after"), problems);
        assertEquals(List.of("高于", "低于"), byRole.get("before"));
        assertEquals(List.of("平均"), byRole.get("after"));
        assertEquals(List.of("patterns/w.tsv:5: role must be one of [before, after], found 'beside'",
                "patterns/w.tsv:6: the word is empty"), problems.list());
    }
}
