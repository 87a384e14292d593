package figtrace.metadata;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads printed dates into ISO form: 2026年3月27日, 2022 年 07 月 19 日, 2024-04-01, 2026/04/21, 二〇一七年三月十六日. */
final class Dates {

    private Dates() {}

    private static final Pattern ARABIC = Pattern.compile(
            "((?:19|20)\\d{2})\\s*(?:年\\s*(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*日)?|[-/.](\\d{1,2})(?:[-/.](\\d{1,2}))?)");
    private static final Pattern CHINESE = Pattern.compile(
            "([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})日)?");

    /** A date found in {@code s}, with where it starts, or null. */
    record Found(String iso, int start, int end) {}

    static Found find(String s) {
        Matcher m = ARABIC.matcher(s);
        while (m.find()) {
            String month = m.group(2) != null ? m.group(2) : m.group(4);
            String day = m.group(2) != null ? m.group(3) : m.group(5);
            String iso = iso(Integer.parseInt(m.group(1)), parse(month), parse(day));
            if (iso != null) return new Found(iso, m.start(), m.end());
        }
        m = CHINESE.matcher(s);
        if (m.find()) {
            StringBuilder year = new StringBuilder();
            for (char c : m.group(1).toCharArray()) year.append(digit(c));
            String iso = iso(Integer.parseInt(year.toString()), cnNumber(m.group(2)), cnNumber(m.group(3)));
            if (iso != null) return new Found(iso, m.start(), m.end());
        }
        return null;
    }

    private static Integer parse(String digits) { return digits == null ? null : Integer.parseInt(digits); }

    /** 三 → 3, 十六 → 16, 二十七 → 27. */
    private static Integer cnNumber(String s) {
        if (s == null) return null;
        int ten = s.indexOf('十');
        if (ten < 0) return digit(s.charAt(0));
        int tens = ten == 0 ? 1 : digit(s.charAt(0));
        int ones = ten == s.length() - 1 ? 0 : digit(s.charAt(ten + 1));
        return tens * 10 + ones;
    }

    private static int digit(char c) {
        int i = "零一二三四五六七八九".indexOf(c);
        return c == '〇' ? 0 : Math.max(i, 0);
    }

    /** ISO text, or null when month or day are impossible (then it was not a date: "2025.3.9" as a version). */
    static String iso(int year, Integer month, Integer day) {
        if (month == null) return String.valueOf(year);
        if (month < 1 || month > 12) return null;
        if (day == null) return String.format("%04d-%02d", year, month);
        if (day < 1 || day > 31) return null;
        return String.format("%04d-%02d-%02d", year, month, day);
    }
}
