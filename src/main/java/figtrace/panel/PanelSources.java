package figtrace.panel;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

/**
 * Makes panel sources from figures as reviewed: the figure's output columns with the reviewer's corrections applied
 * (the map {@code FigureReview.apply} gives). A figure enters the panel only when it is a fact about a known place and
 * period: it has an indicator id and a region (a time too, for a row of its own), is exact (no 约, 超过 …), is not a target, and was not rejected.
 */
public final class PanelSources {

    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,，]*(?:[.．]\\d+)?");
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private final PanelRules rules;

    public PanelSources(PanelRules rules) {
        this.rules = rules;
    }

    /**
     * The source for one figure, or null when it does not belong in the panel.
     *
     * @param columns  the figure's columns (names as in FigureColumns) after review corrections
     * @param docKind  its document's kind (bulletin, budget …), or null
     * @param seq      its order in the document
     * @param reviewed accepted or corrected by a reviewer
     * @param rejected rejected by a reviewer
     */
    public PanelSource of(Map<String, Object> columns, String docKind, int seq, boolean reviewed, boolean rejected) {
        // Databases written before figures carried indicator_id name the indicator only: its name stands in for the id.
        String indicatorId = text(columns.get("indicator_id"));
        if (indicatorId == null) indicatorId = text(columns.get("indicator"));
        String region = text(columns.get("region"));
        String time = text(columns.get("time"));
        Object value = columns.get("value");
        if (rejected || indicatorId == null || region == null || !(value instanceof BigDecimal v)) {
            return null;
        }
        if (Boolean.TRUE.equals(columns.get("target")) || text(columns.get("qualifier")) != null) return null;
        String raw = text(columns.get("raw"));
        String quote = text(columns.get("quote"));
        int quoteStart = number(columns.get("char_start"));
        int spanStart = number(columns.get("span_start"));
        String rule = text(columns.get("rule"));
        return new PanelSource(text(columns.get("id")), text(columns.get("doc")), (Integer) columns.get("page"),
                number(columns.get("line")), quoteStart, quote == null ? "" : quote, raw == null ? v.toPlainString() : raw,
                indicatorId, text(columns.get("indicator")), region, time == null ? "" : time,
                scope(quote, spanStart - quoteStart), spanStart - quoteStart, text(columns.get("change")), v,
                text(columns.get("unit")) == null ? "" : text(columns.get("unit")), precision(raw, v), docKind,
                rule != null && rule.contains("table"), seq, reviewed);
    }

    /**
     * The narrower scope the figure's own clause names (其中市本级… → 本级), or "" for the whole region. Only the clause
     * holding the figure counts: 全市收入X亿元，其中市本级Y亿元 puts Y at 本级 and X at the whole city.
     */
    String scope(String quote, int figureAt) {
        if (quote == null || figureAt <= 0) return "";
        int end = Math.min(figureAt, quote.length());
        int start = 0;
        for (int i = end - 1; i >= 0; i--) {
            char c = quote.charAt(i);
            if (c == '，' || c == '；' || c == '。' || c == ',' || c == ';' || c == '\n') { start = i + 1; break; }
        }
        String clause = quote.substring(start, end);
        for (Map.Entry<String, String> w : rules.scopeWords().entrySet()) {
            if (clause.contains(w.getKey())) return w.getValue();
        }
        return "";
    }

    /**
     * Half the value of the last printed digit, in base units: 115.5亿元 → 5000000 (0.05亿元), 14.48% → 0.005. Two values
     * closer than the larger of their precisions may be the same number rounded differently.
     */
    static BigDecimal precision(String raw, BigDecimal value) {
        if (raw != null) {
            Matcher m = NUMBER.matcher(raw);
            if (m.find()) {
                String digits = m.group().replace(",", "").replace("，", "").replace('．', '.');
                BigDecimal printed = new BigDecimal(digits);
                int decimals = Math.max(printed.scale(), 0);
                BigDecimal lastDigit = BigDecimal.ONE.movePointLeft(decimals);
                if (printed.signum() != 0) {
                    BigDecimal factor = value.abs().divide(printed, MathContext.DECIMAL64);
                    return lastDigit.multiply(factor).multiply(HALF).stripTrailingZeros();
                }
                return lastDigit.multiply(HALF);
            }
        }
        return BigDecimal.ONE.movePointLeft(Math.max(value.scale(), 0)).multiply(HALF);
    }

    private static String text(Object o) {
        if (o == null) return null;
        String s = o.toString();
        return s.isBlank() ? null : s;
    }

    private static int number(Object o) {
        return o instanceof Number n ? n.intValue() : 0;
    }
}
