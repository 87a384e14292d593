package figtrace.review;

/** Names one stored figure: figure ids are unique within a document (two copies of a file may share ids). */
public record FigureKey(String doc, String id) {}
