package figtrace.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects what is wrong with the pattern files, each as {@code patterns/FILE:LINE: what is wrong}, so that a loader
 * reads every file to the end and the user sees every problem at once; {@link #throwIfAny} ends loading.
 */
public final class Problems {
    private final List<String> messages = new ArrayList<>();

    public void add(String file, int line, String message) {
        messages.add("patterns/" + file + ":" + line + ": " + message);
    }

    void addRule(String file, int line, String ruleId, String message) {
        add(file, line, "rule '" + ruleId + "': " + message);
    }

    /** Adds the problems another loader found (each already in the {@code patterns/FILE:LINE: …} form). */
    public void addAll(List<String> formatted) {
        messages.addAll(formatted);
    }

    public List<String> list() { return List.copyOf(messages); }

    public boolean isEmpty() { return messages.isEmpty(); }

    /** @throws RulesException with every problem collected, when there is any */
    public void throwIfAny() {
        if (!messages.isEmpty()) throw new RulesException(messages);
    }
}
