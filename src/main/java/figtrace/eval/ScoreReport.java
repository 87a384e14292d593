package figtrace.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scores of one evaluation: one {@link KindScore} per kind that has gold (in the order figures, entities,
 * measures), plus the input lines that could not be read (score.py reports those on stderr and skips them).
 */
public record ScoreReport(Map<String, KindScore> kinds, List<String> problems) {

    public ScoreReport {
        kinds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
        problems = List.copyOf(problems);
    }

    /** The same object score.py --json prints. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        kinds.forEach((kind, score) -> json.put(kind, score.toJson()));
        return json;
    }
}
