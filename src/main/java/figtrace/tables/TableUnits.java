package figtrace.tables;

import figtrace.rules.Rules;
import figtrace.rules.UnitInfo;

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

    private static final java.util.Set<String> AREAS = java.util.Set.of("m2", "km2", "ha", "mu");

    /**
     * The known units of a title that lists several (单位：亿元、万平方米), in order; empty when it lists fewer than two.
     */
    java.util.List<String> listedUnits(String unitLine) {
        if (unitLine == null || !unitLine.matches(".*[、，,].*")) return java.util.List.of();
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String part : unitLine.split("[、，,]")) {
            String u = norm(part);
            if (u.equals("%") || isKnownUnit(u)) out.add(u);
        }
        return out.size() >= 2 ? out : java.util.List.of();
    }

    /**
     * Which of a title's listed units a column's header measures: an area (可销售面积, 建成后可出租面积) the listed area
     * unit, an amount of money (总投资, 计划总投资, 已投资金额) the listed money unit (table_words.tsv area_measure and
     * money_measure); null when the header names neither or the list has no such unit.
     */
    String unitOfListed(java.util.List<String> listed, String header) {
        boolean area = words.has("area_measure", header), money = words.has("money_measure", header);
        if (area == money) return null;
        for (String u : listed) {
            UnitInfo info = info(u);
            if (info == null) continue;
            if (area && AREAS.contains(info.unit())) return u;
            if (money && info.kind().equals("money") && info.unit().equals("CNY")) return u;
        }
        return null;
    }

    private UnitInfo info(String t) {
        if (rules.units().containsKey(t)) return rules.units().get(t);
        for (String m : rules.multipliers().keySet()) {
            if (t.startsWith(m) && rules.units().containsKey(t.substring(m.length()))) return rules.units().get(t.substring(m.length()));
        }
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
