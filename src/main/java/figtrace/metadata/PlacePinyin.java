package figtrace.metadata;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import figtrace.rules.Region;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Place names written in pinyin in file names (luoyang2023, qiandongnan_2016, jiangsu_nantong): every gazetteer name
 * and alias is spelled in toneless pinyin by HanLP's pinyin dictionary (words first, so 重庆 is chongqing and 六安
 * is lu'an as HanLP knows them), with and without its administrative ending (洛阳市 → luoyangshi and luoyang), and a
 * word of the file name matches the places it spells. Pinyin is ambiguous (wuzhong: 吴忠市 and 吴中区), so a word
 * maps to every place it can spell; the caller treats it as agreeing when any of them agrees.
 *
 * <p>HanLP's pinyin dictionary is read-only static data (not the custom dictionary {@code entities.Hanlp} guards),
 * loaded on first use; the index is built once per instance, only when a file name has a word that could be pinyin.
 */
final class PlacePinyin {

    /** A run of Latin letters in a name; shorter words (as, gov, pdf) are never read as places. */
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{4,}");
    private static final Pattern HAN_ONLY = Pattern.compile("\\p{IsHan}{2,}");

    private final Map<String, Region> names;
    /** Administrative endings dropped to give the short name people write (洛阳市 → 洛阳, 黔东南州 → 黔东南), longest
     *  first: metadata.tsv place_short_ending. */
    private final List<String> endings;
    private Map<String, List<Region>> index; // pinyin → places, built on first use

    /** The last gazetteer's index, so runs and tests that load the same rules again do not spell it again. */
    private static Map<String, Region> lastNames;
    private static List<String> lastEndings;
    private static Map<String, List<Region>> lastIndex;

    PlacePinyin(Map<String, Region> regionNames, List<String> endings) {
        this.names = regionNames;
        this.endings = List.copyOf(endings);
    }

    /** The pinyin words of {@code base} that spell places, each with every place it can spell, in name order. */
    Map<String, List<Region>> placesIn(String base) {
        Map<String, List<Region>> found = new LinkedHashMap<>();
        Matcher m = WORD.matcher(base);
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT);
            List<Region> places = index().get(word);
            if (places != null) found.put(word, places);
        }
        return found;
    }

    private synchronized Map<String, List<Region>> index() {
        if (index == null) index = shared(names, endings);
        return index;
    }

    private static synchronized Map<String, List<Region>> shared(Map<String, Region> names, List<String> endings) {
        if (lastIndex == null || !lastNames.equals(names) || !lastEndings.equals(endings)) {
            lastIndex = build(names, endings);
            lastNames = names;
            lastEndings = endings;
        }
        return lastIndex;
    }

    private static Map<String, List<Region>> build(Map<String, Region> names, List<String> endings) {
        Map<String, List<Region>> built = new TreeMap<>();
        for (Map.Entry<String, Region> e : names.entrySet()) {
            String name = e.getKey();
            if (!HAN_ONLY.matcher(name).matches()) continue;
            add(built, spell(name), e.getValue());
            for (String ending : endings) {
                if (name.endsWith(ending) && name.length() - ending.length() >= 2) {
                    add(built, spell(name.substring(0, name.length() - ending.length())), e.getValue());
                    break;
                }
            }
        }
        return built;
    }

    private static void add(Map<String, List<Region>> index, String pinyin, Region place) {
        if (pinyin == null || pinyin.length() < 4) return;
        // ü is written v by HanLP; file names write it v or u (吕梁: lvliang, luliang)
        for (String spelled : pinyin.indexOf('v') >= 0 ? List.of(pinyin, pinyin.replace('v', 'u')) : List.of(pinyin)) {
            List<Region> places = index.computeIfAbsent(spelled, k -> new ArrayList<>());
            if (!places.contains(place)) places.add(place);
        }
    }

    /** Toneless pinyin of a Chinese name (洛阳 → luoyang, ü as v), or null when a character has none. */
    static String spell(String chinese) {
        StringBuilder sb = new StringBuilder();
        for (Pinyin p : HanLP.convertToPinyinList(chinese)) {
            if (p == Pinyin.none5) return null;
            sb.append(p.getPinyinWithoutTone());
        }
        return sb.toString();
    }
}
