package figtrace.store;

import figtrace.model.FigureKind;
import figtrace.model.Qualifier;
import figtrace.model.Change;
import figtrace.model.DocIssue;
import figtrace.model.DocStatus;
import figtrace.model.DocumentResult;
import figtrace.model.Figure;
import figtrace.model.ParsedDocument;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rows of {@code documents}, {@code document_text} and {@code figures}: written from a {@link DocumentResult}
 * inside {@link SqliteStore#save}'s transaction and read back as records, as {@link EntityTables} and
 * {@link TableTables} do for theirs. The review queries read figure rows with {@link #readFigure} too.
 */
final class DocumentTables {
    private DocumentTables() {}

    private static final String INSERT_FIGURE = "INSERT INTO figures (" + String.join(", ", FigureColumns.names())
            + ", value_num, seq) VALUES (" + "?, ".repeat(FigureColumns.ALL.size()) + "?, ?)";

    static void insertDocument(Connection connection, DocumentResult result, Store.Provenance provenance, Clock clock)
            throws SQLException {
        ParsedDocument parsed = result.parsed();
        try (PreparedStatement st = connection.prepareStatement("INSERT INTO documents (doc, sha256, type, pages,"
                + " status, issues, figure_count, metadata, extracted_at, size, mtime_ns, rules_fingerprint,"
                + " extractor_version, issues_json, " + String.join(", ", DocumentMetadataColumns.ALL)
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?" + ", ?".repeat(DocumentMetadataColumns.ALL.size())
                + ")")) {
            st.setString(1, result.source().name());
            st.setString(2, result.source().sha256());
            st.setString(3, result.source().type().code());
            setNullable(st, 4, parsed.pages());
            st.setString(5, parsed.status().code());
            st.setString(6, issuesText(parsed.issues()));
            st.setInt(7, result.figures().size());
            st.setString(8, metadataJson(parsed));
            st.setString(9, clock.instant().toString());
            st.setLong(10, result.source().size());
            setNullable(st, 11, provenance.mtimeNanos());
            setNullable(st, 12, provenance.rulesFingerprint());
            setNullable(st, 13, provenance.extractorVersion());
            st.setString(14, SmallJson.issues(parsed.issues()));
            int i = 15;
            for (String key : DocumentMetadataColumns.ALL) {
                setNullable(st, i++, DocumentMetadataColumns.value(parsed.metadata(), key));
            }
            st.executeUpdate();
        }
    }

    static void insertText(Connection connection, DocumentResult result) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("INSERT INTO document_text (doc, text) VALUES (?, ?)")) {
            st.setString(1, result.source().name());
            st.setString(2, result.parsed().text().text());
            st.executeUpdate();
        }
    }

    static void insertFigures(Connection connection, List<Figure> figures) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(INSERT_FIGURE)) {
            int seq = 0;
            for (Figure figure : figures) {
                int i = 1;
                for (FigureColumns.Column column : FigureColumns.ALL) {
                    setNullable(st, i++, column.getter().apply(figure));
                }
                setNullable(st, i++, figure.value() == null ? null : figure.value().doubleValue());
                st.setInt(i, seq++);
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    static void setNullable(PreparedStatement st, int index, Object value) throws SQLException {
        if (value == null) st.setNull(index, Types.NULL);
        else if (value instanceof BigDecimal d) st.setString(index, d.toPlainString());
        else if (value instanceof Boolean b) st.setInt(index, b ? 1 : 0);
        else if (value instanceof Integer n) st.setInt(index, n);
        else if (value instanceof Long n) st.setLong(index, n);
        else if (value instanceof Double d) st.setDouble(index, d);
        else st.setString(index, value.toString());
    }

    /** Issues as one readable cell: "code: message" joined by " | ". */
    static String issuesText(List<DocIssue> issues) {
        return issues.stream().map(DocIssue::toString).collect(Collectors.joining(" | "));
    }

    private static String metadataJson(ParsedDocument parsed) {
        return SmallJson.strings(parsed.metadata()); // sorted: same content, same text
    }

    static DocumentRow readDocument(ResultSet rs) throws SQLException {
        String issuesJson = rs.getString("issues_json");
        List<DocIssue> issues = new ArrayList<>();
        try {
            if (issuesJson != null) {
                issues.addAll(SmallJson.readIssues(issuesJson));
            } else if (!rs.getString("issues").isEmpty()) {
                for (String i : rs.getString("issues").split(" \\| ")) {
                    int colon = i.indexOf(": ");
                    issues.add(colon < 0 ? new DocIssue("issue", i) : new DocIssue(i.substring(0, colon), i.substring(colon + 2)));
                }
            }
            Map<String, String> metadata = SmallJson.readStrings(rs.getString("metadata"));
            return new DocumentRow(rs.getString("doc"), rs.getString("sha256"), nullableLong(rs, "size"),
                    nullableLong(rs, "mtime_ns"), rs.getString("type"), nullableInt(rs, "pages"),
                    DocStatus.fromCode(rs.getString("status")), issues, rs.getInt("figure_count"), metadata,
                    rs.getString("rules_fingerprint"), rs.getString("extractor_version"), rs.getInt("retired") == 1,
                    rs.getString("retired_at"));
        } catch (java.io.IOException e) {
            throw new SQLException("document " + rs.getString("doc") + " has unreadable metadata or issues: " + e.getMessage(), e);
        }
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** A figure from a row holding the figures table's columns by name (the review queries read rows with it too). */
    static Figure readFigure(ResultSet rs) throws SQLException {
        String value = rs.getString("value");
        return new Figure(rs.getString("id"), rs.getString("doc"), nullableInt(rs, "page"),
                rs.getInt("line"), rs.getInt("char_start"), rs.getInt("char_end"), rs.getString("quote"),
                rs.getInt("span_start"), rs.getInt("span_end"), rs.getString("raw"),
                value == null ? null : new BigDecimal(value), rs.getString("unit"), rs.getString("measure_word"),
                FigureKind.of(rs.getString("kind")), Qualifier.of(rs.getString("qualifier")), rs.getString("time"),
                rs.getString("region"), rs.getString("subject"), rs.getString("indicator"), rs.getString("indicator_id"),
                Change.of(rs.getString("change")),
                rs.getInt("target") == 1,
                rs.getString("rule"), rs.getString("note"), rs.getString("source"),
                rs.getString("ocr_confidence") == null ? null : new BigDecimal(rs.getString("ocr_confidence")),
                rs.getString("ocr_box"));
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
