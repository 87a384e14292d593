package figtrace.store;

import figtrace.review.ReviewException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connection that each store on the review side holds ({@link SqliteReviewStore}, {@link SqliteFigureTable},
 * {@link SqliteTableCells}): its failures are {@link ReviewException}s naming the file.
 */
abstract class ReviewConnection extends SqliteConnection {
    ReviewConnection(Path file, Connection connection) {
        super(file, connection);
    }

    @Override
    protected RuntimeException closeFailure(SQLException e) {
        return new ReviewException("cannot close " + file + ": " + e.getMessage(), e);
    }
}
