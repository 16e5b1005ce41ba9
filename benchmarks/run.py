"""The scale benchmark: one command, every figure as a ratio against a plain-rdflib baseline.

    python -m benchmarks.run --sizes 1000,10000,100000

For each size: a corpus (real VNTC articles streamed from ../shared/corpus/vntc.tar.xz where present,
the rest from benchmarks/generate.py), then each measured step in its own process (benchmarks/stages.py)
with the peak RSS of its whole process tree sampled by psutil.  The steps are the product's own paths
(build into an on-disk store, stored queries, compiled SHACL, export, incremental add).  Baselines
(rdflib Memory store, rdflib parsers/serialiser/SPARQL, pyshacl defaults) run on the first quads of the
same graph and are extrapolated linearly to the whole graph.
Writes benchmarks/results/<date>-<size>.json and benchmarks/results/<date>-<size>.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent
VNTC = ROOT.parent / "shared" / "corpus" / "vntc.tar.xz"
RESULTS = Path(__file__).resolve().parent / "results"
TARGETS = {"extract_per_core": 300, "build_100k_s": 600, "peak_gib": 4, "query_p50_ms": 100, "shacl_100k_s": 60,
           "export_tps": 500_000}


def real_articles(out: Path, count: int) -> int:
    """Stream up to ``count`` VNTC articles out of the archive into ``out`` (never into the repo)."""
    if count <= 0 or not VNTC.exists():
        return 0
    n = 0
    with tarfile.open(VNTC, "r|xz") as tar:
        for m in tar:
            if not m.isfile() or not m.name.endswith(".txt"):
                continue
            f = tar.extractfile(m)
            if f is None:
                continue
            (out / f"vntc_{n:06d}.txt").write_bytes(f.read())
            n += 1
            if n >= count:
                break
    return n


def make_corpus(out: Path, size: int, real_fraction: float, seed: int) -> dict[str, int]:
    from benchmarks.generate import write_corpus

    out.mkdir(parents=True, exist_ok=True)
    real = real_articles(out, int(size * real_fraction))
    write_corpus(out, size - real, seed=seed)
    return {"real": real, "generated": size - real}


def _limit_memory(gib: float) -> Any:
    def apply() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (int(gib * 2**30), int(gib * 2**30)))
    return apply


def run_stage(stage: str, timeout: float = 7200, mem_gib: float | None = None, **kw: Any) -> dict[str, Any]:
    """Run one stage in a fresh interpreter; sample the RSS of it and its children every 50 ms."""
    cmd = [sys.executable, "-m", "benchmarks.stages", stage]
    for k, v in kw.items():
        if v is not None:
            cmd += [f"--{k.replace('_', '-')}", str(v)]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT,
                            preexec_fn=_limit_memory(mem_gib) if mem_gib else None)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        try:
            root = psutil.Process(proc.pid)
        except psutil.NoSuchProcess:
            return
        while not done.is_set():
            try:
                procs = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in procs if p.is_running()))
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
            done.wait(0.05)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        err += f"\ntimed out after {timeout:.0f} s".encode()
    done.set()
    th.join()
    wall = time.perf_counter() - t
    label = stage + (f" {Path(kw['query']).name}" if kw.get("query") else "")
    print(f"  {label}: {wall:.1f} s, peak {peak / 2**20:.0f} MiB", file=sys.stderr, flush=True)
    if proc.returncode != 0:
        return {"error": err.decode(errors="replace")[-2000:], "wall_s": wall, "peak_mib": peak / 2**20}
    res = json.loads(out.decode().strip().splitlines()[-1])
    res.update(wall_s=wall, peak_mib=peak / 2**20)
    print(f"  {label} result: {json.dumps(res, ensure_ascii=False)[:4000]}", file=sys.stderr, flush=True)
    return res


def _ratio(ours: float | None, base: float | None, higher_is_better: bool = True) -> float | None:
    if not ours or not base:
        return None
    return ours / base if higher_is_better else base / ours


# baselines on fixed-size subsets: the same work at every corpus size, so sizes not in --baseline-sizes
# reuse the figures measured at the previous size of the same run (marked "reused_from_size")
BASELINES = ("build-rdflib", "load-rdflib", "query-rdflib", "shacl-pyshacl", "export-rdflib")


def bench_size(size: int, work: Path, a: argparse.Namespace, reused: dict[str, Any]) -> dict[str, Any]:
    corpus, store, nq = work / f"corpus-{size}", work / f"store-{size}", work / f"head-{size}.nq"
    t = time.perf_counter()
    mix = make_corpus(corpus, size, a.real_fraction, a.seed)
    res: dict[str, Any] = {"size": size, "corpus": mix, "corpus_seconds": time.perf_counter() - t}
    if size in a.baseline_sizes:
        reused["size"] = size
    print(f"[{size}] corpus {mix} in {res['corpus_seconds']:.1f} s", file=sys.stderr, flush=True)
    s: dict[str, Any] = {}
    only = set(a.only.split(",")) if a.only else None

    def stage(name: str, **kw: Any) -> dict[str, Any]:
        if only is not None and name not in only:
            return {"error": "skipped (--only)"}
        if name in BASELINES and size not in a.baseline_sizes and name in reused:
            return {**reused[name], "reused_from_size": reused[name].get("reused_from_size", reused["size"])}
        out = run_stage(name, **kw)
        if name in BASELINES:
            reused[name] = out
        return out
    s["extract"] = stage("extract", corpus=corpus, limit=min(size, a.extract_limit))
    s["build"] = stage("build", corpus=corpus, store=store, nq=nq, jobs=a.jobs, cap=a.baseline_quads)
    quads = s["build"].get("quads", 0)
    arts = s["build"].get("articles", size)
    if size <= a.inmemory_max:
        s["build_memory"] = stage("build-memory", corpus=corpus, jobs=a.jobs)
    else:
        s["build_memory"] = {"error": f"not run: the in-memory build of {size:,} articles would need far more "
                                      f"than 4 GiB (--inmemory-max {a.inmemory_max})"}
    art_quads = s["build"].get("article_quads") or quads / 2
    s["build_rdflib"] = stage("build-rdflib", corpus=corpus, jobs=a.jobs,
                              limit=min(size, max(200, int(a.baseline_quads * arts / max(art_quads, 1)))))
    s["load_oxigraph"] = stage("load-ox", nq=nq, store=work / "load-store")
    shutil.rmtree(work / "load-store", ignore_errors=True)
    s["load_rdflib"] = stage("load-rdflib", nq=nq, cap=a.baseline_quads)
    if a.query_each_timeout and (only is None or "query" in only):
        # one process per stored question, each with its own time limit: at 100k one slow listing must not
        # cost the figures of the others (a Rust query cannot be interrupted from Python)
        s["query"] = {"queries": {}}
        for q in sorted((ROOT / "queries").glob("*.rq")):
            one = run_stage("query", timeout=a.query_each_timeout, store=store, reps=a.reps, budget=a.query_budget,
                            page=int(a.page), variants=a.query_variants or None, queries=q.stem)
            failed = {"error": (one.get("error") or "no result")[-300:], "wall_s": one.get("wall_s")}
            s["query"]["queries"][q.stem] = one.get("queries", {}).get(q.stem) or {
                v: failed for v in (a.query_variants or "all").split(",")}
    else:
        s["query"] = stage("query", timeout=a.query_timeout, store=store, reps=a.reps, budget=a.query_budget,
                           page=int(a.page), variants=a.query_variants or None)
    s["query_rdflib"] = stage("query-rdflib", nq=nq, cap=a.query_baseline_quads, reps=3, budget=a.rdflib_query_cap)
    s["shacl"] = stage("shacl-compiled", store=store, timeout=a.shacl_timeout)
    s["shacl_pyshacl"] = stage("shacl-pyshacl", nq=nq, cap=a.shacl_baseline_quads)
    s["export"] = stage("export", store=store, out=work / f"graph-{size}.ttl")
    (work / f"graph-{size}.ttl").unlink(missing_ok=True)
    s["export_rdflib"] = stage("export-rdflib", nq=nq, cap=a.baseline_quads, out=work / f"rdflib-{size}.ttl")
    inc = work / f"inc-{size}"
    from benchmarks.generate import write_corpus

    write_corpus(inc, a.increment, seed=a.seed + 1)
    s["incremental"] = stage("incremental", store=store, corpus=inc, jobs=a.jobs)
    res["stages"] = s
    res["figures"] = figures(s, quads, arts)
    return res


def figures(s: dict[str, Any], quads: int, arts: int) -> dict[str, Any]:
    """Every headline figure with its baseline (extrapolated linearly where it ran on a subset) and ratio."""
    b = s["build"]
    union = b.get("union_triples") or 0
    f: dict[str, Any] = {"quads": quads, "articles": arts, "union_triples": union,
                         "article_quads": b.get("article_quads")}
    ex = s["extract"]
    f["extract_articles_per_s"] = {"ours": ex.get("articles_per_s"), "per_core_target": TARGETS["extract_per_core"],
                                   "ratio_to_target": _ratio(ex.get("articles_per_s"), TARGETS["extract_per_core"]),
                                   "articles_timed": ex.get("articles"), "bytes_per_article": ex.get("bytes_per_article")}
    bm, br = s["build_memory"], s["build_rdflib"]
    f["build"] = {"ours_articles_per_s": b.get("articles_per_s"), "seconds": b.get("seconds"),
                  "optimize_seconds": b.get("optimize_seconds"), "store_bytes": b.get("store_bytes"),
                  "peak_mib": b.get("peak_mib"), "skipped": b.get("skipped"),
                  "rdflib_articles_per_s": br.get("articles_per_s"), "rdflib_articles": br.get("articles"),
                  "rdflib_peak_mib": br.get("peak_mib"),
                  "rdflib_seconds_extrapolated": (arts / br["articles_per_s"]) if br.get("articles_per_s") else None,
                  "ratio": _ratio(b.get("articles_per_s"), br.get("articles_per_s")),
                  "memory_articles_per_s": bm.get("articles_per_s"), "memory_peak_mib": bm.get("peak_mib"),
                  "store_quads_per_s": b.get("triples_per_s")}
    lo, lr = s["load_oxigraph"], s["load_rdflib"]
    f["load_triples_per_s"] = {"ours": lo.get("triples_per_s"), "rdflib": lr.get("triples_per_s"),
                               "ratio": _ratio(lo.get("triples_per_s"), lr.get("triples_per_s")),
                               "quads": lo.get("quads"), "ours_peak_mib": lo.get("peak_mib"),
                               "rdflib_peak_mib": lr.get("peak_mib")}
    qo, qr = s["query"].get("queries", {}), s["query_rdflib"].get("queries", {})
    qn = s["query_rdflib"].get("quads") or 1
    f["queries"] = {}
    for name, o in qo.items():
        r = qr.get(name, {})
        scale = (b.get("article_quads") or quads) / qn
        base = r["p50_ms"] * scale if r.get("p50_ms") else None
        if base is None and r.get("timeout_s"):
            base = r["timeout_s"] * 1000 * scale   # a lower bound: rdflib did not finish once
        row: dict[str, Any] = {"rdflib_p50_ms_subset": r.get("p50_ms"), "rdflib_rows_subset": r.get("rows"),
                               "rdflib_timeout_s": r.get("timeout_s"),
                               "rdflib_p50_ms_extrapolated": base}
        for variant, v in o.items():
            row[variant] = {k: v.get(k) for k in ("p50_ms", "p95_ms", "rows", "error", "params")}
        row["ratio"] = _ratio(o.get("all", {}).get("p50_ms"), base, False)
        f["queries"][name] = row
    sp, sc = s["shacl_pyshacl"], s["shacl"]
    py_full = sp["seconds"] * union / sp["triples"] if sp.get("triples") else None
    f["shacl_seconds"] = {"ours": sc.get("seconds"), "results": sc.get("results"), "violations": sc.get("violations"),
                          "peak_mib": sc.get("peak_mib"), "error": sc.get("error", "")[-300:] or None,
                          "pyshacl_subset_triples": sp.get("triples"), "pyshacl_subset_seconds": sp.get("seconds"),
                          "pyshacl_extrapolated": py_full, "ratio": _ratio(sc.get("seconds"), py_full, False)}
    eo, er = s["export"], s["export_rdflib"]
    f["export_turtle_triples_per_s"] = {"ours": eo.get("triples_per_s"), "seconds": eo.get("seconds"),
                                        "peak_mib": eo.get("peak_mib"), "rdflib": er.get("triples_per_s"),
                                        "rdflib_triples": er.get("triples"),
                                        "ratio": _ratio(eo.get("triples_per_s"), er.get("triples_per_s"))}
    inc = s["incremental"]
    f["incremental"] = {"articles": inc.get("articles"), "seconds": inc.get("seconds"),
                        "articles_per_s": inc.get("articles_per_s"), "peak_mib": inc.get("peak_mib"),
                        "ratio_to_full_build_rate": _ratio(inc.get("articles_per_s"), b.get("articles_per_s"))}
    return f


def machine() -> dict[str, Any]:
    def ver(pkg: str) -> str | None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version(pkg)
        except PackageNotFoundError:
            return None

    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
    model = next((ln.split(":", 1)[1].strip() for ln in lscpu.splitlines() if ln.startswith("Model name")), "?")
    return {"cpu": model, "cores": os.cpu_count(), "ram_gib": round(psutil.virtual_memory().total / 2**30, 1),
            "python": platform.python_version(), "platform": platform.platform(),
            "packages": {p: ver(p) for p in ("pyoxigraph", "rdflib", "pyshacl", "psutil")}}


def _fmt(x: Any, spec: str = ",.0f") -> str:
    return "—" if x is None else format(x, spec)


def markdown(res: dict[str, Any]) -> str:
    f = res["figures"]
    lines = [f"# Scale benchmark: {res['size']:,} articles ({res['date']})", "",
             f"Corpus: {res['corpus']['real']:,} VNTC + {res['corpus']['generated']:,} generated; "
             f"{f['articles']:,} articles built; {f['quads']:,} quads in the store ({f['article_quads'] or 0:,} in "
             f"article graphs, {f['union_triples']:,} distinct triples in the union). Command: `{res['command']}`", "",
             "| figure | ours | plain-rdflib baseline | ratio | note |", "|---|---|---|---|---|"]
    e = f["extract_articles_per_s"]
    lines.append(f"| extraction alone, articles/s, 1 core | {_fmt(e['ours'])} | target {e['per_core_target']} | "
                 f"{_fmt(e['ratio_to_target'], '.2f')}x of target | {e['articles_timed']} articles, "
                 f"{_fmt(e['bytes_per_article'])} bytes each |")
    b = f["build"]
    lines.append(f"| whole build into the on-disk store (`build --store`), 2 workers, articles/s | "
                 f"{_fmt(b['ours_articles_per_s'])} ({_fmt(b['seconds'], '.1f')} s) | {_fmt(b['rdflib_articles_per_s'])} "
                 f"(rdflib Dataset in the parent, {b['rdflib_articles']} articles; extrapolated "
                 f"{_fmt(b['rdflib_seconds_extrapolated'])} s) | {_fmt(b['ratio'], '.2f')}x | + optimize "
                 f"{_fmt(b['optimize_seconds'], '.1f')} s; store {_fmt((b['store_bytes'] or 0) / 2**20)} MiB; "
                 f"{_fmt(b['store_quads_per_s'])} quads/s written |")
    lines.append(f"| build peak RSS, MiB (process tree) | {_fmt(b['peak_mib'])} | {_fmt(b['rdflib_peak_mib'])} on "
                 f"{b['rdflib_articles']} articles | — | in-memory build: {_fmt(b['memory_articles_per_s'])} articles/s, "
                 f"{_fmt(b['memory_peak_mib'])} MiB |")
    ld = f["load_triples_per_s"]
    lines.append(f"| store load, triples/s (same {_fmt(ld['quads'])} quads) | {_fmt(ld['ours'])} | {_fmt(ld['rdflib'])} | "
                 f"{_fmt(ld['ratio'], '.1f')}x | ours: on disk + union copy; peak {_fmt(ld['ours_peak_mib'])} vs "
                 f"{_fmt(ld['rdflib_peak_mib'])} MiB |")
    for name, x in f["queries"].items():
        cells = []
        for variant in ("all", "page", "param"):
            v = x.get(variant)
            if v is None:
                cells.append("—")
            elif v.get("error"):
                cells.append("failed")
            else:
                cells.append(f"{_fmt(v['p50_ms'], '.1f')} / {_fmt(v['p95_ms'], '.1f')} ({_fmt(v['rows'])} rows)")
        lines.append(f"| query `{name}` p50 / p95 ms: all rows · first 100 · example params | {' · '.join(cells)} | "
                     f"{_fmt(x['rdflib_p50_ms_subset'], '.1f') if not x['rdflib_timeout_s'] else '> ' + _fmt(x['rdflib_timeout_s'] * 1000)} "
                     f"on subset, {'≥ ' if x['rdflib_timeout_s'] else ''}{_fmt(x['rdflib_p50_ms_extrapolated'])} extrapolated | "
                     f"{'≥ ' if x['rdflib_timeout_s'] else ''}{_fmt(x['ratio'], '.1f')}x | |")
    sh = f["shacl_seconds"]
    lines.append(f"| SHACL validation of the store's union (`validate DIR`), s | {_fmt(sh['ours'], '.1f')} | "
                 f"{_fmt(sh['pyshacl_extrapolated'], '.0f')} extrapolated (pyshacl: {_fmt(sh['pyshacl_subset_seconds'], '.1f')} s "
                 f"on {_fmt(sh['pyshacl_subset_triples'])} triples) | {_fmt(sh['ratio'], '.1f')}x | {_fmt(sh['results'])} results, "
                 f"{_fmt(sh['violations'])} violations; peak {_fmt(sh['peak_mib'])} MiB |")
    ex = f["export_turtle_triples_per_s"]
    lines.append(f"| Turtle export of the union (`export --store`), triples/s | {_fmt(ex['ours'])} "
                 f"({_fmt(ex['seconds'], '.1f')} s) | {_fmt(ex['rdflib'])} (on {_fmt(ex['rdflib_triples'])} triples) | "
                 f"{_fmt(ex['ratio'], '.1f')}x | peak {_fmt(ex['peak_mib'])} MiB |")
    inc = f["incremental"]
    lines.append(f"| incremental add of {inc['articles']} articles to this store, s | {_fmt(inc['seconds'], '.1f')} "
                 f"({_fmt(inc['articles_per_s'])}/s) | — | {_fmt(inc['ratio_to_full_build_rate'], '.2f')}x of the "
                 f"full-build rate | peak {_fmt(inc['peak_mib'])} MiB |")
    reused_from = {v["reused_from_size"] for v in res["stages"].values() if "reused_from_size" in v}
    if reused_from:
        lines += ["", f"The rdflib/pyshacl baselines (fixed-size subsets) are those measured at {min(reused_from):,} "
                  "articles in the same run."]
    errs = [k for k, v in res["stages"].items() if "error" in v]
    if errs:
        lines += ["", "Stages not run or failed: " + ", ".join(errs) + " (the JSON has the reason)."]
    return "\n".join(lines) + "\n"


def summary(results: list[dict[str, Any]]) -> str:
    """One table across sizes: each target, what was reached, and the ratio to the plain-rdflib baseline."""
    def cell(res: dict[str, Any], fn: Any) -> str:
        try:
            return fn(res["figures"])
        except (KeyError, TypeError, ValueError, ZeroDivisionError):
            return "—"

    def q50(f: dict[str, Any], agg: Any) -> str:
        vals = [x["all"]["p50_ms"] for x in f["queries"].values() if x.get("all", {}).get("p50_ms") is not None]
        return _fmt(agg(vals), ",.0f")

    rows = [
        ("articles / quads in the store / distinct triples", None,
         lambda f: f"{f['articles']:,} / {f['quads']:,} / {f['union_triples']:,}"),
        ("extraction alone, articles/s, 1 core", ">= 300", lambda f: _fmt(f["extract_articles_per_s"]["ours"])),
        ("whole build (`build --store`), s", "100k < 600 s",
         lambda f: f"{_fmt(f['build']['seconds'], ',.0f')} ({_fmt(f['build']['ours_articles_per_s'])}/s; "
                   f"{_fmt(f['build']['ratio'], '.1f')}x rdflib)"),
        ("build peak RSS, MiB", "< 4,096, flat", lambda f: _fmt(f["build"]["peak_mib"])),
        ("store load, triples/s", None,
         lambda f: f"{_fmt(f['load_triples_per_s']['ours'])} ({_fmt(f['load_triples_per_s']['ratio'], '.1f')}x rdflib)"),
        ("stored queries, median of the 26 p50s, ms", "each < 100", lambda f: q50(f, statistics.median)),
        ("stored queries, slowest p50, ms", "< 100", lambda f: q50(f, max)),
        ("stored queries under 100 ms (all rows)", "26 of 26",
         lambda f: str(sum(1 for x in f["queries"].values() if (x.get("all", {}).get("p50_ms") or 1e9) < 100))),
        ("SHACL of the whole store, s", "100k < 60 s",
         lambda f: f"{_fmt(f['shacl_seconds']['ours'], ',.1f')} ({_fmt(f['shacl_seconds']['ratio'], ',.0f')}x pyshacl)"),
        ("Turtle export, triples/s", ">= 500k",
         lambda f: f"{_fmt(f['export_turtle_triples_per_s']['ours'])} "
                   f"({_fmt(f['export_turtle_triples_per_s']['ratio'], '.1f')}x rdflib)"),
        ("incremental add of 1k articles, s", None,
         lambda f: f"{_fmt(f['incremental']['seconds'], '.1f')} ({_fmt(f['incremental']['articles_per_s'])}/s)"),
    ]
    head = "| figure | target | " + " | ".join(f"{r['size']:,}" for r in results) + " |"
    out = [head, "|---|---|" + "---|" * len(results)]
    for label, target, fn in rows:
        out.append(f"| {label} | {target or ''} | " + " | ".join(cell(r, fn) for r in results) + " |")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--real-fraction", type=float, default=0.2, help="share of VNTC articles in each corpus")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--baseline-quads", type=int, default=200_000, help="rdflib load/export/build baseline subset")
    ap.add_argument("--query-baseline-quads", type=int, default=50_000)
    ap.add_argument("--shacl-baseline-quads", type=int, default=30_000)
    ap.add_argument("--extract-limit", type=int, default=2000)
    ap.add_argument("--reps", type=int, default=10)
    ap.add_argument("--query-budget", type=float, default=20, help="seconds of timed runs per query variant")
    ap.add_argument("--query-timeout", type=float, default=3600, help="seconds for the whole query stage")
    ap.add_argument("--query-each-timeout", type=float, default=0,
                    help="run each stored question in its own process with this many seconds (0: one process)")
    ap.add_argument("--query-variants", default="", help="variants to time: all, page, param (default: every one)")
    ap.add_argument("--shacl-timeout", type=float, default=3600)
    ap.add_argument("--rdflib-query-cap", type=float, default=60, help="seconds per stored query for rdflib")
    ap.add_argument("--increment", type=int, default=1000)
    ap.add_argument("--inmemory-max", type=int, default=10000, help="largest size also built in memory")
    ap.add_argument("--page", action="store_true", help="also time the first 100 rows of each stored query")
    ap.add_argument("--baseline-sizes", default="", help="sizes that run the rdflib/pyshacl baselines (default: all); "
                    "the others reuse the previous size's (the baselines run on fixed-size subsets)")
    ap.add_argument("--summary", nargs="*", type=Path, help="only print the cross-size table of these result JSONs")
    ap.add_argument("--only", default="", help="comma-separated stage names to run (default: all)")
    ap.add_argument("--workdir", type=Path, default=None, help="scratch folder (default: a temp dir, removed)")
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args(argv)
    if a.summary:
        print(summary([json.loads(p.read_text(encoding="utf-8")) for p in a.summary]), end="")
        return 0
    sizes = [int(x) for x in a.sizes.split(",")]
    RESULTS.mkdir(parents=True, exist_ok=True)
    date = dt.date.today().isoformat()
    base = a.workdir or Path(tempfile.mkdtemp(prefix="dantoc-bench-"))
    info = machine()
    a.baseline_sizes = {int(x) for x in a.baseline_sizes.split(",")} if a.baseline_sizes else set(sizes)
    reused: dict[str, Any] = {}
    done: list[dict[str, Any]] = []
    try:
        for size in sizes:
            work = base / str(size)
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir(parents=True)
            res = bench_size(size, work, a, reused)
            done.append(res)
            res.update(date=date, machine=info, command="python -m benchmarks.run " + " ".join(argv or sys.argv[1:]))
            (RESULTS / f"{date}-{size}.json").write_text(json.dumps(res, indent=1, ensure_ascii=False), encoding="utf-8")
            (RESULTS / f"{date}-{size}.md").write_text(markdown(res), encoding="utf-8")
            print(markdown(res), file=sys.stderr)
            if not a.keep:
                shutil.rmtree(work, ignore_errors=True)
        (RESULTS / f"{date}-summary.md").write_text(summary(done), encoding="utf-8")
    finally:
        if a.workdir is None and not a.keep:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
