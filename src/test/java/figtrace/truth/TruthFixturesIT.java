package figtrace.truth;

import figtrace.model.DocumentResult;
import figtrace.model.Figure;
import figtrace.pipeline.Pipeline;
import figtrace.rules.RulesStage;
import figtrace.testing.SharedFolder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Hand-checked truth (issue 9): 40 figures drawn at random from each of 8 real documents of different kinds, every
 * field read from the document by hand. The pipeline runs on those documents, each fixture row is matched to the
 * extracted figure by its anchor (text around the number, independent of figtrace's ids and offsets), and per-field
 * precision is computed per document and overall. The test prints the table and fails when a field falls below its
 * floor in {@code floors.tsv} (the level measured on main when the floor was set; the issue's goal is 0.95).
 * A figure missing from the output is wrong in every field. Rules of comparison: src/test/resources/truth/README.md.
 */
class TruthFixturesIT {
    static final Path FIXTURES = Path.of("src/test/resources/truth");
    static final List<Path> DOC_DIRS = List.of(SharedFolder.path("atlas/docs"), SharedFolder.path("realdocs"));
    static final List<String> FIELDS = List.of("value", "unit", "time", "region", "subject", "indicator", "change", "target");
    static final double GOAL = 0.95;

    @Test
    void everyFieldStaysAtOrAboveItsFloor() throws Exception {
        Map<String, List<Map<String, String>>> fixtures = loadFixtures();
        assertTrue(fixtures.size() >= 8, "at least 8 fixture documents, found " + fixtures.keySet());
        Map<String, Path> docs = new LinkedHashMap<>();
        for (String doc : fixtures.keySet()) {
            Path p = DOC_DIRS.stream().map(d -> d.resolve(doc)).filter(Files::isReadable).findFirst().orElse(null);
            if (p == null && SharedFolder.isCi()) {
                throw new AssertionError("fixture document " + doc + " is missing: CI needs ../shared/atlas/docs and ../shared/realdocs");
            }
            assumeTrue(p != null, "fixture document not on this machine: " + doc);
            docs.put(doc, p);
        }
        Pipeline pipeline = new Pipeline(RulesStage.load(Path.of("patterns")));
        Comparison cmp = Comparison.load(Path.of("patterns"), FIXTURES);
        Map<String, int[]> counts = new LinkedHashMap<>(); // doc -> [rows, found, field…]
        List<String> wrong = new ArrayList<>();
        for (var e : fixtures.entrySet()) {
            DocumentResult r = pipeline.extract(e.getKey(), Files.readAllBytes(docs.get(e.getKey())));
            counts.put(e.getKey(), score(e.getKey(), e.getValue(), r, cmp, wrong));
        }
        Map<String, Double> floors = loadFloors();
        List<String> failures = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nTruth fixtures: per-field precision (goal %.2f on every field; floor = overall floor from floors.tsv)%n", GOAL));
        table.append(String.format(Locale.ROOT, "%-48s %4s %6s", "document", "rows", "found"));
        for (String f : FIELDS) table.append(String.format(Locale.ROOT, " %9s", f));
        table.append('\n');
        int[] total = new int[FIELDS.size() + 2];
        for (var e : counts.entrySet()) {
            int[] c = e.getValue();
            for (int i = 0; i < c.length; i++) total[i] += c[i];
            table.append(row(e.getKey(), c));
            for (int i = 0; i < FIELDS.size(); i++) {
                Double floor = floors.get(e.getKey() + "\t" + FIELDS.get(i));
                double p = (double) c[i + 2] / c[0];
                if (floor != null && p + 1e-9 < floor) {
                    failures.add(String.format(Locale.ROOT, "%s %s: %.3f < floor %.3f", e.getKey(), FIELDS.get(i), p, floor));
                }
            }
        }
        table.append(row("overall", total));
        table.append(String.format(Locale.ROOT, "%-48s %4s %6s", "floor", "", ""));
        for (String f : FIELDS) table.append(String.format(Locale.ROOT, " %9.3f", floors.getOrDefault("overall\t" + f, 0.0)));
        table.append('\n').append(String.format(Locale.ROOT, "%-48s %4s %6s", "goal", "", ""));
        for (String ignored : FIELDS) table.append(String.format(Locale.ROOT, " %9.3f", GOAL));
        table.append('\n');
        for (int i = 0; i < FIELDS.size(); i++) {
            Double floor = floors.get("overall\t" + FIELDS.get(i));
            double p = (double) total[i + 2] / total[0];
            if (floor != null && p + 1e-9 < floor) {
                failures.add(String.format(Locale.ROOT, "overall %s: %.3f < floor %.3f", FIELDS.get(i), p, floor));
            }
        }
        List<String> lost = wrong.stream().filter(w -> w.contains("\tANCHOR\t")).toList();
        if (!lost.isEmpty()) table.append(lost.size()).append(" fixture anchor(s) not found in the documents' text:\n  ")
                .append(String.join("\n  ", lost)).append('\n');
        System.out.println(table);
        if (Boolean.getBoolean("truth.rows")) wrong.forEach(System.out::println);
        assertTrue(failures.isEmpty(), "precision fell below its floor (a regression; run with -Dtruth.rows=true to list"
                + " every wrong field):\n  " + String.join("\n  ", failures) + "\n" + table);
    }

    private static String row(String name, int[] c) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-48s %4d %6.3f", name, c[0], (double) c[1] / c[0]));
        for (int i = 0; i < FIELDS.size(); i++) b.append(String.format(Locale.ROOT, " %9.3f", (double) c[i + 2] / c[0]));
        return b.append('\n').toString();
    }

    /** Counts for one document: [rows, found, one per field]; every wrong field is added to {@code wrong}. */
    static int[] score(String doc, List<Map<String, String>> rows, DocumentResult r, Comparison cmp, List<String> wrong) {
        int[] c = new int[FIELDS.size() + 2];
        Flat flat = Flat.of(r.parsed().text().text());
        for (Map<String, String> row : rows) {
            c[0]++;
            if (!anchored(row, flat)) {
                // the document text changed under the fixture (a reader change): say so, apart from extraction errors
                wrong.add(doc + "\t#" + row.get("n") + "\t" + row.get("raw") + "\tANCHOR\tnot found in the document text: "
                        + row.get("anchor") + " (re-anchor the row if the reader's text changed on purpose)");
            }
            Figure f = match(row, flat, r.figures());
            boolean isFigure = !"no".equals(row.get("figure"));
            if (!isFigure) {
                if (f == null) {
                    for (int i = 1; i < c.length; i++) c[i]++;
                } else {
                    wrong.add(doc + "\t#" + row.get("n") + "\t" + row.get("raw") + "\tALL\tnot a figure, but extracted as " + f.raw());
                }
                continue;
            }
            if (f != null) c[1]++;
            for (int i = 0; i < FIELDS.size(); i++) {
                String field = FIELDS.get(i);
                if (f != null && cmp.same(field, row.get(field), f)) {
                    c[i + 2]++;
                } else {
                    wrong.add(doc + "\t#" + row.get("n") + "\t" + row.get("raw") + "\t" + field + "\ttruth=" + row.get(field)
                            + "\tgot=" + (f == null ? "(no figure at the anchor " + row.get("anchor") + ")" : Comparison.get(field, f)));
                }
            }
        }
        return c;
    }

    static boolean anchored(Map<String, String> row, Flat flat) {
        return flat.text.contains(row.get("anchor"));
    }

    /** The extracted figure whose span holds the first character of the fixture's raw, located through its anchor (its
     *  n-th occurrence when the same text stands twice in the document, as a table repeated for 本级). */
    static Figure match(Map<String, String> row, Flat flat, List<Figure> figures) {
        String occ = row.get("occurrence");
        int i = -1;
        for (int k = occ == null || occ.isBlank() ? 1 : Integer.parseInt(occ); k > 0; k--) {
            i = flat.text.indexOf(row.get("anchor"), i + 1);
            if (i < 0) return null;
        }
        int at = flat.pos[i + Integer.parseInt(row.get("raw_at"))];
        Figure any = null;
        for (Figure f : figures) {
            if (f.spanStart() <= at && at < f.spanEnd()) {
                if (Comparison.norm(f.raw()).equals(Comparison.norm(row.get("raw")))) return f;
                if (any == null) any = f;
            }
        }
        return any;
    }

    /** Document text without whitespace and '|' (table separators), with each kept character's original offset. */
    record Flat(String text, int[] pos) {
        static Flat of(String text) {
            StringBuilder b = new StringBuilder();
            int[] pos = new int[text.length()];
            int n = 0;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (Character.isWhitespace(ch) || ch == '|' || ch == '\u00a0' || ch == '\u3000') continue;
                b.append(ch);
                pos[n++] = i;
            }
            return new Flat(b.toString(), java.util.Arrays.copyOf(pos, n));
        }
    }

    static Map<String, List<Map<String, String>>> loadFixtures() throws IOException {
        Map<String, List<Map<String, String>>> out = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(FIXTURES)) {
            for (Path p : s.filter(x -> x.getFileName().toString().endsWith(".truth.tsv")).sorted().toList()) {
                String name = p.getFileName().toString();
                List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8).stream()
                        .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
                String[] head = lines.get(0).split("\t", -1);
                List<Map<String, String>> rows = new ArrayList<>();
                for (String l : lines.subList(1, lines.size())) {
                    String[] v = l.split("\t", -1);
                    Map<String, String> m = new HashMap<>();
                    for (int i = 0; i < head.length; i++) m.put(head[i], i < v.length ? v[i] : "");
                    rows.add(m);
                }
                out.put(name.substring(0, name.length() - ".truth.tsv".length()), rows);
            }
        }
        return out;
    }

    /** floors.tsv: doc (or "overall") TAB field TAB floor. */
    static Map<String, Double> loadFloors() throws IOException {
        Map<String, Double> m = new HashMap<>();
        for (String l : Files.readAllLines(FIXTURES.resolve("floors.tsv"), StandardCharsets.UTF_8)) {
            if (l.startsWith("#") || l.isBlank() || l.startsWith("doc\t")) continue;
            String[] p = l.split("\t");
            m.put(p[0] + "\t" + p[1], Double.parseDouble(p[2]));
        }
        return m;
    }

    /** How a fixture field is compared with the extracted figure's field (README.md of the fixtures says the same). */
    record Comparison(Map<String, String> regionAlias, Map<String, String> indicatorKey) {
        static final String ETHNIC = "维吾尔|回族|壮族|藏族|苗族|侗族|布依族|土家族|彝族|哈尼族|傣族|白族|蒙古族|蒙古|哈萨克|柯尔克孜|朝鲜族|各族";
        static final Pattern SCOPE = Pattern.compile("^(全市|全州|全区|全省|全疆|全地区|全县|本市|我市|全年|年末|年底|其中[:：]?)+");
        static final Pattern PAREN = Pattern.compile("[(（][^()（）]*[)）]");
        static final Pattern YEAR = Pattern.compile("\\d{4}(年度|年)");
        static final Pattern PUNCT = Pattern.compile("[\"“”‘’'()（）\\[\\]【】《》、，,。；;：:·•\\-—]");

        static Comparison load(Path patterns, Path fixtures) throws IOException {
            Map<String, String> alias = new HashMap<>();
            for (String l : Files.readAllLines(patterns.resolve("regions.tsv"), StandardCharsets.UTF_8)) {
                if (l.startsWith("#") || l.startsWith("standard\t") || l.isBlank()) continue;
                String[] p = l.split("\t", -1);
                alias.putIfAbsent(p[0], p[0]);
                if (p.length > 3) for (String a : p[3].split(",")) if (!a.isBlank()) alias.putIfAbsent(a.trim(), p[0]);
            }
            Map<String, String> key = new HashMap<>();
            String[] head = null;
            for (String l : Files.readAllLines(patterns.resolve("indicators.tsv"), StandardCharsets.UTF_8)) {
                if (l.startsWith("#") || l.isBlank()) continue;
                String[] p = l.split("\t", -1);
                if (head == null) { head = p; continue; }
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < head.length && i < p.length; i++) row.put(head[i], p[i]);
                String k = firstNonBlank(row.get("id"), row.get("indicator"), row.get("name"), p[0]);
                List<String> names = new ArrayList<>(List.of(k));
                for (String col : List.of("indicator", "name", "aliases", "synonyms")) {
                    String v = row.get(col);
                    if (v != null) for (String a : v.split("[,，]")) if (!a.isBlank()) names.add(a.trim());
                }
                // =NAME marks a whole-subject-only name in the catalogue; the name itself still counts here
                for (String n : names) if (!n.isBlank()) key.putIfAbsent(n.startsWith("=") ? n.substring(1) : n, k);
            }
            Path map = fixtures.resolve("indicator_map.tsv");
            if (Files.exists(map)) {
                for (String l : Files.readAllLines(map, StandardCharsets.UTF_8)) {
                    if (l.startsWith("#") || l.isBlank()) continue;
                    String[] p = l.split("\t");
                    if (key.containsKey(p[1])) key.put(p[0], key.get(p[1]));
                }
            }
            return new Comparison(alias, key);
        }

        private static String firstNonBlank(String... s) {
            for (String x : s) if (x != null && !x.isBlank()) return x;
            return "";
        }

        static String norm(String s) {
            return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        }

        boolean same(String field, String truth, Figure f) {
            truth = truth == null ? "" : truth;
            String got = get(field, f);
            switch (field) {
                case "value": {
                    if (truth.isEmpty() || f.value() == null) return false;
                    BigDecimal a = new BigDecimal(truth), b = f.value();
                    BigDecimal tol = a.abs().max(b.abs()).max(BigDecimal.ONE).multiply(new BigDecimal("1e-9"));
                    return a.subtract(b).abs().compareTo(tol) <= 0;
                }
                case "unit": case "time": case "change":
                    return norm(truth).equals(norm(got));
                case "region":
                    return truth.isEmpty() ? got == null || got.isBlank() : regionKey(truth).equals(regionKey(got));
                case "subject":
                    return subjectSame(truth, got);
                case "indicator": {
                    String want = truth.isEmpty() ? "" : indicatorKey.getOrDefault(truth, "");
                    String g = got == null ? "" : indicatorKey.getOrDefault(got, got);
                    return want.equals(g);
                }
                case "target":
                    return Boolean.parseBoolean(truth) == f.target();
                default:
                    throw new IllegalArgumentException(field);
            }
        }

        String regionKey(String s) {
            String n = norm(s);
            n = regionAlias.getOrDefault(n, n);
            n = n.replaceAll("((" + ETHNIC + ")+)?自治州$", "州").replaceAll("((" + ETHNIC + ")+)?自治区$", "")
                    .replaceAll("(省|特别行政区)$", "");
            return n;
        }

        static String subjectNorm(String s) {
            String n = PUNCT.matcher(YEAR.matcher(PAREN.matcher(norm(s)).replaceAll("")).replaceAll("")).replaceAll("");
            return SCOPE.matcher(n).replaceAll("");
        }

        /** Lenient: both normalised; equal, or one contains the other (the extracted one at least 2 characters). */
        static boolean subjectSame(String truth, String got) {
            String t = subjectNorm(truth), g = subjectNorm(got);
            if (t.isEmpty()) return g.isEmpty();
            if (g.length() < 2) return false;
            return g.contains(t) || t.contains(g);
        }

        /** A figure's field as text; the indicator is the catalogue id when the figure carries one, else its name. */
        static String get(String field, Figure f) {
            return switch (field) {
                case "value" -> f.value() == null ? null : f.value().toPlainString();
                case "unit" -> f.unit();
                case "time" -> f.time();
                case "region" -> f.region();
                case "subject" -> f.subject();
                case "indicator" -> indicatorOf(f);
                case "change" -> figtrace.model.Coded.codeOf(f.change());
                case "target" -> Boolean.toString(f.target());
                default -> throw new IllegalArgumentException(field);
            };
        }

        /** indicatorId() once the catalogue with ids lands (issue 9), else indicator(); reflection keeps this test
         *  compiling on both sides of that change. */
        static String indicatorOf(Figure f) {
            try {
                Object id = Figure.class.getMethod("indicatorId").invoke(f);
                if (id != null && !id.toString().isBlank()) return id.toString();
            } catch (ReflectiveOperationException ignored) {
                // no indicator_id yet
            }
            return f.indicator();
        }
    }
}
