package figtrace.rules;

/**
 * A cue word from a lookup table: qualifiers.tsv (position, qualifier), changes.tsv (applies_to, change) or
 * targets.tsv. {@code where} is the position or the applies_to column; {@code meaning} the value it gives.
 */
public record Cue(String word, String where, String meaning) {}
