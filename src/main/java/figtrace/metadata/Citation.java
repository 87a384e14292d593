package figtrace.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GB/T 7714 reference as printed in a "引用格式：" line:
 * {@code 顾华详. 数字经济赋能…研究[J/OL]. 新疆社会科学, 2024, 43(2): 1-9.} — authors, title, journal and year.
 */
record Citation(List<String> authors, String title, String journal, String year) {

    private static final Pattern REF = Pattern.compile(
            "^(.+?)\\.\\s*(.+?)\\[[A-Z]{1,2}(?:/OL)?\\]\\s*[.．]\\s*([^.,，．<\\[]+?)\\s*(?:[,，]\\s*((?:19|20)\\d{2}))?\\s*(?:[.,，．<(（]|$)");

    static Citation parse(String s) {
        if (s == null) return null;
        Matcher m = REF.matcher(s.strip());
        if (!m.find()) return null;
        List<String> authors = new ArrayList<>();
        for (String a : m.group(1).split("[,，、]")) {
            String name = a.strip();
            if (!name.isEmpty() && !name.equals("等") && !name.equalsIgnoreCase("et al")) authors.add(name);
        }
        return new Citation(authors, m.group(2).strip(), m.group(3).strip(), m.group(4));
    }
}
