package figtrace.figures;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Reads a number written in Arabic digits (1,234.5), Chinese numerals (三千五百, 两, 二〇二四) or a mix (3万4000,
 * 1.2万亿) into an exact BigDecimal. Never throws: text that is not a number gives an empty result.
 */
public final class NumberParser {
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final BigDecimal HUNDRED_MILLION = BigDecimal.valueOf(100_000_000);

    private NumberParser() {}

    public static Optional<BigDecimal> parse(String text) {
        if (text == null || text.isEmpty()) return Optional.empty();
        String s = text.replace(",", "").replace("，", "");
        if (s.isEmpty()) return Optional.empty();
        if (isChineseDigitSequence(s)) return Optional.of(new BigDecimal(digitSequence(s)));
        BigDecimal total = BigDecimal.ZERO;   // everything at or above 万 already folded in
        BigDecimal section = BigDecimal.ZERO; // below 万
        BigDecimal number = null;             // the digit(s) waiting for a unit
        int i = 0;
        boolean any = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || c == '.') {
                int j = i;
                while (j < s.length() && (Character.isDigit(s.charAt(j)) && s.charAt(j) < 128 || s.charAt(j) == '.')) j++;
                String digits = s.substring(i, j);
                if (number != null || digits.equals(".") || digits.indexOf('.') != digits.lastIndexOf('.')) return Optional.empty();
                try {
                    number = new BigDecimal(digits.startsWith(".") ? "0" + digits : digits);
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                any = true;
                i = j;
                continue;
            }
            if (c == '零' || c == '〇') { // a placeholder between digits (一百零五), not a digit of its own
                i++;
                continue;
            }
            int d = chineseDigit(c);
            if (d >= 0) {
                if (number != null) return Optional.empty(); // two digits in a row outside a digit sequence: 三五
                number = BigDecimal.valueOf(d);
                any = true;
            } else if (c == '十' || c == '百' || c == '千') {
                BigDecimal unit = BigDecimal.valueOf(c == '十' ? 10 : c == '百' ? 100 : 1000);
                section = section.add((number == null ? BigDecimal.ONE : number).multiply(unit));
                number = null;
                any = true;
            } else if (c == '万') {
                BigDecimal part = section.add(number == null ? BigDecimal.ZERO : number);
                if (part.signum() == 0 && total.signum() == 0) part = BigDecimal.ONE;
                total = total.add(part.multiply(TEN_THOUSAND));
                section = BigDecimal.ZERO;
                number = null;
                any = true;
            } else if (c == '亿') {
                BigDecimal part = total.add(section).add(number == null ? BigDecimal.ZERO : number);
                if (part.signum() == 0) part = BigDecimal.ONE;
                total = part.multiply(HUNDRED_MILLION);
                section = BigDecimal.ZERO;
                number = null;
                any = true;
            } else {
                return Optional.empty();
            }
            i++;
        }
        if (!any) return Optional.empty();
        BigDecimal value = total.add(section).add(number == null ? BigDecimal.ZERO : number);
        return Optional.of(value);
    }

    /** 零〇一二…九 and 两; -1 for anything else. */
    static int chineseDigit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }

    public static boolean isChineseNumeral(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (chineseDigit(c) < 0 && "十百千万亿".indexOf(c) < 0) return false;
        }
        return !s.isEmpty();
    }

    /** 二〇二四: digits only, more than one, read digit by digit. */
    private static boolean isChineseDigitSequence(String s) {
        if (s.length() < 2) return false;
        for (int i = 0; i < s.length(); i++) if (chineseDigit(s.charAt(i)) < 0) return false;
        return true;
    }

    private static String digitSequence(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) b.append(chineseDigit(s.charAt(i)));
        return b.toString();
    }
}
