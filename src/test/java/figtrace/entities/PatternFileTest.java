package figtrace.entities;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PatternFileTest {

    private static Path dirWith(String name, String content) throws Exception {
        Path dir = Files.createTempDirectory("patterns");
        Files.writeString(dir.resolve(name), content);
        return dir;
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndRowsKeepTheirFileLine() throws Exception {
        Path dir = dirWith("x.tsv", "# about\n\nkind\ttext\n# more\nname\t新疆\n");
        var rows = PatternFile.read(dir, "x.tsv", "kind", "text");
        assertEquals(1, rows.size());
        assertEquals(5, rows.get(0).line());
        assertEquals("新疆", rows.get(0).get("text"));
    }

    @Test
    void rowWithMoreCellsThanTheHeaderIsReportedWithFileAndLine() throws Exception {
        Path dir = dirWith("x.tsv", "kind\ttext\nname\t新疆\textra\n");
        var e = assertThrows(PatternFile.PatternException.class, () -> PatternFile.read(dir, "x.tsv", "kind", "text"));
        assertEquals("patterns/x.tsv:2: 3 cells but the header has 2 (tabs inside a value?)", e.getMessage());
    }

    @Test
    void unknownEntityTypeIsReportedWithFileAndLine() throws Exception {
        Path dir = dirWith("entities.tsv", "kind\ttext\ttype\tcanonical\nsuffix\t中心\tORGANISATION\n");
        Files.writeString(dir.resolve("places.tsv"), "name\tcanonical\n");
        var e = assertThrows(PatternFile.PatternException.class, () -> new EntityStage(dir));
        assertEquals("patterns/entities.tsv:2: type 'ORGANISATION' is not one of DOC, INDUSTRY, ORG, PERSON, PLACE, PROGRAM",
                e.getMessage());
    }

    @Test
    void badSloganPatternIsReportedWithFileAndLine() throws Exception {
        Path dir = dirWith("entities.tsv", "kind\ttext\ttype\tcanonical\nquoted_program\t(unclosed\n");
        Files.writeString(dir.resolve("places.tsv"), "name\tcanonical\n");
        var e = assertThrows(PatternFile.PatternException.class, () -> new EntityStage(dir));
        assertEquals(true, e.getMessage().startsWith("patterns/entities.tsv:2: bad pattern '(unclosed'"), e.getMessage());
    }

    @Test
    void missingFileIsReportedByName() {
        var e = assertThrows(PatternFile.PatternException.class,
                () -> PatternFile.read(Path.of("/nonexistent"), "places.tsv", "name"));
        assertEquals(true, e.getMessage().startsWith("patterns/places.tsv:0: cannot read"), e.getMessage());
    }
}
