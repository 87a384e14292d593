#!/usr/bin/env python3
"""Join the worksheet anchors with the hand annotations into one fixture TSV per document."""
import json, re, sqlite3, sys, random, os
sys.path.insert(0, os.path.dirname(__file__))
import vu
out, ann_dir, dest = sys.argv[1:4]
SEED = 20261206; N = 40
db = sqlite3.connect(out + "/figtrace.db")
figs = {}
for line in open(out + "/figures.jsonl", encoding="utf-8"):
    f = json.loads(line); figs.setdefault(f["doc"], []).append(f)
def flat_of(text):
    chars, pos = [], []
    for i, c in enumerate(text):
        if c.isspace() or c == '|': continue
        chars.append(c); pos.append(i)
    return "".join(chars), pos
COLS = ["n", "page", "raw", "anchor", "raw_at", "occurrence", "figure", "value", "unit", "time", "region", "subject", "indicator", "change", "target", "note"]
for fn in sorted(os.listdir(ann_dir)):
    doc = fn[:-4]
    ann = {}
    for l in open(os.path.join(ann_dir, fn), encoding="utf-8"):
        l = l.rstrip("\n")
        if not l.strip(): continue
        p = l.split("|"); ann[int(p[0])] = p[1:]
    text = db.execute("select text from document_text where doc=?", (doc,)).fetchone()[0]
    flat, pos = flat_of(text)
    inv = {p: k for k, p in enumerate(pos)}
    fs = sorted(figs[doc], key=lambda f: (f["span_start"], f["span_end"]))
    pick = sorted(random.Random(f"{SEED}:{doc}").sample(range(len(fs)), N))
    rows = []
    for n, k in enumerate(pick, 1):
        f = fs[k]
        a = inv[f["span_start"]]
        e = f["span_end"] - 1
        while e not in inv: e -= 1
        b = inv[e] + 1
        left, right = 6, 0
        while True:
            ctx = flat[max(0, a - left):b + right]
            if flat.count(ctx) == 1 or (left > 40 and right > 20): break
            if left <= right + 10: left += 2
            else: right += 2
        occ = 1
        off = a - max(0, a - left)
        if flat.count(ctx) > 1:  # the same text twice (a table repeated for 本级): keep a short anchor and its occurrence
            ctx = flat[max(0, a - 12):b]
            start = max(0, a - 12)
            occ = 1 + sum(1 for m in re.finditer(re.escape(ctx), flat) if m.start() < start)
            off = a - start  # (was a - max(0, a - left) when the first of the repeats was drawn: raw_at past the short anchor)
        rawflat = re.sub(r"\s+", "", f["raw"])
        an = ann[n]
        if an[0] == "NOTFIG":
            row = [n, f["page"] or "", rawflat, ctx, off, occ, "no", "", "", "", "", "", "", "", "", "not a figure"]
        else:
            time, region, subject, indicator, change, target = an[:6]
            v, u = vu.parse(rawflat)
            if len(an) > 6 and an[6]: v = an[6]
            if len(an) > 7 and an[7]: u = an[7]
            note = an[8] if len(an) > 8 else ""
            nz = lambda s: "" if s == "-" else s
            row = [n, f["page"] or "", rawflat, ctx, off, occ, "yes", vu.fmt(v) if not isinstance(v, str) else v, u or "",
                   nz(time), nz(region), nz(subject), nz(indicator), nz(change), "true" if target == "T" else "false", note]
        rows.append(row)
    with open(os.path.join(dest, doc + ".tsv"), "w", encoding="utf-8") as w:
        w.write(f"# doc: {doc}\n# drawn: {N} of {len(fs)} figures, Python random.Random('{SEED}:{doc}').sample over figures sorted by span\n")
        w.write("\t".join(COLS) + "\n")
        for r in rows: w.write("\t".join(str(x) for x in r) + "\n")
    print(doc, len(rows))
