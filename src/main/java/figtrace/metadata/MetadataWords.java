package figtrace.metadata;

import figtrace.rules.PatternTable;
import figtrace.rules.Problems;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The word lists of patterns/metadata.tsv, read once. Kept in a data file so that a new label or issuer ending is an
 * edit, not a release. Bad lines fail loading with a {@link figtrace.rules.RulesException} naming each as
 * {@code patterns/metadata.tsv:LINE: what is wrong}.
 */
final class MetadataWords {

    static final Set<String> FIELDS = Set.of("title", "authors", "keywords", "date", "citation", "source",
            "docnumber", "journal");
    static final Set<String> KINDS = java.util.Arrays.stream(figtrace.model.DocKind.values()).map(figtrace.model.DocKind::code)
            .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));

    /** One doc_kind row: {@code word} found in {@code where} (title, top or issuer) makes the document {@code kind}. */
    record KindCue(String word, String kind, String where) {}

    /** label → field, longest labels first so that 网络首发日期 is tried before 日期. */
    final Map<String, String> labels;
    final List<String> chrome = new ArrayList<>();
    final List<String> headings = new ArrayList<>();
    final List<String> issuerSuffixes = new ArrayList<>();
    final List<String> orgSuffixes = new ArrayList<>();
    final List<String> journalSuffixes = new ArrayList<>();
    final List<String> positions = new ArrayList<>();
    final List<String> reporters = new ArrayList<>();
    final List<String> letterheads = new ArrayList<>();
    final List<KindCue> kindCues = new ArrayList<>();
    /** Endings of a report's title after its year (公报, 报告, 核算结果): report_title_ending. */
    final List<String> reportTitleEndings = new ArrayList<>();
    /** Words of a budget title that proposes a budget (草案, 预算公开): budget_proposal. */
    final List<String> budgetProposals = new ArrayList<>();
    /** Words of a title that reports an execution (执行, 决算, 完成, 总结): execution. */
    final List<String> executions = new ArrayList<>();
    /** Administrative endings dropped to give a place's short name in file names (洛阳市 → 洛阳), longest first. */
    final List<String> placeShortEndings = new ArrayList<>();
    final String surnames;

    MetadataWords(Path patternsDir) {
        Map<String, String> labelMap = new LinkedHashMap<>();
        StringBuilder names = new StringBuilder();
        Problems problems = new Problems();
        for (PatternTable.Row row : PatternTable.read(patternsDir, "metadata.tsv", problems, "kind", "text")) {
            String kind = row.get("kind"), text = row.get("text");
            switch (kind) {
                case "label" -> {
                    String field = row.opt("value");
                    if (field == null || !FIELDS.contains(field)) {
                        row.problem(problems, "label '" + text + "' needs a value, one of " + FIELDS);
                    } else {
                        labelMap.put(text, field);
                    }
                }
                case "chrome" -> chrome.add(text);
                case "heading" -> headings.add(text);
                case "issuer_suffix" -> issuerSuffixes.add(text);
                case "org_suffix" -> orgSuffixes.add(text);
                case "journal_suffix" -> journalSuffixes.add(text);
                case "position" -> positions.add(text);
                case "reporter" -> reporters.add(text);
                case "letterhead" -> letterheads.add(text);
                case "doc_kind" -> {
                    String value = row.opt("value"), where = row.opt("where");
                    if (value == null || !KINDS.contains(value)) {
                        row.problem(problems, "doc_kind '" + text + "' needs a value, one of " + KINDS);
                    } else if (!Set.of("title", "top", "issuer").contains(String.valueOf(where))) {
                        row.problem(problems, "doc_kind '" + text + "' needs where = title, top or issuer, not '" + where + "'");
                    } else {
                        kindCues.add(new KindCue(text, value, where));
                    }
                }
                case "surnames" -> names.append(text);
                case "place_short_ending" -> placeShortEndings.add(text);
                case "report_title_ending" -> reportTitleEndings.add(text);
                case "budget_proposal" -> budgetProposals.add(text);
                case "execution" -> executions.add(text);
                default -> row.problem(problems, "unknown kind '" + kind + "' (label, chrome, heading, issuer_suffix, "
                        + "org_suffix, journal_suffix, position, reporter, letterhead, doc_kind, surnames, place_short_ending, "
                        + "report_title_ending, budget_proposal, execution)");
            }
        }
        List<Map.Entry<String, String>> sorted = new ArrayList<>(labelMap.entrySet());
        sorted.sort((a, b) -> b.getKey().length() - a.getKey().length());
        Map<String, String> ordered = new LinkedHashMap<>();
        sorted.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        this.labels = ordered;
        this.surnames = names.toString();
        // longest first, so 维吾尔自治区 is dropped whole rather than 自治区 alone (a stable sort keeps file order otherwise)
        placeShortEndings.sort(java.util.Comparator.comparingInt(String::length).reversed());
        problems.throwIfAny();
    }

    boolean isChrome(String squeezed) {
        for (String c : chrome) if (squeezed.contains(c)) return true;
        return false;
    }

    boolean isHeading(String squeezed) {
        for (String h : headings) if (squeezed.equalsIgnoreCase(h)) return true;
        return false;
    }

    static boolean endsWithAny(String s, List<String> suffixes) {
        for (String x : suffixes) if (s.endsWith(x)) return true;
        return false;
    }
}
