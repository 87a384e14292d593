package figtrace.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tables a web page prints as a run of paragraphs, one cell each (the 镇江 2025 bulletin's 表1–表6: 项 目 / 价格指数 /
 * 比上年±% / 居民消费价格总指数 / 99.7 / -0.3 / # 食品烟酒 / 98.1 …), laid out again as one tab-separated row per table
 * row, so they are read as the tables they are. Such a run is recognised by its shape, never by its words: a caption
 * (表N …), header cells up to the first row's label, then rows of as many cells, each a label followed by cells whose
 * kind (a number, or a short word such as a unit 万吨) is the same in every row. A header cell that is only a unit in
 * brackets ((万亩), （%）) belongs to the header cell before it. Anything else is left as it is.
 */
final class FlatTables {
    private FlatTables() {}

    static final Pattern CAPTION = Pattern.compile("^\\s*(?:附|图)?表\\s*(?:[0-9０-９]+|[一二三四五六七八九十百]+)(?=[\\s\u3000:：、．.（(\\p{IsHan}]|$)");
    private static final Pattern UNIT_LINE = Pattern.compile("^\\s*[(（]?\\s*单位\\s*[:：]");
    private static final Pattern NUMBER = Pattern.compile("[+-−]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.[0-9]+)?[%％]?");
    private static final Pattern EMPTY_MARK = Pattern.compile("[-—–－/…*×]+");
    private static final Pattern BRACKETED = Pattern.compile("[(（][^()（）]{1,8}[)）]");
    /** Longest cell of a flattened table: longer paragraphs are prose. */
    private static final int MAX_CELL = 30;
    private static final int MAX_HEADER_CELLS = 12;

    /** The rows with every flattened table after a caption rewritten as tab-separated table rows. */
    static List<Row> rejoin(List<Row> rows) {
        int next = Lines.maxTable(rows) + 1;
        List<Row> out = new ArrayList<>(rows.size());
        int i = 0;
        while (i < rows.size()) {
            Row r = rows.get(i);
            out.add(r);
            i++;
            if (r.table >= 0 || r.tabular || !CAPTION.matcher(r.text).find() || r.text.strip().length() > 60) continue;
            while (i < rows.size() && rows.get(i).table < 0 && UNIT_LINE.matcher(rows.get(i).text).find()) out.add(rows.get(i++));
            Flat f = flat(rows, i);
            if (f == null) continue;
            out.add(new Row(r.page, String.join("\t", f.header), next));
            for (List<String> row : f.body) out.add(new Row(r.page, String.join("\t", row), next));
            next++;
            i = f.end;
        }
        return out;
    }

    record Flat(List<String> header, List<List<String>> body, int end) {}

    /**
     * The flattened table whose header starts at {@code from}, or null when the paragraphs there are no such table. The
     * header is as many paragraphs as make the rows below it fit (a row's label may be followed by a unit before its
     * first number: 产品名称 | 单位 | 产量 | 比上年±％ over 食醋 | 万吨 | 36.42 | 9.3); the fit covering most paragraphs wins.
     */
    static Flat flat(List<Row> rows, int from) {
        int firstNumber = -1;
        for (int j = from; j < rows.size() && j < from + MAX_HEADER_CELLS + 3; j++) {
            if (!isCell(rows.get(j))) return null;
            if (isNumber(rows.get(j).text)) { firstNumber = j; break; }
        }
        if (firstNumber < 0) return null;
        Flat best = null;
        for (int headerEnd = from + 1; headerEnd < firstNumber; headerEnd++) {
            Flat f = flat(rows, from, headerEnd);
            if (f != null && (best == null || f.end > best.end)) best = f;
        }
        return best;
    }

    /** The flattened table with its header in paragraphs [from, headerEnd), or null when the rows below do not fit it. */
    private static Flat flat(List<Row> rows, int from, int headerEnd) {
        List<String> header = new ArrayList<>();
        for (int j = from; j < headerEnd; j++) {
            String t = cell(rows.get(j).text);
            if (!header.isEmpty() && BRACKETED.matcher(t).matches()) header.set(header.size() - 1, header.get(header.size() - 1) + t);
            else header.add(t);
        }
        int k = header.size();
        if (k < 2) return null;
        List<List<String>> body = new ArrayList<>();
        Boolean[] numeric = new Boolean[k]; // each column's kind, fixed by the first row
        int j = headerEnd;
        while (j + k <= rows.size()) {
            List<String> row = new ArrayList<>(k);
            boolean ok = true;
            for (int c = 0; c < k && ok; c++) {
                Row cellRow = rows.get(j + c);
                String t = cell(cellRow.text);
                ok = isCell(cellRow);
                if (!ok) break;
                boolean num = isNumber(t) || EMPTY_MARK.matcher(t).matches();
                if (c == 0) ok = !num; // the row's label
                else if (numeric[c] == null) numeric[c] = num;
                else ok = numeric[c] == num;
                if (c > 0 && !num && t.length() > 8) ok = false; // a word cell beside figures is a unit, never a label
                row.add(t);
            }
            if (!ok) break;
            body.add(row);
            j += k;
        }
        int numberColumns = 0;
        for (int c = 1; c < k; c++) if (Boolean.TRUE.equals(numeric[c])) numberColumns++;
        if (body.size() < 2 || numberColumns == 0) return null;
        return new Flat(header, body, j);
    }

    private static boolean isCell(Row r) {
        String t = r.text.strip();
        return r.table < 0 && !r.tabular && !t.isEmpty() && t.length() <= MAX_CELL && !t.endsWith("。")
                && !CAPTION.matcher(t).find();
    }

    private static boolean isNumber(String s) { return NUMBER.matcher(cell(s)).matches(); }

    /** A paragraph as a cell: trimmed, its inner runs of spaces (项 目, # 食品烟酒) kept as one space. */
    private static String cell(String s) { return s.strip().replaceAll("[\\s\u3000\u2002]+", " "); }
}
