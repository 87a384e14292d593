package figtrace.tables;

import figtrace.model.DocumentText;
import figtrace.model.SourceFile;
import figtrace.model.Table;
import figtrace.model.TextLine;
import figtrace.rules.Rules;
import figtrace.tables.TableBlocks.Block;

import java.util.ArrayList;
import java.util.List;

/**
 * Tables: rebuilds every table of a document's text as a {@link Table}, whatever the format. Layout marks table rows
 * (cells separated by '\t', one column per '\t' for PDF tables placed by position, HTML spans expanded); this stage
 * groups them into tables with their caption, 单位 line and header ({@link TableBlocks}), joins a table continued on
 * the next pages, and builds each table ({@link TableBuilder}): two-sided tables (收入 | 支出) split in two, what each
 * column header ({@link TableColumns}) and row header ({@link TableRows}) says. Pure: the same text and rules give the
 * same tables with the same ids.
 */
public final class TableStage {
    private final TableBuilder builder;

    public TableStage(Rules rules) {
        TableWords words = new TableWords(rules);
        TableUnits units = new TableUnits(rules, words);
        TableRows rows = new TableRows(rules, units);
        this.builder = new TableBuilder(words, units, rows, new TableColumns(words, units, rows));
    }

    /** Which lines are table rows: marked by layout, or runs of two or more tab-separated lines. */
    public static boolean[] tableRows(DocumentText text) {
        List<TextLine> lines = text.lines();
        boolean[] rows = new boolean[lines.size()];
        boolean[] tabbed = new boolean[lines.size()];
        for (int i = 0; i < rows.length; i++) tabbed[i] = text.lineText(lines.get(i)).strip().contains("\t");
        for (int i = 0; i < rows.length; i++) {
            boolean neighbourTabbed = i > 0 && tabbed[i - 1] || i + 1 < rows.length && tabbed[i + 1];
            rows[i] = lines.get(i).isTableRow() || tabbed[i] && neighbourTabbed;
        }
        return rows;
    }

    /** Every table of the document, in text order. */
    public List<Table> read(SourceFile source, DocumentText text) {
        if (text.isBlank()) return List.of();
        List<Table> out = new ArrayList<>();
        for (Block b : TableBlocks.find(text, tableRows(text))) {
            if (b.above != null) { // after the block above was built: its caption now holds a title row too
                b.caption = b.above.caption;
                b.label = b.above.label;
                b.unit = b.above.unit;
            }
            out.addAll(builder.build(source, text, b, out.size()));
        }
        return out;
    }
}
