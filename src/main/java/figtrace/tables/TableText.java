package figtrace.tables;

import figtrace.model.DocumentText;
import figtrace.model.TextLine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every part of the tables stage reads the same way: a table row's cells (the text between tabs, with their
 * offsets), which cell is a number, a caption (表N …), a 单位 line, a year, a unit in parentheses, and whether a row
 * holds data or is a running footer.
 */
final class TableText {
    static final Pattern NUMERIC = Pattern.compile("[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.[0-9]+)?%?");
    static final Pattern EMPTY_MARK = Pattern.compile("[-—–－]+|…+|/|\\*|x|X|×");
    static final Pattern CODE = Pattern.compile("[0-9]{3,9}");
    // a bullet may follow the number with or without a space (图表 4 • … in the atlas Nanping, Xiamen and Xuzhou
    // reports; 图表 7• 截至 2025 年底… in Xuzhou's, the space lost in the PDF); an appendix numbers its tables 附件 1-3
    // (附件 1-3 公司合并口径主要一级子公司情况（截至 2025 年底）, 附件 2-1 in the Xuzhou and Nanping rating reports)
    static final Pattern CAPTION = Pattern.compile("^\\s*(?:(?:附|图)?表|附件)\\s*([0-9０-９]+(?:[-－][0-9０-９]+)?|[一二三四五六七八九十百]+)(?=[\\s\u3000:：、．.（(•\\p{IsHan}]|$)");
    static final Pattern UNIT_LINE = Pattern.compile("单位\\s*[:：]\\s*([^\\s,，;；)）]{1,10})");
    static final Pattern YEAR = Pattern.compile("((?:19|20)[0-9]{2})\\s*年?");
    static final Pattern PAREN = Pattern.compile("[(（]([^()（）]{1,12})[)）]");
    /** A year printed apart from the 年 that follows it in the next cell (2025 | 年债务限额: a header split by a gap). */
    private static final Pattern BARE_YEAR = Pattern.compile("(?:19|20)[0-9]{2}");
    private static final Pattern PAGE_NUMBER = Pattern.compile("[0-9]{1,3}");

    private TableText() {}

    /** One cell of a table row: its text (trimmed) and where it stands in the document text. */
    record Cell(int start, int end, String text) {}

    /** The cells of a table row: the text between its tabs, trimmed, with their offsets. */
    static List<Cell> cells(DocumentText text, int lineIndex) {
        TextLine line = text.lines().get(lineIndex);
        List<Cell> cells = new ArrayList<>();
        String s = text.lineText(line);
        int from = 0;
        while (true) {
            int tab = s.indexOf('\t', from);
            int end = tab < 0 ? s.length() : tab;
            int a = from, b = end;
            while (a < b && Character.isWhitespace(s.charAt(a))) a++;
            while (b > a && Character.isWhitespace(s.charAt(b - 1))) b--;
            cells.add(new Cell(line.start() + a, line.start() + b, s.substring(a, b)));
            if (tab < 0) break;
            from = tab + 1;
        }
        return cells;
    }

    /** A row holding a number right of its first cell (a year split from its 年 is a header's, not a number). */
    static boolean isDataRow(List<Cell> row) {
        for (int j = 1; j < row.size(); j++) {
            if (!NUMERIC.matcher(norm(row.get(j).text())).matches()) continue;
            // 2025 | 年债务限额: a group title a column gap cut after its year (石嘴山 表十二), not a number
            if (j + 1 < row.size() && splitYear(row.get(j).text(), row.get(j + 1).text())) continue;
            return true;
        }
        return false;
    }

    /** A year cell whose 年 (and what follows it) a gap put in the next cell: 2025 | 年债务限额. */
    static boolean splitYear(String cell, String next) {
        return BARE_YEAR.matcher(cell.strip()).matches() && next.strip().startsWith("年");
    }

    /** A running footer caught in a table row: a title and its page number (跟踪评级报告 | 5). */
    static boolean isFooter(List<Cell> row) {
        List<String> filled = row.stream().map(Cell::text).filter(t -> !t.isEmpty()).toList();
        return filled.size() >= 2 && filled.size() <= 3 && filled.contains("|")
                && PAGE_NUMBER.matcher(filled.get(filled.size() - 1)).matches();
    }

    static String year(String s) {
        if (s == null) return null;
        Matcher m = YEAR.matcher(s);
        return m.find() ? m.group(1) : null;
    }

    /** Full-width letters and digits as ASCII, spaces dropped. */
    static String norm(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') c = (char) (c - 0xFEE0);
            if (c == '\u3000' || c == ' ') continue;
            b.append(c);
        }
        return b.toString();
    }
}
