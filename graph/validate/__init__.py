"""Check a graph against the profile (ontology/shapes.ttl) and say where each problem came from.

    report = validate(Path("out/graph.trig"))
    print(report.to_text())          # grouped by shape, with file name and evidence sentence
    report.conforms                  # False if any sh:Violation (warnings are allowed)

Uses pyshacl (the reference engine) with inference "none" and no SHACL-AF.  Files are parsed with
pyoxigraph; named graphs are validated as their union, showing one value where reports disagree
(graph.resolve.claims: the other values are claims kept in their article graphs).  The concept schemes (ontology/vocab/*.ttl)
are mixed in by default, so a graph that names a concept without copying it still validates.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
import pyshacl
import rdflib
from rdflib.namespace import SH

from graph.errors import UserError
from graph.validate.load import load_graph, store_to_graph, union_graph
from graph.validate.report import Evidence, Report, Result, evidence_of, results_from_graph
from graph.validate.sparql import run_sparql, split_sparql
from graph.validate.vocab import concept_iri, load_schemes, ontology_dir, vocab_files

__all__ = [
    "Evidence",
    "Report",
    "Result",
    "concept_iri",
    "default_shapes_path",
    "evidence_of",
    "load_graph",
    "load_schemes",
    "load_shapes",
    "validate",
    "vocab_graph",
]

DataInput = rdflib.Graph | ox.Store | Path | str


def default_shapes_path() -> Path:
    return ontology_dir() / "shapes.ttl"


@lru_cache(maxsize=8)
def _parse_shapes(path: str, mtime: float) -> rdflib.Graph:
    return load_graph(Path(path))


_SPLIT_CACHE: dict[int, tuple[rdflib.Graph, rdflib.Graph, list]] = {}


def _split(shapes: rdflib.Graph) -> tuple[rdflib.Graph, list]:
    """Core shapes for pyshacl + the SPARQL constraints we run ourselves (cached per shapes graph)."""
    hit = _SPLIT_CACHE.get(id(shapes))
    if hit is None or hit[0] is not shapes:
        core, constraints = split_sparql(shapes)
        hit = _SPLIT_CACHE[id(shapes)] = (shapes, core, constraints)
    return hit[1], hit[2]


def load_shapes(shapes: Path | str | rdflib.Graph | None = None) -> rdflib.Graph:
    """The shapes graph: given, or ontology/shapes.ttl (parsed once per file version)."""
    if isinstance(shapes, rdflib.Graph):
        return shapes
    path = Path(shapes) if shapes is not None else default_shapes_path()
    if not path.is_file():
        raise UserError(f"{path}: no such shapes file")
    return _parse_shapes(str(path.resolve()), path.stat().st_mtime)


@lru_cache(maxsize=1)
def _vocab() -> rdflib.Graph:
    g = rdflib.Graph()
    for f in vocab_files():
        load_graph(f, into=g)
    return g


def vocab_graph() -> rdflib.Graph:
    """All concept schemes (ontology/vocab/*.ttl) in one graph (shared: do not modify)."""
    return _vocab()


# above this many triples pySHACL (Python, per focus node) is replaced by the compiled engine
COMPILED_ABOVE = 200_000


def validate(
    data: DataInput,
    shapes: Path | str | rdflib.Graph | None = None,
    *,
    with_vocab: bool = True,
    evidence: bool = True,
    engine: str = "auto",
) -> Report:
    """Validate ``data`` (an rdflib Graph/Dataset, a pyoxigraph Store, or an RDF file path).

    ``with_vocab`` adds the concept schemes so skos:inScheme checks see them; ``evidence`` attaches
    to each result the article and sentence it came from.  Warnings do not make a graph non-conforming.
    """
    if engine not in {"auto", "pyshacl", "sparql"}:
        raise ValueError(f"engine must be auto, pyshacl or sparql, not {engine!r}")
    shown = _shown_union(data)   # article graphs: validated as the union that shows one value per claim
    if engine == "sparql" or (engine == "auto" and _size(data) > COMPILED_ABOVE):
        store = shown or (data if isinstance(data, ox.Store) else _as_store(data))
        return validate_store(store, shapes, with_vocab=with_vocab and store is not data, evidence=evidence)
    shapes_graph = load_shapes(shapes)
    if shown is not None:
        graph = store_to_graph(shown)
    elif isinstance(data, str | Path):
        graph = load_graph(data)  # our own copy: the vocabulary can go straight in
    elif isinstance(data, ox.Store):
        graph = store_to_graph(data)
    elif isinstance(data, rdflib.Graph):
        graph = union_graph(data)
        if with_vocab and graph is data:  # never modify the caller's graph
            graph = rdflib.Graph()
            for triple in data:
                graph.add(triple)
    else:
        raise TypeError(f"validate() takes an rdflib Graph, a pyoxigraph Store or a path, not {type(data)!r}")
    if with_vocab:  # (pyshacl's ont_graph is not mixed in without inference)
        for triple in _vocab():
            graph.add(triple)

    core_shapes, sparql_constraints = _split(shapes_graph)
    conforms, results_graph, _ = pyshacl.validate(
        graph,
        shacl_graph=core_shapes,
        inference="none",
        advanced=False,
        abort_on_first=False,
        allow_warnings=True,
        allow_infos=True,
        inplace=True,
    )
    if run_sparql(graph, sparql_constraints, results_graph):
        conforms = False
    report = Report(
        conforms=bool(conforms),
        results=results_from_graph(results_graph, shapes_graph, graph),
        graph=results_graph,
        data=graph,
    )
    if evidence:
        report.attach_evidence()
    return report


_QUAD_SUFFIXES = (".trig", ".nq")


def _shown_union(data: DataInput) -> ox.Store | None:
    """A store or TriG/N-Quads file of article graphs -> a store of their union as shown (one value where
    reports disagree: graph.resolve.claims); None for a single graph (a union file is already shown)."""
    from graph.resolve.claims import has_named_graphs, shown_store

    if isinstance(data, str | Path) and Path(data).name.lower().removesuffix(".gz").endswith(_QUAD_SUFFIXES) \
            and Path(data).is_file():
        data = _as_store(data)
    if isinstance(data, ox.Store) and has_named_graphs(data):
        return shown_store(data)
    return None


def _size(data: DataInput) -> int:
    if isinstance(data, ox.Store):
        return len(data)
    if isinstance(data, rdflib.Graph):
        return len(data)
    try:
        return Path(data).stat().st_size // 100     # ~100 bytes a triple in Turtle/N-Triples
    except OSError:
        return 0


def _as_store(data: DataInput) -> ox.Store:
    from graph.store.files import load_dataset

    if isinstance(data, str | Path):
        return load_dataset(Path(data))
    store = ox.Store()
    store.load(data.serialize(format="nquads" if isinstance(data, rdflib.Dataset) else "nt").encode(),
               format=ox.RdfFormat.N_QUADS)
    return store


@lru_cache(maxsize=4)
def _compiled(path: str, mtime: float) -> list:
    from graph.validate.compiled import compile_shapes

    return compile_shapes(_parse_shapes(path, mtime))


def validate_store(
    store: ox.Store,
    shapes: Path | str | None = None,
    *,
    per_graph: bool = False,
    with_vocab: bool = False,
    evidence: bool = True,
    union: bool = True,
) -> Report:
    """Validate a pyoxigraph store with the shapes compiled to SPARQL (graph.validate.compiled).

    ``per_graph``: each named (article) graph on its own, in one query per constraint; else the union.
    ``with_vocab`` adds the concept schemes to the store's default graph (only for a store of our own).
    ``union=False`` reads the default graph only: a KGStore keeps the de-duplicated union there.
    Reports exactly what pySHACL reports (tests/test_validate_compiled.py), minutes faster at scale.
    """
    from graph.validate.compiled import compile_shapes, run_checks

    if with_vocab:
        store.load(_vocab().serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES)
    path = Path(shapes) if isinstance(shapes, str | Path) else default_shapes_path()
    shapes_graph = load_shapes(path)
    checks = _compiled(str(path), path.stat().st_mtime) if path.exists() else compile_shapes(shapes_graph)
    results_graph = run_checks(store, checks, per_graph=per_graph, union=union)
    focus = {r for r in results_graph.objects(None, SH.focusNode)}
    data = _evidence_subgraph(store, focus)
    results = results_from_graph(results_graph, shapes_graph, data)
    report = Report(conforms=not any(r.severity == "Violation" for r in results), results=results,
                    graph=results_graph, data=data)
    if evidence:
        report.attach_evidence()
    return report


def _evidence_subgraph(store: ox.Store, nodes: set) -> rdflib.Graph:
    """Just enough of the store to name each offending node's kind, sentence and article."""
    from graph.validate.load import quads_to_graph

    g = rdflib.Graph()
    todo = [ox.NamedNode(str(n)) for n in nodes if isinstance(n, rdflib.URIRef)]
    seen: set[str] = set()
    for depth in range(3):      # node -> its sentence -> the sentence's article
        nxt = []
        for node in todo:
            if node.value in seen:
                continue
            seen.add(node.value)
            quads = list(store.quads_for_pattern(node, None, None, None))
            quads_to_graph(quads, g)
            if depth < 2:
                nxt += [q.object for q in quads if isinstance(q.object, ox.NamedNode)
                        and q.predicate.value.endswith(("wasInfluencedBy", "referenceContext"))]
        todo = nxt
    return g
