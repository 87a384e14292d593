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

    /**
     * The document part, per GB/T 7714 for the document's kind: a paper {@code 作者. 题名[J]. 刊名, 年份.}; a newspaper
     * piece {@code 作者. 题名[N]. 报纸名, 日期.}; an official document (bulletin, budget, reply, report)
     * {@code 发布机关. 题名[R]. 年份.} with its document number when it has one. What is unknown is left out.
     */
    public static String reference(DocumentInfo document) {
        Map<String, String> m = document.metadata();
        String kind = first(m, "doc_kind");
        String authors = authors(first(m, "author", "creator", "authors"));
        String title = first(m, "title");
        if (title == null) title = fileTitle(document.doc());
        String journal = first(m, "journal", "source", "periodical");
        String issuer = first(m, "issuer", "publisher", "organization");
        String date = first(m, "date", "created", "published", "year", "modified");
        String year = year(date);
        String number = first(m, "doc_number");
        String type = typeCode(document, kind, journal);
        String online = "html".equals(document.type()) ? "/OL" : "";
        StringBuilder sb = new StringBuilder();
        String responsible = authors != null ? authors : official(kind) ? issuer : null;
        if (responsible != null) sb.append(responsible).append(". ");
        sb.append(title);
        if (official(kind) && number != null && !title.contains(number)) sb.append('（').append(number).append('）');
        sb.append('[').append(type).append(type.endsWith("/OL") ? "" : online).append("].");
        List<String> tail = new ArrayList<>();
        if (type.startsWith("J") || type.startsWith("N")) {
            if (journal != null) tail.add(journal);
            String when = type.startsWith("N") ? day(date) : year;
            if (when != null) tail.add(when);
        } else {
            if (journal != null) tail.add(journal);
            else if (issuer != null && !issuer.equals(responsible)) tail.add(issuer);
            if (year != null) tail.add(year);
        }
        if (!tail.isEmpty()) sb.append(' ').append(String.join(", ", tail)).append('.');
        return sb.toString();
    }

    /** Kinds published by a government body under its own name: the issuer is the responsible party. */
    private static boolean official(String kind) {
        return kind != null && List.of("bulletin", "budget", "budget_execution", "draft_budget", "final_accounts",
                "reply", "report").contains(kind);
    }

    /** {@code 第3页第12行} for paged documents, {@code 第12行} otherwise. */
    public static String location(Figure figure) {
        return (figure.page() == null ? "" : "第" + figure.page() + "页") + "第" + figure.line() + "行";
    }

    /**
     * GB/T 7714 document type: J a journal article, N a newspaper article, R a report (official documents, rating
     * and research reports), EB a web page that is none of these, Z ("other") when nothing says more. "/OL" marks a
     * resource read online (a downloaded web page).
     */
    private static String typeCode(DocumentInfo document, String kind, String journal) {
        // Papers here come as downloaded files of online journals, as before: J/OL.
        if ("paper".equals(kind) || journal != null && !"news".equals(kind)) return "J/OL";
        if ("news".equals(kind)) return "N";
        if (official(kind) || "rating".equals(kind)) return "R";
        if ("html".equals(document.type())) return "EB/OL";
        return "Z";
    }

    /** A date as GB/T 7714 writes a newspaper's: 2024-04-01, or the year alone when that is all there is. */
    private static String day(String date) {
        if (date == null) return null;
        Matcher m = Pattern.compile("(?<!\\d)((?:1[89]|20)\\d\\d)-(\\d\\d)-(\\d\\d)").matcher(date);
        return m.find() ? m.group() : year(date);
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
