package figtrace.entities;

import figtrace.ids.Ids;

import figtrace.model.DocumentText;
import figtrace.model.Entity;
import figtrace.model.EntityType;
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
 * {@code patterns/entities.tsv} and the one place list {@code patterns/regions.tsv}; HanLP adds
 * person names and its own place and organisation words (checked before they are taken).
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
        Hanlp.addWords(rules.known.values().stream().filter(k -> !k.rule().equals("entities:gazetteer")).map(EntityRules.Known::text).toList());
        Hanlp.warmInBackground();
    }

    /** Rules from ./patterns. */
    public EntityStage() { this(Path.of("patterns")); }

    /**
     * The pipeline's entry point: the entities of one document, read with its context. The context's own region names
     * the document's "省委", "市人大", "自治区…" bodies; when it has none, the title lines are read for one.
     */
    public List<Entity> extract(figtrace.model.DocumentContext context) {
        List<Paragraph> paragraphs = Paragraph.of(context.text());
        OwnRegion own = null;
        if (context.ownRegion() != null) {
            EntityRules.Place p = rules.place(context.ownRegionOfficial());
            if (p == null) p = rules.place(context.ownRegionName());
            if (p != null) own = p.level().equals("province") ? new OwnRegion(p.fullName(), null)
                    : new OwnRegion(p.provinceFullName(), p.fullName());
        }
        if (own == null) own = ownRegion(paragraphs, null);
        return extract(context.source().name(), context.text(), paragraphs, own);
    }

    /** Entities of a document; its own region is read from its title lines. */
    public List<Entity> extract(String doc, DocumentText text) {
        return extract(doc, text, (String) null);
    }

    /**
     * @param ownProvince the official name of the province the document is about (宁夏回族自治区) when the caller
     *                    knows it (from the figures' regions); the title lines win when they name a place
     */
    public List<Entity> extract(String doc, DocumentText text, String ownProvince) {
        List<Paragraph> paragraphs = Paragraph.of(text);
        return extract(doc, text, paragraphs, ownRegion(paragraphs, ownProvince));
    }

    /** Entities of a document whose own region is known (from the document context). */
    public List<Entity> extract(String doc, DocumentText text, OwnRegion own) {
        return extract(doc, text, Paragraph.of(text), own == null ? OwnRegion.UNKNOWN : own);
    }

    private List<Entity> extract(String doc, DocumentText text, List<Paragraph> paragraphs, OwnRegion own) {
        List<Entity> out = new ArrayList<>();
        String contentKey = Ids.textKey(text.text()); // ids from content: a renamed file keeps them
        Set<String> seen = new HashSet<>();
        boolean first = true;
        for (Paragraph para : paragraphs) {
            String s = para.text();
            // entries of a reference list name their authors and titles, which the guideline leaves out
            if (s.isBlank() || REFERENCE.matcher(s).find()) continue;
            List<Candidate> all = finder.find(s, 0);
            List<Candidate> kept = first ? withTitle(s, all) : withNestedPlaces(resolve(all), all);
            first = false;
            for (Candidate c : kept) {
                int start = para.docStart(c.start()), end = para.docEnd(c.end());
                // a name across a soft wrap keeps exact offsets; its text reads without the break (as for measures)
                String surface = text.text().substring(start, end).replace("\r", "").replace("\n", "");
                if (!seen.add(normalise(surface))) continue;
                String canonical = c.canonical() != null ? Canonicals.fill(c.canonical(), surface, own)
                        : Canonicals.canonical(surface, c.type(), rules, own);
                TextLine line = text.lineAt(start);
                out.add(new Entity(Ids.entity(contentKey, start, end, c.type()), doc, line.page() == 0 ? null : line.page(),
                        line.number(), start, end, surface, EntityType.of(c.type()), canonical,
                        Canonicals.canonicalId(c.type(), canonical), c.attributes(), c.rule()));
            }
        }
        // a name on a page read by OCR says so, with Tesseract's confidence, like a figure
        return figtrace.model.OcrSpans.entities(out, text);
    }

    /**
     * The document's own title, its first line, is a named document when it ends like one (2025年河北省政府工作报告,
     * 关于普洱市…的报告（摘要）); the places and known names inside it are names the text speaks of too (河北省,
     * 政府工作报告), so they are kept beside it.
     */
    private List<Candidate> withTitle(String line, List<Candidate> all) {
        Candidate title = all.stream().filter(c -> c.rule().equals("entities:title_doc")).findFirst().orElse(null);
        if (title == null) {
            String t = line.strip();
            int start = line.indexOf(t);
            boolean ends = rules.docEndings.stream().anyMatch(t::endsWith);
            if (ends && t.length() <= 60 && t.length() >= 6 && t.chars().noneMatch(c -> "。，；：:！？".indexOf(c) >= 0)) {
                title = new Candidate(start, start + t.length(), "DOC", null, "entities:title_doc", CandidateFinder.RULE, null);
            }
        }
        if (title == null) return withNestedPlaces(resolve(all), all);
        final Candidate doc = title;
        List<Candidate> rest = all.stream().filter(c -> c != doc && !c.rule().equals("entities:title_doc")).toList();
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : withNestedPlaces(resolve(rest), rest)) {
            boolean inside = doc.start() <= c.start() && c.end() <= doc.end();
            // inside the title only places and known names stand on their own (省政府 in 河北省政府工作报告 does not), and
            // the body whose title it is when the title opens with its name (中山市财政局2025年工作总结与2026年工作安排,
            // 淄博市财政局2025年工作总结和2026年工作计划)
            boolean issuer = c.type().equals("ORG") && c.rule().equals("entities:suffix") && c.start() == doc.start();
            if (inside ? c.type().equals("PLACE") || issuer || (c.rule().equals("entities:name") && c.type().equals("DOC"))
                    : !c.overlaps(doc)) out.add(c);
        }
        out.add(doc);
        out.sort(Comparator.comparingInt(Candidate::start).thenComparing(Comparator.comparingInt(Candidate::length).reversed()));
        return out;
    }

    /** How many non-blank paragraphs at the top of a document count as its title lines. */
    private static final int TITLE_LINES = 5;

    /**
     * The document's own region: the first gazetteer place in its title lines (2025年河南省政府工作报告 → 河南省;
     * 关于普洱市…的报告 → 普洱市 in 云南省), else the province the caller gives.
     */
    OwnRegion ownRegion(List<Paragraph> paragraphs, String fallbackProvince) {
        int seenLines = 0;
        for (Paragraph para : paragraphs) {
            if (para.text().isBlank()) continue;
            if (++seenLines > TITLE_LINES) break;
            // places inside the title's own name count (关于普洱市…的报告 is one DOC)
            List<Candidate> places = new ArrayList<>(finder.find(para.text(), 0).stream()
                    .filter(c -> c.type().equals("PLACE")).toList());
            places.sort(Comparator.comparingInt(Candidate::start).thenComparing(Comparator.comparingInt(Candidate::length).reversed()));
            for (Candidate c : places) {
                EntityRules.Place p = rules.place(para.text().substring(c.start(), c.end()));
                if (p == null) continue;
                return p.level().equals("province") ? new OwnRegion(p.fullName(), null)
                        : new OwnRegion(p.provinceFullName(), p.fullName());
            }
        }
        return new OwnRegion(fallbackProvince, null);
    }

    /**
     * A place named inside a quoted name is a place the text speaks of too (塔吉克斯坦 in 中国—塔吉克斯坦“一带一路”联合实验室);
     * places inside other names (乌鲁木齐 in 乌鲁木齐高新区, 中国 in 《中国开发区审核公告目录》) are not.
     */
    static List<Candidate> withNestedPlaces(List<Candidate> kept, List<Candidate> all) {
        List<Candidate> out = new ArrayList<>(kept);
        for (Candidate outer : kept) {
            if (outer.priority() != CandidateFinder.QUOTED) continue;
            for (Candidate c : all) {
                if (c.type().equals("PLACE") && c.priority() == CandidateFinder.RULE && outer.start() <= c.start()
                        && c.end() <= outer.end() && c.length() < outer.length()
                        && out.stream().noneMatch(o -> o != outer && o.overlaps(c))) {
                    out.add(c);
                }
            }
        }
        out.sort(Comparator.comparingInt(Candidate::start).thenComparing(Comparator.comparingInt(Candidate::length).reversed()));
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
