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

from graph.serve.data import GraphData

DRAWN = {"person", "body", "document", "programme", "event", "place"}
# the two ends of the facts drawn as edges (projection.yaml's `collapse`), both ways; participations
# hang from their event and are looked up from it
FACT_ENDS = ("(org:member org:organization) (org:organization org:member) "
             "(dt:conferredBy dt:atEvent) (dt:atEvent dt:conferredBy)")
PROV_DERIVED = "http://www.w3.org/ns/prov#wasInfluencedBy"
DT_ATTESTATION = "https://w3id.org/dantoc-kg/def#attestation"
ARTICLE_KEEP = {"http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://schema.org/headline",
                "http://schema.org/datePublished", "http://purl.org/dc/terms/identifier"}
FACT_CLASSES = "org:Membership eli-dl:Participation dt:AwardConferral"



def _neighbours_query() -> str:
    """Things one drawn edge away: the projection's edge predicates both ways, the two ends of a
    membership or award, an event and its participants."""
    from graph.viz.project import load_projection

    edges = " ".join(e["predicate"] for e in load_projection()["edges"])
    return f"""SELECT DISTINCT ?n WHERE {{
      {{ VALUES ?p {{ {edges} }} ?this ?p ?n }} UNION {{ VALUES ?p {{ {edges} }} ?n ?p ?this }}
      UNION {{ VALUES (?q ?r) {{ {FACT_ENDS} }} ?f ?q ?this . ?f ?r ?n }}
      UNION {{ ?this eli-dl:had_participation ?f . ?f eli-dl:had_participant_person ?n }}
      UNION {{ ?f eli-dl:had_participant_person ?this . ?n eli-dl:had_participation ?f }}
      FILTER(isIRI(?n))
    }}"""


def _values(iris: set[str]) -> str:
    return " ".join(str(ox.NamedNode(i)) for i in sorted(iris))


def neighbourhood(data: GraphData, iri: str, depth: int, max_nodes: int) -> set[str]:
    """The drawn things within ``depth`` hops of ``iri`` (breadth first, at most ``max_nodes``)."""
    query = _neighbours_query()
    seen = {iri}
    frontier = [iri]
    for _ in range(depth):
        nxt: list[str] = []
        for node in frontier:
            for row in data.select(query, this=node):
                n = row["n"].value
                if n not in seen and data.kind(n) in DRAWN:
                    seen.add(n)
                    nxt.append(n)
                    if len(seen) >= max_nodes:
                        return seen
        frontier = nxt
    return seen


def _copy(data: GraphData, store: ox.Store, subjects: set[str], keep: Any = None) -> list[ox.Quad]:
    """Copy the triples of ``subjects`` (those passing ``keep``) into ``store``; return them."""
    if not subjects:
        return []
    rows = data.store.query(f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {_values(subjects)} }} ?s ?p ?o }}")
    quads = [ox.Quad(r["s"], r["p"], r["o"]) for r in rows]
    if keep is not None:
        quads = [q for q in quads if keep(q)]
    store.extend(quads)
    return quads


def substore(data: GraphData, nodes: set[str]) -> ox.Store:
    """The triples the projection reads about ``nodes``: their own, those of the facts (memberships,
    participations, awards) between two of them, the evidence sentences (at most
    ``MAX_OWN_EVIDENCE`` per thing, all for facts) and their articles, the concepts and periods used.
    Each step is a VALUES lookup by subject, so a hub with thousands of facts costs no more than
    its own triples."""
    from graph.viz.project import MAX_OWN_EVIDENCE

    store = ox.Store()
    values = _values(nodes)
    own = _copy(data, store, nodes, keep=lambda q: q.predicate.value != PROV_DERIVED)
    facts: set[str] = set()
    for r in data.select(f"""SELECT ?f ?b WHERE {{ VALUES ?a {{ {values} }} VALUES (?q ?r) {{ {FACT_ENDS} }}
            ?f ?q ?a . ?f ?r ?b }}"""):
        if r["b"].value in nodes:
            facts.add(r["f"].value)
    for r in data.select(f"""SELECT ?f ?b WHERE {{ VALUES ?a {{ {values} }}
            ?a eli-dl:had_participation ?f . ?f eli-dl:had_participant_person ?b }}"""):
        if r["b"].value in nodes:
            facts.add(r["f"].value)
    fact_quads = _copy(data, store, facts)
    sentences: set[str] = set()
    per_node: dict[str, list[str]] = {}
    for r in data.select(f"SELECT ?s ?e WHERE {{ VALUES ?s {{ {values} }} ?s prov:wasInfluencedBy ?e }}"):
        per_node.setdefault(r["s"].value, []).append(r["e"].value)
    for node, evs in per_node.items():
        chosen = sorted(evs)[:MAX_OWN_EVIDENCE]
        store.extend(ox.Quad(ox.NamedNode(node), ox.NamedNode(PROV_DERIVED), ox.NamedNode(e)) for e in chosen)
        sentences.update(chosen)
    sentences.update(q.object.value for q in fact_quads
                     if q.predicate.value == PROV_DERIVED and isinstance(q.object, ox.NamedNode))
    sentence_quads = _copy(data, store, sentences)
    articles = {q.object.value for q in sentence_quads if q.predicate.value.endswith("#referenceContext")}
    _copy(data, store, articles, keep=lambda q: q.predicate.value in ARTICLE_KEEP)
    used = {q.object.value for q in (*own, *fact_quads) if isinstance(q.object, ox.NamedNode)}
    concepts = {i for i in used if data.kind(i) == "concept"}
    _copy(data, store, concepts)
    # a tenure's reports (the edge's label and dates are theirs) and its interval
    _copy(data, store, {q.object.value for q in fact_quads if q.predicate.value == DT_ATTESTATION})
    periods = {q.object.value for q in fact_quads if q.predicate.value.endswith("memberDuring")}
    instants = {q.object.value for q in _copy(data, store, periods) if isinstance(q.object, ox.NamedNode)}
    _copy(data, store, instants)
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
