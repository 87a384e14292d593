package figtrace.tables;

import figtrace.model.DocumentResult;
import figtrace.model.Figure;
import figtrace.model.Table;
import figtrace.model.TableCell;
import figtrace.pipeline.Pipeline;
import figtrace.rules.RulesStage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Development aid for TableCellsIT: draws a seeded random sample of numeric cells from chosen tables and prints them
 * as fixture lines with what figtrace reads, to be checked by hand against the page and corrected where wrong.
 * Arguments: SHARED_RELATIVE_PATH PAGE_OR_DASH SEQ [SEQ…] (table sequence numbers in the document).
 */
public final class FixtureSample {
    public static void main(String[] args) throws Exception {
        Pipeline p = new Pipeline(RulesStage.load(Path.of("patterns")));
        Path file = Path.of("..", "shared").resolve(args[0]);
        DocumentResult r = p.extract(file.getFileName().toString(), Files.readAllBytes(file));
        Map<String, Figure> byId = new HashMap<>();
        for (Figure f : r.figures()) byId.put(f.id(), f);
        int perTable = Integer.parseInt(args[1]);
        for (int a = 2; a < args.length; a++) {
            Table t = r.tables().get(Integer.parseInt(args[a]));
            List<TableCell> numeric = new ArrayList<>(t.cells().stream().filter(c -> c.figureId() != null).toList());
            Collections.shuffle(numeric, new Random(t.id().hashCode()));
            for (TableCell c : numeric.subList(0, Math.min(perTable, numeric.size()))) {
                Figure f = byId.get(c.figureId());
                var row = t.rows().get(c.row());
                System.out.println(String.join("\t", args[0], row.page() == null ? "" : row.page().toString(), row.label(),
                        t.columns().get(c.column()).header(), c.text(), n(f.region()), n(f.time()), n(f.unit()), n(f.subject())));
            }
        }
    }

    private static String n(String s) { return s == null ? "" : s; }
}
