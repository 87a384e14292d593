package figtrace.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A class that holds one connection to a run database from {@link SqliteStore#connect} ({@link SqliteStore} and the
 * review-side stores through {@link ReviewConnection}): closing it, rolling back after a failure, and closing a
 * connection whose opening failed, in one place. Each subclass says which exception a failure to close becomes.
 */
abstract class SqliteConnection implements AutoCloseable {
    protected final Path file;
    protected final Connection connection;

    SqliteConnection(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** What a failure to close {@link #file} is reported as. */
    protected abstract RuntimeException closeFailure(SQLException e);

    /** Rolls back after a failure; the original failure is what the caller reports. */
    protected final void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the caller reports
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw closeFailure(e);
        }
    }

    /** Closes a connection while opening fails; the opening failure is what the user needs. */
    static void closeQuietly(Connection connection) {
        if (connection == null) return;
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already failing; the original error is what the user needs
        }
    }
}
