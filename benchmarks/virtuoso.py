"""Virtuoso vs the embedded store: loading a built graph and answering the stored questions.

    python -m benchmarks.virtuoso [--sizes seeds,1000] [--repeat 3] [--workdir DIR]

For each corpus (the 5 seeds; N real VNTC articles from ../shared/corpus/vntc.tar.xz, skipped when
absent) the graph is built once into an on-disk store, then:
- load: the store's quads copied into a fresh on-disk pyoxigraph store (bulk load) vs ``push`` of the
  same store to a Virtuoso started for the run (Graph Store Protocol, one graph per article + the union);
- query: every stored query without parameters, p50 of ``--repeat`` runs, on the local store vs on
  Virtuoso (default graph = the pushed union), and whether both return the same rows (as multisets).
Needs Debian's virtuoso-opensource (``virtuoso-t``); prints a markdown table and writes
``results/<date>-virtuoso.json``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"


def _corpus(size: str, work: Path) -> tuple[Path, int] | None:
    if size == "seeds":
        return ROOT / "seeds", len(list((ROOT / "seeds").glob("*.txt")))
    from benchmarks.run import real_articles

    out = work / f"vntc-{size}"
    out.mkdir(parents=True, exist_ok=True)
    n = real_articles(out, int(size))
    return (out, n) if n else None


def _multiset(rows: Any) -> Counter:
    return Counter(tuple(map(str, r)) for r in rows.terms)


def _p50(fn: Any, repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000, result


def bench(size: str, work: Path, repeat: int) -> dict[str, Any] | None:
    import pyoxigraph as ox

    from graph.api import build
    from graph.query import run_query
    from graph.query.stored import list_queries
    from graph.store import open_store
    from graph.store.remote import UNION_GRAPH, Endpoint, GraphStore, guess_gsp
    from tests import virtuoso

    corpus = _corpus(size, work)
    if corpus is None:
        print(f"{size}: no VNTC corpus, skipped", file=sys.stderr)
        return None
    folder, articles = corpus
    store_dir = work / f"store-{size}"
    t = time.perf_counter()
    build([folder], store=store_dir).close()
    built_s = time.perf_counter() - t
    res: dict[str, Any] = {"size": size, "articles": articles, "build_s": round(built_s, 2)}
    with open_store(store_dir, read_only=True) as store:
        quads = list(store.oxigraph.quads_for_pattern(None, None, None, None))
        res["quads"] = len(quads)
        t = time.perf_counter()
        fresh = ox.Store(str(work / f"copy-{size}"))
        fresh.bulk_extend(quads)
        fresh.flush()
        res["load_embedded_s"] = round(time.perf_counter() - t, 3)
        del fresh, quads
        server = virtuoso.start(work / f"virtuoso-{size}", max_rows=1_000_000, buffers=100_000)
        try:
            gsp, param = guess_gsp(server.query_url)
            t = time.perf_counter()
            report = GraphStore(gsp, graph_param=param, timeout=600).push(
                store.oxigraph, replace=True, quiet=True, default_as=UNION_GRAPH
            )
            res["push_virtuoso_s"] = round(time.perf_counter() - t, 3)
            res["push_graphs"], res["push_requests"] = report.graphs, report.requests
            res["push_triples_per_s"] = round(report.triples / max(res["push_virtuoso_s"], 1e-9))
            endpoint = Endpoint(server.query_url, default_graph=UNION_GRAPH, timeout=600)
            res["queries"] = {}
            for q in list_queries(ROOT / "queries"):
                local_ms, local = _p50(lambda q=q: run_query(q, store), repeat)
                remote_ms, remote = _p50(lambda q=q: run_query(q, endpoint), repeat)
                res["queries"][q.name] = {
                    "rows": len(local), "embedded_ms": round(local_ms, 1), "virtuoso_ms": round(remote_ms, 1),
                    "same_rows": _multiset(local) == _multiset(remote),
                }
        finally:
            server.stop()
    return res


def markdown(results: list[dict[str, Any]]) -> str:
    out = ["| corpus | articles | quads | load, embedded (s) | push to Virtuoso (s) | push triples/s |",
           "|---|---:|---:|---:|---:|---:|"]
    for r in results:
        out.append(f"| {r['size']} | {r['articles']:,} | {r['quads']:,} | {r['load_embedded_s']} | "
                   f"{r['push_virtuoso_s']} | {r['push_triples_per_s']:,} |")
    out += ["", "| query | " + " | ".join(f"{r['size']}: rows, embedded ms, Virtuoso ms, same" for r in results)
            + " |", "|---|" + "---|" * len(results)]
    for name in results[0]["queries"]:
        cells = []
        for r in results:
            q = r["queries"][name]
            cells.append(f"{q['rows']}, {q['embedded_ms']}, {q['virtuoso_ms']}, {'yes' if q['same_rows'] else 'NO'}")
        out.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="seeds,1000", help="comma list: seeds and/or article counts")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--workdir", help="scratch folder (default: a temp folder, removed)")
    a = p.parse_args(argv)
    from tests import virtuoso

    if virtuoso.binaries() is None:
        print("virtuoso-t not installed (apt-get install virtuoso-opensource-7-bin): skipped", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(a.workdir or tmp)
        work.mkdir(parents=True, exist_ok=True)
        results = [r for s in a.sizes.split(",") if (r := bench(s.strip(), work, a.repeat))]
    if not results:
        return 0
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{date.today()}-virtuoso.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(markdown(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
