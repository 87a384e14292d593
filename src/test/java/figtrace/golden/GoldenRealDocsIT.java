package figtrace.golden;

import figtrace.testing.SharedFolder;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden outputs for the real documents in ../shared/realdocs (every format, sub-folders included; the scanned and
 * garbled PDFs give their document row and issues only). Slow: the budget PDFs have 119 and 181 pages.
 */
class GoldenRealDocsIT {

    @Test
    void realDocumentsGiveTheGoldenRecords() {
        Path folder = SharedFolder.require("realdocs");
        List<String> names = Golden.documents(folder, ".txt", ".html", ".htm", ".pdf", ".docx", ".doc");
        assertTrue(names.size() >= 10, "the real documents: " + names);
        Golden.check("realdocs", folder, names);
    }
}
