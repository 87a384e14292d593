package figtrace.tables;

import figtrace.model.TableRow;
import figtrace.rules.Region;
import figtrace.rules.Rules;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static figtrace.tables.TableText.PAREN;

/**
 * What a row header says: its level in the 一、/（一）/1./其中/# hierarchy and the row it belongs under, its subject
 * (the label without numbering, 其中 and unit), the place it names (a regional table's rows) and its unit.
 */
final class TableRows {
    private static final Pattern TRAILING_COLON = Pattern.compile("[:：]$");
    private static final Pattern OWN_LEVEL = Pattern.compile("(本级|直属.{0,4}|市辖区|[(（]?[本市]级[)）]?)");

    private static final Pattern LIST_MARKER = Pattern.compile(
            "^\\s*(?:(?<l1>[一二三四五六七八九十]+\\s*[、.．])|(?<l2>[（(][一二三四五六七八九十]+[)）])|(?<l3>[0-9]+\\s*[.、．](?![0-9]))|(?<l4>[（(][0-9]+[)）])|(?<hash>[#＃]+))\\s*");
    private static final Pattern QIZHONG = Pattern.compile("^\\s*其中\\s*[:：]?\\s*");

    private final Rules rules;
    private final TableUnits units;

    TableRows(Rules rules, TableUnits units) {
        this.rules = rules;
        this.units = units;
    }

    /**
     * The row at {@code index} with its level, parent (the nearest row above with a smaller level; {@code levels}
     * holds the levels of the rows so far and is updated), subject, region and unit (its unit column's, else its
     * label's).
     */
    TableRow row(int index, Integer page, int line, int start, int end, String label, String unit, List<Integer> levels) {
        int lv = levelOf(label);
        while (levels.size() > index) levels.remove(levels.size() - 1);
        int par = -1;
        for (int k = index - 1; k >= 0; k--) if (levels.get(k) < lv) { par = k; break; }
        levels.add(lv);
        String subject = subjectOf(label);
        String rowUnit = unit != null ? unit : units.parenUnit(label);
        return new TableRow(index, page, line, start, end, label, lv, par, subject, regionOf(subject), rowUnit);
    }

    /** A short label-only line under a long label that does not end its name: the label wraps. */
    static boolean isWrap(TableRow prev, String label) {
        if (LIST_MARKER.matcher(label).find() || QIZHONG.matcher(label).find()) return false;
        return prev.label().length() >= 10 && label.length() <= 14;
    }

    /** A label starting with a list marker of the row hierarchy (一、, （一）, 1., (1)). */
    static boolean numbered(String label) {
        Matcher m = LIST_MARKER.matcher(label);
        return m.find() && m.group("hash") == null;
    }

    private static int levelOf(String label) {
        if (QIZHONG.matcher(label).find()) return 5;
        Matcher m = LIST_MARKER.matcher(label);
        if (!m.find()) return label.startsWith("  ") || label.startsWith("\u3000") ? 4 : 0;
        if (m.group("l1") != null) return 1;
        if (m.group("l2") != null) return 2;
        if (m.group("l3") != null) return 3;
        if (m.group("l4") != null) return 4;
        return 5 + m.group("hash").strip().length();
    }

    private static String subjectOf(String label) {
        String s = QIZHONG.matcher(label).replaceFirst("");
        s = LIST_MARKER.matcher(s).replaceFirst("");
        s = QIZHONG.matcher(s).replaceFirst("");
        s = PAREN.matcher(s).replaceAll(m -> TableUnits.isUnitWord(m.group(1)) ? "" : m.group(0).replace("$", "\\$"));
        return TRAILING_COLON.matcher(TableWords.squeeze(s)).replaceAll("");
    }

    /** The standard name of a place the text names exactly (乌鲁木齐市, 伊犁州 → 伊犁哈萨克自治州), or null. */
    String regionOf(String s) {
        if (s == null || s.isEmpty()) return null;
        String t = TableWords.squeeze(s);
        Region r = rules.regionNames().get(t);
        if (r != null) return r.standard();
        // 伊犁州直属县(市), 和田地区本级: a place and a part of it
        for (int len = Math.min(t.length() - 1, 12); len >= 2; len--) {
            Region head = rules.regionNames().get(t.substring(0, len));
            if (head == null || head.level().equals("other")) continue;
            String rest = t.substring(len);
            if (OWN_LEVEL.matcher(rest).matches()) return t;
            return null;
        }
        return null;
    }
}
