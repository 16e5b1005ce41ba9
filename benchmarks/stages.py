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
    """graph.build.build as the CLI runs it today (in-memory store), both cores; then dump N-Quads."""
    from pyoxigraph import RdfFormat

    from graph.build import build

    r = build([Path(a.corpus)], jobs=a.jobs)
    out: dict[str, Any] = {"articles": r.articles, "skipped": len(r.skipped), "duplicates": len(r.duplicates),
                           "seconds": r.seconds, "articles_per_s": r.articles / r.seconds, "quads": len(r.store)}
    if a.nq:
        t = time.perf_counter()
        r.store.dump(a.nq, RdfFormat.N_QUADS)
        out["dump_seconds"] = time.perf_counter() - t
    return out


def stage_build_disk(a: argparse.Namespace) -> dict[str, Any]:
    """Proposed: benchmarks.disk_build (batched bulk loads into an on-disk store), both cores."""
    from pyoxigraph import RdfFormat, Store

    from benchmarks.disk_build import build_to_disk

    store = Store(a.store)
    r = build_to_disk([Path(a.corpus)], store, jobs=a.jobs)
    out: dict[str, Any] = {"articles": r.articles, "skipped": len(r.skipped), "duplicates": len(r.duplicates),
                           "seconds": r.seconds, "articles_per_s": r.articles / r.seconds, "quads": len(store)}
    t = time.perf_counter()
    store.optimize()
    out["optimize_seconds"] = time.perf_counter() - t
    if a.nq and not Path(a.nq).exists():
        t = time.perf_counter()
        store.dump(a.nq, RdfFormat.N_QUADS)
        out["dump_seconds"] = time.perf_counter() - t
    out["store_bytes"] = sum(f.stat().st_size for f in Path(a.store).iterdir() if f.is_file())
    return out


def stage_build_rdflib(a: argparse.Namespace) -> dict[str, Any]:
    """Baseline build: the same workers, but the parent loads each article's N-Quads into an rdflib Dataset."""
    import rdflib

    from graph.build import ARTICLE_SECONDS, _run
    from graph.read import iter_inputs

    paths = [str(p) for p in iter_inputs([Path(a.corpus)])][: a.limit]
    ds = rdflib.Dataset()
    t = time.perf_counter()
    n = 0
    for out in _run(paths, a.jobs, ARTICLE_SECONDS):
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


def _timings(run: Any, reps: int, budget: float = 30.0) -> dict[str, Any]:
    """Warm-up run, then up to ``reps`` timed runs within ``budget`` seconds; p95 is the nearest rank."""
    t = time.perf_counter()
    rows = run()  # warm-up (caches, first-touch pages)
    first = time.perf_counter() - t
    reps = max(2, min(reps, int(budget / max(first, 1e-3))))
    ts = []
    for _ in range(reps):
        t = time.perf_counter()
        run()
        ts.append(time.perf_counter() - t)
    ts.sort()
    p95 = ts[min(len(ts) - 1, round(0.95 * (len(ts) - 1)))]
    return {"rows": rows, "p50_ms": statistics.median(ts) * 1000, "p95_ms": p95 * 1000, "reps": reps,
            "first_ms": first * 1000}


def _query_path(a: argparse.Namespace) -> Path:
    return Path(a.query)


def stage_query_ox(a: argparse.Namespace) -> dict[str, Any]:
    """One query on the on-disk store, every row consumed as a client would.

    Stored queries run with the union default graph (as ``dantoc-kg query`` does); the per-graph
    rewrites in benchmarks/queries-per-graph/ use GRAPH ?art and no union.
    """
    from pyoxigraph import Store

    store = Store.read_only(a.store)
    text = _query_path(a).read_text(encoding="utf-8")
    union = "GRAPH ?art" not in text and not a.default_graph

    def run() -> int:
        return sum(1 for _ in store.query(text, use_default_graph_as_union=union))

    return _timings(run, a.reps)


def stage_query_rdflib(a: argparse.Namespace) -> dict[str, Any]:
    """The stored queries with rdflib's SPARQL engine on a Dataset (default graph = union) of the first quads."""
    data, n = _head_nquads(Path(a.nq), a.cap)
    ds = _rdflib_dataset(data)
    out = {}
    for q in _query_files():
        text = q.read_text(encoding="utf-8")

        def run(text: str = text) -> int:
            return sum(1 for _ in ds.query(text))

        out[q.stem] = _timings(run, a.reps, budget=20)
    return {"quads": n, "queries": out}


def stage_union_store(a: argparse.Namespace) -> dict[str, Any]:
    """Proposal: an on-disk store whose default graph holds the deduplicated union of the article graphs.

    The store itself makes the default graph a set, so queries need no union flag (no duplicate rows
    per article graph), and the Turtle export is Oxigraph's own streaming dump of that graph.
    """
    from pyoxigraph import DefaultGraph, Quad, RdfFormat, Store, parse

    store = Store(a.store)
    t = time.perf_counter()
    store.bulk_load(path=a.nq, format=RdfFormat.N_QUADS)
    t1 = time.perf_counter()
    batch = []
    for q in parse(path=a.nq, format=RdfFormat.N_QUADS):
        batch.append(Quad(q.subject, q.predicate, q.object))
        if len(batch) >= 200_000:
            store.bulk_extend(batch)
            batch = []
    store.bulk_extend(batch)
    store.flush()
    store.optimize()
    t2 = time.perf_counter()
    n_union = sum(1 for _ in store.quads_for_pattern(None, None, None, DefaultGraph()))
    t3 = time.perf_counter()
    with open(a.out, "wb") as f:
        store.dump(f, RdfFormat.TURTLE, from_graph=DefaultGraph())
    t4 = time.perf_counter()
    return {"load_named_seconds": t1 - t, "add_union_seconds": t2 - t1, "union_triples": n_union,
            "export_seconds": t4 - t3, "export_triples_per_s": n_union / (t4 - t3), "bytes": Path(a.out).stat().st_size}


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


def stage_shacl_compiled(a: argparse.Namespace) -> dict[str, Any]:
    """graph.validate.validate_store: the shapes compiled to SPARQL, run by Oxigraph per article graph."""
    from pyoxigraph import Store

    from graph.validate import validate_store

    store = Store.read_only(a.store)
    t = time.perf_counter()
    rep = validate_store(store, per_graph=True, evidence=False)
    dt = time.perf_counter() - t
    return {"seconds": dt, "results": len(rep.results), "conforms": rep.conforms, "quads": len(store)}


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
    """Add a folder of new articles to the existing on-disk store (graph.build.build, or disk_build with --batch)."""
    from pyoxigraph import Store

    store = Store(a.store)
    before = len(store)
    if a.batch:
        from benchmarks.disk_build import build_to_disk

        r = build_to_disk([Path(a.corpus)], store, jobs=a.jobs, batch=a.batch)
    else:
        from graph.build import build

        r = build([Path(a.corpus)], jobs=a.jobs, store=store)
    store.flush()
    return {"articles": r.articles, "seconds": r.seconds, "quads_before": before, "quads_after": len(store),
            "articles_per_s": r.articles / r.seconds}


STAGES = {name[6:].replace("_", "-"): fn for name, fn in globals().items() if name.startswith("stage_")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("stage", choices=sorted(STAGES))
    ap.add_argument("--corpus")
    ap.add_argument("--store")
    ap.add_argument("--nq")
    ap.add_argument("--out")
    ap.add_argument("--query")
    ap.add_argument("--default-graph", type=int, default=0, help="1: query the default graph, no union flag")
    ap.add_argument("--cap", type=int, default=200_000)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--reps", type=int, default=10)
    ap.add_argument("--batch", type=int, default=0)
    a = ap.parse_args(argv)
    if a.limit == 0 and a.stage in ("extract", "build-rdflib"):
        a.limit = sys.maxsize
    print(json.dumps(STAGES[a.stage](a)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
