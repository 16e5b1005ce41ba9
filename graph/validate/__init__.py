"""Check a graph against the profile (ontology/shapes.ttl) and say where each problem came from.

    report = validate(Path("out/graph.trig"))
    print(report.to_text())          # grouped by shape, with file name and evidence sentence
    report.conforms                  # False if any sh:Violation (warnings are allowed)

One engine everywhere: the shapes compiled to SPARQL and run by Oxigraph (graph.validate.compiled)
check files, stores, builds and the API alike, whatever their size; it reports what pySHACL reports
(tests/test_validate_compiled.py), and pySHACL (inference "none", no SHACL-AF) stays as that reference,
with ``engine="pyshacl"``.  Named graphs are validated as their union, showing one value where reports disagree
(graph.resolve.claims: the other values are claims kept in their article graphs), first copied into a
default graph: Oxigraph evaluates joins over the union of many named graphs far more slowly (minutes
at 2,000 articles).  The concept schemes (ontology/vocab/*.ttl) are mixed in by default, so a graph
that names a concept without copying it still validates.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
import rdflib

from graph.errors import UserError
from graph.validate.incremental import Tracker, stamp_of, stored_rows
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
    "kept_report",
    "load_graph",
    "load_schemes",
    "load_shapes",
    "report_from_rows",
    "tracker",
    "union_store",
    "validate",
    "validate_store",
    "vocab_added",
    "vocab_graph",
    "with_vocabulary_joined",
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


ENGINES = ("auto", "sparql", "pyshacl")


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
    ``engine``: "sparql" (the compiled engine), "pyshacl" (the reference), or "auto": the compiled
    engine, unless custom shapes use a SHACL feature it does not translate (then pySHACL).
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be {', '.join(ENGINES)}, not {engine!r}")
    if engine != "pyshacl":
        from graph.validate.compiled import Unsupported

        try:
            checks = _checks(shapes)
        except Unsupported:
            if engine == "sparql":
                raise
        else:
            store = union_store(data)
            return _run_compiled(store, checks, load_shapes(shapes), with_vocab=with_vocab, evidence=evidence)
    return _validate_pyshacl(data, shapes, with_vocab=with_vocab, evidence=evidence)


def _validate_pyshacl(data: DataInput, shapes: Path | str | rdflib.Graph | None, *, with_vocab: bool,
                      evidence: bool) -> Report:
    """The reference engine (Python, per focus node: minutes where the compiled engine takes seconds)."""
    import pyshacl

    shapes_graph = load_shapes(shapes)
    shown = _shown_union(data)   # article graphs: validated as the union that shows one value per claim
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


def union_store(data: DataInput) -> ox.Store:
    """A store of our own whose default graph holds the union of ``data``'s graphs (de-duplicated)."""
    from graph.store.files import load_dataset

    if isinstance(data, str | Path):
        store = load_dataset(Path(data))
        if not any(True for _ in store.named_graphs()):
            return store          # a triples file: already all in the default graph
        data = store
    elif isinstance(data, rdflib.Graph):
        store = ox.Store()
        store.load(data.serialize(format="nquads" if isinstance(data, rdflib.Dataset) else "nt").encode(),
                   format=ox.RdfFormat.N_QUADS)
        data = store
    elif not isinstance(data, ox.Store):
        raise TypeError(f"validate() takes an rdflib Graph, a pyoxigraph Store or a path, not {type(data)!r}")
    from graph.resolve.claims import has_named_graphs, shown_store

    if has_named_graphs(data):   # article graphs: the union that shows one value where reports disagree
        return shown_store(data)
    own = ox.Store()
    own.bulk_load(ox.serialize((q.triple for q in data), format=ox.RdfFormat.N_TRIPLES) or b"",
                  format=ox.RdfFormat.N_TRIPLES)
    return own


def _shown_union(data: DataInput) -> ox.Store | None:
    """For the reference engine: a store or TriG/N-Quads file of article graphs -> a store of their union
    as shown (:func:`union_store`); None for a single graph (a union file is already shown)."""
    from graph.resolve.claims import has_named_graphs

    if isinstance(data, str | Path):
        if not Path(data).name.lower().removesuffix(".gz").endswith((".trig", ".nq")) or not Path(data).is_file():
            return None
    elif not (isinstance(data, ox.Store) and has_named_graphs(data)):
        return None
    return union_store(data)


@contextmanager
def vocab_added(store: ox.Store) -> Iterator[None]:
    """The concept schemes in ``store``'s default graph for the block, then gone again (the triples the
    store already held stay): a build's union is validated with them, and written without them."""
    added = [q for q in (ox.Quad(s, p, o) for s, p, o in _vocab_triples()) if q not in store]
    store.extend(added)
    try:
        yield
    finally:
        for q in added:
            store.remove(q)


@lru_cache(maxsize=1)
def _vocab_triples() -> tuple[tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, ox.NamedNode | ox.BlankNode | ox.Literal],
                              ...]:
    # parsed by Oxigraph straight from the files: through rdflib and back it took 0.24 s of every checked build
    triples = {(q.subject, q.predicate, q.object): None
               for f in vocab_files() for q in ox.parse(path=str(f), format=ox.RdfFormat.TURTLE)}
    return tuple(triples)


@lru_cache(maxsize=4)
def _compiled(path: str, mtime: float) -> list:
    from graph.validate.compiled import compile_shapes

    return compile_shapes(_parse_shapes(path, mtime))


def _checks(shapes: Path | str | rdflib.Graph | None) -> list:
    """The compiled checks of a shapes file (cached per file version) or graph."""
    from graph.validate.compiled import compile_shapes

    if isinstance(shapes, rdflib.Graph):
        return compile_shapes(shapes)
    path = Path(shapes) if shapes is not None else default_shapes_path()
    if not path.is_file():
        raise UserError(f"{path}: no such shapes file")
    return _compiled(str(path.resolve()), path.stat().st_mtime)


def validate_store(
    store: ox.Store,
    shapes: Path | str | rdflib.Graph | None = None,
    *,
    per_graph: bool = False,
    with_vocab: bool = False,
    evidence: bool = True,
    union: bool = True,
) -> Report:
    """Validate a pyoxigraph store with the shapes compiled to SPARQL (graph.validate.compiled).

    ``per_graph``: each named (article) graph on its own, in one query per constraint; else the union.
    ``with_vocab`` adds the concept schemes to the store's default graph while the checks run.
    ``union=False`` reads the default graph only: a KGStore and an in-memory build's ``union`` keep the
    de-duplicated union there (the fast path; with ``union=True`` the store's graphs are first copied
    into one default graph of our own, see :func:`union_store`).
    Reports exactly what pySHACL reports (tests/test_validate_compiled.py), minutes faster at scale.
    """
    if union and not per_graph and any(True for _ in store.named_graphs()):
        store = union_store(store)
    if per_graph:
        store = with_vocabulary_joined(store)
    return _run_compiled(store, _checks(shapes), load_shapes(shapes), with_vocab=with_vocab, evidence=evidence,
                         per_graph=per_graph)


def prepare(shapes: Path | str | rdflib.Graph | None = None) -> None:
    """What a check of a store reads once per process (the shapes, their compiled checks, the concept
    schemes), read now: a build does it while its workers start, not after them (~0.2 s)."""
    load_shapes(shapes)
    _checks(shapes)
    _vocab_triples()


def validate_union_beside(store: ox.Store, first: Callable[[], object]) -> Report:
    """``validate_store(store, with_vocab=True, union=False, evidence=False)`` shared with a forked child
    that runs ``first`` (it sees the store as it is at the fork, before the concept schemes join it: a
    build's union is written there) and then takes queries of the check too, one at a time from a counter
    shared with this process, so the two cores share the check whatever each query costs.  ``first``
    failing (a UserError: the file cannot be written) is raised here once this process's share is done."""
    import multiprocessing

    from graph.validate.compiled import check_plan, collect_rows, evaluate_shared
    from graph.workers import Forked

    checks = _checks(None)   # compiled and the schemes read before the fork, so the child inherits them
    _vocab_triples()
    taken = multiprocessing.get_context("fork").Value("l", 0)

    def child() -> dict:
        first()
        with vocab_added(store):
            _plan, queries = check_plan(store, checks, union=False)
            return evaluate_shared(store, queries, taken, union=False)

    helper = Forked(child)
    try:
        with vocab_added(store):
            plan, queries = check_plan(store, checks, union=False)
            mine = evaluate_shared(store, queries, taken, union=False)
            theirs: dict = helper.result()  # type: ignore[assignment]
            rows = collect_rows(checks, plan, [mine[i] if i in mine else theirs[i] for i in range(len(queries))])
            return _report_of_rows(store, checks, rows, load_shapes(), evidence=False)
    finally:
        helper.stop()


def with_vocabulary_joined(store: ox.Store) -> ox.Store:
    """For per-article checks: each article graph joined with the concepts (and schemes) it refers to
    from the vocabulary graph, which holds them once per store (graph.store.vocabulary); the vocabulary
    graph itself is no article.  Each graph then holds what it held when it carried its own copies.
    A store without a vocabulary graph is returned as it is."""
    from graph.store import vocabulary

    if not store.contains_named_graph(vocabulary.VOCAB):
        return store
    out = ox.Store()
    out.bulk_extend(q for q in store if q.graph_name != vocabulary.VOCAB)
    for g in store.named_graphs():
        if isinstance(g, ox.NamedNode) and g != vocabulary.VOCAB:
            nodes = vocabulary.candidates(store, [g.value])
            out.extend(ox.Quad(t.subject, t.predicate, t.object, g) for t in vocabulary.triples_of(store, nodes))
    return out


def _run_compiled(store: ox.Store, checks: list, shapes_graph: rdflib.Graph, *, with_vocab: bool, evidence: bool,
                  per_graph: bool = False) -> Report:
    from graph.validate.compiled import check_rows

    with vocab_added(store) if with_vocab else nullcontext():
        rows = check_rows(store, checks, per_graph=per_graph, union=per_graph)
        return _report_of_rows(store, checks, rows, shapes_graph, evidence=evidence)


def tracker(kg: object) -> Tracker:
    """Follows what a build writes into a KGStore, to re-check only what can change (the profile's shapes)."""
    return Tracker(kg, _checks(None), load_shapes())


def report_from_rows(store: ox.Store, rows: list, *, evidence: bool = True) -> Report:
    """The report of stored or incremental rows (graph.validate.incremental) of the profile's checks."""
    return _report_of_rows(store, _checks(None), rows, load_shapes(), evidence=evidence)


def kept_report(kg: object, *, evidence: bool = True) -> Report | None:
    """The results a store folder keeps from its last build's check, if they are for these checks."""
    rows = stored_rows(kg.path, stamp_of(_checks(None)))  # type: ignore[attr-defined]
    return None if rows is None else report_from_rows(kg.oxigraph, rows, evidence=evidence)  # type: ignore[attr-defined]


def _report_of_rows(store: ox.Store, checks: list, rows: list, shapes_graph: rdflib.Graph, *,
                    evidence: bool) -> Report:
    """The readable report of the compiled engine's rows; the sh:ValidationReport graph only when asked for
    (``Report.to_turtle``).  A focus node's types are read from the store (all graphs) as they come."""
    from graph.validate.compiled import readable_results, report_graph

    types: dict[object, set] = {}

    def types_of(term: object) -> set:
        if term not in types:
            types[term] = {rdflib.URIRef(q.object.value) for q in store.quads_for_pattern(term, _TYPE, None, None)
                           if isinstance(q.object, ox.NamedNode)} if isinstance(term, ox.NamedNode | ox.BlankNode) else set()
        return types[term]

    results, conforms = readable_results(checks, rows, shapes_graph, types_of)
    focus = {r.focus_node for r in results}
    report = Report(conforms=conforms, results=results, data=_evidence_subgraph(store, focus) if evidence else None,
                    lookup=None if evidence else lambda nodes: _evidence_subgraph(store, nodes),
                    make_graph=lambda: report_graph(checks, rows))
    if evidence:
        report.attach_evidence()
    return report


_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _evidence_subgraph(store: ox.Store, nodes: set) -> rdflib.Graph:
    """Just enough of the store to name each offending node's kind, sentence and article: the node's own
    triples, its sentence and that sentence's article; for a node without a sentence of its own (an
    instant, a period) the same for up to ``_POINTERS`` nodes pointing to it, two hops back, as
    :func:`evidence_of` looks."""
    from graph.validate.load import quads_to_graph

    g = rdflib.Graph()
    has_own: dict[str, bool] = {}

    def describe(node: ox.NamedNode) -> bool:
        """Adds the node's triples and its evidence chain; True if it points to a sentence of its own."""
        if node.value in has_own:
            return has_own[node.value]
        todo: list[ox.NamedNode] = [node]
        for depth in range(3):      # node -> its sentence -> the sentence's article
            nxt = []
            for n in todo:
                if depth and n.value in has_own:
                    continue
                quads = list(store.quads_for_pattern(n, None, None, None))
                quads_to_graph(quads, g)
                links = [q.object for q in quads if isinstance(q.object, ox.NamedNode)
                         and q.predicate.value.endswith(_EVIDENCE_LINKS)]
                has_own[n.value] = bool(links)
                if depth < 2:
                    nxt += links
            todo = nxt
        return has_own[node.value]

    for node in (ox.NamedNode(str(n)) for n in nodes if isinstance(n, rdflib.URIRef)):
        frontier = [node]
        for _hop in range(3):       # the node itself, then up to two hops back along facts pointing to it
            if any([describe(n) for n in frontier]):
                break
            nxt = []
            for n in frontier:
                for q in itertools.islice(store.quads_for_pattern(None, None, n, None), _POINTERS):
                    if isinstance(q.subject, ox.NamedNode) and q.predicate.value != _RDF_TYPE:
                        quads_to_graph([q], g)
                        nxt.append(q.subject)
            frontier = nxt
    return g


_EVIDENCE_LINKS = ("wasInfluencedBy", "referenceContext")
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_POINTERS = 20   # nodes pointing to an evidence-less node that are followed for its evidence
