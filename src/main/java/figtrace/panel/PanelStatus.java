package figtrace.panel;

/** How the sources of one panel row relate. */
public enum PanelStatus {
    /** One source only. */
    SINGLE,
    /** Several sources, all with the same value. */
    AGREE,
    /** Several sources whose values differ by no more than their printed rounding (115.52亿 and 115.5亿). */
    ROUNDING_AGREE,
    /** Sources that disagree beyond rounding; the chosen value follows the choice rule, and a check says why. */
    CONFLICT,
    /** A reviewer accepted or corrected the chosen source. */
    REVIEWED,
    /**
     * One document gives several values of equal standing for the key and no other document disagrees: the first it
     * states is kept (a report states a total before its parts). An extraction that could not tell them apart, not a
     * disagreement between sources; each other value is a same_document check with this status.
     */
    AMBIGUOUS,
    /**
     * Checks only: a weaker mention in a document that the document's own statement of the same key overrides (a
     * table row of another scope, a part); left out of the row, listed with both sources, not a conflict.
     */
    SUPERSEDED,
    /** Checks only: a source in another unit than its indicator's, left out of the row (a growth rate without change). */
    LEFT_OUT;

    public String code() { return name().toLowerCase(java.util.Locale.ROOT); }
}
