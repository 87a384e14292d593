package figtrace.hostile;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a corpus of hostile files into a folder — generated, never committed — and says what each may become:
 * the statuses allowed for it ({@code skipped} for paths a run passes over with a reason). Sizes are chosen so a
 * CI machine can afford them; the limits the run is given are scaled with them (see {@link #LIMITS_ARGS}).
 */
public final class HostileCorpus {
    private HostileCorpus() {}

    /** The limits the hostile run is given, scaled to the sizes below (the defaults are ~10 times higher). */
    public static final String[] LIMITS_ARGS = {"--max-file-mb", "20", "--max-unzipped-mb", "100",
            "--doc-timeout", "60", "--worker-heap-mb", "256"};

    static final String OK = "ok", OK_ISSUES = "ok_with_issues", EMPTY = "empty_text", FAILED = "parse_failed",
            UNSUPPORTED = "unsupported", LIMIT = "limit_exceeded", SKIPPED = "skipped";

    /** A short real-looking report body. */
    static final String REPORT = "2024年全市地区生产总值达到1234.5亿元，同比增长6.1%。\n"
            + "全年一般公共预算收入88.8亿元，增长3.2%。\n";

    /** Writes the corpus; returns file name (relative, '/' separated) → allowed statuses. */
    public static Map<String, Set<String>> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Set<String>> expect = new LinkedHashMap<>();
        Random random = new Random(15);

        put(dir, expect, "empty.pdf", new byte[0], Set.of(EMPTY));
        byte[] pdf = textPdf("GDP 2479.6 billion yuan in 2024, up 5.2 percent.");
        put(dir, expect, "truncated.pdf", Arrays.copyOf(pdf, pdf.length / 2), Set.of(FAILED));
        put(dir, expect, "truncated_to_header.pdf", Arrays.copyOf(pdf, 20), Set.of(FAILED));
        put(dir, expect, "encrypted.pdf", encryptedPdf(), Set.of(FAILED));
        put(dir, expect, "pdf_named.docx", pdf, Set.of(OK_ISSUES));
        put(dir, expect, "docx_named.pdf", docx(REPORT), Set.of(OK_ISSUES));
        put(dir, expect, "ok.docx", docx(REPORT), Set.of(OK));
        put(dir, expect, "zip_bomb.docx", zipBomb(300), Set.of(LIMIT));
        put(dir, expect, "entity_expansion.docx", entityExpansionDocx(), Set.of(FAILED, EMPTY, LIMIT));
        byte[] junk = new byte[1 << 20];
        random.nextBytes(junk);
        put(dir, expect, "binary_junk.doc", junk, Set.of(UNSUPPORTED));
        put(dir, expect, "binary_junk.pdf", junk, Set.of(UNSUPPORTED));
        // "%PDF-" and then junk: a PDF parser has to give up on it
        byte[] fakePdf = Arrays.copyOf("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 200_000);
        for (int i = 9; i < fakePdf.length; i++) fakePdf[i] = (byte) random.nextInt();
        put(dir, expect, "pdf_header_then_junk.pdf", fakePdf, Set.of(FAILED));
        put(dir, expect, "deep_nesting_bomb.pdf", deepNestingPdf(200_000), Set.of(FAILED, EMPTY, LIMIT));
        put(dir, expect, "huge_page_count.pdf", hugePageCountPdf(50_000_000), Set.of(LIMIT));

        // the 300 MB text file of the issue, written in 1 MB blocks (seconds, and only disk): over the file-size limit,
        // it must be refused from its size without being read
        Path big = dir.resolve("very_large.txt");
        try (OutputStream out = Files.newOutputStream(big)) {
            byte[] line = ("第一产业增加值123.4亿元，增长4.5%。" + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] block = new byte[(1 << 20) / line.length * line.length];
            for (int i = 0; i < block.length; i += line.length) System.arraycopy(line, 0, block, i, line.length);
            for (long written = 0; written < 300L * 1024 * 1024; written += block.length) out.write(block);
        }
        expect.put("very_large.txt", Set.of(LIMIT));

        put(dir, expect, "nested_100k_div.html",
                ("<html><body>" + "<div>".repeat(100_000) + "增长5%" + "</div>".repeat(100_000) + "</body></html>")
                        .getBytes(StandardCharsets.UTF_8), Set.of(LIMIT));
        // a minified page: 10 MB of markup and text on one physical line, many paragraphs
        StringBuilder oneLine = new StringBuilder("<html><body>");
        while (oneLine.length() < 10_000_000 / 2) {
            oneLine.append("<div class=\"article-item news-list-row\" style=\"margin:0;padding:0 4px;font-size:14px\">"
                    + "<p>本地区继续推进高质量发展，各项事业稳步推进，全年粮食产量达到123.4万吨。</p></div>");
        }
        oneLine.append("</body></html>");
        put(dir, expect, "ten_mb_one_line.html", oneLine.toString().getBytes(StandardCharsets.UTF_8), Set.of(OK));
        // one paragraph of a million characters: over the line limit, refused at once
        put(dir, expect, "one_paragraph_of_a_million_chars.html", ("<html><body><p>"
                + "全年粮食产量达到123.4万吨，比上年增长2.1%；".repeat(40_000) + "</p></body></html>")
                .getBytes(StandardCharsets.UTF_8), Set.of(LIMIT));

        byte[] badUtf8 = (REPORT + "\u00ff").getBytes(StandardCharsets.UTF_8);
        byte[] invalid = Arrays.copyOf(badUtf8, badUtf8.length + 4);
        invalid[badUtf8.length] = (byte) 0xC3; // a lead byte without its continuation, then 0xFF which UTF-8 never has
        invalid[badUtf8.length + 1] = (byte) 0x28;
        invalid[badUtf8.length + 2] = (byte) 0xFF;
        invalid[badUtf8.length + 3] = (byte) 0xFE;
        put(dir, expect, "invalid_utf8.txt", invalid, Set.of(OK, OK_ISSUES, UNSUPPORTED));
        put(dir, expect, "undeclared_gbk.txt", REPORT.getBytes(Charset.forName("GBK")), Set.of(OK));
        put(dir, expect, "undeclared_gbk.html", ("<html><body><p>" + REPORT + "</p></body></html>")
                .getBytes(Charset.forName("GBK")), Set.of(OK));
        ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
        utf16.write(0xFF);
        utf16.write(0xFE);
        utf16.write(REPORT.getBytes(StandardCharsets.UTF_16LE));
        put(dir, expect, "utf16_bom.txt", utf16.toByteArray(), Set.of(OK));

        StringBuilder numbers = new StringBuilder();
        for (int i = 0; i < 200_000; i++) numbers.append(random.nextInt(1_000_000)).append('.').append(i % 100).append('\n');
        put(dir, expect, "every_line_a_number.txt", numbers.toString().getBytes(StandardCharsets.UTF_8), Set.of(OK));

        // odd names, ordinary content
        for (String name : new String[]{"it's \"quoted\".txt", "with spaces  and  tabs\t.txt", "$(id) `id` ;rm -rf.txt",
                "control\u0001\u0007\u001b[31m.txt", "new\nline.txt", "中文 名称（2024）.txt"}) {
            put(dir, expect, name, REPORT.getBytes(StandardCharsets.UTF_8), Set.of(OK));
        }

        // paths that are not files
        Files.createDirectories(dir.resolve("folder_named.pdf"));
        expect.put("folder_named.pdf", Set.of(SKIPPED));
        Path outside = Files.createTempFile("figtrace-outside", ".txt");
        Files.writeString(outside, "secret outside the corpus 42%");
        outside.toFile().deleteOnExit();
        Files.createSymbolicLink(dir.resolve("link_out_of_corpus.txt"), outside);
        expect.put("link_out_of_corpus.txt", Set.of(SKIPPED));
        if (mkfifo(dir.resolve("a_fifo.txt"))) expect.put("a_fifo.txt", Set.of(SKIPPED));
        return expect;
    }

    private static void put(Path dir, Map<String, Set<String>> expect, String name, byte[] bytes, Set<String> allowed)
            throws IOException {
        Files.write(dir.resolve(name), bytes);
        expect.put(name, allowed);
    }

    static boolean mkfifo(Path p) {
        try {
            Process proc = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
            proc.getInputStream().readAllBytes();
            return proc.waitFor() == 0;
        } catch (IOException e) {
            return false; // no mkfifo on this system: the case is left out
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static byte[] textPdf(String text) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText(text);
                cs.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] encryptedPdf() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A minimal valid .docx with one paragraph per line of {@code text}. */
    static byte[] docx(String text) throws IOException {
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n")) body.append("<w:p><w:r><w:t>").append(line).append("</w:t></w:r></w:p>");
        return docxWith("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + body + "</w:body></w:document>");
    }

    static byte[] entityExpansionDocx() throws IOException {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE w:document [<!ENTITY a0 \"增长5%增长5%增长5%增长5%\">");
        for (int i = 1; i <= 12; i++) {
            dtd.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        return docxWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + dtd
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + "<w:p><w:r><w:t>&a12;</w:t></w:r></w:p></w:body></w:document>");
    }

    private static byte[] docxWith(String documentXml) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                    + "</Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                    + "</Relationships>");
            entry(zip, "word/document.xml", documentXml);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** A .docx-shaped zip whose document.xml inflates to {@code mb} MB of zeros (ratio ~1000). */
    static byte[] zipBomb(int mb) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            entry(zip, "[Content_Types].xml", "<Types/>");
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < mb; i++) zip.write(zeros);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** A one-page PDF whose page dictionary holds an array nested {@code depth} deep. */
    static byte[] deepNestingPdf(int depth) {
        String nested = "[".repeat(depth) + "]".repeat(depth);
        return pdfOf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Junk " + nested + " >>", 1);
    }

    /** A PDF whose page tree claims {@code count} pages. */
    static byte[] hugePageCountPdf(int count) {
        return pdfOf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>", count);
    }

    private static byte[] pdfOf(String page, int count) {
        String[] objects = {"<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count " + count + " >>", page};
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int o : offsets) pdf.append(String.format("%010d 00000 n \n", o));
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

}
