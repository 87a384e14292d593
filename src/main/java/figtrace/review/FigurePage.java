package figtrace.review;

import java.util.List;

/** One page of the review table: its rows and how many rows match in all. */
public record FigurePage(List<ReviewedFigure> rows, long total, int page, int size) {
    public FigurePage {
        rows = List.copyOf(rows);
    }
}
