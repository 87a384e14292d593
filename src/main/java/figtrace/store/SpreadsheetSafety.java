package figtrace.store;

import java.util.regex.Pattern;

/**
 * Makes CSV cells safe to open in a spreadsheet: a cell starting with = + - @ would be run as a formula (CSV
 * injection), so it gets a leading single quote, which spreadsheets show as text. A cell that is just a number
 * ("-3.5", "+2") is left alone so it stays numeric.
 */
public final class SpreadsheetSafety {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    public static String safe(String cell) {
        if (cell == null || cell.isEmpty()) return cell;
        char first = cell.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@';
        if (!risky || PLAIN_NUMBER.matcher(cell).matches()) return cell;
        return "'" + cell;
    }

    private SpreadsheetSafety() {}
}
