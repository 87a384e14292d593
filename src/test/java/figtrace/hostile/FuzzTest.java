package figtrace.hostile;

import figtrace.figures.NumberParser;
import figtrace.model.DocumentResult;
import figtrace.model.Entity;
import figtrace.model.Figure;
import figtrace.model.Measure;
import figtrace.pipeline.Pipeline;
import figtrace.rules.RulesException;
import figtrace.rules.RulesStage;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 15: random mixes of Chinese, ASCII and full-width text through the number parser, the whole extraction
 * (numbers, units, times, regions, entities, measures) and the rule loader. Nothing may throw, and every record keeps
 * its provenance: the quote is the text at its offsets. Crashes found here stay as {@code @Example} regression cases.
 */
class FuzzTest {
    private static final Pipeline PIPELINE = pipeline();
    static final AtomicInteger CASES = new AtomicInteger();

    private static Pipeline pipeline() {
        try {
            return new Pipeline(RulesStage.load(Path.of("patterns")));
        } catch (RulesException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pieces real reports are made of, and pieces that break naive parsers. */
    private static final String[] PIECES = {"2024年", "1—10月", "截至2024年底", "同比增长", "增长", "下降", "亿元", "万元",
            "元", "%", "个百分点", "万吨", "家", "个", "约", "超过", "以上", "全区", "我市", "新疆", "乌鲁木齐市", "昌吉州",
            "地区生产总值", "一般公共预算收入", "《关于印发〈方案〉的通知》", "〔2024〕169号", "“十四五”", "。", "，", "；",
            "\n", "\t", " ", "１２３．４５", "％", "一千二百三十四", "二〇二四年", "第三", "1,234.5", "1.2.3", "..", "-", "—",
            "0", "00000000000000000000000", "9".repeat(40), "1e308", "NaN", "万亿亿", "亿万", "½", "Ⅻ", "①", "\u0000",
            "\uFEFF", "\uD800", "\uDC00", "𠀀", "(", ")", "（", "）", "[", "]", "{number}", "\\", "$", "*", "?", "|"};

    @Provide
    Arbitrary<String> reportish() {
        Arbitrary<String> piece = Arbitraries.of(PIECES);
        Arbitrary<String> noise = Arbitraries.strings().withCharRange('\u0000', '\u00ff')
                .withCharRange('\u4e00', '\u4fff').withCharRange('\uff00', '\uffef').withCharRange('\u3000', '\u303f')
                .ofMaxLength(6);
        return Arbitraries.oneOf(piece, piece, piece, noise).list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Property(tries = 600)
    void numberParserNeverThrows(@ForAll("reportish") String s) {
        CASES.incrementAndGet();
        NumberParser.parse(s);
        NumberParser.isChineseNumeral(s);
    }

    @Property(tries = 300)
    void extractionNeverThrowsAndKeepsProvenance(@ForAll("reportish") String s) {
        CASES.incrementAndGet();
        DocumentResult r = PIPELINE.extract("fuzz.txt", s.getBytes(StandardCharsets.UTF_8));
        String text = r.parsed().text().text();
        for (Figure f : r.figures()) {
            assertEquals(f.quote(), text.substring(f.charStart(), f.charEnd()), "figure quote is the text at its offsets");
            assertTrue(f.charStart() <= f.spanStart() && f.spanEnd() <= f.charEnd(), "the figure lies in its quote");
        }
        for (Entity e : r.entities()) assertEquals(e.text(), text.substring(e.charStart(), e.charEnd()));
        for (Measure m : r.measures()) assertEquals(m.text(), text.substring(m.charStart(), m.charEnd()));
    }

    @Property(tries = 150)
    void theRuleLoaderReportsProblemsAndNeverThrowsAnythingElse(@ForAll("ruleFile") String rules) throws IOException {
        CASES.incrementAndGet();
        Path dir = copyOfPatterns();
        try {
            Files.write(dir.resolve("figures.rules"), rules.getBytes(StandardCharsets.UTF_8)); // lone surrogates → '?'
            try {
                RulesStage.load(dir);
            } catch (RulesException e) {
                assertFalse(e.problems().isEmpty());
                for (String p : e.problems()) assertTrue(p.startsWith("patterns/") || p.contains("figures.rules"), p);
            }
        } finally {
            delete(dir);
        }
    }

    @Provide
    Arbitrary<String> ruleFile() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.of("id: r", "id: r2", "id: Bad-Id", "priority: 50", "priority: x", "pattern: (?P<num>{number})亿元",
                        "pattern: (?P<num>{number})?", "pattern: .*", "pattern: (?P<num>[", "pattern: (?P<num>{nosuch})",
                        "pattern: (?P<num>{number})(?P<unit>{unit:money})", "unit: CNY", "kind: money", "kind: nonsense",
                        "example: 1亿元 => raw=1亿元", "example: nothing", "example: 5亿元 => value=5", "not_before: [0-9]",
                        "not_before: 0-9", "power_of: x", "", "", "# comment", ":", "key without colon", "unknown: 1"),
                reportish().map(s -> s.replace("\n", " ")));
        return line.list().ofMaxSize(25).map(l -> String.join("\n", l));
    }

    @Example
    void aRuleThatWouldMatchEverythingIsRefusedWithAMessage() throws IOException {
        Path dir = copyOfPatterns();
        try {
            for (String pattern : new String[]{"(?P<num>{number})?", "(?P<num>.*)", "(?P<num>[^0-9]+)"}) {
                Files.writeString(dir.resolve("figures.rules"), "id: everything\npriority: 50\npattern: " + pattern
                        + "\nexample: 5亿元 => raw=5亿元\n");
                try {
                    RulesStage.load(dir);
                    fail("a rule with pattern " + pattern + " is refused");
                } catch (RulesException e) {
                    assertTrue(e.problems().stream().anyMatch(p -> p.contains("rule 'everything'")
                            && p.contains("would match all over every document")), e.problems().toString());
                }
            }
        } finally {
            delete(dir);
        }
    }

    /** Regression cases: lone surrogates, a BOM inside the text, a NUL, numbers longer than any long. */
    @Example
    void oddCharactersAndHugeNumbersExtractWithoutThrowing() {
        for (String s : new String[]{"\uD800增长5%", "增长\uDC00 5%", "\uFEFF2024年增长5%", "\u0000亿元", "9".repeat(400) + "亿元",
                "增长" + "0".repeat(400) + ".5%", "１２３．４５亿元，增长６．１％", "1.2.3.4亿元", "约约约5%以上以上"}) {
            extractionNeverThrowsAndKeepsProvenance(s);
        }
    }

    private static Path copyOfPatterns() throws IOException {
        Path dir = Files.createTempDirectory("figtrace-fuzz-patterns");
        try (Stream<Path> files = Files.list(Path.of("patterns"))) {
            for (Path p : files.toList()) if (Files.isRegularFile(p)) Files.copy(p, dir.resolve(p.getFileName()));
        }
        return dir;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @AfterContainer
    static void report() {
        System.out.println("fuzz: " + CASES.get() + " cases");
    }
}
