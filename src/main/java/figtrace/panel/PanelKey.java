package figtrace.panel;

/** What one panel row is about: an indicator, for a region, in a period, at a scope ("" = the whole region). */
public record PanelKey(String indicatorId, String region, String period, String scope) implements Comparable<PanelKey> {
    @Override
    public int compareTo(PanelKey o) {
        int c = indicatorId.compareTo(o.indicatorId);
        if (c == 0) c = region.compareTo(o.region);
        if (c == 0) c = period.compareTo(o.period);
        if (c == 0) c = scope.compareTo(o.scope);
        return c;
    }

    @Override
    public String toString() {
        return indicatorId + " · " + region + " · " + period + (scope.isEmpty() ? "" : " · " + scope);
    }
}
