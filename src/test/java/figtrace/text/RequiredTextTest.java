package figtrace.text;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class RequiredTextTest {

    private static List<String> lits(String re) { return RequiredText.of(Pattern.compile(re)).literals(); }

    @Test
    void literalsOfRuleShapes() {
        // a figure rule of figures.rules: 翻一番
        assertEquals(List.of("翻"), lits("(?P<fig>翻(?P<num>一|两|二|三)番)")); // (翻 or 番: the first of equals)
        assertEquals(List.of("."), lits("\\d+\\.\\d+"));
        assertEquals(List.of("百分点", "个千分点"), lits("(?P<num>[0-9]+)(?P<unit>个百分点|百分点|个千分点)"));
        // targets.tsv not_regex: every alternative holds 争取
        assertEquals(List.of("争取"), lits("(?:累计|共计|共|已|成功)争取|争取到|争取[^，。；]{0,30}[，,]获"));
        assertEquals(List.of("20"), lits("(?:^|[^截])(?:到|至)20[0-9]{2}年"));
        // 万元 holds 元: one is enough
        assertEquals(List.of("元"), lits("[0-9]+(?:万元|元|亿元)"));
        assertEquals(List.of("ab"), lits("ab+c?"));
        assertEquals(List.of("xab"), lits("xab{2}"));
    }

    @Test
    void nothingKnownMeansAlwaysMayMatch() {
        for (String re : List.of("[0-9]+", "a|[0-9]", "(?i)abc", "a?", "(?:ab)*", "\\Qab\\E", "a{0,2}", "(a|)b?")) {
            RequiredText r = RequiredText.of(Pattern.compile(re));
            assertTrue(r.mayMatch(""), re);
            assertTrue(r.literals().isEmpty(), re + " " + r.literals());
        }
        assertTrue(RequiredText.of(Pattern.compile("abc", Pattern.CASE_INSENSITIVE)).mayMatch("ABC"));
    }

    @Test
    void neverSaysNoWhereTheExpressionMatches() {
        String[] res = {"(?P<fig>翻(?P<num>一|两|二|三)番)", "第(?P<num>[0-9]+)(?P<unit>位|名)", "a\\.b|c\\+d", "x(?:y|z)+w",
                "[ab]c{1,3}d", "(?:实施|落实)[^，。；]{0,12}计划", "从\\s*20[0-9]{2}\\s*年[^，。；]{0,30}(?:到|至)\\s*20[0-9]{2}\\s*年"};
        String[] texts = {"经济总量翻两番", "位居全国第3位", "a.b", "c+d", "xyzyw", "acccd", "bcd", "实施乡村振兴计划",
                "从2021年到2025年", "从 2021 年至 2025 年", "ab", "翻番", ""};
        for (String re : res) {
            Pattern p = Pattern.compile(re);
            RequiredText r = RequiredText.of(p);
            for (String t : texts) {
                if (p.matcher(t).find()) assertTrue(r.mayMatch(t), re + " on " + t);
            }
        }
    }
}
