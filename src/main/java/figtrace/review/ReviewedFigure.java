package figtrace.review;

import figtrace.model.Figure;

/** A figure as extracted, with its review (status, corrections, notes). */
public record ReviewedFigure(Figure figure, FigureReview review) {
    public FigureKey key() { return new FigureKey(figure.doc(), figure.id()); }
}
