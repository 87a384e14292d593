package figtrace.cli;

import figtrace.panel.PanelRow;
import figtrace.panel.PanelStage;
import figtrace.panel.PanelStatus;
import figtrace.panel.PanelTables;
import figtrace.pipeline.PanelRun;
import figtrace.pipeline.RegionCodes;
import figtrace.store.OutputWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code figtrace panel}: the dataset built from the stored figures (review decisions applied): panel.csv,
 * panel_checks.csv and, with {@code --wide}, a region × period table of chosen indicators.
 */
@Command(name = "panel",
        description = {"Build the dataset (panel.csv): one row per indicator, region, period and scope, and its checks.",
                "The value is chosen by a fixed rule (reviewed > agreement > document kind > table > precision); the",
                "checks say where sources disagree. `run` writes panel.csv too; use this after reviewing, or for --wide."},
        footer = {"", "Examples:", "  ./figtrace panel",
                "  ./figtrace panel --wide --indicators gdp,general_public_budget_revenue --to cities.csv",
                "  ./figtrace panel --conflicts",
                "", "Files: OUT/panel.csv (long), OUT/panel_checks.csv (every disagreement, with both sources),",
                "OUT/panel_wide.csv (with --wide, unless --to names another file), OUT/panel_conflicts.csv (with --conflicts)."})
public final class PanelCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin RunFolder run;

    @Option(names = "--patterns", paramLabel = "DIR", description = "Rules folder (panel.tsv, regions.tsv). Default: patterns/.")
    Path patterns;

    @Option(names = "--conflicts", description = {"Also list every conflict the panel reports, one line each with its "
            + "cause and both sources, on stdout and in OUT/panel_conflicts.csv."})
    boolean conflicts;

    @Option(names = "--wide", description = "Also write a wide table: one row per region and period, a column per indicator.")
    boolean wide;

    @Option(names = "--indicators", paramLabel = "ID[,ID…]", split = ",",
            description = "Indicator ids for --wide (see patterns/indicators.tsv). Default: gdp, gdp_growth, "
                    + "resident_population, general_public_budget_revenue, general_public_budget_expenditure, "
                    + "government_fund_revenue.")
    List<String> indicators = List.of("gdp", "gdp_growth", "resident_population", "general_public_budget_revenue",
            "general_public_budget_expenditure", "government_fund_revenue");

    @Option(names = "--to", paramLabel = "FILE", description = "Where --wide writes (CSV, UTF-8 with BOM). Default: OUT/panel_wide.csv.")
    Path to;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Path db = run.db();
        if (!run.hasDatabase(err, "panel")) return 2;
        Path rulesDir = Defaults.patterns(patterns);
        try {
            PanelStage.Panel panel = PanelRun.build(db, rulesDir, RegionCodes.load(rulesDir));
            PanelRun.save(panel, db, run.out);
            Map<String, Long> byStatus = panel.rows().stream().collect(Collectors.groupingBy(
                    r -> r.status().code(), TreeMap::new, Collectors.counting()));
            stdout.println("figtrace panel: " + panel.rows().size() + " row(s) " + byStatus + ", "
                    + panel.checks().stream().filter(c -> c.status() == PanelStatus.CONFLICT).count()
                    + " conflicting check(s) → " + run.out.resolve(PanelTables.PANEL_CSV) + ", "
                    + run.out.resolve(PanelTables.CHECKS_CSV));
            if (conflicts) {
                List<String[]> table = PanelTables.conflicts(panel.checks());
                new OutputWriter(run.out).writeCsvTable(PanelTables.CONFLICTS_CSV, table);
                for (String[] c : table.subList(1, table.size())) {
                    // cause · check · key · first doc:line value vs second doc:line value
                    stdout.println(c[0] + " | " + c[1] + " | " + c[2] + " · " + c[3] + " · " + c[4]
                            + (c[5].isEmpty() ? "" : " · " + c[5]) + " | " + c[8] + ":" + c[10] + " " + c[6]
                            + " vs " + c[12] + ":" + c[14] + " " + c[7]);
                }
                stdout.println("figtrace panel: " + (table.size() - 1) + " conflict(s) → "
                        + run.out.resolve(PanelTables.CONFLICTS_CSV));
            }
            if (wide) {
                Path target = to != null ? to : run.out.resolve("panel_wide.csv");
                List<String[]> table = PanelTables.wide(panel.rows(), indicators.stream().map(String::strip).toList());
                Path dir = target.toAbsolutePath().getParent();
                new OutputWriter(dir).writeCsvTable(target.getFileName().toString(), table);
                stdout.println("figtrace panel: " + (table.size() - 1) + " region-period row(s) × "
                        + indicators.size() + " indicator(s) → " + target);
                List<PanelRow> none = panel.rows().stream().filter(r -> indicators.contains(r.key().indicatorId())).toList();
                if (none.isEmpty()) {
                    stdout.println("figtrace panel: none of " + Arrays.toString(indicators.toArray())
                            + " is in the panel; see the indicator_id column of panel.csv for the ids there are");
                }
            }
            stdout.flush();
            return 0;
        } catch (IllegalArgumentException | figtrace.rules.RulesException e) {
            err.println("figtrace panel: " + e.getMessage());
            err.flush();
            return 2;
        } catch (IOException e) {
            err.println("figtrace panel: cannot write the panel files: " + e.getMessage()
                    + " (check the folder exists and is writable)");
            err.flush();
            return 1;
        }
    }
}
