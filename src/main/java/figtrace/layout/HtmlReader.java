package figtrace.layout;

import figtrace.model.DocIssue;
import figtrace.model.DocStatus;
import figtrace.model.DocumentText;
import figtrace.model.ParsedDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * HTML pages (and the XHTML Tika makes of Word files). Block elements become lines; inline elements are joined without
 * separators, because Word-exported HTML splits one number over several spans ({@code <span>202</span><span>5</span>}).
 * Tables become one line per row with cells separated by '\t'. The walk over the DOM is {@link HtmlWalker}, the
 * charset {@link HtmlCharset}; this class picks the page's main content (site chrome dropped) and makes the document.
 */
final class HtmlReader {
    private HtmlReader() {}

    static final Set<String> SKIP = Set.of("script", "style", "noscript", "template", "iframe", "object",
            "embed", "select", "option", "button", "input", "textarea", "svg", "canvas", "map", "nav", "header",
            "footer", "aside", "head", "title", "meta", "link");
    static final Set<String> BLOCK = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "dl", "dt", "dd", "section", "article", "main", "blockquote", "pre", "address", "figure", "figcaption",
            "center", "form", "fieldset", "hr", "body", "table", "tr", "td", "th", "caption", "thead", "tbody", "tfoot");
    /** Site chrome by class or id: navigation, menus, page header and footer, breadcrumbs. */
    private static final Pattern CHROME = Pattern.compile("(?i)nav|menu|footer|header|breadcrumb|crumb");
    /**
     * Table-of-contents paragraphs (Word styles "toc 1", 目录 1, as Tika names them): page numbers glued to headings
     * ("68一、一般公共预算收入决算表"), no content of their own.
     */
    static final Pattern TOC_STYLE = Pattern.compile("(?i)^(toc|目录)[_ ]?\\d");
    private static final Pattern HIDDEN = Pattern.compile("(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");
    /** A cell this long is page layout, not a data table. */
    private static final int LAYOUT_CELL_CHARS = 300;

    static ParsedDocument read(String name, byte[] bytes) {
        List<DocIssue> issues = new ArrayList<>();
        Charset cs = HtmlCharset.charset(bytes, name, issues);
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
        HtmlWalker w = new HtmlWalker();
        w.walk(root);
        w.flush();
        return FlatTables.rejoin(w.rows);
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
                    for (int i = 0; i < w.length(); i++) if (!HtmlWalker.isSpace(w.charAt(i)) && w.charAt(i) != '\u3000') n++;
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

}
