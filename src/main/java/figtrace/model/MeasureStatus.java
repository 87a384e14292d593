package figtrace.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** How far a policy measure has come: done, ongoing, planned or recommended. */
public enum MeasureStatus implements Coded {
    DONE("done"),
    ONGOING("ongoing"),
    PLANNED("planned"),
    RECOMMENDED("recommended");

    private final String code;

    MeasureStatus(String code) { this.code = code; }

    @JsonValue
    @Override
    public String code() { return code; }

    @Override
    public String toString() { return code; }

    /** The value with this code; null for null. @throws IllegalArgumentException for an unknown code */
    public static MeasureStatus of(String code) { return Coded.parse(MeasureStatus.class, code); }
}
