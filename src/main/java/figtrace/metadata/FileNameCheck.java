package figtrace.metadata;

import figtrace.model.DocIssue;
import figtrace.model.DocumentContext;
import figtrace.model.ReportPeriod;
import figtrace.rules.Region;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a file's name and its content disagree on the year or the place, a sign the file was saved under the wrong
 * name (a 2016 bulletin of one prefecture named as another's 2023 report). Only what can be matched generally:
 * <ul>
 *   <li>years: every 19xx/20xx year in the name against the years the content gives (report year, budget year, the
 *       year it speaks in, its date). A report about one year is written, dated and often named in the next (a 2025
 *       bulletin published in 2026), so a name year counts as agreeing within one year; it disagrees only when it is
 *       further from every content year.</li>
 *   <li>places: place names of the administrative gazetteer in the name, in Chinese (洛阳市) or in pinyin (luoyang,
 *       qiandongnan: {@link PlacePinyin}), against the document's own region; they agree when one lies inside the
 *       other (新疆 and 和田地区). Pinyin is ambiguous (wuzhong is 吴忠市 and 吴中区, fuzhou 福州 and 抚州), so a pinyin
 *       word agrees when any place it can spell agrees.</li>
 * </ul>
 * Silent when the content does not say its year or region: no warning without something to compare.
 */
public final class FileNameCheck {
    public static final String CODE = "name_mismatch";

    /** A year not glued to other digits (2016 in qiandongnan_2016, 2023 in luoyang2023; not 1080 in a hash). */
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19[5-9]\\d|20\\d\\d)(?!\\d)");
    /** A hexadecimal hash part of a name (e3c7a792a1080dbf): its digits are no year. */
    private static final Pattern HASH = Pattern.compile("(?i)^(?=.*\\d)(?=.*[a-f])[0-9a-f]{8,}$");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");

    private final Map<String, Region> names;
    private final PlacePinyin pinyin;

    /** @param shortEndings endings dropped from a place's name to give its short name (metadata.tsv place_short_ending) */
    FileNameCheck(Map<String, Region> regionNames, List<String> shortEndings) {
        this.names = regionNames;
        this.pinyin = new PlacePinyin(regionNames, shortEndings);
    }

    public Optional<DocIssue> check(String fileName, DocumentContext context) {
        String base = fileName.replaceAll("^.*[/\\\\]", "").replaceAll("\\.[A-Za-z0-9]{1,5}$", "");
        List<String> problems = new ArrayList<>();

        Set<Integer> nameYears = yearsIn(base);
        Set<Integer> contentYears = contentYears(context);
        List<Integer> farYears = nameYears.stream()
                .filter(y -> contentYears.stream().noneMatch(c -> Math.abs(c - y) <= 1)).toList();
        boolean reportYearKnown = context.period().year() != null || context.period().budgetYear() != null;
        if (reportYearKnown && !farYears.isEmpty()) {
            List<Integer> nearYears = nameYears.stream().filter(y -> !farYears.contains(y)).toList();
            problems.add("the file name says " + join(farYears)
                    + (nearYears.isEmpty() ? "" : " (it also has " + join(nearYears) + ")") + ", the content reports on "
                    + context.period().label() + (context.metadata().date() == null ? "" : " (dated "
                    + context.metadata().date() + ")"));
        }

        Region own = context.ownRegion() == null ? null : names.get(context.ownRegion().name());
        if (own != null) {
            // Each place word of the name (a Chinese name, or a pinyin word with every place it can spell) must agree.
            Map<String, List<Region>> nameWords = new java.util.LinkedHashMap<>();
            for (Region r : placesIn(base)) nameWords.put(r.standard(), List.of(r));
            nameWords.putAll(pinyin.placesIn(base));
            List<String> disagreeing = new ArrayList<>();
            nameWords.forEach((word, places) -> {
                if (places.stream().noneMatch(p -> p.contains(own) || own.contains(p))) {
                    String spelled = String.join("/", places.stream().map(Region::standard).distinct().toList());
                    disagreeing.add(word.equals(spelled) ? word : word + " (" + spelled + ")");
                }
            });
            if (!disagreeing.isEmpty()) {
                problems.add("the file name names " + String.join("、", disagreeing) + ", the content is about "
                        + own.standard());
            }
        }
        if (problems.isEmpty()) return Optional.empty();
        return Optional.of(new DocIssue(CODE, fileName + ": " + String.join("; ", problems)
                + ". The file may be mislabelled: check which is right and rename the file, or trust the content"
                + " (figures are read from the content, not the name)."));
    }

    static Set<Integer> yearsIn(String base) {
        Set<Integer> years = new TreeSet<>();
        for (String part : base.split("[_\\-.\\s]+")) {
            if (HASH.matcher(part).matches()) continue;
            Matcher m = YEAR.matcher(part);
            while (m.find()) years.add(Integer.parseInt(m.group(1)));
        }
        return years;
    }

    private static Set<Integer> contentYears(DocumentContext context) {
        Set<Integer> years = new TreeSet<>();
        ReportPeriod p = context.period();
        if (p.year() != null) years.add(p.year());
        if (p.budgetYear() != null) years.add(p.budgetYear());
        if (p.speechYear() != null) years.add(p.speechYear());
        String date = context.metadata().date();
        if (date != null && date.matches("\\d{4}.*")) years.add(Integer.parseInt(date.substring(0, 4)));
        return years;
    }

    /** Gazetteer names in the Chinese runs of the name, longest first at each position. */
    private List<Region> placesIn(String base) {
        Set<Region> found = new LinkedHashSet<>();
        Matcher han = HAN.matcher(base);
        while (han.find()) {
            String run = han.group();
            for (int i = 0; i < run.length(); ) {
                int matched = 0;
                for (int end = run.length(); end > i + 1; end--) {
                    Region r = names.get(run.substring(i, end));
                    if (r != null) { found.add(r); matched = end - i; break; }
                }
                i += Math.max(matched, 1);
            }
        }
        return new ArrayList<>(found);
    }

    private static String join(java.util.Collection<Integer> years) {
        return String.join(" and ", years.stream().map(String::valueOf).toList());
    }
}
