package figtrace.review;

/** What a reviewer did to a figure. Stored lower-case in the {@code decisions} table. */
public enum Action {
    /** The figure is right as extracted. */
    ACCEPT,
    /** The figure is wrong and should not be used. */
    REJECT,
    /** One field of the figure is wrong; the decision carries the field and its right value. */
    CORRECT,
    /** A remark only; does not change the figure's review status. */
    NOTE,
    /** Back to unreviewed: earlier decisions stay in the store but no longer decide the status or the fields. */
    RESET;

    public String code() { return name().toLowerCase(); }

    /** The action for a stored or submitted code; throws with the accepted codes when the code is unknown. */
    public static Action fromCode(String code) {
        for (Action a : values()) if (a.code().equals(code)) return a;
        throw new ReviewException("unknown review action '" + code + "': use accept, reject, correct, note or reset");
    }
}
