package figtrace.eval;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * score.py's comparison rules, one method per Python function, with the same names so the two can be read side by
 * side. Records are JSON objects as maps; a missing key reads as null, like Python's {@code dict.get}.
 */
final class Rules {

    /** Which rule decides that a prediction is "the same item" as a gold record. */
    interface Same { boolean test(Map<String, Object> gold, Map<String, Object> pred); }

    private static final Pattern EXTENSION = Pattern.compile("\\.(txt|pdf|docx?|html?)$", Pattern.UNIX_LINES);

    /** The document name without folders and without the extension. */
    static String docname(Object d) {
        String name = Py.truthy(d) ? Py.str(d) : "";
        name = name.substring(name.lastIndexOf('/') + 1);
        return EXTENSION.matcher(name).replaceFirst("");
    }

    static boolean close(Object a, Object b) {
        Double x = Py.num(a), y = Py.num(b);
        if (x == null || y == null) return false;
        return Math.abs(x - y) <= 1e-6 * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
    }

    static boolean overlap(Object a, Object b) {
        String x = Py.norm(a), y = Py.norm(b);
        if (x.isEmpty() || y.isEmpty()) return false;
        return x.contains(y) || y.contains(x);
    }

    /** For gold without a line: the figure and up to 4 characters before it must stand in the prediction's quote. */
    static boolean ctxOk(Map<String, Object> g, Map<String, Object> p) {
        String q = Py.norm(p.get("quote"));
        String c = Py.norm(g.get("context")), r = Py.norm(g.get("raw"));
        int i = r.isEmpty() ? -1 : c.indexOf(r);
        if (q.isEmpty() || i < 0) return true;
        int from = i;
        for (int back = 0; back < 4 && from > 0; back++) from = c.offsetByCodePoints(from, -1);
        return q.contains(c.substring(from, i + r.length()));
    }

    static boolean figSame(Map<String, Object> g, Map<String, Object> p) {
        String gd = Py.digits(g.get("raw"));
        boolean sameNumber = !gd.isEmpty() && gd.equals(Py.digits(p.get("raw")));
        if (g.get("line") == null) {
            return (close(g.get("value"), p.get("value")) || sameNumber) && ctxOk(g, p);
        }
        return overlap(g.get("raw"), p.get("raw")) && (sameNumber || close(g.get("value"), p.get("value")));
    }

    static boolean entSame(Map<String, Object> g, Map<String, Object> p) {
        String gt = Py.norm(g.get("text"));
        return gt.equals(Py.norm(p.get("text"))) || (Py.len(gt) >= 4 && overlap(g.get("text"), p.get("text")));
    }

    static boolean meaSame(Map<String, Object> g, Map<String, Object> p) {
        String a = Py.norm(g.get("text")), b = Py.norm(p.get("text"));
        if (a.isEmpty() || b.isEmpty()) return false;
        Set<Integer> chars = new HashSet<>();
        a.codePoints().forEach(chars::add);
        Set<Integer> inB = new HashSet<>();
        b.codePoints().forEach(inB::add);
        long common = chars.stream().filter(inB::contains).count();
        return overlap(a, b) || common >= 0.6 * chars.size();
    }

    /** True when the normalised strings are equal (norm(None) is "", so two missing values agree). */
    static boolean normEq(Object a, Object b) {
        return Py.norm(a).equals(Py.norm(b));
    }

    private Rules() {}
}
