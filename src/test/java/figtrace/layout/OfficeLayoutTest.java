package figtrace.layout;

import figtrace.model.DocStatus;
import figtrace.model.DocumentText;
import figtrace.model.ParsedDocument;
import figtrace.model.TextLine;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfficeLayoutTest {
    /** The 3.5 MB .doc takes seconds: parse it once. */
    private static ParsedDocument hotanDoc;

    private static synchronized ParsedDocument hotanDoc() {
        if (hotanDoc == null) hotanDoc = Docs.parse("doc_hotan_xinjiang_2025_final_accounts.doc");
        return hotanDoc;
    }

    @Test
    void docxParagraphsAreLines() {
        ParsedDocument d = Docs.parse("docx_xinjiang_2025_government_work_report.docx");
        assertEquals(DocStatus.OK, d.status());
        assertNull(d.pages());
        DocumentText t = d.text();
        TextLine gdp = Docs.onlyLineWith(t, "同比增长6.1%");
        assertEquals(0, gdp.page());
        assertFalse(gdp.isTableRow());
        assertEquals("ZSY", d.metadata().get("author"));
        assertTrue(d.metadata().containsKey("created"));
    }

    @Test
    void docxTablesGiveOneTabSeparatedLinePerRow() {
        ParsedDocument d = Docs.parse("docx_hotan_xinjiang_2025_tjgb.docx");
        assertEquals(DocStatus.OK, d.status());
        DocumentText t = d.text();
        TextLine cpi = Docs.onlyLineWith(t, "居民消费价格\t100.6\t0.6");
        assertTrue(cpi.table() >= 0);
        assertEquals(cpi.table(), Docs.onlyLineWith(t, "其他用品及服务\t110.2\t10.2").table());
        assertTrue(t.text().startsWith("2025年和田地区国民经济和社会发展"));
        assertFalse(Docs.onlyLineWith(t, "全年城镇新增就业2.67万人").isTableRow());
    }

    @Test
    void legacyDocReadsNarrativeAndTables() {
        ParsedDocument d = hotanDoc();
        assertEquals(DocStatus.OK, d.status());
        DocumentText t = d.text();
        assertTrue(t.text().contains("地区本级一般公共预算收入12.14亿元"));
        assertTrue(t.lines().stream().filter(TextLine::isTableRow).count() > 1000, "the 决算表 tables are rows");
        assertEquals("sugon-czj", d.metadata().get("author"));
    }

    @Test
    void aTableOfContentsFieldDoesNotProduceJunk() {
        DocumentText t = hotanDoc().text();
        // Tika renders TOC entries with the page number glued in front: "68一、 一般公共预算收入决算表"
        Pattern tocEntry = Pattern.compile("^\\d+(第.部分|[一二三四五六七八九十]+、)");
        for (TextLine l : t.lines()) {
            assertFalse(tocEntry.matcher(t.lineText(l)).find(), "TOC junk: " + t.lineText(l));
        }
        assertTrue(t.text().contains("第一部分：政府决算报告及转移支付情况"), "the heading itself stays");
    }
}
