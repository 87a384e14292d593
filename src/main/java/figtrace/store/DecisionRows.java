package figtrace.store;

import figtrace.review.Action;
import figtrace.review.Decision;
import figtrace.review.FigureKey;
import figtrace.review.Reattachment.Anchor;
import figtrace.review.ReviewException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rows of table {@code decisions} and what a decision is anchored to (the figure's offsets and quote, the
 * document's text and sha256), read and written on the connection of a {@link SqliteReviewStore}, inside its
 * transactions: {@link SqliteReviewStore} and {@link SqliteTableDecisions} both write decisions through it.
 */
final class DecisionRows {
    static final String COLUMNS = "id, figure_id, doc, doc_sha256, char_start, span_start, span_end, quote, raw,"
            + " action, field, new_value, note, created_at, orphaned, batch, undone";

    final Path file;
    final Connection connection;
    final Clock clock;

    DecisionRows(Path file, Connection connection, Clock clock) {
        this.file = file;
        this.connection = connection;
        this.clock = clock;
    }

    long insert(FigureKey key, Action action, String field, String newValue, String note, String batch)
            throws SQLException {
        Anchor figure = anchor(key).orElseThrow(() -> new ReviewException("no figure " + key.id()
                + " in document " + key.doc() + " of " + file + ": reload the page (the document may have been"
                + " re-extracted)"));
        String sha = documentSha(key.doc());
        try (PreparedStatement st = connection.prepareStatement("INSERT INTO decisions (figure_id, doc,"
                + " doc_sha256, char_start, span_start, span_end, quote, raw, action, field, new_value, note,"
                + " created_at, batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            st.setString(1, key.id());
            st.setString(2, key.doc());
            st.setString(3, sha);
            st.setInt(4, figure.charStart());
            st.setInt(5, figure.spanStart());
            st.setInt(6, figure.spanEnd());
            st.setString(7, figure.quote());
            st.setString(8, figure.raw());
            st.setString(9, action.code());
            st.setString(10, field);
            st.setString(11, newValue);
            st.setString(12, note == null || note.isBlank() ? null : note);
            st.setString(13, clock.instant().toString());
            st.setString(14, batch);
            st.executeUpdate();
            try (ResultSet rs = st.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    Optional<Anchor> anchor(FigureKey key) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT id, char_start, span_start, span_end, quote, raw"
                + " FROM figures WHERE doc = ? AND id = ?")) {
            st.setString(1, key.doc());
            st.setString(2, key.id());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(anchor(rs)) : Optional.empty();
            }
        }
    }

    List<Anchor> anchors(String doc) {
        try (PreparedStatement st = connection.prepareStatement("SELECT id, char_start, span_start, span_end, quote,"
                + " raw FROM figures WHERE doc = ? ORDER BY span_start, id")) {
            st.setString(1, doc);
            List<Anchor> list = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) list.add(anchor(rs));
            }
            return list;
        } catch (SQLException e) {
            throw new ReviewException("cannot read the figures of " + doc + " from " + file + ": " + e.getMessage(), e);
        }
    }

    private static Anchor anchor(ResultSet rs) throws SQLException {
        return new Anchor(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getString(5), rs.getString(6));
    }

    String text(String doc) {
        try (PreparedStatement st = connection.prepareStatement("SELECT text FROM document_text WHERE doc = ?")) {
            st.setString(1, doc);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        } catch (SQLException e) {
            throw new ReviewException("cannot read the text of " + doc + " from " + file + ": " + e.getMessage(), e);
        }
    }

    String documentSha(String doc) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT sha256 FROM documents WHERE doc = ?")) {
            st.setString(1, doc);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    Decision byId(long id) {
        return select("SELECT " + COLUMNS + " FROM decisions WHERE id = ?", List.of(id)).get(0);
    }

    List<Decision> select(String sql, List<Object> parameters) {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) st.setObject(i + 1, parameters.get(i));
            List<Decision> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Decision(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getString(9),
                            Action.fromCode(rs.getString(10)), rs.getString(11), rs.getString(12), rs.getString(13),
                            rs.getString(14), rs.getInt(15) == 1, rs.getString(16), rs.getInt(17) == 1));
                }
            }
            connection.commit(); // ends the read transaction so WAL checkpoints are not held back
            return rows;
        } catch (SQLException e) {
            throw new ReviewException("cannot read decisions from " + file + ": " + e.getMessage(), e);
        }
    }
}
