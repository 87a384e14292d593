package figtrace.review;

/**
 * One review decision as stored in the {@code decisions} table. Besides the figure id it keeps a snapshot of where the
 * figure was (document, its sha256, quote offsets, span, quote, raw) so the decision can be re-attached to the same
 * figure after re-extraction gives it a new id.
 *
 * @param id         row id; increases with time, so the highest id is the latest decision
 * @param figureId   id of the figure the decision belongs to now (updated by {@link ReviewStore#reattach()})
 * @param doc        document file name
 * @param docSha256  content hash of the document when the decision was made; finds a renamed document again
 * @param charStart  start of the quote in the document text when the decision was made
 * @param spanStart  start of the figure in the document text when the decision was made
 * @param spanEnd    end (exclusive) of the figure
 * @param quote      the figure's quote when the decision was made
 * @param raw        the figure as written
 * @param action     accept, reject, correct or note
 * @param field      for {@link Action#CORRECT}: the corrected field (snake_case output column), else null
 * @param newValue   for {@link Action#CORRECT}: the right value as text, else null
 * @param note       reviewer's remark, may be null
 * @param createdAt  ISO-8601 instant
 * @param orphaned   true when the figure could not be found again after re-extraction; kept, never deleted
 * @param batch      the bulk action it was part of (every decision of one bulk accept shares it), or null
 * @param undone     true once undone: kept in the store, but no longer part of the figure's review
 */
public record Decision(long id, String figureId, String doc, String docSha256, int charStart, int spanStart,
                       int spanEnd, String quote, String raw, Action action, String field, String newValue, String note,
                       String createdAt, boolean orphaned, String batch, boolean undone) {}
