package figtrace.measures;

import figtrace.model.Instrument;
import figtrace.model.MeasureStatus;
import figtrace.entities.EntityStage;
import figtrace.layout.LayoutStage;
import figtrace.model.DocumentText;
import figtrace.model.Measure;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeasureStageTest {

    private static final MeasureStage STAGE = new MeasureStage();
    private static final EntityStage ENTITIES = new EntityStage();

    private static final figtrace.pipeline.Pipeline PIPELINE =
            new figtrace.pipeline.Pipeline(figtrace.rules.RulesStage.load(java.nio.file.Path.of("patterns")));

    /** The measures of a text as a run finds them: with the figure stage's figures and the entity stage's entities. */
    private static List<Measure> run(String text) {
        return PIPELINE.extract("t.txt", text.getBytes(java.nio.charset.StandardCharsets.UTF_8)).measures();
    }

    private static Measure find(List<Measure> ms, String start) {
        return ms.stream().filter(m -> m.text().startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError(start + " not found in " + ms.stream().map(Measure::text).toList()));
    }

    @Test
    void listItemWithAVerbIsAMeasure() {
        List<Measure> ms = run("一是推动国家高新区提档进位。二是推动上库、哈密高新区争创国家级高新区，以升促建。");
        assertEquals(2, ms.size(), ms.toString());
        assertEquals("一是推动国家高新区提档进位", ms.get(0).text());
    }

    @Test
    void genericExhortationIsNotAMeasure() {
        assertTrue(run("加快发展新质生产力。推动高质量发展。").isEmpty());
    }

    @Test
    void agencyBeforeTheVerbIsTheActorAndAFundIsTheInstrument() {
        Measure m = find(run("近年来，自治区设立100亿元人才基金，自治区本级每年安排科技项目资金20亿元。"), "自治区设立");
        assertEquals("自治区", m.actor());
        assertEquals(Instrument.FUND, m.instrument());
        assertEquals(List.of("100亿元"), m.linkedFigures());
    }

    @Test
    void cumulativeResultIsDone() {
        Measure m = find(run("累计向科技型企业发放信用贷款2126.8亿元，增长56.24%。"), "累计");
        assertEquals(MeasureStatus.DONE, m.status());
        assertEquals(Instrument.LOAN, m.instrument());
        assertEquals(List.of("2126.8亿元", "56.24%"), m.linkedFigures());
    }

    @Test
    void targetWithLiZhengIsPlanned() {
        Measure m = find(run("积极推进高新技术企业创建，力争2025年高新技术企业净增700家。"), "积极推进");
        assertEquals(MeasureStatus.PLANNED, m.status());
    }

    @Test
    void clausesUnderANextStepsHeadingArePlanned() {
        List<Measure> ms = run("二、下一步工作\n\n加强专业化技术转移机构建设。");
        assertEquals(MeasureStatus.PLANNED, ms.get(0).status());
        assertEquals(Instrument.PLATFORM, ms.get(0).instrument());
    }

    @Test
    void expertProposalWithYingIsRecommended() {
        assertEquals(MeasureStatus.RECOMMENDED, run("政府应提高企业准入门槛。").get(0).status());
    }

    @Test
    void platformThatWasUnveiledIsADoneMeasureWithoutActor() {
        List<Measure> ms = run("国家怀柔实验室新疆基地入轨运行，国家风力发电技术创新中心揭牌。");
        Measure m = find(ms, "国家风力发电技术创新中心揭牌");
        assertNull(m.actor());
        assertEquals(MeasureStatus.DONE, m.status());
    }

    @Test
    void measureTextIsTheSourceAtItsOffsets() {
        String text = "标题\r\n自治区教育厅、发改委、工信厅联合印发《新疆维吾尔自治区现代产业学院建设总体工作方案》。";
        DocumentText doc = LayoutStage.linesOf(text, 0);
        List<Measure> ms = STAGE.extract("t.txt", doc, ENTITIES.extract("t.txt", doc), List.of(), null);
        assertEquals(1, ms.size(), ms.toString());
        Measure m = ms.get(0);
        assertEquals(text.substring(m.charStart(), m.charEnd()), m.text());
        assertEquals(2, m.line());
        assertEquals("自治区教育厅、发改委、工信厅", m.actor());
        assertEquals(MeasureStatus.DONE, m.status());
        assertEquals(Instrument.REGULATION, m.instrument());
    }

    @Test
    void badCueFileLineIsReportedWithFileAndLine() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("cues");
        java.nio.file.Files.writeString(dir.resolve("measure_cues.tsv"), "# c\nkind\tword\tvalue\nstatus\t已\tfinished\n");
        var e = org.junit.jupiter.api.Assertions.assertThrows(figtrace.rules.RulesException.class,
                () -> new MeasureStage(dir));
        assertTrue(e.problems().get(0).startsWith("patterns/measure_cues.tsv:3: value 'finished'"), e.getMessage());
    }

    @Test
    void measureBrokenBySoftWrapKeepsExactOffsetsAndReadsWithoutTheBreak() {
        String text = "自治区设立100亿元人才\n基金。";
        DocumentText doc = new DocumentText(text, List.of(
                new figtrace.model.TextLine(1, 1, 0, 12, true, -1),
                new figtrace.model.TextLine(1, 2, 13, 16, false, -1)));
        List<Measure> ms = STAGE.extract("t.pdf", doc, List.of(), List.of(), null);
        assertEquals(1, ms.size(), ms.toString());
        Measure m = ms.get(0);
        assertEquals("自治区设立100亿元人才基金", m.text());
        assertEquals(0, m.charStart());
        assertEquals(15, m.charEnd());
        assertEquals(1, m.line());
        assertEquals(1, m.page());
        assertEquals(Instrument.FUND, m.instrument());
    }

    @Test
    void aMeasuresLinkedFiguresAreTheFigureStagesFiguresInsideItsClause() {
        String text = "自治区设立100亿元人才基金。";
        DocumentText doc = LayoutStage.linesOf(text, 0);
        var fig = new figtrace.model.Figure("f1", "t.txt", null, 1, 0, 14, text, 5, 11, "100亿元",
                new java.math.BigDecimal("10000000000"), "CNY", null, figtrace.model.FigureKind.MONEY, null, null, "新疆", "人才基金", null,
                null, false, "figures:money", null);
        Measure m = STAGE.extract("t.txt", doc, List.of(), List.of(fig), null).get(0);
        assertEquals(List.of("100亿元"), m.linkedFigures());
        assertEquals(MeasureStatus.DONE, m.status());
    }

    @Test
    void recordsFromOcrTextCarrySourceOcrAndTheLowestConfidenceOfTheirWords() {
        String text = "全年新建高标准农田12万亩，张家界市财政局设立产业引导基金。";
        DocumentText plain = LayoutStage.linesOf(text, 0);
        // every character a word of its own, as Tesseract gives Chinese; one word read with confidence 41
        List<figtrace.model.OcrWord> words = new java.util.ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            words.add(new figtrace.model.OcrWord(i, i + 1, 1, text.charAt(i) == '张' ? 41f : 93f, 0, 0, 1, 1));
        }
        DocumentText ocr = new DocumentText(plain.text(), plain.lines(), words);
        List<figtrace.model.Entity> es = ENTITIES.extract("t.pdf", ocr);
        List<Measure> ms = STAGE.extract("t.pdf", ocr, es, List.of(), null);
        assertTrue(!es.isEmpty() && !ms.isEmpty(), es + " " + ms);
        for (figtrace.model.Entity e : es) assertEquals("ocr", e.source(), e.toString());
        for (Measure m : ms) assertEquals("ocr", m.source(), m.toString());
        figtrace.model.Entity bureau = es.stream().filter(e -> e.text().contains("张家界")).findFirst().orElseThrow();
        assertEquals(new java.math.BigDecimal("41.0"), bureau.ocrConfidence());
        // the same text from a text layer says so, with no confidence
        for (figtrace.model.Entity e : ENTITIES.extract("t.txt", plain)) {
            assertEquals("text", e.source());
            assertNull(e.ocrConfidence());
        }
        for (Measure m : STAGE.extract("t.txt", plain, ENTITIES.extract("t.txt", plain), List.of(), null)) assertEquals("text", m.source());
    }

    @Test
    void theReportingGovernmentIsTheActorOfAWorkReportsMeasures() throws Exception {
        figtrace.pipeline.Pipeline p = new figtrace.pipeline.Pipeline(figtrace.rules.RulesStage.load(java.nio.file.Path.of("patterns")));
        String report = "2025年吉林省政府工作报告\n（一）稳住经济基本盘。争取超长期特别国债资金120亿元，新建改造高标准农田500万亩。\n";
        List<Measure> ms = p.extract("r.txt", report.getBytes(java.nio.charset.StandardCharsets.UTF_8)).measures();
        assertTrue(!ms.isEmpty());
        for (Measure m : ms) assertEquals("吉林省人民政府", m.actor(), m.toString());
        // a paper has no reporting body: its measures name their actor or none
        String paper = "摘要：本文研究产业集群。\n关键词：产业集群\n一是推动国家高新区提档进位。\n";
        for (Measure m : p.extract("p.txt", paper.getBytes(java.nio.charset.StandardCharsets.UTF_8)).measures()) {
            assertNull(m.actor(), m.toString());
        }
    }

    @Test
    void aSectionReportingThePastMakesItsMeasuresDoneAndAPlanningSectionPlanned() {
        List<Measure> ms = run("一、2025年预算执行情况\n持续深化零基预算改革，争取新增债券资金20亿元。\n"
                + "二、2026年预算安排情况\n深化零基预算改革，设立产业引导基金。\n");
        assertEquals(MeasureStatus.DONE, find(ms, "持续深化").status());
        assertEquals(MeasureStatus.PLANNED, find(ms, "深化零基预算改革，设立").status());
    }

    @Test
    void aSectionsNumberedHeadingSentenceIsNoMeasureButWhatFollowsIs() {
        // heilongjiang and jilin work reports: （五）… 。 opens the paragraph of the section's measures
        List<Measure> ms = run("（七）扩大高水平对外开放。深度融入高质量共建“一带一路”，推动中俄跨境索道项目建设。");
        assertTrue(ms.stream().noneMatch(m -> m.text().contains("扩大高水平对外开放")), ms.toString());
        find(ms, "推动中俄跨境索道项目建设");
        List<Measure> jl = run("（五）聚焦稳外贸、稳外资，着力扩大高水平开放合作。推动开放发展扩面升级、提质增效，打造合作竞争新优势。");
        assertTrue(jl.stream().noneMatch(m -> m.text().contains("开放合作")), jl.toString());
        find(jl, "推动开放发展扩面升级");
    }

    @Test
    void aWorkReportsParagraphsWithoutTheirPartHeadingAreReviewWhenDenseWithResultsElsePlans() {
        // a work report's portion without its part heading: a review item reports results (hebei, heilongjiang), a task
        // sets out the year's work in the imperative (jilin, heilongjiang)
        List<Measure> ms = run("2025年河北省政府工作报告\n"
                + "2025年1月13日在河北省第十四届人民代表大会第三次会议上河北省人民政府省长王正谱作政府工作报告。\n"
                + "三是着力促消费稳投资。实施“1+N”消费品以旧换新行动，发放政府消费券4.8亿元，开展促消费活动800余场，带动消费300亿元。\n"
                + "深化国资国企、财税金融等重点领域改革。加快项目建设，新引进项目1000个。\n");
        assertEquals(MeasureStatus.DONE, find(ms, "开展促消费活动").status());
        assertEquals(MeasureStatus.PLANNED, find(ms, "深化国资国企").status());
        assertEquals(MeasureStatus.PLANNED, find(ms, "新引进项目1000个").status());
    }

    @Test
    void aWorkReportsTasksAndItsPartOnTheGovernmentItselfArePlansAndAYearsResultsAreDone() {
        List<Measure> ms = run("2025年河北省政府工作报告\n二、2025年目标任务和主要工作\n深化国资国企、财税金融等重点领域改革。\n"
                + "四、加强政府自身建设\n深化政务公开，推行“高效办成一件事”。\n");
        assertEquals(MeasureStatus.PLANNED, find(ms, "深化国资国企").status());
        assertEquals(MeasureStatus.PLANNED, find(ms, "推行").status());
        List<Measure> done = run("中山市财政局2025年工作总结与2026年工作安排\n二、2025年重点工作成效\n深化零基预算改革，推行“高效办成一件事”。\n");
        assertEquals(MeasureStatus.DONE, find(done, "推行").status());
    }

    @Test
    void listClausesOpenWithTheVerbsOfWorkAndBudgetReports() {
        // jilin, zhejiang and zhongshan; each verb is counted in several reports in measure_cues.tsv
        List<Measure> ms = run("2025年吉林省政府工作报告\n抓好国家财政科学管理试点工作，有效维护民营企业、民营企业家合法权益，用足用好国家下达的消费品以旧换新资金，"
                + "创新实施融资租赁、设备入股等支持政策，选取资金需求大的项目开展绩效评审。");
        for (String start : List.of("抓好国家财政", "有效维护", "用足用好", "创新实施", "选取资金")) find(ms, start);
    }

    @Test
    void listVerbsOfAGovernmentsReportOpenMeasuresThereButNotInAPaper() {
        // 抓好 (jilin, hebei, henan work reports), 巩固 (heilongjiang, zhejiang), 维护 and 权益 (jilin, zhejiang), 取消
        // (heilongjiang, xinjiang), 稳步 (heilongjiang; atlas dali, changsha budget reports)
        List<Measure> ms = run("2025年吉林省政府工作报告\n（一）深化改革。抓好国家财政科学管理试点工作，完善助贷机制。巩固大宗商品等传统领域贸易。"
                + "有效维护民营企业、民营企业家合法权益。全面取消落户限制。稳步扩大制度型开放。\n");
        for (String m : List.of("抓好国家财政科学管理试点工作", "巩固大宗商品等传统领域贸易", "有效维护民营企业", "全面取消落户限制",
                "稳步扩大制度型开放")) find(ms, m);
        // a verb reaching a figure reports a change (wuzhong budget report)
        assertTrue(run("2025年吉林省政府工作报告\n税收占一般公共预算收入的比重由59.1%，稳步提高到2025年的70.1%。\n").stream()
                .noneMatch(m -> m.text().contains("提高到")));
        // a paper's 增加 and 修复 are words of its argument, not actions (samples 000, 001)
        List<Measure> paper = run("摘要：本文研究科技创新。\n关键词：科技创新\n新疆区域科技创新企业对接平台数量不断增加。通过节能减排、循环利用、生态修复等措施。\n");
        assertTrue(paper.stream().noneMatch(m -> m.text().contains("增加") || m.text().contains("修复")), paper.toString());
    }

    @Test
    void aViewOfTheYearsTaskAndCarryingOutASpiritAreNoMeasures() {
        // puer budget report; atlas baoshan and ankang budget reports
        List<Measure> ms = run("2026年是“十五五”规划开局之年，做好财政预算编制和财政工作意义重大。"
                + "认真落实中央、省委、市委经济工作会议和全国、全省财政工作会议精神，坚持稳中求进工作总基调。深化零基预算改革。");
        assertTrue(ms.stream().noneMatch(m -> m.text().contains("意义重大") || m.text().contains("精神")), ms.toString());
        find(ms, "深化零基预算改革");
    }

    @Test
    void aReportParagraphsShortOpeningSentenceIsAMeasureAndSoIsHoldingToAQuotedPrinciple() {
        // the paragraph's topic, then its measures: 支持民营经济发展壮大。 (jilin work report), 稳步推进新型城镇化。
        // (heilongjiang), 提升城市功能品质。 (henan), 加快农业转移人口市民化。 (guangxi)
        List<Measure> ms = run("2025年吉林省政府工作报告\n支持民营经济发展壮大。鼓励民营企业参与投资建设基础设施竞争性领域项目。\n"
                + "加快农业转移人口市民化。推行以经常居住地登记户口制度。\n"
                + "坚持“三保”支出优先，严控一般性支出。\n");
        find(ms, "支持民营经济发展壮大");
        find(ms, "加快农业转移人口市民化");
        // atlas baoshan and ankang budget reports: 坚持“三保”支出优先
        find(ms, "坚持“三保”支出优先");
        // a heading line alone, or a numbered heading, is no topic sentence
        assertTrue(run("2025年吉林省政府工作报告\n（七）扩大高水平对外开放。深度融入高质量共建“一带一路”。\n").stream()
                .noneMatch(m -> m.text().contains("扩大高水平对外开放")));
    }

    @Test
    void aNumberedReportParagraphsOpeningActionAndAimAreOneMeasureAndAPolicyPartIsDone() {
        // fuxin final-accounts report: 二、2025年财政政策落实情况 reports the year's work; its items open with an Arabic
        // number and an action with its aim (2.推进矿山生态修复，焕发绿色发展生机。), like the panjin budget report's
        // 2.健全保障机制，兜牢“三保”底线。
        List<Measure> ms = run("关于某市2025年财政决算的报告\n某市人民政府\n二、2025年财政政策落实情况\n"
                + "2.推进矿山生态修复，焕发绿色发展生机。筹集1.65亿元，实施露天矿北帮综合治理。\n");
        Measure lead = find(ms, "推进矿山生态修复");
        assertEquals("推进矿山生态修复，焕发绿色发展生机", lead.text());
        assertEquals(MeasureStatus.DONE, lead.status());
        assertEquals(MeasureStatus.DONE, find(ms, "筹集1.65亿元").status());
        // a decimal figure is no item number
        assertTrue(ms.stream().noneMatch(m -> m.text().startsWith("65亿元")), ms.toString());
    }

    @Test
    void aBulletinsActionsAreTheGovernmentsEachVerbApartAndDone() {
        // shaoyang bulletin (承办…，举办…，组织…), atlas suzhou bulletin (实施提振消费专项行动，举办“五五购物节”…等活动)
        List<Measure> ms = run("邵阳市2025年国民经济和社会发展统计公报\n十、文化、卫生和体育\n"
                + "承办湖南省第六届中学生运动会等重大赛事，举办百余场“奔跑吧·邵阳”系列活动，组织县BA篮球赛、第五届全民健身联赛等赛事。\n");
        Measure hosted = find(ms, "承办湖南省第六届中学生运动会");
        assertEquals(MeasureStatus.DONE, hosted.status());
        assertEquals("邵阳市人民政府", hosted.actor());
        assertEquals(MeasureStatus.DONE, find(ms, "举办百余场").status());
        find(ms, "组织县BA篮球赛");
    }
}
