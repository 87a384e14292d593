package figtrace.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A faithful port of the official scorer {@code shared/tools/score.py}: same file layout, same greedy one-to-one
 * matching, same rules and the same rounding, so numbers printed by {@code figtrace eval} equal the script's. Where
 * this class and the script disagree, the script is right and this is a bug.
 *
 * <p>Gold: {@code GOLD_DIR/<doc>.figures.jsonl}, {@code .entities.jsonl}, {@code .measures.jsonl}. Predictions:
 * {@code EXTRACTED_DIR/figures.jsonl}, {@code entities.jsonl}, {@code measures.jsonl}; missing files count as empty.
 */
public final class Scorer {

    public static final List<String> KINDS = List.of("figures", "entities", "measures");

    private static final Pattern GOLD_FILE = Pattern.compile("\\.(figures|entities|measures)\\.jsonl$");
    private static final int MISSED_EXAMPLES = 8;

    private final Path goldDir;
    private final Path extractedDir;

    public Scorer(Path goldDir, Path extractedDir) {
        this.goldDir = goldDir;
        this.extractedDir = extractedDir;
    }

    /** The gold documents: every {@code *.jsonl} file name without its kind suffix, sorted. */
    public List<String> goldDocuments() {
        try (Stream<Path> files = Files.list(goldDir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".jsonl"))
                    .map(f -> GOLD_FILE.matcher(f).replaceFirst(""))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new))
                    .stream().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list gold folder " + goldDir, e);
        }
    }

    /** Scores all gold documents together (score.py without --docs). */
    public ScoreReport score() {
        return score(null);
    }

    /** Scores only the named gold documents (score.py --docs=a,b); null or empty means all. */
    public ScoreReport score(Collection<String> docs) {
        List<String> goldDocs = goldDocuments();
        if (docs != null && !docs.isEmpty()) goldDocs = goldDocs.stream().filter(docs::contains).toList();
        List<String> problems = new ArrayList<>();
        Map<String, KindScore> kinds = new LinkedHashMap<>();
        for (String kind : KINDS) {
            KindScore score = scoreKind(kind, goldDocs, problems);
            if (score != null) kinds.put(kind, score);
        }
        return new ScoreReport(kinds, problems);
    }

    /** One report per gold document, each scored alone, in document order. */
    public Map<String, ScoreReport> scoreByDocument() {
        Map<String, ScoreReport> reports = new LinkedHashMap<>();
        for (String doc : goldDocuments()) reports.put(doc, score(List.of(doc)));
        return reports;
    }

    private KindScore scoreKind(String kind, List<String> goldDocs, List<String> problems) {
        List<String> kindDocs = goldDocs.stream()
                .filter(d -> Files.exists(goldDir.resolve(d + "." + kind + ".jsonl"))).toList();
        Set<String> kindDocSet = new HashSet<>(kindDocs);
        List<Map<String, Object>> gold = new ArrayList<>();
        for (String d : kindDocs) gold.addAll(JsonlReader.load(goldDir.resolve(d + "." + kind + ".jsonl"), problems));
        // only documents that have gold of this kind are scored for it
        List<Map<String, Object>> pred = JsonlReader.load(extractedDir.resolve(kind + ".jsonl"), problems).stream()
                .filter(p -> kindDocSet.contains(Rules.docname(p.get("doc")))).toList();
        pred = onGoldPages(gold, pred);
        if (gold.isEmpty()) return null;

        Rules.Same same = switch (kind) {
            case "figures" -> Rules::figSame;
            case "entities" -> Rules::entSame;
            default -> Rules::meaSame;
        };
        List<Pair> pairs = Matcher.match(gold, pred, same);
        double[] prf = prf(pairs.size(), pred.size(), gold.size());
        KindScore.FigureFields fields = kind.equals("figures") && !pairs.isEmpty()
                ? figureFields(gold, pred, pairs) : null;
        Double typeOk = kind.equals("entities") && !pairs.isEmpty()
                ? share(pairs, pr -> Rules.normEq(pr.gold().get("type"), pr.pred().get("type"))) : null;
        Double statusOk = kind.equals("measures") && !pairs.isEmpty()
                ? share(pairs, pr -> Rules.normEq(pr.gold().get("status"), pr.pred().get("status"))) : null;
        return new KindScore(kind, gold.size(), pred.size(), pairs.size(), Py.round3(prf[0]), Py.round3(prf[1]),
                Py.round3(prf[2]), fields, typeOk, statusOk);
    }

    /** A gold file that covers only some pages of a PDF scores predictions on those pages only. */
    private static List<Map<String, Object>> onGoldPages(List<Map<String, Object>> gold,
                                                         List<Map<String, Object>> pred) {
        Map<String, Set<Object>> pages = new HashMap<>();
        for (Map<String, Object> g : gold) {
            if (g.get("page") != null) {
                pages.computeIfAbsent(Rules.docname(g.get("doc")), k -> new HashSet<>()).add(Py.key(g.get("page")));
            }
        }
        return pred.stream().filter(p -> {
            Set<Object> docPages = pages.get(Rules.docname(p.get("doc")));
            return docPages == null || docPages.isEmpty() || docPages.contains(Py.key(p.get("page")));
        }).toList();
    }

    private static KindScore.FigureFields figureFields(List<Map<String, Object>> gold,
                                                       List<Map<String, Object>> pred, List<Pair> pairs) {
        double valueOk = share(pairs, pr -> Rules.close(pr.gold().get("value"), pr.pred().get("value")));
        double unitOk = share(pairs, pr -> Rules.normEq(pr.gold().get("unit"), pr.pred().get("unit")));
        Double timeOk = shareWhereGoldHas(pairs, "time", Rules::normEq);
        Double regionOk = shareWhereGoldHas(pairs, "region", Rules::sameRegion);
        Double subjectOk = shareWhereGoldHas(pairs, "subject", Rules::overlap);
        long full = pairs.stream().filter(Scorer::fullyCorrect).count();
        double fullF1 = Py.round3(prf(full, pred.size(), gold.size())[2]);

        Set<Map<String, Object>> matched = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        pairs.forEach(pr -> matched.add(pr.gold()));
        List<String> missed = gold.stream().filter(g -> !matched.contains(g)).limit(MISSED_EXAMPLES)
                .map(g -> Py.str(g.get("doc")) + ":"
                        + Py.str(Py.truthy(g.get("line")) ? g.get("line") : g.get("page")) + " " + Py.str(g.get("raw")))
                .toList();
        return new KindScore.FigureFields(valueOk, unitOk, timeOk, regionOk, subjectOk, fullF1, missed);
    }

    /** score.py's full(): every field the gold states is right. */
    private static boolean fullyCorrect(Pair pr) {
        Map<String, Object> g = pr.gold(), p = pr.pred();
        return Rules.close(g.get("value"), p.get("value")) && Rules.normEq(g.get("unit"), p.get("unit"))
                && (!Py.truthy(g.get("time")) || Rules.normEq(g.get("time"), p.get("time")))
                && (!Py.truthy(g.get("region")) || Rules.sameRegion(g.get("region"), p.get("region")))
                && (!Py.truthy(g.get("subject")) || Rules.overlap(g.get("subject"), p.get("subject")));
    }

    private interface PairTest { boolean test(Pair pair); }

    private interface FieldTest { boolean test(Object gold, Object pred); }

    private static double share(List<Pair> pairs, PairTest test) {
        return Py.round3((double) pairs.stream().filter(test::test).count() / pairs.size());
    }

    private static Double shareWhereGoldHas(List<Pair> pairs, String field, FieldTest test) {
        List<Pair> having = pairs.stream().filter(pr -> Py.truthy(pr.gold().get(field))).toList();
        if (having.isEmpty()) return null;
        return share(having, pr -> test.test(pr.gold().get(field), pr.pred().get(field)));
    }

    static double[] prf(long tp, long npred, long ngold) {
        double p = npred > 0 ? (double) tp / npred : 0.0;
        double r = ngold > 0 ? (double) tp / ngold : 0.0;
        double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
        return new double[] {p, r, f};
    }

    /** A gold record and the prediction matched to it. */
    record Pair(Map<String, Object> gold, Map<String, Object> pred) {}

    /** score.py's match(): greedy one-to-one, gold in order, each taking the first free candidate that is the same. */
    static final class Matcher {

        private record LineKey(String doc, Object line) {}

        static List<Pair> match(List<Map<String, Object>> gold, List<Map<String, Object>> pred, Rules.Same same) {
            Map<LineKey, List<Integer>> byLine = new HashMap<>();
            Map<String, List<Integer>> byDoc = new HashMap<>();
            for (int i = 0; i < pred.size(); i++) {
                String doc = Rules.docname(pred.get(i).get("doc"));
                byLine.computeIfAbsent(new LineKey(doc, Py.key(pred.get(i).get("line"))), k -> new ArrayList<>()).add(i);
                byDoc.computeIfAbsent(doc, k -> new ArrayList<>()).add(i);
            }
            Set<Integer> used = new HashSet<>();
            List<Pair> pairs = new ArrayList<>();
            for (Map<String, Object> g : gold) {
                List<Integer> candidates = g.get("line") != null
                        ? byLineCandidates(g, byLine)
                        : byContextCandidates(g, pred, byDoc);
                for (int i : candidates) {
                    if (!used.contains(i) && same.test(g, pred.get(i))) {
                        used.add(i);
                        pairs.add(new Pair(g, pred.get(i)));
                        break;
                    }
                }
            }
            return pairs;
        }

        /** Predictions on the gold line, then the line before, then the line after. */
        private static List<Integer> byLineCandidates(Map<String, Object> g, Map<LineKey, List<Integer>> byLine) {
            String doc = Rules.docname(g.get("doc"));
            Object line = g.get("line");
            List<Object> lines = new ArrayList<>();
            lines.add(line);
            Double l = line instanceof String ? null : Py.num(line); // "16" - 1 is a TypeError in Python
            if (l != null) {
                lines.add(shift(line, -1));
                lines.add(shift(line, 1));
            }
            List<Integer> candidates = new ArrayList<>();
            for (Object dl : lines) candidates.addAll(byLine.getOrDefault(new LineKey(doc, Py.key(dl)), List.of()));
            return candidates;
        }

        private static Object shift(Object line, int by) {
            if (line instanceof Double d) return d + by;
            return Py.key(line) instanceof java.math.BigDecimal b ? b.add(java.math.BigDecimal.valueOf(by)) : line;
        }

        /** Gold without a line: the document's predictions (on the gold page where both give one), context first. */
        private static List<Integer> byContextCandidates(Map<String, Object> g, List<Map<String, Object>> pred,
                                                         Map<String, List<Integer>> byDoc) {
            Object page = g.get("page");
            List<Integer> candidates = new ArrayList<>(byDoc.getOrDefault(Rules.docname(g.get("doc")), List.of())
                    .stream().filter(i -> page == null || pred.get(i).get("page") == null
                            || Py.eq(pred.get(i).get("page"), page)).toList());
            String ctx = Py.norm(g.get("context"));
            // stable sort, as Python's list.sort
            candidates.sort(Comparator.comparingInt(
                    i -> !ctx.isEmpty() && Py.norm(pred.get(i).get("quote")).contains(ctx) ? 0 : 1));
            return candidates;
        }
    }
}
