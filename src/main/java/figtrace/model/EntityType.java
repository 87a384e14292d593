package figtrace.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The type of a named entity: organisation, place, person, document (《…》), programme or industry. */
public enum EntityType implements Coded {
    ORG("ORG"),
    PLACE("PLACE"),
    PERSON("PERSON"),
    DOC("DOC"),
    PROGRAM("PROGRAM"),
    INDUSTRY("INDUSTRY");

    private final String code;

    EntityType(String code) { this.code = code; }

    @JsonValue
    @Override
    public String code() { return code; }

    @Override
    public String toString() { return code; }

    /** The value with this code; null for null. @throws IllegalArgumentException for an unknown code */
    public static EntityType of(String code) { return Coded.parse(EntityType.class, code); }
}
