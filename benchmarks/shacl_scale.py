"""SHACL at scale: pyshacl per article graph in worker processes, cross-article constraints as SPARQL.

Why: whole-graph pyshacl is linear-to-superlinear in the graph and holds it all in rdflib memory
(see ../shared/ENGINES.md).  Every article's named graph carries the shared nodes' triples it asserts,
so most constraints can be checked article by article.  Two things only the union can decide:
- a ``sh:maxCount`` exceeded by values coming from different articles (two dates for one document);
  checked here with one GROUP BY ... HAVING query per such property shape on the store;
- a ``sh:minCount``/``sh:class`` failure in one article that another article's triples satisfy;
  such per-article results are re-checked on the union of the focus node's triples.
Results are keyed (focus, path, constraint component, value) so they compare to whole-graph pyshacl.

    python -m benchmarks.shacl_scale STORE_DIR [--jobs 2] [--limit N]
"""

from __future__ import annotations

import argparse
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

Key = tuple[str, str, str, str]
_W: dict[str, Any] = {}
MONOTONE = {"MinCountConstraintComponent", "ClassConstraintComponent", "NodeConstraintComponent",
            "OrConstraintComponent", "QualifiedMinCountConstraintComponent"}


@dataclass
class ScaleReport:
    results: set[Key] = field(default_factory=set)
    graphs: int = 0
    per_article_seconds: float = 0.0
    cross_seconds: float = 0.0

    @property
    def conforms(self) -> bool:
        return not self.results


def _graph_of(quads: Any) -> Any:
    """An rdflib Graph of quads/triples, converted exactly as graph.validate converts a store."""
    import pyoxigraph as ox

    from graph.validate.load import quads_to_graph

    return quads_to_graph(ox.Quad(q.subject, q.predicate, q.object) for q in quads)


def results_of(report: Any) -> set[Key]:
    """(focus, path, component, value) of each sh:ValidationResult in a pyshacl results graph."""
    from rdflib import URIRef
    from rdflib.namespace import RDF, SH

    out = set()
    for r in report.subjects(RDF.type, SH.ValidationResult):
        comp = str(report.value(r, SH.sourceConstraintComponent) or "").rsplit("#", 1)[-1]
        path = report.value(r, SH.resultPath)
        pstr = str(path) if isinstance(path, URIRef) else ("" if path is None else "(complex path)")
        out.add((str(report.value(r, SH.focusNode)), pstr, comp, str(report.value(r, SH.value) or "")))
    return out


def cache_sparql_parsing() -> None:
    """Parse and translate each distinct SPARQL text once per process.

    pyshacl hands rdflib the text of a sh:sparql constraint for every focus node and rdflib re-parses
    it each time with pyparsing (~75% of per-article validation time, measured).  The translated
    algebra is not modified by evaluation, so caching it by (text, base, initNs) is safe.
    """
    from rdflib.plugins.sparql import processor

    if getattr(processor, "_dantoc_cached", False):
        return
    translate = processor.translateQuery
    parse = processor.parseQuery
    cache: dict[Any, Any] = {}

    def query(self: Any, strOrQuery: Any, initBindings: Any = None, initNs: Any = None, base: Any = None,
              DEBUG: bool = False) -> Any:
        if isinstance(strOrQuery, str):
            key = (strOrQuery, base, tuple(sorted((k, str(v)) for k, v in (initNs or {}).items())))
            hit = cache.get(key)
            if hit is None:
                hit = cache[key] = translate(parse(strOrQuery), base, initNs)
            strOrQuery = hit
        return processor.evalQuery(self.graph, strOrQuery, initBindings, base)

    processor.SPARQLProcessor.query = query
    processor._dantoc_cached = True


def _init(store_path: str) -> None:
    import pyoxigraph as ox

    from graph.validate import load_shapes, vocab_graph

    cache_sparql_parsing()
    _W["store"] = ox.Store.read_only(store_path)
    _W["shapes"] = load_shapes()
    _W["vocab"] = vocab_graph()


def _validate_graphs(names: list[str]) -> tuple[set[Key], float]:
    import pyoxigraph as ox
    import pyshacl

    store = _W["store"]
    out: set[Key] = set()
    t = time.perf_counter()
    for name in names:
        g = _graph_of(store.quads_for_pattern(None, None, None, ox.NamedNode(name)))
        g += _W["vocab"]
        _c, report, _ = pyshacl.validate(g, shacl_graph=_W["shapes"], inference="none", allow_warnings=True,
                                         allow_infos=True, inplace=True)
        out |= results_of(report)
    return out, time.perf_counter() - t


def _recheck(store: Any, keys: set[Key]) -> set[Key]:
    """Re-validate the focus nodes of monotone results on the union of their (1-hop) triples."""
    import pyoxigraph as ox
    import pyshacl

    from graph.validate import load_shapes, vocab_graph

    focus = {k[0] for k in keys if k[2] in MONOTONE and k[0].startswith("http")}
    if not focus:
        return keys
    triples = set()
    for f in focus:
        for q in store.quads_for_pattern(ox.NamedNode(f), None, None, None):
            triples.add(ox.Triple(q.subject, q.predicate, q.object))
            if isinstance(q.object, ox.NamedNode):
                for q2 in store.quads_for_pattern(q.object, None, None, None):
                    triples.add(ox.Triple(q2.subject, q2.predicate, q2.object))
    g = _graph_of(triples)
    g += vocab_graph()
    _c, report, _ = pyshacl.validate(g, shacl_graph=load_shapes(), inference="none", allow_warnings=True,
                                     allow_infos=True, inplace=True)
    still = {k for k in results_of(report) if k[0] in focus}
    return {k for k in keys if k[0] not in focus or k in still}


def max_count_queries(shapes: Any) -> list[tuple[str, str, int, str]]:
    """(class, path, maxCount, SPARQL) for every sh:maxCount on a simple path of a class-targeted shape."""
    from rdflib import URIRef
    from rdflib.namespace import SH

    out = []
    for shape, cls in shapes.subject_objects(SH.targetClass):
        for ps in shapes.objects(shape, SH.property):
            path, mx = shapes.value(ps, SH.path), shapes.value(ps, SH.maxCount)
            if isinstance(path, URIRef) and mx is not None and int(mx) > 0:
                # DISTINCT (s, o) across graphs first: a triple copied into many article graphs counts once,
                # and the class test is an EXISTS, not a join (a join multiplies the per-graph copies).
                q = (f"SELECT ?s (COUNT(?o) AS ?n) WHERE {{ {{ SELECT DISTINCT ?s ?o WHERE {{ GRAPH ?g {{ ?s <{path}> ?o }} }} }} "
                     f"FILTER EXISTS {{ GRAPH ?h {{ ?s a <{cls}> }} }} }} GROUP BY ?s HAVING (COUNT(?o) > {int(mx)})")
                out.append((str(cls), str(path), int(mx), q))
    return out


def cross_article(store: Any) -> set[Key]:
    """maxCount violations of the union graph (values asserted by different articles)."""
    from graph.validate import load_shapes

    out: set[Key] = set()
    for _cls, path, _mx, q in max_count_queries(load_shapes()):
        for row in store.query(q):
            out.add((row["s"].value, path, "MaxCountConstraintComponent", ""))
    return out


def _norm(keys: set[Key]) -> set[Key]:
    """maxCount results name no value in pyshacl either; drop values so both sides compare alike."""
    return {(f, p, c, "" if c == "MaxCountConstraintComponent" else v) for f, p, c, v in keys}


def validate_store(path: str, *, jobs: int = 2, limit: int | None = None, chunk: int = 50) -> ScaleReport:
    import pyoxigraph as ox

    store = ox.Store.read_only(str(path))
    names = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    if limit:
        names = names[:limit]
    rep = ScaleReport(graphs=len(names))
    t = time.perf_counter()
    chunks = [names[i:i + chunk] for i in range(0, len(names), chunk)]
    per: set[Key] = set()
    if jobs <= 1:
        _init(str(path))
        for c in chunks:
            per |= _validate_graphs(c)[0]
    else:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(str(path),)) as pool:
            for res, _dt in pool.map(_validate_graphs, chunks):
                per |= res
    per = _recheck(store, per)
    rep.per_article_seconds = time.perf_counter() - t
    t = time.perf_counter()
    cross = cross_article(store)
    rep.cross_seconds = time.perf_counter() - t
    rep.results = _norm(per) | _norm(cross)
    return rep


def whole_graph(path: str) -> set[Key]:
    """Reference: graph.validate.validate on the whole store (pyshacl on the union graph)."""
    import pyoxigraph as ox

    from graph.validate import validate

    return _norm(results_of(validate(ox.Store.read_only(str(path)), evidence=False).graph))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--compare", action="store_true", help="also run whole-graph pyshacl and compare results")
    a = ap.parse_args(argv)
    t = time.perf_counter()
    rep = validate_store(a.store, jobs=a.jobs, limit=a.limit or None)
    print(f"per-article+cross: {len(rep.results)} results on {rep.graphs} graphs in {time.perf_counter() - t:.1f} s "
          f"(per-article {rep.per_article_seconds:.1f} s, cross {rep.cross_seconds:.2f} s)")
    if a.compare:
        t = time.perf_counter()
        ref = whole_graph(a.store)
        print(f"whole-graph pyshacl: {len(ref)} results in {time.perf_counter() - t:.1f} s")
        print(f"agree: {ref == rep.results}; only whole-graph: {sorted(ref - rep.results)[:10]}; "
              f"only ours: {sorted(rep.results - ref)[:10]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
