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

    @Test
    void aShareNamingOnlyTheWholeIsTheShareOfWhatWasJustMeasured() {
        // Xinjiang work report; atlas Ankang budget report
        assertEquals("棉花总产占全国", subject("棉花总产568.6万吨、占全国92.2%。", "92.2%"));
        assertEquals("税收收入占一般公共预算收入", subject("其中：税收收入21.13亿元，下降6.49%，占一般公共预算收入的53.71%。", "53.71%"));
        // atlas Chengde budget report: 占调整预算的 is the amount's completion rate, and the growth after it the amount's
        assertEquals("一般公共预算支出", subject("一般公共预算支出完成515.6亿元，占调整预算的83.1%，同比增长5.1%。", "5.1%"));
    }

    @Test
    void aBareCountOfStudentsTakesTheLevelItsSentenceOpensWith() {
        // Xiangtan, Zhenjiang and Aksu bulletins
        assertEquals("初中在校生", subject("初中招生 28856人，在校生 85701人，毕业生 27110人。", "85701人"));
        assertEquals("普通中学在校学生", subject("普通中学107所，在校学生12.97万人，毕业生4.03万人。", "12.97万人"));
        assertEquals("高中在校生", subject("普通中学140所，其中，高中27所，在校生8.18万人；初中113所，在校生16.10万人。", "8.18万人"));
        assertEquals("研究生教育在校生", subject("年末共有普通高校8所，在校学生15.32万人；研究生教育招生0.69万人，在校生2.12万人。", "2.12万人"));
    }

    @Test
    void aChangeWordBeforeToNamesTheLevelReached() {
        // Xinjiang work report; atlas Xiamen budget report
        assertEquals(null, only("全区普及率提高至72.2%，其中南疆普及率68.4%。", "72.2%").change());
        assertEquals(null, only("地区生产总值由3466.01亿元增长至8980.37亿元。", "8980.37亿元").change());
        assertEquals(figtrace.model.Change.SHARE, only("现代服务业增加值占服务业比重提高至77%。", "77%").change());
    }
}
