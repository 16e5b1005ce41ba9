"""The fast Turtle writer (N-Triples sorted as bytes) writes exactly what the term-sorting writer writes.

The build's ``--out x.ttl`` and ``export --store`` use :func:`graph.export.writers.union_turtle`; the
golden file (tests/test_golden.py) pins the seed graph's bytes.  Here: terms chosen to hit every branch
of the byte-level sort and of the term conversion, in any insertion order.
"""

from __future__ import annotations

import random
from pathlib import Path

import pyoxigraph as ox
import rdflib

from graph.build import build
from graph.export.writers import serialize, sorted_triples, turtle_bytes, turtle_from_ntriples, union_turtle
from graph.store.prefixes import PREFIXES

ROOT = Path(__file__).resolve().parent.parent
ID = "https://w3id.org/dantoc-kg/id/"
DT = "https://w3id.org/dantoc-kg/def#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _hostile_triples() -> list[ox.Triple]:
    n = ox.NamedNode
    a, a_char, a_slash = n(ID + "article/a"), n(ID + "article/a#char=1,2"), n(ID + "article/a/b")
    note, count, label = n(DT + "note"), n(DT + "count"), n("http://www.w3.org/2004/02/skos/core#prefLabel")
    b1, b10 = ox.BlankNode("b1"), ox.BlankNode("b10")
    objects: list[ox.NamedNode | ox.BlankNode | ox.Literal] = [
        ox.Literal("a>b"), ox.Literal("a b"), ox.Literal("a-b"), ox.Literal("a"), ox.Literal("a\"b\\c\nd"),
        ox.Literal("Ủy ban Dân tộc", language="vi"), ox.Literal("x", language="en"),
        ox.Literal("12", datatype=n(XSD + "integer")), ox.Literal("012x", datatype=n(XSD + "integer")),
        ox.Literal("-1.5", datatype=n(XSD + "decimal")), ox.Literal("true", datatype=n(XSD + "boolean")),
        ox.Literal("2024-01", datatype=n(XSD + "gYearMonth")), ox.Literal("<tag> & \"q\"", datatype=n(DT + "Odd")),
        a, a_char, a_slash, n("http://example.org/x>y".replace(">", "%3E")), b1, b10, RDF_TYPE,
    ]
    out = [ox.Triple(s, p, o) for s in (a, a_char, a_slash, b1, b10) for p in (note, label, RDF_TYPE)
           for o in objects]
    out += [ox.Triple(a, count, ox.Literal(str(i), datatype=n(XSD + "integer"))) for i in (1, 10, 2, -3)]
    out.append(ox.Triple(n("http://example.org/not%20prefixed"), n("urn:x:p"), ox.Literal("")))
    return out


def test_fast_writer_matches_the_term_sorting_writer_whatever_the_order() -> None:
    triples = _hostile_triples()
    expected = turtle_bytes(sorted_triples(triples), PREFIXES)
    rng = random.Random(7)
    for _ in range(3):
        rng.shuffle(triples)
        doubled = triples + triples[:5]                     # duplicates are written once
        got = turtle_from_ntriples(ox.serialize(doubled, format=ox.RdfFormat.N_TRIPLES) or b"", PREFIXES)
        assert got == expected
    back = rdflib.Graph().parse(data=expected.decode(), format="turtle")
    assert len(back) == len(set(triples))                  # and it is Turtle that means those triples


def test_build_union_holds_the_article_graphs_union_and_writes_like_serialize() -> None:
    result = build([ROOT / "seeds"], jobs=1)
    assert result.union is not None
    assert {q.triple for q in result.union} == {q.triple for q in result.store}
    assert not any(True for _ in result.union.named_graphs())
    assert union_turtle(result.union) == serialize(result.store, "turtle")


def test_empty_graph() -> None:
    assert turtle_from_ntriples(b"", PREFIXES) == turtle_bytes([], PREFIXES)
