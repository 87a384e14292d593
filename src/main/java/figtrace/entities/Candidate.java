package figtrace.entities;

/**
 * A possible entity before overlaps are resolved. Offsets are into the document text. A lower {@code priority} wins an
 * overlap (book titles beat everything, HanLP person names lose to our own rules); between equal priorities the
 * longer span wins.
 */
record Candidate(int start, int end, String type, String canonical, String rule, int priority, String attributes) {
    int length() { return end - start; }

    boolean overlaps(Candidate o) { return start < o.end && o.start < end; }
}
