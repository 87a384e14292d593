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

    /** Ethnic names that stand in the official names of autonomous regions, prefectures and counties (score.py's ETHNIC). */
    private static final String ETHNIC = "维吾尔|回族|壮族|藏族|苗族|侗族|布依族|土家族|彝族|哈尼族|傣族|白族|景颇族|傈僳族|蒙古族|蒙古|哈萨克|柯尔克孜|"
            + "朝鲜族|羌族|黎族|瑶族|纳西族|仫佬族|毛南族|仡佬族|水族|畲族|达斡尔族|鄂温克族|满族|锡伯|塔吉克|土族|撒拉族|"
            + "保安族|东乡族|裕固族|普米族|怒族|独龙族|拉祜族|佤族|布朗族|阿昌族|德昂族|基诺族|京族|鄂伦春族|赫哲族|各族";
    private static final Pattern AUTONOMOUS_PREFECTURE = Pattern.compile("((" + ETHNIC + ")+)?自治州$");
    private static final Pattern AUTONOMOUS_REGION = Pattern.compile("((" + ETHNIC + ")+)?自治区$");
    private static final Pattern PROVINCE_SUFFIX = Pattern.compile("(省|特别行政区)$");

    /** A place's official and short names compare equal: 昌吉回族自治州 = 昌吉州, 新疆维吾尔自治区 = 新疆, 甘肃省 = 甘肃. */
    static String regionKey(Object s) {
        String k = Py.norm(s);
        // Python's re.sub replaces every match; each of these patterns is anchored at the end, so it matches at most once
        k = AUTONOMOUS_PREFECTURE.matcher(k).replaceFirst("州");
        k = AUTONOMOUS_REGION.matcher(k).replaceFirst("");
        k = PROVINCE_SUFFIX.matcher(k).replaceFirst("");
        return k;
    }

    /** Two regions are the same place under {@link #regionKey}. */
    static boolean sameRegion(Object a, Object b) {
        return regionKey(a).equals(regionKey(b));
    }

    /** True when the normalised strings are equal (norm(None) is "", so two missing values agree). */
    static boolean normEq(Object a, Object b) {
        return Py.norm(a).equals(Py.norm(b));
    }

    private Rules() {}
}
