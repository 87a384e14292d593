package figtrace.metadata;

import figtrace.model.DocIssue;
import figtrace.model.DocumentMetadata;
import figtrace.model.ParsedDocument;
import figtrace.model.SourceFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a document's own description of itself — title, authors, affiliation, journal or issuer, date, document number,
 * keywords and kind — so that figures can be cited. The text wins: the file format's values (a docx "author" of
 * Administrator, a creation date years off) are only used when the text says nothing, and {@code sources} tells which.
 *
 * <p>Word lists come from {@code patterns/metadata.tsv}, read once in the constructor (a bad line fails there).
 * {@link #extract} is pure and never throws.
 *
 * <p>Where the header's lines are is {@link HeaderLines}; the shapes of lines, titles and bylines have their own
 * classes. The field-by-field {@code Reader} stays here as one inner class (the class is about 320 lines) because each
 * field it reads uses the ones read before it (the byline sits under the title, a date may come from the number).
 */
public final class MetadataStage {

    /** Issuers and dates signed at the end of a document sit in its last lines. */
    static final int SIGNATURE = 6;
    /** A line holding the document's own number is short: the number, maybe a date or a copy mark. */
    static final int MAX_NUMBER_LINE = 40;
    /** A journal's masthead is printed in the first lines of a paper. */
    static final int MASTHEAD_LINES = 15;
    /** Kind cues (摘要, 编者按) are looked for in this many first lines. */
    static final int KIND_TOP = 30;

    private static final Pattern ARTICLE_YEAR = Pattern.compile("\\(((?:19|20)\\d{2})\\)");
    private static final Pattern JOURNAL_BANNER = Pattern.compile("^《([^》]{2,30})》(?:网络首发|\\d{4}年)");
    private static final Pattern KEYWORD_SPLIT = Pattern.compile("\\s*[;；,，、]\\s*");

    private final MetadataWords words;
    private final Shapes shapes;
    private final Titles titles;
    private final Bylines bylines;
    private final HeaderLines header;

    /** Loads patterns/metadata.tsv from {@code patternsDir}; a bad line fails with {@code patterns/metadata.tsv:LINE: …}. */
    public MetadataStage(Path patternsDir) {
        this.words = new MetadataWords(patternsDir);
        this.shapes = new Shapes(words);
        this.titles = new Titles(shapes);
        this.bylines = new Bylines(words, shapes);
        this.header = new HeaderLines(shapes);
    }

    /** The file-name check over these places, with the short-name endings of metadata.tsv (place_short_ending). */
    public FileNameCheck nameCheck(java.util.Map<String, figtrace.rules.Region> regionNames) {
        return new FileNameCheck(regionNames, words.placeShortEndings);
    }

    /** The reader of a document's context, with this stage's period words (report_title_ending …). */
    public ContextReader contextReader(figtrace.rules.Rules rules) {
        return new ContextReader(rules, new Periods(words));
    }

    /** Word lists from ./patterns. */
    public MetadataStage() { this(Path.of("patterns")); }

    /**
     * The metadata of one document; never throws (an unexpected failure gives what the format alone says). The file's
     * name is deliberately not read: names lie (a 黔东南州 2016 bulletin saved as 洛阳 2023).
     */
    public DocumentMetadata extract(SourceFile file, ParsedDocument doc) {
        return read(file, doc).metadata();
    }

    /**
     * The metadata of one document and what went wrong reading it: a heuristic that trips on an odd line (an exception,
     * or a regular expression too deep for the stack) does not stop the document; the format's own values are still
     * used, and the failure becomes a {@code metadata_failed} issue of the document, so it is seen and can be reported.
     */
    public Reading read(SourceFile file, ParsedDocument doc) {
        Map<String, String> format = doc == null || doc.metadata() == null ? Map.of() : doc.metadata();
        try {
            return new Reading(new Reader(doc == null ? List.of() : Line.of(doc.text()), format).read(), List.of());
        } catch (RuntimeException | StackOverflowError e) {
            DocIssue issue = new DocIssue("metadata_failed", "reading the document's title, authors, issuer and date"
                    + " from its text failed (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                    + e.getMessage()) + "); its figures are extracted as usual and its metadata comes from the file"
                    + " format only. Please report this document: it shows a bug in figtrace.");
            try {
                return new Reading(new Reader(List.of(), format).read(), List.of(issue));
            } catch (RuntimeException | StackOverflowError again) {
                return new Reading(DocumentMetadata.empty(), List.of(issue));
            }
        }
    }

    /** A document's metadata and the problems met reading it (empty when none). */
    public record Reading(DocumentMetadata metadata, List<DocIssue> issues) {
        public Reading {
            issues = List.copyOf(issues);
        }
    }

    /**
     * One document's reading, field by field, in the order that matters: each field is looked for where it is most
     * reliable first (a label, a citation line, the header under the title, the signature, the file format), and later
     * fields use earlier ones (the byline sits under the title; a date may come from the document number).
     */
    private final class Reader {
        private final List<Line> lines;
        private final Map<String, String> format;
        private final Map<String, Labels.Field> labels;
        private final Citation cite;
        private final String citeWhere;
        private final String formatTitle;
        /** field name → where it was read (see {@link DocumentMetadata#sources()}) */
        private final Map<String, String> src = new LinkedHashMap<>();

        private String title;
        /** where the title is printed in the text, for the byline, header and signature around it; or null */
        private Titles.Found found;
        private final List<String> authors = new ArrayList<>();
        private String organisation, journal, issuer, date, docNumber;
        private Line numberAt;
        private final List<String> keywords = new ArrayList<>();

        Reader(List<Line> lines, Map<String, String> format) {
            this.lines = lines;
            this.format = format;
            this.labels = Labels.find(lines, words);
            this.cite = labels.containsKey("citation") ? Citation.parse(labels.get("citation").value()) : null;
            this.citeWhere = cite == null ? null : labels.get("citation").line().where() + " (引用格式)";
            this.formatTitle = blankToNull(format.get("title"));
        }

        DocumentMetadata read() {
            readTitle();
            readAuthors();
            readJournal();
            readIssuer();
            readDate();
            readDocNumber();
            dateFromDocNumberOrFormat();
            readKeywords();
            useFormatAuthor();
            figtrace.model.DocKind kind = kind(title, issuer, lines, src);
            return new DocumentMetadata(title, authors, organisation, journal, issuer, date, docNumber, keywords, kind,
                    src);
        }

        /** A label, a citation line, a top line the format's title confirms, the header's first heading, the format. */
        private void readTitle() {
            if (labels.containsKey("title")) {
                set("title", labels.get("title").value(), labels.get("title").line().where());
            } else if (cite != null && cite.title() != null) {
                set("title", cite.title(), citeWhere);
            }
            if (title != null) {
                found = header.locate(lines, title); // the printed title also heads the body of a CNKI paper
                return;
            }
            found = titles.confirmedByFormat(lines, formatTitle);
            if (found == null) found = titles.inHeader(lines);
            if (found == null && formatTitle != null) {
                set("title", Line.clean(formatTitle), "format:title");
                return;
            }
            if (found == null) found = titles.anywhere(lines);
            if (found != null) set("title", found.title(), lines.get(found.first()).where());
        }

        /** The byline under the title (with the affiliation), else the labelled or cited authors. */
        private void readAuthors() {
            Bylines.Found by = found == null ? null : bylines.after(lines, found.last());
            if (by != null && !by.authors().isEmpty()) {
                authors.addAll(by.authors());
                src.put("authors", by.authorLine().where());
                if (by.organisation() != null) set("organisation", by.organisation(), by.orgLine().where());
            } else if (labels.containsKey("authors")) {
                for (String a : labels.get("authors").value().split("[\\s,，、;；]+")) if (!a.isBlank()) authors.add(a.strip());
                src.put("authors", labels.get("authors").line().where());
            } else if (cite != null && !cite.authors().isEmpty()) {
                authors.addAll(cite.authors());
                src.put("authors", citeWhere);
            }
        }

        /** The cited or labelled journal, a 来源 that ends like a journal (else it is the issuer), the masthead. */
        private void readJournal() {
            if (cite != null && cite.journal() != null) {
                set("journal", cite.journal(), citeWhere);
            } else if (labels.containsKey("journal")) {
                set("journal", labels.get("journal").value(), labels.get("journal").line().where());
            }
            if (labels.containsKey("source")) {
                Labels.Field f = labels.get("source");
                String v = f.value().replaceFirst("[\\s　]+.*$", "");
                if (MetadataWords.endsWithAny(v, words.journalSuffixes) && !MetadataWords.endsWithAny(v, words.issuerSuffixes)) {
                    if (journal == null) set("journal", v, f.line().where() + " (来源)");
                } else {
                    set("issuer", v, f.line().where() + " (来源)");
                }
            }
            for (int i = 0; journal == null && i < Math.min(lines.size(), MASTHEAD_LINES); i++) {
                Matcher m = JOURNAL_BANNER.matcher(lines.get(i).squeezed());
                String name = m.find() ? m.group(1) : titles.journalName(lines, i);
                if (name != null) set("journal", name, lines.get(i).where());
            }
        }

        /** An issuer line or letterhead in the header or signature, else a broker's name heading the format's title. */
        private void readIssuer() {
            if (issuer == null) {
                Line at = header.issuerLine(lines, found);
                if (at != null) {
                    set("issuer", shapes.isLetterhead(at) ? shapes.letterheadIssuer(at) : at.raw().replaceAll("[\\s　]+", " "),
                            at.where());
                }
            }
            if (issuer == null && formatTitle != null) {
                // broker notes are named "德邦证券-高测股份(688556)…" by their publisher
                int dash = formatTitle.indexOf('-');
                String head = dash > 1 ? formatTitle.substring(0, dash).strip() : "";
                if (!head.isEmpty() && head.length() <= 20 && MetadataWords.endsWithAny(head, words.issuerSuffixes)) {
                    set("issuer", head, "format:title");
                }
            }
        }

        /** A labelled date, a date line in the header or signed at the end, the citation's year. */
        private void readDate() {
            if (labels.containsKey("date")) {
                Dates.Found d = Dates.find(labels.get("date").value());
                if (d != null) set("date", d.iso(), labels.get("date").line().where());
            }
            if (date == null) {
                Line at = header.dateLine(lines, found);
                if (at != null) set("date", Dates.find(at.text().replaceFirst("^[—\\-\\s]+", "")).iso(), at.where());
            }
            if (date == null && cite != null && cite.year() != null) set("date", cite.year(), citeWhere);
        }

        /** A labelled document number, else one on a short line of its own in the header or signature. */
        private void readDocNumber() {
            if (labels.containsKey("docnumber")) {
                docNumber = labels.get("docnumber").value();
                numberAt = labels.get("docnumber").line();
            } else {
                numberAt = header.numberLine(lines, found);
                if (numberAt != null) {
                    Matcher m = Shapes.DOC_NUMBER.matcher(numberAt.text());
                    docNumber = m.find() ? m.group() : null;
                }
            }
            if (docNumber != null) src.put("docNumber", numberAt.where());
        }

        /** Still no date: the year of an article number (2026)03-0012, else the format's date or creation date. */
        private void dateFromDocNumberOrFormat() {
            if (date == null && docNumber != null) {
                Matcher m = ARTICLE_YEAR.matcher(docNumber);
                if (m.find()) set("date", m.group(1), numberAt.where() + " (year of the article number)");
            }
            for (String key : List.of("date", "created")) {
                if (date != null) break;
                Dates.Found d = format.get(key) == null ? null : Dates.find(format.get(key));
                if (d != null && d.start() == 0) set("date", d.iso(), "format:" + key);
            }
        }

        private void readKeywords() {
            if (!labels.containsKey("keywords")) return;
            for (String k : KEYWORD_SPLIT.split(labels.get("keywords").value())) {
                String kw = k.replaceAll("[。.]$", "").strip();
                if (!kw.isEmpty()) keywords.add(kw);
            }
            src.put("keywords", labels.get("keywords").line().where());
        }

        /**
         * The format's author is often the PC's owner (Administrator, Lenovo User): kept only when it reads as a body
         * (an issuer ending) or a Chinese name, and only when the text named none.
         */
        private void useFormatAuthor() {
            String formatAuthor = blankToNull(format.get("author"));
            if (formatAuthor == null) return;
            if (issuer == null && MetadataWords.endsWithAny(formatAuthor, words.issuerSuffixes)) {
                set("issuer", formatAuthor, "format:author");
            } else if (authors.isEmpty() && shapes.name(formatAuthor) != null) {
                authors.add(shapes.name(formatAuthor));
                src.put("authors", "format:author");
            }
        }

        /** Sets one single-valued field and where it was read. */
        private void set(String field, String value, String where) {
            switch (field) {
                case "title" -> title = value;
                case "organisation" -> organisation = value;
                case "journal" -> journal = value;
                case "issuer" -> issuer = value;
                case "date" -> date = value;
                default -> throw new IllegalArgumentException("not a single-valued field: " + field);
            }
            src.put(field, where);
        }
    }

    /** The first doc_kind row (file order) whose word is in the title or the first lines. */
    private figtrace.model.DocKind kind(String title, String issuer, List<Line> lines, Map<String, String> src) {
        StringBuilder top = new StringBuilder();
        for (int i = 0; i < Math.min(lines.size(), KIND_TOP); i++) top.append(lines.get(i).squeezed()).append('\n');
        for (MetadataWords.KindCue cue : words.kindCues) {
            String where = switch (cue.where()) {
                case "title" -> title;
                case "issuer" -> issuer;
                default -> top.toString();
            };
            if (where != null && where.contains(cue.word())) {
                src.put("docKind", cue.where() + " contains " + cue.word());
                return figtrace.model.DocKind.fromCode(cue.kind());
            }
        }
        return figtrace.model.DocKind.OTHER;
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
