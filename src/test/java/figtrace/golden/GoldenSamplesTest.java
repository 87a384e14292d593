package figtrace.golden;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Golden outputs for the five sample documents in corpus/ (see {@link Golden} for how to regenerate them). */
class GoldenSamplesTest {
    private static final Path CORPUS = Path.of("corpus");

    @Test
    void samplesGiveTheGoldenRecords() {
        List<String> names = Golden.documents(CORPUS, ".txt", ".html", ".htm", ".pdf", ".docx", ".doc");
        assertEquals(5, names.size(), "the five samples in corpus/: " + names);
        Golden.check("corpus", CORPUS, names);
    }

    @Test
    void aDifferenceShowsTheRecordsThatDiffer() {
        String diff = Golden.diff(List.of("doc\ta", "fig\t1\tx", "fig\t2\ty"), List.of("doc\ta", "fig\t2\ty", "fig\t3\tz"));
        assertEquals("  3 golden record(s), 3 now; 1 gone, 1 new\n  - fig\t1\tx\n  + fig\t3\tz", diff);
        assertEquals(null, Golden.diff(List.of("a"), List.of("a")));
    }
}
