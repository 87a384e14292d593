package figtrace.review;

/**
 * A correction of what one column or row of a rebuilt table means (its region, time or unit), made once for every
 * cell under it. Kept by the table's content-stable identity (document, table id, caption and the header text as
 * printed), never by a row or column number that a re-run could change. It is also recorded as one correction per
 * cell's figure (batch {@code t<id>}), so status filters, exports and the panel see it like any other correction, and
 * {@link ReviewStore#reapplyTableDecisions} gives it to the figures under that header again after every run.
 *
 * @param id        row id
 * @param doc       document file name
 * @param tableId   the table's id when the decision was made
 * @param caption   the table's caption (finds the table again when its id changed), or null
 * @param axis      {@code column} or {@code row}
 * @param header    the column's header (its header rows joined) or the row's label, as printed
 * @param field     region, time or unit
 * @param newValue  the right value (a region's standard name, a period such as 2024, a written unit such as 万元)
 * @param createdAt ISO-8601 instant
 * @param undone    true once undone: kept, no longer applied
 */
public record TableDecision(long id, String doc, String tableId, String caption, String axis, String header,
                            String field, String newValue, String createdAt, boolean undone) {

    public static final java.util.Set<String> FIELDS = java.util.Set.of("region", "time", "unit");

    /** The batch its per-figure corrections share. */
    public String batch() { return "t" + id; }
}
