#!/usr/bin/env python3
"""Score a run over ../shared/atlas/docs against the atlas cells, raw and over the cells the documents really print.

usage: score_atlas.py EXTRACTED_DIR [--cells CELLS.json] [--review cells_review.tsv] [--atlas-score atlas_score.py]
                      [--verbose]

The raw score is ../shared/tools/atlas_score.py's (its checks are imported from it, not copied): a cell is found when a
figure of its document has the value, right when that figure also has the city, 2025, the indicator and the change,
in_panel when panel.csv has a row of that indicator, city and 2025 with the value (any scope).

cells_review.tsv (this folder) says for every cell whether its document prints that value as that indicator of that
city for 2025 (verdict printed) or not (not_printed: the value only coincides with another number there; scope: the
document prints it, but for a part of the city such as 市本级). The second score counts only the printed cells, and adds
in_panel_whole: the panel row holding the value is about the whole city (no 本级/园区 part) and states the outcome or
the estimate of the year (not the budget as passed, as adjusted, or a total with transfers).
"""
import csv, json, os, sys, importlib.util
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".."))
SHARED = os.path.join(os.path.dirname(REPO), "shared")
# stages of panel.tsv that are not the year's outcome: the budget as passed, as adjusted, a total with transfers
NOT_OUTCOME = {"预算", "调整预算", "总计"}


def option(name, default):
    if name in sys.argv:
        return sys.argv[sys.argv.index(name) + 1]
    return default


def load_atlas_score(path):
    spec = importlib.util.spec_from_file_location("atlas_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_review(path):
    with open(path, encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return {(r["city"], r["field"], r["doc"]): r for r in rows}


def whole_outcome(scope):
    parts = [p for p in (scope or "").split("·") if p]
    return all(p in ("预计",) for p in parts)


def main():
    valued = {"--cells", "--review", "--atlas-score"}
    args = [a for i, a in enumerate(sys.argv[1:], 1) if not a.startswith("--") and sys.argv[i - 1] not in valued]
    if len(args) != 1:
        sys.exit(__doc__)
    out = args[0]
    a = load_atlas_score(option("--atlas-score", os.path.join(SHARED, "tools", "atlas_score.py")))
    cells = json.load(open(option("--cells", os.path.join(SHARED, "atlas", "cells.json")), encoding="utf-8"))
    review = read_review(option("--review", os.path.join(HERE, "cells_review.tsv")))
    verbose = "--verbose" in sys.argv

    figs = defaultdict(list)
    with open(os.path.join(out, "figures.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                p = json.loads(line)
                figs[a.stem(p.get("doc"))].append(p)
    panel = []
    if os.path.exists(os.path.join(out, "panel.csv")):
        with open(os.path.join(out, "panel.csv"), encoding="utf-8-sig") as f:
            panel = list(csv.DictReader(f))

    results = []
    for c in cells:
        kws, change, ind = a.FIELD[c["field"]]
        cands = [p for p in figs.get(a.stem(c["doc"]), []) if a.close(p.get("value"), c["value"], a.tol(c))]
        right = False
        for p in cands:
            time = str(p.get("time") or "")
            text = a.norm(p.get("indicator")) + "|" + a.norm(p.get("subject"))
            if (a.city_key(p.get("region")) == a.city_key(c["city"])
                    and time.startswith("2025") and "/" not in time.replace("2025-01/2025-12", "")
                    and any(k in text for k in kws)
                    and ((p.get("change") in ("growth", "yoy_growth")) if change else not p.get("change"))):
                right = True
        hits = [r for r in panel if a.norm(r.get("indicator_id")) == ind and a.city_key(r.get("region")) == a.city_key(c["city"])
                and str(r.get("period", "")).startswith("2025") and a.close(r.get("value"), c["value"], a.tol(c))]
        rv = review.get((c["city"], c["field"], c["doc"]))
        results.append({"cell": c, "found": bool(cands), "right": right, "in_panel": bool(hits),
                        "in_panel_whole": any(whole_outcome(r.get("scope")) for r in hits),
                        "verdict": rv["verdict"] if rv else "unreviewed", "review": rv})

    def score(rows):
        n = len(rows)
        s = {"cells": n}
        for k in ("found", "right", "in_panel", "in_panel_whole"):
            s[k] = round(sum(r[k] for r in rows) / n, 3) if n else None
        return s

    raw = score(results)
    raw.pop("in_panel_whole")
    printed = [r for r in results if r["verdict"] == "printed"]
    print(json.dumps({"raw": raw, "verdicts": dict(Counter(r["verdict"] for r in results)),
                      "printed_cells": score(printed)}, ensure_ascii=False))
    if verbose:
        for r in results:
            if r["verdict"] == "printed" and all(r[k] for k in ("found", "right", "in_panel", "in_panel_whole")):
                continue
            c = r["cell"]
            miss = ",".join(k for k in ("found", "right", "in_panel", "in_panel_whole") if not r[k]) or "-"
            note = (r["review"] or {}).get("note", "")
            print(f'{r["verdict"]}\t{c["city"]}\t{c["field"]}\t{c["panel_value"]}\t{c["doc"]}\tmissing: {miss}\t{note}')


if __name__ == "__main__":
    main()
