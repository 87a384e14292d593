package figtrace.tables;

import figtrace.model.DocumentResult;
import figtrace.model.Figure;
import figtrace.model.Table;
import figtrace.model.TableCell;
import figtrace.pipeline.Pipeline;
import figtrace.rules.RulesStage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Development aid: prints the tables figtrace rebuilds from documents, with each numeric cell's figure. */
public final class TableDump {
    public static void main(String[] args) throws Exception {
        Pipeline p = new Pipeline(RulesStage.load(Path.of("patterns")));
        for (String a : args) {
            Path f = Path.of(a);
            DocumentResult r = p.extract(f.getFileName().toString(), Files.readAllBytes(f));
            Map<String, Figure> byId = new HashMap<>();
            for (Figure fig : r.figures()) byId.put(fig.id(), fig);
            System.out.println("#### " + f.getFileName() + " tables=" + r.tables().size());
            for (Table t : r.tables()) {
                System.out.println("== T" + t.seq() + " " + t.id() + " pages=" + t.pages() + " caption=" + t.caption()
                        + " unit=" + t.unit() + " side=" + t.side() + " rows=" + t.rows().size() + " numeric=" + t.figureCount());
                for (var h : t.headerRows()) System.out.println("   head " + h);
                for (var c : t.columns()) System.out.println("   col " + c);
                for (var row : t.rows()) {
                    StringBuilder sb = new StringBuilder("   r" + row.index() + " [" + row.subject() + "|" + row.region() + "|" + row.unit() + "|L" + row.level() + "]");
                    for (TableCell c : t.cells()) {
                        if (c.row() != row.index() || c.figureId() == null) continue;
                        Figure fig = byId.get(c.figureId());
                        sb.append("  c").append(c.column()).append('=').append(c.text());
                        if (fig != null) sb.append('{').append(fig.value()).append(' ').append(fig.unit()).append(' ')
                                .append(fig.time()).append(' ').append(fig.region()).append(' ').append(fig.subject())
                                .append(fig.change() == null ? "" : " " + fig.change()).append('}');
                        else sb.append("{NOFIG}");
                    }
                    System.out.println(sb);
                }
            }
        }
    }
}
