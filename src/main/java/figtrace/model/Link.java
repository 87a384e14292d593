package figtrace.model;

/**
 * A link between two records of one document, by id: a measure names a figure or an entity (kind
 * {@code measure_figure}, {@code measure_entity}), or an entity stands in a figure's sentence ({@code figure_entity}).
 */
public record Link(String kind, String fromId, String toId) {}
