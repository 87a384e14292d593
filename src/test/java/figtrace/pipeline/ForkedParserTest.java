package figtrace.pipeline;

import figtrace.ingest.IngestStage;
import figtrace.layout.LayoutStage;
import figtrace.limits.Limits;
import figtrace.model.DocStatus;
import figtrace.model.ParsedDocument;
import figtrace.model.SourceFile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsing in a child JVM: the same text as in-process, and a worker that hangs or runs out of memory costs one file. */
class ForkedParserTest {

    private static ParsedDocument parse(DocumentParser parser, String name, byte[] bytes) {
        return parser.parse(IngestStage.identify(name, bytes), bytes);
    }

    @Test
    void aChildGivesExactlyTheInProcessResult() throws Exception {
        byte[] pdf = Files.readAllBytes(Path.of("src/test/resources/docs/pdf_qiandongnan_guizhou_2023_tjgb.pdf"));
        SourceFile source = IngestStage.identify("q.pdf", pdf);
        try (ForkedParser forked = new ForkedParser(Limits.defaults())) {
            ParsedDocument child = forked.parse(source, pdf);
            ParsedDocument here = new LayoutStage().parse(source, pdf, Limits.defaults());
            assertEquals(here.text(), child.text());
            assertEquals(here.status(), child.status());
            assertEquals(here.issues(), child.issues());
            assertEquals(here.metadata(), child.metadata());
            assertEquals(here.pages(), child.pages());
        }
    }

    @Test
    void aFileOverTheTimeLimitIsStoppedAndTheNextFileGetsAFreshWorker() {
        byte[] text = "2024年地区生产总值1234.5亿元。".getBytes(StandardCharsets.UTF_8);
        try (ForkedParser parser = new ForkedParser(Limits.defaults().withDocTimeout(Duration.ofMillis(1)))) {
            ParsedDocument d = parse(parser, "slow.txt", text); // no JVM answers within 1 ms
            assertEquals(DocStatus.LIMIT_EXCEEDED, d.status());
            assertEquals("doc_timeout", d.issues().get(0).code());
            assertTrue(d.issues().get(0).message().startsWith("slow.txt: "), d.issues().toString());
        }
        try (ForkedParser parser = new ForkedParser(Limits.defaults())) {
            assertEquals(DocStatus.OK, parse(parser, "a.txt", text).status());
            assertEquals(DocStatus.OK, parse(parser, "b.txt", text).status());
            assertEquals(1, parser.processesStarted(), "one worker serves many files");
        }
    }

    @Test
    void aFileThatExhaustsTheWorkersMemoryGetsAStatusAndTheWorkerIsReplaced() {
        StringBuilder html = new StringBuilder("<html><body>");
        while (html.length() < 12_000_000) html.append("<p>全年粮食产量达到123.4万吨，比上年增长2.1%。</p>");
        byte[] big = html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
        try (ForkedParser parser = new ForkedParser(Limits.defaults().withWorkerHeapMb(32))) {
            ParsedDocument d = parse(parser, "big.html", big);
            assertEquals(DocStatus.LIMIT_EXCEEDED, d.status(), d.issues().toString());
            assertEquals("out_of_memory", d.issues().get(0).code());
            assertEquals(DocStatus.OK, parse(parser, "small.txt", "增长5%".getBytes(StandardCharsets.UTF_8)).status());
            assertEquals(2, parser.processesStarted());
        }
    }
}
