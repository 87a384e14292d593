package figtrace.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a figure says of a change, where it is not a level: growth rates, increases and decreases, shares, differences. */
public enum Change implements Coded {
    GROWTH("growth"),
    YOY_GROWTH("yoy_growth"),
    INCREASE("increase"),
    DECREASE("decrease"),
    SHARE("share"),
    DIFF("diff");

    private final String code;

    Change(String code) { this.code = code; }

    @JsonValue
    @Override
    public String code() { return code; }

    @Override
    public String toString() { return code; }

    /** The value with this code; null for null. @throws IllegalArgumentException for an unknown code */
    public static Change of(String code) { return Coded.parse(Change.class, code); }
}
