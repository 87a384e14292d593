package figtrace.store;

import figtrace.model.Change;
import figtrace.model.FigureKind;
import figtrace.model.Qualifier;
import figtrace.model.DocIssue;
import figtrace.model.DocStatus;
import figtrace.model.DocType;
import figtrace.model.DocumentResult;
import figtrace.model.DocumentText;
import figtrace.model.Figure;
import figtrace.model.ParsedDocument;
import figtrace.model.SourceFile;
import figtrace.model.TextLine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Small hand-made documents and figures for the store tests. */
final class Fixtures {

    static final String TEXT = "2024年全区地区生产总值6616.93亿元，同比增长6.1%。\n=SUM(A1) 增长-3.5%";

    static Figure gdp(String doc) {
        return new Figure("f-gdp", doc, null, 1, 0, 33, "2024年全区地区生产总值6616.93亿元，同比增长6.1%。", 14, 23,
                "6616.93亿元", new BigDecimal("661693000000"), "CNY", null, FigureKind.MONEY, null, "2024", "新疆",
                "地区生产总值", "gdp", null, false, "figures:money", null);
    }

    static Figure growth(String doc) {
        return new Figure("f-growth", doc, 3, 1, 0, 33, "2024年全区地区生产总值6616.93亿元，同比增长6.1%。", 28, 32,
                "6.1%", new BigDecimal("6.1"), "%", null, FigureKind.PERCENT, Qualifier.APPROX, "2024", "新疆", "地区生产总值",
                null, Change.YOY_GROWTH, true, "figures:percent", "备注, with \"quotes\"");
    }

    static Figure injected(String doc) {
        return new Figure("f-inj", doc, null, 2, 34, 50, "=SUM(A1) 增长-3.5%", 45, 50, "-3.5%",
                new BigDecimal("-3.5"), "%", null, FigureKind.PERCENT, null, null, null, "@cmd", "+growth", null, false,
                "figures:percent", "-1+1");
    }

    static DocumentResult document(String name, List<Figure> figures) {
        DocumentText text = new DocumentText(TEXT, List.of(new TextLine(0, 1, 0, 33, false, -1),
                new TextLine(0, 2, 34, TEXT.length(), false, -1)));
        ParsedDocument parsed = new ParsedDocument(text, null, DocStatus.OK_WITH_ISSUES,
                List.of(new DocIssue("wrong_extension", "looks like HTML"), new DocIssue("odd", "second issue")),
                Map.of("title", "新疆统计公报", "author", "统计局"));
        return new DocumentResult(new SourceFile(name, "ab".repeat(32), TEXT.length(), DocType.TXT), parsed, figures);
    }

    private Fixtures() {}
}
