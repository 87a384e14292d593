package figtrace.figures;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NumberParserTest {

    @Test
    void readsTheWaysTheseDocumentsWriteNumbers() {
        assertEquals(new BigDecimal("1234.5"), NumberParser.parse("1,234.5").orElseThrow());
        assertEquals(0, new BigDecimal("35000000").compareTo(NumberParser.parse("三千五百万").orElseThrow()));
        assertEquals(0, new BigDecimal("34000").compareTo(NumberParser.parse("3万4000").orElseThrow()));
        assertEquals(0, new BigDecimal("1200000000000").compareTo(NumberParser.parse("1.2万亿").orElseThrow()));
        assertEquals(0, BigDecimal.valueOf(2).compareTo(NumberParser.parse("两").orElseThrow()));
        assertEquals(0, BigDecimal.valueOf(10).compareTo(NumberParser.parse("十").orElseThrow()));
        assertEquals(0, BigDecimal.valueOf(105).compareTo(NumberParser.parse("一百零五").orElseThrow()));
        assertEquals(0, BigDecimal.valueOf(2024).compareTo(NumberParser.parse("二〇二四").orElseThrow()));
        assertEquals(0, new BigDecimal("350000000").compareTo(NumberParser.parse("三亿五千万").orElseThrow()));
        assertTrue(NumberParser.parse("abc").isEmpty());
        assertTrue(NumberParser.parse("1.2.3").isEmpty());
    }

    @Property
    void arabicNumbersParseBackToThemselves(@ForAll @LongRange(min = 0, max = 999_999_999_999L) long whole,
                                            @ForAll @LongRange(min = 0, max = 99) long cents) {
        BigDecimal value = new BigDecimal(whole + "." + String.format("%02d", cents));
        assertEquals(0, value.compareTo(NumberParser.parse(value.toPlainString()).orElseThrow()));
        String grouped = String.format("%,d", whole) + "." + String.format("%02d", cents);
        assertEquals(0, value.compareTo(NumberParser.parse(grouped).orElseThrow()), grouped);
    }

    @Property
    void chineseNumeralsParseBackToTheirValue(@ForAll @LongRange(min = 1, max = 999_999_999_999L) long n) {
        assertEquals(0, BigDecimal.valueOf(n).compareTo(NumberParser.parse(ChineseNumerals.write(n)).orElseThrow()),
                ChineseNumerals.write(n));
    }

    @Property
    void noInputStringThrows(@ForAll("numberish") String s) {
        NumberParser.parse(s); // any result is fine; an exception is not
    }

    @Provide
    Arbitrary<String> numberish() {
        return Arbitraries.strings().withChars("0123456789.,零〇一二两三四五六七八九十百千万亿元%-+ ").ofMaxLength(20);
    }

    /** Writes a number in Chinese numerals the way officials write it (一千零五, 三亿五千万). Test-only. */
    static final class ChineseNumerals {
        private static final String DIGITS = "零一二三四五六七八九";

        static String write(long n) {
            if (n == 0) return "零";
            StringBuilder b = new StringBuilder();
            long yi = n / 100_000_000, wan = n / 10_000 % 10_000, rest = n % 10_000;
            if (yi > 0) b.append(section(yi, false)).append('亿');
            if (wan > 0) b.append(section(wan, yi > 0 && wan < 1000)).append('万');
            else if (yi > 0 && rest > 0) b.append('零');
            if (rest > 0) b.append(section(rest, (yi > 0 || wan > 0) && rest < 1000 && b.charAt(b.length() - 1) != '零'));
            return b.toString();
        }

        private static String section(long n, boolean leadingZero) {
            StringBuilder b = new StringBuilder();
            if (leadingZero) b.append('零');
            long[] units = {1000, 100, 10, 1};
            String names = "千百十";
            boolean zero = false;
            for (int i = 0; i < 4; i++) {
                long d = n / units[i] % 10;
                if (d == 0) {
                    zero = b.length() > 0 && b.charAt(b.length() - 1) != '零';
                    continue;
                }
                if (zero) { b.append('零'); zero = false; }
                b.append(DIGITS.charAt((int) d));
                if (i < 3) b.append(names.charAt(i));
            }
            return b.toString();
        }
    }
}
