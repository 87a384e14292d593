package figtrace.store;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpreadsheetSafetyTest {

    @Test
    void numbersAreNeverChangedEvenNegativeOnesWithSeparatorsOrPercent() {
        for (String n : new String[]{"-2,450", "-2450", "+3.5", "-3.5%", "1,234,567.89", "-0.5", "6.6e11", "12"}) {
            assertEquals(n, SpreadsheetSafety.safe(n), n);
        }
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreDefused() {
        for (String f : new String[]{"=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "=HYPERLINK(\"x\")",
                "\t=1+1", "\r=1+1", "-2,45,0"}) {
            assertEquals("'" + f, SpreadsheetSafety.safe(f), f);
        }
        assertEquals("新疆", SpreadsheetSafety.safe("新疆"));
    }
}
