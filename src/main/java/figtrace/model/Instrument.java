package figtrace.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The instrument of a policy measure (patterns/measure_cues.tsv), other when no cue names one. */
public enum Instrument implements Coded {
    FUND("fund"),
    LOAN("loan"),
    TAX("tax"),
    PLATFORM("platform"),
    TALENT("talent"),
    PLAN("plan"),
    REGULATION("regulation"),
    FINANCE("finance"),
    COOPERATION("cooperation"),
    OTHER("other");

    private final String code;

    Instrument(String code) { this.code = code; }

    @JsonValue
    @Override
    public String code() { return code; }

    @Override
    public String toString() { return code; }

    /** The value with this code; null for null. @throws IllegalArgumentException for an unknown code */
    public static Instrument of(String code) { return Coded.parse(Instrument.class, code); }
}
