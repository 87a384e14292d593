package figtrace.store;

import figtrace.review.ReviewException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connection to a run database that each store on the review side holds ({@link SqliteReviewStore},
 * {@link SqliteFigureTable}, {@link SqliteTableCells}), from {@link SqliteStore#connect}: opened by the subclass,
 * closed here, failures reported as a {@link ReviewException} naming the file.
 */
abstract class ReviewConnection implements AutoCloseable {
    protected final Path file;
    protected final Connection connection;

    ReviewConnection(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

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
            throw new ReviewException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
