package figtrace.layout;

import java.util.Arrays;

/**
 * The x extent of every character of a PDF line as it is built, so that table cells can later be placed in columns
 * by position ({@link TableGrid}). Separators (spaces, '\t') have NaN.
 */
final class GlyphXs {
    private float[] xs = new float[64], xe = new float[64];
    private int n;

    record Stripped(String text, float[] xs, float[] xe) {}

    void add(int chars, float left, float right) {
        for (int i = 0; i < chars; i++) put(left, right);
    }

    void gap() { put(Float.NaN, Float.NaN); }

    void clear() { n = 0; }

    private void put(float left, float right) {
        if (n == xs.length) {
            xs = Arrays.copyOf(xs, n * 2);
            xe = Arrays.copyOf(xe, n * 2);
        }
        xs[n] = left;
        xe[n] = right;
        n++;
    }

    /**
     * The line's text stripped at both ends with runs of spaces collapsed to one, and the x of each kept character.
     * When the builder and the recorded glyphs disagree in length (they should not), positions are left out.
     */
    Stripped strip(CharSequence sb) {
        boolean aligned = sb.length() == n;
        StringBuilder out = new StringBuilder(sb.length());
        float[] ox = new float[sb.length()], oe = new float[sb.length()];
        int a = 0, b = sb.length();
        while (a < b && Character.isWhitespace(sb.charAt(a))) a++;
        while (b > a && Character.isWhitespace(sb.charAt(b - 1))) b--;
        for (int i = a; i < b; i++) {
            char c = sb.charAt(i);
            if (c == ' ' && out.length() > 0 && out.charAt(out.length() - 1) == ' ') continue;
            if (aligned) {
                ox[out.length()] = xs[i];
                oe[out.length()] = xe[i];
            }
            out.append(c);
        }
        if (!aligned) return new Stripped(out.toString(), null, null);
        return new Stripped(out.toString(), Arrays.copyOf(ox, out.length()), Arrays.copyOf(oe, out.length()));
    }
}
