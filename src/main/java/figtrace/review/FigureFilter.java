package figtrace.review;

/**
 * What the review table shows: each non-null field narrows the rows. {@code subject} and {@code text} match
 * anywhere inside (text: in quote, raw or subject); the others match exactly.
 */
public record FigureFilter(String doc, String region, String subject, String time, String kind, String indicator,
                           ReviewStatus status, String text) {

    public static final FigureFilter ALL = new FigureFilter(null, null, null, null, null, null, null, null);
}
