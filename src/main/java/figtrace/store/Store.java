package figtrace.store;

import figtrace.model.DocumentResult;

/**
 * The one place where extraction outputs are persisted, so another backend can replace SQLite without touching the
 * pipeline. Implementations save each document atomically: after {@link #save} returns, the store holds exactly that
 * result for the document; if it throws, the store still holds what it held before.
 */
public interface Store extends AutoCloseable {

    /** Replaces everything stored for {@code result}'s document with {@code result}, in one transaction. */
    void save(DocumentResult result);

    @Override
    void close();
}
