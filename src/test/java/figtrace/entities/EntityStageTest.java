package figtrace.entities;

import figtrace.model.EntityType;
import figtrace.layout.LayoutStage;
import figtrace.model.Entity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntityStageTest {

    private static final EntityStage STAGE = new EntityStage();

    private static List<Entity> run(String text) {
        return STAGE.extract("t.txt", LayoutStage.linesOf(text, 0));
    }

    private static Entity find(List<Entity> es, String text) {
        return es.stream().filter(e -> e.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError(text + " not found in " + es.stream().map(Entity::text).toList()));
    }

    @Test
    void titleInBookQuotesIsADocEntityWithItsDocumentNumber() {
        Entity e = find(run("按照《国家高新技术产业开发区综合评价指标体系》（工信部规〔2024〕169号）要求，优化布局。"),
                "《国家高新技术产业开发区综合评价指标体系》");
        assertEquals(EntityType.DOC, e.type());
        assertEquals("docNumber=工信部规〔2024〕169号", e.attributes());
    }

    @Test
    void shortPrefectureNameGetsFullCanonical() {
        Entity e = find(run("昌吉州和伊犁州的企业。"), "昌吉州");
        assertEquals(EntityType.PLACE, e.type());
        assertEquals("昌吉回族自治州", e.canonical());
        assertEquals("PLACE:昌吉回族自治州", e.canonicalId());
    }

    @Test
    void xinjiangAndItsPartyCommitteeGetTheirFullNames() {
        List<Entity> es = run("新疆发展迅速。\n自治区党委高度重视科技创新。");
        assertEquals("新疆维吾尔自治区", find(es, "新疆").canonical());
        assertEquals("中共新疆维吾尔自治区委员会", find(es, "自治区党委").canonical());
    }

    @Test
    void canonicalIdIsTheSameAcrossDocuments() {
        Entity a = find(STAGE.extract("a.txt", LayoutStage.linesOf("乌鲁木齐的企业。", 0)), "乌鲁木齐");
        Entity b = find(STAGE.extract("b.txt", LayoutStage.linesOf("位于乌鲁木齐市。", 0)), "乌鲁木齐市");
        assertEquals(a.canonicalId(), b.canonicalId());
        assertFalse(a.id().equals(b.id()));
    }

    @Test
    void quotedNameWithPlanSuffixIsAProgramWithItsQuotes() {
        Entity e = find(run("组织实施“天山英才”培养计划，三批共支持企业科技人才159人。"), "“天山英才”培养计划");
        assertEquals(EntityType.PROGRAM, e.type());
        assertEquals("天山英才培养计划", e.canonical());
    }

    @Test
    void quotedEmphasisIsNotAnEntity() {
        List<Entity> es = run("推荐专精特新“小巨人”企业，鼓励企业“走出去”。");
        assertTrue(es.stream().noneMatch(e -> e.text().contains("小巨人") || e.text().contains("走出去")), es.toString());
    }

    @Test
    void organisationNameExtendsLeftUntilAVerb() {
        List<Entity> es = run("支持丝绸之路经济带创新驱动发展试验区先行快速发展。");
        assertEquals(EntityType.ORG, find(es, "丝绸之路经济带创新驱动发展试验区").type());
    }

    @Test
    void shortHighTechZoneNameIsAnOrgWithTheOfficialCanonical() {
        Entity e = find(run("分别为乌鲁木齐高新区、昌吉高新区。"), "乌鲁木齐高新区");
        assertEquals(EntityType.ORG, e.type());
        assertEquals("乌鲁木齐高新技术产业开发区", e.canonical());
    }

    @Test
    void genericClassOfPlatformsIsNotAnEntity() {
        List<Entity> es = run("推进自治区制造业创新中心、重点实验室等建设。");
        assertTrue(es.stream().noneMatch(e -> e.type() == EntityType.ORG), es.toString());
    }

    @Test
    void knownIndustryFollowedByClusterIsTheCluster() {
        List<Entity> es = run("着力打造现代化油气生产加工产业集群。");
        assertEquals(EntityType.INDUSTRY, find(es, "油气生产加工产业集群").type());
    }

    @Test
    void personNeedsASurnameAndTwoCharacterNamesATitle() {
        List<Entity> es = run("2024年李强总理在新疆调研时强调，要延链强链。");
        assertEquals(EntityType.PERSON, find(es, "李强").type());
        assertTrue(es.stream().noneMatch(e -> e.text().equals("强链")), es.toString());
    }

    @Test
    void eachSurfaceFormIsReportedOnceAtItsFirstLine() {
        List<Entity> es = run("新疆\n\n新疆和喀什");
        assertEquals(1, es.stream().filter(e -> e.text().equals("新疆")).count());
        assertEquals(1, find(es, "新疆").line());
        assertEquals(3, find(es, "喀什").line());
    }

    @Test
    void entityTextIsTheSourceAtItsOffsets() {
        String text = "关于\r\n国家风力发电技术创新中心揭牌。";
        var doc = LayoutStage.linesOf(text, 0);
        for (Entity e : STAGE.extract("t.txt", doc)) {
            assertEquals(text.substring(e.charStart(), e.charEnd()), e.text());
            assertEquals(doc.lineAt(e.charStart()).number(), e.line());
        }
        assertNull(find(STAGE.extract("t.txt", doc), "国家风力发电技术创新中心").attributes());
    }

    @Test
    void ordinalBelongsToTheName() {
        List<Entity> es = run("根据第五次全国经济普查情况调整。");
        assertEquals(EntityType.PROGRAM, find(es, "第五次全国经济普查").type());
    }

    @Test
    void campaignNameKeepsItsQuotedPartAndVerbsItIsMadeOf() {
        List<Entity> es = run("开展“十行千亿万企”中小企业融资促进行动。");
        assertEquals("十行千亿万企中小企业融资促进行动", find(es, "“十行千亿万企”中小企业融资促进行动").canonical());
    }

    @Test
    void placeInsideAnotherWordIsNotAPlace() {
        List<Entity> es = run("扎实推进中国式现代化。");
        assertTrue(es.stream().noneMatch(e -> e.text().equals("中国")), es.toString());
    }

    @Test
    void nameBrokenBySoftWrapIsJoinedWithExactOffsets() {
        String text = "国家风力发电技术\n创新中心揭牌。";
        var doc = new figtrace.model.DocumentText(text, List.of(
                new figtrace.model.TextLine(2, 7, 0, 8, true, -1),
                new figtrace.model.TextLine(2, 8, 9, 16, false, -1)));
        Entity e = find(STAGE.extract("t.pdf", doc), "国家风力发电技术创新中心");
        assertEquals(0, e.charStart());
        assertEquals(13, e.charEnd());
        assertEquals(7, e.line());
        assertEquals(2, e.page());
    }

    @Test
    void ownRegionAgenciesBelongToTheDocumentsRegion() {
        List<Entity> found = STAGE.extract("t.txt", LayoutStage.linesOf("自治区党委和自治区财政厅安排资金。", 0), "宁夏回族自治区");
        assertTrue(found.stream().anyMatch(e -> e.canonical().equals("中共宁夏回族自治区委员会")), found.toString());
        assertTrue(found.stream().anyMatch(e -> e.canonical().equals("宁夏回族自治区财政厅")), found.toString());
        assertTrue(found.stream().noneMatch(e -> e.canonical().contains("新疆")), found.toString());
    }

    @Test
    void aHenanReportsBodiesAreHenansAndNeverXinjiangs() {
        List<Entity> es = run("2025年河南省政府工作报告\n在省委、省政府坚强领导下，省科学院形成一批成果，自治区党委也来调研。");
        assertEquals("中共河南省委员会", find(es, "省委").canonical());
        assertEquals("河南省人民政府", find(es, "省政府").canonical());
        assertEquals("河南省科学院", find(es, "省科学院").canonical());
        assertEquals("PLACE:河南省", find(es, "河南省").canonicalId());
        // a document that does not say its region keeps the written form rather than guess one
        assertEquals("自治区党委", find(run("自治区党委高度重视科技创新。"), "自治区党委").canonical());
        assertTrue(es.stream().noneMatch(e -> e.canonical().contains("新疆")), es.toString());
    }

    @Test
    void aCitysOwnBodiesTakeTheCityFromTheTitle() {
        List<Entity> es = run("关于普洱市2025年地方财政预算执行情况的报告\n在市委的领导下，市人大监督。");
        assertEquals(EntityType.DOC, find(es, "关于普洱市2025年地方财政预算执行情况的报告").type());
        assertEquals("中共普洱市委员会", find(es, "市委").canonical());
        assertEquals("普洱市人民代表大会", find(es, "市人大").canonical());
    }

    @Test
    void namesInABylineArePeople() {
        List<Entity> es = run("编辑:韩佳 张兴红\n记者 王斌、韩显明报道");
        for (String name : List.of("韩佳", "张兴红", "王斌", "韩显明")) assertEquals(EntityType.PERSON, find(es, name).type());
    }

    @Test
    void theItemsOfAnIndustryListAreIndustriesButServicesAreNot() {
        List<Entity> es = run("省科学院在先进材料、量子科技、人工智能等领域形成成果，发展锂电、光伏、氢能、新型储能等产业。");
        for (String name : List.of("先进材料", "量子科技", "锂电", "光伏", "氢能", "新型储能")) {
            assertEquals(EntityType.INDUSTRY, find(es, name).type());
        }
        assertTrue(run("加大教育、医疗卫生、社会保障和就业等领域的投入。").isEmpty());
    }

    @Test
    void companiesInAListAreFoundByHanlpsOrganisationRecogniser() {
        List<Entity> es = run("依托金风科技、特变电工、塔里木油田等龙头企业。");
        for (String name : List.of("金风科技", "特变电工", "塔里木油田")) assertEquals(EntityType.ORG, find(es, name).type());
    }

    @Test
    void genericPhrasesAndCountsOfPeopleAreNotNames() {
        List<Entity> es = run("新能源基地和大型资源基地建设加快，新增就业余万人，发展资源密集型产业和关键产业。");
        assertTrue(es.stream().noneMatch(e -> e.text().contains("基地") || e.text().equals("余万人")
                || e.text().contains("资源密集型产业") || e.text().equals("关键产业")), es.toString());
    }

    @Test
    void anAgencyNamedByLevelFieldAndDepartmentIsThatBodyButAllOfAFieldsOfficesAreNot() {
        // corpus 004 (自治区科技部门管理的…); 全市财政部门 in the puer, zhongshan and weifang budget reports
        List<Entity> es = run("新疆维吾尔自治区科技型企业\n主要有自治区科技部门管理的科技型中小企业，自治区工信部门管理的创新型中小企业。");
        assertEquals("新疆维吾尔自治区科学技术厅", find(es, "自治区科技部门").canonical());
        assertEquals("新疆维吾尔自治区工业和信息化厅", find(es, "自治区工信部门").canonical());
        assertTrue(run("2025年，全市财政部门坚持稳中求进。").stream().noneMatch(e -> e.text().contains("部门")));
    }

    @Test
    void aProvincesLiteraryNameIsThatProvince() {
        // 龙江 (heilongjiang work report), 八桂 (guangxi), 燕赵 (hebei), 中原 (henan, luoyang bulletin)
        assertEquals("黑龙江省", find(run("让广大游客在龙江玩得更安心。"), "龙江").canonical());
        assertEquals("广西壮族自治区", find(run("推动党中央决策部署在八桂大地落地生根。"), "八桂").canonical());
        assertEquals("河北省", find(run("中国式现代化在燕赵大地展现勃勃生机。"), "燕赵").canonical());
        // inside a name the place is part of it: 燕赵钢铁实验室 (hebei), 中原科技城 (henan)
        assertEquals(EntityType.ORG, find(run("省实验室——燕赵钢铁实验室挂牌。"), "燕赵钢铁实验室").type());
        assertEquals(EntityType.ORG, find(run("中原科技城国家级科创平台加快建设。"), "中原科技城").type());
    }

    @Test
    void nationalProgrammesAndPilotZonesAreNamed() {
        // “高效办成一件事” (hebei, heilongjiang, guangxi work reports, changzhou budget report), 240小时过境免签政策
        // (heilongjiang, henan), 国家科学技术奖 (henan, guangxi, baoji), …先行区 (heilongjiang, xinjiang)
        assertEquals(EntityType.PROGRAM, find(run("13个“高效办成一件事”落地实施。"), "高效办成一件事").type());
        assertEquals(EntityType.PROGRAM, find(run("郑州航空口岸240小时过境免签政策落地实施。"), "240小时过境免签政策").type());
        assertEquals(EntityType.PROGRAM, find(run("9项成果获国家科学技术奖。"), "国家科学技术奖").type());
        // (the name is still cut after 中俄, which HanLP reads as an abbreviation: what is left)
        assertTrue(run("加快黑瞎子岛中俄国际合作先行区建设。").stream()
                .anyMatch(e -> e.type() == EntityType.ORG && e.text().endsWith("国际合作先行区")));
    }

    @Test
    void companiesShortNamesInAListAreOrganisationsEvenWhenHanlpReadsThemAsVerbs() {
        // jilin work report; huangshi budget report
        List<Entity> es = run("推进吉能集团、交投集团、一汽吉林战略性重组，显著提升产投集团、森工集团等企业经营绩效。");
        for (String name : List.of("交投集团", "产投集团", "森工集团")) assertEquals(EntityType.ORG, find(es, name).type());
        assertEquals(EntityType.ORG, find(run("主要是东楚集团5880万元、城发集团4900万元、国投集团2600万元。"), "城发集团").type());
    }

    @Test
    void anUnquotedProjectAfterAProgrammeCueIsAProgrammeButACountOfProjectsIsNot() {
        // heilongjiang, henan, guangxi work reports; hebei's 实施20项民生工程 is a count
        assertEquals(EntityType.PROGRAM, find(run("实施A级旅游景区提升工程。"), "A级旅游景区提升工程").type());
        assertEquals(EntityType.PROGRAM, find(run("实施粮食产能提升工程。扛牢粮食安全责任。"), "粮食产能提升工程").type());
        assertEquals(EntityType.PROGRAM, find(run("实施好新时代系列艺术创作工程。"), "新时代系列艺术创作工程").type());
        assertTrue(run("继续实施20项民生工程，实施十大为民办实事工程。").stream().noneMatch(e -> e.text().endsWith("工程")));
    }

    @Test
    void aProjectNamedWithItsOwnVerbsBeforeAProjectListKeepsThem() {
        // heilongjiang work report; pingdingshan bulletin
        assertEquals(EntityType.PROGRAM, find(run("重大基础设施建设加速推进，粮食产能提升灌溉工程等项目列入国家重大水利工程。"),
                "粮食产能提升灌溉工程").type());
        assertEquals(EntityType.PROGRAM, find(run("白龟山水库扩容工程项目、前坪水库灌区工程等项目加快建设。"), "前坪水库灌区工程").type());
    }

    @Test
    void aQuotedSystemOrRuleIsAProgrammeAndAProvincialLabIsAClass() {
        // heilongjiang work report, zhanjiang budget report; 省实验室 in the henan, jilin, zhejiang work reports
        assertEquals(EntityType.PROGRAM, find(run("用好“先行赔付”等制度，保障游客合法权益。"), "先行赔付").type());
        assertEquals(EntityType.PROGRAM, find(run("认真落实“第一议题”制度，坚持不懈。"), "第一议题").type());
        assertTrue(run("省实验室27家、产业技术研究院一批。").stream().noneMatch(e -> e.text().equals("省实验室")));
    }

    @Test
    void industriesListedBeforeQualifiedClusterTailsAreIndustries() {
        // zhejiang work report (等国家先进制造业集群4个, an item of 12 characters), corpus 003 (等优势先进制造业集群)
        List<Entity> es = run("新增浙东工业母机、环杭州湾现代纺织服装、金华台州丘陵山区农机装备、长三角大飞机等国家先进制造业集群4个。");
        for (String name : List.of("浙东工业母机", "环杭州湾现代纺织服装", "金华台州丘陵山区农机装备", "长三角大飞机")) {
            assertEquals(EntityType.INDUSTRY, find(es, name).type());
        }
        assertEquals(EntityType.INDUSTRY, find(run("做强航空航天、输变电装备等优势先进制造业集群。"), "输变电装备").type());
    }

    @Test
    void zonesForOpeningUpKeepTheirVerb() {
        // jilin work report (…重点开发开放试验区), xinjiang work report (塔城重点开发开放试验区)
        assertEquals(EntityType.ORG, find(run("加快塔城重点开发开放试验区建设。"), "塔城重点开发开放试验区").type());
        assertTrue(run("支持延吉－长白重点开发开放试验区建设。").stream()
                .anyMatch(e -> e.type() == EntityType.ORG && e.text().endsWith("重点开发开放试验区")));
    }

    @Test
    void aBodysOwnSummaryAndPlanIsATitledDocumentAndItsIssuerAnOrganisation() {
        // zhongshan and zibo finance bureaus' pages
        List<Entity> es = run("中山市财政局2025年工作总结与2026年工作安排\n发布日期：2026-01-20");
        assertEquals(EntityType.DOC, find(es, "中山市财政局2025年工作总结与2026年工作安排").type());
        assertEquals(EntityType.ORG, find(es, "中山市财政局").type());
        assertEquals(EntityType.DOC, find(run("淄博市财政局2025年工作总结和2026年工作计划\n"), "淄博市财政局2025年工作总结和2026年工作计划").type());
    }

    @Test
    void aCountyLevelCityWithoutItsSuffixIsAPlaceButNotInsideAnotherWord() {
        // jilin and zhejiang work reports; 乌苏里江 (heilongjiang) is a river, 延吉－长白 (jilin) starts a zone's name
        List<Entity> es = run("促进珲春与东北亚地区港口城市互联互通。\n推动义乌机场改扩建。\n成功抵御乌苏里江流域洪水。\n"
                + "支持延吉－长白重点开发开放试验区建设。");
        assertEquals("珲春市", find(es, "珲春").canonical());
        assertEquals(EntityType.ORG, find(es, "义乌机场").type());
        assertTrue(es.stream().noneMatch(e -> e.text().equals("乌苏") || e.text().equals("延吉")), es.toString());
    }

    @Test
    void aNameHoldsAPlaceAndACountyHanlpReadsAsAVerbAndAWordHanlpDoesNotKnow() {
        // hebei work report (北京大兴国际机场, 雄安新区); 雄安综保区 and 雄忻高铁 from its full text
        List<Entity> es = run("北京大兴国际机场综保区二期通过验收。雄安新区拔节生长。");
        assertEquals(EntityType.ORG, find(es, "北京大兴国际机场综保区").type());
        assertEquals(EntityType.ORG, find(es, "雄安新区").type());
        assertTrue(es.stream().noneMatch(e -> e.text().equals("北京")), es.toString());
    }

    @Test
    void crossBorderECommerceZonesAreTheNationalClassOfZones() {
        // heilongjiang and jilin work reports
        List<Entity> es = run("推动国家级跨境电商综合试验区扩围。加快跨境电商综试区建设。");
        assertEquals("跨境电子商务综合试验区", find(es, "跨境电商综合试验区").canonical());
        assertEquals("跨境电子商务综合试验区", find(es, "跨境电商综试区").canonical());
    }

    @Test
    void festivalsAndPilotsAfter抓好AreProgrammes() {
        // henan work report, atlas suzhou bulletin; jilin and hebei work reports
        List<Entity> es = run("成功举办中国农民丰收节。举办长江文化节。抓好国家财政科学管理试点工作。抓好盐碱地综合利用试点。");
        for (String name : List.of("中国农民丰收节", "长江文化节", "国家财政科学管理试点", "盐碱地综合利用试点")) {
            assertEquals(EntityType.PROGRAM, find(es, name).type());
        }
    }

    @Test
    void aNumberedCongressKeepsItsRegion() {
        // hebei, heilongjiang, henan, jilin, zhejiang work reports; puer, weifang budget reports
        assertEquals(EntityType.ORG, find(run("2025年1月13日在河北省第十四届人民代表大会第三次会议上"), "河北省第十四届人民代表大会").type());
        find(run("——2025年12月29日在普洱市第五届人民代表大会第八次会议上"), "普洱市第五届人民代表大会");
        // an ordinal alone still starts a name: 开展第五次全国经济普查
        assertTrue(run("开展第五次全国经济普查。").stream().noneMatch(e -> e.text().startsWith("开展")));
    }

    @Test
    void noNameIsCutOutOfASetPhrase() {
        // 山水林田湖草沙 (dali budget report; hebei, heilongjiang, xinjiang work reports): HanLP's person 林田湖
        assertTrue(run("统筹推进山水林田湖草沙一体化保护和系统治理。").stream().noneMatch(e -> e.text().contains("林田湖")));
        // 财政中心工作 (zhongshan finance summary), 省域副中心城市 (henan work report, zhanjiang budget report), 中心镇
        // (zhejiang work report): kinds and tasks, not bodies or places
        assertTrue(run("围绕财政中心工作与改革难点，深入开展专项调查研究。").stream().noneMatch(e -> e.text().contains("中心")));
        assertTrue(run("提升南阳省域副中心城市功能。").stream().noneMatch(e -> e.text().contains("中心")));
        assertTrue(run("做强中心镇，培育重点镇。").stream().noneMatch(e -> e.text().equals("中心镇")));
    }

    @Test
    void aScenicAreaNamedByItsPlaceIsAPlace() {
        // 查干湖景区 (jilin work report), 云和梯田景区 (zhejiang work report), 湖光岩风景区 (zhanjiang budget report)
        assertEquals(EntityType.PLACE, find(run("查干湖景区入选国家级旅游休闲街区名录。"), "查干湖景区").type());
        assertEquals(EntityType.PLACE, find(run("云和梯田景区成功创建国家5A级旅游景区。"), "云和梯田景区").type());
        // kinds of scenic areas are no names
        assertTrue(run("支持更多景区创建国家5A级旅游景区，培育千万级核心景区。").stream().noneMatch(e -> e.text().endsWith("景区")));
    }

    @Test
    void aQuotedPrincipleIsAProgrammeAndANamedContestIsOneButAKindOfContestIsNot() {
        // fuxin final-accounts report, atlas baoshan and zhanjiang budget reports
        assertEquals(EntityType.PROGRAM, find(run("按照“先定事后定钱”的原则，以零为起点编制预算。"), "先定事后定钱").type());
        assertEquals(EntityType.PROGRAM, find(run("坚持“以收定支”的原则，严控一般性支出。"), "以收定支").type());
        // shaoyang and yiyang bulletins (湖南省青少年体育锦标赛), baoji bulletin (第十届自行车联赛)
        List<Entity> es = run("组织第五届全民健身联赛等赛事，参加2025年湖南省青少年体育锦标赛斩获52枚金牌。");
        assertTrue(es.stream().anyMatch(e -> e.type() == EntityType.PROGRAM && e.text().endsWith("全民健身联赛")), es.toString());
        assertTrue(es.stream().anyMatch(e -> e.type() == EntityType.PROGRAM && e.text().endsWith("青少年体育锦标赛")), es.toString());
        assertTrue(run("举办篮球联赛、足球联赛各一场。").stream().noneMatch(e -> e.text().endsWith("联赛")));
    }
}
