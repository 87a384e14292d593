package figtrace.panel;

/** How the sources of one panel row relate. */
public enum PanelStatus {
    /** One source only. */
    SINGLE,
    /** Several sources, all with the same value. */
    AGREE,
    /** Several sources whose values differ by no more than their printed rounding (115.52亿 and 115.5亿). */
    ROUNDING_AGREE,
    /** Sources that disagree beyond rounding; the chosen value follows the choice rule, and a check says why. */
    CONFLICT,
    /** A reviewer accepted or corrected the chosen source. */
    REVIEWED;

    public String code() { return name().toLowerCase(java.util.Locale.ROOT); }
}
