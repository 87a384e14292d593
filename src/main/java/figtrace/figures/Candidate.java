package figtrace.figures;

import figtrace.rules.FigureRule;

/**
 * A rule's match in the match view before it is read: the figure's own span [start, end) — from the number to the
 * unit, whatever context the pattern needed around it — and the named groups.
 */
record Candidate(int start, int end, FigureRule rule, String num, String inner, String mult, String unit,
                 int highStart, String high) {
    /** A range (10—20%) is found as one match, then read as its two ends: [start, numEnd) and [highStart, end). */
    boolean isRange() { return high != null; }

    int length() { return end - start; }

    boolean overlaps(Candidate o) { return start < o.end && o.start < end; }
}
