package figtrace.figures;

import figtrace.rules.Region;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbered sections of a budget report that are about a zone of the city rather than the city: （三）高新区预算执行情况,
 * （四）御道口牧场管理区预算草案 (承德 2025 budget report), （六）晋城经济技术开发区预算执行情况 (atlas 晋城), （三）益阳高新区预算草案,
 * （四）大通湖区预算草案 (atlas 益阳). A figure under such a heading whose sentence names no place is the zone's, not the city's:
 * the heading names it once, the sentences (一般公共预算收入完成9.2亿元) do not. A heading that names several areas or
 * only a kind (（四）功能区、园区及街道预算执行情况: atlas 东莞; （六）园区预算执行情况: atlas 淮南; 市属非行政区预算收支:
 * atlas 岳阳) names no one zone and is left alone.
 */
final class ZoneSections {
    private ZoneSections() {}

    private static final Pattern TOP = Pattern.compile("^\\s*[一二三四五六七八九十]+、");
    private static final Pattern SUB = Pattern.compile("^\\s*[（(][一二三四五六七八九十]+[）)]");
    /** The heading's zone: a name ending in 区 before (the year and) a budget's stage. */
    private static final Pattern ZONE_HEADING = Pattern.compile(
            "^\\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])\\s*(?:[0-9]{4}年(?:度)?)?"
            + "([^\\s、，,及和与（()）0-9]{2,14}区)(?:[0-9]{4}年(?:度)?)?"
            + "(?:一般公共|政府性基金|国有资本经营|社会保险基金|社保基金)?预算(?:执行情况|草案|安排|收支)");
    /**
     * Endings a zone's name may abbreviate, and the endings regions.tsv (GB/T 2260) writes: 高新区 for 高新技术产业开发区
     * (承德) or 高新技术产业园区 (湖南益阳高新技术产业园区), 经开区 for 经济技术开发区, 大通湖区 for 益阳市大通湖管理区.
     */
    private static final String[][] EXPANSIONS = {{"高新区", "高新技术产业开发区"}, {"高新区", "高新技术产业园区"},
            {"经开区", "经济技术开发区"}, {"区", "管理区"}};

    /**
     * Headings in the view, each with the zone it is about (its standard name when regions.tsv knows it, else the name
     * as written) or null: a heading without a zone ends the zone section before it at its level, and so does a
     * paragraph that speaks of the whole city again (回顾过去的一年，全市各级… after the last zone's section of 承德's
     * review; 全市 in a 益阳 draft after its zones), marked by a null mention at its start.
     */
    static List<Mention> find(String view, RegionFinder regions, Region own, Iterable<Region> allRegions) {
        List<Mention> out = new ArrayList<>();
        String topZone = null;
        List<String> wholeCity = own == null ? List.of() : regions.selfWords(own.level());
        int pos = 0;
        while (pos < view.length()) {
            int nl = view.indexOf('\n', pos);
            int end = nl < 0 ? view.length() : nl;
            String para = view.substring(pos, end);
            boolean isTop = TOP.matcher(para).find(), isSub = !isTop && SUB.matcher(para).find();
            if ((isTop || isSub) && para.length() <= 40 && para.indexOf('。') < 0) {
                Matcher m = ZONE_HEADING.matcher(para);
                String zone = m.find() ? zone(m.group(1), regions, own, allRegions) : null;
                if (isTop) topZone = zone;
                out.add(new Mention(pos, end, zone != null ? zone : isSub ? topZone : null));
            } else if (!out.isEmpty() && out.get(out.size() - 1).value() != null && wholeCity.stream().anyMatch(para::contains)) {
                topZone = null;
                out.add(new Mention(pos, pos, null));
            }
            pos = end + 1;
        }
        return out;
    }

    /** The zone a section is about at {@code pos}, or null. */
    static String at(List<Mention> sections, int pos) {
        String zone = null;
        for (Mention h : sections) {
            if (h.start() >= pos) break;
            zone = h.value();
        }
        return zone;
    }

    /**
     * The zone a heading names: the place regions.tsv knows by that name; else the zone of the document's own city whose
     * standard name ends with the heading's (高新区 → 承德高新技术产业开发区, the one county-level zone of 承德市 so named);
     * else the name as written when it is a proper name (御道口牧场管理区, not in GB/T 2260); null for a mere kind (园区,
     * 开发区) or a part of the city's own administration (市本级, 市属非行政区).
     */
    static String zone(String name, RegionFinder regions, Region own, Iterable<Region> allRegions) {
        if (name.startsWith("市") || name.startsWith("县") || name.startsWith("全") || name.startsWith("本")) return null;
        Region known = regions.region(name);
        if (known != null) return known.standard();
        List<String> endings = new ArrayList<>(List.of(name));
        for (String[] e : EXPANSIONS) {
            if (name.endsWith(e[0]) && !name.endsWith(e[1])) endings.add(name.substring(0, name.length() - e[0].length()) + e[1]);
        }
        if (own != null) {
            Region only = null;
            boolean several = false;
            for (Region r : allRegions) {
                if (!r.level().equals("county") || !own.contains(r) || endings.stream().noneMatch(r.standard()::endsWith)) continue;
                if (only != null && !only.standard().equals(r.standard())) several = true;
                only = r;
            }
            if (only != null && !several) return only.standard();
        }
        // a proper name (御道口牧场管理区, 晋城经济技术开发区), not a kind (高新区, 开发区, 园区)
        boolean kind = name.length() < 5 || name.equals("经济技术开发区") || name.equals("高新技术产业开发区");
        return kind ? null : name;
    }
}
