package figtrace.panel;

import java.math.BigDecimal;
import java.util.List;

/**
 * One cell of the dataset: the value of an indicator for a region and period, the source it was taken from and the ids
 * of every figure that states it.
 *
 * @param regionCode the region's 6-digit administrative code, or "" when the region has none (全国, 东盟 …)
 * @param chosen     the source whose value the row carries (see {@link PanelStage} for the choice rule)
 * @param figureIds  all figures behind the row, the chosen one first
 */
public record PanelRow(PanelKey key, String indicator, String regionCode, BigDecimal value, String unit,
                       PanelStatus status, int nSources, PanelSource chosen, List<String> figureIds) {
    public PanelRow {
        figureIds = List.copyOf(figureIds);
    }
}
