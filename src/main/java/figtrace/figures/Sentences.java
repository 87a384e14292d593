package figtrace.figures;

/**
 * Sentence, clause and paragraph bounds in the match view. A paragraph ends at a line break; a sentence at 。！？
 * (or a line break); a clause at a comma, semicolon or colon — but not at a comma between digits (1,234).
 */
final class Sentences {
    private Sentences() {}

    static boolean endsSentence(char c) { return c == '。' || c == '！' || c == '？' || c == '!' || c == '?' || c == '\n'; }

    static int sentenceStart(String t, int pos) {
        int i = pos;
        while (i > 0 && !endsSentence(t.charAt(i - 1))) i--;
        return i;
    }

    /** End of the sentence holding pos, including its final punctuation (but not a line break). */
    static int sentenceEnd(String t, int pos) {
        int i = pos;
        while (i < t.length() && !endsSentence(t.charAt(i))) i++;
        if (i < t.length() && t.charAt(i) != '\n') i++;
        return i;
    }

    static int paragraphStart(String t, int pos) {
        int i = pos;
        while (i > 0 && t.charAt(i - 1) != '\n') i--;
        return i;
    }

    static boolean endsClause(String t, int i) {
        char c = t.charAt(i);
        if (c == ',' && i > 0 && i + 1 < t.length() && Character.isDigit(t.charAt(i - 1)) && Character.isDigit(t.charAt(i + 1))) {
            return false;
        }
        return c == '，' || c == ',' || c == '；' || c == ';' || c == '：' || c == ':' || endsSentence(c);
    }

    /**
     * Start of the clause holding pos. A comma inside a bracket closed before pos does not end it: 全市地方一般公共预算收入
     * （预计完成数，下同）113.6亿元 is one clause.
     */
    static int clauseStart(String t, int pos) {
        int i = pos, depth = 0;
        while (i > 0) {
            char c = t.charAt(i - 1);
            if (endsSentence(c)) break;
            if (c == ')' || c == '）') depth++;
            else if ((c == '(' || c == '（') && depth > 0) depth--;
            else if (depth == 0 && endsClause(t, i - 1)) break;
            i--;
        }
        return i;
    }
}
