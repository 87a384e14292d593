package figtrace.rules;

import com.google.re2j.Pattern;

/** A line of skip_lines.tsv: lines starting with {@code pattern} are ignored; {@code stop} ignores the rest too. */
public record SkipLine(Pattern pattern, boolean stop) {}
