package figtrace.layout;

import figtrace.model.DocStatus;
import figtrace.model.DocumentText;
import figtrace.model.ParsedDocument;
import figtrace.model.TextLine;
import figtrace.testing.SharedFolder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real documents too big to copy into the test resources (the budget PDFs, the 0.6 MB docx), read from
 * ../shared/realdocs beside the repository (see {@link SharedFolder}: skipped when missing, failed in CI).
 */
class SharedCorpusIT {

    /** Parsed once per run: the budget PDFs take seconds each. */
    private static final java.util.Map<String, ParsedDocument> PARSED = new java.util.HashMap<>();

    private static ParsedDocument parseShared(String name) throws IOException {
        Path p = SharedFolder.require("realdocs/" + name);
        if (!PARSED.containsKey(name)) PARSED.put(name, Docs.parse(name, Files.readAllBytes(p)));
        return PARSED.get(name);
    }

    @Test
    void partlyScannedPdfNamesThePagesWithoutText() throws IOException {
        ParsedDocument d = parseShared("pdf_xinjiang_2024_budget_execution_tables.pdf");
        assertEquals(DocStatus.OK_WITH_ISSUES, d.status());
        assertEquals(119, d.pages());
        assertEquals("pages_without_text", d.issues().get(0).code());
        assertTrue(d.issues().get(0).message().contains("page(s) 1–2 of 119"), d.issues().get(0).message());
        assertEquals(3, d.text().lines().get(0).page(), "text starts on page 3");
    }

    @Test
    void budgetTableColumnsBecomeCells() throws IOException {
        DocumentText t = parseShared("pdf_xinjiang_2024_budget_execution_tables.pdf").text();
        TextLine row = Docs.onlyLineWith(t, "一、税收收入\t13,690,843\t14,097,587\t3.0");
        assertTrue(row.isTableRow());
        assertEquals(3, row.page());
    }

    @Test
    void longBudgetReportReadsProseAndTables() throws IOException {
        ParsedDocument d = parseShared("pdf_wuzhong_ningxia_2025_budget_report.pdf");
        assertEquals(DocStatus.OK, d.status(), d.issues().toString());
        assertEquals(181, d.pages());
        DocumentText t = d.text();
        assertTrue(t.text().contains("汇总全市一般公共预算收入完成47.5亿元"));
        assertEquals(4, Docs.onlyLineWith(t, "汇总全市一般公共预算收入完成47.5亿元").page());
        assertTrue(Docs.onlyLineWith(t, "2013602\t一般行政管理事务\t141").isTableRow());
        for (TextLine l : t.lines()) assertFalse(t.lineText(l).matches("[-—\\s]*\\d{1,3}[-—\\s]*") && !l.isTableRow()
                && (l.number() == 1), "page number at top of page " + l.page());
    }

    @Test
    void mislabelledDocxIsReadByItsContent() throws IOException {
        ParsedDocument d = parseShared("docx_qiandongnan_2016_tjgb_MISLABELLED_as_luoyang2023.docx");
        assertEquals(DocStatus.OK, d.status());
        DocumentText t = d.text();
        assertTrue(t.text().contains("黔东南州统计局"));
        assertTrue(Docs.onlyLineWith(t, "居民消费价格总指数\t1.5").isTableRow());
        long tables = t.lines().stream().mapToInt(TextLine::table).filter(i -> i >= 0).distinct().count();
        assertTrue(tables >= 10, "11 Word tables, got " + tables);
    }

    @Test
    void twoColumnBrokerNoteStillReads() throws IOException {
        ParsedDocument d = parseShared("pdf_gaoce_688556_broker_research_2022.pdf");
        assertEquals(DocStatus.OK, d.status());
        assertEquals(4, d.pages());
        assertTrue(d.text().text().contains("高测股份"));
    }
}
