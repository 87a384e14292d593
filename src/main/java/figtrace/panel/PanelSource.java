package figtrace.panel;

import java.math.BigDecimal;

/**
 * One figure as the panel sees it: its meaning after review (corrections applied), where it came from, and what kind
 * of document said it. Built by {@link PanelSources} from stored figures; the panel itself never reads the store.
 *
 * @param quoteStart   where the quote starts in the document text: figures of one sentence share it
 * @param indicatorId  catalogue id of what is measured (gdp, general_public_budget_revenue …), never blank here
 * @param period       the figure's time (2025, 2025-12-31, 2025-01/2025-10 …), or "" when the text gives none:
 *                     an undated figure is no row, but a check may find the period it is about
 * @param scope        "" for the whole region, or the narrower scope the quote names (本级: the government's own level)
 * @param spanInQuote  where the figure starts inside its quote
 * @param precision    half the value's last printed digit in base units (115.5亿元 → 0.05亿元): what rounding can hide
 * @param docKind      the document's kind (final_accounts, budget, bulletin, rating, paper, news …)
 * @param inTable      true for a table cell, false for running text
 * @param seq          the figure's order in its document, to keep choices deterministic
 * @param reviewed     true when a reviewer accepted or corrected it
 */
public record PanelSource(String figureId, String doc, Integer page, int line, int quoteStart, String quote, String raw,
                          String indicatorId, String indicator, String region, String period, String scope,
                          int spanInQuote, String change, BigDecimal value, String unit, BigDecimal precision, String docKind,
                          boolean inTable, int seq, boolean reviewed) {}
