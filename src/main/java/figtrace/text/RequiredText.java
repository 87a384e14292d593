package figtrace.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Text that every match of a regular expression holds: one of a few literals (百分点 or 千分点; 争取; %…), read from the
 * expression's source, so a caller can skip running the expression over a text that holds none of them. re2j is
 * linear but slow (an NFA step per character and thread), and stages run dozens of rule expressions over every window
 * and sentence, most of which cannot match there: a figure rule for 翻…番 or 第…位, a target cue with 争取.
 *
 * <p>The reading is conservative: whatever it does not understand (flags such as {@code (?i)}, {@code \Q}, a brace that
 * is no repetition) gives no requirement, and then {@link #mayMatch} is always true. Only literal characters outside
 * classes count, a quantified one only when it must occur ({@code +}, {@code {2}}), and a run of literals ends at
 * anything else; a group counts with what all its alternatives require. So when {@link #mayMatch} is false, the
 * expression has no match in the text: skipping it changes nothing.
 */
public final class RequiredText {
    private static final RequiredText ANY = new RequiredText(null);
    /** One of these occurs in every match; null: nothing known. */
    private final List<String> anyOf;

    private RequiredText(List<String> anyOf) { this.anyOf = anyOf; }

    /** What every match of {@code p} holds (nothing known for a pattern compiled with flags). */
    public static RequiredText of(com.google.re2j.Pattern p) {
        return p.flags() != 0 ? ANY : of(p.pattern());
    }

    /** What every match of the re2j expression {@code regex} holds. */
    public static RequiredText of(String regex) {
        try {
            List<String> r = new Reader(regex).alternation(0, regex.length());
            if (r == null) return ANY;
            // a literal that holds another of the list adds nothing (万元 when 元 is there): any text with it has both
            List<String> minimal = new ArrayList<>();
            for (String lit : r) {
                if (minimal.contains(lit)) continue;
                if (r.stream().noneMatch(o -> !o.equals(lit) && lit.contains(o))) minimal.add(lit);
            }
            return new RequiredText(List.copyOf(minimal));
        } catch (Unknown e) {
            return ANY;
        }
    }

    /** False only when {@code s} holds none of the required literals, i.e. the expression cannot match in it. */
    public boolean mayMatch(String s) {
        if (anyOf == null) return true;
        for (String lit : anyOf) if (s.contains(lit)) return true;
        return false;
    }

    /** The literals one of which every match holds (empty when nothing is known). */
    public List<String> literals() { return anyOf == null ? List.of() : anyOf; }

    private static final class Unknown extends Exception {
        Unknown() { super(null, null, false, false); }
    }

    private static final class Reader {
        private final String re;

        Reader(String re) { this.re = re; }

        /** What a match of re[from, to) requires: one literal of each top-level alternative; null if some has none. */
        List<String> alternation(int from, int to) throws Unknown {
            List<String> all = new ArrayList<>();
            int start = from;
            for (int i = from; i <= to; ) {
                if (i == to || re.charAt(i) == '|') {
                    List<String> branch = concat(start, i);
                    if (branch == null) return null;
                    all.addAll(branch);
                    start = i + 1;
                    i++;
                    continue;
                }
                i = skipItem(i, to);
            }
            return all.isEmpty() ? null : all;
        }

        /** Where the item (escape, class, group or character) at {@code i} ends, for the scan for '|'. */
        private int skipItem(int i, int to) throws Unknown {
            char c = re.charAt(i);
            if (c == '\\') return escapeEnd(i, to);
            if (c == '[') return classEnd(i, to);
            if (c == '(') return groupEnd(i, to);
            return i + 1;
        }

        /**
         * What a match of the concatenation re[from, to) (no top-level '|') requires: the best of its literal runs and
         * its required groups' requirements; null when there are none.
         */
        private List<String> concat(int from, int to) throws Unknown {
            List<List<String>> options = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            int i = from;
            while (i < to) {
                char c = re.charAt(i);
                int end;
                String literal = null;
                List<String> group = null;
                if (c == '\\') {
                    end = escapeEnd(i, to);
                    char e = re.charAt(i + 1);
                    if (end == i + 2 && !Character.isLetterOrDigit(e) && e < 128) literal = String.valueOf(e);
                } else if (c == '[') {
                    end = classEnd(i, to);
                } else if (c == '(') {
                    end = groupEnd(i, to);
                    group = groupRequirement(i, end);
                } else if (c == '.' || c == '^' || c == '$') {
                    end = i + 1;
                } else if ("*+?{)|".indexOf(c) >= 0) {
                    throw new Unknown(); // a quantifier with nothing before it, or a stray bracket
                } else {
                    end = i + 1;
                    literal = String.valueOf(c);
                    if (Character.isHighSurrogate(c) && end < to && Character.isLowSurrogate(re.charAt(end))) {
                        literal = re.substring(i, end + 1);
                        end++;
                    }
                }
                // a quantifier after the item
                int q = end;
                boolean optional = false, quantified = false;
                if (q < to && (re.charAt(q) == '?' || re.charAt(q) == '*' || re.charAt(q) == '+')) {
                    optional = re.charAt(q) != '+';
                    quantified = true;
                    q++;
                } else if (q < to && re.charAt(q) == '{') {
                    int close = re.indexOf('}', q);
                    if (close < 0 || close >= to) throw new Unknown();
                    String body = re.substring(q + 1, close);
                    if (!body.matches("[0-9]+(,[0-9]*)?")) throw new Unknown();
                    optional = Integer.parseInt(body.split(",", -1)[0]) == 0;
                    quantified = true;
                    q = close + 1;
                }
                if (quantified && q < to && (re.charAt(q) == '?' || re.charAt(q) == '+')) q++; // lazy or possessive
                if (literal != null && !optional) {
                    run.append(literal);
                    if (quantified) { options.add(List.of(run.toString())); run.setLength(0); }
                } else {
                    if (run.length() > 0) { options.add(List.of(run.toString())); run.setLength(0); }
                    if (group != null && !optional) options.add(group);
                }
                i = q;
            }
            if (run.length() > 0) options.add(List.of(run.toString()));
            // the most selective: the longest shortest literal, then the fewest literals
            return options.stream().max(Comparator.comparingInt((List<String> o) -> o.stream().mapToInt(String::length).min().orElse(0))
                    .thenComparingInt(o -> -o.size())).orElse(null);
        }

        /** What the group re[open, end) requires; flags such as (?i) make the whole expression unknown. */
        private List<String> groupRequirement(int open, int end) throws Unknown {
            int from = open + 1, to = end - 1;
            if (from < to && re.charAt(from) == '?') {
                if (re.startsWith("?:", from)) from += 2;
                else if (re.startsWith("?P<", from) || re.startsWith("?<", from)) {
                    int gt = re.indexOf('>', from);
                    if (gt < 0 || gt >= to) throw new Unknown();
                    from = gt + 1;
                } else throw new Unknown();
            }
            return alternation(from, to);
        }

        private int escapeEnd(int i, int to) throws Unknown {
            if (i + 1 >= to) throw new Unknown();
            char e = re.charAt(i + 1);
            if (e == 'Q' || e == 'E') throw new Unknown();
            if ((e == 'p' || e == 'P' || e == 'x') && i + 2 < to && re.charAt(i + 2) == '{') {
                int close = re.indexOf('}', i + 2);
                if (close < 0 || close >= to) throw new Unknown();
                return close + 1;
            }
            if ((e == 'p' || e == 'P') && i + 2 < to) return i + 3;
            if (e == 'x') throw new Unknown();
            if (e >= '0' && e <= '7') throw new Unknown(); // octal
            return i + 2;
        }

        private int classEnd(int i, int to) throws Unknown {
            int j = i + 1;
            if (j < to && re.charAt(j) == '^') j++;
            if (j < to && re.charAt(j) == ']') j++; // a ']' first is a literal
            while (j < to) {
                char c = re.charAt(j);
                if (c == '\\') { j = escapeEnd(j, to); continue; }
                if (c == '[' && j + 1 < to && re.charAt(j + 1) == ':') {
                    int close = re.indexOf(":]", j + 2);
                    if (close < 0 || close >= to) throw new Unknown();
                    j = close + 2;
                    continue;
                }
                if (c == ']') return j + 1;
                j++;
            }
            throw new Unknown();
        }

        private int groupEnd(int i, int to) throws Unknown {
            int depth = 0, j = i;
            while (j < to) {
                char c = re.charAt(j);
                if (c == '\\') { j = escapeEnd(j, to); continue; }
                if (c == '[') { j = classEnd(j, to); continue; }
                if (c == '(') depth++;
                if (c == ')' && --depth == 0) return j + 1;
                j++;
            }
            throw new Unknown();
        }
    }
}
