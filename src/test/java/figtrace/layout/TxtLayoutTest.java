package figtrace.layout;

import figtrace.model.DocStatus;
import figtrace.model.DocumentText;
import figtrace.model.ParsedDocument;
import figtrace.model.TextLine;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TxtLayoutTest {

    private static final String BULLETIN = "一、综合\n\n全年地区生产总值2479.6亿元，增长6.1%。\n指标\t数值\n地区生产总值\t2479.6\n完\n";

    @Test
    void txtLineNumbersAreTheFilesLineNumbers() {
        ParsedDocument doc = Docs.parse("a.txt", BULLETIN.getBytes(StandardCharsets.UTF_8));
        DocumentText t = doc.text();
        assertEquals(DocStatus.OK, doc.status());
        assertEquals(6, t.lines().size(), "a final newline does not add a line");
        TextLine gdp = Docs.onlyLineWith(t, "2479.6亿元");
        assertEquals(3, gdp.number());
        assertEquals(0, gdp.page());
        assertEquals("", t.lineText(t.lines().get(1)), "blank lines are kept so numbering matches sed -n Np");
        assertEquals(BULLETIN.substring(0, BULLETIN.length() - 1), t.text(), "text is the file, unchanged");
    }

    @Test
    void gbkTextIsDecodedAndUtf8BomIsDropped() {
        ParsedDocument gbk = Docs.parse("gbk.txt", BULLETIN.getBytes(Charset.forName("GBK")));
        assertTrue(gbk.text().text().startsWith("一、综合"));
        assertEquals("GB18030", gbk.metadata().get("charset"));

        byte[] body = "阿克苏\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF; withBom[1] = (byte) 0xBB; withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertEquals("阿克苏", Docs.parse("bom.txt", withBom).text().text());
    }

    @Test
    void crlfLineEndsDoNotEnterTheLines() {
        DocumentText t = Docs.parse("crlf.txt", "甲\r\n乙\r\n".getBytes(StandardCharsets.UTF_8)).text();
        assertEquals("甲", t.lineText(t.lines().get(0)));
        assertEquals("乙", t.lineText(t.lines().get(1)));
    }

    @Test
    void consecutiveTabLinesAreMarkedAsOneTableAndKeepTheirText() {
        DocumentText t = Docs.parse("a.txt", BULLETIN.getBytes(StandardCharsets.UTF_8)).text();
        TextLine header = Docs.onlyLineWith(t, "指标\t数值");
        TextLine row = Docs.onlyLineWith(t, "地区生产总值\t2479.6");
        assertEquals(0, header.table());
        assertEquals(0, row.table());
        assertFalse(Docs.onlyLineWith(t, "2479.6亿元").isTableRow());
    }

    @Test
    void aSingleTabLineIsNotATable() {
        DocumentText t = Docs.parse("a.txt", "甲\t乙\n丙\n".getBytes(StandardCharsets.UTF_8)).text();
        assertEquals(-1, t.lines().get(0).table());
    }
}
