package figtrace.review;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rebuilt tables of a run database as review needs them: the stored model of a table for the table view, and
 * which figures lie under a column or row header, so that one correction of the header's meaning becomes a correction
 * of every cell under it ({@link TableDecision}). {@code figtrace.store.SqliteTableCells} reads them from the
 * {@code tables} and {@code cells} tables.
 */
public interface TableCells extends AutoCloseable {

    /** A figure read from a cell, with the cell's text as printed (13,690,843) and the headers it lies under. */
    record CellFigure(FigureKey key, String text, String columnHeader, String rowLabel) {}

    /** One table's summary for the list of a document's tables. */
    record TableInfo(String id, String doc, int seq, String pages, String caption, String unit, String side,
                     int rows, int columns, int figures) {}

    /** The tables of run database {@code db}. */
    static TableCells open(Path db) {
        return figtrace.store.SqliteTableCells.open(db);
    }

    /** The tables of {@code doc} (all documents when null), in document order. */
    List<TableInfo> tables(String doc);

    /** The stored model of one table (JSON of {@code figtrace.model.Table}), or null. */
    String model(String doc, String tableId);

    /**
     * The figures under the header a decision names: in the same table when its id is still there, else in the
     * document's tables with the same caption (a re-run that changed the document's content gives its tables new
     * ids). A column is found by its header text, a row by its label, never by position.
     */
    List<CellFigure> under(TableDecision d);

    @Override
    void close();

    /**
     * What a decision changes in each figure under its header: the region or time as given; for a unit, the unit's
     * canonical code and the value the cell's printed number has in it ({@code units} reads the written unit), so a
     * column mistaken for 万元 that is 亿元 gets values 10,000 times larger. Cells whose text is no plain number are left
     * out of a unit correction.
     */
    static Map<FigureKey, Map<String, String>> corrections(TableDecision d, List<CellFigure> cells,
                                                                  UnitScale units) {
        Map<FigureKey, Map<String, String>> out = new LinkedHashMap<>();
        UnitScale.Scale scale = d.field().equals("unit") ? units.parse(d.newValue()) : null;
        if (d.field().equals("unit") && scale == null) {
            throw new ReviewException("unknown unit '" + d.newValue() + "': write it as the document does (万元, 亿元,"
                    + " %, 万吨 …); units.tsv and multipliers.tsv list what figtrace knows");
        }
        for (CellFigure c : cells) {
            Map<String, String> fields = new LinkedHashMap<>();
            switch (d.field()) {
                case "region" -> fields.put("region", d.newValue());
                case "time" -> fields.put("time", d.newValue());
                case "unit" -> {
                    BigDecimal number = UnitScale.number(c.text());
                    if (number == null) continue;
                    fields.put("unit", scale.unit());
                    fields.put("value", number.multiply(scale.factor()).stripTrailingZeros().toPlainString());
                }
                default -> throw new ReviewException("a table correction sets region, time or unit, not " + d.field());
            }
            out.put(c.key(), fields);
        }
        return out;
    }

    /**
     * After a run: gives each table decision of run database {@code db} to the figures now under its header that lack
     * it ({@link ReviewStore#reapplyTableDecisions}). {@code units} is asked only when a unit correction needs it.
     * Returns how many figures got a decision.
     */
    static int reapply(Path db, java.util.function.Supplier<UnitScale> units) {
        try (ReviewStore reviews = ReviewStore.open(db)) {
            if (reviews.tableDecisions(false).isEmpty()) return 0;
            try (TableCells cells = open(db)) {
                UnitScale[] scale = new UnitScale[1];
                return reviews.reapplyTableDecisions(d -> {
                    if (d.field().equals("unit") && scale[0] == null) scale[0] = units.get();
                    return corrections(d, cells.under(d), scale[0]);
                });
            }
        }
    }

}
