package figtrace.testing;

import figtrace.model.DocStatus;
import figtrace.model.DocType;
import figtrace.model.DocumentResult;
import figtrace.model.Figure;
import figtrace.model.ParsedDocument;
import figtrace.model.SourceFile;
import figtrace.layout.LayoutStage;
import figtrace.store.SqliteStore;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Builds run databases from hand-made documents and figures, so review, web and citation tests never depend on the
 * extraction engine. Offsets are computed from the text, so a test only says which sentence and which number.
 */
public final class TestDb {

    public static final String XJ = "xinjiang.txt";
    public static final String XJ_TEXT = """
            新疆维吾尔自治区2023年国民经济和社会发展统计公报
            2023年全区地区生产总值19125.91亿元，比上年增长6.8%。
            其中，第一产业增加值2742.52亿元，增长6.1%。
            全年进出口总额3573.1亿元，增长45.9%。
            乌鲁木齐市地区生产总值4168.46亿元，增长8.5%。
            =HYPERLINK("http://evil") 注入测试1000万元。
            <script>alert(1)</script>脚本测试200亿元。""";

    public static final String PAPER = "paper.pdf";
    /** Two PDF pages joined by '\n' as the layout stage does; line numbers restart on page 2. */
    public static final String PAPER_TEXT = """
            数字经济赋能中国（新疆）自贸试验区发展新质生产力研究
            顾华详
            摘要 正文第一页。
            第二页第一行。
            2024年新疆数字经济规模达到4000亿元，增长12%。
            第二页第三行。""";

    private TestDb() {}

    /** A fresh database at {@code db} with the two documents and their figures. */
    public static Path create(Path db) {
        try (SqliteStore store = SqliteStore.open(db)) {
            store.save(withRecords(xinjiang(xinjiangFigures(XJ_TEXT, 0))));
            store.save(withRecords(paper()));
        }
        return db;
    }

    public static DocumentResult xinjiang(List<Figure> figures) {
        return xinjiang(XJ_TEXT, figures);
    }

    public static DocumentResult xinjiang(String text, List<Figure> figures) {
        ParsedDocument parsed = new ParsedDocument(LayoutStage.linesOf(text, 0), null, DocStatus.OK, List.of(),
                Map.of("title", "新疆维吾尔自治区2023年国民经济和社会发展统计公报", "author", "新疆维吾尔自治区统计局",
                        "date", "2024-03-28"));
        return new DocumentResult(source(XJ, text, DocType.TXT), parsed, figures);
    }

    /** The figures of the Xinjiang bulletin; {@code idSalt} changes every id, as a rule change would. */
    public static List<Figure> xinjiangFigures(String text, int idSalt) {
        List<Figure> figures = new ArrayList<>();
        figures.add(figure(XJ, text, "2023年全区地区生产总值19125.91亿元，比上年增长6.8%。", "19125.91亿元",
                "1912591000000", "CNY", "money", "2023", "新疆", "地区生产总值", "gdp", null, idSalt));
        figures.add(figure(XJ, text, "2023年全区地区生产总值19125.91亿元，比上年增长6.8%。", "6.8%", "6.8", "%",
                "percent", "2023", "新疆", "地区生产总值", "gdp", "yoy_growth", idSalt));
        figures.add(figure(XJ, text, "其中，第一产业增加值2742.52亿元，增长6.1%。", "2742.52亿元", "274252000000",
                "CNY", "money", "2023", "新疆", "第一产业增加值", "primary_industry_value_added", null, idSalt));
        figures.add(figure(XJ, text, "全年进出口总额3573.1亿元，增长45.9%。", "3573.1亿元", "357310000000", "CNY",
                "money", "2023", "新疆", "进出口总额", "trade", null, idSalt));
        figures.add(figure(XJ, text, "乌鲁木齐市地区生产总值4168.46亿元，增长8.5%。", "4168.46亿元", "416846000000",
                "CNY", "money", "2023", "乌鲁木齐市", "地区生产总值", "gdp", null, idSalt));
        figures.add(figure(XJ, text, "=HYPERLINK(\"http://evil\") 注入测试1000万元。", "1000万元", "10000000", "CNY",
                "money", "2023", "新疆", "=HYPERLINK(\"http://evil\")", null, null, idSalt));
        figures.add(figure(XJ, text, "<script>alert(1)</script>脚本测试200亿元。", "200亿元", "20000000000", "CNY",
                "money", "2023", "新疆", "<b>脚本</b>测试", null, null, idSalt));
        return figures;
    }

    public static DocumentResult paper() {
        String text = PAPER_TEXT;
        // Page 1: lines 1-3, page 2: lines 1-3 (numbered within the page, as the PDF reader does).
        var lines = new ArrayList<figtrace.model.TextLine>();
        int start = 0, index = 0;
        for (String line : text.split("\n", -1)) {
            int page = index < 3 ? 1 : 2;
            int number = index < 3 ? index + 1 : index - 2;
            lines.add(new figtrace.model.TextLine(page, number, start, start + line.length(), false, -1));
            start += line.length() + 1;
            index++;
        }
        ParsedDocument parsed = new ParsedDocument(new figtrace.model.DocumentText(text, lines), 2, DocStatus.OK,
                List.of(), Map.of("title", "数字经济赋能中国（新疆）自贸试验区发展新质生产力研究", "author", "顾华详",
                        "journal", "新疆社会科学", "created", "2024-05-01T08:00:00Z"));
        String quote = "2024年新疆数字经济规模达到4000亿元，增长12%。";
        Figure f = figure(PAPER, text, quote, "4000亿元", "400000000000", "CNY", "money", "2024", "新疆",
                "数字经济规模", "digital_economy", null, 0);
        Figure onPage = new Figure(f.id(), f.doc(), 2, 2, f.charStart(), f.charEnd(), f.quote(), f.spanStart(),
                f.spanEnd(), f.raw(), f.value(), f.unit(), f.measureWord(), f.kind(), f.qualifier(), f.time(),
                f.region(), f.subject(), f.indicator(), f.change(), f.target(), f.rule(), f.note());
        return new DocumentResult(source(PAPER, text, DocType.PDF), parsed, List.of(onPage));
    }

    /** The canonical id shared by 新疆 in both documents: the entities view groups across documents by it. */
    public static final String XJ_ENTITY = "PLACE:新疆维吾尔自治区";

    /**
     * {@code result} with entities, a measure and links added: 新疆 in each document (one canonical id), linked to
     * the document's first figure; 乌鲁木齐市 in the bulletin; one measure per document naming that first figure.
     */
    public static DocumentResult withRecords(DocumentResult result) {
        String doc = result.source().name();
        String text = result.parsed().text().text();
        Figure first = result.figures().get(0);
        List<figtrace.model.Entity> entities = new ArrayList<>();
        entities.add(entity(doc, text, doc.equals(XJ) ? "新疆维吾尔自治区" : "新疆", "e-xj", XJ_ENTITY, "新疆维吾尔自治区"));
        List<figtrace.model.Link> links = new ArrayList<>();
        links.add(new figtrace.model.Link("figure_entity", first.id(), "e-xj"));
        if (doc.equals(XJ)) entities.add(entity(doc, text, "乌鲁木齐市", "e-urumqi", "PLACE:乌鲁木齐市", "乌鲁木齐市"));
        String clause = first.quote();
        int at = text.indexOf(clause);
        figtrace.model.Measure measure = new figtrace.model.Measure("m-1", doc, first.page(), first.line(), at,
                at + clause.length(), clause, doc.equals(XJ) ? "自治区" : "新疆", doc.equals(XJ) ? figtrace.model.MeasureStatus.DONE : figtrace.model.MeasureStatus.PLANNED,
                doc.equals(XJ) ? figtrace.model.Instrument.OTHER : figtrace.model.Instrument.PLATFORM, List.of(first.raw()), List.of("e-xj"), "measures:test");
        links.add(new figtrace.model.Link("measure_figure", "m-1", first.id()));
        links.add(new figtrace.model.Link("measure_entity", "m-1", "e-xj"));
        return new DocumentResult(result.source(), result.parsed(), result.figures(), entities, List.of(measure), links);
    }

    private static figtrace.model.Entity entity(String doc, String text, String surface, String id, String canonicalId,
                                                String canonical) {
        int at = text.indexOf(surface);
        if (at < 0) throw new IllegalArgumentException("entity not in text: " + surface);
        int line = 1;
        for (int i = 0; i < at; i++) if (text.charAt(i) == '\n') line++;
        return new figtrace.model.Entity(id, doc, null, line, at, at + surface.length(), surface, figtrace.model.EntityType.PLACE, canonical,
                canonicalId, null, "entities:test");
    }

    /** A figure {@code raw} inside {@code quote} inside {@code text}; its id derives from the content and salt. */
    public static Figure figure(String doc, String text, String quote, String raw, String value, String unit,
                                String kind, String time, String region, String subject, String indicator,
                                String change, int idSalt) {
        int charStart = text.indexOf(quote);
        if (charStart < 0) throw new IllegalArgumentException("quote not in text: " + quote);
        int spanStart = charStart + quote.indexOf(raw);
        int line = 1;
        for (int i = 0; i < spanStart; i++) if (text.charAt(i) == '\n') line++;
        String id = "f" + hex(doc + "|" + quote + "|" + raw + "|" + spanStart + "|" + idSalt).substring(0, 16);
        return new Figure(id, doc, null, line, charStart, charStart + quote.length(), quote, spanStart,
                spanStart + raw.length(), raw, new BigDecimal(value), unit, null, figtrace.model.FigureKind.of(kind), null, time, region, subject,
                indicator, figtrace.model.Change.of(change), false, "figures:" + kind, null);
    }

    public static SourceFile source(String name, String text, DocType type) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new SourceFile(name, hex(text), bytes.length, type);
    }

    static String hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
