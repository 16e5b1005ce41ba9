"""Turtle export speed: the sorted writer (graph.export.writers) against rdflib's serializer, same graph.

    python -m benchmarks.turtle GRAPH [--repeat 3] [--rdflib-triples 20000]

GRAPH is any RDF file (N-Quads, TriG, Turtle...) or a folder of reports (built first, in memory).  The
union of its graphs goes into one default graph; each writer then serialises that union as Turtle.
Wall and CPU seconds are both printed (on a shared machine CPU time is the steadier figure); the
ratios are what matter: ``union_turtle`` (the build's ``--out x.ttl`` and ``export --store``) against
rdflib's Turtle serializer, the previous sorted writer (``turtle_bytes`` of ``sorted_triples``) and
Oxigraph's own unsorted, escaping Turtle writer (the floor).  rdflib's serializer runs on the first
``--rdflib-triples`` triples only (on 235k triples of 2,000 VNTC articles it took 137 CPU seconds): its
ratio is per triple, on that part.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox


def _union(path: Path) -> ox.Store:
    if path.is_dir():
        from graph.build import build

        union = build([path]).union
        assert union is not None
        return union
    from graph.validate import union_store

    return union_store(path)


def _time(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Best wall and CPU seconds of ``repeat`` runs."""
    walls, cpus = [], []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return min(walls), min(cpus)


def main(argv: list[str] | None = None) -> dict[str, object]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("graph", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--rdflib-triples", type=int, default=20_000)
    args = ap.parse_args(argv)

    import rdflib

    from graph.export.writers import sorted_triples, turtle_bytes, union_turtle
    from graph.store.prefixes import PREFIXES

    union = _union(args.graph)
    n = len(union)
    nt = union.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()) or b""
    rg = rdflib.Graph()
    lines = nt.split(b"\n")
    rg.parse(data=b"\n".join(lines[: args.rdflib_triples]) + b"\n", format="nt")
    for prefix, ns in PREFIXES.items():
        rg.bind(prefix, ns)
    writers: dict[str, Callable[[], object]] = {
        "union_turtle": lambda: union_turtle(union),
        "previous sorted writer": lambda: turtle_bytes(sorted_triples(union), PREFIXES),
        "oxigraph native (unsorted)": lambda: ox.serialize(union, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES),
        "rdflib": lambda: rg.serialize(format="turtle"),
    }
    rows = {name: _time(fn, 1 if name == "rdflib" else args.repeat) for name, fn in writers.items()}
    sizes = {name: len(rg) if name == "rdflib" else n for name in rows}
    base_rate = sizes["rdflib"] / rows["rdflib"][1]
    print(f"{n} triples (rdflib: the first {sizes['rdflib']})")
    print(f"{'writer':28} {'wall s':>7} {'cpu s':>7} {'triples/s (cpu)':>16} {'x rdflib (cpu)':>15}")
    for name, (wall, cpu) in rows.items():
        rate = sizes[name] / cpu
        print(f"{name:28} {wall:7.2f} {cpu:7.2f} {rate:16,.0f} {rate / base_rate:15.1f}")
    return {"triples": n, "writers": {k: {"wall": w, "cpu": c, "triples": sizes[k]} for k, (w, c) in rows.items()}}


if __name__ == "__main__":
    print(json.dumps(main()))
