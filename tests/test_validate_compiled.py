"""The SPARQL-compiled SHACL engine reports exactly what pySHACL reports.

Compared on the seed graph, on the hand-written valid sample, and on broken graphs made from that
sample by removing a triple, adding a second value, or giving a literal the wrong datatype.  The
comparison key is (focus node, path, constraint component, severity): the facts a user acts on.
"""

from __future__ import annotations

import random
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import RDF, XSD, Literal, Namespace

from graph.build import build
from graph.validate import validate, validate_store

NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "shapes" / "valid.ttl"


def key_set(report) -> set[tuple]:
    return {(str(r.focus_node), r.path or "", r.constraint, r.severity) for r in report.results}


def both(g: rdflib.Graph) -> tuple[set, set]:
    reference = validate(g, evidence=False, engine="pyshacl")
    store = ox.Store()
    store.load(g.serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES)
    compiled = validate_store(store, with_vocab=True, evidence=False)
    assert compiled.conforms == reference.conforms
    return key_set(reference), key_set(compiled)


def test_seed_graph_same_results_and_per_article_mode_agrees() -> None:
    store = build([ROOT / "seeds"], jobs=1).store
    g = rdflib.Graph()
    for q in store:  # the union, as pySHACL sees a Turtle file
        g.parse(data=f"{q.subject} {q.predicate} {q.object} .", format="nt")
    reference, compiled = both(g)
    assert reference == compiled      # the seeds conform without warnings; the broken samples below give results
    per_article = validate_store(store, per_graph=True, evidence=False)
    assert key_set(per_article) == compiled


def _mutations(g: rdflib.Graph, n: int, seed: int) -> list[rdflib.Graph]:
    rng = random.Random(seed)
    # the article's own text and extent (nif:isString, its 0..len offsets) are left out of the draw: the NIF
    # substring check has its own tests (tests/test_standards.py), and the draw stays the one it always was
    ctx = set(g.subjects(RDF.type, NIF.Context))
    text_props = {NIF.isString, NIF.beginIndex, NIF.endIndex}
    triples = sorted((t for t in g if not (t[0] in ctx and t[1] in text_props)), key=lambda t: tuple(map(str, t)))
    out = []
    for i in range(n):
        m = rdflib.Graph()
        for t in g:
            m.add(t)
        s, p, o = rng.choice(triples)
        kind = i % 3
        if kind == 0:
            m.remove((s, p, o))                                       # a missing value
        elif kind == 1:
            m.add((s, p, Literal("giá trị thêm", lang="vi") if isinstance(o, Literal) else s))  # a second value
        else:
            m.remove((s, p, o))
            m.add((s, p, Literal(str(o), datatype=XSD.gYear) if isinstance(o, Literal) else Literal(str(o))))
        out.append(m)
    return out


@pytest.mark.parametrize("seed", range(3))
def test_broken_samples_same_results(seed: int) -> None:
    sample = rdflib.Graph().parse(SAMPLE)
    violated = 0
    for broken in _mutations(sample, 6, seed):
        reference, compiled = both(broken)
        assert reference == compiled, f"pySHACL only: {reference - compiled}\ncompiled only: {compiled - reference}"
        violated += any(k[3] == "Violation" for k in reference)
    assert violated >= 2, "the mutations must actually break the sample for the comparison to mean something"


def test_class_constraints_follow_subclasses_declared_in_the_data() -> None:
    """sh:class accepts an instance of a subclass (rdfs:subClassOf in the data graph, one or two steps)."""
    g = rdflib.Graph().parse(SAMPLE)
    org = rdflib.URIRef("http://www.w3.org/ns/org#Organization")
    typed = sorted({s for s in g.subjects(rdflib.RDF.type, org)
                    if any(g.subjects(None, s))}, key=str)   # bodies that some fact points at
    assert typed
    ex = rdflib.Namespace("http://example.org/")
    sub, subsub = ex.Board, ex.ProvincialBoard
    g.add((sub, rdflib.RDFS.subClassOf, org))
    g.add((subsub, rdflib.RDFS.subClassOf, sub))
    g.remove((typed[0], rdflib.RDF.type, org))
    g.add((typed[0], rdflib.RDF.type, subsub))                 # still an organisation, through two steps
    reference, compiled = both(g)
    assert reference == compiled
    clean_reference, _ = both(rdflib.Graph().parse(SAMPLE))
    assert reference == clean_reference                        # the subclass instance breaks nothing
    g.remove((subsub, rdflib.RDFS.subClassOf, sub))            # the chain broken: now a class violation
    reference, compiled = both(g)
    assert reference == compiled
    assert any(c.endswith("ClassConstraintComponent") for _f, _p, c, _s in reference - clean_reference)


def test_sh_disjoint_is_compiled_like_pyshacl() -> None:
    """A programme whose altLabel repeats its prefLabel (SKOS S13) is reported by both engines alike."""
    g = rdflib.Graph().parse(SAMPLE)
    skos = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
    prog = next(g.subjects(rdflib.RDF.type, rdflib.URIRef("https://w3id.org/dantoc-kg/def#Programme")))
    g.add((prog, skos.altLabel, g.value(prog, skos.prefLabel)))
    reference, compiled = both(g)
    assert reference == compiled
    assert any("Disjoint" in str(k) for k in reference), reference


SHARED_DEV = ROOT.parent / "shared" / "eval" / "dev"
VNTC_SAMPLE = Path("/tmp/v2k")
BROKEN = ROOT / "tests" / "data" / "broken"


def _built_union(folder: Path) -> rdflib.Graph:
    """The union of a build's article graphs, as a Turtle file of it holds."""
    union = build([folder], jobs=1).union
    assert union is not None and len(union) > 0
    g = rdflib.Graph()
    g.parse(data=union.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()), format="nt")
    return g


def test_dev_articles_same_results(tmp_path: Path) -> None:
    """The annotated dev articles (real provincial reports) give the same results on both engines."""
    import json

    if not SHARED_DEV.is_dir():
        pytest.skip("../shared/eval/dev is not here (a user's clone)")
    for f in sorted(SHARED_DEV.glob("*.json")):
        doc = json.loads(f.read_text(encoding="utf-8"))
        (tmp_path / f"{doc['id']}.txt").write_text(doc["text"], encoding="utf-8")
    reference, compiled = both(_built_union(tmp_path))
    assert reference == compiled, f"pySHACL only: {reference - compiled}\ncompiled only: {compiled - reference}"


def test_hostile_and_real_news_inputs_same_results(tmp_path: Path) -> None:
    """Broken files (control bytes, mojibake, UTF-16, CP1258, no date) and, where the corpus is here, real
    VNTC news articles (most about anything but ethnic affairs: the warnings the profile gives on them)."""
    import shutil

    for f in BROKEN.iterdir():
        if f.suffix in {".txt", ".html"}:
            shutil.copy(f, tmp_path / f.name)
    if VNTC_SAMPLE.is_dir():
        for f in sorted(VNTC_SAMPLE.glob("*.txt"))[::50]:     # 40 articles across the topics
            shutil.copy(f, tmp_path / f.name)
    reference, compiled = both(_built_union(tmp_path))
    assert reference == compiled, f"pySHACL only: {reference - compiled}\ncompiled only: {compiled - reference}"
    if VNTC_SAMPLE.is_dir():
        assert any(k[3] == "Warning" for k in reference), "the news articles must give results to compare"


def _readable(results: list) -> list[tuple]:
    return sorted((r.focus, r.path or "", r.value or "", r.message, r.severity, r.shape, r.shape_name, r.constraint,
                   str(r.focus_node)) for r in results)


@pytest.mark.parametrize("seed", range(2))
def test_results_read_from_rows_are_those_the_report_graph_gives(seed: int) -> None:
    """The compiled engine's readable results come straight from its rows; the sh:ValidationReport graph is
    made only for ``to_turtle``.  Read back the way pySHACL's graph is read, that graph gives the same
    results, every field (shape names under the focus node's class, paths, values, messages)."""
    from graph.validate import load_shapes, results_from_graph
    from graph.validate.load import store_to_graph

    sample = rdflib.Graph().parse(SAMPLE)
    seen = 0
    for broken in [*_mutations(sample, 12, seed), _built_union(BROKEN)]:
        store = ox.Store()
        store.load(broken.serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES)
        report = validate_store(store, with_vocab=True, evidence=False)
        assert report.graph is None and report.make_graph is not None     # not made until asked for
        shown = results_from_graph(report.make_graph(), load_shapes(), store_to_graph(store))
        assert _readable(shown) == _readable(report.results)
        seen += len(report.results)
        turtle = report.to_turtle()
        assert len(rdflib.Graph().parse(data=turtle, format="turtle")) > 0
    assert seen >= 10, "the graphs must give results for the comparison to mean something"


def test_value_shapes_under_sh_node_and_sh_or_are_checked_like_pyshacl() -> None:
    """A value shape made only of value tests (datatypes, patterns, classes, a value) compiles to one
    expression instead of nested EXISTS.  A figure's value (sh:or of three datatypes), its place (sh:or of
    dtsh:PlaceRef, itself an sh:or of classes, and a value), a period's start (sh:node dtsh:PartialDate)
    and an article's place, each given values of every awkward kind, are reported by both engines alike.
    (Well-formed values only: whether pySHACL sees an ill-formed lexical form such as "2021-13" as a
    gYearMonth depends on rdflib's global literal settings, which other tests change.)"""
    xsd = rdflib.Namespace("http://www.w3.org/2001/XMLSchema#")
    schema = rdflib.Namespace("http://schema.org/")
    sdmx_m = rdflib.Namespace("http://purl.org/linked-data/sdmx/2009/measure#")
    sdmx_d = rdflib.Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
    dcat = rdflib.Namespace("http://www.w3.org/ns/dcat#")
    sample = rdflib.Graph().parse(SAMPLE)
    sentence = next(s for s in sample.subjects(RDF.type, NIF.Sentence))
    awkward = [Literal("-1", datatype=xsd.integer), Literal("7"), Literal("3.5", datatype=xsd.decimal),
               Literal("1e3", datatype=xsd.double), Literal("2021", datatype=xsd.gYear),
               Literal("2021-03-01", datatype=xsd.date), Literal("2021-03", datatype=xsd.gYearMonth),
               rdflib.URIRef("https://w3id.org/dantoc-kg/def#unknownArea"), sentence]
    cases = [(p, s) for p in (sdmx_m.obsValue, sdmx_d.refArea, dcat.startDate, schema.contentLocation)
             for s in sorted(set(sample.subjects(p, None)), key=str)[:1]]
    assert len(cases) == 4, "the sample must hold each kind of value the test changes"
    reported: set[str] = set()
    for prop, node in cases:
        for value in awkward:
            g = rdflib.Graph().parse(SAMPLE)
            g.set((node, prop, value))
            reference, compiled = both(g)
            assert reference == compiled, \
                f"{prop} = {value!r}: pySHACL only {reference - compiled}, compiled only {compiled - reference}"
            reported |= {str(prop) for k in reference if k[0] == str(node) and k[3] == "Violation"}
    assert len(reported) == 4, f"each property must be broken by some value: {reported}"
