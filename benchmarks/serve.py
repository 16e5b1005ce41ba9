"""Latency of ``dantoc-kg serve`` pages, search and SPARQL on a store of N reports.

    python -m benchmarks.serve --sizes 1000 [--workdir /tmp/serve-bench --keep]

Per size: a corpus like ``benchmarks.run`` makes (a share of real VNTC articles from
../shared/corpus when present, the rest generated), ``dantoc-kg build --store``, then the real server
in a subprocess, driven over HTTP one request at a time.  Reported per request kind: median, p95 and
max milliseconds, and the server's start-up (index) time.  Targets from the issue: search < 100 ms,
pages < 300 ms.  Results go to ``benchmarks/results/serve-<size>.json``.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
TARGET_MS = {"search": 100, "page": 300}


def _get(url: str, accept: str = "text/html") -> tuple[int, float]:
    req = urllib.request.Request(url, headers={"Accept": accept})
    t = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:
            resp.read()
            status = resp.status
    except urllib.error.HTTPError as exc:
        exc.read()
        status = exc.code
    return status, (time.perf_counter() - t) * 1000


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stats(ms: list[float]) -> dict[str, float]:
    ms = sorted(ms)
    return {"n": len(ms), "p50": round(statistics.median(ms), 1),
            "p95": round(ms[min(len(ms) - 1, int(0.95 * len(ms)))], 1), "max": round(ms[-1], 1)}


def _sample(base: str, kind: str, n: int, rng: random.Random) -> list[dict[str, Any]]:
    with urllib.request.urlopen(f"{base}/api/search?q=&kind={kind}", timeout=120) as resp:
        hits = json.load(resp)["results"]
    return rng.sample(hits, min(n, len(hits)))


def bench(size: int, work: Path, a: argparse.Namespace) -> dict[str, Any]:
    from benchmarks.run import make_corpus

    corpus, store = work / f"corpus-{size}", work / f"store-{size}"
    res: dict[str, Any] = {"size": size}
    if not store.exists():
        t = time.perf_counter()
        res["corpus"] = make_corpus(corpus, size, a.real_fraction, a.seed)
        import graph

        kg = graph.build([corpus], store=store)   # = dantoc-kg build CORPUS --store STORE
        res["articles"] = len(kg._kgstore.articles())
        kg.close()
        del kg   # the RocksDB handle closes with the last reference
        res["build_seconds"] = round(time.perf_counter() - t, 1)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--store", str(store), "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        while True:
            try:
                _get(base + "/api")
                break
            except (urllib.error.URLError, ConnectionError):
                if proc.poll() is not None or time.perf_counter() - t > 600:
                    err = proc.stderr.read() if proc.stderr and proc.poll() is not None else ""
                    raise RuntimeError(f"the server did not start: {err}") from None
                time.sleep(0.1)
        res["startup_seconds"] = round(time.perf_counter() - t, 2)
        rng = random.Random(a.seed)
        timings: dict[str, list[float]] = {}

        def hit(name: str, path: str, accept: str = "text/html") -> None:
            status, ms = _get(base + path, accept)
            if status != 200:
                print(f"  {name}: {path} -> {status}", file=sys.stderr)
            timings.setdefault(name, []).append(ms)

        people = _sample(base, "person", a.requests, rng)
        docs = _sample(base, "document", a.requests, rng)
        # search: names typed without tones, document numbers, a common phrase
        from graph.text.normalize import ascii_fold

        for p in people:
            hit("search: name without tones", "/api/search?q=" + urllib.parse.quote(ascii_fold(p["label"])),
                "application/json")
        for d in docs:
            number = d["label"].split()[-1]
            hit("search: document number", "/api/search?q=" + urllib.parse.quote(number), "application/json")
        for phrase in ("ban dan toc", "hoi nghi", "chuong trinh 135", "ubnd tinh"):
            hit("search: common words", "/search?q=" + urllib.parse.quote(phrase))
        for kind in ("person", "body", "document", "programme", "event", "place"):
            for e in _sample(base, kind, a.requests, rng):
                hit(f"page: {kind}", e["url"])
        for e in _sample(base, "article", a.requests, rng):
            hit("page: article reader", e["url"])
        for p in people[: max(3, a.requests // 4)]:
            hit("page: graph view", "/graph?iri=" + urllib.parse.quote(p["iri"], safe=""))
        for name in ("officials", "documents-most-cited", "events-by-province-year"):
            hit("page: stored question", f"/queries/{name}?run=1")
        for _ in range(5):
            hit("sparql: count by class", "/sparql?query=" + urllib.parse.quote(
                "SELECT ?c (COUNT(*) AS ?n) WHERE { ?s a ?c } GROUP BY ?c"), "application/sparql-results+json")
        res["latency_ms"] = {k: _stats(v) for k, v in timings.items()}
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return res


def table(res: dict[str, Any]) -> str:
    lines = [f"## dantoc-kg serve at {res['size']:,} reports (start-up {res['startup_seconds']} s)", "",
             "| request | n | p50 ms | p95 ms | max ms | target |", "|---|---|---|---|---|---|"]
    for name, s in res["latency_ms"].items():
        target = TARGET_MS["search"] if name.startswith("search") else TARGET_MS["page"]
        ok = "ok" if s["p95"] <= target else "MISSED"
        lines.append(f"| {name} | {s['n']} | {s['p50']} | {s['p95']} | {s['max']} | < {target} ({ok}) |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000", help="comma list of corpus sizes (default 1000)")
    ap.add_argument("--requests", type=int, default=20, help="entities sampled per kind (default 20)")
    ap.add_argument("--real-fraction", type=float, default=0.2, help="share of VNTC articles when present")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workdir", help="scratch folder (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep corpora and stores")
    a = ap.parse_args(argv)
    work = Path(a.workdir) if a.workdir else Path(tempfile.mkdtemp(prefix="serve-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        for size in (int(s) for s in a.sizes.split(",")):
            res = bench(size, work, a)
            RESULTS.mkdir(exist_ok=True)
            (RESULTS / f"serve-{size}.json").write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
            (RESULTS / f"serve-{size}.md").write_text(table(res), encoding="utf-8")
            print(table(res))
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
