"""Extraction quality gate: run the shared scorer on ../shared/eval/dev and compare with the committed figure.

Fails (exit 1) when fact-F1 falls more than 0.02 below ``benchmarks/quality.json``.  With ``--update`` it
writes the new figures there instead (do that in the commit that improves extraction, never to hide a drop).
Skips (exit 0) when ../shared/eval is absent, as in a user's clone.
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
BASELINE = ROOT / "benchmarks" / "quality.json"
TOLERANCE = 0.02


def run_scorer(html: bool = False) -> dict:
    cli = shutil.which("dantoc-kg", path=str(Path(sys.executable).parent)) or f"{sys.executable} -m graph"
    cmd = [sys.executable, str(SHARED / "score.py"), "--cli", cli, "--queries", str(ROOT / "queries"), "--json",
           str(SHARED / "dev")]
    if html:
        cmd.insert(-1, "--html")
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT).stdout
    print(out)
    line = next(ln for ln in out.splitlines() if ln.startswith("{"))
    return json.loads(line)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--update", action="store_true", help="write the new figures to benchmarks/quality.json")
    args = ap.parse_args()
    if not (SHARED / "score.py").exists():
        print("../shared/eval is absent: quality gate skipped")
        return 0
    result = run_scorer()
    if args.update:
        BASELINE.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {BASELINE}")
        return 0
    if not BASELINE.exists():
        print(f"no {BASELINE}: run with --update to record the figures")
        return 1
    committed = json.loads(BASELINE.read_text(encoding="utf-8"))["fact_f1"]
    now = result["fact_f1"]
    print(f"fact-F1 now {now:.3f}, committed {committed:.3f} (tolerance {TOLERANCE})")
    return 0 if now >= committed - TOLERANCE else 1


if __name__ == "__main__":
    sys.exit(main())
