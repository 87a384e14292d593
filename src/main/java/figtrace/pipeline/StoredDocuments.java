package figtrace.pipeline;

import figtrace.store.DocumentRow;
import figtrace.store.Store;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What the store held when a run began, and the rows renamed files took over during it ({@link CorpusRunner}). */
final class StoredDocuments {
    private final String rulesFingerprint;
    final Map<String, DocumentRow> rows;
    final Set<String> incomplete;
    /** Rows whose file is gone, by content: a new file with the same content may take them over. */
    final Map<String, Deque<DocumentRow>> movable;
    final Set<String> movedAway = new HashSet<>();

    StoredDocuments(Store store, Set<String> names, String rulesFingerprint) {
        this.rulesFingerprint = rulesFingerprint;
        rows = store.documentRows();
        incomplete = store.incompleteDocuments();
        movable = movable(rows, names, incomplete);
    }

    /** Whether the document's rows were made by these rules and this extractor, and add up. */
    boolean current(DocumentRow row) {
        return row != null && row.madeBy(rulesFingerprint, ExtractorVersion.VALUE) && !incomplete.contains(row.doc());
    }

    /**
     * Stored documents whose file is gone, by content: a new file with the same content and extension takes their
     * rows. Documents with issues are left out, since their messages name the old file; those are extracted afresh.
     */
    private Map<String, Deque<DocumentRow>> movable(Map<String, DocumentRow> stored, Set<String> names,
                                                    Set<String> incomplete) {
        Map<String, Deque<DocumentRow>> bySha = new HashMap<>();
        for (DocumentRow row : stored.values()) {
            if (!names.contains(row.doc()) && row.madeBy(rulesFingerprint, ExtractorVersion.VALUE)
                    && row.issues().isEmpty() && !incomplete.contains(row.doc())) {
                bySha.computeIfAbsent(row.sha256(), k -> new ArrayDeque<>()).add(row);
            }
        }
        return bySha;
    }

    /** The row a renamed file takes over (same content and extension), removed from the candidates; or null. */
    DocumentRow takeMovable(String sha, String name) {
        Deque<DocumentRow> candidates = movable.get(sha);
        if (candidates == null) return null;
        for (DocumentRow row : candidates) {
            if (extension(row.doc()).equals(extension(name))) {
                candidates.remove(row);
                return row;
            }
        }
        return null;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
