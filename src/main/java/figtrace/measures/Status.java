package figtrace.measures;

/** Status of a measure from cue words in its clause, else the section it stands in, else ongoing. */
final class Status {
    private Status() {}

    /**
     * @param hasFigures a clause reporting counts or amounts (认定…532家) outside a planning section reports a result,
     *                   so it is done
     */
    static String of(MeasureCues cues, String clause, String sectionStatus, boolean hasFigures) {
        String found = null;
        int at = Integer.MAX_VALUE;
        for (var e : cues.statusCues.entrySet()) {
            int i = clause.indexOf(e.getKey());
            if (i >= 0 && i < at) { at = i; found = e.getValue(); }
        }
        if (found != null) return found;
        if (sectionStatus != null) return sectionStatus;
        return hasFigures ? "done" : "ongoing";
    }
}
