package figtrace.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** eval, like score.py, takes a region's official and short names for the same place. */
class RegionKeyTest {
    @Test
    void officialAndShortNamesOfAPlaceAreEqual() {
        assertTrue(Rules.sameRegion("昌吉州", "昌吉回族自治州"));
        assertTrue(Rules.sameRegion("新疆", "新疆维吾尔自治区"));
        assertTrue(Rules.sameRegion("甘肃省", "甘肃"));
        assertTrue(Rules.sameRegion("黔东南州", "黔东南苗族侗族自治州"));
        assertFalse(Rules.sameRegion("河南", "新疆"));
        assertFalse(Rules.sameRegion("鹤壁市", "河南"));
    }
}
