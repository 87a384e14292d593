package figtrace.tables;

import figtrace.rules.Rules;

import java.util.regex.Matcher;

import static figtrace.tables.TableText.PAREN;
import static figtrace.tables.TableText.UNIT_LINE;
import static figtrace.tables.TableText.norm;

/** The units a table writes: in a header ((万元), %, 单位：亿元), a label's parentheses, or a unit column's cells. */
final class TableUnits {
    private final Rules rules;
    private final TableWords words;

    TableUnits(Rules rules, TableWords words) {
        this.rules = rules;
        this.words = words;
    }

    /** A unit of patterns/units.tsv, with or without a multiplier (万元, 亿千瓦小时). */
    boolean isKnownUnit(String t) {
        if (t.isEmpty() || t.length() > 8) return false;
        if (rules.units().containsKey(t)) return true;
        for (String m : rules.multipliers().keySet()) {
            if (t.startsWith(m) && rules.units().containsKey(t.substring(m.length()))) return true;
        }
        return false;
    }

    /** The unit a header states: (万元), （%）, a trailing %, 单位：亿元. */
    String headerUnit(String head) {
        Matcher label = UNIT_LINE.matcher(head);
        if (label.find()) return label.group(1);
        Matcher p = PAREN.matcher(head);
        while (p.find()) {
            String u = norm(p.group(1));
            if (u.equals("%") || isKnownUnit(u)) return u;
            if (words.has("index", u)) return "index";
        }
        String h = norm(head);
        if (h.endsWith("%")) return "%";
        return null;
    }

    /** The last unit in parentheses (粮食产量（万吨）, a caption's （亿元）), or null. */
    String parenUnit(String s) {
        if (s == null) return null;
        Matcher p = PAREN.matcher(s);
        String found = null;
        while (p.find()) {
            String u = norm(p.group(1));
            if (u.equals("%") || isKnownUnit(u)) found = u;
        }
        return found;
    }

    /** Words in parentheses that are a unit, not part of a row's name ((万元), (%), (上年=100)). */
    static boolean isUnitWord(String s) {
        return s.matches("%|％|[万亿千百十]?[元吨人户个台辆件家亩公顷千瓦时小米方度头只张所座吨公里标准煤]+.*|.*[元吨]|上年=100|.*=100");
    }
}
