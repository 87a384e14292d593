package figtrace.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who wrote or delivered the document, read from the lines right under its title: a line of names (张新友), the
 * affiliation in brackets under it, a speaker's post and name (自治区主席 艾尔肯·吐尼亚孜) or a news byline (记者 范海瑞).
 */
final class Bylines {

    /** Bylines follow the title within this many non-blank lines (a date or "来源" line may come between). */
    static final int NEAR = 8;
    private static final Pattern POSTCODE = Pattern.compile("^\\d{6}$");

    record Found(List<String> authors, Line authorLine, String organisation, Line orgLine) {}

    private final MetadataWords words;
    private final Shapes shapes;

    Bylines(MetadataWords words, Shapes shapes) {
        this.words = words;
        this.shapes = shapes;
    }

    Found after(List<Line> lines, int titleLast) {
        int end = Math.min(lines.size(), titleLast + 1 + NEAR);
        for (int i = titleLast + 1; i < end; i++) {
            Line l = lines.get(i);
            if (shapes.isProse(l) && !l.text().startsWith("—")) break;
            List<String> reporter = reporter(l, i + 1 < lines.size() ? lines.get(i + 1) : null);
            if (!reporter.isEmpty()) return new Found(reporter, l, null, null);
            if (shapes.isNameLine(l)) {
                List<String> names = names(l.raw().split("[\\s\\u3000,，、;；]+"));
                Line org = i + 1 < lines.size() ? lines.get(i + 1) : null;
                String organisation = org == null ? null : organisation(org.raw());
                return new Found(names, l, organisation, organisation == null ? null : org);
            }
            String speaker = speaker(l.raw());
            if (speaker != null) return new Found(List.of(speaker), l, null, null);
        }
        return null;
    }

    private List<String> names(String[] tokens) {
        List<String> out = new ArrayList<>();
        for (String t : tokens) {
            String n = shapes.name(t);
            if (n != null) out.add(n);
        }
        return out;
    }

    /** "行署副秘书长，地区财政局党组书记、副局长 王彬" → 王彬: a post word, a space, a name. */
    private String speaker(String raw) {
        int space = Math.max(raw.lastIndexOf(' '), raw.lastIndexOf('\u3000'));
        if (space <= 0) return null;
        String post = raw.substring(0, space).strip(), who = raw.substring(space + 1).strip();
        if (!MetadataWords.endsWithAny(post, words.positions)) return null;
        return shapes.name(who);
    }

    /** "石榴云·新疆日报记者 谢龙" or "…记者" with the name on the next line. */
    private List<String> reporter(Line l, Line next) {
        for (String word : words.reporters) {
            int at = l.raw().lastIndexOf(word);
            if (at < 0) continue;
            String rest = l.raw().substring(at + word.length()).strip();
            if (rest.isEmpty() && next != null && shapes.isNameLine(next)) rest = next.raw();
            List<String> names = names(rest.split("[\\s\\u3000,，、;；]+"));
            if (!names.isEmpty()) return names;
        }
        return List.of();
    }

    /**
     * "(中共新疆维吾尔自治区委员会党校 决策咨询部, 新疆 乌鲁木齐 830002)" → the part before the address: the text
     * before a comma, without a trailing postcode and short place names that do not end like an organisation.
     */
    String organisation(String raw) {
        String s = raw.strip();
        if (!(s.startsWith("(") || s.startsWith("（"))) return null;
        s = s.substring(1).replaceFirst("[)）]\\s*$", "");
        // "(1. 新疆大学…; 2. …)": the first affiliation
        s = s.replaceFirst("^\\s*\\d+[.．、]\\s*", "");
        int comma = s.replaceAll("[,，;；]", ",").indexOf(',');
        if (comma > 0) s = s.substring(0, comma);
        List<String> parts = new ArrayList<>(List.of(s.strip().split("[\\s\\u3000]+")));
        while (parts.size() > 1) {
            String last = parts.get(parts.size() - 1);
            boolean place = last.codePointCount(0, last.length()) <= 4 && !MetadataWords.endsWithAny(last, words.orgSuffixes);
            if (!POSTCODE.matcher(last).matches() && !place) break;
            parts.remove(parts.size() - 1);
        }
        String org = String.join(" ", parts).strip();
        return org.length() >= 2 ? org : null;
    }
}
