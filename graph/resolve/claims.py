"""Facts merged across reports as claims: which value the union shows when reports disagree.

Each article graph is one report's claim about the shared nodes it names (a body, person, post,
document, programme: graph/data/claims.yaml), with its evidence sentence (prov:wasInfluencedBy ->
nif:Sentence).  Where ontology/shapes.ttl allows one value (sh:maxCount 1; one per language for
sh:uniqueLang) and the reports state different ones, the union shows ONE value, chosen by this rule:

1. the value the most reports state (article graphs asserting it);
2. on a tie, the value of the earliest report (smallest schema:datePublished; undated reports last);
3. then the smallest value (its lexical form, then its N-Triples form).

The other values stay only in their reports' graphs; a losing skos:prefLabel becomes a skos:altLabel
of the node in the union (and an altLabel equal to the shown prefLabel is dropped: SKOS S13).  A
report that itself states two values is not a disagreement between reports: nothing is resolved
there, and validation reports it as the single-article problem it is.

The union carrying the shown values is: the Turtle/N-Triples an in-memory build or ``export`` writes
(:func:`shown_quads`), the default graph of an on-disk store (:func:`settle`: for the nodes a replaced or
removed article names, at once; for bulk-loaded articles, once after the build on the :func:`contested`
values), and the view ``validate``, ``query`` and ``push`` make of a TriG/N-Quads file
(:func:`shown_store`, graph.query.run.deduplicated_union).  queries/quality-disagreements.rq lists each
disagreement.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from graph.datafiles import load_yaml
from graph.store.prefixes import PREFIXES

_DATA = Path(__file__).resolve().parent.parent / "data" / "claims.yaml"
_SHAPES = Path(__file__).resolve().parent.parent.parent / "ontology" / "shapes.ttl"

RDF_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")
PREF_LABEL = ox.NamedNode(PREFIXES["skos"] + "prefLabel")
ALT_LABEL = ox.NamedNode(PREFIXES["skos"] + "altLabel")
DATE_PUBLISHED = ox.NamedNode(PREFIXES["schema"] + "datePublished")
DEFAULT = ox.DefaultGraph()

Term = ox.NamedNode | ox.BlankNode | ox.Literal
Pair = tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode]


def _expand(curie: str) -> str:
    prefix, _, local = curie.partition(":")
    return PREFIXES[prefix] + local


@lru_cache(maxsize=1)
def shared_classes() -> frozenset[str]:
    """The classes whose nodes several reports share (graph/data/claims.yaml), as IRIs."""
    with _DATA.open(encoding="utf-8") as fh:
        return frozenset(_expand(c) for c in load_yaml(fh)["shared_classes"])


@lru_cache(maxsize=1)
def functional() -> dict[str, dict[str, bool]]:
    """Property IRI -> {shared class IRI: one value per language (sh:uniqueLang) rather than one value}.

    Read from ontology/shapes.ttl: the property shapes with a plain IRI path and sh:maxCount 1 or
    sh:uniqueLang true, on a shape targeting a shared class."""
    store = ox.Store()
    store.load(path=str(_SHAPES), format=ox.RdfFormat.TURTLE)
    rows = store.query("""
        PREFIX sh: <http://www.w3.org/ns/shacl#>
        SELECT ?cls ?path ?max ?unique WHERE {
          ?shape sh:targetClass ?cls ; sh:property ?ps . ?ps sh:path ?path . FILTER(isIRI(?path))
          OPTIONAL { ?ps sh:maxCount ?max } OPTIONAL { ?ps sh:uniqueLang ?unique }
          FILTER(COALESCE(?max = 1, false) || COALESCE(?unique = true, false))
        }""")
    out: dict[str, dict[str, bool]] = defaultdict(dict)
    for row in rows:
        cls, path = row["cls"].value, row["path"].value
        if cls in shared_classes():
            one = row["max"] is not None and row["max"].value == "1"
            out[path][cls] = out[path].get(cls, True) and not one   # maxCount 1 anywhere: one value in all
    return dict(out)


@dataclass(frozen=True)
class Claim:
    """One value of a node's property and the article graphs that state it."""

    value: Term
    graphs: tuple[str, ...]


@dataclass(frozen=True)
class Disagreement:
    """Reports stating different values where the shapes allow one: the value shown and every claim."""

    node: ox.NamedNode | ox.BlankNode
    property: ox.NamedNode
    shown: Term
    claims: tuple[Claim, ...]

    @property
    def others(self) -> list[Term]:
        return [c.value for c in self.claims if c.value != self.shown]


class _Dates:
    """schema:datePublished of each article graph (its claim's date), read once."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.cache: dict[str, str] = {}

    def __call__(self, graph: str) -> str:
        if graph not in self.cache:
            g = ox.NamedNode(graph)
            dates = [q.object.value for q in self.store.quads_for_pattern(g, DATE_PUBLISHED, None, g)]
            self.cache[graph] = min(dates) if dates else "\uffff"     # undated reports come last
        return self.cache[graph]


def _value_key(value: Term) -> tuple[str, str]:
    return (value.value, str(value))


def choose(claims: dict[Term, set[str]], date_of: _Dates) -> Term:
    """The shown value: most reports, then the earliest report, then the smallest value."""
    return min(claims, key=lambda v: (-len(claims[v]), min(date_of(g) for g in claims[v]), _value_key(v)))


def _is_functional(store: ox.Store, node: ox.NamedNode | ox.BlankNode, prop: str) -> bool | None:
    """None: the property is not functional for this node's classes; else whether it is per language."""
    classes = functional().get(prop)
    if not classes:
        return None
    per_language = None
    for q in store.quads_for_pattern(node, RDF_TYPE, None, None):
        flag = classes.get(q.object.value)
        if flag is not None:
            per_language = flag if per_language is None else per_language and flag
    return per_language


def _decide(store: ox.Store, node: ox.NamedNode | ox.BlankNode, prop: ox.NamedNode,
            stated: dict[Term, set[str]], date_of: _Dates) -> list[Disagreement]:
    """The disagreements among ``stated`` (value -> article graphs), one per language when per language."""
    if len(stated) < 2:
        return []
    per_language = _is_functional(store, node, prop.value)
    if per_language is None:
        return []
    groups: dict[str, dict[Term, set[str]]] = defaultdict(dict)
    for value, graphs in stated.items():
        lang = (value.language or "") if per_language and isinstance(value, ox.Literal) else ""
        groups[lang][value] = graphs
    out = []
    for group in groups.values():
        if len(group) < 2:
            continue
        per_graph: dict[str, int] = defaultdict(int)
        for graphs in group.values():
            for g in graphs:
                per_graph[g] += 1
        if any(n > 1 for n in per_graph.values()):
            continue           # one report states two values: its own problem, left to validation
        shown = choose(group, date_of)
        claims = tuple(Claim(v, tuple(sorted(group[v]))) for v in sorted(group, key=_value_key))
        out.append(Disagreement(node, prop, shown, claims))
    return out


def _stated(quads: Iterable[ox.Quad]) -> dict[Pair, dict[Term, set[str]]]:
    """(node, property) -> value -> the article graphs stating it (the default graph is no report)."""
    out: dict[Pair, dict[Term, set[str]]] = defaultdict(lambda: defaultdict(set))
    for q in quads:
        if not isinstance(q.graph_name, ox.DefaultGraph):
            out[(q.subject, q.predicate)][q.object].add(q.graph_name.value)
    return out


def disagreements(store: ox.Store, pairs: Iterable[Pair] | None = None) -> list[Disagreement]:
    """Every disagreement between the store's article graphs, or only on ``pairs`` (node, property)."""
    date_of = _Dates(store)
    if pairs is None:
        stated: dict[Pair, dict[Term, set[str]]] = {}
        for prop in functional():
            stated.update(_stated(store.quads_for_pattern(None, ox.NamedNode(prop), None, None)))
    else:
        stated = {}
        for node, prop in pairs:
            stated.update(_stated(store.quads_for_pattern(node, prop, None, None)))
    out = []
    for (node, prop), values in stated.items():
        if len(values) > 1:
            out.extend(_decide(store, node, prop, values, date_of))
    return sorted(out, key=lambda d: (str(d.node), str(d.property), str(d.shown)))


def _changes(ds: Iterable[Disagreement], store: ox.Store) -> tuple[set[ox.Triple], set[ox.Triple]]:
    """Triples the shown union leaves out (other values; altLabels equal to a shown prefLabel) and adds
    (losing prefLabels as altLabels)."""
    drop: set[ox.Triple] = set()
    add: set[ox.Triple] = set()
    shown_pref: dict[object, set[Term]] = defaultdict(set)
    for d in ds:
        for value in d.others:
            drop.add(ox.Triple(d.node, d.property, value))
            if d.property == PREF_LABEL:
                add.add(ox.Triple(d.node, ALT_LABEL, value))
        if d.property == PREF_LABEL:
            shown_pref[d.node].add(d.shown)
    for node, prefs in shown_pref.items():
        for pref in prefs:
            alt = ox.Triple(node, ALT_LABEL, pref)
            add.discard(alt)
            if any(True for _ in store.quads_for_pattern(node, ALT_LABEL, pref, None)):
                drop.add(alt)
    return drop, add


def shown_quads(store: ox.Store) -> Iterator[ox.Quad]:
    """Every quad of the store, less the values the union does not show, plus the altLabels it adds:
    written as triples (Turtle, N-Triples), this is the union with one value per disagreement."""
    drop, add = _changes(disagreements(store), store)
    if not drop and not add:
        yield from store.quads_for_pattern(None, None, None, None)
        return
    predicates = {t.predicate for t in drop}
    for q in store.quads_for_pattern(None, None, None, None):
        if q.predicate in predicates and ox.Triple(q.subject, q.predicate, q.object) in drop:
            continue
        yield q
    for t in sorted(add, key=str):
        yield ox.Quad(t.subject, t.predicate, t.object)


def has_named_graphs(store: ox.Store) -> bool:
    return next(iter(store.named_graphs()), None) is not None


def shown_store(data: ox.Store) -> ox.Store:
    """A new store holding, in its default graph only, the shown union of ``data``'s graphs."""
    out = ox.Store()
    out.bulk_extend(ox.Quad(q.subject, q.predicate, q.object) for q in shown_quads(data))
    return out


def _fix(store: ox.Store, node: object, prop: ox.NamedNode, wanted: set[Term]) -> None:
    """Make the default graph hold exactly ``wanted`` as the values of (node, prop)."""
    have = {q.object for q in store.quads_for_pattern(node, prop, None, DEFAULT)}
    for value in have - wanted:
        store.remove(ox.Quad(node, prop, value))
    for value in wanted - have:
        store.add(ox.Quad(node, prop, value))


def settle(store: ox.Store, pairs: Iterable[Pair] | None = None, *, added_only: bool = False) -> list[Disagreement]:
    """Make the store's default graph (the de-duplicated union) show one value per disagreement.

    ``pairs``: the (node, property) pairs an added or removed article stated; each is re-resolved from
    the article graphs as they are now (a value no longer disputed comes back, a new dispute is
    settled); None: every disagreement (a fresh union).  ``added_only``: the articles were only added
    (nothing dropped), so a pair whose union still holds one value is settled already (a new claim of
    the shown value only adds to its count) and is not read again.  Returns the disagreements found."""
    if pairs is None:
        ds = disagreements(store)
        todo = {(d.node, d.property) for d in ds}
    else:
        todo = {(node, prop) for node, prop in pairs if prop.value in functional()}
        if added_only:
            todo = {(node, prop) for node, prop in todo if _holds_two(store, node, prop)}
        ds = disagreements(store, todo)
    by_pair = defaultdict(list)
    for d in ds:
        by_pair[(d.node, d.property)].append(d)
    labelled = set()
    for node, prop in todo:
        stated = {q.object for q in store.quads_for_pattern(node, prop, None, None)
                  if not isinstance(q.graph_name, ox.DefaultGraph)}
        wanted = stated - {v for d in by_pair.get((node, prop), ()) for v in d.others}
        _fix(store, node, prop, wanted)
        if prop == PREF_LABEL:
            labelled.add(node)
    for node in labelled:   # altLabels: the reports' own, the losing prefLabels, never a shown prefLabel
        losing = {v for d in by_pair.get((node, PREF_LABEL), ()) for v in d.others}
        shown = {q.object for q in store.quads_for_pattern(node, PREF_LABEL, None, DEFAULT)}
        stated = {q.object for q in store.quads_for_pattern(node, ALT_LABEL, None, None)
                  if not isinstance(q.graph_name, ox.DefaultGraph)}
        _fix(store, node, ALT_LABEL, (stated | losing) - shown)
    return ds


def contested(store: ox.Store) -> set[Pair]:
    """The (node, functional property) pairs whose default graph holds two values in one language: after
    articles were only added, exactly the pairs that may need settling (one value is settled already)."""
    props = " ".join(f"<{p}>" for p in sorted(functional()))
    # grouped, not a self-join of ?s ?p ?a . ?s ?p ?b: one scan of each property (6.9 s -> 0.9 s on a 5k store);
    # the default graph is a set, so two rows in a group are two values
    rows = store.query(f"SELECT ?s ?p WHERE {{ VALUES ?p {{ {props} }} ?s ?p ?o }} "
                       "GROUP BY ?s ?p (COALESCE(LANG(?o), '')) HAVING (COUNT(?o) > 1)")
    return {(row["s"], row["p"]) for row in rows}


def _holds_two(store: ox.Store, node: object, prop: ox.NamedNode) -> bool:
    values = store.quads_for_pattern(node, prop, None, DEFAULT)
    return next(values, None) is not None and next(values, None) is not None


def graph_pairs(store: ox.Store, graph: ox.NamedNode) -> set[Pair]:
    """The (node, functional property) pairs an article graph states (read before it is dropped)."""
    return {(q.subject, q.predicate) for prop in functional()
            for q in store.quads_for_pattern(None, ox.NamedNode(prop), None, graph)}


__all__ = ["Claim", "Disagreement", "choose", "contested", "disagreements", "functional", "graph_pairs",
           "has_named_graphs", "settle", "shared_classes", "shown_quads", "shown_store"]
