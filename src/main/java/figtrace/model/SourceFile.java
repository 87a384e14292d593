package figtrace.model;

/**
 * A file as it was read: its name in the corpus, content hash and the type sniffed from its bytes.
 *
 * @param name   the file name relative to the corpus folder, with '/' separators
 * @param sha256 lower-case hex SHA-256 of the bytes; identifies the content whatever the file is called
 * @param size   bytes
 * @param type   the type sniffed from the content (see {@code IngestStage})
 */
public record SourceFile(String name, String sha256, long size, DocType type) {}
