package figtrace.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds time expressions and writes them ISO-like: 2024, 2024-12-31 (年底/年末), 2024-01/2024-10 (1—10月),
 * 2022/2024 (2022—2024年), 2024-03 (2024年3月). Relative words (今年, 去年, 近3年, 全年) are resolved against the
 * document's own year when the document gives one; otherwise they are left out.
 *
 * <p>A year used as a yardstick (较2023年, 比上年) is the base of a comparison, not the period of a figure, and is
 * skipped.
 */
final class TimeFinder {
    private static String y(String name) { return "(?<" + name + ">19[4-9][0-9]|20[0-9]{2})"; }
    private static String mo(String name) { return "(?<" + name + ">1[0-2]|0?[1-9])"; }
    private static final String SEP = "(?:-|—|–|~|～|至|到)";
    private static final Pattern TIME = Pattern.compile(String.join("|",
            "(?<monthend>(?:截至|截止|到)?" + y("y1") + "年" + mo("m1") + "月(?:底|末))",
            "(?<yearend>(?:截至|截止|到)?" + y("y2") + "年(?:底|末))",
            "(?<months>" + y("y3") + "年" + mo("m3a") + "月?" + SEP + mo("m3b") + "月)",
            "(?<quarter>" + y("y4") + "年(?:第)?(?<q>[一二三四1-4])季度)",
            "(?<half>" + y("y5") + "年(?<part>上半年|下半年|前三季度|前两季度))",
            "(?<years>" + y("y6a") + "年?" + SEP + y("y6b") + "年)",
            "(?<day>" + y("y7") + "年" + mo("m7") + "月(?<d7>[12][0-9]|3[01]|0?[1-9])日)",
            "(?<month>" + y("y8") + "年" + mo("m8") + "月)",
            "(?<year>" + y("y9") + "年)",
            "(?<ylist>(?:19[4-9][0-9]|20[0-9]{2})(?=(?:、(?:19[4-9][0-9]|20[0-9]{2}))*、(?:19[4-9][0-9]|20[0-9]{2})年))",
            "(?<relmonthend>(?<![0-9年\\-—–~～至到])" + mo("m11") + "月(?:底|末))",
            "(?<relmonths>(?<![0-9年])" + mo("m10a") + "月?" + SEP + mo("m10b") + "月)",
            "(?<plan>十(?<planno>[一二三四五])五[”\"]?(?:时期|期间|以来))",
            "(?<lastyearend>(?<![比较同与])(?:上年|去年)(?:末|底))",
            "(?<yearendword>(?<![0-9上去今])年(?:末|底))",
            "(?<rel>今年|本年|(?<![比较同与])去年|(?<![比较同与])上年|前年|明年|全年|上半年|下半年|前三季度|(?:第)?[一二三四]季度)",
            "(?<recent>近(?<n>[1-9]|[一二三四五六七八九十])年)"));
    private static final List<String> YARDSTICK_BEFORE = List.of("较", "比", "与", "同", "于");
    /** 于 compares (高于2023年) except as part of 关于, 对于, 由于, 基于, 至于: 关于2026年…的说明 names its year. */
    private static final List<String> NOT_COMPARING_BEFORE_YU = List.of("关", "对", "由", "基", "至");

    private TimeFinder() {}

    /** @param docYear the document's own year, or null when it gives none */
    static List<Mention> find(String text, Integer docYear) { return find(text, docYear, docYear); }

    /**
     * @param docYear    the document's own year (its title year or date line), for 今年, 去年, 近3年
     * @param periodYear the year the document reports on, for 全年 (a bulletin dated 2024年5月 reports on 2023)
     */
    static List<Mention> find(String text, Integer docYear, Integer periodYear) {
        List<Mention> out = new ArrayList<>();
        Matcher m = TIME.matcher(arabicDates(text));
        while (m.find()) {
            String before = wordBefore(text, m.start());
            boolean notComparing = before.equals("于") && NOT_COMPARING_BEFORE_YU.contains(wordBefore(text, m.start() - 1));
            if (YARDSTICK_BEFORE.contains(before) && !notComparing) continue;
            // 是2020年的1.1倍, 是“十三五”时期的3倍: the base of a multiple
            if (before.equals("是") && text.startsWith("的", m.end())) continue;
            // 全年 and 年末 are the report year's (a bulletin published in 2026 on 2025 says 年末 for 2025-12-31)
            String value = m.group("rel") != null && m.group("rel").equals("全年")
                    ? (periodYear == null ? null : String.valueOf(periodYear))
                    : m.group("yearendword") != null ? (periodYear == null ? null : periodYear + "-12-31")
                    : m.group("lastyearend") != null ? (periodYear == null ? null : (periodYear - 1) + "-12-31")
                    : value(m, docYear, text);
            if (value != null) out.add(new Mention(m.start(), m.end(), value));
        }
        return out;
    }

    /**
     * The character before a time expression, looking through an opening quote: 比“十三五”时期 compares with the
     * 13th plan just as 比2020年 compares with 2020.
     */
    private static String wordBefore(String text, int start) {
        int i = start;
        while (i > 0 && "“\"‘'「".indexOf(text.charAt(i - 1)) >= 0) i--;
        return text.substring(Math.max(0, i - 1), i);
    }

    private static final Pattern PLAN = Pattern.compile("十([一二三四五])五(?![规计])");

    /**
     * The years of the five-year plan a heading names ((三)“十四五”我市财政发展情况 → 2021/2025), or null; a
     * heading's bare “十四五” is its period, while 十四五规划 or 十四五计划 in a heading is the plan itself.
     */
    static String planPeriod(String heading) {
        Matcher m = PLAN.matcher(heading);
        if (!m.find()) return null;
        int start = 1966 + 5 * (10 + "一二三四五".indexOf(m.group(1)) + 1 - 3);
        return start + "/" + (start + 4);
    }

    /**
     * A comparison's base written as a figure right after its period: 比“十三五”时期的169.88亿元 (Jingdezhen budget
     * report), 较“十三五”时期的60.69亿元 (atlas Zhongwei report), 比2020年的…: the figure is that period's, while the
     * figures after it (增加25.21亿元, 增长14.8%) keep the sentence's period.
     */
    private static final Pattern BASE_BEFORE = Pattern.compile(
            "[比较][“\"‘']?(?:十(?<planno>[一二三四五])五[”\"’']?(?:时期|期间)|(?<year>(?:19[4-9][0-9]|20[0-9]{2}))年)的?$");

    /** The period of a comparison base that ends right before a figure ({@code before}: the text up to it), or null. */
    static String baseTime(String before) {
        String tail = before.substring(Math.max(0, before.length() - 24)).replaceAll("\\s+", "");
        Matcher m = BASE_BEFORE.matcher(tail);
        if (!m.find()) return null;
        if (m.group("year") != null) return m.group("year");
        int start = 1966 + 5 * (10 + "一二三四五".indexOf(m.group("planno")) + 1 - 3);
        return start + "/" + (start + 4);
    }

    private static final Pattern CHINESE_YEAR = Pattern.compile("[〇零一二三四五六七八九]{4}(?=年)");
    private static final Pattern CHINESE_MONTH = Pattern.compile("(?<=年|至|到|—|-)(十|[一二三四五六七八九])(?=月)");

    /**
     * 二〇二四年三月 → 2024年3月, keeping every offset: a Chinese year has four characters like its Arabic form, and a
     * month 一…十 becomes one or two characters the same length (十 → 10 is written over 十 and the 月 stays put, so 十
     * is rewritten only where it stands alone).
     */
    static String arabicDates(String text) {
        if (text.indexOf('年') < 0) return text;
        StringBuilder b = new StringBuilder(text);
        Matcher y = CHINESE_YEAR.matcher(text);
        while (y.find()) {
            for (int i = y.start(); i < y.end(); i++) b.setCharAt(i, (char) ('0' + NumberParser.chineseDigit(text.charAt(i))));
        }
        Matcher mo = CHINESE_MONTH.matcher(b.toString());
        while (mo.find()) {
            char c = b.charAt(mo.start());
            if (c != '十') b.setCharAt(mo.start(), (char) ('0' + NumberParser.chineseDigit(c)));
        }
        return b.toString();
    }

    private static String value(Matcher m, Integer docYear, String text) {
        if (m.group("monthend") != null) {
            int y = Integer.parseInt(m.group("y1")), month = Integer.parseInt(m.group("m1"));
            return String.format("%d-%02d-%02d", y, month, java.time.YearMonth.of(y, month).lengthOfMonth());
        }
        if (m.group("yearend") != null) return m.group("y2") + "-12-31";
        if (m.group("plan") != null) {
            // the N-th five-year plan (十四五 = 14th) runs from 1966 + 5 × (N − 3): 十四五时期 is 2021/2025
            int start = 1966 + 5 * (10 + "一二三四五".indexOf(m.group("planno")) + 1 - 3);
            return start + "/" + (start + 4);
        }
        if (m.group("months") != null) {
            String y = m.group("y3");
            return String.format("%s-%02d/%s-%02d", y, Integer.parseInt(m.group("m3a")), y, Integer.parseInt(m.group("m3b")));
        }
        if (m.group("quarter") != null) {
            String y = m.group("y4"), q = m.group("q");
            int n = "一二三四".indexOf(q) >= 0 ? "一二三四".indexOf(q) + 1 : Integer.parseInt(q);
            return String.format("%s-%02d/%s-%02d", y, n * 3 - 2, y, n * 3);
        }
        if (m.group("half") != null) return part(m.group("y5"), m.group("part"));
        if (m.group("years") != null) return m.group("y6a") + "/" + m.group("y6b");
        if (m.group("day") != null) {
            return String.format("%s-%02d-%02d", m.group("y7"), Integer.parseInt(m.group("m7")), Integer.parseInt(m.group("d7")));
        }
        if (m.group("month") != null) return String.format("%s-%02d", m.group("y8"), Integer.parseInt(m.group("m8")));
        if (m.group("year") != null) return m.group("y9");
        if (m.group("ylist") != null) return m.group("ylist");
        if (m.group("relmonthend") != null) {
            // 11月末 without a year: the end of that month of the year the context gives (filled in by withYear)
            return String.format("?-%02d-end", Integer.parseInt(m.group("m11")));
        }
        if (m.group("relmonths") != null) {
            // 1—10月 without a year: the year comes from context, marked with '?' and filled in by the caller
            return String.format("?-%02d/?-%02d", Integer.parseInt(m.group("m10a")), Integer.parseInt(m.group("m10b")));
        }
        if (docYear == null) return null;
        if (m.group("rel") != null) {
            return switch (m.group("rel")) {
                case "今年", "本年", "全年" -> String.valueOf(docYear);
                case "去年", "上年" -> String.valueOf(docYear - 1);
                case "前年" -> String.valueOf(docYear - 2);
                case "明年" -> String.valueOf(docYear + 1);
                default -> m.group("rel").endsWith("季度") && !m.group("rel").equals("前三季度")
                        ? quarter(docYear, m.group("rel")) : part(String.valueOf(docYear), m.group("rel"));
            };
        }
        if (m.group("recent") != null) {
            int n = NumberParser.parse(m.group("n")).map(java.math.BigDecimal::intValue).orElse(1);
            return (docYear - n + 1) + "/" + docYear;
        }
        return null;
    }

    private static String quarter(int year, String word) {
        int n = "一二三四".indexOf(word.charAt(word.length() - 3)) + 1;
        return String.format("%d-%02d/%d-%02d", year, n * 3 - 2, year, n * 3);
    }

    private static String part(String y, String which) {
        return switch (which) {
            case "上半年", "前两季度" -> y + "-01/" + y + "-06";
            case "下半年" -> y + "-07/" + y + "-12";
            case "前三季度" -> y + "-01/" + y + "-09";
            default -> y;
        };
    }

    /** Fills a year into a yearless range such as ?-01/?-10; other values pass through. */
    static String withYear(String value, String contextTime) {
        if (!value.startsWith("?")) return value;
        if (contextTime == null || contextTime.length() < 4) return null;
        String year = contextTime.substring(0, 4);
        if (value.endsWith("-end")) {
            int month = Integer.parseInt(value.substring(2, 4));
            return String.format("%s-%02d-%02d", year, month, java.time.YearMonth.of(Integer.parseInt(year), month).lengthOfMonth());
        }
        return value.replace("?", year);
    }
}
