"""How cells_review.tsv was written: make_review.py OUT DEST, OUT a run of figtrace (main bfdcaf6) over ../shared/atlas/docs.

Every verdict that is not printed, and every note, was written by hand after reading the document text (the HAND, SCOPE,
PNOTE and LOC tables below); for a printed cell the evidence is the sentence of the figure figtrace places there, read by
hand for every GDP growth cell and every table row (HANDREAD_OK) and checked by script otherwise (the sentence holds the
number and the indicator's name). Kept so that the file can be written again with the same verdicts after a later run.
"""
import json,re,sys,csv,importlib.util,os
SHARED=os.path.join(os.path.dirname(os.path.abspath(__file__)),'..','..','..','..','..','shared')
spec=importlib.util.spec_from_file_location('a',os.path.join(SHARED,'tools','atlas_score.py')); a=importlib.util.module_from_spec(spec); spec.loader.exec_module(a)
from collections import defaultdict
cells=json.load(open(os.path.join(SHARED,'atlas','cells.json')))
out=sys.argv[1]; dest=sys.argv[2]
figs=defaultdict(list)
BYID={}
for ln in open(out+'/figures.jsonl'):
    p=json.loads(ln); figs[a.stem(p.get('doc'))].append(p); BYID[p['id']]=p
panel=list(csv.DictReader(open(out+'/panel.csv',encoding='utf-8-sig')))
IDS={'gdp_current_100m':'gdp','gdp_real_growth_pct':'gdp','resident_population_10k':'resident_population','general_public_revenue_100m':'general_public_budget_revenue','general_public_expenditure_100m':'general_public_budget_expenditure','gov_fund_revenue_100m':'government_fund_revenue'}
KW={'gdp':'生产总值|GDP|经济总量','resident_population':'常住','general_public_budget_revenue':'一般公共预算|一般预算|公共财政预算','general_public_budget_expenditure':'一般公共预算|一般预算|公共财政预算','government_fund_revenue':'基金'}
def where(p):
    return (f"p{p['page']} " if p.get('page') else '')+f"line {p.get('line')}"
def q(s): return re.sub(r'\s+',' ',s or '').strip()
def window(p):
    t=p.get('quote') or ''
    at=p['span_start']-p['char_start']; end=p['span_end']-p['char_start']
    s0=max(0,at-70); return ('…' if s0>0 else '')+q(t[s0:end+20])+('…' if end+20<len(t) else '')
LOC={('六安市','general_public_expenditure_100m'):('luan_2025_budget_execution_analysis.html line 18','2025年，全市一般公共预算收入184.2亿元，较上年同期（下同）增长3%；支出587.3亿元，下降1.6%。'),
     ('苏州市','gdp_real_growth_pct'):('suzhou_2025_statistical_bulletin.html line 8','初步核算，全年实现地区生产总值27695.1亿元，按不变价格计算比上年增长5.4%，…')}
# hand-read verdicts for the cells whose document does not print the value as that indicator (verdict, what the cited
# document prints instead, where the city's value is printed in the atlas if anywhere)
HAND={
('长沙市','gdp_real_growth_pct'):"the budget report names no GDP at all; its only 4 is 四项举措 (line 40). The city's GDP growth 4.0% is printed in changsha_2025_statistical_bulletin.html",
('六安市','general_public_expenditure_100m'):"215.7亿元 is 政府性基金预算支出 (line 20: 全市政府性基金预算收入41亿元；支出215.7亿元); 一般公共预算支出 is 587.3亿元 (line 18: 一般公共预算收入184.2亿元…；支出587.3亿元)",
('洛阳市','gdp_real_growth_pct'):"the provincial budget tables name no GDP; 6.00 is a debt amount in a county row (镇平县 6.00 6.00). Printed in luoyang_2025_statistical_bulletin.html",
('新乡市','gdp_real_growth_pct'):"the provincial budget tables name no GDP; 5.00 is a bond amount (科教创新工程 5.00 15年 2.28%). Printed in xinxiang_2025_statistical_bulletin.html",
('信阳市','gdp_real_growth_pct'):"the provincial budget tables name no GDP; 6.00 is a debt amount in a county row (镇平县 6.00 6.00). Printed in xinyang_2025_statistical_bulletin.html",
('驻马店市','gdp_real_growth_pct'):"the provincial budget tables name no GDP; 6.00 is a debt amount in a county row (镇平县 6.00 6.00). Printed in zhumadian_2025_statistical_bulletin.html",
('苏州市','gdp_real_growth_pct'):"the budget report names no GDP; 5.4 is only 亿元 amounts (国有资本经营支出5.4亿元, line 43). Printed in suzhou_2025_statistical_bulletin.html line 8 (按不变价格计算比上年增长5.4%)",
('岳阳市','gdp_real_growth_pct'):"the budget report names no GDP figure; 5.5% is the fall of 地方税收收入 (其中地方税收收入预计完成 113.5 亿元，下降 5.5%). Printed in yueyang_2025_statistical_bulletin.html",
('湛江市','gdp_real_growth_pct'):"the budget report names no GDP; 4.5% is the growth of 农林水支出 (line 47: 全市农林水支出53.24亿元，增长4.5%). Printed in guangdong_2025_city_gdp.html",
('韶关市','gdp_real_growth_pct'):"the provincial budget attachment names no GDP and prints no 3.6 for the city. Printed in guangdong_2025_city_gdp.html",
('深圳市','gdp_real_growth_pct'):"the provincial budget attachment names no GDP; 5.5 is 广东省's pension 抚养比 (广东省 5.5 53% 1.5%) and 5.5% a ratio of 可再生能源. Printed in guangdong_2025_city_gdp.html and shenzhen_2025_budget_report.pdf",
('汕头市','gdp_real_growth_pct'):"the provincial budget attachment names no GDP; 0.1% is a share in expenditure tables (教育 … 0.1%). Printed in guangdong_2025_city_gdp.html",
('汕头市','gov_fund_revenue_100m'):"the provincial budget attachment prints no fund revenue of 汕头市; 100.7 appears only as ratios (100.7%) of provincial fund expenditure rows. Printed in no atlas document",
('佛山市','gdp_real_growth_pct'):"the provincial budget attachment names no GDP; 0.2% is a share in expenditure tables. Printed in guangdong_2025_city_gdp.html",
('江门市','gdp_real_growth_pct'):"the provincial budget attachment names no GDP; 2.8 is 江门市's pension 抚养比 (企业职工养老保险基本情况表: 江门市 2.8 55% 1.5%). Printed in guangdong_2025_city_gdp.html",
('茂名市','gdp_real_growth_pct'):"the provincial budget attachment names no GDP and prints no 3.6 for the city. Printed in guangdong_2025_city_gdp.html",
('肇庆市','gdp_real_growth_pct'):"the provincial budget attachment names no GDP; 3.1% is the growth of the province's 税收收入 (执行数为 1906.95 亿元，增长 3.1%). Printed in guangdong_2025_city_gdp.html",
('汕尾市','gdp_real_growth_pct'):"the provincial budget attachment names no GDP; 4.2 is 中山市's pension 抚养比 (中山市 4.2 40% 1.5%) and 4.2% the growth of 住房保障支出预算. Printed in guangdong_2025_city_gdp.html",
('汕尾市','gov_fund_revenue_100m'):"the provincial budget attachment prints no fund revenue of 汕尾市 and no 31.4 for it. Printed in no atlas document",
('河源市','gdp_real_growth_pct'):"the provincial budget attachment names no GDP; 3.3 is 河源市's pension 抚养比 (河源市 3.3 45% 1.5%). Printed in guangdong_2025_city_gdp.html",
('阳江市','gdp_real_growth_pct'):"the provincial budget attachment names no GDP; 3.3 is 河源市's and 肇庆市's pension 抚养比 (阳江市's is 2.8). Printed in guangdong_2025_city_gdp.html",
('中山市','gdp_real_growth_pct'):"the provincial budget attachment names no GDP and prints no 3.8 for the city. Printed in guangdong_2025_city_gdp.html",
('云浮市','gov_fund_revenue_100m'):"10.22亿元 is the province's own 灾害防治及应急管理支出预算数 (（二十）灾害防治及应急管理支出预算数为 10.22 亿元); no fund revenue of 云浮市 is printed. Printed in no atlas document",
}
SCOPE={('石嘴山市','general_public_expenditure_100m'):("shizuishan_2025.pdf p2 line 1","全市一般 公共预算支出 129.07 亿元，增长 4.3%。","42.11亿元 is 市本级一般公共预算支出 (p2 line 7: 市 本级一般公共预算支出 42.11 亿元，完成变动预算的 92.0%); the whole city's is 129.07亿元")}
PNOTE={('阜新市','general_public_expenditure_100m'):"the whole city's outcome (支出预算为155.32亿元，实际完成174.24亿元); figtrace's panel has it only as 总计 (from the balance sentence 总收入308.98亿元；一般公共预算支出174.24亿元), not as the outcome: figtrace wrong (panel stage)",
('洛阳市','gov_fund_revenue_100m'):"the whole city's outcome (2025 年全市政府性基金预算收入…收入完成 225.7 亿元); figtrace's panel puts it at 本级 because 执行中市级和部分县区按程序调减收入预算 comes before it: figtrace wrong (panel scope)",
('潍坊市','general_public_expenditure_100m'):"the whole city's outcome (一般公共预算支出909亿元，完成预算的100.5%); figtrace's panel takes the bracketed （调整预算，下同） before it as its stage: figtrace wrong (panel stage)",
('厦门市','gov_fund_revenue_100m'):"printed as 厦门市政府性基金收入合计为 317.77 亿元 (a rating report quoting the budget report); figtrace's panel reads 合计 as the total with transfers (总计)",
('益阳市','general_public_revenue_100m'):"printed as the estimate of a budget report written before the year closed (预计); figtrace's panel row is at stage 预计",
('岳阳市','general_public_revenue_100m'):"printed as the estimate of a budget report written before the year closed (预计完成 207 亿元左右); figtrace's panel row is at stage 预计",
('岳阳市','general_public_expenditure_100m'):"printed as the estimate of a budget report written before the year closed (预计); figtrace's panel row is at stage 预计",
('岳阳市','gov_fund_revenue_100m'):"printed as the estimate of a budget report written before the year closed (预计全市政府性基金收入 224.1 亿元); figtrace's panel row is at stage 预计",
}
HANDREAD_OK={('洛阳市','general_public_revenue_100m'),('洛阳市','general_public_expenditure_100m'),('玉溪市','general_public_expenditure_100m'),('广州市','gdp_real_growth_pct'),('东莞市','gdp_real_growth_pct'),('云浮市','gdp_real_growth_pct'),('湛江市','general_public_revenue_100m'),('云浮市','general_public_revenue_100m')}
rows=[]
for c in cells:
    kws,change,ind=a.FIELD[c['field']]
    key=(c['city'],c['field'])
    cands=[p for p in figs.get(a.stem(c['doc']),[]) if a.close(p.get('value'),c['value'],a.tol(c))]
    strict=[p for p in cands if a.city_key(p.get('region'))==a.city_key(c['city']) and str(p.get('time') or '').startswith('2025') and '/' not in str(p.get('time') or '').replace('2025-01/2025-12','') and p.get('indicator_id')==IDS[c['field']] and ((p.get('change') in ('growth','yoy_growth')) if change else not p.get('change'))]
    if key in HAND:
        verdict='not_printed'; ev=''; loc=''; checked='by hand'; note=HAND[key]
        # the real location: the panel row of that city and indicator
        prow=[r for r in panel if a.norm(r.get('indicator_id'))==ind and a.city_key(r.get('region'))==a.city_key(c['city']) and str(r.get('period','')).startswith('2025') and a.close(r.get('value'),c['value'],a.tol(c))]
        if prow and 'no atlas document' not in note:
            r=prow[0]; loc=f"{r['doc']} "+(f"p{r['page']} " if r.get('page') else '')+f"line {r['line']}"
            fp=BYID.get(r['figure_ids'].split(';')[0].split(',')[0].strip())
            ev=window(fp) if fp else q(r['quote'])[:160]
        if key in LOC: loc,ev=LOC[key]
    elif key in SCOPE:
        verdict='scope'; loc,ev,note=SCOPE[key]; checked='by hand'
    elif strict:
        k=KW[IDS[c['field']]]
        best=sorted(strict,key=lambda p:(not re.search(k,q(p.get('quote'))), p.get('line') or 0))[0]
        verdict='printed'; loc=c['doc']+' '+where(best); ev=window(best)
        checked='by hand' if (key in HANDREAD_OK or change) else 'quote holds value and indicator word'
        note=''
        if key in HANDREAD_OK: note='table row or bare 收入/支出 under its budget\'s heading, read in the document'
        if key in PNOTE: note=PNOTE[key]; checked='by hand'
    else:
        raise SystemExit('unreviewed cell: %r'%(key,))
    rows.append([c['city'],c['field'],c['doc'],c['panel_value'],verdict,checked,loc,ev,note])
with open(dest,'w',encoding='utf-8',newline='') as f:
    f.write('# Every cell of ../shared/atlas/cells.json, reviewed against its document (session 8, issue 9). One row a cell.\n')
    f.write('# verdict: printed = the cited document prints this value as this indicator of this city for 2025 (evidence: where,\n')
    f.write('#   quote); not_printed = it does not (the value only coincides with another number, or the document names no such\n')
    f.write('#   indicator): note says what the number is there and where the city\'s value is printed, evidence_at/quote point there;\n')
    f.write('#   scope = it prints the value for a part of the city (市本级), not the whole city.\n')
    f.write('# checked: by hand = read in the document text; quote holds value and indicator word = the figure figtrace places there\n')
    f.write('#   was matched by script and its sentence holds the number and the indicator\'s name (GDP growth cells all read by hand).\n')
    f.write('# Used by score_atlas.py: the score over the cells whose verdict is printed.\n')
    w=csv.writer(f,delimiter='\t',lineterminator='\n')
    w.writerow(['city','field','doc','panel_value','verdict','checked','evidence_at','evidence_quote','note'])
    for r in rows: w.writerow(r)
print(len(rows), sum(r[4]=='printed' for r in rows))
