package figtrace.figures;

import org.junit.jupiter.api.Test;

import static figtrace.figures.FigureTestSupport.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Subjects are the noun phrase naming what is measured: never a verb or a comparison, never cut at its first
 * character, never holding a page marker. Sentences are shaped like those of atlas bulletins (阿克苏, 安阳, 长沙,
 * 济宁 …); each rule has cases from at least two documents.
 */
class SubjectsTest {

    private static String subject(String text, String raw) {
        return only(text, raw).subject();
    }

    @Test
    void aWordStartingWithAConnectiveKeepsItsFirstCharacter() {
        assertEquals("在校生", subject("2025—2026学年，地区有高等院校5所，在校生4.27万人。", "4.27万人"));
        assertEquals("在校学生", subject("年末全市共有普通高校和成人高校7所，招生2.23万人，在校学生6.92万人。", "6.92万人"));
        assertEquals("有效发明专利", subject("全年获得专利授权1199件；有效发明专利607件，比上年增长6.7%。", "607件"));
        assertEquals("有色金属冶炼和压延加工业", subject("化学原料和化学制品制造业增长16.4%，有色金属冶炼和压延加工业增长14.6%。", "14.6%"));
        assertEquals("其他用品和服务人均消费", subject("医疗保健人均消费3422元，增长2.6%；其他用品和服务人均消费1270元，增长14.8%。", "1270元"));
    }

    @Test
    void aVerbOrAComparisonIsNeverTheSubject() {
        assertEquals("秋粮产量", subject("其中，夏粮产量213.13万吨，增产0.23万吨；秋粮产量172.69万吨，减产0.67万吨。", "0.67万吨"));
        assertEquals("粮食总产量", subject("全年全市粮食总产量298.12万吨，比上年减少0.74万吨，减产0.3%。", "0.3%"));
        assertEquals("民用汽车保有量", subject("年末民用汽车保有量67.24万辆(含三轮汽车和低速货车),比上年末增加4.63万辆，增长7.4%。", "4.63万辆"));
        assertEquals("常住人口", subject("2025年末常住人口852.1万人，比上年末增加2.0万人。", "2.0万人"));
    }

    @Test
    void aPageMarkerInsideAPhraseIsDropped() {
        assertEquals("快递业务量", subject("全年快递业—7—务量2.3亿件。", "2.3亿件"));
        assertEquals("公路通车总里程", subject("年末公路通车—12—总里程20426.41公里。", "20426.41公里"));
    }

    @Test
    void aPageMarkerStandingApartEndsAChartLegendBeforeIt() {
        // 阿克苏 bulletin: a chart's numbers and legend, then the page number, then the sentence
        assertEquals("金融机构本外币各项存款余额", subject("500443.45400300200133.69151.32 2021年2022年一般公共预算收入一般公共预算支出"
                + " 2021-2025年地方一般公共预算收入和支出 —10— 年末金融机构本外币各项存款余额2760.58亿元，比年初增加285.54亿元。", "2760.58亿元"));
        // 库尔勒-style PDF text: the page number between two paragraphs
        assertEquals("民用汽车保有量", subject("快递业务收入2.1亿元。 - 12 - 年末民用汽车保有量67.24万辆。", "67.24万辆"));
    }
}
