package figtrace.layout;

import figtrace.model.DocStatus;
import figtrace.model.DocumentText;
import figtrace.model.ParsedDocument;
import figtrace.model.TextLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlLayoutTest {
    static ParsedDocument aksu, urumqi;

    @BeforeAll
    static void parse() {
        aksu = Docs.parse("html_aksu_xinjiang_2025_tjgb_gb2312.html");
        urumqi = Docs.parse("html_urumqi_xinjiang_2025_tjgb_utf8.html");
    }

    @Test
    void gb2312PagesAreReadAsGb18030() {
        assertEquals(DocStatus.OK, aksu.status());
        assertEquals("GB18030", aksu.metadata().get("charset"));
        String t = aksu.text().text();
        assertTrue(t.contains("阿克苏"));
        assertTrue(t.contains("生产总值(GDP)2042.98亿元"), "figures survive decoding");
        assertFalse(t.contains("\uFFFD"), "no replacement characters");
    }

    @Test
    void siteNavigationIsNotText() {
        assertFalse(aksu.text().text().contains("地产数据"), "crei.cn menu");
        assertFalse(urumqi.text().text().contains("中国政府网"), "wlmq.gov.cn header links");
    }

    @Test
    void wordExportedSpansAreJoinedWithoutSeparators() {
        String t = urumqi.text().text();
        assertTrue(t.contains("4658.19亿元"), "number and unit in separate spans");
        assertTrue(t.contains("2025年实现地区生产总值（GDP）4658.19亿元"), "202+5 spans");
        assertEquals("UTF-8", urumqi.metadata().get("charset"));
        assertEquals("乌鲁木齐市2025年国民经济和社会发展统计公报", urumqi.metadata().get("title"), "ArticleTitle meta");
        assertEquals("乌鲁木齐市统计局", urumqi.metadata().get("author"), "ContentSource meta");
        assertEquals("2026-04-21 18:05", urumqi.metadata().get("created"), "first PubDate meta");
    }

    @Test
    void htmlTableRowsAreTabSeparatedCellsWithATableIndex() {
        TextLine row = Docs.onlyLineWith(urumqi.text(), "居民消费价格\t0.0");
        assertTrue(row.table() >= 0);
        long tables = urumqi.text().lines().stream().mapToInt(TextLine::table).filter(i -> i >= 0).distinct().count();
        assertTrue(tables >= 5, "the page has 5 data tables, got " + tables);
    }

    @Test
    void blockElementsAreLinesAndInlineWhitespaceCollapses() {
        String html = "<html><body><div class=\"main-nav\"><a>首页</a></div><div><p>地区生产总值\n  <span>2479.6</span>\n<span>亿元</span></p>"
                + "<p>GDP&nbsp;&nbsp;grew <b>6.1</b>%</p><br><p>　　缩进段落</p></div><script>var x=1;</script></body></html>";
        DocumentText t = Docs.parse("a.html", html.getBytes(StandardCharsets.UTF_8)).text();
        assertEquals("地区生产总值2479.6亿元\nGDP grew 6.1%\n缩进段落", t.text());
    }

    @Test
    void undeclaredGbkPagesAreDetected() {
        byte[] gbk = "<html><body><p>阿克苏地区生产总值2042.98亿元</p></body></html>".getBytes(Charset.forName("GBK"));
        assertEquals("阿克苏地区生产总值2042.98亿元", Docs.parse("a.htm", gbk).text().text());
    }

    @Test
    void pagesDeclaringGb2312ButHoldingUtf8AreReadAsUtf8WithAnIssue() {
        byte[] b = "<html><head><meta charset=gb2312></head><body><p>乌鲁木齐</p></body></html>".getBytes(StandardCharsets.UTF_8);
        ParsedDocument d = Docs.parse("a.html", b);
        assertEquals("乌鲁木齐", d.text().text());
        assertEquals(DocStatus.OK_WITH_ISSUES, d.status());
        assertEquals("charset_mismatch", d.issues().get(0).code());
    }

    @Test
    void aPageWithoutVisibleTextIsEmptyText() {
        ParsedDocument d = Docs.parse("a.html", "<html><body><script>x()</script><img src=a.png></body></html>".getBytes(StandardCharsets.UTF_8));
        assertEquals(DocStatus.EMPTY_TEXT, d.status());
    }

    @Test
    void preformattedTextKeepsItsLines() {
        String html = "<html><body><pre>指标    数值\n生产总值  2479.6\n</pre><p>完</p></body></html>";
        DocumentText t = Docs.parse("a.html", html.getBytes(StandardCharsets.UTF_8)).text();
        assertEquals("指标 数值\n生产总值 2479.6\n完", t.text());
    }

    @Test
    void deeplyNestedMarkupDoesNotOverflowTheStack() {
        String html = "<html><body><p>" + "<span>".repeat(20000) + "生产总值2479.6亿元" + "</span>".repeat(20000) + "</p>"
                + "<div>".repeat(5000) + "<p>增长6.1%</p>" + "</div>".repeat(5000) + "</body></html>";
        ParsedDocument d = Docs.parse("deep.html", html.getBytes(StandardCharsets.UTF_8));
        assertEquals(DocStatus.OK, d.status(), d.issues().toString());
        assertEquals("生产总值2479.6亿元\n增长6.1%", d.text().text());
    }
}
