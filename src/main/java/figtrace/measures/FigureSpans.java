package figtrace.measures;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Number + unit spans in a clause, as raw strings, for a measure's linked_figures. Deliberately simple: the figure
 * stage owns real figure detection and will later link measures to figures by id.
 */
final class FigureSpans {

    private static final String UNIT = "(?:万亿|亿|万|千)?(?:美元|元)|个百分点|%|％|倍|千伏|兆瓦|万吨|吨|千瓦|公里|平方米"
            + "|家|个|项|人|户|批|名|次|场|位|所|件|座|台|套|条|种|亩";
    /** Arabic numbers (with an optional space before the unit, as PDF text has) or Chinese numerals with a counter. */
    private static final Pattern FIGURE = Pattern.compile(
            "(?<![0-9.])\\d+(?:\\.\\d+)?\\s?(?:" + UNIT + ")|(?<![一二三四五六七八九十百千])[一二三四五六七八九十两]+(?:批|项|家|个)(?![一-龥]?[年月日])");

    private FigureSpans() {}

    static List<String> in(String clause) {
        List<String> out = new ArrayList<>();
        Matcher m = FIGURE.matcher(clause);
        while (m.find()) {
            String raw = m.group();
            // "一批" (a batch of) and "一个" are articles, not counts
            if (raw.startsWith("一") && raw.length() == 2) continue;
            out.add(raw);
        }
        return out;
    }
}
