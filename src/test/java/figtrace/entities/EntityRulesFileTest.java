package figtrace.entities;

import figtrace.rules.RulesException;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad lines of patterns/entities.tsv are reported as patterns/FILE:LINE: …, all of them. */
class EntityRulesFileTest {

    private static Path dirWith(String name, String content) throws Exception {
        Path dir = Files.createTempDirectory("patterns");
        Files.writeString(dir.resolve(name), content);
        Files.copy(Path.of("patterns", "regions.tsv"), dir.resolve("regions.tsv"));
        return dir;
    }

    @Test
    void unknownEntityTypeIsReportedWithFileAndLine() throws Exception {
        Path dir = dirWith("entities.tsv", "kind\ttext\ttype\tcanonical\nsuffix\t中心\tORGANISATION\n");
        var e = assertThrows(RulesException.class, () -> new EntityStage(dir));
        assertEquals(java.util.List.of("patterns/entities.tsv:2: type 'ORGANISATION' is not one of DOC, INDUSTRY, ORG,"
                + " PERSON, PLACE, PROGRAM"), e.problems());
    }

    @Test
    void everyBadLineIsReportedAtOnce() throws Exception {
        Path dir = dirWith("entities.tsv", "kind\ttext\ttype\tcanonical\nquoted_program\t(unclosed\n"
                + "name\t某某\tNOPE\nfoo\tbar\n");
        var e = assertThrows(RulesException.class, () -> new EntityStage(dir));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("patterns/entities.tsv:2: bad pattern '(unclosed'"), e.getMessage());
        assertTrue(e.problems().get(1).startsWith("patterns/entities.tsv:3: type 'NOPE'"), e.getMessage());
        assertTrue(e.problems().get(2).startsWith("patterns/entities.tsv:4: unknown kind 'foo'"), e.getMessage());
    }
}
