package figtrace.review;

/** A review decision could not be stored or read. The message says what is wrong and what to do. */
public class ReviewException extends RuntimeException {
    public ReviewException(String message) { super(message); }

    public ReviewException(String message, Throwable cause) { super(message, cause); }
}
