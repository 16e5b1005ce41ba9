"""Where the parent's seconds go in ``build --store``: the workers' output computed once, then fed alone.

    python -m benchmarks.store_load REPORTS --cache /tmp/outcomes.pkl --store /tmp/st [--profile]

In a real build the workers (read, extract, map) and the parent (bulk loads into the on-disk store,
its union copy, the claims settling) share the cores, so the parent's cost is hidden in the wall time.
Here the workers' outcomes are computed once (and cached), then ``graph.build.build`` runs with them
as its input: wall and CPU seconds of the parent alone, its peak RSS, and with ``--profile`` the
cProfile of it (sorted by cumulative time).  The store folder is emptied first: a first build.
"""

from __future__ import annotations

import argparse
import cProfile
import pickle
import pstats
import resource
import shutil
import time
from pathlib import Path

import graph.build as gb
from graph.store.kgstore import KGStore


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("reports", type=Path)
    ap.add_argument("--cache", type=Path, required=True, help="the workers' outcomes (made if absent)")
    ap.add_argument("--store", type=Path, required=True, help="a scratch folder: emptied first")
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args(argv)
    if not args.cache.exists():
        paths = [str(p) for p in sorted(args.reports.rglob("*.txt"))]
        started = time.perf_counter()
        with args.cache.open("wb") as fh:
            pickle.dump(list(gb._run(paths, 2, gb.ARTICLE_SECONDS)), fh)
        print(f"workers: {time.perf_counter() - started:.1f} s wall (2 processes)")
    with args.cache.open("rb") as fh:
        outcomes = pickle.load(fh)
    quads = sum(o.nquads.count(b"\n") for o in outcomes)
    print(f"{len(outcomes)} outcomes, {quads / max(1, len(outcomes)):.0f} quads per article graph")
    gb._run = lambda paths, jobs, seconds: iter(outcomes)   # the parent's side alone
    shutil.rmtree(args.store, ignore_errors=True)
    profile = cProfile.Profile() if args.profile else None
    wall, cpu = time.perf_counter(), _cpu()
    if profile:
        profile.enable()
    with KGStore(args.store) as store:
        result = gb.build([args.reports], store=store)
    if profile:
        profile.disable()
    wall, cpu = time.perf_counter() - wall, _cpu() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with KGStore(args.store, read_only=True) as store:
        total = len(store.oxigraph)
    print(f"parent: {wall:.1f} s wall, {cpu:.1f} s CPU, peak RSS {peak:.0f} MiB (with the cached outcomes); "
          f"{total} quads in the store, {total / max(1, result.articles):.0f} per article with the union")
    if profile:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
