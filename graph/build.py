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
from graph.rdf.namespaces import DCTERMS, PREFIXES, RDF

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
    store: Store | None = None,
) -> BuildResult:
    """Build the graph of every report under ``inputs`` into ``store`` (in memory by default)."""
    from graph.read import iter_inputs

    paths = [str(p) for p in iter_inputs(list(inputs))]
    if not paths:
        raise UserError("no .txt or .html reports found in the inputs given")
    jobs = jobs or min(os.cpu_count() or 1, 8)
    result = BuildResult(store if store is not None else Store())
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
            graph_name = NamedNode(out.graph)
            result.store.remove_graph(graph_name) if result.store.contains_named_graph(graph_name) else None
            result.store.bulk_extend(parse(out.nquads, format=RdfFormat.N_QUADS))
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


def union_triples(store: Store) -> list:
    """The union of all named graphs as sorted, distinct triples (a deterministic Turtle/N-Triples export)."""
    from pyoxigraph import Triple

    triples = {Triple(q.subject, q.predicate, q.object) for q in store}
    return sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def write_union(store: Store, out: Path, fmt: RdfFormat = RdfFormat.TURTLE) -> None:
    """Write the union graph atomically (temp file in the same folder, then rename)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    data = serialize(union_triples(store), format=fmt, prefixes={k: v for k, v in PREFIXES.items() if k != "sh"})
    with open(tmp, "wb") as f:
        f.write(data or b"")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, out)


def write_dataset(store: Store, out: Path, fmt: RdfFormat = RdfFormat.TRIG) -> None:
    """Write every named graph (N-Quads/TriG), sorted, atomically."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    quads = sorted(store, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    data = serialize(quads, format=fmt, prefixes={k: v for k, v in PREFIXES.items() if k != "sh"}) \
        if fmt is RdfFormat.TRIG else serialize(quads, format=fmt)
    with open(tmp, "wb") as f:
        f.write(data or b"")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, out)


__all__ = ["RDF", "BuildResult", "build", "process_file", "union_triples", "write_dataset", "write_union"]
