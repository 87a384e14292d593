package figtrace.store;

import figtrace.model.DocIssue;
import figtrace.model.DocStatus;
import figtrace.model.DocumentResult;

import java.util.List;
import java.util.Map;

/**
 * One row of the {@code documents} table as read back: what an incremental run needs to decide whether a file must be
 * extracted again, and what documents.csv shows.
 *
 * @param size             bytes of the file when it was last read, or null (rows written before figtrace stored it)
 * @param mtimeNanos       the file's modification time when last read, or null when it was too recent to trust
 *                         (see {@code CorpusRunner}); only a shortcut to skip re-hashing, never a substitute for sha256
 * @param rulesFingerprint {@code Rules.fingerprint()} of the rules that extracted it, null for old rows
 * @param extractorVersion {@code ExtractorVersion.VALUE} of the figtrace that extracted it, null for old rows
 * @param retired          true once the file left the corpus; its rows stay, flagged, and outputs leave them out
 * @param retiredAt        when it was retired (ISO instant), or null
 */
public record DocumentRow(String doc, String sha256, Long size, Long mtimeNanos, String type, Integer pages,
                          DocStatus status, List<DocIssue> issues, int figureCount, Map<String, String> metadata,
                          String rulesFingerprint, String extractorVersion, boolean retired, String retiredAt) {
    public DocumentRow {
        issues = List.copyOf(issues);
        metadata = figtrace.model.OrderedMaps.copyOf(metadata);
    }

    /** The row a freshly extracted result would get (no file times, no provenance of rules). */
    public static DocumentRow of(DocumentResult r) {
        return new DocumentRow(r.source().name(), r.source().sha256(), r.source().size(), null, r.source().type().code(),
                r.parsed().pages(), r.parsed().status(), r.parsed().issues(), r.figures().size(), r.parsed().metadata(),
                null, null, false, null);
    }

    /** Whether this row was made by exactly these rules and this extractor. */
    public boolean madeBy(String fingerprint, String version) {
        return fingerprint.equals(rulesFingerprint) && version.equals(extractorVersion);
    }
}
