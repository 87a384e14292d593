package figtrace.ids;

/**
 * Stable ids for every record kind, from content only: a key of the document's content, the record's offsets in the
 * document text and its kind. Figures are keyed by the SHA-256 of the file's bytes (what {@code SourceFile.sha256}
 * holds); entities and measures, whose stages see only the text, by {@link #textKey} of the text. Neither depends on
 * the file name. The same file content gives the same ids under any file name, so a renamed file
 * keeps its figures', entities' and measures' ids, and review decisions stay attached. Two copies of one file under two
 * names get equal ids; the store keys rows by (doc, id).
 */
public final class Ids {
    private Ids() {}

    /** The content key of a document's text, for {@link #entity} and {@link #measure}. */
    public static String textKey(String text) {
        return Sha256.hex(text);
    }

    /** A figure: {@code f} and 16 hex digits. */
    public static String figure(String docSha256, int spanStart, int spanEnd) {
        return "f" + Sha256.hex(docSha256 + ":" + spanStart + ":" + spanEnd).substring(0, 16);
    }

    /** A rebuilt table, by the offset its rows start at and its first column: {@code t} and 16 hex digits. */
    public static String table(String docSha256, int anchor, int firstColumn) {
        return "t" + Sha256.hex(docSha256 + ":table:" + anchor + ":" + firstColumn).substring(0, 16);
    }

    /** An entity mention of {@code type} (ORG, PLACE, …): {@code ent-} and 16 hex digits. */
    public static String entity(String contentKey, int start, int end, String type) {
        return "ent-" + Sha256.hex(contentKey + ":" + start + ":" + end + ":" + type).substring(0, 16);
    }

    /** A policy measure: {@code mea-} and 16 hex digits. */
    public static String measure(String contentKey, int start, int end) {
        return "mea-" + Sha256.hex(contentKey + ":" + start + ":" + end + ":measure").substring(0, 16);
    }
}
