package figtrace.panel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reconciliation checks across rows of the panel: a level minus its stated increase against the previous
 * period's row, a level and the previous one against the stated growth rate, and parts against their total
 * ({@link PanelRules#parts()}). Rows whose own choice was ambiguous are not checked against.
 */
final class PanelChecks {
    private static final Set<String> INCREASE = Set.of("increase", "decrease");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final String GROWTH_SUFFIX = PanelStage.GROWTH_SUFFIX;

    private final PanelRules rules;

    PanelChecks(PanelRules rules) {
        this.rules = rules;
    }

    /**
     * A level and its stated increase in one sentence imply the previous period's level (138.53亿元, up 23.01亿元 →
     * 115.52亿元 a year before); each source of that previous level is compared with it.
     */
    void levelMinusIncrease(List<PanelSource> sources, Map<PanelKey, PanelRow> rowByKey, List<Check> checks,
                                    List<CheckOrder> orders) {
        // Undated levels by what they measure and where, looked up for each implied level instead of scanned.
        Map<List<String>, List<PanelSource>> undatedByWhat = new java.util.HashMap<>();
        for (PanelSource s : sources) {
            if (s.period().isEmpty() && (s.change() == null || s.change().isEmpty())) {
                undatedByWhat.computeIfAbsent(List.of(s.indicatorId(), s.region(), s.scope(), s.unit()),
                        k -> new ArrayList<>()).add(s);
            }
        }
        for (Map.Entry<String, List<PanelSource>> e : PanelStage.bySentence(sources).entrySet()) {
            List<PanelSource> sentence = e.getValue();
            for (PanelSource increase : sentence) {
                if (increase.change() == null || !INCREASE.contains(increase.change())) continue;
                CheckOrder order = CheckOrder.ofSource(CheckOrder.INCREASE, e.getKey(), increase);
                PanelSource level = sentence.stream()
                        .filter(s -> (s.change() == null || s.change().isEmpty())
                                && s.indicatorId().equals(increase.indicatorId()) && s.region().equals(increase.region())
                                && s.period().equals(increase.period()) && s.unit().equals(increase.unit()))
                        .findFirst().orElse(null);
                String previous = Periods.previous(increase.period());
                if (level == null || previous == null || !againstLastYear(increase)) continue;
                BigDecimal delta = increase.change().equals("decrease") ? increase.value().negate() : increase.value();
                BigDecimal implied = level.value().subtract(delta);
                BigDecimal implication = level.precision().add(increase.precision());
                PanelKey key = new PanelKey(level.indicatorId(), level.region(), previous, level.scope());
                // An undated figure of the same indicator and region that matches the implied level within rounding
                // is most likely that level (a reply's 全社会R&D经费达到115.5亿元 without a year); only agreement is
                // reported for them, since an undated figure may be about any year.
                for (PanelSource undated : undatedByWhat.getOrDefault(
                        List.of(level.indicatorId(), level.region(), level.scope(), level.unit()), List.of())) {
                    BigDecimal diff = implied.subtract(undated.value()).abs();
                    if (diff.compareTo(implication.add(undated.precision())) > 0) continue;
                    orders.add(order);
                    checks.add(new Check("level_minus_increase", key, diff.signum() == 0 ? PanelStatus.AGREE
                            : PanelStatus.ROUNDING_AGREE, implied, undated.value(), level, undated,
                            level.raw() + " minus its increase " + increase.raw() + " gives " + implied.toPlainString()
                                    + " for " + previous + "; the undated " + undated.raw() + " of " + undated.doc()
                                    + " matches it" + (diff.signum() == 0 ? "" : " after rounding")));
                }
                // Compared with the value the panel holds for the previous period, not with each of its sources:
                // the row's own choice already settled which of them is that period's value.
                PanelRow row = rowByKey.get(key);
                if (row != null && row.unit().equals(level.unit()) && settled(row)) {
                    PanelSource stated = row.chosen();
                    BigDecimal diff = implied.subtract(stated.value()).abs();
                    PanelStatus status = diff.signum() == 0 ? PanelStatus.AGREE
                            : diff.compareTo(implication.add(stated.precision())) <= 0 ? PanelStatus.ROUNDING_AGREE
                            : PanelStatus.CONFLICT;
                    orders.add(order);
                    checks.add(new Check("level_minus_increase", key, status, implied, stated.value(), level, stated,
                            level.raw() + " minus its increase " + increase.raw() + " gives " + implied.toPlainString()
                                    + " for " + previous + "; " + stated.doc() + " states " + stated.raw()));
                }
            }
        }
    }

    /**
     * Whether an increase is stated against the previous year: its clause does not compare with a budget (比预算增加,
     * 超预算), or names the previous year too (比上年, 同比, 同期, 去年); both word lists are in patterns/panel.tsv.
     */
    private boolean againstLastYear(PanelSource increase) {
        String before = PanelSources.compact(increase.quote().substring(0,
                Math.min(Math.max(increase.spanInQuote(), 0), increase.quote().length())));
        int start = Math.max(Math.max(before.lastIndexOf('，'), before.lastIndexOf('；')), before.lastIndexOf('。')) + 1;
        String clause = before.substring(start);
        if (rules.lastYearWords().stream().anyMatch(clause::contains)) return true;
        return rules.budgetBaseWords().stream().noneMatch(clause::contains);
    }

    /** A level, the previous period's level and the stated growth rate must fit together (nominal indicators only). */
    List<Check> levelAndGrowth(Map<PanelKey, PanelRow> rows) {
        List<Check> checks = new ArrayList<>();
        for (PanelRow growth : rows.values()) {
            String id = growth.key().indicatorId();
            if (!id.endsWith(GROWTH_SUFFIX)) continue;
            String base = id.substring(0, id.length() - GROWTH_SUFFIX.length());
            if (rules.realGrowth(base) || rules.realPriceWords().stream().anyMatch(growth.chosen().quote()::contains)) continue;
            PanelKey k = growth.key();
            PanelRow now = rows.get(new PanelKey(base, k.region(), k.period(), k.scope()));
            String previous = Periods.previous(k.period());
            PanelRow before = previous == null ? null : rows.get(new PanelKey(base, k.region(), previous, k.scope()));
            if (now == null || before == null || before.value().signum() <= 0) continue;
            if (!settled(growth) || !settled(now) || !settled(before)) continue;
            // The growth the two levels imply, with the widest and narrowest rates their rounding allows.
            BigDecimal lo = rate(now.value().subtract(now.chosen().precision()),
                    before.value().add(before.chosen().precision()));
            BigDecimal hi = rate(now.value().add(now.chosen().precision()),
                    before.value().subtract(before.chosen().precision()));
            BigDecimal mid = rate(now.value(), before.value());
            BigDecimal stated = growth.value();
            BigDecimal p = growth.chosen().precision();
            PanelStatus status;
            if (mid.subtract(stated).abs().compareTo(p) <= 0) status = PanelStatus.AGREE;
            else if (stated.compareTo(lo.subtract(p)) >= 0 && stated.compareTo(hi.add(p)) <= 0) status = PanelStatus.ROUNDING_AGREE;
            else status = PanelStatus.CONFLICT;
            if (status == PanelStatus.AGREE) continue;
            checks.add(new Check("level_and_growth", k, status, mid, stated, now.chosen(), growth.chosen(),
                    now.chosen().raw() + " against " + before.chosen().raw() + " a period before is a change of "
                            + mid.toPlainString() + "%; the document states " + growth.chosen().raw()));
        }
        return checks;
    }

    /**
     * Whether a row's value is settled enough to check others against: not ambiguous (one document giving several
     * values of equal standing, so the extraction did not tell which is the row's). A check against a guess would
     * report the guess, not the documents.
     */
    private static boolean settled(PanelRow row) {
        return row.status() != PanelStatus.AMBIGUOUS;
    }

    private static BigDecimal rate(BigDecimal now, BigDecimal before) {
        return now.divide(before, MathContext.DECIMAL64).subtract(BigDecimal.ONE).multiply(HUNDRED)
                .setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /** Parts that must add up to their total (the three sectors to GDP), where all of them are in the panel. */
    List<Check> partsSum(Map<PanelKey, PanelRow> rows) {
        List<Check> checks = new ArrayList<>();
        for (PanelRow total : rows.values()) {
            for (PanelRules.Parts rule : rules.parts()) {
                if (!rule.total().equals(total.key().indicatorId()) || !settled(total)) continue;
                PanelKey k = total.key();
                BigDecimal sum = BigDecimal.ZERO;
                BigDecimal tolerance = total.chosen().precision();
                List<String> raws = new ArrayList<>();
                boolean complete = true;
                for (String part : rule.parts()) {
                    PanelRow row = rows.get(new PanelKey(part, k.region(), k.period(), k.scope()));
                    if (row == null || !row.unit().equals(total.unit()) || !settled(row)) { complete = false; break; }
                    sum = sum.add(row.value());
                    tolerance = tolerance.add(row.chosen().precision());
                    raws.add(row.chosen().raw());
                }
                if (!complete) continue;
                BigDecimal diff = sum.subtract(total.value()).abs();
                if (diff.signum() == 0) continue;
                PanelStatus status = diff.compareTo(tolerance) <= 0 ? PanelStatus.ROUNDING_AGREE : PanelStatus.CONFLICT;
                checks.add(new Check("parts_sum", k, status, sum, total.value(), total.chosen(), total.chosen(),
                        String.join(" + ", rule.parts()) + " = " + String.join(" + ", raws) + " = "
                                + sum.toPlainString() + ", but " + rule.total() + " is " + total.chosen().raw()));
            }
        }
        return checks;
    }
}
