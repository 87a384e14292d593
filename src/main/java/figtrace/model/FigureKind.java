package figtrace.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a figure counts: its kind, from its unit (patterns/units.tsv) or its rule (figures.rules). */
public enum FigureKind implements Coded {
    MONEY("money"),
    COUNT("count"),
    PERCENT("percent"),
    PP("pp"),
    PHYSICAL("physical"),
    RANK("rank"),
    MULTIPLE("multiple"),
    RATIO("ratio");

    private final String code;

    FigureKind(String code) { this.code = code; }

    @JsonValue
    @Override
    public String code() { return code; }

    @Override
    public String toString() { return code; }

    /** The value with this code; null for null. @throws IllegalArgumentException for an unknown code */
    public static FigureKind of(String code) { return Coded.parse(FigureKind.class, code); }
}
