"""One measured step of the scale benchmark, run in its own process by ``benchmarks/run.py``.

Why a process per step: peak memory (sampled by the parent over the whole process tree) must belong
to that step only, and a crashed or killed step must not take the run down.  Each stage prints one
JSON object as its last stdout line.

    python -m benchmarks.stages STAGE --arg value ...
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

QUERIES = Path(__file__).resolve().parent.parent / "queries"


def _head_nquads(nq: Path, cap: int) -> tuple[bytes, int]:
    """The first ``cap`` lines of an N-Quads file (whole article graphs are contiguous in a dump)."""
    with open(nq, "rb") as f:
        lines = list(itertools.islice(f, cap))
    return b"".join(lines), len(lines)


def _rdflib_dataset(data: bytes) -> Any:
    import rdflib

    ds = rdflib.Dataset(default_union=True)
    ds.parse(data=data, format="nquads")
    return ds


def _union_graph(data: bytes) -> Any:
    import rdflib

    g = rdflib.Graph()
    for s, p, o, _g in _rdflib_dataset(data).quads():
        g.add((s, p, o))
    return g


def stage_extract(a: argparse.Namespace) -> dict[str, Any]:
    """extract_article alone on pre-read articles (read + gazetteer load are outside the clock)."""
    from graph.extract.pipeline import extract_article
    from graph.read import read_file
    from graph.resolve.gazetteer import Gazetteer

    paths = sorted(Path(a.corpus).glob("*.txt"))[: a.limit]
    arts = []
    for p in paths:
        try:
            arts.append(read_file(p))
        except Exception:
            continue
    gz = Gazetteer.default()
    extract_article(arts[0], gz)
    t = time.perf_counter()
    for art in arts:
        extract_article(art, gz)
    dt = time.perf_counter() - t
    return {"articles": len(arts), "seconds": dt, "articles_per_s": len(arts) / dt,
            "bytes_per_article": sum(len(x.text.encode()) for x in arts) / len(arts)}


def stage_build(a: argparse.Namespace) -> dict[str, Any]:
    """graph.build.build on both cores into an on-disk (or in-memory) Oxigraph store, then dump N-Quads."""
    from pyoxigraph import RdfFormat, Store

    from graph.build import build

    store = Store(a.store) if a.store else Store()
    r = build([Path(a.corpus)], jobs=a.jobs, store=store)
    out: dict[str, Any] = {"articles": r.articles, "skipped": len(r.skipped), "duplicates": len(r.duplicates),
                           "seconds": r.seconds, "articles_per_s": r.articles / r.seconds}
    t = time.perf_counter()
    store.flush() if a.store else None
    out["quads"] = len(store)
    if a.nq:
        store.dump(a.nq, RdfFormat.N_QUADS)
        out["dump_seconds"] = time.perf_counter() - t
    if a.store:
        store.optimize()
    return out


def stage_build_rdflib(a: argparse.Namespace) -> dict[str, Any]:
    """Baseline build: the same workers, but the parent loads each article's N-Quads into an rdflib Dataset."""
    import rdflib

    from graph.build import _run
    from graph.read import iter_inputs

    paths = [str(p) for p in iter_inputs([Path(a.corpus)])][: a.limit]
    ds = rdflib.Dataset()
    t = time.perf_counter()
    n = 0
    for out in _run(paths, a.jobs):
        if not out.skipped:
            ds.parse(data=out.nquads, format="nquads")
            n += 1
    dt = time.perf_counter() - t
    return {"articles": n, "seconds": dt, "articles_per_s": n / dt, "quads": len(ds)}


def stage_load_ox(a: argparse.Namespace) -> dict[str, Any]:
    """pyoxigraph bulk load of the N-Quads dump (in memory)."""
    from pyoxigraph import RdfFormat, Store

    store = Store()
    t = time.perf_counter()
    store.bulk_load(path=a.nq, format=RdfFormat.N_QUADS)
    dt = time.perf_counter() - t
    n = len(store)
    return {"quads": n, "seconds": dt, "triples_per_s": n / dt}


def stage_load_rdflib(a: argparse.Namespace) -> dict[str, Any]:
    """rdflib Dataset.parse of the first ``cap`` quads (the baseline)."""
    data, n = _head_nquads(Path(a.nq), a.cap)
    t = time.perf_counter()
    ds = _rdflib_dataset(data)
    dt = time.perf_counter() - t
    return {"quads": n, "loaded": len(ds), "seconds": dt, "triples_per_s": n / dt}


def _query_files() -> list[Path]:
    return sorted(QUERIES.glob("*.rq"))


def _timings(run: Any, reps: int) -> dict[str, Any]:
    rows = run()  # warm-up (caches, first-touch pages)
    ts = []
    for _ in range(reps):
        t = time.perf_counter()
        run()
        ts.append(time.perf_counter() - t)
    ts.sort()
    p95 = ts[min(len(ts) - 1, round(0.95 * (len(ts) - 1)))]
    return {"rows": rows, "p50_ms": statistics.median(ts) * 1000, "p95_ms": p95 * 1000, "reps": reps}


def stage_query_ox(a: argparse.Namespace) -> dict[str, Any]:
    """Every stored query on the on-disk store: all result rows are consumed, as a client would."""
    from pyoxigraph import Store

    store = Store.read_only(a.store)
    out = {}
    for q in _query_files():
        text = q.read_text(encoding="utf-8")

        def run(text: str = text) -> int:
            return sum(1 for _ in store.query(text, use_default_graph_as_union=True))

        out[q.stem] = _timings(run, a.reps)
    return {"queries": out}


def stage_query_rdflib(a: argparse.Namespace) -> dict[str, Any]:
    """The same queries with rdflib's SPARQL engine on a Dataset (default graph = union) of the first quads."""
    data, n = _head_nquads(Path(a.nq), a.cap)
    ds = _rdflib_dataset(data)
    out = {}
    for q in _query_files():
        text = q.read_text(encoding="utf-8")

        def run(text: str = text) -> int:
            return sum(1 for _ in ds.query(text))

        out[q.stem] = _timings(run, a.reps)
    return {"quads": n, "queries": out}


def stage_shacl_pyshacl(a: argparse.Namespace) -> dict[str, Any]:
    """pyshacl with its defaults on the union graph of the first quads, plus the concept schemes."""
    import pyshacl

    from graph.validate import load_shapes, vocab_graph

    data, n = _head_nquads(Path(a.nq), a.cap)
    t0 = time.perf_counter()
    g = _union_graph(data)
    g += vocab_graph()
    t1 = time.perf_counter()
    conforms, results, _ = pyshacl.validate(g, shacl_graph=load_shapes())
    t2 = time.perf_counter()
    from rdflib.namespace import SH

    return {"quads": n, "load_seconds": t1 - t0, "seconds": t2 - t1, "conforms": bool(conforms),
            "results": len(set(results.subjects(predicate=SH.resultSeverity)))}


def stage_shacl_scale(a: argparse.Namespace) -> dict[str, Any]:
    """Our approach: per-article pyshacl in workers + cross-article SPARQL (benchmarks/shacl_scale.py)."""
    from benchmarks.shacl_scale import validate_store

    t = time.perf_counter()
    rep = validate_store(a.store, jobs=a.jobs, limit=a.limit or None)
    dt = time.perf_counter() - t
    return {"seconds": dt, "graphs": rep.graphs, "results": len(rep.results), "conforms": rep.conforms,
            "per_article_seconds": rep.per_article_seconds, "cross_seconds": rep.cross_seconds}


def stage_export_ox(a: argparse.Namespace) -> dict[str, Any]:
    """Our Turtle writer on the whole store (graph.export when present, else graph.build.write_union)."""
    from pyoxigraph import Store

    store = Store.read_only(a.store)
    t = time.perf_counter()
    try:
        from graph.export import export

        export(store, "turtle", a.out)
        writer = "graph.export.export"
    except (ImportError, TypeError):
        from graph.build import write_union

        write_union(store, Path(a.out))
        writer = "graph.build.write_union"
    dt = time.perf_counter() - t
    n = len(store)
    return {"quads": n, "seconds": dt, "triples_per_s": n / dt, "writer": writer, "bytes": Path(a.out).stat().st_size}


def stage_export_rdflib(a: argparse.Namespace) -> dict[str, Any]:
    """rdflib's Turtle serializer on the union graph of the first quads."""
    data, n = _head_nquads(Path(a.nq), a.cap)
    g = _union_graph(data)
    t = time.perf_counter()
    g.serialize(destination=a.out, format="turtle")
    dt = time.perf_counter() - t
    return {"quads": n, "seconds": dt, "triples_per_s": n / dt}


def stage_incremental(a: argparse.Namespace) -> dict[str, Any]:
    """Add a folder of new articles to an existing on-disk store with the normal build."""
    from pyoxigraph import Store

    from graph.build import build

    store = Store(a.store)
    before = len(store)
    r = build([Path(a.corpus)], jobs=a.jobs, store=store)
    store.flush()
    return {"articles": r.articles, "seconds": r.seconds, "quads_before": before, "quads_after": len(store)}


STAGES = {name[6:].replace("_", "-"): fn for name, fn in globals().items() if name.startswith("stage_")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("stage", choices=sorted(STAGES))
    ap.add_argument("--corpus")
    ap.add_argument("--store")
    ap.add_argument("--nq")
    ap.add_argument("--out")
    ap.add_argument("--cap", type=int, default=200_000)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--reps", type=int, default=10)
    a = ap.parse_args(argv)
    if a.limit == 0 and a.stage in ("extract", "build-rdflib"):
        a.limit = sys.maxsize
    print(json.dumps(STAGES[a.stage](a)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
