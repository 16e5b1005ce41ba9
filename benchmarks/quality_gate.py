"""Extraction quality gate: run the shared scorer on each gold set and compare with its committed figure.

Gold sets: ``../shared/eval/dev`` (the set the rules were developed on) against ``benchmarks/quality.json`` and
``../shared/eval/dev2`` (reports from other regions and of other kinds, a held-out check) against
``benchmarks/quality-dev2.json``. Fails (exit 1) when any set's fact-F1 falls more than 0.02 below its committed
figure. With ``--update`` it writes the new figures instead (do that in the commit that improves extraction,
never to hide a drop). Skips (exit 0) when ../shared/eval is absent, as in a user's clone.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
BASELINES = {"dev": ROOT / "benchmarks" / "quality.json", "dev2": ROOT / "benchmarks" / "quality-dev2.json"}
TOLERANCE = 0.02


def run_scorer(gold: str = "dev", html: bool = False) -> dict:
    cli = shutil.which("dantoc-kg", path=str(Path(sys.executable).parent)) or f"{sys.executable} -m graph"
    cmd = [sys.executable, str(SHARED / "score.py"), "--cli", cli, "--queries", str(ROOT / "queries"), "--json",
           str(SHARED / gold)]
    if html:
        cmd.insert(-1, "--html")
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT).stdout
    print(out)
    line = next(ln for ln in out.splitlines() if ln.startswith("{"))
    return json.loads(line)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--update", action="store_true", help="write the new figures to the committed baselines")
    ap.add_argument("--sets", nargs="+", default=list(BASELINES), choices=list(BASELINES), help="gold sets to score")
    args = ap.parse_args()
    if not (SHARED / "score.py").exists():
        print("../shared/eval is absent: quality gate skipped")
        return 0
    failed = False
    for name in args.sets:
        if not (SHARED / name).is_dir():
            print(f"../shared/eval/{name} is absent: skipped")
            continue
        print(f"== {name}")
        result = run_scorer(name)
        baseline = BASELINES[name]
        if args.update:
            baseline.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            print(f"wrote {baseline}")
            continue
        if not baseline.exists():
            print(f"no {baseline}: run with --update to record the figures")
            failed = True
            continue
        committed = json.loads(baseline.read_text(encoding="utf-8"))["fact_f1"]
        now = result["fact_f1"]
        ok = now >= committed - TOLERANCE
        print(f"{name}: fact-F1 now {now:.3f}, committed {committed:.3f} (tolerance {TOLERANCE}): {'ok' if ok else 'FAILED'}")
        failed |= not ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
