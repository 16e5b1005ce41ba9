"""Extraction speed on real news (VNTC), per core, in CPU time, optionally as a ratio against another checkout.

    python -m benchmarks.extract_speed [--count 1000] [--against ../old-checkout]

CPU time (``time.process_time``) of ``extract_article`` over the same articles, best of three runs, so a
busy machine moves the figure less than wall time would.  With ``--against`` the other checkout's code runs
on the same articles in a fresh process, and the ratio of the two rates is printed (the figure to compare
across machines).  Skips when ``../shared/corpus`` is absent.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "vntc.tar.xz"

_MEASURE = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
from graph.read import read_text
from graph.extract.pipeline import extract_article
texts = [open(p, encoding="utf-8", errors="replace").read() for p in sys.argv[2:]]
arts = []
for i, t in enumerate(texts):
    try:
        arts.append(read_text(t, source=f"a{i}"))
    except Exception:
        pass
for a in arts[:20]:
    extract_article(a)
best = None
for _ in range(3):
    t0 = time.process_time()
    for a in arts:
        extract_article(a)
    dt = time.process_time() - t0
    best = dt if best is None else min(best, dt)
print(len(arts), len(arts) / best)
"""


def sample(count: int, folder: Path) -> list[Path]:
    """Every n-th article of the archive, unpacked to ``folder`` (the same articles on every run)."""
    with tarfile.open(CORPUS) as tar:
        members = sorted((m for m in tar.getmembers() if m.isfile() and m.name.endswith(".txt")), key=lambda m: m.name)
        step = max(1, len(members) // count)
        chosen = members[::step][:count]
        tar.extractall(folder, members=chosen, filter="data")
    return [folder / m.name for m in chosen]


def rate(code: Path, files: list[Path]) -> tuple[int, float]:
    out = subprocess.run([sys.executable, "-c", _MEASURE, str(code), *map(str, files)], capture_output=True,
                         text=True, check=True).stdout.split()
    return int(out[0]), float(out[1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--against", type=Path, help="another checkout of the project (the baseline)")
    a = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"{CORPUS} is absent: skipped")
        return 0
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        files = sample(a.count, Path(tmp))
        n, here = rate(ROOT, files)
        print(f"{n} VNTC articles: {here:,.0f} articles/s per core (this checkout)")
        if a.against:
            _, there = rate(a.against.resolve(), files)
            print(f"baseline {a.against}: {there:,.0f} articles/s per core; ratio {here / there:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
