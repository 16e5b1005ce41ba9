"""Bodies and article province against the dev gold (/work/shared/eval/dev/*.json).

A predicted label matches a gold one after NFC + case fold + abbreviation expansion when one is a
word-prefix of the other or their word sets have Jaccard >= 0.8.  Prints P/R/F1 over all articles and
the accuracy of ``article_province`` (None == null counts as right).

    PYTHONPATH=$PWD python benchmarks/eval_organizations.py [--verbose] [DIR]
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

import yaml

from graph.extract.organizations import find_organizations
from graph.resolve.gazetteer import Gazetteer
from graph.text.normalize import fold, nfc

_ABBR = yaml.safe_load((Path(__file__).resolve().parent.parent / "graph/data/bodies.yaml")
                       .read_text(encoding="utf-8"))["abbreviations"]


def norm(label: str) -> list[str]:
    s = nfc(label)
    for short, full in sorted(_ABBR.items(), key=lambda kv: -len(kv[0])):
        s = re.sub(r"(?<!\w)" + re.escape(short) + r"(?!\w)", full, s)
    return [w for w in re.split(r"[\s,.;:()\-–]+", fold(s)) if w]


def same(a: str, b: str) -> bool:
    wa, wb = norm(a), norm(b)
    if not wa or not wb:
        return False
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if long_[:len(short)] == short:
        return True
    sa, sb = set(wa), set(wb)
    return len(sa & sb) / len(sa | sb) >= 0.8


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    args = [a for a in argv if not a.startswith("--")]
    folder = Path(args[0]) if args else Path("/work/shared/eval/dev")
    gaz = Gazetteer.default()
    tp = fp = fn = 0
    prov_ok = prov_n = 0
    elapsed = 0.0
    for path in sorted(folder.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        text, gold = nfc(doc["text"]), doc["gold"]
        t0 = time.perf_counter()
        prov = gaz.article_province(text)
        mentions = find_organizations(text, [], prov)
        elapsed += time.perf_counter() - t0
        pred = list(dict.fromkeys(m.org.label for m in mentions))
        gold_orgs = list(dict.fromkeys(gold.get("organizations") or []))
        used: set[int] = set()
        hits = 0
        unmatched_pred = []
        for p in pred:
            j = next((i for i, g in enumerate(gold_orgs) if i not in used and same(p, g)), None)
            if j is None:
                # a second mention matching an already matched gold body is not a false positive
                if not any(same(p, g) for g in gold_orgs):
                    unmatched_pred.append(p)
                continue
            used.add(j)
            hits += 1
        tp += hits
        fp += len(unmatched_pred)
        missed = [g for i, g in enumerate(gold_orgs) if i not in used]
        fn += len(missed)
        gp = gold.get("province")
        ok = (prov is None and gp is None) or (prov is not None and gp is not None
                                                 and gaz.province(gp) == prov)
        prov_ok += ok
        prov_n += 1
        if verbose:
            print(f"== {path.stem}  province: {prov and prov.name} / gold {gp} {'ok' if ok else 'WRONG'}")
            for p in unmatched_pred:
                print("   FP", p)
            for g in missed:
                print("   FN", g)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"organizations: P={p:.3f} R={r:.3f} F1={f:.3f} (tp={tp} fp={fp} fn={fn})")
    print(f"article_province accuracy: {prov_ok}/{prov_n} = {prov_ok / max(prov_n, 1):.3f}")
    print(f"time: {1000 * elapsed / max(prov_n, 1):.2f} ms/article")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
