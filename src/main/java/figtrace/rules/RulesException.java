package figtrace.rules;

import java.util.List;

/** The pattern files have problems; each is a line {@code patterns/FILE:LINE: rule 'ID': what is wrong}. */
public final class RulesException extends Exception {
    private final List<String> problems;

    public RulesException(List<String> problems) {
        super(problems.size() + " problem(s) in patterns/:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() { return problems; }
}
