package figtrace.figures;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleExamplesTest {
    @Test
    void everyInlineExampleInPatternsPasses() {
        assertEquals(java.util.List.of(), RuleExamples.check(FigureTestSupport.RULES));
        assertTrue(RuleExamples.count(FigureTestSupport.RULES) >= 20, "the rules carry their examples");
    }
}
