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

from graph.build import ExtractionTimeout, _time_limit  # a SIGALRM cap for pure-Python baselines

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


def _store_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.iterdir() if f.is_file())


def stage_build(a: argparse.Namespace) -> dict[str, Any]:
    """The product's build: graph.build.build into an on-disk KGStore, both cores (as ``build --store``).

    Then the store is compacted (``optimize``, timed apart) and the first ``--cap`` quads of the
    article graphs are written as N-Quads for the baselines (whole article graphs: GSPO order).
    """
    from pyoxigraph import RdfFormat, serialize

    from graph.build import build
    from graph.store import open_store

    with open_store(a.store) as kg:
        r = build([Path(a.corpus)], jobs=a.jobs, store=kg)
        st = kg.oxigraph
        out: dict[str, Any] = {"articles": r.articles, "skipped": len(r.skipped), "duplicates": len(r.duplicates),
                               "seconds": r.seconds, "articles_per_s": r.articles / r.seconds, "quads": len(st)}
        t = time.perf_counter()
        st.optimize()
        out["optimize_seconds"] = time.perf_counter() - t
        named = itertools.chain.from_iterable(st.quads_for_pattern(None, None, None, g) for g in st.named_graphs())
        if a.nq:
            with open(a.nq, "wb") as f:
                serialize(itertools.islice(named, a.cap), f, RdfFormat.N_QUADS)
        out["union_triples"] = kg.distinct_triples_count()
        out["article_quads"] = kg.triples_count()
    out["triples_per_s"] = out["quads"] / r.seconds          # quads written per second of build
    out["store_bytes"] = _store_bytes(Path(a.store))
    return out


def stage_build_memory(a: argparse.Namespace) -> dict[str, Any]:
    """graph.build.build with no store (the in-memory path of ``build --out``): grows with the corpus."""
    from graph.build import build

    r = build([Path(a.corpus)], jobs=a.jobs)
    return {"articles": r.articles, "seconds": r.seconds, "articles_per_s": r.articles / r.seconds,
            "quads": len(r.store)}


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
    """Our store write path on the baseline subset: KGStore.add_new_articles (redo-logged bulk load of
    the article graphs and their union copy) into a fresh on-disk store."""
    from pyoxigraph import RdfFormat, parse, serialize

    from graph.store import open_store

    groups: dict[str, list] = {}
    for q in parse(path=a.nq, format=RdfFormat.N_QUADS):
        groups.setdefault(q.graph_name.value, []).append(q)
    batch = [(g, serialize(qs, format=RdfFormat.N_QUADS) or b"") for g, qs in groups.items()]
    n = sum(len(qs) for qs in groups.values())
    with open_store(a.store) as kg:
        t = time.perf_counter()
        written = kg.add_new_articles(batch)
        dt = time.perf_counter() - t
    return {"quads": n, "written": written, "seconds": dt, "triples_per_s": n / dt}


def stage_load_rdflib(a: argparse.Namespace) -> dict[str, Any]:
    """rdflib Dataset.parse of the same ``cap`` quads (the baseline)."""
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
    reps = max(1, min(reps, int(budget / max(first, 1e-3))))
    ts = []
    for _ in range(reps):
        t = time.perf_counter()
        run()
        ts.append(time.perf_counter() - t)
    ts.sort()
    p95 = ts[min(len(ts) - 1, round(0.95 * (len(ts) - 1)))]
    return {"rows": rows, "p50_ms": statistics.median(ts) * 1000, "p95_ms": p95 * 1000, "reps": reps,
            "first_ms": first * 1000}


def example_params(text: str) -> dict[str, str]:
    """The ``--param k=v`` of a stored query's ``# example:`` line (the question as documented)."""
    import shlex

    for line in text.splitlines():
        if line.startswith("# example:"):
            words = shlex.split(line[len("# example:"):])
            return dict(w.split("=", 1) for w, prev in zip(words[1:], words, strict=False)
                        if prev == "--param" and "=" in w)
    return {}


def stage_query(a: argparse.Namespace) -> dict[str, Any]:
    """The stored queries on the store as ``dantoc-kg query NAME --store DIR`` runs them (graph.query),
    every row consumed: as written (whole corpus), with the example's parameters when its header has
    some, and (``--page 1``) the first 100 rows."""
    from graph.query import run_query
    from graph.query.stored import load_stored_query
    from graph.store import open_store

    out: dict[str, Any] = {}
    only = set(a.queries.split(",")) if a.queries else None
    with open_store(a.store, read_only=True) as kg:
        for q in _query_files():
            if only is not None and q.stem not in only:
                continue
            stored = load_stored_query(q)
            text = stored.text
            params = example_params(text)
            res: dict[str, Any] = {}
            variants: dict[str, tuple[str, dict[str, str] | None, int | None]] = {}
            # without its required parameter a question is refused (`dantoc-kg query` and the API say which
            # is missing): its "all" and "page" would time a path no user can take
            if all(p.optional for p in stored.params):
                variants["all"] = (text, None, None)
                if a.page:   # the first 100 rows as the API and the table ask for them (graph.query pages them)
                    variants["page"] = (text, None, 100)
            if params:
                variants["param"] = (text, params, None)
            wanted = set(a.variants.split(",")) if a.variants else None
            for name, (body, p, limit) in variants.items():
                if wanted is not None and name not in wanted:
                    continue

                def run(body: str = body, p: dict[str, str] | None = p, limit: int | None = limit) -> int:
                    return len(run_query(body, kg, p, limit=limit).rows)

                try:
                    res[name] = _timings(run, a.reps, budget=a.budget)
                except Exception as exc:   # report and go on: one query must not sink the stage
                    res[name] = {"error": f"{exc.__class__.__name__}: {exc}"[:300]}
                res[name]["params"] = p
            out[q.stem] = res
            print(q.stem, {k: round(v.get("p50_ms", -1)) for k, v in res.items()}, file=sys.stderr, flush=True)
    return {"queries": out}


def stage_query_rdflib(a: argparse.Namespace) -> dict[str, Any]:
    """The stored queries with rdflib's SPARQL engine on a Dataset (default graph = union) of the first quads."""
    data, n = _head_nquads(Path(a.nq), a.cap)
    ds = _rdflib_dataset(data)
    out = {}
    for q in _query_files():
        text = q.read_text(encoding="utf-8")

        def run(text: str = text) -> int:
            return sum(1 for _ in ds.query(text))

        try:
            with _time_limit(a.budget):   # some stored queries take rdflib many minutes even on a subset
                out[q.stem] = _timings(run, a.reps, budget=a.budget / 3)
        except ExtractionTimeout:
            out[q.stem] = {"timeout_s": a.budget, "error": f"over {a.budget:g} s (a lower bound)"}
        print(q.stem, round(out[q.stem].get("p50_ms", -1)), file=sys.stderr, flush=True)
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

    return {"quads": n, "triples": len(g), "load_seconds": t1 - t0, "seconds": t2 - t1, "conforms": bool(conforms),
            "results": len(set(results.subjects(predicate=SH.resultSeverity)))}


def stage_shacl_compiled(a: argparse.Namespace) -> dict[str, Any]:
    """``dantoc-kg validate DIR``: the shapes compiled to SPARQL, run by Oxigraph on the store's union."""
    from graph.store import open_store
    from graph.validate import validate_store

    with open_store(a.store, read_only=True) as kg:
        t = time.perf_counter()
        rep = validate_store(kg.oxigraph, evidence=False, union=False)
        dt = time.perf_counter() - t
        return {"seconds": dt, "results": len(rep.results), "conforms": rep.conforms,
                "violations": sum(r.severity == "Violation" for r in rep.results)}


def stage_export(a: argparse.Namespace) -> dict[str, Any]:
    """``dantoc-kg export --store DIR --out X.ttl``: the union as Turtle (streamed above 1M quads)."""
    from graph.export import export
    from graph.store import open_store

    with open_store(a.store, read_only=True) as kg:
        n = kg.distinct_triples_count()
        t = time.perf_counter()
        export(kg, "turtle", a.out)
        dt = time.perf_counter() - t
    return {"triples": n, "seconds": dt, "triples_per_s": n / dt, "bytes": Path(a.out).stat().st_size}


def stage_export_rdflib(a: argparse.Namespace) -> dict[str, Any]:
    """rdflib's Turtle serializer on the union graph of the first quads."""
    data, n = _head_nquads(Path(a.nq), a.cap)
    g = _union_graph(data)
    t = time.perf_counter()
    g.serialize(destination=a.out, format="turtle")
    dt = time.perf_counter() - t
    return {"quads": n, "triples": len(g), "seconds": dt, "triples_per_s": len(g) / dt}


def stage_incremental(a: argparse.Namespace) -> dict[str, Any]:
    """Add a folder of new articles to the built store with graph.build.build (as ``build --store`` does)."""
    from graph.build import build
    from graph.store import open_store

    with open_store(a.store) as kg:
        before = len(kg.oxigraph)
        r = build([Path(a.corpus)], jobs=a.jobs, store=kg)
        return {"articles": r.articles, "seconds": r.seconds, "quads_before": before,
                "quads_after": len(kg.oxigraph), "articles_per_s": r.articles / r.seconds}


STAGES = {name[6:].replace("_", "-"): fn for name, fn in globals().items() if name.startswith("stage_")}


def main(argv: list[str] | None = None) -> int:
    if argv is None:   # time the product's paths under the allocator the command runs with (graph/allocator.py)
        from graph import allocator

        allocator.reexecute_with_mimalloc(program=True)
    ap = argparse.ArgumentParser()
    ap.add_argument("stage", choices=sorted(STAGES))
    ap.add_argument("--corpus")
    ap.add_argument("--store")
    ap.add_argument("--nq")
    ap.add_argument("--out")
    ap.add_argument("--query")
    ap.add_argument("--queries", default="", help="comma-separated stored query names (default: all)")
    ap.add_argument("--budget", type=float, default=30.0, help="seconds of timed runs per query variant")
    ap.add_argument("--page", type=int, default=0, help="1: also time each stored query's first 100 rows")
    ap.add_argument("--variants", default="", help="comma-separated variants to time (all, page, param; default: every one)")
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
