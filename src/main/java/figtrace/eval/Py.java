package figtrace.eval;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.text.Normalizer;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The small pieces of Python semantics that score.py relies on (truthiness, str(), float(), ==, \s, NFKC), so the
 * port scores odd predictions (numbers as strings, 16.0 as a line, missing fields) exactly as the script does.
 * Values are what Jackson makes of JSON: String, Integer/Long/BigInteger, Double, Boolean, List, Map or null.
 */
final class Py {

    /** Python's {@code bool(x)}. */
    static boolean truthy(Object x) {
        if (x == null) return false;
        if (x instanceof Boolean b) return b;
        if (x instanceof String s) return !s.isEmpty();
        if (x instanceof Double d) return d != 0.0;
        if (x instanceof BigInteger i) return i.signum() != 0;
        if (x instanceof BigDecimal d) return d.signum() != 0;
        if (x instanceof Number n) return n.longValue() != 0;
        if (x instanceof Collection<?> c) return !c.isEmpty();
        if (x instanceof Map<?, ?> m) return !m.isEmpty();
        return true;
    }

    /** Python's {@code str(x)} (and f-string formatting) for JSON values. */
    static String str(Object x) {
        if (x == null) return "None";
        if (x instanceof Boolean b) return b ? "True" : "False";
        if (x instanceof Double d) return floatRepr(d);
        return x.toString();
    }

    /** score.py's {@code norm}: NFKC, then every whitespace character removed. */
    static String norm(Object s) {
        String text = Normalizer.normalize(truthy(s) ? str(s) : "", Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> !isSpace(c)).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** What Python's {@code \s} (str.isspace) matches: category Zs or bidi class WS, B or S. */
    static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
    }

    private static final String DIGIT_CHARS = "0123456789.一二三四五六七八九十百千万亿两零〇";

    /** score.py's {@code digits}: the number characters of norm(s). */
    static String digits(Object s) {
        StringBuilder out = new StringBuilder();
        norm(s).codePoints().filter(c -> DIGIT_CHARS.indexOf(c) >= 0).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static final Pattern FLOAT_TEXT =
            Pattern.compile("[+-]?(\\d(_?\\d)*(\\.(\\d(_?\\d)*)?)?|\\.\\d(_?\\d)*)([eE][+-]?\\d(_?\\d)*)?");
    private static final Pattern SPECIAL = Pattern.compile("[+-]?(inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

    /** score.py's {@code num}: Python's float(x), or null where Python raises TypeError/ValueError. */
    static Double num(Object x) {
        if (x == null) return null;
        if (x instanceof Boolean b) return b ? 1.0 : 0.0;
        if (x instanceof Number n) return n.doubleValue();
        if (!(x instanceof String s)) return null;
        StringBuilder ascii = new StringBuilder();
        strip(s).codePoints().forEach(c -> {
            // float() accepts any Unicode decimal digit (full-width １２ too)
            int digit = Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER ? Character.digit(c, 10) : -1;
            if (digit >= 0) ascii.append((char) ('0' + digit)); else ascii.appendCodePoint(c);
        });
        String t = ascii.toString();
        if (SPECIAL.matcher(t).matches()) {
            boolean negative = t.startsWith("-");
            if (t.toLowerCase().contains("nan")) return Double.NaN;
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!FLOAT_TEXT.matcher(t).matches()) return null;
        return Double.parseDouble(t.replace("_", ""));
    }

    private static String strip(String s) {
        int start = 0, end = s.length();
        while (start < end && isSpace(s.codePointAt(start))) start += Character.charCount(s.codePointAt(start));
        while (end > start && isSpace(s.codePointBefore(end))) end -= Character.charCount(s.codePointBefore(end));
        return s.substring(start, end);
    }

    /** Python's {@code a == b} for JSON scalars: numbers by value (16 == 16.0 == True), others by equals. */
    static boolean eq(Object a, Object b) {
        Object ka = key(a), kb = key(b);
        return ka == null ? kb == null : ka.equals(kb);
    }

    /** A value usable as a map key with Python's equality: equal numbers give equal keys. */
    static Object key(Object x) {
        if (x instanceof Boolean b) x = b ? 1 : 0;
        if (x instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) return d;
            return new BigDecimal(d).stripTrailingZeros();
        }
        if (x instanceof BigInteger i) return new BigDecimal(i).stripTrailingZeros();
        if (x instanceof BigDecimal d) return d.stripTrailingZeros();
        if (x instanceof Number n) return BigDecimal.valueOf(n.longValue()).stripTrailingZeros();
        return x;
    }

    /** Python's {@code round(x, 3)}: half-even on the exact binary value. */
    static double round3(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) return x;
        return new BigDecimal(x).setScale(3, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    /** Python's {@code repr(float)}: shortest round-tripping digits, exponent below 1e-4 and from 1e16. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
        BigDecimal shortest = null;
        for (int precision = 1; precision <= 17; precision++) {
            shortest = new BigDecimal(d).round(new MathContext(precision));
            if (shortest.doubleValue() == d) break;
        }
        shortest = shortest.stripTrailingZeros();
        int exponent = shortest.precision() - shortest.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String plain = shortest.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String digits = shortest.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                + String.format("%02d", Math.abs(exponent));
    }

    /** Number of characters as Python counts them (code points, not UTF-16 units). */
    static int len(String s) {
        return s.codePointCount(0, s.length());
    }

    private Py() {}
}
