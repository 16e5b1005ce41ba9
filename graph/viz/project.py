"""Project the RDF graph onto a graph of relationships (networkx) for drawing and network analysis.

What becomes a node or an edge is data (``projection.yaml``); this module turns each entry into a
SPARQL query run by pyoxigraph, so a store of thousands of articles is projected without loading
it into Python objects first.  n-ary facts (memberships, participations, award conferrals) become
one labelled edge carrying the fact's date and evidence sentences.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox
import yaml

from graph.errors import UserError
from graph.text.normalize import ascii_fold, fold

PROJECTION_FILE = Path(__file__).with_name("projection.yaml")

_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE, ".turtle": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
    ".ntriples": ox.RdfFormat.N_TRIPLES, ".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS,
    ".nquads": ox.RdfFormat.N_QUADS, ".jsonld": ox.RdfFormat.JSON_LD, ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML, ".n3": ox.RdfFormat.N3,
}
_YEAR = re.compile(r"^(\d{4})")
MAX_EVIDENCE_PER_FACT = 3
MAX_OWN_EVIDENCE = 5


@lru_cache(maxsize=4)
def load_projection(path: str | None = None) -> dict[str, Any]:
    """The projection (``projection.yaml``) as a dict; cached because every command reads it."""
    with open(path or PROJECTION_FILE, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def kind_styles(projection: dict[str, Any] | None = None) -> dict[str, dict[str, str]]:
    """kind -> {name_vi, colour, shape, marker}, in legend order, ``other`` last."""
    proj = projection or load_projection()
    styles = {}
    for kind, spec in [*proj["kinds"].items(), ("other", proj["other_kind"])]:
        styles[kind] = {k: str(spec[k]) for k in ("name_vi", "colour", "shape", "marker")}
    return styles


# --------------------------------------------------------------------------- opening a source

def open_store(rdf_source: Any) -> ox.Store:
    """A pyoxigraph Store for a file (Turtle/N-Triples/TriG/N-Quads...), a store directory,
    an rdflib Graph/Dataset or a Store (returned as is)."""
    if isinstance(rdf_source, ox.Store):
        return rdf_source
    if _is_rdflib(rdf_source):
        return _store_from_rdflib(rdf_source)
    path = Path(rdf_source)
    if not path.exists():
        raise UserError(f"no such graph file or store: {path}")
    if path.is_dir():
        try:
            return ox.Store.read_only(str(path))
        except (OSError, ValueError) as exc:
            raise UserError(f"cannot open store directory {path}: {exc}") from exc
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(_FORMATS))
        raise UserError(f"unknown RDF file type {path.suffix!r} for {path} (expected one of {known})")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        raise UserError(f"cannot parse {path}: {exc}") from exc
    return store


def _is_rdflib(obj: Any) -> bool:
    return type(obj).__module__.startswith("rdflib")


def _store_from_rdflib(graph: Any) -> ox.Store:
    store = ox.Store()
    if hasattr(graph, "contexts") and type(graph).__name__ in {"Dataset", "ConjunctiveGraph"}:
        data, fmt = graph.serialize(format="nquads", encoding="utf-8"), ox.RdfFormat.N_QUADS
    else:
        data, fmt = graph.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES
    store.load(data, format=fmt)
    return store


# --------------------------------------------------------------------------- SPARQL helpers

@dataclass(frozen=True)
class Lit:
    """A literal cell: value, language tag (or ""), datatype IRI."""

    value: str
    lang: str = ""
    datatype: str = ""


def _py(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return Lit(term.value, term.language or "", term.datatype.value if term.datatype else "")
    return str(term)


class _Sparql:
    """Runs SELECTs over the union of all graphs with the projection's prefixes."""

    def __init__(self, store: ox.Store, prefixes: dict[str, str]) -> None:
        self.store = store
        self.prefixes = prefixes
        self.header = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in prefixes.items())

    def select(self, body: str) -> list[tuple[Any, ...]]:
        try:
            result = self.store.query(self.header + body, use_default_graph_as_union=True)
        except SyntaxError as exc:  # a broken projection.yaml entry: a developer error, say where
            raise ValueError(f"bad SPARQL generated from projection.yaml: {exc}\n{body}") from exc
        names = [v.value for v in result.variables]
        return [tuple(_py(row[n]) for n in names) for row in result]

    def expand(self, curie: str) -> str:
        prefix, _, local = curie.partition(":")
        return self.prefixes[prefix] + local


def _values(curies: Iterable[str]) -> str:
    return " ".join(curies)


def _pick_label(literals: list[Lit]) -> str | None:
    """Vietnamese first, then untagged, then anything; shortest-first ties are not wanted, so the
    first in a stable (sorted) order wins."""
    if not literals:
        return None
    def rank(lit: Lit) -> tuple[int, str]:
        return (0 if lit.lang == "vi" else 1 if not lit.lang else 2, lit.value)

    ranked = sorted(literals, key=rank)
    return ranked[0].value


def iri_tail(iri: str) -> str:
    """Last readable piece of an IRI, for nodes without a label."""
    return re.split(r"[/#]", iri.rstrip("/#"))[-1] or iri


def _year(value: Any) -> int | None:
    if isinstance(value, Lit):
        m = _YEAR.match(value.value)
        if m:
            return int(m.group(1))
    return None


# --------------------------------------------------------------------------- the projection

def project(rdf_source: Any, projection: dict[str, Any] | None = None) -> nx.MultiDiGraph:
    """The whole relationship graph of a source, before any focus or filter."""
    proj = projection or load_projection()
    store = open_store(rdf_source)
    q = _Sparql(store, proj["prefixes"])
    g = nx.MultiDiGraph()

    # 1. nodes and their kinds (first listed kind wins for an entity typed twice)
    for kind, spec in proj["kinds"].items():
        cls = _values(spec["classes"])
        for (s,) in q.select(f"SELECT DISTINCT ?s WHERE {{ VALUES ?c {{ {cls} }} ?s a ?c }}"):
            if s not in g:
                g.add_node(s, kind=kind, iri=s, label=None, provinces=[], years=[], facts=[], evidence=[])

    # 2. labels
    for kind, spec in proj["kinds"].items():
        _fill_labels(q, g, kind, spec["classes"], spec["label"])
    for n, data in g.nodes(data=True):
        if not data["label"]:
            data["label"] = iri_tail(n)

    # 3. provinces
    place_label = {n: d["label"] for n, d in g.nodes(data=True) if d["kind"] == "place"}
    province_of_place = _province_of_places(q, g, proj)
    provinces: dict[str, set[str]] = defaultdict(set)
    for kind, spec in proj["kinds"].items():
        cls = _values(spec["classes"])
        for path in spec["province"]:
            if path == "<self>":
                rows = [(n, n) for n, d in g.nodes(data=True) if d["kind"] == kind]
            else:
                rows = q.select(
                    f"SELECT DISTINCT ?s ?p WHERE {{ VALUES ?c {{ {cls} }} ?s a ?c ; {path} ?p }}"
                )
            for s, place in rows:
                prov = province_of_place.get(place)
                if s in g and prov:
                    provinces[s].add(prov)
    prefix = proj["place_prefix"]
    id_base = proj["prefixes"]["id"]
    for n in g.nodes:
        if not provinces[n] and n.startswith(id_base):  # IRI scope: id:person/{province}/...
            parts = n[len(id_base):].split("/")
            if len(parts) > 2 and (prefix + parts[1]) in province_of_place:
                provinces[n].add(province_of_place[prefix + parts[1]])
        g.nodes[n]["provinces"] = sorted(place_label.get(p, iri_tail(p)) for p in provinces[n])

    # 4. years: the node's own dates and the publication year of the articles it comes from
    years: dict[str, set[int]] = defaultdict(set)
    for spec in proj["kinds"].values():
        cls = _values(spec["classes"])
        for path in spec["years"]:
            query = f"SELECT DISTINCT ?s ?d WHERE {{ VALUES ?c {{ {cls} }} ?s a ?c ; {path} ?d }}"
            for s, d in q.select(query):
                if (y := _year(d)) and s in g:
                    years[s].add(y)
    for s, d in q.select(
        "SELECT DISTINCT ?s ?d WHERE { ?s prov:wasInfluencedBy/nif:referenceContext/schema:datePublished ?d }"
    ):
        if (y := _year(d)) and s in g:
            years[s].add(y)

    # 5. evidence sentences of every subject (entities and n-ary facts alike)
    evidence = _evidence(q)
    for n, data in g.nodes(data=True):
        data["evidence"] = evidence.get(n, [])[:MAX_OWN_EVIDENCE]

    # 6. plain edges
    strong_pairs: set[frozenset[str]] = set()
    weak: list[tuple[str, str, dict[str, Any]]] = []
    for spec in proj["edges"]:
        for s, o in q.select(f"SELECT DISTINCT ?s ?o WHERE {{ ?s {spec['predicate']} ?o }}"):
            if s not in g or o not in g or s == o:
                continue
            u, v = (o, s) if spec.get("reverse") else (s, o)
            attrs = {"label": spec["label"], "edge_kind": spec["predicate"], "dates": [],
                     "evidence": _shared_evidence(evidence, s, o)}
            if spec.get("weak"):
                weak.append((u, v, attrs))
            else:
                g.add_edge(u, v, **attrs)
                strong_pairs.add(frozenset((u, v)))

    # 7. n-ary facts collapsed to one edge each (same pair + same label: merged, dates pooled)
    merged: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for spec in proj["collapse"].values():
        for u, v, attrs in _collapse(q, g, spec, proj, evidence):
            key = (u, v, spec["edge_kind"], attrs["label"])
            if key in merged:
                old = merged[key]
                old["dates"] = sorted(set(old["dates"]) | set(attrs["dates"]))
                old["evidence"] = _dedupe(old["evidence"] + attrs["evidence"])[:MAX_EVIDENCE_PER_FACT]
                old["facts"].extend(attrs["facts"])
            else:
                merged[key] = attrs
            for d in attrs["dates"]:
                if (y := _year(Lit(d))) is not None:
                    years[u].add(y)
                    years[v].add(y)
    for (u, v, _, _), attrs in sorted(merged.items()):
        g.add_edge(u, v, **attrs)
        strong_pairs.add(frozenset((u, v)))
    for u, v, attrs in weak:
        if frozenset((u, v)) not in strong_pairs:
            g.add_edge(u, v, **attrs)

    for n in g.nodes:
        g.nodes[n]["years"] = sorted(years[n])
    _attach_facts(g)
    return g


def _fill_labels(
    q: _Sparql, g: nx.MultiDiGraph, kind: str, classes: list[str], predicates: list[str]
) -> None:
    cls = _values(classes)
    for pred in predicates:
        found: dict[str, list[Lit]] = defaultdict(list)
        rows = q.select(f"SELECT DISTINCT ?s ?l WHERE {{ VALUES ?c {{ {cls} }} ?s a ?c ; {pred} ?l }}")
        for s, lit in rows:
            if isinstance(lit, Lit) and s in g and g.nodes[s]["kind"] == kind and not g.nodes[s]["label"]:
                found[s].append(lit)
        for s, lits in found.items():
            g.nodes[s]["label"] = _pick_label(lits)


def _province_of_places(q: _Sparql, g: nx.MultiDiGraph, proj: dict[str, Any]) -> dict[str, str]:
    """place IRI -> its province's IRI (a province is its own; a district's is found by a
    containment predicate or, failing that, by the id:place/{province}/{district} IRI scheme)."""
    out: dict[str, str] = {}
    for (p,) in q.select("SELECT DISTINCT ?p WHERE { ?p a dt:Province }"):
        out[p] = p
    within = proj["district_province"]
    query = f"SELECT DISTINCT ?d ?p WHERE {{ ?d a dt:District . OPTIONAL {{ ?d {within} ?p }} }}"
    for d, p in q.select(query):
        if p and p in out:
            out[d] = p
        elif d.startswith(proj["place_prefix"]):
            parent = proj["place_prefix"] + d[len(proj["place_prefix"]):].split("/")[0]
            out[d] = parent
    return out


def _evidence(q: _Sparql) -> dict[str, list[dict[str, str]]]:
    """subject IRI -> [{sentence, article, headline}] from prov:wasInfluencedBy sentences."""
    articles: dict[str, dict[str, Any]] = defaultdict(lambda: {"ids": set(), "headline": "", "date": ""})
    for art, ident, head, date in q.select(
        "SELECT DISTINCT ?a ?id ?h ?d WHERE { { ?a a schema:NewsArticle } UNION { ?a a nif:Context } "
        "OPTIONAL { ?a dcterms:identifier ?id } OPTIONAL { ?a schema:headline ?h } "
        "OPTIONAL { ?a schema:datePublished ?d } }"
    ):
        info = articles[art]
        if isinstance(ident, Lit):
            info["ids"].add(ident.value)
        if isinstance(head, Lit) and (not info["headline"] or head.lang == "vi"):
            info["headline"] = head.value
        if isinstance(date, Lit):
            info["date"] = date.value
    out: dict[str, list[dict[str, str]]] = defaultdict(list)
    seen: set[tuple[str, str]] = set()
    rows = q.select(
        "SELECT DISTINCT ?s ?sent ?text ?art WHERE { ?s prov:wasInfluencedBy ?sent . "
        "OPTIONAL { ?sent nif:anchorOf ?text } OPTIONAL { ?sent nif:referenceContext ?art } }"
    )
    for s, sent, text, art in sorted(rows, key=lambda r: (r[0], _char_start(r[1]), str(r[1]))):
        if (s, sent) in seen or not isinstance(text, Lit):
            continue
        seen.add((s, sent))
        art = art or (sent.split("#", 1)[0] if isinstance(sent, str) else "")
        info = articles.get(art, {"ids": set(), "headline": "", "date": ""})
        out[s].append({
            "sentence": text.value, "sentence_iri": sent,
            "article": ", ".join(sorted(info["ids"])) or iri_tail(art),
            "headline": info["headline"], "date": info["date"],
        })
    return out


def _char_start(iri: Any) -> int:
    m = re.search(r"#char=(\d+)", str(iri))
    return int(m.group(1)) if m else 0


def _dedupe(items: list[dict[str, str]]) -> list[dict[str, str]]:
    seen, out = set(), []
    for item in items:
        if item["sentence_iri"] not in seen:
            seen.add(item["sentence_iri"])
            out.append(item)
    return out


def _shared_evidence(evidence: dict[str, list[dict[str, str]]], a: str, b: str) -> list[dict[str, str]]:
    """Sentences that are evidence for both ends: the best support a plain triple has."""
    b_sents = {e["sentence_iri"] for e in evidence.get(b, [])}
    return [e for e in evidence.get(a, []) if e["sentence_iri"] in b_sents][:MAX_EVIDENCE_PER_FACT]


def _collapse(
    q: _Sparql, g: nx.MultiDiGraph, spec: dict[str, Any], proj: dict[str, Any],
    evidence: dict[str, list[dict[str, str]]],
) -> list[tuple[str, str, dict[str, Any]]]:
    cls = spec["class"]
    source, target = spec["source"], spec["target"]
    ends = q.select(f"SELECT DISTINCT ?f ?u ?v WHERE {{ ?f a {cls} ; {source} ?u ; {target} ?v }}")
    if not ends:
        return []
    texts: dict[str, list[Lit]] = defaultdict(list)
    for path in spec.get("label") or []:
        found: dict[str, list[Lit]] = defaultdict(list)
        for f, lit in q.select(f"SELECT DISTINCT ?f ?l WHERE {{ ?f a {cls} ; {path} ?l }}"):
            if isinstance(lit, Lit):
                found[f].append(lit)
        for f, lits in found.items():
            texts.setdefault(f, lits)  # the first path that says something wins
    concepts: dict[str, str] = {}
    if spec.get("concept"):
        by_concept: dict[str, list[Lit]] = defaultdict(list)
        rows = q.select(
            f"SELECT DISTINCT ?f ?c ?l WHERE {{ ?f a {cls} ; {spec['concept']} ?c . "
            "OPTIONAL { ?c skos:prefLabel ?l } }"
        )
        for f, c, lit in rows:
            if isinstance(lit, Lit):
                by_concept[f].append(lit)
            concepts.setdefault(f, c)
        roles = proj.get("role_labels", {})
        for f, c in list(concepts.items()):
            vi = [lit for lit in by_concept.get(f, []) if lit.lang in {"vi", ""}]
            tail = iri_tail(str(c))
            concepts[f] = _pick_label(vi) or roles.get(tail, tail.replace("-", " "))
    dates: dict[str, set[str]] = defaultdict(set)
    if spec.get("date"):
        for f, d in q.select(f"SELECT DISTINCT ?f ?d WHERE {{ ?f a {cls} ; {spec['date']} ?d }}"):
            if isinstance(d, Lit):
                dates[f].add(d.value)
    out = []
    for f, u, v in ends:
        if u not in g or v not in g or u == v:
            continue
        words = _pick_label(texts.get(f, [])) or concepts.get(f) or ""
        fixed = spec.get("fixed")
        label = f"{fixed}: {words}" if fixed and words else (fixed or words or spec["edge_kind"])
        out.append((u, v, {
            "label": label, "edge_kind": spec["edge_kind"], "dates": sorted(dates.get(f, ())),
            "evidence": evidence.get(f, [])[:MAX_EVIDENCE_PER_FACT], "facts": [f],
        }))
    return out


def _attach_facts(g: nx.MultiDiGraph) -> None:
    """Each node lists the relations it takes part in, with their evidence: what the side panel
    and the static picture's captions show."""
    for n in g.nodes:
        g.nodes[n]["facts"] = []
    for u, v, data in g.edges(data=True):
        for me, other, direction in ((u, v, "out"), (v, u, "in")):
            g.nodes[me]["facts"].append({
                "relation": data["label"], "direction": direction, "other": other,
                "other_label": g.nodes[other]["label"], "dates": data.get("dates", []),
                "evidence": data.get("evidence", []),
            })
    for n in g.nodes:
        g.nodes[n]["facts"].sort(key=lambda f: (f["direction"], f["relation"], f["other_label"]))
        g.nodes[n]["province"] = g.nodes[n]["provinces"][0] if g.nodes[n]["provinces"] else None


# --------------------------------------------------------------------------- focus and filters

KIND_ALIASES = {
    "nguoi": "person", "people": "person", "persons": "person", "co-quan": "body", "bodies": "body",
    "org": "body", "organization": "body", "organisation": "body", "van-ban": "document",
    "documents": "document",
    "doc": "document", "chuong-trinh": "programme", "program": "programme", "programmes": "programme",
    "su-kien": "event", "events": "event", "dia-ban": "place", "places": "place", "province": "place",
}


def normalise_kinds(kinds: Iterable[str] | None, projection: dict[str, Any] | None = None) -> set[str] | None:
    """User kind names (English, Vietnamese, plural, comma lists) -> projection kinds."""
    if not kinds:
        return None
    known = set((projection or load_projection())["kinds"]) | {"other"}
    out: set[str] = set()
    for item in kinds:
        for word in str(item).split(","):
            key = ascii_fold(word.strip()).replace(" ", "-")
            if not key:
                continue
            kind = key if key in known else KIND_ALIASES.get(key) or KIND_ALIASES.get(key.rstrip("s"))
            if kind is None:
                raise UserError(f"unknown kind {word.strip()!r} (known: {', '.join(sorted(known))})")
            out.add(kind)
    return out or None


def _match_score(query: str, label: str) -> int:
    fq, fl = fold(query), fold(label)
    aq, al = ascii_fold(query), ascii_fold(label)
    if fq == fl:
        return 100
    if aq == al:
        return 90
    if fl.startswith(fq) or fl.endswith(fq):
        return 70
    if fq in fl:
        return 60
    if aq in al:
        return 50
    qt, lt = set(aq.split()), set(al.split())
    if qt and qt <= lt:
        return 40
    common = len(qt & lt)
    return 10 * common // max(len(qt), 1) if common else 0


def find_node(g: nx.Graph, name: str) -> str | None:
    """Best node for a name typed by a user: exact IRI, then exact/folded/partial label match;
    ties go to the better-connected node (the one a reader most likely means)."""
    if name in g:
        return name
    best, best_key = None, (0, 0, "")
    for n, data in g.nodes(data=True):
        score = _match_score(name, data.get("label") or "")
        if score <= 0:
            continue
        key = (score, g.degree(n), n)
        if best is None or key[:2] > best_key[:2] or (key[:2] == best_key[:2] and key[2] < best_key[2]):
            best, best_key = n, key
    return best


def _province_matches(wanted: str, provinces: list[str]) -> bool:
    w = ascii_fold(wanted).replace("-", " ").strip()
    return any(ascii_fold(p) == w for p in provinces)


def filter_graph(
    g: nx.MultiDiGraph, *, focus: str | None = None, depth: int = 2, kinds: Iterable[str] | None = None,
    province: str | None = None, year: int | None = None,
) -> nx.MultiDiGraph:
    """The part of ``g`` a reader asked for.

    focus: ego network (``depth`` hops, either direction) around the best name match.
    kinds/province/year: keep matching nodes; nodes that carry no province (national bodies,
    programmes) or no year are kept when linked to a kept node, so context is not lost.
    The focus node always stays.
    """
    center = None
    if focus:
        center = find_node(g, focus)
        if center is None:
            raise UserError(f"no node matches {focus!r}; try a shorter part of the name")
        g = nx.ego_graph(g, center, radius=max(depth, 0), undirected=True)
    wanted = normalise_kinds(kinds)
    keep = set(g.nodes)
    if wanted:
        keep = {n for n in keep if g.nodes[n]["kind"] in wanted}
    for attr, test in (
        ("provinces", (lambda vals: _province_matches(province, vals)) if province else None),
        ("years", (lambda vals: year in vals) if year is not None else None),
    ):
        if test is None:
            continue
        hits = {n for n in keep if test(g.nodes[n][attr])}
        unknown = {n for n in keep if not g.nodes[n][attr]}
        context = {n for n in unknown if any(m in hits for m in nx.all_neighbors(g, n))}
        keep = hits | context
    if center is not None:
        keep.add(center)
    sub = g.subgraph(keep).copy()
    sub.graph["focus"] = center
    return sub


def to_networkx(
    rdf_source: Any, *, focus: str | None = None, depth: int = 2, kinds: Iterable[str] | None = None,
    province: str | None = None, year: int | None = None,
) -> nx.MultiDiGraph:
    """Relationship graph of an RDF source (Turtle/N-Triples/TriG file, store directory, rdflib
    Graph or pyoxigraph Store) as a ``networkx.MultiDiGraph``.

    Nodes are IRIs with ``kind`` (person, body, document, programme, event, place), ``label``
    (Vietnamese), ``province``/``provinces``, ``years``, ``evidence`` (their own sentences) and
    ``facts`` (each relation with its evidence sentences and source article).  Edges carry
    ``label``, ``edge_kind``, ``dates`` and ``evidence``.  See :func:`filter_graph` for the options.
    """
    g = project(rdf_source)
    if focus or kinds or province or year is not None:
        g = filter_graph(g, focus=focus, depth=depth, kinds=kinds, province=province, year=year)
    return g


# --------------------------------------------------------------------------- stored queries

def query_to_networkx(rdf_source: Any, query: str) -> nx.MultiDiGraph:
    """Draw the answer of a SPARQL query: every IRI cell becomes a node (kind and label from the
    projection when known), and each row links the IRIs in it, in column order; the row's literal
    cells label the link.  CONSTRUCT/DESCRIBE answers are drawn triple by triple."""
    store = open_store(rdf_source)
    proj = load_projection()
    try:
        result = store.query(query, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise UserError(f"the query does not parse: {exc}") from exc
    rows: list[tuple[list[tuple[str, str]], list[str]]] = []  # ([(var, iri)], [literal texts])
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        for sol in result:
            iris, lits = [], []
            for name in names:
                cell = _py(sol[name])
                if isinstance(cell, Lit):
                    lits.append(cell.value)
                elif isinstance(cell, str) and not cell.startswith("_:"):
                    iris.append((name, cell))
            rows.append((iris, lits))
    elif isinstance(result, ox.QueryTriples):
        for t in result:
            s, p, o = _py(t.subject), _py(t.predicate), _py(t.object)
            if isinstance(s, str) and isinstance(o, str) and not o.startswith("_:"):
                rows.append(([("s", s), (iri_tail(p), o)], []))
            elif isinstance(s, str):
                rows.append(([("s", s)], []))
    else:
        raise UserError("an ASK query has no rows to draw; use SELECT or CONSTRUCT")

    full = project(store, proj)
    g = nx.MultiDiGraph()
    missing: set[str] = set()
    for iris, _ in rows:
        for _, iri in iris:
            if iri in full:
                g.add_node(iri, **{k: v for k, v in full.nodes[iri].items() if k != "facts"})
            elif iri not in g:
                g.add_node(iri, kind="other", iri=iri, label=None, provinces=[], province=None, years=[],
                           evidence=[])
                missing.add(iri)
    if missing:
        _label_others(_Sparql(store, proj["prefixes"]), g, missing, proj["other_kind"]["label"])
    ev = {n: d.get("evidence", []) for n, d in full.nodes(data=True)}
    pairs: Counter[tuple[str, str, str]] = Counter()
    for iris, lits in rows:
        for (_, a), (var_b, b) in itertools.pairwise(iris):
            if a == b:
                continue
            label = " · ".join(x for x in lits if x)[:80] or var_b
            if pairs[(a, b, label)]:
                continue
            pairs[(a, b, label)] += 1
            g.add_edge(a, b, label=label, edge_kind="query", dates=[], evidence=_shared_evidence(ev, a, b))
    _attach_facts(g)
    g.graph["query_rows"] = len(rows)
    return g


def _label_others(q: _Sparql, g: nx.MultiDiGraph, iris: set[str], predicates: list[str]) -> None:
    values = " ".join(f"<{i}>" for i in sorted(iris) if ">" not in i)
    for pred in predicates:
        todo = {i for i in iris if not g.nodes[i]["label"]}
        if not todo:
            break
        found: dict[str, list[Lit]] = defaultdict(list)
        for s, lit in q.select(f"SELECT DISTINCT ?s ?l WHERE {{ VALUES ?s {{ {values} }} ?s {pred} ?l }}"):
            if s in todo and isinstance(lit, Lit):
                found[s].append(lit)
        for s, lits in found.items():
            g.nodes[s]["label"] = _pick_label(lits)
    for i in iris:
        if not g.nodes[i]["label"]:
            g.nodes[i]["label"] = iri_tail(i)


def cap_nodes(g: nx.MultiDiGraph, max_nodes: int, *, sample: bool = False) -> nx.MultiDiGraph:
    """Refuse (UserError saying how to narrow) a graph over ``max_nodes`` nodes, or with
    ``sample`` keep the ``max_nodes`` best-connected ones (deterministic: degree, then IRI),
    plus the focus node."""
    n = g.number_of_nodes()
    if n <= max_nodes:
        return g
    if not sample:
        raise UserError(
            f"the graph has {n} nodes, more than --max-nodes {max_nodes}: narrow it with --focus NAME "
            "[--depth N], --kind, --province or --year, raise --max-nodes, or draw a sample with --sample"
        )
    ranked = sorted(g.nodes, key=lambda x: (-g.degree(x), x))
    keep = ranked[:max_nodes]
    focus = g.graph.get("focus")
    if focus is not None and focus not in keep:
        keep = [*keep[:-1], focus]
    sub = g.subgraph(keep).copy()
    sub.graph.update(g.graph)
    sub.graph["sampled_from"] = n
    return sub
