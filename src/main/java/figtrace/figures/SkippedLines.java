package figtrace.figures;

import figtrace.model.DocumentText;
import figtrace.rules.Rules;
import figtrace.rules.SkipLine;

/** Marks lines that hold no figures of the document's own (skip_lines.tsv): author notes, codes, reference lists. */
final class SkippedLines {
    private SkippedLines() {}

    static boolean[] mark(DocumentText text, Rules rules) {
        boolean[] skip = new boolean[text.lines().size()];
        boolean stopped = false;
        for (int i = 0; i < skip.length; i++) {
            if (stopped) { skip[i] = true; continue; }
            String line = text.lineText(text.lines().get(i));
            for (SkipLine s : rules.skipLines()) {
                if (s.pattern().matcher(line).find()) {
                    skip[i] = true;
                    // a reference list ends the body only in the document's second half: a table of contents may
                    // name 参考文献 near the start
                    if (s.stop() && i > skip.length / 2) stopped = true;
                }
            }
        }
        return skip;
    }
}
