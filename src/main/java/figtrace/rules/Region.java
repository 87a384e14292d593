package figtrace.rules;

/**
 * A place from regions.tsv.
 *
 * @param standard the standard form written to the output (河南, 鹤壁市, 昌吉回族自治州)
 * @param level    province, prefecture, county, corps or other
 * @param province the standard name of the province a prefecture or county lies in; empty for a province
 * @param code     the 6-digit GB/T 2260 administrative code (410600), or empty for a place beyond China's divisions
 * @param official the full official name (河南省, 新疆维吾尔自治区, 鹤壁市): a province's longest name ending in 省,
 *                 自治区 or 市; else the standard form
 */
public record Region(String standard, String level, String province, String code, String official) {
    public Region {
        code = code == null ? "" : code;
        official = official == null || official.isEmpty() ? standard : official;
    }

    public boolean isProvince() { return level.equals("province"); }

    /** The province it lies in (itself for a province), or null for a place beyond China's provinces. */
    public String provinceOrSelf() { return isProvince() ? standard : province.isEmpty() ? null : province; }

    /** Whether {@code other} is this place or lies inside it (河南 contains 鹤壁市 and 淇县). */
    public boolean contains(Region other) {
        if (other == null) return false;
        if (other.standard.equals(standard)) return true;
        if (isProvince()) return standard.equals(other.province);
        // a prefecture holds the counties whose code starts with its first four digits
        return level.equals("prefecture") && code.length() == 6 && other.code.length() == 6
                && other.level.equals("county") && other.code.startsWith(code.substring(0, 4));
    }
}
