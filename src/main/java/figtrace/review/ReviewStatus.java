package figtrace.review;

/** A figure's review status as computed from its decisions (see {@link FigureReview}). */
public enum ReviewStatus {
    UNREVIEWED, ACCEPTED, REJECTED, CORRECTED;

    public String code() { return name().toLowerCase(); }

    public static ReviewStatus fromCode(String code) {
        for (ReviewStatus s : values()) if (s.code().equals(code)) return s;
        throw new ReviewException("unknown review status '" + code
                + "': use unreviewed, accepted, rejected or corrected");
    }
}
