"""Proposed build path for large corpora: stream article graphs into an on-disk Oxigraph store in batches.

Why (measured in RESULTS.md): ``graph.build.build`` calls ``Store.bulk_extend`` once per article.  On
an in-memory store that costs ~1 ms, but on an on-disk (RocksDB) store each call writes and ingests
its own SST files: ~23-30 ms per article, which caps the whole build at ~40 articles/s whatever the
number of workers.  An in-memory store, in turn, holds ~50M quads at 100k articles (far over 4 GiB).
Here the parent gathers the workers' N-Quads and bulk-loads them every ``batch`` articles (~3 ms per
article), so memory stays flat (one batch plus RocksDB caches) and the parent keeps up with the workers.
Same rules as ``graph.build.build``: unreadable files are skipped with a reason, identical texts are one
article with both file names, and a re-built article replaces its named graph.

    python -m benchmarks.disk_build STORE_DIR INPUT... [--jobs 2] [--batch 500]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store

from graph.build import ARTICLE_SECONDS, BuildResult, _run
from graph.rdf.namespaces import DCTERMS


def build_to_disk(inputs: Iterable[Path], store: Store | str | os.PathLike[str], *, jobs: int | None = None,
                  batch: int = 500, progress: bool = False) -> BuildResult:
    """Build every report under ``inputs`` into ``store`` (a Store or a folder for an on-disk one)."""
    from graph.read import iter_inputs

    st = store if isinstance(store, Store) else Store(str(store))
    paths = [str(p) for p in iter_inputs(list(inputs))]
    jobs = jobs or min(os.cpu_count() or 1, 8)
    result = BuildResult(st)
    seen: dict[str, str] = {}
    pending: list[bytes] = []
    extra: list[Quad] = []
    started = time.perf_counter()

    def flush() -> None:
        if pending:
            st.bulk_load(b"".join(pending), format=RdfFormat.N_QUADS)
            pending.clear()
        if extra:
            st.extend(extra)
            extra.clear()

    for i, out in enumerate(_run(paths, jobs, ARTICLE_SECONDS), 1):
        if out.skipped:
            result.skipped.append((out.path, out.skipped))
        elif out.sha1 in seen:
            result.duplicates.append((out.path, seen[out.sha1]))
            g = NamedNode(out.graph)
            extra.append(Quad(g, DCTERMS.identifier, Literal(out.source), g))
        else:
            seen[out.sha1] = out.path
            g = NamedNode(out.graph)
            if st.contains_named_graph(g):  # a re-built article replaces its graph
                st.remove_graph(g)
            pending.append(out.nquads)
            result.articles += 1
            if len(pending) >= batch:
                flush()
        if progress and i % 1000 == 0:
            rate = i / (time.perf_counter() - started)
            print(f"\r{i}/{len(paths)} files, {rate:.0f}/s", end="", file=sys.stderr, flush=True)
    flush()
    st.flush()
    result.seconds = time.perf_counter() - started
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("inputs", nargs="+", type=Path)
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--batch", type=int, default=500)
    a = ap.parse_args(argv)
    r = build_to_disk(a.inputs, a.store, jobs=a.jobs, batch=a.batch, progress=sys.stderr.isatty())
    print(f"{r.articles} articles ({len(r.duplicates)} duplicates, {len(r.skipped)} skipped) in {r.seconds:.1f} s "
          f"-> {a.store}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
