package figtrace.panel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Indicators whose panel rows depend on each other: an indicator with its growth rate, and a total with its parts
 * ({@link PanelRules#parts()}: gdp with primary, secondary and tertiary industry). Nothing else in {@link PanelStage}
 * crosses indicators (units, parts of a sentence, rows, checks all compare one indicator), so the panel of a corpus is
 * the union of the panels of its families, and a changed document changes only the families its figures are in.
 */
public final class PanelFamilies {

    private final Map<String, String> parent = new HashMap<>();

    public PanelFamilies(PanelRules rules) {
        for (PanelRules.Parts p : rules.parts()) {
            for (String part : p.parts()) union(base(p.total()), base(part));
        }
    }

    /** The family of an indicator id (a figure's, or a row's with its growth suffix): a name shared by its members. */
    public String of(String indicatorId) {
        String x = base(indicatorId);
        while (parent.containsKey(x)) x = parent.get(x);
        return x;
    }

    /**
     * Every indicator id a figure of {@code family} can have: its members and their growth ids (a catalogue id may
     * itself end in the growth suffix; it shares the row of its base's growth rate, so it is in the same family).
     */
    public List<String> members(String family) {
        Set<String> ids = new TreeSet<>();
        for (String base : bases(family)) {
            ids.add(base);
            ids.add(base + PanelStage.GROWTH_SUFFIX);
        }
        return List.copyOf(ids);
    }

    /** Every row indicator id the panel can hold for {@code family} (a member, with or without a growth suffix). */
    public List<String> rowIds(String family) {
        Set<String> ids = new TreeSet<>();
        for (String m : members(family)) {
            ids.add(m);
            ids.add(m + PanelStage.GROWTH_SUFFIX);
        }
        return List.copyOf(ids);
    }

    private Set<String> bases(String family) {
        Set<String> bases = new TreeSet<>();
        bases.add(family);
        for (String x : parent.keySet()) if (of(x).equals(family)) bases.add(x);
        return bases;
    }

    private void union(String a, String b) {
        String ra = of(a), rb = of(b);
        if (ra.equals(rb)) return;
        // the smaller name represents the family, so a family's name does not depend on the rules' order
        if (ra.compareTo(rb) < 0) parent.put(rb, ra); else parent.put(ra, rb);
    }

    private static String base(String id) {
        return id.endsWith(PanelStage.GROWTH_SUFFIX) ? id.substring(0, id.length() - PanelStage.GROWTH_SUFFIX.length()) : id;
    }
}
