"""A holding is a tenure: one org:Membership per (person, post) whichever reports state it, each report's
word on it an attestation, its interval widened by every attested day (issue 13).

Made-up reports of different dates, built into a graph or a store and asked through the stored questions.
"""

from __future__ import annotations

from pathlib import Path

import owlrl
import pytest
import rdflib
from rdflib import RDF, URIRef

from graph.build import build, write_union
from graph.query import run_query
from graph.store import KGStore

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "queries"
AXIOMS = Path(__file__).parent / "data" / "standards" / "external-axioms.ttl"
ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
DT = rdflib.Namespace("https://w3id.org/dantoc-kg/def#")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
TIME = rdflib.Namespace("http://www.w3.org/2006/time#")

REPORTS = {
    "a2019": """Lai Châu tổng kết công tác dân tộc năm 2018

Sáng 12/3/2019, Ban Dân tộc tỉnh Lai Châu tổ chức hội nghị tổng kết công tác dân tộc năm 2018.

Ông Lò Văn Hặc, Trưởng Ban Dân tộc tỉnh Lai Châu chủ trì hội nghị.
""",
    "b2021": """Lai Châu gặp mặt người có uy tín

Sáng 20/9/2021, Ban Dân tộc tỉnh Lai Châu tổ chức gặp mặt người có uy tín tiêu biểu.

Ông Lò Văn Hặc, Trưởng Ban Dân tộc tỉnh Lai Châu phát biểu tại buổi gặp mặt.
""",
    "c2022": """Lai Châu triển khai chương trình mục tiêu quốc gia

Sáng 5/4/2022, Ủy ban nhân dân tỉnh Lai Châu tổ chức hội nghị triển khai chương trình.

Ông Lò Văn Hặc, Phó Chủ tịch UBND tỉnh Lai Châu chủ trì hội nghị.
""",
    "d2023": """Lai Châu sơ kết công tác dân tộc

Sáng 8/6/2023, Ban Dân tộc tỉnh Lai Châu tổ chức hội nghị sơ kết công tác dân tộc 6 tháng đầu năm.

Ông Tao Văn Lùng, Trưởng Ban Dân tộc tỉnh Lai Châu chủ trì hội nghị.
""",
}
NAME = "Lò Văn Hặc"
HEAD = "Trưởng Ban – Ban Dân tộc tỉnh Lai Châu"


def _write(folder: Path, names: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / f"{name}.txt").write_text(REPORTS[name], encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def union(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("tenures")
    out = base / "graph.ttl"
    write_union(build([_write(base / "reports", list(REPORTS))], jobs=1).store, out)
    return out


@pytest.fixture(scope="module")
def g(union: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(union)


def _memberships(g: rdflib.Graph, name: str) -> set:
    return {m for m in g.subjects(RDF.type, ORG.Membership)
            if str(g.value(g.value(m, ORG.member), URIRef("http://xmlns.com/foaf/0.1/name"))) == name}


def _timeline(graph: Path | str | KGStore, name: str = NAME) -> list[dict]:
    rows = run_query(QUERIES / "person-timeline.rq", graph, {"name": name}).rows
    return [dict(r) for r in rows if r["what"].startswith("chức vụ")]


def test_two_reports_of_one_holding_give_one_membership_and_two_attestations(g: rdflib.Graph) -> None:
    ms = _memberships(g, NAME)
    assert len(ms) == 2                      # Trưởng Ban (2019, 2021) and Phó Chủ tịch (2022)
    head = next(m for m in ms if "ban-dan-toc-tinh" in str(g.value(m, DT.post)))
    attestations = set(g.objects(head, DT.attestation))
    assert len(attestations) == 2
    sources = {str(g.value(a, PROV.hadPrimarySource)) for a in attestations}
    assert len(sources) == 2
    assert {str(g.value(a, DT.attestedOn)) for a in attestations} == {"2019-03-12", "2021-09-20"}
    # each attestation keeps its own report's sentence
    for a in attestations:
        [sentence] = list(g.objects(a, PROV.wasInfluencedBy))
        assert str(sentence).startswith(str(g.value(a, PROV.hadPrimarySource)) + "#char=")
    # the interval is one node, inside both days
    [during] = list(g.objects(head, ORG.memberDuring))
    days = {str(g.value(i, TIME.inXSDDate)) for i in g.objects(during, TIME.inside)}
    assert days == {"2019-03-12", "2021-09-20"}


def test_merged_reports_give_no_functional_property_two_values(g: rdflib.Graph) -> None:
    """What differs between reports lives on the attestations: in the union of four reports every
    functional property of the ontology has one value per node, and the OWL 2 RL closure (with the
    PROV-O/ORG axioms) is consistent and equates no two of our nodes (a functional object property
    with two values would make them owl:sameAs)."""
    onto = rdflib.Graph().parse(ROOT / "ontology" / "dantoc.ttl")
    functional = set(onto.subjects(RDF.type, rdflib.OWL.FunctionalProperty))
    assert {DT.post, DT.attestedOn} <= functional
    clashes = [(s, p) for p in functional for s in set(g.subjects(p, None)) if len(set(g.objects(s, p))) > 1]
    assert clashes == []
    for m in _memberships(g, NAME):
        assert (m, DT.attestedOn, None) not in g and (m, DT.postTitle, None) not in g
    closure = rdflib.Graph()
    for t in (*g, *onto):
        closure.add(t)
    closure.parse(AXIOMS)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closure)
    assert list(closure.objects(None, URIRef("http://www.daml.org/2002/03/agents/agent-ont#error"))) == []
    ours = "https://w3id.org/dantoc-kg/id/"
    same = [(a, b) for a, b in closure.subject_objects(rdflib.OWL.sameAs)
            if a != b and str(a).startswith(ours) and str(b).startswith(ours)]
    assert same == []


def test_timeline_is_one_row_per_tenure_from_the_earliest_to_the_latest_report(union: Path) -> None:
    rows = _timeline(union)
    got = {(r["detail"], r["from"], r["fromSource"], r["to"], r["toSource"]) for r in rows}
    assert got == {
        (HEAD, "2019-03-12", "a2019", "2021-09-20", "b2021"),
        ("Phó Chủ tịch – Ủy ban nhân dân tỉnh Lai Châu", "2022-04-05", "c2022", "2022-04-05", "c2022"),
    }


def test_the_timeline_reads_the_same_days_as_the_interval(g: rdflib.Graph, union: Path) -> None:
    """MIN/MAX over the attestations equals MIN/MAX over org:memberDuring/time:inside: one model."""
    days = {}
    for m in _memberships(g, NAME):
        during = g.value(m, ORG.memberDuring)
        found = sorted(str(g.value(i, TIME.inXSDDate)) for i in g.objects(during, TIME.inside))
        days[str(g.value(g.value(m, DT.post), URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")))] = (
            found[0], found[-1])
    assert {r["detail"]: (r["from"], r["to"]) for r in _timeline(union)} == days


def test_leaders_of_body_gives_each_holder_a_tenure_and_marks_the_latest(union: Path) -> None:
    rows = [dict(r) for r in run_query(QUERIES / "leaders-of-body.rq", union,
                                       {"body": "Ban Dân tộc tỉnh Lai Châu"}).rows]
    got = [(r["post"], r["name"], r["from"], r["fromSource"], r["latest"], r["latestSource"], r["current"])
           for r in rows]
    assert got == [
        (HEAD, "Tao Văn Lùng", "2023-06-08", "d2023", "2023-06-08", "d2023", "true"),
        (HEAD, NAME, "2019-03-12", "a2019", "2021-09-20", "b2021", "false"),
    ]


def test_participation_keeps_the_capacity_its_own_report_wrote(union: Path) -> None:
    rows = [dict(r) for r in run_query(QUERIES / "event-roles.rq", union).rows if r["name"] == NAME]
    assert {(r["source"], r["capacity"]) for r in rows} == {
        ("a2019", "Trưởng Ban Dân tộc tỉnh Lai Châu"), ("b2021", "Trưởng Ban Dân tộc tỉnh Lai Châu"),
        ("c2022", "Phó Chủ tịch UBND tỉnh Lai Châu")}


def test_removing_a_report_from_a_store_narrows_the_tenure_back(tmp_path: Path) -> None:
    folder = _write(tmp_path / "reports", ["a2019", "b2021"])
    path = tmp_path / "kg"
    with KGStore(path) as store:
        build([folder], jobs=1, store=store)
        assert [(r["from"], r["to"]) for r in _timeline(store)] == [("2019-03-12", "2021-09-20")]
        [dropped] = store.remove_source("b2021")
        assert dropped
        assert [(r["from"], r["fromSource"], r["to"], r["toSource"]) for r in _timeline(store)] == [
            ("2019-03-12", "a2019", "2019-03-12", "a2019")]
        # the union view: the interval holds only the remaining day, the membership one attestation
        days = store.query("""PREFIX org: <http://www.w3.org/ns/org#> PREFIX time: <http://www.w3.org/2006/time#>
            PREFIX dt: <https://w3id.org/dantoc-kg/def#>
            SELECT ?m (COUNT(DISTINCT ?i) AS ?days) (COUNT(DISTINCT ?a) AS ?atts) WHERE {
              ?m org:memberDuring/time:inside ?i ; dt:attestation ?a } GROUP BY ?m""").rows
        assert [(int(r["days"]), int(r["atts"])) for r in days] == [(1, 1)]
    # the stored question on the store folder agrees
    assert [(r["from"], r["to"]) for r in _timeline(str(path))] == [("2019-03-12", "2019-03-12")]


def test_the_tenure_page_shows_its_span_and_each_report(union: Path, g: rdflib.Graph) -> None:
    from graph.serve.data import GraphData
    from graph.serve.views import article_view, entity_view

    data = GraphData(union)
    head = next(m for m in _memberships(g, NAME) if "ban-dan-toc-tinh" in str(g.value(m, DT.post)))
    view = entity_view(data, str(head))
    assert view["kind"] == "membership" and view["label"] == HEAD
    held, attested = view["sections"]
    [row] = [[c.get("text") for c in r["cells"]] for r in held["rows"]]
    assert row[0] == NAME and row[-2:] == ["2019-03-12", "2021-09-20"]
    assert [r["cells"][0]["text"] for r in attested["rows"]] == ["2019-03-12", "2021-09-20"]
    assert all(r["ev"] for r in attested["rows"])
    # the article reader lists the holding among a sentence's facts, not its attestation twice over
    article = str(next(iter(g.objects(next(iter(g.objects(head, DT.attestation))), PROV.hadPrimarySource))))
    facts = [f for s in article_view(data, article.rsplit("/", 1)[-1])["sentences"] for f in s["facts"]]
    kinds = {f["kind"] for f in facts}
    assert "membership" in kinds and "attestation" not in kinds
