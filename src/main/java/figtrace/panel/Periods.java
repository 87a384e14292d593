package figtrace.panel;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/** Arithmetic on the figure time strings of the guideline (2024, 2024-12-31, 2024-06 …). */
final class Periods {
    private static final Pattern YEAR_FIRST = Pattern.compile("^(\\d{4})(-\\d{2}(?:-\\d{2})?)?$");

    private Periods() {}

    /** The same period one year earlier (2024 → 2023, 2024-12-31 → 2023-12-31), or null for ranges and odd forms. */
    static String previous(String period) {
        if (period == null) return null;
        Matcher m = YEAR_FIRST.matcher(period);
        if (!m.matches()) return null;
        String rest = m.group(2) == null ? "" : m.group(2);
        if (rest.equals("-02-29")) rest = "-02-28";
        return (Integer.parseInt(m.group(1)) - 1) + rest;
    }
}
