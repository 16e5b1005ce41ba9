"""Name parameters as index lookups: the dt:key the mapping writes, the folded parameter, same rows.

``tests/data/queries_filter/`` holds the stored questions as they were before the key: the parameter
matched with case-insensitive FILTERs over every node.  The key form must give the same rows for every
name in the graph (the seeds, and the dev/dev2 gold reports when ../shared is there).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.build import build
from graph.query import run_query
from graph.query.params import bind, keep_given, lookup_params
from graph.query.stored import list_queries, load_stored_query
from graph.text.lookup import lookup_key

ROOT = Path(__file__).resolve().parent.parent
OLD = ROOT / "tests" / "data" / "queries_filter"
SHARED = ROOT.parent / "shared" / "eval"
DT = "https://w3id.org/dantoc-kg/def#"
NAMED = {  # kind -> the property its key is folded from
    "http://xmlns.com/foaf/0.1/Person": "http://xmlns.com/foaf/0.1/name",
    "http://www.w3.org/ns/org#Organization": "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://data.europa.eu/eli/ontology#LegalResource": "http://data.europa.eu/eli/ontology#id_local",
    f"{DT}Programme": "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://schema.org/Event": "http://schema.org/name",
    f"{DT}Province": "http://www.w3.org/2004/02/skos/core#prefLabel",
}


@pytest.mark.parametrize(("typed", "key"), [
    ("Kiên Ninh", "kien ninh"), ("kien ninh", "kien ninh"), ("KIÊN  NINH ", "kien ninh"),
    ("Thuỷ", "thuy"), ("Thủy", "thuy"), ("Hoà Bình", "hoa binh"), ("Ðắk Lắk", "dak lak"),
    ("Ủy ban Dân tộc", "uy ban dan toc"), ("1719/QĐ-TTg", "1719/qd-ttg"),
    ("Kie\u0302n Ninh", "kien ninh"),   # decomposed (NFD) input
])
def test_lookup_key_folds_what_a_user_may_type(typed: str, key: str) -> None:
    assert lookup_key(typed) == key


def _store(paths: list[Path]) -> ox.Store:
    """The union of the article graphs as one default graph (each triple once), as a store's union is."""
    built, union = build(paths, jobs=1).store, ox.Store()
    union.bulk_extend([ox.Quad(q.subject, q.predicate, q.object) for q in built])
    return union


@pytest.fixture(scope="module")
def seeds() -> ox.Store:
    return _store([ROOT / "seeds"])


@pytest.fixture(scope="module")
def dev(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    if not SHARED.is_dir():
        pytest.skip("../shared/eval is absent (a user's clone)")
    folder = tmp_path_factory.mktemp("dev")
    for gold in sorted(SHARED.glob("dev*/*.json")):
        item = json.loads(gold.read_text(encoding="utf-8"))
        (folder / f"{gold.parent.name}-{item['id']}.txt").write_text(item["text"], encoding="utf-8")
    return _store([folder])


def _values(store: ox.Store, query: str) -> list[str]:
    return sorted({s["v"].value for s in store.query(query, use_default_graph_as_union=False)})


def test_every_named_node_carries_the_key_of_its_name(seeds: ox.Store) -> None:
    for kind, prop in NAMED.items():
        nodes = _values(seeds, f"SELECT ?v WHERE {{ ?v a <{kind}> }}")
        assert nodes, kind
        for node in nodes:
            names = _values(seeds, f"SELECT ?v WHERE {{ <{node}> <{prop}> ?v }}")
            keys = _values(seeds, f"SELECT ?v WHERE {{ <{node}> <{DT}key> ?v }}")
            assert keys and set(keys) == {lookup_key(n) for n in names}, node


def test_lookup_parameters_are_folded_and_absent_ones_drop_their_lines() -> None:
    q = ("# lookup: name  (folded)\nSELECT ?x WHERE {\n  ?x <urn:k> ?name .   # if: name\n"
         "  ?x <urn:p> ?role .   # if: role\n}")
    assert lookup_params(q) == {"name"}
    bound = bind(q, {"name": "KIÊN Ninh"})
    assert 'VALUES ?name { "kien ninh" }' in bound and "<urn:k>" in bound and "<urn:p>" not in bound
    assert bound.count("\n") == q.count("\n")   # parser line numbers still match the file
    assert "<urn:k>" not in keep_given(q, ()) and "<urn:p>" in keep_given(q, {"role"})
    assert 'VALUES ?role { "chair" }' in bind(q, {"role": "chair"})   # not a lookup: bound as typed


def test_a_lookup_inside_a_sub_select_restricts_it() -> None:
    """A sub-SELECT's variables are its own: the outermost VALUES alone would leave its grouping over
    every body; the VALUES put on its '# if:' line restricts it, and the answer is the body's alone."""
    store = ox.Store()
    for body, member, day in [("a", "m1", 1), ("a", "m1", 3), ("b", "m2", 2), ("b", "m3", 5)]:
        store.add(ox.Quad(ox.NamedNode(f"urn:{member}"), ox.NamedNode("urn:body"), ox.NamedNode(f"urn:{body}")))
        store.add(ox.Quad(ox.NamedNode(f"urn:{body}"), ox.NamedNode("urn:key"), ox.Literal(body)))
        store.add(ox.Quad(ox.NamedNode(f"urn:{member}"), ox.NamedNode("urn:day"), ox.Literal(str(day))))
    q = ("# lookup: body\nSELECT ?m ?first WHERE {\n  { SELECT ?m (MIN(?d) AS ?first) WHERE {\n"
         "      ?org <urn:key> ?body . ?m <urn:body> ?org .   # if: body\n"
         "      ?m <urn:day> ?d } GROUP BY ?m }\n}")
    bound = bind(q, {"body": "B"})
    assert bound.count("\n") == q.count("\n") and bound.count('VALUES ?body { "b" }') == 2
    assert sorted((r["m"].value, r["first"].value) for r in store.query(bound)) == [("urn:m2", "2"), ("urn:m3", "5")]
    # without the parameter the line goes and every tenure is listed
    assert len(list(store.query(bind(q, {})))) == 3


def test_a_name_with_or_without_tones_finds_the_same_person(seeds: ox.Store) -> None:
    answers = [run_query("person-timeline", seeds, {"name": typed}, union=False).rows
               for typed in ("Kiên Ninh", "kien ninh", "KIÊN  NINH", "Kie\u0302n Ninh")]
    assert answers[0] and all(a == answers[0] for a in answers)


# each parameterised question, and where its test values come from
PARAMS = {
    "person-timeline": ("name", "SELECT ?v WHERE { ?p a foaf:Person ; foaf:name ?v }"),
    "co-attendance": ("name", "SELECT ?v WHERE { ?e schema:attendee/foaf:name ?v }"),
    "evidence-for": ("name", "SELECT ?v WHERE { ?p a foaf:Person ; foaf:name ?v }"),
    "posts-over-time": ("body", "SELECT ?v WHERE { ?m org:organization/skos:prefLabel ?v }"),
    "bodies-of-province": ("province", "SELECT ?v WHERE { ?p a dt:Province ; skos:prefLabel ?v }"),
    "figures-by-province-year": ("province", "SELECT ?v WHERE { ?o sdmx-dimension:refArea/skos:prefLabel ?v }"),
    "document-chain": ("number", "SELECT ?v WHERE { ?d eli:id_local ?v }"),
    "documents-by-province": ("number", "SELECT ?v WHERE { ?d eli:id_local ?v }"),
    "event-roles": ("role", "SELECT ?v WHERE { ?p eli-dl:participation_role/skos:notation ?v }"),
    "programme-legal-basis": ("programme", "SELECT ?v WHERE { ?p a dt:Programme ; skos:prefLabel ?v }"),
}
PREFIXES = ("PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX schema: <http://schema.org/> "
            "PREFIX org: <http://www.w3.org/ns/org#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
            f"PREFIX dt: <{DT}> PREFIX eli: <http://data.europa.eu/eli/ontology#> "
            "PREFIX eli-dl: <http://data.europa.eu/eli/eli-draft-legislation-ontology#> "
            "PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#> ")


def _multiset(rows) -> Counter:
    return Counter(tuple(str(t) for t in r) for r in rows.terms)


def _same_rows_as_the_filter_forms(store: ox.Store, cap: int) -> None:
    stored = {q.name: q for q in list_queries(ROOT / "queries")}
    for name, (param, source) in PARAMS.items():
        new, old = stored[name], load_stored_query(OLD / f"{name}.rq")
        values = _values(store, PREFIXES + source)[:cap]
        assert values, name
        asks = [{param: v} for v in values]
        if all(p.optional for p in new.params):
            asks.append({})
        for ask in asks:
            got, want = run_query(new, store, ask, union=False), run_query(old, store, ask, union=False)
            if name == "evidence-for":   # no longer a substring search: the thing named, not every name holding it
                assert got.rows and not _multiset(got) - _multiset(want), ask
            else:
                assert _multiset(got) == _multiset(want), (name, ask)


def test_same_rows_as_the_filter_forms_on_the_seeds(seeds: ox.Store) -> None:
    _same_rows_as_the_filter_forms(seeds, cap=1000)


def test_same_rows_as_the_filter_forms_on_the_dev_reports(dev: ox.Store) -> None:
    _same_rows_as_the_filter_forms(dev, cap=60)
