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

    @Test
    void anAmountRaisedForAPurposeIsTheFundForIt() {
        // Xuancheng and Luoyang budget reports; atlas Jinan and Dali budget reports
        assertEquals("系列消费促进活动资金", subject("统筹 8000万元支持开展系列消费促进活动，稳定传统消费。", "8000万元"));
        assertEquals("困难群众基本生活保障资金", subject("筹措资金6.2亿元，支持做好困难群众的基本生活保障。", "6.2亿元"));
        assertEquals("公共文化场馆免费开放经费", subject(
                "筹措经费1997万元，保障博物馆、图书馆、科技馆、体育馆等公共文化场馆免费开放，推进公共文化服务体系建设。", "1997万元"));
        assertEquals("土地储备资金", subject("——统筹安排 304.7 亿元，用于土地储备，支持片区内道路、园区建设。", "304.7 亿元"));
        assertEquals("洱海保护治理资金", subject("聚焦洱海高水平保护，累计投入156.9亿元支持洱海保护治理。", "156.9亿元"));
        // a list without a name for all of it leaves the bare fund, never a verb
        assertEquals("资金", subject("——统筹安排 30.9 亿元，支持国家、省、市重点实验室建设。", "30.9 亿元"));
        // a fund named before the amount stays; no purpose after it changes nothing
        assertEquals("就业补助资金", subject("筹措就业补助资金2.7亿元，支持做好重点群体就业工作。", "2.7亿元"));
        assertEquals("统筹资金", subject("统筹资金13.4亿元，全力提升改造滨河南路、玄武门大街等重点道路。", "13.4亿元"));
    }

    @Test
    void anAmountRightBeforeWhatItMeasuresTakesThatNoun() {
        // a fund after a money amount: Xinjiang work report; atlas Dali and Hohhot budget reports
        assertEquals("乡村振兴补助资金", subject("统筹用好中央149.2亿元乡村振兴补助资金，推动联农带农富民产业发展。", "149.2亿元"));
        assertEquals("专项资金", subject("安排258万元专项资金开展农房地震保险工作。", "258万元"));
        // a capacity or area before its noun, up to the verb: Xinjiang work report, atlas Dali budget report and Baoji bulletin
        assertEquals("煤炭分质分级利用项目", subject("哈密400万吨/年煤制油、1500万吨/年煤炭分质分级利用项目启动建设。", "1500万吨/年"));
        assertEquals("煤制油", subject("哈密400万吨/年煤制油、1500万吨/年煤炭分质分级利用项目启动建设。", "400万吨/年"));
        assertEquals("森林", subject("为56.24万头牲畜、130.22万亩农作物、1,393万亩森林提供风险保障。", "1,393万亩"));
        assertEquals("航空级钛材料生产线", subject("全年新开工项目增多，年产3000吨航空级钛材料生产线投产。", "3000吨"));
        // 级 after the amount is part of it (Guangxi work report 3000吨级航道工程)
        assertEquals("航道工程", subject("开工建设西江航运干线至贵港3000吨级航道工程。", "3000吨"));
        // a verb after the amount is no noun: gold 004 由6N提高到11N
        assertEquals("多晶硅纯度", subject("多晶硅纯度由6N提高到11N以上。", "6N"));
    }

    @Test
    void theVerbAfterFenbieIsNotPartOfTheSubject() {
        // Xinjiang work report; atlas Xiamen rating report (增速分别为-0.2%); a share after 分别 stays (债务分别约占…)
        assertEquals("生育和基本医疗保险", subject("生育和基本医疗保险分别参保448.2万人、2366.7万人。", "448.2万人"));
        assertEquals("基本医疗保险", subject("生育和基本医疗保险分别参保448.2万人、2366.7万人。", "2366.7万人"));
    }

    @Test
    void thePartOfAWholeIsWhatIsMeasured() {
        // Zhenjiang bulletin; atlas Anyang bulletin; Nanping rating report
        assertEquals("60岁及以上人口", subject("常住人口中60岁及以上人口占比为29.56%，比上年提高1.33个百分点。", "1.33个百分点"));
        assertEquals("公立医院", subject("年末全市共有医疗卫生机构5236个，在医院中有公立医院77个。", "77个"));
        assertEquals("银行借款", subject("公司全部债务中银行借款和债券融资分别占 55.99%和 26.30%。", "55.99%"));
    }
}
