package figtrace.cite;

import figtrace.model.Figure;
import figtrace.review.DocumentInfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a writer pastes to cite a figure: the document in GB/T 7714 style from the metadata it has, then where in it
 * and the quote, e.g. {@code 顾华详. 数字经济赋能中国（新疆）自贸试验区发展新质生产力研究[J/OL]. 新疆社会科学, 2024.
 * 第3页第12行：“…”}. Missing metadata is left out rather than guessed; without a title the file name stands in.
 */
public final class Citations {

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[89]\\d\\d|20\\d\\d)"); // no lookahead: PDF dates read D:20230102
    private static final Pattern AUTHOR_SEPARATORS = Pattern.compile("\\s*[;；,，、]\\s*");
    /** A line break between two CJK characters is a wrap, not a space (PDF lines, table rows). */
    private static final Pattern CJK_WRAP = Pattern.compile("(?<=[\\p{IsHan}，。、；：？！”“（）])\\s*\\n\\s*(?=[\\p{IsHan}，。、；：？！”“（）])");

    private Citations() {}

    /** The citation of {@code figure} in {@code document}. */
    public static String cite(DocumentInfo document, Figure figure) {
        return reference(document) + " " + location(figure) + "：“" + quote(figure.quote()) + "”";
    }

    /** The document part: {@code 作者. 题名[类型]. 刊名或发布者, 年份.} with whatever of it is known. */
    public static String reference(DocumentInfo document) {
        Map<String, String> m = document.metadata();
        StringBuilder sb = new StringBuilder();
        String authors = authors(first(m, "author", "creator", "authors"));
        String title = first(m, "title");
        if (title == null) title = fileTitle(document.doc());
        String journal = first(m, "journal", "source", "periodical");
        String publisher = first(m, "issuer", "publisher", "organization");
        String year = year(first(m, "date", "created", "published", "year", "modified"));
        if (authors != null) sb.append(authors).append(". ");
        sb.append(title).append('[').append(typeCode(document, journal)).append("].");
        List<String> tail = new ArrayList<>();
        if (journal != null) tail.add(journal);
        else if (publisher != null && !publisher.equals(authors)) tail.add(publisher);
        if (year != null) tail.add(year);
        if (!tail.isEmpty()) sb.append(' ').append(String.join(", ", tail)).append('.');
        return sb.toString();
    }

    /** {@code 第3页第12行} for paged documents, {@code 第12行} otherwise. */
    public static String location(Figure figure) {
        return (figure.page() == null ? "" : "第" + figure.page() + "页") + "第" + figure.line() + "行";
    }

    /**
     * GB/T 7714 document type: J for a journal article; EB for a web page; Z ("other") when nothing says more.
     * "/OL" marks an electronic resource read online: journal papers here come as downloaded files, web pages
     * always are.
     */
    private static String typeCode(DocumentInfo document, String journal) {
        if (journal != null) return "J/OL";
        if ("html".equals(document.type())) return "EB/OL";
        return "Z";
    }

    /** GB/T 7714 lists up to three authors, then "等". */
    private static String authors(String raw) {
        if (raw == null) return null;
        List<String> names = Arrays.stream(AUTHOR_SEPARATORS.split(raw.strip())).filter(s -> !s.isBlank()).toList();
        if (names.isEmpty()) return null;
        if (names.size() > 3) return String.join(", ", names.subList(0, 3)) + ", 等";
        return String.join(", ", names);
    }

    private static String year(String date) {
        if (date == null) return null;
        Matcher m = YEAR.matcher(date);
        return m.find() ? m.group(1) : null;
    }

    private static String fileTitle(String doc) {
        String name = doc.substring(doc.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String quote(String quote) {
        if (quote == null) return "";
        String joined = CJK_WRAP.matcher(quote).replaceAll("");
        return joined.replaceAll("\\s+", " ").strip();
    }

    private static String first(Map<String, String> metadata, String... keys) {
        for (String key : keys) {
            String value = metadata.get(key);
            if (value != null && !value.isBlank()) return value.strip();
        }
        return null;
    }
}
