package figtrace.model;

/**
 * One problem found in a document: a stable machine code ({@code wrong_extension}, {@code truncated_pdf}, …) and a
 * message a user can act on (what is wrong, what to do).
 */
public record DocIssue(String code, String message) {
    @Override public String toString() { return code + ": " + message; }
}
