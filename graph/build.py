"""The main job: read report files, extract facts, map them to RDF, write the graph.

Files are processed in parallel (processes: extraction is CPU-bound Python), each returning its
article's named graph as N-Quads, which the parent loads with Oxigraph's native parser.  A file that
cannot be read is skipped with its reason and the batch goes on; two files with the same text are
one article with both file names recorded.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store, parse, serialize

from graph.errors import UserError
from graph.rdf.namespaces import DCTERMS, RDF
from graph.store.kgstore import KGStore

KINDS = {
    "articles": "http://schema.org/NewsArticle",
    "bodies": "http://www.w3.org/ns/org#Organization",
    "people": "http://xmlns.com/foaf/0.1/Person",
    "positions held": "http://www.w3.org/ns/org#Membership",
    "legal documents": "http://data.europa.eu/eli/ontology#LegalResource",
    "programmes": "https://w3id.org/dantoc-kg/def#Programme",
    "events": "http://schema.org/Event",
    "figures": "http://purl.org/linked-data/cube#Observation",
    "evidence sentences": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Sentence",
}


@dataclass
class Outcome:
    source: str
    path: str
    sha1: str = ""
    graph: str = ""
    nquads: bytes = b""
    skipped: str | None = None


@dataclass
class BuildResult:
    store: Store
    articles: int = 0
    duplicates: list[tuple[str, str]] = field(default_factory=list)   # (file, same text as)
    skipped: list[tuple[str, str]] = field(default_factory=list)      # (file, reason)
    seconds: float = 0.0

    def counts(self) -> dict[str, int]:
        out = {}
        for label, cls in KINDS.items():
            q = f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a <{cls}> }}"
            out[label] = int(next(iter(self.store.query(q, use_default_graph_as_union=True)))["n"].value)
        return out


def process_file(path: str) -> Outcome:
    """Read, extract and map one file (runs in a worker process)."""
    from graph.extract.pipeline import extract_article
    from graph.rdf.mapping import build_article_graph
    from graph.read import ReadError, read_file
    from graph.resolve.gazetteer import Gazetteer
    from graph.resolve.orgs import guide_of, org_key, parent_of

    p = Path(path)
    try:
        article = read_file(p)
    except ReadError as exc:
        return Outcome(p.stem, path, skipped=exc.reason)
    except OSError as exc:
        return Outcome(p.stem, path, skipped=f"cannot read: {exc.strerror or exc}")
    gz = Gazetteer.default()
    try:
        facts = extract_article(article, gz)
        g = build_article_graph(article, facts, org_key=org_key, parent_of=parent_of,
                                place=lambda slug: gz.province(slug), guide_of=guide_of)
    except RecursionError as exc:  # a pathological text must not stop the batch
        return Outcome(p.stem, path, skipped=f"extraction failed: {exc.__class__.__name__}")
    data = serialize(g.quads, format=RdfFormat.N_QUADS)
    return Outcome(article.source, path, sha1=article.sha1, graph=g.iri.value, nquads=data or b"")


def _run(paths: list[str], jobs: int) -> Iterator[Outcome]:
    if jobs <= 1 or len(paths) < 8:
        for p in paths:
            yield process_file(p)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(process_file, paths, chunksize=max(1, min(64, len(paths) // (jobs * 8) or 1)))


def build(
    inputs: Iterable[Path],
    *,
    jobs: int | None = None,
    progress: bool = False,
    store: KGStore | None = None,
) -> BuildResult:
    """Build the graph of every report under ``inputs``.

    In memory by default; with ``store`` (an on-disk KGStore) each article's graph replaces its previous
    version there (a changed file replaces its old article, a re-run changes nothing), so a store grows
    by adding new reports without re-reading old ones.
    """
    from graph.read import ReadError, iter_inputs

    try:
        paths = [str(p) for p in iter_inputs(list(inputs))]
    except ReadError as exc:
        raise UserError(f"{exc.path}: {exc.reason}") from None
    if not paths:
        raise UserError("no .txt or .html reports found in the inputs given")
    jobs = jobs or min(os.cpu_count() or 1, 8)
    result = BuildResult(store.oxigraph if store is not None else Store())
    known = {} if store is None else _sources_by_article(store)
    seen: dict[str, str] = {}
    started = time.perf_counter()
    last = started
    for i, out in enumerate(_run(paths, jobs), 1):
        if out.skipped:
            result.skipped.append((out.path, out.skipped))
        elif out.sha1 in seen:
            result.duplicates.append((out.path, seen[out.sha1]))
            result.store.add(Quad(NamedNode(out.graph), DCTERMS.identifier, Literal(out.source), NamedNode(out.graph)))
        else:
            seen[out.sha1] = out.path
            quads = list(parse(out.nquads, format=RdfFormat.N_QUADS))
            if store is not None:
                # the same text known under other file names in an earlier run keeps those names
                older = known.get(out.graph, set()) - {out.source}
                graph_name = NamedNode(out.graph)
                quads += [Quad(graph_name, DCTERMS.identifier, Literal(name), graph_name) for name in sorted(older)]
                store.replace_article(out.graph, quads, sources={out.source})
            else:
                result.store.bulk_extend(quads)
            result.articles += 1
        now = time.perf_counter()
        if progress and (now - last > 1.0 or i == len(paths)):
            rate = i / (now - started)
            left = (len(paths) - i) / rate if rate else 0
            print(f"\r{i}/{len(paths)} files, {rate:.0f}/s, ~{left:.0f} s left", end="", file=sys.stderr, flush=True)
            last = now
    if progress:
        print(file=sys.stderr)
    result.seconds = time.perf_counter() - started
    return result


def _sources_by_article(store: KGStore) -> dict[str, set[str]]:
    return {info.iri: set(info.sources) for info in store.articles()}


def write_union(store: Store, out: Path, fmt: RdfFormat = RdfFormat.TURTLE) -> None:
    """The union of all article graphs, deterministic, written atomically (Turtle or N-Triples)."""
    _write(store, out, "turtle" if fmt is RdfFormat.TURTLE else "nt")


def write_dataset(store: Store, out: Path, fmt: RdfFormat = RdfFormat.TRIG) -> None:
    """Every article graph kept (TriG or N-Quads), deterministic, written atomically."""
    _write(store, out, "trig" if fmt is RdfFormat.TRIG else "nquads")


def _write(store: Store, out: Path, fmt: str) -> None:
    from graph.export.writers import atomic_write, serialize

    data = serialize(store.quads_for_pattern(None, None, None, None), fmt)
    try:
        atomic_write(out, lambda fh: fh.write(data))
    except OSError as exc:
        raise UserError(f"{out}: cannot write: {exc.strerror or exc}") from None


__all__ = ["RDF", "BuildResult", "build", "process_file", "write_dataset", "write_union"]
