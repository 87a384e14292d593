package figtrace.layout;

import figtrace.ingest.IngestStage;
import figtrace.model.DocIssue;
import figtrace.model.DocStatus;
import figtrace.model.DocumentText;
import figtrace.model.ParsedDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML pages (and the XHTML Tika makes of Word files). Block elements become lines; inline elements are joined without
 * separators, because Word-exported HTML splits one number over several spans ({@code <span>202</span><span>5</span>}).
 * Tables become one line per row with cells separated by '\t'.
 */
final class HtmlReader {
    private HtmlReader() {}

    private static final Set<String> SKIP = Set.of("script", "style", "noscript", "template", "iframe", "object",
            "embed", "select", "option", "button", "input", "textarea", "svg", "canvas", "map", "nav", "header",
            "footer", "aside", "head", "title", "meta", "link");
    private static final Set<String> BLOCK = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "dl", "dt", "dd", "section", "article", "main", "blockquote", "pre", "address", "figure", "figcaption",
            "center", "form", "fieldset", "hr", "body", "table", "tr", "td", "th", "caption", "thead", "tbody", "tfoot");
    /** Site chrome by class or id: navigation, menus, page header and footer, breadcrumbs. */
    private static final Pattern CHROME = Pattern.compile("(?i)nav|menu|footer|header|breadcrumb|crumb");
    /**
     * Table-of-contents paragraphs (Word styles "toc 1", 目录 1, as Tika names them): page numbers glued to headings
     * ("68一、一般公共预算收入决算表"), no content of their own.
     */
    private static final Pattern TOC_STYLE = Pattern.compile("(?i)^(toc|目录)[_ ]?\\d");
    private static final Pattern HIDDEN = Pattern.compile("(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");
    private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_\\-:.]+)");
    /** A cell this long is page layout, not a data table. */
    private static final int LAYOUT_CELL_CHARS = 300;

    static ParsedDocument read(String name, byte[] bytes) {
        List<DocIssue> issues = new ArrayList<>();
        Charset cs = charset(bytes, name, issues);
        String html = new String(bytes, cs);
        if (!html.isEmpty() && html.charAt(0) == '\uFEFF') html = html.substring(1);
        Document doc = Jsoup.parse(html);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("charset", cs.name());
        // Chinese government CMSs put the clean article title, source and date in <meta> (ArticleTitle, PubDate…);
        // <title> carries the site name too.
        String title = firstMeta(doc, "ArticleTitle", "title");
        if (title.isEmpty()) title = doc.title().strip();
        if (!title.isEmpty()) meta.put("title", title);
        // The site that published the page (六安市财政局, 南昌市人民政府): its <meta SiteName>, else the whole <title>,
        // which such sites end with the site name. It says whose page it is when the article only says 全市.
        String site = firstMeta(doc, "SiteName");
        if (site.isEmpty()) site = doc.title().strip();
        if (!site.isEmpty() && !site.equals(title)) meta.put("site", site);
        String author = firstMeta(doc, "author", "ContentSource");
        if (!author.isEmpty()) meta.put("author", author);
        String created = firstMeta(doc, "PubDate", "publishdate", "article:published_time");
        if (!created.isEmpty()) meta.put("created", created);
        List<Row> rows = rows(doc, true);
        DocumentText text = Lines.build(rows);
        if (text.isBlank()) {
            issues.add(new DocIssue("empty_text", name + ": the HTML page has no visible text in its body "
                    + "(only markup, scripts or images); nothing to extract"));
            return new ParsedDocument(text, null, DocStatus.EMPTY_TEXT, issues, meta);
        }
        return new ParsedDocument(text, null, issues.isEmpty() ? DocStatus.OK : DocStatus.OK_WITH_ISSUES, issues, meta);
    }

    /** The content of the first non-blank {@code <meta name=…>} or {@code property=…} among the names, or "". */
    private static String firstMeta(Document doc, String... names) {
        for (String n : names) {
            for (Element m : doc.select("meta")) {
                if (n.equalsIgnoreCase(m.attr("name")) || n.equalsIgnoreCase(m.attr("property"))) {
                    String c = m.attr("content").strip();
                    if (!c.isEmpty()) return c;
                }
            }
        }
        return "";
    }

    /** The lines of a parsed page. {@code pickMain}: drop site chrome and keep the container holding the text. */
    static List<Row> rows(Document doc, boolean pickMain) {
        Element body = doc.body();
        if (body == null) return new ArrayList<>();
        Element root = body;
        if (pickMain) {
            removeChrome(body);
            root = mainContent(body);
        }
        Walker w = new Walker();
        w.walk(root);
        w.flush();
        return w.rows;
    }

    /** Removes site chrome, unless an element so marked holds most of the page (then it is the page). */
    static void removeChrome(Element body) {
        body.select(String.join(",", SKIP)).remove();
        List<Element> drop = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (e != body && HIDDEN.matcher(e.attr("style")).find()) drop.add(e);
        }
        drop.forEach(Element::remove);
        drop.clear();
        Map<Element, int[]> counts = counts(body);
        int total = counts.get(body)[0];
        for (Element e : body.getAllElements()) {
            if (e != body && CHROME.matcher(e.className() + " " + e.id()).find() && counts.get(e)[0] < 0.4 * total) drop.add(e);
        }
        // Removing an element whose ancestor went first is harmless, so no ancestry check is needed.
        drop.forEach(Element::remove);
    }

    /**
     * Visible characters (non-whitespace) under every element, and how many of them sit inside links, in one
     * bottom-up pass: calling {@code text()} per element is quadratic on deeply nested pages.
     */
    static Map<Element, int[]> counts(Element root) {
        Map<Element, int[]> counts = new IdentityHashMap<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) counts.put(e, new int[2]);
            }

            @Override
            public void tail(Node node, int depth) {
                int[] own;
                if (node instanceof TextNode t) {
                    int n = 0;
                    String w = t.getWholeText();
                    for (int i = 0; i < w.length(); i++) if (!isSpace(w.charAt(i)) && w.charAt(i) != '\u3000') n++;
                    own = new int[]{n, 0};
                } else if (node instanceof Element e) {
                    own = counts.get(e);
                    if (e.normalName().equals("a")) own[1] = own[0];
                } else {
                    return;
                }
                if (node != root && node.parent() instanceof Element p && counts.containsKey(p)) {
                    int[] pc = counts.get(p);
                    pc[0] += own[0];
                    pc[1] += own[1];
                }
            }
        }, root);
        return counts;
    }

    /** Containers the article may sit in; text blocks (p, pre, headings, lists, inline runs) are never descended into. */
    private static final Set<String> CONTAINERS = Set.of("div", "section", "article", "main", "form", "center",
            "table", "tbody", "tr", "td", "th", "body");

    /**
     * Descends into the container holding nearly all the text, as long as what it leaves behind is chrome: links
     * (menus, "related articles") or scraps of a few characters. A sibling with real text (a title, a table, a last
     * paragraph) stops the descent, so content is never dropped for being outside the biggest box.
     */
    static Element mainContent(Element body) {
        Map<Element, int[]> counts = counts(body);
        Element cur = body;
        while (true) {
            int len = counts.get(cur)[0];
            if (len == 0) return cur;
            Element best = null;
            int bestLen = -1;
            for (Element c : cur.children()) {
                int l = counts.get(c)[0];
                if (l > bestLen) { best = c; bestLen = l; }
            }
            if (best == null || bestLen < 0.85 * len || !CONTAINERS.contains(best.normalName())
                    || isDataTableOrRow(best) || !leftoversAreChrome(cur, best, counts)) return cur;
            cur = best;
        }
    }

    private static boolean leftoversAreChrome(Element parent, Element kept, Map<Element, int[]> counts) {
        for (Node n : parent.childNodes()) {
            if (n == kept) continue;
            if (n instanceof TextNode t) {
                if (t.text().strip().length() > 10) return false;
            } else if (n instanceof Element e) {
                int[] c = counts.get(e);
                if (c[0] <= 10) continue;
                if (c[1] < 0.5 * c[0]) return false;
            }
        }
        return true;
    }

    private static boolean isDataTableOrRow(Element e) {
        String t = e.normalName();
        return t.equals("tr") || t.equals("td") || t.equals("th") || t.equals("tbody") || (t.equals("table") && isDataTable(e));
    }

    /** A data table holds no nested table and no long cell; otherwise it is page layout and read as blocks. */
    static boolean isDataTable(Element table) {
        // a table nested in a cell is page layout, unless it is a one-cell wrapper an editor left around a value
        // (<td><table><tr><td>11.4</td></tr></table></td>): that is only the cell's content
        for (Element nested : table.select("table")) {
            if (nested != table && nested.select("td, th").size() > 1) return false;
        }
        for (Element cell : table.select("td, th")) {
            if (cell.text().length() > LAYOUT_CELL_CHARS) return false;
        }
        return true;
    }

    /** Walks the DOM collecting block texts; inline text is concatenated as is. */
    static final class Walker {
        final List<Row> rows = new ArrayList<>();
        private final StringBuilder cur = new StringBuilder();
        private int nextTable = 0;

        /** Walks a subtree without recursion (pages nest thousands of spans deep). */
        void walk(Node root) {
            NodeTraversor.filter(new NodeFilter() {
                @Override
                public FilterResult head(Node node, int depth) {
                    if (node instanceof TextNode t) {
                        cur.append(t.getWholeText());
                        return FilterResult.CONTINUE;
                    }
                    if (!(node instanceof Element e)) return FilterResult.CONTINUE;
                    String tag = e.normalName();
                    if (SKIP.contains(tag) || TOC_STYLE.matcher(e.className()).find()) return FilterResult.SKIP_ENTIRELY;
                    if (tag.equals("br")) { flush(); return FilterResult.SKIP_ENTIRELY; }
                    if (tag.equals("pre")) {
                        // Preformatted text keeps its line breaks: each source line is a line.
                        flush();
                        for (String line : e.wholeText().split("\r?\n")) {
                            cur.append(line);
                            flush();
                        }
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (tag.equals("table") && isDataTable(e)) {
                        flush();
                        emitTable(e);
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (BLOCK.contains(tag)) flush();
                    return FilterResult.CONTINUE;
                }

                @Override
                public FilterResult tail(Node node, int depth) {
                    if (node instanceof Element e && BLOCK.contains(e.normalName())) flush();
                    return FilterResult.CONTINUE;
                }
            }, root);
        }

        void flush() {
            // A paragraph holding a table row flattened by its cells' tabs (项目\t播种面积\t比上年增长) keeps them
            // as cell breaks; tabs that only indent the HTML source (next to a line break) are whitespace.
            List<String> cells = flattenedCells(cur);
            // strip() also takes the ideographic spaces (U+3000) Chinese pages indent paragraphs with.
            String s = cells == null ? collapse(cur).strip() : String.join("\t", cells);
            cur.setLength(0);
            if (s.isEmpty()) return;
            Row row = new Row(0, s);
            row.tabular = cells != null;
            rows.add(row);
        }

        /** The cells of a paragraph whose text separates cells by tabs, or null when it is prose. */
        static List<String> flattenedCells(CharSequence raw) {
            String t = raw.toString();
            int tab = t.indexOf('\t');
            if (tab < 0) return null;
            List<String> cells = new ArrayList<>();
            int from = 0;
            for (int i = 0; i <= t.length(); i++) {
                if (i < t.length() && t.charAt(i) != '\t') continue;
                if (i < t.length()) {
                    // a tab in a run of whitespace holding a line break is source indentation
                    int a = i, b = i;
                    while (a > 0 && isSpace(t.charAt(a - 1))) a--;
                    while (b + 1 < t.length() && isSpace(t.charAt(b + 1))) b++;
                    String run = t.substring(a, b + 1);
                    if (run.indexOf('\n') >= 0 || run.indexOf('\r') >= 0) continue;
                }
                cells.add(collapse(t.substring(from, Math.min(i, t.length()))).strip());
                from = i + 1;
            }
            while (!cells.isEmpty() && cells.get(0).isEmpty()) cells.remove(0);
            while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) cells.remove(cells.size() - 1);
            long filled = cells.stream().filter(c -> !c.isEmpty()).count();
            return filled >= 2 ? cells : null;
        }

        /**
         * One row per {@code <tr>}, cells separated by '\t', laid on the table's grid: a cell spanning k columns
         * (colspan) is followed by k-1 empty cells, and the rows under a cell spanning m rows (rowspan) get an empty
         * cell in its place, so every cell keeps its column.
         */
        private void emitTable(Element table) {
            int index = nextTable++;
            boolean any = false;
            Map<Integer, Integer> spannedUntil = new HashMap<>(); // column → last row index a rowspan covers
            int r = -1;
            for (Element tr : table.select("tr")) {
                if (tr.closest("table") != table) continue; // a row of a one-cell wrapper inside a cell
                r++;
                List<String> cells = new ArrayList<>();
                boolean nonEmpty = false;
                int col = 0;
                for (Element cell : tr.children()) {
                    if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) continue;
                    while (spannedUntil.getOrDefault(col, -1) >= r) { cells.add(""); col++; }
                    String c = cellText(cell);
                    nonEmpty |= !c.isEmpty();
                    int colspan = span(cell.attr("colspan")), rowspan = span(cell.attr("rowspan"));
                    for (int k = 0; k < colspan; k++) {
                        cells.add(k == 0 ? c : "");
                        if (rowspan > 1) spannedUntil.put(col, r + rowspan - 1);
                        col++;
                    }
                }
                while (spannedUntil.getOrDefault(col, -1) >= r && col < 200) { cells.add(""); col++; }
                if (!nonEmpty) continue;
                while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) cells.remove(cells.size() - 1);
                rows.add(new Row(0, String.join("\t", cells), index));
                any = true;
            }
            if (!any) nextTable--;
        }

        /** A colspan or rowspan attribute: 1 when missing or odd, at most 50. */
        private static int span(String attr) {
            try {
                int n = Integer.parseInt(attr.strip());
                return n < 1 ? 1 : Math.min(n, 50);
            } catch (NumberFormatException e) {
                return 1;
            }
        }

        /** A cell's blocks joined by a space: a cell is one value, but its paragraphs must not run together. */
        private static String cellText(Element cell) {
            Walker w = new Walker();
            for (Node c : cell.childNodes()) w.walk(c);
            w.flush();
            StringBuilder sb = new StringBuilder();
            for (Row r : w.rows) {
                if (sb.length() > 0) sb.append(' ');
                sb.append(r.text.replace('\t', ' '));
            }
            return sb.toString();
        }
    }

    /**
     * Collapses whitespace the way a browser shows it: a run becomes one space, except a run holding a line break
     * next to a CJK character, which shows as nothing (Word HTML breaks source lines inside Chinese sentences).
     * &amp;nbsp; is a space. Leading and trailing whitespace goes.
     */
    static String collapse(CharSequence in) {
        StringBuilder out = new StringBuilder(in.length());
        int n = in.length();
        int i = 0;
        while (i < n) {
            char c = in.charAt(i);
            if (isSpace(c)) {
                int j = i;
                boolean lineBreak = false;
                while (j < n && isSpace(in.charAt(j))) {
                    lineBreak |= in.charAt(j) == '\n' || in.charAt(j) == '\r';
                    j++;
                }
                boolean atEdge = out.length() == 0 || j == n;
                boolean cjkBeside = (out.length() > 0 && isCjk(out.charAt(out.length() - 1))) || (j < n && isCjk(in.charAt(j)));
                if (!atEdge && !(lineBreak && cjkBeside)) out.append(' ');
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') end--;
        return out.substring(0, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00A0' || c == '\u200B';
    }

    static boolean isCjk(char c) {
        return (c >= '\u3000' && c <= '\u9FFF') || (c >= '\uF900' && c <= '\uFAFF') || (c >= '\uFF00' && c <= '\uFFEF');
    }

    /**
     * The charset: a BOM wins; then bytes that are valid UTF-8 (pages often declare gb2312 and hold UTF-8); then the
     * declared charset (gb2312/gbk read as GB18030, their superset); undeclared non-UTF-8 is GB18030.
     */
    static Charset charset(byte[] b, String name, List<DocIssue> issues) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) return StandardCharsets.UTF_8;
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) return StandardCharsets.UTF_16LE;
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) return StandardCharsets.UTF_16BE;
        String head = new String(b, 0, Math.min(b.length, 8192), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        Charset declared = null;
        if (m.find()) declared = lookup(m.group(1));
        boolean ascii = isAscii(b);
        if (!ascii && IngestStage.decodeStrict(b, StandardCharsets.UTF_8) != null) {
            if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
                issues.add(new DocIssue("charset_mismatch", name + ": the page declares charset " + m.group(1)
                        + " but its bytes are UTF-8; read as UTF-8. Fix the <meta charset> if the text looks wrong"));
            }
            return StandardCharsets.UTF_8;
        }
        if (declared != null && !declared.equals(StandardCharsets.UTF_8)) return declared;
        return ascii ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
    }

    private static Charset lookup(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        if (l.startsWith("gb") || l.equals("x-gbk") || l.equals("cp936") || l.equals("euc-cn")) return Charset.forName("GB18030");
        try {
            return Charset.forName(l);
        } catch (RuntimeException e) {
            return null; // unknown label: decide from the bytes
        }
    }

    private static boolean isAscii(byte[] b) {
        for (byte x : b) if (x < 0) return false;
        return true;
    }
}
