package figtrace.figures;

import figtrace.rules.ListedItems;

import java.util.regex.Pattern;

/**
 * The subject of the k-th figure of a 分别 list when the subject itself lists what the figures are about:
 * 三次产业增加值占GDP比重分别为3.0%、45.0%和52.0% (the first, second and third industry; atlas zhenjiang and kaifeng
 * bulletins), 城乡低保标准分别增长5%、12% (town and country; xinjiang work report, atlas weifang budget report),
 * 规模以上工业增加值和营业收入分别增长… or 生育和基本医疗保险分别参保448.2万人、2366.7万人 (one item each). The
 * listings with known items (三次产业, 城乡) are data: patterns/listed_subjects.tsv.
 */
final class ListedSubjects {
    /** Between items (接待游客人数和旅游收入); not 与, which mostly joins one name (研究与试验发展经费). */
    private static final Pattern ITEM_SEPARATOR = Pattern.compile("[和及]");

    private ListedSubjects() {}

    /**
     * @param lists the listings of patterns/listed_subjects.tsv
     * @param subject the subject the whole list shares (as cleaned), may hold 分别 and what follows it
     * @param k the figure's index in the list, 0 for the first
     * @return the k-th figure's own subject, or null when the subject lists nothing (the figures then share it)
     */
    static String item(ListedItems lists, String subject, int k) {
        if (subject == null) return null;
        int fenbie = subject.indexOf("分别");
        String s = fenbie >= 2 ? subject.substring(0, fenbie) : subject;
        // 三次产业, 城乡: a listing of patterns/listed_subjects.tsv
        ListedItems.Listing listing = lists.find(s);
        if (listing != null) return listing.item(s, k);
        // 科学技术、社会保障和就业、节能环保支出: items joined by 、 (a 和 inside an item is part of its name);
        // 接待游客人数和旅游收入: two items joined by 和 or 及 (not 与, which mostly joins one name: 研究与试验发展经费),
        // each of three characters or more (生育和基本医疗保险 shares a head noun the first item does not repeat)
        boolean commas = s.contains("、");
        String[] parts = commas ? s.split("、", -1) : ITEM_SEPARATOR.split(s, -1);
        if (parts.length < 2 || k >= parts.length) return null;
        int min = commas ? 2 : 3;
        String last = parts[parts.length - 1];
        if (last.length() < min) return null;
        for (String p : parts) if (p.length() < min) {
            // 生育和基本医疗保险 (Xinjiang work report), 货物和集装箱吞吐量, 旅客和国际货邮吞吐量 (Zhejiang work report): a
            // first item of two characters shares the head noun the last one ends with, so only the last one is named
            // in full; the others keep the whole listing
            return k == parts.length - 1 ? last : null;
        }
        return parts[k];
    }
}
