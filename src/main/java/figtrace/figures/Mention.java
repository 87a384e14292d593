package figtrace.figures;

/** A span of the match view that names something: a region (value = standard name) or a time (value = ISO-like). */
record Mention(int start, int end, String value) {}
