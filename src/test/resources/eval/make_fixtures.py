#!/usr/bin/env python3
"""Builds the scorer test fixtures: perturbed predictions from the gold of 004, plus a small synthetic PDF-style gold
(no line; page and context) with predictions. Deterministic; rerun from this folder to regenerate pred/ and
gold/pdfdoc.figures.jsonl. The perturbation of each record is noted in its "why" field."""
import copy, json

DOC = "004_ba8f813c9e095246"

def load(p):
    return [json.loads(l) for l in open(p, encoding="utf-8") if l.strip()]

def dump(p, rows):
    with open(p, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

figs = load(f"gold/{DOC}.figures.jsonl")
out = []
for i, g in enumerate(figs):
    p = copy.deepcopy(g)
    p["quote"] = None
    if i in (3, 10, 20, 33, 50):
        continue                                            # dropped: misses
    if i == 5: p["value"] = 80; p["why"] = "value x10"
    if i == 6: p["unit"] = "个"; p["why"] = "unit wrong"
    if i == 7: p["time"] = "2024"; p["why"] = "time wrong"
    if i == 8: p["region"] = "全国"; p["why"] = "region wrong"
    if i == 9: p["subject"] = "完全无关"; p["why"] = "subject wrong"
    if i == 11: p["line"] += 1; p["why"] = "line +1"
    if i == 12: p["line"] -= 1; p["why"] = "line -1"
    if i == 13: p["line"] += 2; p["why"] = "line +2: no match"
    if i == 14: p["raw"] = "约" + p["raw"]; p["why"] = "raw wider"
    if i == 15: p["doc"] = "corpus/" + p["doc"]; p["why"] = "doc as path"
    if i == 16: p["line"] = float(p["line"]); p["why"] = "line as float"
    if i == 17: p["value"] = str(p["value"]); p["why"] = "value as string"
    if i == 18: p["unit"] = None; p["time"] = None; p["why"] = "unit missing"
    if i == 19: p["raw"] = "５％"; p["why"] = "full-width raw"
    if i == 21: p["doc"] = DOC; p["why"] = "doc without extension"
    if i == 22: p["region"] = " 新 疆 "; p["why"] = "spaces normalised away"
    if i == 23: p["value"] = 14.0000001; p["why"] = "value within tolerance"
    out.append(p)
out.append({"doc": DOC + ".txt", "line": 16, "raw": "999家", "value": 999, "unit": "count", "why": "false positive"})
out.append({"doc": DOC + ".txt", "line": 2, "raw": "2024", "value": 2024, "unit": None, "why": "false positive year"})
out.append(copy.deepcopy(out[0]) | {"why": "duplicate: one is a false positive"})
out.append({"doc": "other_doc.txt", "line": 16, "raw": "10家", "value": 10, "unit": "count", "why": "doc without gold: ignored"})
# synthetic PDF-style document: gold without line
pdf_gold = [
    {"doc": "pdfdoc.pdf", "page": 1, "context": "地区生产总值2479.6亿元", "raw": "2479.6亿元", "value": 247960000000, "unit": "CNY", "time": "2024", "region": "阿克苏地区", "subject": "地区生产总值"},
    {"doc": "pdfdoc.pdf", "page": 1, "context": "第一产业增加值540.2亿元", "raw": "540.2亿元", "value": 54020000000, "unit": "CNY", "time": "2024", "region": "阿克苏地区", "subject": "第一产业增加值"},
    {"doc": "pdfdoc.pdf", "page": 2, "context": "增长5.8%，高于全国", "raw": "5.8%", "value": 5.8, "unit": "%", "time": "2024", "region": None, "subject": "增速"},
    {"doc": "pdfdoc.pdf", "page": 2, "context": "常住人口268.5万人", "raw": "268.5万人", "value": 2685000, "unit": "count", "time": None, "region": "阿克苏地区", "subject": "常住人口"},
    {"doc": "pdfdoc.pdf", "page": 3, "context": "粮食产量5.8%增幅", "raw": "5.8%", "value": 5.8, "unit": "%", "time": None, "region": None, "subject": "粮食产量"},
]
dump("gold/pdfdoc.figures.jsonl", pdf_gold)
out += [
    {"doc": "pdfdoc.pdf", "page": 1, "line": 7, "raw": "2479.6亿元", "value": 247960000000, "unit": "CNY", "time": "2024", "region": "阿克苏地区", "subject": "地区生产总值", "quote": "全年地区生产总值2479.6亿元，按不变价格计算"},
    {"doc": "pdfdoc.pdf", "page": 1, "line": 9, "raw": "540.2 亿元", "value": 54020000000, "unit": "CNY", "time": "2023", "region": "阿克苏地区", "subject": "第一产业", "quote": "其中，第一产业增加值 540.2\n亿元"},
    {"doc": "pdfdoc.pdf", "page": 2, "line": 3, "raw": "5.8%", "value": 5.8, "unit": "%", "time": "2024", "quote": "粮食产量5.8%增幅"},
    {"doc": "pdfdoc.pdf", "page": 2, "line": 4, "raw": "5.8%", "value": 5.8, "unit": "%", "time": "2024", "quote": "比上年增长5.8%，高于全国"},
    {"doc": "pdfdoc.pdf", "page": None, "line": 12, "raw": "268.5万人", "value": 2685000, "unit": "count", "quote": "年末常住人口268.5万人"},
    {"doc": "pdfdoc.pdf", "page": 4, "line": 1, "raw": "1.0%", "value": 1, "unit": "%", "quote": "page not in gold: ignored"},
    {"doc": "pdfdoc.pdf", "page": 3, "line": 2, "raw": "5.8", "value": 5.8, "unit": "%", "quote": "粮食总产量增幅5.8"},
]
dump("pred/figures.jsonl", out)

ents = load(f"gold/{DOC}.entities.jsonl")
eout = []
for i, g in enumerate(ents):
    p = copy.deepcopy(g)
    if i % 7 == 3: continue
    if i % 11 == 5: p["type"] = "ORG" if p["type"] != "ORG" else "PLACE"
    if i == 10: p["text"] = p["text"][:4] if len(p["text"]) > 4 else p["text"]
    if i == 12: p["line"] += 1
    eout.append(p)
eout.append({"doc": DOC + ".txt", "line": 30, "text": "不存在的机构", "type": "ORG"})
dump("pred/entities.jsonl", eout)

meas = load(f"gold/{DOC}.measures.jsonl")
mout = []
for i, g in enumerate(meas):
    p = copy.deepcopy(g)
    if i % 5 == 2: continue
    if i % 6 == 1: p["text"] = p["text"][: max(3, len(p["text"]) // 2)]
    if i % 9 == 4: p["text"] = "".join(reversed(p["text"]))
    if i == 20: p["line"] -= 1
    mout.append(p)
mout.append({"doc": DOC + ".txt", "line": 40, "text": "建设一个完全无关的东西"})
dump("pred/measures.jsonl", mout)
