#!/usr/bin/env python3
"""Draw 40 figures per document at random (fixed seed) from a figtrace run and write a worksheet for hand-checking."""
import json, random, re, sqlite3, sys
SEED = 20261206
N = 40
DOCS = sys.argv[3:]
out = sys.argv[1]; ws = sys.argv[2]
db = sqlite3.connect(out + "/figtrace.db")
figs = {}
for line in open(out + "/figures.jsonl", encoding="utf-8"):
    f = json.loads(line); figs.setdefault(f["doc"], []).append(f)
WS = re.compile(r"\s+")
def strip_map(text):
    chars, pos = [], []
    for i, c in enumerate(text):
        if c.isspace() or c == '|': continue
        chars.append(c); pos.append(i)
    return "".join(chars), pos
for doc in DOCS:
    text = db.execute("select text from document_text where doc=?", (doc,)).fetchone()[0]
    flat, pos = strip_map(text)
    inv = {p: k for k, p in enumerate(pos)}
    fs = sorted(figs[doc], key=lambda f: (f["span_start"], f["span_end"]))
    pick = sorted(random.Random(f"{SEED}:{doc}").sample(range(len(fs)), N))
    lines = text.split("\n")
    with open(f"{ws}/{doc}.ws.txt", "w", encoding="utf-8") as w:
        for n, k in enumerate(pick, 1):
            f = fs[k]
            # anchor: whitespace-free context around the raw that is unique in the whitespace-free text
            a = inv.get(f["span_start"]); b = inv.get(f["span_end"] - 1)
            while b is None: b = inv.get(f["span_end"] - 2)
            b += 1
            left, right = 6, 0
            while True:
                ctx = flat[max(0, a - left):b + right]
                if flat.count(ctx) == 1 or (left > 40 and right > 20): break
                if left <= right + 10: left += 2
                else: right += 2
            off = a - max(0, a - left)
            lno = text.count("\n", 0, f["span_start"])
            prev = "\n".join("      | " + l[:160] for l in lines[max(0, lno - 5):lno])
            w.write(f"#{n} idx={k} page={f['page']} raw={f['raw']} rule={f['rule']}\n  ANCHOR={ctx}  (raw at {off})\n")
            if f["rule"] == "figures:table_cell" or len(f["quote"]) < 30:
                w.write(prev + "\n")
            w.write("  Q: " + f["quote"].replace("\n", "⏎")[:400] + "\n\n")
    print(doc, len(fs))
