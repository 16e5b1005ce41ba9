"""The projection of the RDF profile onto a relationship graph (graph/viz/project.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from graph.errors import UserError
from graph.viz import query_to_networkx, to_networkx
from graph.viz.project import cap_nodes, find_node, normalise_kinds

DATA = Path(__file__).parent / "data" / "viz"
SAMPLE = DATA / "sample.ttl"
ID = "https://w3id.org/dantoc-kg/id/"
PHET = ID + "person/soc-trang/thach-so-phet-a1b2c3"
BDT_ST = ID + "org/soc-trang/ban-dan-toc-tinh"
EVENT_ST = ID + "event/soc-trang/ban-dan-toc-tinh/tong-ket/2023-12-20"


def load_big():
    spec = importlib.util.spec_from_file_location("generate_big", DATA / "generate_big.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def g():
    return to_networkx(SAMPLE)


def edges_between(g, u, v):
    return [d for _, d in g.get_edge_data(u, v, default={}).items()]


def test_kinds_and_vietnamese_labels(g):
    kinds = {d["kind"] for _, d in g.nodes(data=True)}
    assert kinds == {"person", "body", "document", "programme", "event", "place"}
    assert g.nodes[PHET]["label"] == "Thạch Sô Phết"
    assert g.nodes[BDT_ST]["label"] == "Ban Dân tộc tỉnh Sóc Trăng"
    assert g.nodes[ID + "doc/vn/1719-qd-ttg"]["label"] == "Quyết định 1719/QĐ-TTg"
    # n-ary facts, sentences and articles are not nodes
    assert not any("/membership/" in n or "#char=" in n or "/article/" in n for n in g.nodes)


def test_membership_collapses_to_labelled_edge_with_evidence(g):
    (edge,) = edges_between(g, PHET, BDT_ST)
    assert edge["label"] == "Trưởng Ban Dân tộc tỉnh"
    assert edge["dates"] == ["2023-12-20"]
    (ev,) = edge["evidence"]
    assert "Thạch Sô Phết, Trưởng Ban Dân tộc tỉnh chủ trì" in ev["sentence"]
    assert ev["article"] == "soctrang_tongket_2023"
    assert ev["headline"].startswith("Ban Dân tộc tỉnh Sóc Trăng tổng kết")


def test_participation_role_from_concept_label_or_fallback(g):
    (chair,) = edges_between(g, PHET, EVENT_ST)
    assert chair["label"] == "chủ trì"  # skos:prefLabel@vi of dtk:prole/chair
    din = ID + "person/ha-giang/vang-seo-din-0a0b0c"
    labels = {d["label"] for d in edges_between(g, din, ID + "event/bbbb000000000002/0")}
    assert labels == {"phát biểu"}  # no concept data: projection.yaml role_labels


def test_award_is_body_to_event_and_attendee_duplicates_are_dropped(g):
    labels = sorted(d["label"] for d in edges_between(g, BDT_ST, EVENT_ST))
    assert labels == ["khen thưởng: Giấy khen", "tổ chức"]  # organizer drawn body -> event
    nhung = ID + "person/soc-trang/lam-thi-hong-nhung-d4e5f6"
    # schema:attendee is weak: the participation already links her to the event
    assert [d["label"] for d in edges_between(g, nhung, EVENT_ST)] == ["tham dự"]


def test_provinces_years_and_district(g):
    assert g.nodes[PHET]["province"] == "Sóc Trăng"
    assert g.nodes[PHET]["years"] == [2023]
    # a district body belongs to the district's province (found from the place IRI scheme)
    assert g.nodes[ID + "org/dak-lak/krong-bong/phong-dan-toc"]["provinces"] == ["Đắk Lắk"]
    assert g.nodes[ID + "org/vn/quoc-hoi"]["provinces"] == []
    assert 2019 in g.nodes[ID + "doc/vn/88-2019-qh14"]["years"]


def test_facts_on_nodes_carry_evidence(g):
    facts = g.nodes[PHET]["facts"]
    rels = {(f["relation"], f["other_label"]) for f in facts}
    assert ("Trưởng Ban Dân tộc tỉnh", "Ban Dân tộc tỉnh Sóc Trăng") in rels
    assert all(f["evidence"] for f in facts)
    body_facts = g.nodes[BDT_ST]["facts"]
    assert any(f["direction"] == "in" and f["other_label"] == "Thạch Sô Phết" for f in body_facts)


def test_focus_matches_without_diacritics_and_limits_depth(g):
    sub = to_networkx(SAMPLE, focus="thach so phet", depth=1)
    assert sub.graph["focus"] == PHET
    assert set(sub.nodes) == {PHET, BDT_ST, EVENT_ST}
    wider = to_networkx(SAMPLE, focus="Thạch Sô Phết", depth=2)
    assert ID + "org/soc-trang/ubnd-tinh" in wider and len(wider) > len(sub)
    assert find_node(g, "Thuỷ Hoà không có") is None
    with pytest.raises(UserError, match="no node matches"):
        to_networkx(SAMPLE, focus="Nguyễn Không Có")


def test_kind_province_and_year_filters(g):
    people = to_networkx(SAMPLE, kinds=["nguoi"])
    assert {d["kind"] for _, d in people.nodes(data=True)} == {"person"}
    assert len(people) == 5
    st = to_networkx(SAMPLE, province="soc-trang")
    assert PHET in st and ID + "person/ha-giang/vang-seo-din-0a0b0c" not in st
    assert ID + "org/vn/ubdt" in st  # no province, linked to a Sóc Trăng body: kept as context
    assert ID + "org/vn/quoc-hoi" not in st
    y2022 = to_networkx(SAMPLE, year=2022)
    assert ID + "person/ha-giang/vang-seo-din-0a0b0c" in y2022 and PHET not in y2022
    with pytest.raises(UserError, match="unknown kind"):
        normalise_kinds(["robots"])
    assert normalise_kinds(["body,document", "sự kiện"]) == {"body", "document", "event"}


def test_same_graph_from_trig_rdflib_and_store_dir(g, tmp_path):
    rg = rdflib.Graph().parse(SAMPLE, format="turtle")
    from_rdflib = to_networkx(rg)
    assert set(from_rdflib.nodes) == set(g.nodes)
    assert from_rdflib.number_of_edges() == g.number_of_edges()

    # TriG: the shared nodes' triples repeated in two named graphs must not double edges
    ds = rdflib.Dataset()
    for name in ("a", "b"):
        ctx = ds.graph(rdflib.URIRef(ID + "article/" + name))
        for t in rg:
            ctx.add(t)
    trig = tmp_path / "g.trig"
    ds.serialize(trig, format="trig")
    from_trig = to_networkx(trig)
    assert set(from_trig.nodes) == set(g.nodes)
    assert from_trig.number_of_edges() == g.number_of_edges()

    store_dir = tmp_path / "store"
    store = ox.Store(str(store_dir))
    store.bulk_load(path=str(SAMPLE), format=ox.RdfFormat.TURTLE)
    store.flush()
    del store
    from_store = to_networkx(store_dir)
    assert set(from_store.nodes) == set(g.nodes)


def test_bad_sources_are_user_errors(tmp_path):
    with pytest.raises(UserError, match="no such"):
        to_networkx(tmp_path / "missing.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(UserError, match="cannot parse"):
        to_networkx(bad)
    odd = tmp_path / "g.xyz"
    odd.write_text("", encoding="utf-8")
    with pytest.raises(UserError, match="unknown RDF file type"):
        to_networkx(odd)


def test_query_rows_become_nodes_and_links():
    q = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX dt: <https://w3id.org/dantoc-kg/def#>
SELECT ?person ?title ?body WHERE { ?m a org:Membership ; org:member ?person ; org:organization ?body ;
  dt:attestation/dt:postTitle ?title }"""
    qg = query_to_networkx(SAMPLE, q)
    assert qg.graph["query_rows"] == 5
    assert qg.nodes[PHET]["kind"] == "person" and qg.nodes[BDT_ST]["kind"] == "body"
    labels = {d["label"] for _, _, d in qg.edges(data=True)}
    assert "Trưởng Ban Dân tộc tỉnh" in labels
    assert len(qg) == 9  # 5 people, 4 bodies
    construct = query_to_networkx(
        SAMPLE, "PREFIX org: <http://www.w3.org/ns/org#> CONSTRUCT { ?a org:subOrganizationOf ?b } "
                "WHERE { ?a org:subOrganizationOf ?b }")
    assert construct.number_of_edges() == 2
    with pytest.raises(UserError, match="ASK"):
        query_to_networkx(SAMPLE, "ASK { ?s ?p ?o }")
    with pytest.raises(UserError, match="does not parse"):
        query_to_networkx(SAMPLE, "SELECT WHERE {")


def test_cap_nodes_refuses_with_advice_or_samples(tmp_path):
    big = load_big()
    path = big.generate(tmp_path / "big.ttl")
    g = to_networkx(path)
    assert len(g) == big.expected_nodes() >= 1500
    with pytest.raises(UserError) as err:
        cap_nodes(g, 1000)
    for hint in ("--focus", "--kind", "--province", "--year", "--sample", "1000"):
        assert hint in str(err.value)
    sampled = cap_nodes(g, 300, sample=True)
    assert len(sampled) == 300 and sampled.graph["sampled_from"] == len(g)
    # the best-connected nodes are the ones kept
    assert min(g.degree(n) for n in sampled) >= sorted((d for _, d in g.degree()), reverse=True)[299]
