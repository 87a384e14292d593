package figtrace.rules;

import java.util.List;

/**
 * The pattern files have problems; each is a line {@code patterns/FILE:LINE: what is wrong}. Unchecked, so that each
 * stage's constructor can load its own tables and report their problems the same way; the commands catch it and print
 * the problems (exit code 2).
 */
public final class RulesException extends RuntimeException {
    private final List<String> problems;

    public RulesException(List<String> problems) {
        super(problems.size() + " problem(s) in patterns/:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() { return problems; }
}
