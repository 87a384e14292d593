package figtrace.store;

/** A store could not be opened or written. The message says which file or document and what to do. */
public class StoreException extends RuntimeException {
    public StoreException(String message) { super(message); }

    public StoreException(String message, Throwable cause) { super(message, cause); }
}
