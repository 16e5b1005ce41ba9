"""Score find_documents against the dev gold (legal_documents): precision/recall/F1 and date accuracy.

Numbers match after removing "số" and spaces, case-insensitively; a date is right when its ISO form
equals the gold's (null == null).  Usage: python benchmarks/eval_documents.py [DEV_DIR] [-v]
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from graph.extract.documents import find_documents, merge_mentions
from graph.text.normalize import slug


def _key(number: str) -> str:
    return re.sub(r"^số|\s+", "", number.strip(), flags=re.IGNORECASE).casefold()


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    dev = Path(args[0]) if args else Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "dev"
    if not dev.exists():
        dev = Path("/work/shared/eval/dev")
    tp = fp = fn = dates_ok = 0
    elapsed = 0.0
    n_chars = 0
    files = sorted(dev.glob("*.json"))
    for path in files:
        art = json.loads(path.read_text(encoding="utf-8"))
        gold = {_key(d["number"]): d for d in art["gold"].get("legal_documents") or []}
        label = art["gold"].get("province")
        t0 = time.perf_counter()
        found = merge_mentions(find_documents(art["text"], [], slug(label) if label else None, None, label))
        elapsed += time.perf_counter() - t0
        n_chars += len(art["text"])
        got = {_key(m.number): m for m in found}
        for k, m in got.items():
            if k in gold:
                tp += 1
                want = gold[k]["date"]
                have = m.date.iso() if m.date else None
                dates_ok += want == have
                if verbose and want != have:
                    print(f"DATE {path.stem}: {m.number} got {have} want {want}")
            else:
                fp += 1
                if verbose:
                    print(f"FP   {path.stem}: {m.kind} {m.number}")
        for k, d in gold.items():
            if k not in got:
                fn += 1
                if verbose:
                    print(f"FN   {path.stem}: {d['kind']} {d['number']}")
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"articles={len(files)} tp={tp} fp={fp} fn={fn} P={p:.3f} R={r:.3f} F1={f1:.3f} "
          f"date_acc={dates_ok / tp if tp else 0:.3f} ({dates_ok}/{tp}) "
          f"speed={len(files) / elapsed:.0f} art/s ({n_chars / len(files) / 1000:.1f} KB avg)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
