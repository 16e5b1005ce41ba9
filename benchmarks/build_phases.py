"""Where the seconds of ``dantoc-kg build REPORTS --out x.ttl`` go, phase by phase, in-process.

    python -m benchmarks.build_phases /tmp/v2k [--out /tmp/x.ttl]

The phases are the CLI's own steps (graph/cli/build.py): the parallel build (workers read, extract, map;
the parent loads the union), the counts, the Turtle write overlapped with the SHACL check of the union
(``--apart``: each also alone), the summary (evidence looked up for the results shown).  Each phase prints wall seconds and CPU seconds of this process and of its finished workers (on
a shared machine CPU is the steadier figure).
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path


def _cpu() -> tuple[float, float]:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("reports", type=Path)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--apart", action="store_true", help="also time the Turtle write and the check one after the other")
    args = ap.parse_args(argv)

    from pyoxigraph import RdfFormat

    from graph.build import build, write_union, write_union_and_validate
    from graph.validate import validate_store

    out = args.out or Path(tempfile.mkdtemp()) / "graph.ttl"
    phases: dict[str, dict[str, float]] = {}
    state: dict[str, object] = {}

    def phase(name: str, fn: object) -> None:
        w, (own, kids) = time.perf_counter(), _cpu()
        state[name] = fn()  # type: ignore[operator]
        own2, kids2 = _cpu()
        phases[name] = {"wall": time.perf_counter() - w, "cpu_parent": own2 - own, "cpu_workers": kids2 - kids}

    phase("build", lambda: build([args.reports], jobs=args.jobs, graphs=False))
    result = state["build"]
    phase("counts", lambda: result.counts())  # type: ignore[attr-defined]
    if args.apart:   # each step alone, to see what each costs
        phase("write turtle", lambda: write_union(result.union, out, RdfFormat.TURTLE,  # type: ignore[attr-defined]
                                                  default_graph_is_union=True))
        phase("validate", lambda: validate_store(result.union, with_vocab=True, union=False,  # type: ignore[attr-defined]
                                                 evidence=False))
    phase("write+validate", lambda: write_union_and_validate(result, out))  # type: ignore[arg-type]
    report = state["write+validate"]
    phase("summary", lambda: report.to_text(limit_per_group=3))  # type: ignore[attr-defined]
    n = result.articles  # type: ignore[attr-defined]
    total = sum(p["wall"] for name, p in phases.items() if name not in ("write turtle", "validate"))
    for name, p in phases.items():
        print(f"{name:14} wall {p['wall']:6.2f} s   cpu parent {p['cpu_parent']:6.2f} s   workers {p['cpu_workers']:6.2f} s")
    print(f"{n} articles in {total:.2f} s wall (without the --apart steps): {n / total:.0f} articles/s; "
          f"{len(result.union)} union triples")  # type: ignore[attr-defined]
    return phases


if __name__ == "__main__":
    print(json.dumps(main()))
