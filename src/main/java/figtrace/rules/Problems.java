package figtrace.rules;

import java.util.ArrayList;
import java.util.List;

/** Collects what is wrong with the pattern files, each as {@code patterns/FILE:LINE: what is wrong}. */
final class Problems {
    private final List<String> messages = new ArrayList<>();

    void add(String file, int line, String message) {
        messages.add("patterns/" + file + ":" + line + ": " + message);
    }

    void addRule(String file, int line, String ruleId, String message) {
        add(file, line, "rule '" + ruleId + "': " + message);
    }

    List<String> list() { return List.copyOf(messages); }

    boolean isEmpty() { return messages.isEmpty(); }
}
