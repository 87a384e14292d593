package figtrace.metadata;

import figtrace.model.DocKind;
import figtrace.model.ReportPeriod;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a document reports on, from what it says: the years of its title (阿克苏地区2025年国民经济和社会发展
 * 统计公报 → 2025; 关于X市2025年预算执行情况和2026年预算草案的报告 → 2025 executed, 2026 budgeted), else the year its
 * text names most; and the year it speaks in (its date line), for 今年 and 去年. Never today's date.
 */
final class Periods {
    /** A year, then within 30 characters a report title's ending (metadata.tsv report_title_ending), built in code. */
    private final Pattern reportTitle;
    private static final Pattern TITLE_YEAR = Pattern.compile("(?<![0-9])(19[4-9][0-9]|20[0-9]{2})(?:年|－|-|—)");
    private static final Pattern DATE_LINE = Pattern.compile("(19[4-9][0-9]|20[0-9]{2})(?:年|-|/|\\.)(1[0-2]|0?[1-9])(?:月|-|/|\\.)([12][0-9]|3[01]|0?[1-9])日?");
    private static final Pattern EXPLICIT_YEAR = Pattern.compile("(?<![0-9])((?:19[5-9]|20[0-9])[0-9])年(?![0-9]{1,2}月?[-—至到])");
    /** Words of a budget title that proposes a budget (草案 in 预算草案 and 预算（草案）, 预算公开): budget_proposal. */
    private final List<String> proposals;
    /** Words of a title that reports an execution (执行, 决算): metadata.tsv execution. */
    private final List<String> executions;

    Periods(MetadataWords words) {
        // the endings longest first (the year found does not depend on their order; the longest is read as the ending)
        List<String> endings = new ArrayList<>(words.reportTitleEndings);
        endings.sort(Comparator.comparingInt(String::length).reversed());
        String alternation = endings.isEmpty() ? "(?!)"
                : endings.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        this.reportTitle = Pattern.compile("(19[4-9][0-9]|20[0-9]{2})年(?:度)?.{0,30}(?:" + alternation + ")");
        this.proposals = List.copyOf(words.budgetProposals);
        this.executions = List.copyOf(words.executions);
    }

    private static boolean containsAny(String s, List<String> words) {
        for (String w : words) if (s.contains(w)) return true;
        return false;
    }

    ReportPeriod read(String text, String title, DocKind kind, Map<String, String> format) {
        String heading = titleLines(text, title);
        TreeSet<Integer> years = new TreeSet<>();
        if (heading != null) {
            Matcher m = TITLE_YEAR.matcher(heading);
            while (m.find()) years.add(Integer.valueOf(m.group(1)));
        }
        Integer dated = dateLineYear(text, format.get("created"));
        if (kind.isFiscal() && !years.isEmpty()) {
            if (years.size() >= 2) return new ReportPeriod(years.first(), years.last(), years.last());
            int y = years.first();
            boolean proposes = containsAny(heading, proposals), executes = containsAny(heading, executions);
            // 2026年广州市本级政府预算公开 proposes 2026's budget and reports 2025's execution beside it
            if (kind == DocKind.BUDGET && proposes && !executes) return new ReportPeriod(y - 1, y, y);
            return new ReportPeriod(y, kind == DocKind.BUDGET && proposes ? Integer.valueOf(y + 1) : null,
                    dated != null && dated > y ? dated : y);
        }
        Integer year = heading == null ? null : reportYear(heading);
        if (year == null) year = mostNamedYear(text);
        if (year == null) year = dated;
        Integer speech = heading != null && reportYear(heading) != null ? reportYear(heading) : dated;
        return new ReportPeriod(year, null, speech);
    }

    /** The title and, where the title is missing or cut, the first five non-empty short lines joined. */
    private String titleLines(String text, String title) {
        StringBuilder b = new StringBuilder(title == null ? "" : squeeze(title));
        String[] lines = text.split("\n", 40);
        for (int i = 0, seen = 0; i < lines.length && seen < 5; i++) {
            String line = squeeze(lines[i]);
            if (line.isEmpty()) continue;
            seen++;
            if (line.length() <= 60 && !b.toString().contains(line)) b.append('\n').append(line);
        }
        // a title broken over two lines (2025年和田地区国民经济和社会发展 / 统计公报) is read joined
        String joined = b.toString();
        if (reportYear(joined.replace("\n", "")) != null && reportYear(firstMatchingLine(joined)) == null) {
            return joined.replace("\n", "");
        }
        String line = firstMatchingLine(joined);
        return line != null ? line : title == null ? null : squeeze(title);
    }

    private String firstMatchingLine(String lines) {
        for (String l : lines.split("\n")) if (reportYear(l) != null) return l;
        return null;
    }

    private static String squeeze(String s) { return s.replace(" ", "").replace("\u3000", "").strip(); }

    /** The year a report's title names: 阿克苏地区2025年国民经济和社会发展统计公报 → 2025. */
    Integer reportYear(String line) {
        if (line == null || line.length() > 80) return null;
        Matcher m = reportTitle.matcher(line);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** A full date on a short line of the first or last lines (a date line, 网络首发日期), else the format's date. */
    private static Integer dateLineYear(String text, String created) {
        String[] lines = text.split("\n");
        for (int pass = 0; pass < 2; pass++) {
            int from = pass == 0 ? 0 : Math.max(0, lines.length - 15);
            int to = pass == 0 ? Math.min(lines.length, 40) : lines.length;
            for (int i = from; i < to; i++) {
                String line = lines[i].strip();
                if (line.length() > 60) continue; // a date line is short; a date inside prose is about something else
                Matcher m = DATE_LINE.matcher(line);
                if (m.find()) return Integer.valueOf(m.group(1));
            }
        }
        if (created != null && created.matches("(19|20)[0-9]{2}.*")) return Integer.valueOf(created.substring(0, 4));
        return null;
    }

    /** The year a text names most (a bulletin opens 2023年，… and speaks of 2023 throughout); null when none. */
    static Integer mostNamedYear(String text) {
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        Matcher m = EXPLICIT_YEAR.matcher(text);
        while (m.find()) counts.merge(Integer.valueOf(m.group(1)), 1, Integer::sum);
        return counts.entrySet().stream().max(java.util.Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(java.util.Map.Entry.comparingByKey())).map(java.util.Map.Entry::getKey).orElse(null);
    }
}
