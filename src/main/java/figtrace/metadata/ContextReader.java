package figtrace.metadata;

import figtrace.model.DocKind;
import figtrace.model.DocumentContext;
import figtrace.model.DocumentMetadata;
import figtrace.model.ParsedDocument;
import figtrace.model.Place;
import figtrace.model.ReportPeriod;
import figtrace.model.SourceFile;
import figtrace.rules.Region;
import figtrace.rules.Rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a document's {@link DocumentContext}: the region it is about, the period it reports on and its kind, each read
 * from the document itself. The one place figtrace decides a document's own region:
 * <ol>
 *   <li>its title (鹤壁市2025年国民经济和社会发展统计公报 → 鹤壁市; (河南省)2025年安阳市…公报 → 安阳市, the most
 *       specific place of the title that lies inside the others);</li>
 *   <li>its issuer (鹤壁市统计局, 吴忠市财政局);</li>
 *   <li>the web site that published it (HTML {@code <meta name="SiteName">} or {@code <title>}: 六安市财政局,
 *       南昌市人民政府);</li>
 *   <li>its first lines (a letterhead, a heading);</li>
 *   <li>else the province or prefecture its text names most, when named often enough to be more than a passing
 *       mention.</li>
 * </ol>
 * No default: a document that names no region has none. Pure and never throws on odd text.
 */
public final class ContextReader {
    /** Lines at the top where a letterhead or heading names the issuing place. */
    private static final int FIRST_LINES = 8;
    private final Map<String, Region> names;
    private final List<String> provinceSelfWords;
    private final Map<Character, int[]> lengthsByFirst = new HashMap<>();

    private final Periods periods;

    /** A reader with the period words of {@code rules.dir()}/metadata.tsv (loaded again; the pipeline uses
     *  {@link MetadataStage#contextReader(Rules)}, which shares the stage's). */
    public ContextReader(Rules rules) {
        this(rules, new Periods(new MetadataWords(rules.dir())));
    }

    ContextReader(Rules rules, Periods periods) {
        this.periods = periods;
        this.names = rules.regionNames();
        this.provinceSelfWords = rules.selfRegionWords().entrySet().stream().filter(e -> e.getValue().equals("province"))
                .map(Map.Entry::getKey).sorted().toList();
        Map<Character, java.util.TreeSet<Integer>> lengths = new HashMap<>();
        for (String n : names.keySet()) lengths.computeIfAbsent(n.charAt(0), k -> new java.util.TreeSet<>()).add(n.length());
        lengths.forEach((c, set) -> lengthsByFirst.put(c, set.descendingSet().stream().mapToInt(Integer::intValue).toArray()));
    }

    public DocumentContext read(SourceFile source, ParsedDocument parsed, DocumentMetadata metadata) {
        return read(source, parsed.text(), metadata, parsed.metadata());
    }

    /**
     * @param metadata       what the text says about itself ({@code MetadataStage}); {@link DocumentMetadata#empty()}
     *                       for a snippet
     * @param formatMetadata the format's own values (title, created …), or an empty map
     */
    public DocumentContext read(SourceFile source, figtrace.model.DocumentText text, DocumentMetadata metadata,
                                Map<String, String> formatMetadata) {
        String t = text.text();
        DocKind kind = metadata.docKind();
        String title = metadata.title() != null ? metadata.title() : formatMetadata.get("title");
        Found own = ownRegion(t, proseOnly(text), metadata, formatMetadata.get("site"));
        ReportPeriod period = periods.read(t, title, kind, formatMetadata);
        return new DocumentContext(source, text, metadata, formatMetadata,
                own == null ? null : place(own.region), own == null ? null : own.where, period, kind);
    }

    /** The Place of a region of regions.tsv. */
    public static Place place(Region r) {
        return new Place(r.standard(), r.official(), r.code(), r.level(), r.provinceOrSelf() == null ? "" : r.provinceOrSelf());
    }

    private record Found(Region region, String where) {}

    /**
     * @param prose the text with its table rows blanked: a budget table that lists every prefecture of a province
     *              is about the province its prose speaks of, not the prefecture its rows name most
     */
    private Found ownRegion(String text, String prose, DocumentMetadata metadata, String site) {
        Region r = mostSpecific(named(squeeze(metadata.title())));
        if (r != null) return new Found(r, "title");
        r = mostSpecific(named(squeeze(metadata.issuer())));
        if (r != null) return new Found(r, "issuer");
        // a web page's site (六安市财政局, 南昌市人民政府) when its article speaks only of 全市, 市财政局
        r = mostSpecific(named(squeeze(site)));
        if (r != null) return new Found(r, "site");
        String[] lines = text.split("\n", 60);
        for (int i = 0, seen = 0; i < lines.length && seen < FIRST_LINES; i++) {
            String line = squeeze(lines[i]);
            if (line.isEmpty()) continue;
            seen++;
            if (line.contains("\t")) continue; // a table row (广州市 32039.46 …) is data, not a letterhead
            if (line.length() > 60) continue; // a heading or letterhead is short; prose names places in passing
            r = mostSpecific(named(line));
            if (r != null) return new Found(r, "first lines");
        }
        r = mostNamed(prose);
        if (r != null) return new Found(r, "mentions");
        r = provinceSpokenOf(text);
        return r == null ? null : new Found(r, "mentions");
    }

    /**
     * Among the places a title names, the most specific one that lies inside all the others named before it
     * ((河南省)2025年安阳市 → 安阳市); the first when they are unrelated.
     */
    private static Region mostSpecific(List<Region> named) {
        if (named.isEmpty()) return null;
        Region best = named.get(0);
        for (Region r : named.subList(1, named.size())) {
            if (best.contains(r) && !best.standard().equals(r.standard())) best = r;
        }
        return best;
    }

    private record Named(int at, String name, Region region) {}

    /** Every name of regions.tsv in a text, longest first at each position, in text order. */
    private List<Named> scan(String s) {
        List<Named> out = new ArrayList<>();
        if (s == null) return out;
        for (int i = 0; i < s.length(); ) {
            int found = 0;
            for (int len : lengthsByFirst.getOrDefault(s.charAt(i), new int[0])) {
                if (len < 2 || i + len > s.length()) continue;
                String name = s.substring(i, i + len);
                Region r = names.get(name);
                if (r == null) continue;
                found = len;
                out.add(new Named(i, name, r));
                break;
            }
            i += found > 0 ? found : 1;
        }
        return out;
    }

    /**
     * Provinces, prefectures and counties named in a short text, in order; a county only by its full name of three
     * characters or more (a short county name is too often a word).
     */
    private List<Region> named(String s) {
        return scan(s).stream().filter(m -> {
            String level = m.region().level();
            return level.equals("province") || level.equals("prefecture")
                    || level.equals("county") && m.name().equals(m.region().standard()) && m.name().length() >= 3;
        }).map(Named::region).toList();
    }

    /**
     * The province or prefecture a text names most, a mention in its first 1500 characters weighing two; a place
     * named fewer than three weighted times is a passing mention, not the document's region.
     */
    private Region mostNamed(String text) {
        Map<String, Integer> score = new HashMap<>();
        for (Named m : scan(text)) {
            String level = m.region().level();
            if (level.equals("province") || level.equals("prefecture")) score.merge(m.region().standard(), m.at() < 1500 ? 2 : 1, Integer::sum);
        }
        return best(score, 3);
    }

    /**
     * A document that speaks of itself as 自治区/我省/全省 three times or more (budget tables) is about the province
     * the places it names lie in.
     */
    private Region provinceSpokenOf(String text) {
        int self = 0;
        for (String w : provinceSelfWords) {
            for (int at = text.indexOf(w); at >= 0 && self < 3; at = text.indexOf(w, at + w.length())) self++;
        }
        if (self < 3) return null;
        Map<String, Integer> provinces = new HashMap<>();
        for (Named m : scan(text)) {
            String province = m.region().provinceOrSelf();
            if (province != null && !m.region().level().equals("corps")) provinces.merge(province, 1, Integer::sum);
        }
        return best(provinces, 1);
    }

    /** The highest-scoring name with at least {@code min} (ties: the first in code order of names), as a region. */
    private Region best(Map<String, Integer> score, int min) {
        return score.entrySet().stream().filter(e -> e.getValue() >= min)
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry::getKey, java.util.Comparator.reverseOrder()))
                .map(e -> names.get(e.getKey())).orElse(null);
    }

    /** The text with every table row (a layout table, or tab-separated cells) replaced by spaces, offsets kept. */
    private static String proseOnly(figtrace.model.DocumentText text) {
        StringBuilder b = new StringBuilder(text.text());
        for (figtrace.model.TextLine l : text.lines()) {
            if (l.isTableRow() || text.lineText(l).strip().contains("\t")) {
                for (int i = l.start(); i < l.end(); i++) b.setCharAt(i, ' ');
            }
        }
        return b.toString();
    }

    private static String squeeze(String s) { return s == null ? null : s.replace(" ", "").replace("\u3000", "").strip(); }
}
