package figtrace.figures;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ListedSubjectsTest {
    private static String item(String subject, int k) {
        return ListedSubjects.item(FigureTestSupport.RULES.listedSubjects(), subject, k);
    }

    @Test
    void theThreeIndustriesAreSplitInOrder() {
        // atlas zhenjiang bulletin: 全年三次产业增加值占GDP比重分别为3.0%、45.0%和52.0%
        assertEquals("第一产业增加值占GDP比重", item("三次产业增加值占GDP比重", 0));
        assertEquals("第三产业增加值占GDP比重", item("三次产业增加值占GDP比重", 2));
        assertNull(item("三次产业增加值占GDP比重", 3));
    }

    @Test
    void townAndCountryAreSplit() {
        // xinjiang work report 城乡低保标准分别增长5%、12%; atlas weifang 城乡最低生活保障标准分别增长39.5%、55.5%
        assertEquals("城市低保标准", item("城乡低保标准", 0));
        assertEquals("农村最低生活保障标准", item("城乡最低生活保障标准", 1));
        assertEquals("城镇居民人均可支配收入", item("城乡居民人均可支配收入", 0));
    }

    @Test
    void itemsJoinedByHeOrCommaAreOneEach() {
        // guangxi work report: 城镇和农村居民人均可支配收入分别增长4.3%、7.1%; 接待游客人数和旅游收入分别增长…
        assertEquals("城镇居民人均可支配收入", item("城镇和农村居民人均可支配收入", 0));
        assertEquals("农村居民人均可支配收入", item("城镇和农村居民人均可支配收入", 1));
        assertEquals("旅游收入", item("接待游客人数和旅游收入", 1));
        // a first item of two characters shares a head noun: only the last item is named in full (xinjiang work report
        // 生育和基本医疗保险分别参保448.2万人、2366.7万人; zhejiang work report 货物和集装箱吞吐量分别增长4%、11.3%)
        assertNull(item("生育和基本医疗保险分别参保", 0));
        assertEquals("基本医疗保险", item("生育和基本医疗保险分别参保", 1));
        assertNull(item("货物和集装箱吞吐量", 0));
        assertEquals("集装箱吞吐量", item("货物和集装箱吞吐量", 1));
        // qiandongnan bulletin: 第一、二、三产业对经济增长的贡献率分别为…
        assertEquals("第二产业对经济增长的贡献率", item("第一、二、三产业对经济增长的贡献率", 1));
        assertEquals("第三产业增加值", item("一、二、三产业增加值", 2));
        // atlas xiangtan budget: the 和 inside 社会保障和就业 belongs to the item when 、 separates the items
        assertEquals("社会保障和就业", item("科学技术、社会保障和就业、节能环保、住房保障支出", 1));
        assertEquals("医疗仪器设备及器械", item("医疗仪器设备及器械、变压器、新能源汽车产量", 0));
        assertNull(item("研究与试验发展经费", 0), "与 joins one name (研究与试验发展), not two items");
        assertNull(item("地区生产总值", 0));
    }
}
