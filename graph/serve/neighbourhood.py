"""The relationship graph around one entity, without projecting the whole store.

``graph/viz/project.py`` projects a whole store, which takes seconds at 1k reports and minutes at 10k.
A graph view needs only a few hops, so the nodes within ``depth`` hops are found first (a hop is a
direct triple, or a membership / participation / award between two things), their triples, fact
nodes, evidence sentences and concepts are copied into a small in-memory store, and that store goes
through the same projection.  The picture is the one ``dantoc-kg viz --focus`` would draw.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import pyoxigraph as ox

from graph.serve.data import HEADER, GraphData

DRAWN = {"person", "body", "document", "programme", "event", "place"}
FACT_CLASSES = "org:Membership eli-dl:Participation dt:AwardConferral"

_NEIGHBOURS = f"""SELECT DISTINCT ?n WHERE {{
  {{ ?this ?p ?n }} UNION {{ ?n ?p ?this }}
  UNION {{ ?f ?p ?this . ?f ?q ?n . ?f a ?fc . VALUES ?fc {{ {FACT_CLASSES} }} }}
  UNION {{ ?this eli-dl:had_participation ?f . ?f eli-dl:had_participant_person ?n }}
  UNION {{ ?n eli-dl:had_participation ?f . ?f eli-dl:had_participant_person ?this }}
  FILTER(isIRI(?n))
}} LIMIT 2000"""


def _values(iris: set[str]) -> str:
    return " ".join(str(ox.NamedNode(i)) for i in sorted(iris))


def neighbourhood(data: GraphData, iri: str, depth: int, max_nodes: int) -> set[str]:
    """The drawn things within ``depth`` hops of ``iri`` (breadth first, at most ``max_nodes``)."""
    seen = {iri}
    frontier = [iri]
    for _ in range(depth):
        nxt: list[str] = []
        for node in frontier:
            for row in data.select(_NEIGHBOURS, this=node):
                n = row["n"].value
                if n not in seen and data.kind(n) in DRAWN:
                    seen.add(n)
                    nxt.append(n)
                    if len(seen) >= max_nodes:
                        return seen
        frontier = nxt
    return seen


def substore(data: GraphData, nodes: set[str]) -> ox.Store:
    """The triples the projection reads about ``nodes``: their own, their fact nodes', the evidence
    sentences and the articles they come from, and the concepts they use."""
    store = ox.Store()
    values = _values(nodes)
    queries = [
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ VALUES ?s {{ {values} }} ?s ?p ?o }}",
        f"""CONSTRUCT {{ ?f ?p ?o }} WHERE {{ VALUES ?n {{ {values} }} ?f ?q ?n . ?f a ?fc .
            VALUES ?fc {{ {FACT_CLASSES} }} ?f ?p ?o }}""",
        f"""CONSTRUCT {{ ?f ?p ?o }} WHERE {{ VALUES ?n {{ {values} }} ?n eli-dl:had_participation ?f . ?f ?p ?o }}""",
    ]
    for q in queries:
        store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in data.store.query(HEADER + q))
    things = {q.subject for q in store.quads_for_pattern(None, None, None, None)}
    if things:
        subjects = " ".join(str(t) for t in things if isinstance(t, ox.NamedNode))
        more = [
            f"""CONSTRUCT {{ ?e ?p ?o . ?a ?ap ?ao }} WHERE {{ VALUES ?s {{ {subjects} }} ?s prov:wasDerivedFrom ?e .
                ?e ?p ?o . OPTIONAL {{ ?e nif:referenceContext ?a . ?a ?ap ?ao
                VALUES ?ap {{ schema:headline schema:datePublished dcterms:identifier }} }} }}""",
            f"""CONSTRUCT {{ ?c ?p ?o }} WHERE {{ VALUES ?s {{ {subjects} }} ?s ?x ?c . ?c a skos:Concept ; ?p ?o }}""",
            f"""CONSTRUCT {{ ?t ?p ?o }} WHERE {{ VALUES ?s {{ {subjects} }} ?s org:memberDuring|time:inside ?t . ?t ?p ?o }}""",
        ]
        for q in more:
            store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in data.store.query(HEADER + q))
    return store


def neighbourhood_graph(data: GraphData, iri: str, depth: int, max_nodes: int) -> Any:
    """The projected graph (networkx) of ``iri``'s neighbourhood, focus set; None if not drawn."""
    from graph.viz.project import project

    if data.kind(iri) not in DRAWN:
        return None
    nodes = neighbourhood(data, iri, depth, max_nodes)
    g = project(substore(data, nodes))
    keep = [n for n in g.nodes if n in nodes]
    sub = g.subgraph(keep).copy()
    if iri not in sub:
        sub.add_node(iri, kind=data.kind(iri), iri=iri, label=data.label(iri), provinces=[], years=[],
                     facts=[], evidence=[])
    sub.graph["focus"] = iri
    return nx.MultiDiGraph(sub) if not isinstance(sub, nx.MultiDiGraph) else sub
