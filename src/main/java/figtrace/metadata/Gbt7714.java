package figtrace.metadata;

import figtrace.model.DocumentMetadata;

import java.util.List;

/**
 * A GB/T 7714 reference built from the metadata, for citing the document a figure came from:
 * {@code 顾华详. 数字经济赋能…研究[J]. 新疆社会科学, 2024.} or {@code 和田地区统计局. 2025年和田地区…统计公报[Z]. 2026-03-27.}
 * Type codes: J for a paper in a journal, N for a newspaper, Z for other documents (bulletins, budgets, replies).
 */
public final class Gbt7714 {

    /** GB/T 7714 lists three authors, then 等. */
    static final int MAX_AUTHORS = 3;

    private Gbt7714() {}

    /** The reference, or null without a title (nothing to cite). */
    public static String cite(DocumentMetadata m) {
        if (m == null || m.title() == null) return null;
        String type = type(m);
        StringBuilder s = new StringBuilder();
        String who = authors(m.authors());
        boolean issuerAsAuthor = who == null && m.issuer() != null;
        if (issuerAsAuthor) who = m.issuer();
        if (who != null) s.append(who).append(". ");
        s.append(m.title()).append('[').append(type).append("]. ");
        String where = switch (type) {
            case "J", "N" -> m.journal();
            default -> issuerAsAuthor ? null : m.issuer();
        };
        // a journal is cited with its year, a newspaper and an official document with the full date
        String when = "J".equals(type) && m.date() != null ? m.date().substring(0, 4) : m.date();
        if (where != null && when != null) s.append(where).append(", ").append(when).append('.');
        else if (where != null) s.append(where).append('.');
        else if (when != null) s.append(when).append('.');
        return s.toString().strip();
    }

    private static String type(DocumentMetadata m) {
        // 新疆日报 is a newspaper even when it carries a government work report
        if (m.docKind() == figtrace.model.DocKind.NEWS || m.journal() != null && m.journal().endsWith("报")) return "N";
        return m.journal() != null ? "J" : "Z";
    }

    private static String authors(List<String> names) {
        if (names.isEmpty()) return null;
        if (names.size() <= MAX_AUTHORS) return String.join(", ", names);
        return String.join(", ", names.subList(0, MAX_AUTHORS)) + ", 等";
    }
}
