package figtrace.entities;

import figtrace.ids.Ids;

import figtrace.model.DocumentText;
import figtrace.model.Entity;
import figtrace.model.TextLine;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds named entities (ORG, PLACE, PERSON, DOC, PROGRAM, INDUSTRY) in a document. Rules and word lists come from
 * {@code patterns/entities.tsv} and {@code patterns/places.tsv}; HanLP only adds person names.
 *
 * <p>Each distinct surface form is reported once, at its first occurrence (that is how the gold sets count).
 * Lines marked as soft wraps ({@code TextLine.continues()}) are read as one paragraph; a name across such a break
 * keeps exact offsets and its text reads without the break, as {@link figtrace.model.Measure#text()} does.
 * Overlapping candidates are resolved per line: book titles, then quoted names, then the longest rule match, then
 * HanLP persons. An entity's text is {@code text.text().substring(charStart, charEnd)} (minus any soft-wrap break).
 */
public final class EntityStage {

    private static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile("^\\s*(?:-\\s*)?\\[\\d+\\]");

    private final EntityRules rules;
    private final CandidateFinder finder;

    /** Loads the rules from {@code patternsDir}; a bad line fails here with {@code patterns/FILE:LINE: …}. */
    public EntityStage(Path patternsDir) {
        this.rules = EntityRules.load(patternsDir);
        this.finder = new CandidateFinder(rules);
        Hanlp.addWords(rules.known.keySet());
    }

    /** Rules from ./patterns. */
    public EntityStage() { this(Path.of("patterns")); }

    /**
     * The pipeline's entry point: the entities of one document, read with its context (the document's own region
     * names its "自治区…" agencies; none when the document names no region).
     */
    public List<Entity> extract(figtrace.model.DocumentContext context) {
        return extract(context.source().name(), context.text(), context.ownRegionOfficial());
    }

    /** Entities of a document about Xinjiang, the first corpus (its 自治区… names expand to 新疆维吾尔自治区…). */
    public List<Entity> extract(String doc, DocumentText text) {
        return extract(doc, text, Canonicals.XINJIANG);
    }

    /**
     * @param ownRegion the full name of the region the document is about (宁夏回族自治区): its "自治区…" agencies
     *                  are that region's; null when unknown, and such names keep their written form
     */
    public List<Entity> extract(String doc, DocumentText text, String ownRegion) {
        List<Entity> out = new ArrayList<>();
        String contentKey = Ids.textKey(text.text()); // ids from content: a renamed file keeps them
        Set<String> seen = new HashSet<>();
        for (Paragraph para : Paragraph.of(text)) {
            String s = para.text();
            // entries of a reference list name their authors and titles, which the guideline leaves out
            if (s.isBlank() || REFERENCE.matcher(s).find()) continue;
            for (Candidate c : resolve(finder.find(s, 0))) {
                int start = para.docStart(c.start()), end = para.docEnd(c.end());
                // a name across a soft wrap keeps exact offsets; its text reads without the break (as for measures)
                String surface = text.text().substring(start, end).replace("\r", "").replace("\n", "");
                if (!seen.add(normalise(surface))) continue;
                String canonical = c.canonical() != null ? c.canonical() : Canonicals.canonical(surface, c.type(), rules, ownRegion);
                // known short names (自治区党委, 财政厅) are listed for Xinjiang, the first corpus; in another region's
                // document, a short name that does not say 新疆 is that region's body
                if (!surface.contains("新疆") && ownRegion != null && !ownRegion.equals(Canonicals.XINJIANG)) {
                    canonical = canonical.replace(Canonicals.XINJIANG, ownRegion);
                }
                TextLine line = text.lineAt(start);
                out.add(new Entity(Ids.entity(contentKey, start, end, c.type()), doc, line.page() == 0 ? null : line.page(),
                        line.number(), start, end, surface, c.type(), canonical,
                        Canonicals.canonicalId(c.type(), canonical), c.attributes(), c.rule()));
            }
        }
        return out;
    }

    /** Keeps the best non-overlapping candidates, in text order. */
    static List<Candidate> resolve(List<Candidate> candidates) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingInt(Candidate::priority)
                .thenComparing(Comparator.comparingInt(Candidate::length).reversed())
                .thenComparingInt(Candidate::start));
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : sorted) {
            if (kept.stream().noneMatch(c::overlaps)) kept.add(c);
        }
        kept.sort(Comparator.comparingInt(Candidate::start));
        return kept;
    }

    /** Same comparison as the scorer: NFKC, no whitespace. */
    static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

}
