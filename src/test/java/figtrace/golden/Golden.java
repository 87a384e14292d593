package figtrace.golden;

import figtrace.model.DocumentResult;
import figtrace.pipeline.Pipeline;
import figtrace.rules.RulesStage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Golden outputs: the whole pipeline's records for a set of documents, each record's provenance checked first
 * ({@link Provenance}), stored under
 * {@code src/test/resources/golden/SET/} as one {@code .tsv} file a document (format: {@link GoldenRecords}), and
 * compared record by record. A refactoring must keep them identical; a change that improves extraction regenerates
 * them on purpose and its commit says why:
 * <pre>  .ci/update-golden      (= mvn -B verify -Dgolden.update=true, limited to the golden tests)</pre>
 * then review the diff with {@code git diff src/test/resources/golden}.
 */
final class Golden {
    static final Path ROOT = Path.of("src/test/resources/golden");
    static final String HOW_TO_UPDATE = "If the change is intended, regenerate with .ci/update-golden "
            + "(or mvn -B verify -Dgolden.update=true) and review `git diff src/test/resources/golden`.";
    private static final int SHOWN = 8;

    private Golden() {}

    static boolean updating() {
        return Boolean.parseBoolean(System.getProperty("golden.update", "false"));
    }

    static Pipeline pipeline() {
        try {
            return new Pipeline(RulesStage.load(Path.of("patterns")));
        } catch (Exception e) {
            throw new IllegalStateException("the rules in patterns/ do not load: " + e.getMessage(), e);
        }
    }

    /**
     * Extracts each document (name relative to {@code folder}, '/' separated, as the corpus runner names them) and
     * compares its records with {@code ROOT/set/NAME.tsv}; with {@code -Dgolden.update=true}, writes them instead and
     * removes golden files of documents that are gone. Fails with the first differing records of every document.
     */
    static void check(String set, Path folder, List<String> names) {
        Pipeline pipeline = pipeline();
        Path dir = ROOT.resolve(set);
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            DocumentResult r;
            try {
                r = pipeline.extract(name, Files.readAllBytes(folder.resolve(name)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> broken = Provenance.problems(r);
            if (!broken.isEmpty()) {
                problems.add(name + ": " + broken.size() + " record(s) break provenance, first: "
                        + String.join("; ", broken.subList(0, Math.min(SHOWN, broken.size()))));
            }
            List<String> actual = GoldenRecords.lines(r);
            Path file = dir.resolve(name + ".tsv");
            if (updating()) {
                write(file, actual);
                continue;
            }
            if (!Files.exists(file)) {
                problems.add(name + ": no golden file " + file);
                continue;
            }
            String diff = diff(read(file), actual);
            if (diff != null) problems.add(name + " (" + file + "):\n" + diff);
        }
        List<String> stale = goldenNames(dir);
        stale.removeAll(names);
        if (updating()) {
            for (String s : stale) delete(dir.resolve(s + ".tsv"));
        } else if (!stale.isEmpty()) {
            problems.add("golden files for documents that are no longer in the set: " + stale);
        }
        if (!problems.isEmpty()) {
            fail("golden outputs differ for " + problems.size() + " document(s) of " + set + ". " + HOW_TO_UPDATE
                    + "\n\n" + String.join("\n\n", problems));
        }
    }

    /**
     * The records only in {@code expected} ("- ") and only in {@code actual} ("+ "), first ones first, each side
     * counted; null when they are equal.
     */
    static String diff(List<String> expected, List<String> actual) {
        if (expected.equals(actual)) return null;
        List<String> removed = minus(expected, actual);
        List<String> added = minus(actual, expected);
        StringBuilder b = new StringBuilder();
        b.append("  ").append(expected.size()).append(" golden record(s), ").append(actual.size()).append(" now; ")
                .append(removed.size()).append(" gone, ").append(added.size()).append(" new");
        if (removed.isEmpty() && added.isEmpty()) b.append(" (same records, different order)");
        b.append('\n');
        for (String s : removed.subList(0, Math.min(SHOWN, removed.size()))) b.append("  - ").append(s).append('\n');
        if (removed.size() > SHOWN) b.append("  … ").append(removed.size() - SHOWN).append(" more gone\n");
        for (String s : added.subList(0, Math.min(SHOWN, added.size()))) b.append("  + ").append(s).append('\n');
        if (added.size() > SHOWN) b.append("  … ").append(added.size() - SHOWN).append(" more new\n");
        return b.toString().stripTrailing();
    }

    /** The lines of {@code a} that {@code b} lacks, as a multiset difference, in {@code a}'s order. */
    private static List<String> minus(List<String> a, List<String> b) {
        Map<String, Integer> left = new HashMap<>();
        for (String s : b) left.merge(s, 1, Integer::sum);
        List<String> out = new ArrayList<>();
        for (String s : a) {
            Integer n = left.get(s);
            if (n == null || n == 0) out.add(s);
            else left.put(s, n - 1);
        }
        return out;
    }

    /** Names (relative, '/' separated) of the golden files under {@code dir}, without the .tsv ending. */
    private static List<String> goldenNames(Path dir) {
        if (!Files.isDirectory(dir)) return new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            return new ArrayList<>(files.filter(p -> p.toString().endsWith(".tsv"))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .map(s -> s.substring(0, s.length() - ".tsv".length()))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Document names under {@code folder} (sub-folders too, '/' separated, sorted) with one of the endings. */
    static List<String> documents(Path folder, String... endings) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> Stream.of(endings).anyMatch(n::endsWith))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, List<String> lines) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
