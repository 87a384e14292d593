package figtrace.rules;

import com.google.re2j.Pattern;

import java.util.List;
import java.util.Map;

/**
 * One rule of figures.rules, compiled. Fixed fields (unit, kind, …) are null when the units table decides.
 *
 * @param id           stable rule id without the {@code figures:} prefix
 * @param pattern      compiled re2j pattern (linear time, so a hostile pattern cannot hang a run)
 * @param notBefore    character class the character before the figure must not be in, or null
 * @param notAfter     character class the character after the figure must not be in, or null
 * @param notNumber    pattern a bare number (no multiplier) must not match in full, or null
 * @param powerOf      when set, the value is powerOf^number (翻一番 = 2¹)
 */
public record FigureRule(String id, int priority, String patternSource, Pattern pattern, String unit, String kind,
                         String measureWord, String qualifier, Pattern notBefore, Pattern notAfter, Pattern notNumber,
                         Integer powerOf, List<Example> examples, String file, int line) {

    public String qualifiedId() { return "figures:" + id; }

    /** An inline example: the text, the fields the rule's first figure in it must have, or none expected. */
    public record Example(String text, Map<String, String> expected, boolean expectNone, int line) {}
}
