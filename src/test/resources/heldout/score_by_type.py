#!/usr/bin/env python3
"""Per-document, per-type scores of entities and measures, with the misses and wrong predictions listed.

usage: score_by_type.py GOLD_DIR EXTRACTED_DIR [--errors] [--docs=NAME,NAME]

--docs limits the scoring to the named documents (file names without .txt); the last lines give the totals over the
documents scored, per entity type and for measures.

Matching is score.py's (imported from ../shared/tools or the path in $SCORE_PY): an entity prediction matches a gold
entity on the same line +-1 by text, a prediction of the gold's own type first (typed_match); here a pair counts for a type only when both sides have that type, so a matched
pair of two types is a miss of the gold type and a wrong prediction of the predicted one. Measures are scored per
document, with status agreement of matched pairs.
"""
import importlib.util, json, os, sys
from collections import defaultdict

here = os.path.dirname(os.path.abspath(__file__))
score_py = os.environ.get("SCORE_PY") or os.path.join(here, "../../../../../shared/tools/score.py")
if not os.path.exists(score_py):
    score_py = "../shared/tools/score.py"
spec = importlib.util.spec_from_file_location("score", score_py)
S = importlib.util.module_from_spec(spec)
spec.loader.exec_module(S)


def prf(tp, npred, ngold):
    p, r, f = S.prf(tp, npred, ngold)
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f} (tp {tp}, pred {npred}, gold {ngold})"


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    errors = "--errors" in sys.argv
    gold_dir, ex_dir = args
    docs = sorted({f.rsplit(".", 2)[0] for f in os.listdir(gold_dir) if f.endswith(".entities.jsonl")})
    only = [a.split("=", 1)[1].split(",") for a in sys.argv[1:] if a.startswith("--docs=")]
    if only:
        docs = [d for d in docs if d in only[0]]
    tot = defaultdict(lambda: [0, 0, 0])
    ents = S.load(os.path.join(ex_dir, "entities.jsonl"))
    meas = S.load(os.path.join(ex_dir, "measures.jsonl"))
    for d in docs:
        print(f"== {d}")
        gold = S.load(os.path.join(gold_dir, f"{d}.entities.jsonl"))
        pred = [p for p in ents if S.docname(p.get("doc")) == d]
        pairs = typed_match(gold, pred)
        print(f"  entities   {prf(len(pairs), len(pred), len(gold))}")
        add(tot["entities"], len(pairs), len(pred), len(gold))
        types = sorted({g["type"] for g in gold} | {p.get("type") for p in pred})
        for t in types:
            tp = sum(1 for g, p in pairs if g["type"] == t and p.get("type") == t)
            npred, ngold = sum(p.get('type') == t for p in pred), sum(g['type'] == t for g in gold)
            add(tot["  " + t], tp, npred, ngold)
            print(f"    {t:9s} {prf(tp, npred, ngold)}")
        if errors:
            matched_g = {id(g) for g, _ in pairs}
            matched_p = {id(p) for _, p in pairs}
            for g in gold:
                if id(g) not in matched_g:
                    print(f"    MISS {g['type']:8s} {g['line']}: {g['text']}")
            for g, p in pairs:
                if g["type"] != p.get("type"):
                    print(f"    TYPE {g['type']}->{p.get('type')} {g['line']}: {g['text']} / {p['text']}")
            for p in pred:
                if id(p) not in matched_p:
                    print(f"    FP   {p.get('type'):8s} {p['line']}: {p['text']} [{p.get('rule')}]")
        mgold_path = os.path.join(gold_dir, f"{d}.measures.jsonl")
        if os.path.exists(mgold_path):
            mgold = S.load(mgold_path)
            mpred = [p for p in meas if S.docname(p.get("doc")) == d]
            mpairs = S.match(mgold, mpred, S.mea_same)
            st = sum(1 for g, p in mpairs if g.get("status") == p.get("status"))
            ac = sum(1 for g, p in mpairs if (g.get("actor") or "") == (p.get("actor") or ""))
            print(f"  measures   {prf(len(mpairs), len(mpred), len(mgold))}; status agrees {st}/{len(mpairs)}, actor {ac}/{len(mpairs)}")
            add(tot["measures"], len(mpairs), len(mpred), len(mgold))
            add(tot["  status agrees"], st, len(mpairs), len(mpairs))
            if errors:
                mg = {id(g) for g, _ in mpairs}
                mp = {id(p) for _, p in mpairs}
                for g in mgold:
                    if id(g) not in mg:
                        print(f"    MISS {g['line']}: {g['text']}")
                for g, p in mpairs:
                    if g.get("status") != p.get("status") or (g.get("actor") or "") != (p.get("actor") or ""):
                        print(f"    DIFF {g['line']}: {g['text']} | status {g.get('status')}->{p.get('status')} actor {g.get('actor')}->{p.get('actor')}")
                for p in mpred:
                    if id(p) not in mp:
                        print(f"    FP   {p['line']}: {p['text']} [{p.get('status')}]")
    print(f"== total over {len(docs)} document(s)")
    for k in ["entities"] + sorted(k for k in tot if k.startswith("  ") and k != "  status agrees") + ["measures", "  status agrees"]:
        if k in tot:
            tp, npred, ngold = tot[k]
            print(f"  {k:11s} {tp}/{npred}" if k == "  status agrees" else f"  {k:11s} {prf(tp, npred, ngold)}")


def typed_match(gold, pred):
    """score.py's matching, except that a gold entity takes a prediction of its own type when one on its lines matches:
    with gold 自贸试验区提升战略 (PROGRAM) and 自贸试验区 (ORG) on one line, score.py's first-come matching may pair the
    predicted ORG 自贸试验区 with the PROGRAM (a name of 4 or more characters inside it) and leave the ORG unmatched.
    Same-type pairs are made first, then score.py's matching pairs the rest (a pair of two types still counts in the
    entities total, as in score.py, and as a miss and a wrong prediction in the per-type lines)."""
    by_type = defaultdict(lambda: ([], []))
    for g in gold:
        by_type[g.get("type")][0].append(g)
    for p in pred:
        by_type[p.get("type")][1].append(p)
    pairs = []
    for t, (gs, ps) in by_type.items():
        pairs += S.match(gs, ps, S.ent_same)
    matched_g = {id(g) for g, _ in pairs}
    matched_p = {id(p) for _, p in pairs}
    pairs += S.match([g for g in gold if id(g) not in matched_g], [p for p in pred if id(p) not in matched_p], S.ent_same)
    return pairs


def add(acc, tp, npred, ngold):
    acc[0] += tp
    acc[1] += npred
    acc[2] += ngold


if __name__ == "__main__":
    main()
