"""What showing one value per disagreement costs a build: the union written with and without it, as a ratio.

    python -m benchmarks.claims_cost [FOLDER]      # default: /tmp/v2k (2,000 real VNTC articles)

Builds the in-memory graph of the folder's reports once, then times (CPU, best of three, so a busy machine
moves the figure less) writing the Turtle union as every quad (the plain union, the baseline) and as the
union graph.resolve.claims shows (disagreements found, other values left out, losing labels as altLabels),
and the one pass that finds the disagreements.  Prints both times, their ratio and each disagreement's node.
Skips when the folder is absent (a user's clone has no corpus).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

DEFAULT = Path("/tmp/v2k")


def _best(fn: object, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.process_time()
        fn()  # type: ignore[operator]
        best = min(best, time.process_time() - t0)
    return best


def main(argv: list[str]) -> int:
    from graph.build import build
    from graph.export.writers import serialize
    from graph.resolve import claims

    folder = Path(argv[0]) if argv else DEFAULT
    if not folder.is_dir():
        print(f"skipped: {folder} is absent")
        return 0
    result = build([folder])
    store = result.store
    plain = _best(lambda: serialize(store.quads_for_pattern(None, None, None, None), "turtle"))
    shown = _best(lambda: serialize(claims.shown_quads(store), "turtle"))
    found = _best(lambda: claims.disagreements(store))
    ds = claims.disagreements(store)
    print(f"{result.articles} articles, {len(store)} quads, build {result.seconds:.1f} s (wall)")
    print(f"union written: plain {plain:.2f} s, showing one value {shown:.2f} s (x{shown / plain:.2f}); "
          f"finding the disagreements {found:.2f} s = {100 * found / result.seconds:.1f}% of the build")
    for d in ds:
        print(f"  {d.node.value} {d.property.value.rsplit('#', 1)[-1]}: shown {d.shown.value!r}, "
              f"others {[v.value for v in d.others]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
