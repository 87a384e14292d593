package figtrace.bench;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParser;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.sax.BodyContentHandler;
import org.jsoup.Jsoup;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The benchmark's baseline: every file of a folder parsed to plain text with the libraries alone (PDFBox's
 * PDFTextStripper, Tika's Office parsers, jsoup, a charset decode), nothing else. Prints one line:
 * {@code docs pages chars cpu_ms wall_ms}. Used by bench/run.sh; not part of figtrace's runs.
 */
public final class ParseOnly {
    private ParseOnly() {}

    public static void main(String[] args) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        long docs = 0, pages = 0, chars = 0;
        for (Path f : files) {
            String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
            byte[] b = Files.readAllBytes(f);
            try {
                if (name.endsWith(".pdf")) {
                    try (PDDocument d = Loader.loadPDF(b)) {
                        pages += d.getNumberOfPages();
                        chars += new PDFTextStripper().getText(d).length();
                    }
                } else if (name.endsWith(".docx") || name.endsWith(".doc")) {
                    Parser p = name.endsWith(".docx") ? new OOXMLParser() : new OfficeParser();
                    BodyContentHandler h = new BodyContentHandler(-1);
                    p.parse(new ByteArrayInputStream(b), h, new Metadata(), new ParseContext());
                    chars += h.toString().length();
                } else if (name.endsWith(".html") || name.endsWith(".htm")) {
                    chars += Jsoup.parse(new String(b, charset(b))).text().length();
                } else if (name.endsWith(".txt")) {
                    chars += new String(b, charset(b)).length();
                } else {
                    continue;
                }
                docs++;
            } catch (Exception | StackOverflowError e) {
                docs++; // a file the library cannot read still costs its time
            }
        }
        long cpuMs = (os.getProcessCpuTime() - cpu0) / 1_000_000, wallMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.println(docs + " " + pages + " " + chars + " " + cpuMs + " " + wallMs);
    }

    private static Charset charset(byte[] b) {
        return figtrace.ingest.IngestStage.decodeStrict(b, StandardCharsets.UTF_8) != null ? StandardCharsets.UTF_8
                : Charset.forName("GB18030");
    }
}
