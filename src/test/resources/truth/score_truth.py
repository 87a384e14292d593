#!/usr/bin/env python3
"""Per-field precision of a figtrace run against the hand-checked fixtures in this folder.

Usage: python3 src/test/resources/truth/score_truth.py OUT [--rows | --floors]
  OUT    a folder written by `./figtrace run DIR --out OUT` where DIR holds the fixture documents
  --rows   print every wrong field (fixture row, truth, figtrace)
  --patterns DIR  compare through another checkout's patterns/ (indicators.tsv, regions.tsv)
  --floors print a new floors.tsv (overall floors = measured; per document = measured - 0.05)
The same rules as TruthFixturesIT (see README.md here); the Java test is the reference.
"""
import json, os, re, sqlite3, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "../../../.."))
PATTERNS = os.path.join(REPO, "patterns")  # --patterns DIR: the rules of another checkout (its indicators, regions)
FIELDS = ["value", "unit", "time", "region", "subject", "indicator", "change", "target"]
GOAL = 0.95

def norm(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(s or "")))

def flat_of(text):
    chars, pos = [], []
    for i, c in enumerate(text):
        if c.isspace() or c == "|":
            continue
        chars.append(c); pos.append(i)
    return "".join(chars), pos

def load_fixtures():
    fx = {}
    for fn in sorted(os.listdir(HERE)):
        if not fn.endswith(".truth.tsv"):
            continue
        lines = [l.rstrip("\n") for l in open(os.path.join(HERE, fn), encoding="utf-8") if not l.startswith("#")]
        head = lines[0].split("\t")
        fx[fn[:-len(".truth.tsv")]] = [dict(zip(head, l.split("\t"))) for l in lines[1:] if l.strip()]
    return fx

ETHNIC = ("维吾尔|回族|壮族|藏族|苗族|侗族|布依族|土家族|彝族|哈尼族|傣族|白族|蒙古族|蒙古|哈萨克|柯尔克孜|朝鲜族|各族")

def regions_table():
    alias = {}
    for l in open(os.path.join(PATTERNS, "regions.tsv"), encoding="utf-8"):
        if l.startswith("#") or l.startswith("standard\t"):
            continue
        p = l.rstrip("\n").split("\t")
        if len(p) < 2:
            continue
        std = p[0]
        names = [std] + ([a for a in p[3].split(",") if a] if len(p) > 3 else [])
        for n in names:
            alias.setdefault(n, std)
    return alias

def region_key(s, alias):
    s = norm(s)
    s = alias.get(s, s)
    s = re.sub(f"(({ETHNIC})+)?自治州$", "州", s)
    s = re.sub(f"(({ETHNIC})+)?自治区$", "", s)
    s = re.sub(r"(省|特别行政区)$", "", s)
    return s

def indicator_table():
    """name or synonym -> the catalogue's key (its id column when there is one, else its name)."""
    path = os.path.join(PATTERNS, "indicators.tsv")
    key, header = {}, None
    for l in open(path, encoding="utf-8"):
        if l.startswith("#") or not l.strip():
            continue
        p = l.rstrip("\n").split("\t")
        if header is None:
            header = p; continue
        row = dict(zip(header, p))
        k = row.get("id") or row.get("indicator") or row.get("name") or p[0]
        names = {row.get("indicator", ""), row.get("name", ""), k}
        for col in ("aliases", "synonyms"):
            names.update(a.strip() for a in re.split(r"[,，]", row.get(col, "") or "") if a.strip())
        for n in names:
            n = n.lstrip("=")  # =NAME: a whole-subject-only name in the catalogue; the name itself still counts
            if n:
                key.setdefault(n, k)
    extra = os.path.join(HERE, "indicator_map.tsv")
    if os.path.exists(extra):
        for l in open(extra, encoding="utf-8"):
            if l.startswith("#") or not l.strip():
                continue
            a, b = l.rstrip("\n").split("\t")[:2]
            if b in key:
                key[a] = key[b]
    return key

SCOPE = re.compile(r"^(全市|全州|全区|全省|全疆|全地区|全县|本市|我市|全年|年末|年底|其中[:：]?)+")
PUNCT = re.compile(r"[\"“”‘’'()（）\[\]【】《》、，,。；;：:·•\-—]")

PAREN = re.compile(r"[(（][^()（）]*[)）]")
YEAR = re.compile(r"\d{4}(年度|年)")

def subj_norm(s):
    s = PUNCT.sub("", YEAR.sub("", PAREN.sub("", norm(s))))
    return SCOPE.sub("", s)

def subject_ok(truth, got):
    t, g = subj_norm(truth), subj_norm(got)
    if not t:
        return not g
    if len(g) < 2:
        return False
    return g in t or t in g

def num(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return None

def same(field, truth, f, alias, ind):
    if field == "value":
        a, b = num(truth), num(f.get("value"))
        return a is not None and b is not None and abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
    if field == "unit":
        return norm(truth) == norm(f.get("unit"))
    if field in ("time", "change"):
        return norm(truth) == norm(f.get(field))
    if field == "region":
        if not truth:
            return not f.get("region")
        return region_key(truth, alias) == region_key(f.get("region"), alias)
    if field == "subject":
        return subject_ok(truth, f.get("subject"))
    if field == "indicator":
        want = ind.get(truth, "") if truth else ""
        got = f.get("indicator_id") or f.get("indicator") or ""
        got = ind.get(got, got)
        return want == got
    if field == "target":
        return (truth == "true") == bool(f.get("target"))
    raise ValueError(field)

def match(row, text, flat, pos, figs):
    """The extracted figure whose span holds the first character of the fixture's raw, found by its anchor."""
    i = -1
    for _ in range(int(row.get("occurrence") or 1)):
        i = flat.find(row["anchor"], i + 1)
        if i < 0:
            return None, "anchor not found"
    p = pos[i + int(row["raw_at"])]
    hits = [f for f in figs if f["span_start"] <= p < f["span_end"]]
    if not hits:
        return None, "no figure at anchor"
    exact = [f for f in hits if norm(f["raw"]) == norm(row["raw"])]
    return (exact or hits)[0], None

def score(out, show_rows=False):
    fx = load_fixtures()
    alias, ind = regions_table(), indicator_table()
    db = sqlite3.connect(os.path.join(out, "figtrace.db"))
    figs = {}
    for l in open(os.path.join(out, "figures.jsonl"), encoding="utf-8"):
        f = json.loads(l); figs.setdefault(f["doc"], []).append(f)
    table, wrong = {}, []
    for doc, rows in fx.items():
        t = db.execute("select text from document_text where doc=?", (doc,)).fetchone()
        text = t[0] if t else ""
        flat, pos = flat_of(text)
        counts = {k: 0 for k in FIELDS + ["found"]}
        for r in rows:
            f, why = match(r, text, flat, pos, figs.get(doc, []))
            if r["figure"] == "no":
                ok = f is None
                for k in FIELDS:
                    counts[k] += ok
                counts["found"] += ok
                if not ok:
                    wrong.append((doc, r, "ALL", "not a figure", f.get("raw")))
                continue
            counts["found"] += f is not None
            for k in FIELDS:
                good = f is not None and same(k, r[k], f, alias, ind)
                counts[k] += good
                if not good:
                    wrong.append((doc, r, k, r[k], (f or {}).get("indicator_id" if k == "indicator" and f and f.get("indicator_id") else k, why) if f else why))
        table[doc] = (len(rows), counts)
    return table, wrong

def floors(table, slack=0.05):
    """floors.tsv content: overall floors at the measured level, per-document floors `slack` below it."""
    import math
    lines = ["# Floors of TruthFixturesIT: doc (or overall) TAB field TAB the lowest precision allowed.",
             "# Written by `score_truth.py OUT --floors` on a run of main; overall = measured, per document = measured - %.2f." % slack,
             "doc\tfield\tfloor"]
    tot = {k: 0 for k in FIELDS}; n = 0
    for doc, (rows, c) in table.items():
        n += rows
        for k in FIELDS:
            tot[k] += c[k]
            lines.append("%s\t%s\t%.3f" % (doc, k, max(0.0, math.floor((c[k] / rows - slack) * 1000 + 1e-6) / 1000)))
    for k in FIELDS:
        lines.append("overall\t%s\t%.3f" % (k, math.floor(tot[k] / n * 1000 + 1e-6) / 1000))
    return "\n".join(lines) + "\n"

def main():
    global PATTERNS
    out = sys.argv[1]
    if "--patterns" in sys.argv:
        PATTERNS = sys.argv[sys.argv.index("--patterns") + 1]
    table, wrong = score(out)
    if "--floors" in sys.argv:
        sys.stdout.write(floors(table))
        return
    w = max(len(d) for d in table) + 2
    print("per-field precision of figtrace against the hand-checked fixtures (goal %.2f on every field)" % GOAL)
    print("document".ljust(w) + "rows  found " + " ".join(f"{k:>9}" for k in FIELDS))
    tot = {k: 0 for k in FIELDS + ["found"]}; n = 0
    for doc, (rows, c) in table.items():
        n += rows
        for k in c: tot[k] += c[k]
        print(doc.ljust(w) + f"{rows:4d} {c['found']/rows:6.3f} " + " ".join(f"{c[k]/rows:9.3f}" for k in FIELDS))
    print("overall".ljust(w) + f"{n:4d} {tot['found']/n:6.3f} " + " ".join(f"{tot[k]/n:9.3f}" for k in FIELDS))
    if "--rows" in sys.argv:
        for doc, r, k, t, g in wrong:
            print(f"{doc}\t#{r['n']}\t{r['raw']}\t{k}\ttruth={t!r}\tgot={g!r}\t{r['anchor']}")

if __name__ == "__main__":
    main()
