package figtrace.review;

import java.util.List;

/**
 * What {@link ReviewStore#reattach()} did.
 *
 * @param unchanged decisions whose figure still has the same id
 * @param moved     decisions re-attached to a figure with a new id (or a renamed document)
 * @param orphaned  decisions whose figure no longer exists; kept in the table with the orphaned flag
 */
public record ReattachReport(int unchanged, int moved, List<Decision> orphaned) {
    public ReattachReport {
        orphaned = List.copyOf(orphaned);
    }
}
