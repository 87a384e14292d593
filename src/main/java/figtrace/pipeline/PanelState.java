package figtrace.pipeline;

import figtrace.panel.PanelSource;
import figtrace.panel.PanelStage;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@link PanelRun#update}'s parts were last built from: a stamp of the rules and code; for each document its
 * stamp, the partitions (indicator family and region) its panel sources fall in, and how many of its sources state
 * each row indicator in each unit (summed over the corpus, they give each indicator's dominant unit); and the families
 * that have parts. Kept as a compact binary file with a table of the strings it repeats (tens of thousands of
 * partitions on 1,000 documents).
 */
record PanelState(String global, Map<String, Doc> docs, Set<String> nonEmpty) {

    private static final String MAGIC = "figtrace panel state v2";

    /**
     * @param parts partitions by family: the regions of the document's sources in each family
     * @param units family → row indicator → unit → number of the document's sources stating it so (see
     *              PanelStage.unitCounts)
     */
    record Doc(String stamp, Map<String, Set<String>> parts, Map<String, Map<String, Map<String, Integer>>> units) {}

    static PanelState read(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (!readString(in).equals(MAGIC)) return null;
            String[] strings = new String[in.readInt()];
            for (int i = 0; i < strings.length; i++) strings[i] = readString(in);
            String global = readString(in);
            Set<String> nonEmpty = new TreeSet<>();
            for (int n = in.readInt(); n > 0; n--) nonEmpty.add(strings[in.readInt()]);
            Map<String, Doc> docs = new TreeMap<>();
            for (int n = in.readInt(); n > 0; n--) {
                String doc = readString(in), stamp = readString(in);
                Map<String, Set<String>> parts = new TreeMap<>();
                for (int f = in.readInt(); f > 0; f--) {
                    Set<String> regions = parts.computeIfAbsent(strings[in.readInt()], k -> new TreeSet<>());
                    for (int r = in.readInt(); r > 0; r--) regions.add(strings[in.readInt()]);
                }
                Map<String, Map<String, Map<String, Integer>>> units = new TreeMap<>();
                for (int f = in.readInt(); f > 0; f--) {
                    Map<String, Map<String, Integer>> byId = units.computeIfAbsent(strings[in.readInt()], k -> new TreeMap<>());
                    for (int u = in.readInt(); u > 0; u--) {
                        Map<String, Integer> byUnit = byId.computeIfAbsent(strings[in.readInt()], k -> new TreeMap<>());
                        for (int c = in.readInt(); c > 0; c--) byUnit.put(strings[in.readInt()], in.readInt());
                    }
                }
                docs.put(doc, new Doc(stamp, parts, units));
            }
            return new PanelState(global, docs, nonEmpty);
        } catch (IOException | RuntimeException e) {
            return null; // unreadable: the next update rebuilds everything
        }
    }

    void write(Path file) throws IOException {
        Map<String, Integer> index = new HashMap<>();
        List<String> strings = new ArrayList<>();
        java.util.function.Consumer<String> intern = s -> index.computeIfAbsent(s, k -> { strings.add(k); return strings.size() - 1; });
        nonEmpty.forEach(intern);
        for (Doc d : docs.values()) {
            d.parts().forEach((family, regions) -> { intern.accept(family); regions.forEach(intern); });
            d.units().forEach((family, byId) -> {
                intern.accept(family);
                byId.forEach((id, byUnit) -> { intern.accept(id); byUnit.keySet().forEach(intern); });
            });
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            writeString(out, MAGIC);
            out.writeInt(strings.size());
            for (String s : strings) writeString(out, s);
            writeString(out, global);
            out.writeInt(nonEmpty.size());
            for (String f : nonEmpty) out.writeInt(index.get(f));
            out.writeInt(docs.size());
            for (Map.Entry<String, Doc> e : docs.entrySet()) {
                writeString(out, e.getKey());
                writeString(out, e.getValue().stamp());
                out.writeInt(e.getValue().parts().size());
                for (Map.Entry<String, Set<String>> p : e.getValue().parts().entrySet()) {
                    out.writeInt(index.get(p.getKey()));
                    out.writeInt(p.getValue().size());
                    for (String r : p.getValue()) out.writeInt(index.get(r));
                }
                out.writeInt(e.getValue().units().size());
                for (Map.Entry<String, Map<String, Map<String, Integer>>> f : e.getValue().units().entrySet()) {
                    out.writeInt(index.get(f.getKey()));
                    out.writeInt(f.getValue().size());
                    for (Map.Entry<String, Map<String, Integer>> u : f.getValue().entrySet()) {
                        out.writeInt(index.get(u.getKey()));
                        out.writeInt(u.getValue().size());
                        for (Map.Entry<String, Integer> c : u.getValue().entrySet()) {
                            out.writeInt(index.get(c.getKey()));
                            out.writeInt(c.getValue());
                        }
                    }
                }
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 24) throw new IOException("not a panel state");
        byte[] b = in.readNBytes(n);
        if (b.length < n) throw new java.io.EOFException();
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A document's stamp, the partitions its sources fall in and its unit counts by family. */
    static Doc docState(StoredPanelFamilies f, String stamp, List<PanelSource> sources) {
        Set<PanelSource> partSet = f.stage.parts(sources);
        Map<String, Set<String>> docParts = new TreeMap<>();
        Map<String, List<PanelSource>> byFamily = new TreeMap<>();
        for (PanelSource s : sources) {
            String family = f.families.of(s.indicatorId());
            docParts.computeIfAbsent(family, k -> new TreeSet<>()).add(s.region());
            byFamily.computeIfAbsent(family, k -> new ArrayList<>()).add(s);
        }
        Map<String, Map<String, Map<String, Integer>>> units = new TreeMap<>();
        byFamily.forEach((family, inFamily) -> {
            Map<String, Map<String, Integer>> counts = PanelStage.unitCounts(inFamily, partSet);
            if (!counts.isEmpty()) units.put(family, counts);
        });
        return new Doc(stamp, docParts, units);
    }

    /** Row indicator → unit → count over these documents. */
    static Map<String, Map<String, Integer>> unitTotals(java.util.Collection<Doc> docs) {
        Map<String, Map<String, Integer>> totals = new java.util.HashMap<>();
        for (Doc d : docs) {
            d.units().values().forEach(byId -> byId.forEach((id, byUnit) -> {
                Map<String, Integer> t = totals.computeIfAbsent(id, k -> new TreeMap<>());
                byUnit.forEach((unit, n) -> t.merge(unit, n, Integer::sum));
            }));
        }
        return totals;
    }
}
