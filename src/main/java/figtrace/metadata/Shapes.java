package figtrace.metadata;

import java.util.regex.Pattern;

/**
 * What a line looks like: a heading, a sentence of body text, a date line, an issuer line, a line of names. Shared by
 * the title, byline and issuer finders so that they agree about where the header of a document ends.
 */
final class Shapes {

    /** Section numbering: 一、 （一） (1) 1. 1 引言 第一部分 — headings inside the body, not the document's title. */
    private static final Pattern NUMBERED = Pattern.compile(
            "^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\\d]+[）)]|\\d+(?:\\.\\d+)*[\\s、.．]"
                    + "|第[一二三四五六七八九十\\d]+[章节部分篇]|[表图]\\s*[\\d一二三四五六七八九十]+)");
    /** An official document number: 新政办发〔2024〕12号. */
    static final Pattern DOC_NUMBER = Pattern.compile(
            "\\p{IsHan}{1,12}[〔［\\[【]((?:19|20)\\d{2})[〕］\\]】]\\s*第?\\d{1,5}\\s*号");
    /** A journal masthead: volume and issue, ISSN or CN numbers ("第41卷第2期", "ISSN 1009-5330, CN 65-1211/F"). */
    private static final Pattern MASTHEAD = Pattern.compile(
            "第\\s*\\d+\\s*卷|第\\s*\\d+\\s*期|\\bVol\\.\\s*\\d|\\bISSN\\b|\\bCN\\s*\\d{2}-\\d{4}", Pattern.CASE_INSENSITIVE);
    /** A short field name and a colon (单位：万元, 资料来源：…): a form field, not a title. */
    private static final Pattern FIELD = Pattern.compile("^\\p{IsHan}{1,6}[：:]");
    /** A name of 2–4 characters, or a minority name with a middle dot (艾尔肯·吐尼亚孜). */
    private static final Pattern NAME = Pattern.compile("^\\p{IsHan}{2,4}$|^\\p{IsHan}{2,6}[·•]\\p{IsHan}{2,8}$");
    private static final Pattern NAME_MARKS = Pattern.compile("[*\\d¹²³⁴⁵⁶⁷⁸⁹⁰,，]+$");

    private final MetadataWords words;

    Shapes(MetadataWords words) { this.words = words; }

    /** A line of body text: long, or ending a sentence, or soft-wrapped into the next line. */
    boolean isProse(Line l) {
        if (l.hanCount() == 0 || l.isTableRow()) return false;
        String t = l.text();
        return t.length() >= 45 || t.endsWith("。") || l.line().continues();
    }

    /** A line starting with a date, after a leading dash: "2026年3月27日", "——2026年6月15日在…". */
    boolean isDateLine(Line l) {
        String t = l.text().replaceFirst("^[—\\-\\s]+", "");
        Dates.Found d = Dates.find(t);
        return d != null && d.start() == 0;
    }

    /** A short line naming an issuing body: "和田地区统计局", "黔东南州统计局 国家统计局黔东南调查队". */
    boolean isIssuerLine(Line l) {
        String t = l.squeezed();
        return !l.isTableRow() && l.hanCount() >= 3 && t.length() <= 40 && !t.matches(".*[。，；：:、].*")
                && !isDateLine(l) && MetadataWords.endsWithAny(t, words.issuerSuffixes);
    }

    /** A red letterhead over an official document: "新疆维吾尔自治区人民政府办公厅文件". */
    boolean isLetterhead(Line l) {
        String t = l.squeezed();
        return !l.isTableRow() && l.hanCount() >= 4 && t.length() <= 40 && !t.matches(".*[。，；：:、].*")
                && MetadataWords.endsWithAny(t, words.letterheads);
    }

    /** The issuing body named by a letterhead, without the letterhead word. */
    String letterheadIssuer(Line l) {
        String t = l.text();
        for (String w : words.letterheads) if (t.endsWith(w)) return t.substring(0, t.length() - w.length()).strip();
        return t;
    }

    /** A line holding a label ("作者：…"). */
    boolean isLabelLine(Line l) {
        for (String label : words.labels.keySet()) if (Labels.valueAfter(l.raw(), label) != null) return true;
        return false;
    }

    /** Could be (part of) a document title: Chinese, short, no sentence inside, not furniture, not a section. */
    boolean isTitleLike(Line l) {
        if (l.isTableRow() || l.hanCount() < 4) return false;
        String t = l.text(), sq = l.squeezed();
        if (t.length() > 60 || t.matches(".*[。；？！?!].*")) return false;
        if (t.chars().filter(c -> c == '，').count() > 1 || t.matches(".*[，：:,]$")) return false;
        if (words.isChrome(sq) || words.isHeading(sq)) return false;
        if (isNumbered(l) || isDateLine(l) || isIssuerLine(l) || isLabelLine(l)) return false;
        if (isMasthead(l) || isLetterhead(l)) return false;
        if (FIELD.matcher(t).find() || DOC_NUMBER.matcher(t).find() && t.endsWith("号")) return false;
        for (String r : words.reporters) if (sq.contains(r)) return false;
        return !isNameLine(l);
    }

    boolean isMasthead(Line l) { return MASTHEAD.matcher(l.text()).find(); }

    boolean isNumbered(Line l) { return NUMBERED.matcher(l.text()).find(); }

    /** A byline: only personal names, separated by spaces or commas; each starts with a known surname. */
    boolean isNameLine(Line l) {
        if (l.isTableRow()) return false;
        String[] tokens = l.raw().split("[\\s\\u3000,，、;；]+");
        if (tokens.length == 0 || tokens.length > 8) return false;
        for (String token : tokens) if (name(token) == null) return false;
        return true;
    }

    /** The name in a byline token without footnote marks ("顾华详*" → 顾华详), or null when it is not a name. */
    String name(String token) {
        String n = NAME_MARKS.matcher(token.strip()).replaceAll("");
        if (!NAME.matcher(n).matches()) return null;
        // "新甘肃·甘肃日报记者" has a middle dot too, but it is a masthead and a job
        for (String r : words.reporters) if (n.contains(r)) return null;
        return n.contains("·") || n.contains("•") || words.surnames.indexOf(n.charAt(0)) >= 0 ? n : null;
    }
}
