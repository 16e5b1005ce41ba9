"""The scale benchmark: one command, every figure as a ratio against a plain-rdflib baseline.

    python -m benchmarks.run --sizes 1000,10000,100000

For each size: a corpus (real VNTC articles streamed from ../shared/corpus/vntc.tar.xz where present,
the rest from benchmarks/generate.py), then each measured step in its own process (benchmarks/stages.py)
with the peak RSS of its whole process tree sampled by psutil.  Baselines (rdflib Memory store, rdflib
parsers/serialiser, pyshacl defaults) run on the first ``--baseline-quads`` quads of the same graph and
are extrapolated linearly to the full graph: the JSON marks every such figure ``"extrapolated": true``.
Writes benchmarks/results/<date>-<size>.json and benchmarks/results/<date>-<size>.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
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
PER_GRAPH = Path(__file__).resolve().parent / "queries-per-graph"
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
    return res


def _ratio(ours: float | None, base: float | None, higher_is_better: bool = True) -> float | None:
    if not ours or not base:
        return None
    return ours / base if higher_is_better else base / ours


def bench_size(size: int, work: Path, a: argparse.Namespace) -> dict[str, Any]:
    corpus, store, nq = work / f"corpus-{size}", work / f"store-{size}", work / f"graph-{size}.nq"
    t = time.perf_counter()
    mix = make_corpus(corpus, size, a.real_fraction, a.seed)
    res: dict[str, Any] = {"size": size, "corpus": mix, "corpus_seconds": time.perf_counter() - t}
    print(f"[{size}] corpus {mix} in {res['corpus_seconds']:.1f} s", file=sys.stderr, flush=True)
    cap = a.baseline_quads
    s: dict[str, Any] = {}
    only = set(a.only.split(",")) if a.only else None

    def stage(name: str, **kw: Any) -> dict[str, Any]:
        if only is not None and name not in only:
            return {"error": "skipped (--only)"}
        return run_stage(name, **kw)
    s["extract"] = stage("extract", corpus=corpus, limit=min(size, a.extract_limit))
    if size <= a.inmemory_max:
        s["build"] = stage("build", corpus=corpus, nq=nq, jobs=a.jobs)
    else:
        s["build"] = {"error": f"not run: an in-memory store of {size} articles needs far more than 4 GiB "
                               f"(--inmemory-max {a.inmemory_max})"}
    need_nq = only is None or bool(only & {"load-ox", "load-rdflib", "union-store", "query-rdflib", "shacl-pyshacl",
                                            "export-rdflib", "build-rdflib"})
    s["build_disk"] = stage("build-disk", corpus=corpus, store=store, nq=nq if need_nq else None, jobs=a.jobs)
    quads = s["build_disk"].get("quads", 0)
    arts = s["build_disk"].get("articles", size)
    s["build_rdflib"] = stage("build-rdflib", corpus=corpus, limit=min(size, max(200, cap * size // max(quads, 1))),
                                  jobs=a.jobs)
    s["load_oxigraph"] = stage("load-ox", nq=nq)
    s["load_rdflib"] = stage("load-rdflib", nq=nq, cap=cap)
    s["query_oxigraph"] = {"queries": {q.stem: stage("query-ox", timeout=a.query_timeout, mem_gib=a.query_mem_gib,
                                                          store=store, query=q, reps=a.reps)
                                       for q in sorted((ROOT / "queries").glob("*.rq"))}}
    s["query_per_graph"] = {"queries": {q.stem: stage("query-ox", timeout=a.query_timeout, mem_gib=a.query_mem_gib,
                                                           store=store, query=q, reps=a.reps)
                                        for q in sorted(PER_GRAPH.glob("*.rq"))}}
    ustore = work / f"ustore-{size}"
    s["union_store"] = stage("union-store", nq=nq, store=ustore, out=work / f"union-{size}.ttl")
    s["query_union_store"] = {"queries": {q.stem: stage("query-ox", timeout=a.query_timeout, mem_gib=a.query_mem_gib,
                                                             store=ustore, query=q, reps=a.reps, default_graph=1)
                                          for q in sorted((ROOT / "queries").glob("*.rq"))}}
    s["query_rdflib"] = stage("query-rdflib", nq=nq, cap=min(cap, a.query_baseline_quads), reps=3)
    s["shacl_pyshacl"] = stage("shacl-pyshacl", nq=nq, cap=min(cap, a.shacl_baseline_quads))
    s["shacl_scale"] = stage("shacl-scale", store=store, jobs=a.jobs, limit=a.shacl_limit)
    s["shacl_compiled"] = stage("shacl-compiled", store=store)
    s["export_ours"] = stage("export-ox", store=store, out=work / f"graph-{size}.ttl")
    s["export_rdflib"] = stage("export-rdflib", nq=nq, cap=cap, out=work / f"rdflib-{size}.ttl")
    inc = work / f"inc-{size}"
    from benchmarks.generate import write_corpus

    write_corpus(inc, a.increment, seed=a.seed + 1)
    s["incremental"] = stage("incremental", store=store, corpus=inc, jobs=a.jobs, batch=500)
    res["stages"] = s
    res["figures"] = figures(s, quads, arts)
    return res


def figures(s: dict[str, Any], quads: int, arts: int) -> dict[str, Any]:
    """Every headline figure with its baseline (extrapolated linearly where it ran on a subset) and ratio."""
    f: dict[str, Any] = {"quads": quads, "articles": arts}
    ex = s["extract"]
    f["extract_articles_per_s"] = {"ours": ex.get("articles_per_s"), "per_core_target": TARGETS["extract_per_core"],
                                   "ratio_to_target": _ratio(ex.get("articles_per_s"), TARGETS["extract_per_core"]),
                                   "articles_timed": ex.get("articles")}
    b, bd, br = s["build"], s["build_disk"], s["build_rdflib"]
    f["build_articles_per_s"] = {"ours": b.get("articles_per_s"), "rdflib": br.get("articles_per_s"),
                                 "ratio": _ratio(b.get("articles_per_s"), br.get("articles_per_s")),
                                 "disk_build": bd.get("articles_per_s"), "disk_build_seconds": bd.get("seconds"),
                                 "disk_ratio": _ratio(bd.get("articles_per_s"), br.get("articles_per_s")),
                                 "disk_store_bytes": bd.get("store_bytes"),
                                 "baseline_articles": br.get("articles"), "ours_seconds": b.get("seconds"),
                                 "rdflib_seconds_extrapolated": (arts / br["articles_per_s"]) if br.get("articles_per_s") else None,
                                 "extrapolated": br.get("articles", 0) < arts}
    f["build_peak_mib"] = {"ours": b.get("peak_mib"), "disk_build": bd.get("peak_mib"), "rdflib_subset": br.get("peak_mib"),
                           "rdflib_subset_articles": br.get("articles")}
    lo, lr = s["load_oxigraph"], s["load_rdflib"]
    f["load_triples_per_s"] = {"ours": lo.get("triples_per_s"), "rdflib": lr.get("triples_per_s"),
                               "ratio": _ratio(lo.get("triples_per_s"), lr.get("triples_per_s")),
                               "ours_peak_mib": lo.get("peak_mib"), "rdflib_peak_mib_subset": lr.get("peak_mib"),
                               "rdflib_quads": lr.get("quads"),
                               "rdflib_peak_mib_extrapolated": (lr["peak_mib"] * quads / lr["quads"]) if lr.get("quads") else None,
                               "extrapolated": lr.get("quads", 0) < quads}
    qo, qr = s["query_oxigraph"].get("queries", {}), s["query_rdflib"].get("queries", {})
    qg = s.get("query_per_graph", {}).get("queries", {})
    qu = s.get("query_union_store", {}).get("queries", {})
    qn = s["query_rdflib"].get("quads") or 1
    f["queries"] = {}
    for name, o in qo.items():
        r, g = qr.get(name, {}), qg.get(name, {})
        base = r["p50_ms"] * quads / qn if r.get("p50_ms") else None
        f["queries"][name] = {"ours_p50_ms": o.get("p50_ms"), "ours_p95_ms": o.get("p95_ms"), "rows": o.get("rows"),
                              "ours_error": (o["error"].strip().splitlines() or ["?"])[-1][:200] if "error" in o else None,
                              "ours_peak_mib": o.get("peak_mib"),
                              "per_graph_p50_ms": g.get("p50_ms"), "per_graph_p95_ms": g.get("p95_ms"),
                              "per_graph_rows": g.get("rows"),
                              "union_store_p50_ms": qu.get(name, {}).get("p50_ms"),
                              "union_store_p95_ms": qu.get(name, {}).get("p95_ms"),
                              "union_store_rows": qu.get(name, {}).get("rows"),
                              "ratio_union_store": _ratio(qu.get(name, {}).get("p50_ms"), base, False),
                              "rdflib_p50_ms_subset": r.get("p50_ms"), "rdflib_rows_subset": r.get("rows"),
                              "rdflib_p50_ms_extrapolated": base,
                              "ratio": _ratio(o.get("p50_ms"), base, False),
                              "ratio_per_graph": _ratio(g.get("p50_ms"), base, False),
                              "extrapolated": qn < quads}
    sp, ss = s["shacl_pyshacl"], s["shacl_scale"]
    py_full = sp["seconds"] * quads / sp["quads"] if sp.get("quads") else None
    ours_full = ss.get("seconds")
    if ss.get("graphs") and ss.get("graphs", 0) < arts and ss.get("per_article_seconds") is not None:
        ours_full = ss["per_article_seconds"] * arts / ss["graphs"] + ss.get("cross_seconds", 0)
    f["shacl_seconds"] = {"ours": ours_full, "pyshacl_extrapolated": py_full, "ratio": _ratio(ours_full, py_full, False),
                          "pyshacl_subset_quads": sp.get("quads"), "pyshacl_subset_seconds": sp.get("seconds"),
                          "ours_graphs_validated": ss.get("graphs"), "ours_extrapolated": bool(ss.get("graphs", arts) < arts),
                          "compiled": s.get("shacl_compiled", {}).get("seconds"),
                          "compiled_ratio": _ratio(s.get("shacl_compiled", {}).get("seconds"), py_full, False)}
    eo, er = s["export_ours"], s["export_rdflib"]
    f["export_turtle_triples_per_s"] = {"ours": eo.get("triples_per_s"), "rdflib": er.get("triples_per_s"),
                                        "ratio": _ratio(eo.get("triples_per_s"), er.get("triples_per_s")),
                                        "writer": eo.get("writer"), "rdflib_quads": er.get("quads")}
    us = s.get("union_store", {})
    f["union_store"] = {"add_union_seconds": us.get("add_union_seconds"), "union_triples": us.get("union_triples"),
                        "export_triples_per_s": us.get("export_triples_per_s"),
                        "export_ratio": _ratio(us.get("export_triples_per_s"), er.get("triples_per_s")),
                        "peak_mib": us.get("peak_mib")}
    inc = s["incremental"]
    f["incremental"] = {"articles": inc.get("articles"), "seconds": inc.get("seconds"),
                        "articles_per_s": (inc["articles"] / inc["seconds"]) if inc.get("seconds") else None,
                        "ratio_to_full_build_rate": _ratio((inc["articles"] / inc["seconds"]) if inc.get("seconds") else None,
                                                           bd.get("articles_per_s"))}
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
    q = f["quads"]
    lines = [f"# Scale benchmark: {res['size']:,} articles ({res['date']})", "",
             f"Corpus: {res['corpus']['real']:,} VNTC + {res['corpus']['generated']:,} generated; "
             f"{f['articles']:,} articles built, {q:,} quads. Command: `{res['command']}`", "",
             "| figure | ours | plain-rdflib baseline | ratio | note |", "|---|---|---|---|---|"]
    e = f["extract_articles_per_s"]
    lines.append(f"| extraction, articles/s (1 core) | {_fmt(e['ours'])} | target {e['per_core_target']} | "
                 f"{_fmt(e['ratio_to_target'], '.2f')}x of target | {e['articles_timed']} articles timed |")
    b = f["build_articles_per_s"]
    lines.append(f"| whole build into an on-disk store, benchmarks/disk_build (proposed), articles/s | {_fmt(b['disk_build'])} | "
                 f"{_fmt(b['rdflib'])} | {_fmt(b['disk_ratio'], '.2f')}x | {_fmt(b['disk_build_seconds'], '.1f')} s; "
                 f"store {_fmt((b['disk_store_bytes'] or 0) / 2**20)} MiB on disk |")
    lines.append(f"| whole build, graph.build.build in memory (today), articles/s (2 workers) | {_fmt(b['ours'])} | {_fmt(b['rdflib'])} | {_fmt(b['ratio'], '.2f')}x | "
                 f"ours {_fmt(b['ours_seconds'], '.1f')} s; rdflib on {b['baseline_articles']} articles"
                 f"{', extrapolated: ' + _fmt(b['rdflib_seconds_extrapolated'], '.0f') + ' s' if b['extrapolated'] else ''} |")
    m = f["build_peak_mib"]
    lines.append(f"| build peak RSS, MiB (process tree): disk_build / in-memory build | {_fmt(m['disk_build'])} / {_fmt(m['ours'])} | {_fmt(m['rdflib_subset'])} on {m['rdflib_subset_articles']} articles | — | |")
    ld = f["load_triples_per_s"]
    lines.append(f"| store load, triples/s | {_fmt(ld['ours'])} | {_fmt(ld['rdflib'])} | {_fmt(ld['ratio'], '.1f')}x | "
                 f"rdflib on {_fmt(ld['rdflib_quads'])} quads; peak {_fmt(ld['ours_peak_mib'])} vs {_fmt(ld['rdflib_peak_mib_subset'])} MiB"
                 f" (rdflib extrapolated {_fmt(ld['rdflib_peak_mib_extrapolated'])} MiB) |")
    for name, x in f["queries"].items():
        ours = (f"{_fmt(x['ours_p50_ms'], '.1f')} / {_fmt(x['ours_p95_ms'], '.1f')}" if x["ours_p50_ms"] is not None
                else f"failed: {x['ours_error']}")
        lines.append(f"| query `{name}.rq` p50 / p95 ms (union default graph) | {ours} | "
                     f"{_fmt(x['rdflib_p50_ms_subset'], '.1f')} on subset, {_fmt(x['rdflib_p50_ms_extrapolated'], '.0f')} extrapolated | "
                     f"{_fmt(x['ratio'], '.2f')}x | {_fmt(x['rows'])} rows, peak {_fmt(x['ours_peak_mib'])} MiB |")
        lines.append(f"| query `{name}.rq` rewritten per graph, p50 / p95 ms | {_fmt(x['per_graph_p50_ms'], '.1f')} / "
                     f"{_fmt(x['per_graph_p95_ms'], '.1f')} | (same baseline) | {_fmt(x['ratio_per_graph'], '.1f')}x | "
                     f"{_fmt(x['per_graph_rows'])} rows |")
        lines.append(f"| query `{name}.rq` on a default-graph union store, p50 / p95 ms | {_fmt(x['union_store_p50_ms'], '.1f')} / "
                     f"{_fmt(x['union_store_p95_ms'], '.1f')} | (same baseline) | {_fmt(x['ratio_union_store'], '.1f')}x | "
                     f"{_fmt(x['union_store_rows'])} rows |")
    sh = f["shacl_seconds"]
    lines.append(f"| SHACL validation, s | {_fmt(sh['ours'], '.1f')}{' (extrapolated)' if sh['ours_extrapolated'] else ''} | "
                 f"{_fmt(sh['pyshacl_extrapolated'], '.1f')} (pyshacl on {_fmt(sh['pyshacl_subset_quads'])} quads: "
                 f"{_fmt(sh['pyshacl_subset_seconds'], '.1f')} s) | {_fmt(sh['ratio'], '.1f')}x | ours validated {sh['ours_graphs_validated']} graphs |")
    lines.append(f"| SHACL compiled to SPARQL (graph.validate.validate_store, per graph), s | {_fmt(sh.get('compiled'), '.1f')} | "
                 f"{_fmt(sh['pyshacl_extrapolated'], '.1f')} | {_fmt(sh.get('compiled_ratio'), '.1f')}x | whole store |")
    ex = f["export_turtle_triples_per_s"]
    lines.append(f"| Turtle export, triples/s | {_fmt(ex['ours'])} | {_fmt(ex['rdflib'])} | {_fmt(ex['ratio'], '.1f')}x | "
                 f"{ex['writer']}; rdflib on {_fmt(ex['rdflib_quads'])} quads |")
    us = f["union_store"]
    lines.append(f"| Turtle export from a default-graph union store (Oxigraph dump), triples/s | {_fmt(us['export_triples_per_s'])} | "
                 f"{_fmt(ex['rdflib'])} | {_fmt(us['export_ratio'], '.1f')}x | {_fmt(us['union_triples'])} distinct triples; "
                 f"adding the union took {_fmt(us['add_union_seconds'], '.1f')} s |")
    inc = f["incremental"]
    lines.append(f"| incremental add of {inc['articles']} articles, s | {_fmt(inc['seconds'], '.1f')} | — | "
                 f"{_fmt(inc['ratio_to_full_build_rate'], '.2f')}x of full-build rate | |")
    errs = [k for k, v in res["stages"].items() if "error" in v]
    if errs:
        lines += ["", "Stages that failed: " + ", ".join(errs) + " (see the JSON for the error text)."]
    return "\n".join(lines) + "\n"


def requery(result: Path, work: Path, a: argparse.Namespace) -> None:
    """Re-run the query stages of a finished size on its kept stores (``--workdir DIR --keep``) and rewrite it."""
    res = json.loads(result.read_text(encoding="utf-8"))
    size, s = res["size"], res["stages"]
    store, ustore = work / str(size) / f"store-{size}", work / str(size) / f"ustore-{size}"
    for key, st, extra, files in (("query_oxigraph", store, {}, sorted((ROOT / "queries").glob("*.rq"))),
                                  ("query_per_graph", store, {}, sorted(PER_GRAPH.glob("*.rq"))),
                                  ("query_union_store", ustore, {"default_graph": 1}, sorted((ROOT / "queries").glob("*.rq")))):
        if key in a.requery_stages.split(","):
            s[key] = {"queries": {q.stem: run_stage("query-ox", timeout=a.query_timeout, mem_gib=a.query_mem_gib,
                                                    store=st, query=q, reps=a.reps, **extra) for q in files}}
    res["figures"] = figures(s, res["figures"]["quads"], res["figures"]["articles"])
    result.write_text(json.dumps(res, indent=1, ensure_ascii=False), encoding="utf-8")
    result.with_suffix(".md").write_text(markdown(res), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--real-fraction", type=float, default=0.2, help="share of VNTC articles in each corpus")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--baseline-quads", type=int, default=300_000, help="rdflib load/export baseline subset")
    ap.add_argument("--query-baseline-quads", type=int, default=100_000)
    ap.add_argument("--shacl-baseline-quads", type=int, default=100_000)
    ap.add_argument("--shacl-limit", type=int, default=2000, help="article graphs our SHACL validates (0 = all)")
    ap.add_argument("--extract-limit", type=int, default=2000)
    ap.add_argument("--reps", type=int, default=10)
    ap.add_argument("--query-timeout", type=float, default=120, help="seconds per stored query stage")
    ap.add_argument("--query-mem-gib", type=float, default=8, help="address-space cap of a query stage")
    ap.add_argument("--increment", type=int, default=1000)
    ap.add_argument("--inmemory-max", type=int, default=20000, help="largest size built with graph.build.build in memory")
    ap.add_argument("--only", default="", help="comma-separated stage names to run (default: all)")
    ap.add_argument("--workdir", type=Path, default=None, help="scratch folder (default: a temp dir, removed)")
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--requery", type=Path, default=None, help="results JSON whose query stages to re-run (needs --workdir)")
    ap.add_argument("--requery-stages", default="query_union_store")
    a = ap.parse_args(argv)
    if a.requery:
        requery(a.requery, a.workdir, a)
        return 0
    RESULTS.mkdir(parents=True, exist_ok=True)
    date = dt.date.today().isoformat()
    base = a.workdir or Path(tempfile.mkdtemp(prefix="dantoc-bench-"))
    info = machine()
    try:
        for size in (int(x) for x in a.sizes.split(",")):
            work = base / str(size)
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir(parents=True)
            res = bench_size(size, work, a)
            res.update(date=date, machine=info, command="python -m benchmarks.run " + " ".join(argv or sys.argv[1:]))
            (RESULTS / f"{date}-{size}.json").write_text(json.dumps(res, indent=1, ensure_ascii=False), encoding="utf-8")
            (RESULTS / f"{date}-{size}.md").write_text(markdown(res), encoding="utf-8")
            print(markdown(res), file=sys.stderr)
            if not a.keep:
                shutil.rmtree(work, ignore_errors=True)
    finally:
        if a.workdir is None and not a.keep:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
