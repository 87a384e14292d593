package figtrace.measures;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a paragraph into sentences (on 。；！？ and their ASCII forms) and sentences into comma parts, also starting a
 * new part at list markers (一是, 其二, （三）, 首先). Spans are {start, end} relative to the paragraph, trimmed of
 * spaces and the separators themselves.
 */
final class ClauseSplitter {

    private static final Pattern SENTENCE_END = Pattern.compile("[。；！？;!?]");
    private static final Pattern COMMA = Pattern.compile("[，,：:]");
    /** List markers: they open a new item even without a comma before them. */
    static final Pattern LIST_MARKER = Pattern.compile(
            "(?:[一二三四五六七八九十]是|其[一二三四五六七八九十]|[（(][一二三四五六七八九十]+[）)]|首先|其次|再次|最后|第[一二三四五六七八九十]+[，,])");

    private ClauseSplitter() {}

    static List<int[]> sentences(String s) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        Matcher m = SENTENCE_END.matcher(s);
        while (m.find()) {
            add(s, start, m.start(), out);
            start = m.end();
        }
        add(s, start, s.length(), out);
        List<int[]> split = new ArrayList<>();
        for (int[] sent : out) splitAtMarkers(s, sent, split);
        return split;
    }

    /** Comma parts of one sentence span. */
    static List<int[]> parts(String s, int[] sentence) {
        List<int[]> out = new ArrayList<>();
        int start = sentence[0];
        Matcher m = COMMA.matcher(s).region(sentence[0], sentence[1]);
        while (m.find()) {
            // a comma inside brackets or quotes doesn't end a part
            if (insideBrackets(s, sentence[0], m.start())) continue;
            add(s, start, m.start(), out);
            start = m.end();
        }
        add(s, start, sentence[1], out);
        return out;
    }

    private static void splitAtMarkers(String s, int[] sent, List<int[]> out) {
        Matcher m = LIST_MARKER.matcher(s).region(sent[0], sent[1]);
        int start = sent[0];
        while (m.find()) {
            if (m.start() > start && !insideBrackets(s, sent[0], m.start())) {
                add(s, start, m.start(), out);
                start = m.start();
            }
        }
        add(s, start, sent[1], out);
    }

    private static boolean insideBrackets(String s, int from, int at) {
        int depth = 0;
        for (int i = from; i < at; i++) {
            char c = s.charAt(i);
            if (c == '（' || c == '(' || c == '“' || c == '《') depth++;
            else if ((c == '）' || c == ')' || c == '”' || c == '》') && depth > 0) depth--;
        }
        return depth > 0;
    }

    /** What a part may start with that is not part of it: quote marks, spaces, a citation marker (”^[1] 新疆锚定…). */
    private static final Pattern LEADING_JUNK = Pattern.compile("^(?:[\\s　”’\"“‘]|\\^\\[\\d+\\])+");

    private static void add(String s, int start, int end, List<int[]> out) {
        Matcher junk = LEADING_JUNK.matcher(s).region(start, end);
        if (junk.lookingAt()) start = junk.end();
        while (end > start && (Character.isWhitespace(s.charAt(end - 1)) || s.charAt(end - 1) == '　')) end--;
        if (end > start) out.add(new int[]{start, end});
    }
}
