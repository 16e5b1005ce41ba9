"""Where the seconds of ``dantoc-kg build REPORTS --out x.ttl`` go, phase by phase, in-process.

    python -m benchmarks.build_phases /tmp/v2k [--out /tmp/x.ttl]
    python -m benchmarks.build_phases /tmp/v2k --against /tmp/old-checkout [--repeat 3]

The phases are the CLI's own steps (graph/cli/build.py): the parallel build (workers read, extract, map;
the parent loads the union), the counts, the Turtle write overlapped with the SHACL check of the union
(``--apart``: each also alone), the summary (evidence looked up for the results shown), and the build's
tail: the parent's work after the workers' last result, when only one core is busy.  Each phase prints wall seconds and CPU seconds of this process and of its finished workers (on
a shared machine CPU is the steadier figure).

``--against DIR`` times the whole command instead (``python -m graph build REPORTS --out x.ttl -q``, as a
user runs it, start-up included) with this checkout's code and with DIR's (another checkout, the
baseline), one after the other ``--repeat`` times, and prints each one's best wall time, its CPU (the
command's processes, user + system), articles/s and the ratio; the two Turtle files must be the same bytes.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _cpu() -> tuple[float, float]:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("reports", type=Path)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--apart", action="store_true", help="also time the Turtle write and the check one after the other")
    ap.add_argument("--against", type=Path, default=None, help="another checkout: time the whole command, both codes")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    if args.against is not None:
        return compare(args.reports, args.against, args.repeat)

    from pyoxigraph import RdfFormat

    import graph.build
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

    # the build's tail: what the parent still does after the workers' last result, on one core while the
    # other waits (the loading of the batch then pending, settling the claims)
    last: list[tuple[float, float]] = []
    run = graph.build._run

    def noted(*a: object) -> object:
        yield from run(*a)  # type: ignore[arg-type]
        last.append((time.perf_counter(), _cpu()[0]))

    graph.build._run = noted  # type: ignore[assignment]
    try:
        phase("build", lambda: build([args.reports], jobs=args.jobs, graphs=False))
    finally:
        graph.build._run = run
    ended = time.perf_counter(), _cpu()[0]
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
    print(f"build's tail after the last result: wall {ended[0] - last[0][0]:.2f} s, cpu parent {ended[1] - last[0][1]:.2f} s")
    print(f"{n} articles in {total:.2f} s wall (without the --apart steps): {n / total:.0f} articles/s; "
          f"{len(result.union)} union triples")  # type: ignore[attr-defined]
    return phases


def _whole_command(code: Path, reports: Path, out: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of ``python -m graph build reports --out out -q`` run with the code of ``code``."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    w = time.perf_counter()
    # the command runs in the output's folder, so that no checkout in the working folder shadows ``code``
    subprocess.run([sys.executable, "-m", "graph", "build", str(reports.resolve()), "--out", str(out), "-q"],
                   env=env, cwd=out.parent, check=True)
    wall = time.perf_counter() - w
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def compare(reports: Path, against: Path, repeat: int) -> dict[str, dict[str, float]]:
    """The whole command with this code and with ``against``'s, alternately; best wall of each, and ratios."""
    n = sum(1 for p in reports.rglob("*") if p.suffix.lower() in (".txt", ".html", ".htm"))
    tmp = Path(tempfile.mkdtemp())
    runs: dict[str, list[tuple[float, float]]] = {"this": [], "baseline": []}
    for _ in range(repeat):
        runs["baseline"].append(_whole_command(against.resolve(), reports, tmp / "baseline.ttl"))
        runs["this"].append(_whole_command(ROOT, reports, tmp / "this.ttl"))
    same = (tmp / "baseline.ttl").read_bytes() == (tmp / "this.ttl").read_bytes()
    out = {}
    for name, times in runs.items():
        wall = min(w for w, _c in times)
        out[name] = {"wall": wall, "cpu": min(c for _w, c in times), "files_per_s": n / wall}
        print(f"{name:8} best wall {wall:6.2f} s ({n / wall:4.0f} files/s), CPU {out[name]['cpu']:6.2f} s; "
              f"walls {', '.join(f'{w:.2f}' for w, _c in times)}")
    print(f"ratio this/baseline: wall {out['this']['wall'] / out['baseline']['wall']:.2f}, "
          f"CPU {out['this']['cpu'] / out['baseline']['cpu']:.2f}; Turtle {'the same bytes' if same else 'DIFFERS'}")
    return out


if __name__ == "__main__":
    print(json.dumps(main()))
