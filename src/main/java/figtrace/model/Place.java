package figtrace.model;

/**
 * A place of China's administrative divisions (or beyond them), as figtrace writes it.
 *
 * @param name     the standard form written to the output (河南, 鹤壁市)
 * @param official the full official name (河南省, 新疆维吾尔自治区, 鹤壁市)
 * @param code     the 6-digit GB/T 2260 administrative code (410600), or empty when it has none
 * @param level    province, prefecture, county, corps or other
 * @param province the standard name of its province (itself for a province), or empty
 */
public record Place(String name, String official, String code, String level, String province) {}
