package figtrace.ingest;

import figtrace.model.DocType;
import figtrace.model.SourceFile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ingest: names a file's content. Pure: the same bytes give the same {@link SourceFile}.
 * PLACEHOLDER: type sniffing from magic bytes is to be done in the layout/ingest work; for now the extension decides.
 */
public final class IngestStage {
    private IngestStage() {}

    public static SourceFile identify(String name, byte[] bytes) {
        return new SourceFile(name, sha256(bytes), bytes.length, typeFromName(name));
    }

    public static boolean supportedExtension(String name) {
        return typeFromName(name) != DocType.UNKNOWN;
    }

    static DocType typeFromName(String name) {
        String n = name.toLowerCase();
        if (n.endsWith(".txt")) return DocType.TXT;
        if (n.endsWith(".html") || n.endsWith(".htm")) return DocType.HTML;
        if (n.endsWith(".pdf")) return DocType.PDF;
        if (n.endsWith(".docx")) return DocType.DOCX;
        if (n.endsWith(".doc")) return DocType.DOC;
        return DocType.UNKNOWN;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String utf8(byte[] b) { return new String(b, StandardCharsets.UTF_8); }
}
