package figtrace.figures;

import figtrace.rules.Rules;
import figtrace.rules.RulesStage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Equal-length aliases are decided by position, so the answer is the same in every JVM (hash order is not). */
class IndicatorsTest {
    private static Rules rules;

    @BeforeAll
    static void load() throws Exception {
        rules = RulesStage.load(Path.of("patterns"));
    }

    @Test
    void theHeadNounWinsOverItsModifier() {
        assertEquals("城镇化率", Indicators.canonical(rules, "常住人口城镇化率"));
    }

    @Test
    void theWholeWordWinsOverAnOverlappingFragment() {
        assertEquals("进出口总额", Indicators.canonical(rules, "五国进出口额占"));
    }

    @Test
    void theLongestAliasStillWins() {
        assertEquals("进出口总额", Indicators.canonical(rules, "外贸进出口"));
    }
}
