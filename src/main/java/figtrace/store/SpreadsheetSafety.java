package figtrace.store;

import java.util.regex.Pattern;

/**
 * Makes CSV cells safe to open in a spreadsheet: a cell starting with = + - @ would be run as a formula (CSV
 * injection), so it gets a leading single quote, which spreadsheets show as text. A cell that is just a number
 * ("-3.5", "+2") is left alone so it stays numeric.
 */
public final class SpreadsheetSafety {

    /** Numbers as spreadsheets read them (-2,450, +3.5%, 1e6): never formulas, so left exactly as they are. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile(
            "[+-]?(\\d{1,3}(,\\d{3})+(\\.\\d+)?|\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?%?");

    public static String safe(String cell) {
        if (cell == null || cell.isEmpty()) return cell;
        char first = cell.charAt(0);
        // OWASP's list: = + - @ start formulas; a leading tab or carriage return can hide one.
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        if (!risky || PLAIN_NUMBER.matcher(cell).matches()) return cell;
        return "'" + cell;
    }

    private SpreadsheetSafety() {}
}
