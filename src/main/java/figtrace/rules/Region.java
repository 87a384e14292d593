package figtrace.rules;

/** A place from regions.tsv: the standard form written to the output and its level (province, prefecture, …). */
public record Region(String standard, String level, String province) {}
