package figtrace.review;

/**
 * What the review table shows: each non-null field narrows the rows. {@code subject} and {@code text} match
 * anywhere inside (text: in quote, raw or subject); the others match exactly. {@code table} keeps the figures of one
 * rebuilt table (its id), {@code column} and {@code row} those under one of its columns or rows (0-based), so a table,
 * a column or a row can be reviewed as one filter result.
 */
public record FigureFilter(String doc, String region, String subject, String time, String kind, String indicator,
                           ReviewStatus status, String text, String table, Integer column, Integer row) {

    public static final FigureFilter ALL = new FigureFilter(null, null, null, null, null, null, null, null);

    public FigureFilter(String doc, String region, String subject, String time, String kind, String indicator,
                        ReviewStatus status, String text) {
        this(doc, region, subject, time, kind, indicator, status, text, null, null, null);
    }
}
