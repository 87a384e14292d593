package figtrace.figures;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimeFinderTest {

    private static List<String> values(String text, Integer docYear) {
        return TimeFinder.find(text, docYear).stream().map(Mention::value).toList();
    }

    @Test
    void readsThePeriodsTheseDocumentsName() {
        assertEquals(List.of("2024-12-31"), values("截至2024年底", null));
        assertEquals(List.of("2024-12-31"), values("2024年末", null));
        assertEquals(List.of("2024-01/2024-10"), values("2024年1月至10月", null));
        assertEquals(List.of("2024-01/2024-10"), values("2024年1—10月", null));
        assertEquals(List.of("2022/2024"), values("2022-2024年", null));
        assertEquals(List.of("2024-01/2024-09"), values("2024年前三季度", null));
        assertEquals(List.of("2024-06-30"), values("截至2024年6月末", null));
        assertEquals(List.of("2024-03"), values("二〇二四年三月", null));
        assertEquals(List.of("2022/2024"), values("近3年", 2024));
        assertEquals(List.of("2023"), values("去年", 2024));
        assertEquals(List.of(), values("去年", null), "no date in the document: relative times stay unresolved");
        assertEquals(List.of(), values("比上年增长", 2024), "上年 after 比 is a comparison base");
        assertEquals(List.of(), values("较2023年增长", null), "a compared year is not the period");
        // a five-year plan period (weifang 2025 budget report: “十四五”时期增加799.2亿元; a bulletin's 十三五期间)
        assertEquals(List.of("2021/2025"), values("“十四五”时期增加799.2亿元", null));
        assertEquals(List.of("2016/2020"), values("十三五期间累计完成投资", null));
        assertEquals(List.of(), values("“十四五”规划", null), "a plan's name is not a period");
    }

    @Property
    void yearsAndMonthsParseBackInArabicOrChineseForm(@ForAll @IntRange(min = 1950, max = 2099) int year,
                                                       @ForAll @IntRange(min = 1, max = 9) int from,
                                                       @ForAll @IntRange(min = 1, max = 3) int span,
                                                       @ForAll boolean chinese) {
        int to = from + span;
        String y = chinese ? chineseDigits(year) : String.valueOf(year);
        String a = chinese ? chineseDigits(from) : String.valueOf(from);
        if (chinese && to >= 10) return; // 十月, 十一月 are not rewritten in place (see arabicDates)
        String b = chinese ? chineseDigits(to) : String.valueOf(to);
        String expected = String.format("%d-%02d/%d-%02d", year, from, year, to);
        assertEquals(List.of(expected), values("截至" + y + "年" + a + "月至" + b + "月，", null), y + "年" + a + "月至" + b + "月");
        assertEquals(List.of(String.valueOf(year)), values(y + "年，", null));
    }

    @Property
    void noInputStringThrows(@ForAll("dateish") String s, @ForAll @IntRange(min = 1950, max = 2099) int docYear) {
        TimeFinder.find(s, docYear);
        TimeFinder.find(s, null);
    }

    @Provide
    Arbitrary<String> dateish() {
        return Arbitraries.strings().withChars("0123456789年月日底末至—-~近今去上半季度前三一二〇零十截 \n").ofMaxLength(30);
    }

    private static String chineseDigits(int n) {
        StringBuilder b = new StringBuilder();
        for (char c : String.valueOf(n).toCharArray()) b.append("〇一二三四五六七八九".charAt(c - '0'));
        return b.toString();
    }
}
