package figtrace.model;

import java.util.Arrays;
import java.util.List;

/**
 * A closed vocabulary whose values are written as lower-case codes (money, yoy_growth, planned, ORG …): the enums of
 * the records' typed fields. The code is what JSON, CSV and the database hold, so outputs read the same as when these
 * fields were strings; {@code toString()} of each such enum returns its code too, so no writer can leak a Java name.
 */
public interface Coded {

    /** The value as written in the outputs and in {@code patterns/}. */
    String code();

    /** The value of {@code type} whose code is {@code code}; null for null. @throws IllegalArgumentException if unknown */
    static <E extends Enum<E> & Coded> E parse(Class<E> type, String code) {
        if (code == null) return null;
        for (E e : type.getEnumConstants()) if (e.code().equals(code)) return e;
        throw new IllegalArgumentException("'" + code + "' is not one of " + String.join(", ", codes(type)));
    }

    /** Whether {@code code} is a code of {@code type}. */
    static <E extends Enum<E> & Coded> boolean isCode(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).anyMatch(e -> e.code().equals(code));
    }

    /** Every code of {@code type}, in declaration order (for messages that list what is allowed). */
    static <E extends Enum<E> & Coded> List<String> codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).toList();
    }

    /** The code of {@code value}, or null: for writers of nullable fields. */
    static String codeOf(Coded value) {
        return value == null ? null : value.code();
    }
}
