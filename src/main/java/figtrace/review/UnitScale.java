package figtrace.review;

import figtrace.rules.UnitInfo;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Reads a unit as a document writes it (万元, 亿元, %, 万吨) with figtrace's own rules ({@code patterns/units.tsv} and
 * {@code multipliers.tsv}): its canonical unit and the factor from the printed number to the stored value, for a
 * reviewer's correction of a table column's unit.
 */
public final class UnitScale {

    /** The canonical unit (CNY, %, t …) and the factor that turns a printed number into its value. */
    public record Scale(String unit, String kind, BigDecimal factor) {}

    private final Map<String, UnitInfo> units;
    private final Map<String, BigDecimal> multipliers;

    public UnitScale(Map<String, UnitInfo> units, Map<String, BigDecimal> multipliers) {
        this.units = units;
        this.multipliers = multipliers;
    }

    /** The scale of a written unit: an optional multiplier (the longest that leaves a known unit) and a unit. */
    public Scale parse(String written) {
        if (written == null) return null;
        String w = written.strip().replaceAll("^[（(]|[）)]$", "");
        UnitInfo plain = units.get(w);
        if (plain != null) return new Scale(plain.unit(), plain.kind(), plain.factor());
        Scale best = null;
        int bestLength = 0;
        for (Map.Entry<String, BigDecimal> m : multipliers.entrySet()) {
            if (!w.startsWith(m.getKey()) || m.getKey().length() <= bestLength) continue;
            UnitInfo unit = units.get(w.substring(m.getKey().length()));
            if (unit == null) continue;
            best = new Scale(unit.unit(), unit.kind(), m.getValue().multiply(unit.factor()));
            bestLength = m.getKey().length();
        }
        return best;
    }

    /** The number a cell prints (13,690,843; -1.1; 3.0), or null when it is not a plain number. */
    public static BigDecimal number(String text) {
        if (text == null) return null;
        String t = text.strip().replace(",", "").replace("，", "").replace("−", "-");
        if (!t.matches("[-+]?\\d+(\\.\\d+)?")) return null;
        return new BigDecimal(t);
    }
}
