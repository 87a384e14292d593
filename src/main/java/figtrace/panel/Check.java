package figtrace.panel;

import java.math.BigDecimal;

/**
 * One reconciliation check that did not simply pass: what was compared, the two sources, and why they differ.
 *
 * @param kind     same_fact, level_minus_increase, level_and_growth, parts_sum
 * @param status   agree, rounding_agree or conflict (agreeing checks are kept too, so a reader sees what was checked)
 * @param expected the value the first source implies (e.g. this year's level minus its stated increase)
 * @param actual   the value the second source states
 * @param first    the source the expectation comes from
 * @param second   the source it is compared with
 * @param reason   in words, for a reviewer
 */
public record Check(String kind, PanelKey key, PanelStatus status, BigDecimal expected, BigDecimal actual,
                    PanelSource first, PanelSource second, String reason) {}
