package figtrace.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** How exact a figure is when it is not: about (约), more than (超过), at least (以上), less than (不足), at most (以下). */
public enum Qualifier implements Coded {
    APPROX("approx"),
    GT("gt"),
    GE("ge"),
    LT("lt"),
    LE("le");

    private final String code;

    Qualifier(String code) { this.code = code; }

    @JsonValue
    @Override
    public String code() { return code; }

    @Override
    public String toString() { return code; }

    /** The value with this code; null for null. @throws IllegalArgumentException for an unknown code */
    public static Qualifier of(String code) { return Coded.parse(Qualifier.class, code); }
}
