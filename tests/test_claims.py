"""Facts merged across reports as claims (graph.resolve.claims, issue 13): reports that disagree never
make the merged graph fail its shapes; the union shows one value by the stated rule, each report keeps
its own in its article graph, and queries/quality-disagreements.rq lists them.

The reports are made up for the test and built through the real pipeline.  Report "a" (12/3/2024) is the
earliest; it gives the resolution a later date and writes the border guard command in lower case, so
the rule's second step (earliest report) and not its third (smallest value) decides a tie.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.build import build, write_dataset, write_union
from graph.export import export
from graph.query import run_query
from graph.resolve import claims
from graph.store import open_store
from graph.validate import validate, validate_store

ROOT = Path(__file__).resolve().parent.parent
QUESTION = ROOT / "queries" / "quality-disagreements.rq"
CLI = str(Path(__file__).resolve().parent.parent / ".venv" / "bin" / "dantoc-kg")

DOC = ox.NamedNode("https://w3id.org/dantoc-kg/id/doc/vn/12-nq-cp-d06a")
BORDER = ox.NamedNode("https://w3id.org/dantoc-kg/id/org/vn/quan-doi/bo-tu-lenh-bo-doi-bien-phong")
DATE = ox.NamedNode("http://data.europa.eu/eli/ontology#date_document")
PREF = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
ALT = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
HOLDS = ox.NamedNode("http://www.w3.org/ns/org#holds")

LOWER, UPPER = "Bộ Tư lệnh bộ đội biên phòng", "Bộ Tư lệnh Bộ đội Biên phòng"


def report(day: str, doc_date: str, post: str, border: str) -> str:
    return (f"Ngày {day}, Ban Dân tộc tỉnh Cao Bằng tổ chức hội nghị triển khai Nghị quyết số 12/NQ-CP ngày "
            f"{doc_date} của Chính phủ.\n"
            f"Ông Nông Văn Hùng, {post} Ban Dân tộc tỉnh Cao Bằng, chủ trì hội nghị.\n"
            f"Đại diện {border} phát biểu tại hội nghị.\n")


A = report("12/3/2024", "16/02/2022", "Trưởng", LOWER)
B = report("20/4/2024", "15/02/2022", "Phó Trưởng", UPPER)
C = report("05/5/2024", "15/02/2022", "Phó Trưởng", UPPER)


def write(folder: Path, **texts: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def values(graph: ox.Store, node: ox.NamedNode, prop: ox.NamedNode) -> set[str]:
    return {q.object.value for q in graph.quads_for_pattern(node, prop, None, None)}


def load(path: Path) -> ox.Store:
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    return store


def question(source: object) -> list[tuple[str, str, str, str, str, str]]:
    rows = run_query(QUESTION, source)
    return [(r["node"], r["property"], r["shown"], r["other"], r["article"], r["text"]) for r in rows.rows]


def test_two_reports_that_disagree_merge_into_a_conforming_union_showing_the_earliest_report(tmp_path: Path) -> None:
    result = build([write(tmp_path / "r", a=A, b=B)], jobs=1)
    before = claims.disagreements(result.store)
    assert {(d.node, d.property) for d in before} == {(DOC, DATE), (BORDER, PREF)}
    out = tmp_path / "g.ttl"
    write_union(result.store, out)
    assert validate(out).conforms
    union = load(out)
    assert values(union, DOC, DATE) == {"2022-02-16"}                    # a tie: the earlier report, not the smaller date
    assert values(union, BORDER, PREF) == {LOWER} and values(union, BORDER, ALT) == {UPPER}   # S13: disjoint
    person = next(iter(union.quads_for_pattern(None, ox.NamedNode("http://xmlns.com/foaf/0.1/name"),
                                               ox.Literal("Nông Văn Hùng"), None))).subject
    assert len(values(union, person, HOLDS)) == 2    # two posts in two reports: both held (a timeline, not a conflict)


def test_the_value_most_reports_state_is_shown(tmp_path: Path) -> None:
    result = build([write(tmp_path / "r", a=A, b=B, c=C)], jobs=1)
    out = tmp_path / "g.nt"
    write_union(result.store, out, ox.RdfFormat.N_TRIPLES)
    union = ox.Store()
    union.load(path=str(out), format=ox.RdfFormat.N_TRIPLES)
    assert values(union, DOC, DATE) == {"2022-02-15"}
    assert values(union, BORDER, PREF) == {UPPER} and values(union, BORDER, ALT) == {LOWER}
    assert validate(out).conforms


def test_a_trig_build_keeps_each_claim_and_the_question_lists_it_with_article_and_sentence(tmp_path: Path) -> None:
    result = build([write(tmp_path / "r", a=A, b=B)], jobs=1)
    out = tmp_path / "g.trig"
    write_dataset(result.store, out)
    dataset = ox.Store()
    dataset.load(path=str(out), format=ox.RdfFormat.TRIG)
    assert values(dataset, DOC, DATE) == {"2022-02-15", "2022-02-16"}   # each report's claim in its graph
    assert validate(out).conforms
    rows = question(out)
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in rows] == [
        (DOC.value, DATE.value, "2022-02-16", "2022-02-15", "b"),
        (BORDER.value, PREF.value, LOWER, UPPER, "b"),
    ]
    assert "15/02/2022" in rows[0][5] and UPPER in rows[1][5]         # the sentence stating the other value
    union = tmp_path / "g.ttl"
    write_union(result.store, union)
    assert question(union) == []      # a Turtle union holds only the values shown (said in the description)
    export(out, "turtle", tmp_path / "from-trig.ttl")                  # the same union from the TriG file
    assert (tmp_path / "from-trig.ttl").read_bytes() == union.read_bytes()


def test_the_store_union_is_settled_again_by_each_added_or_removed_report(tmp_path: Path) -> None:
    reports = write(tmp_path / "r", a=A)
    with open_store(tmp_path / "s") as kg:
        build([reports], jobs=1, store=kg)
        assert values_default(kg, DOC, DATE) == {"2022-02-16"} and not question(kg)
        write(reports, b=B, c=C)
        build([reports], jobs=1, store=kg)          # two reports join, outvoting the first
        assert values_default(kg, DOC, DATE) == {"2022-02-15"}
        assert values_default(kg, BORDER, PREF) == {UPPER} and values_default(kg, BORDER, ALT) == {LOWER}
        assert validate_store(kg.oxigraph, union=False).conforms
        assert {(r[1], r[4]) for r in question(kg)} == {(DATE.value, "a"), (PREF.value, "a")}
        size = len(kg.oxigraph)
        build([reports], jobs=1, store=kg)          # a re-run changes nothing
        assert len(kg.oxigraph) == size
        kg.remove_source("c")                       # a tie again: the earliest report's values come back
        assert values_default(kg, DOC, DATE) == {"2022-02-16"}
        assert values_default(kg, BORDER, PREF) == {LOWER} and values_default(kg, BORDER, ALT) == {UPPER}
        kg.remove_source("a")                       # no disagreement left: no altLabel left over
        assert values_default(kg, DOC, DATE) == {"2022-02-15"}
        assert values_default(kg, BORDER, PREF) == {UPPER} and values_default(kg, BORDER, ALT) == set()
        assert validate_store(kg.oxigraph, union=False).conforms and not question(kg)
        export(kg, "turtle", tmp_path / "out.ttl")
        assert values(load(tmp_path / "out.ttl"), DOC, DATE) == {"2022-02-15"}


def test_a_changed_report_replaces_its_claim_and_the_union_is_settled_again(tmp_path: Path) -> None:
    reports = write(tmp_path / "r", a=A, b=B, c=C)
    with open_store(tmp_path / "s") as kg:
        build([reports], jobs=1, store=kg)
        assert values_default(kg, DOC, DATE) == {"2022-02-15"}
        write(reports, c=C.replace("15/02/2022", "16/02/2022"))     # c now sides with a: replaced in one transaction
        build([reports], jobs=1, store=kg)
        assert values_default(kg, DOC, DATE) == {"2022-02-16"}
        assert validate_store(kg.oxigraph, union=False).conforms
        assert {r[4] for r in question(kg) if r[1] == DATE.value} == {"b"}


def values_default(kg: object, node: ox.NamedNode, prop: ox.NamedNode) -> set[str]:
    return {q.object.value for q in kg.oxigraph.quads_for_pattern(node, prop, None, ox.DefaultGraph())}


def test_cli_store_build_validate_and_export_show_one_value(tmp_path: Path) -> None:
    reports = write(tmp_path / "r", a=A, b=B)
    store = tmp_path / "s"
    for args in (["build", str(reports), "--store", str(store), "-q"], ["validate", str(store)],
                 ["export", str(store), "-o", str(tmp_path / "e.ttl")],
                 ["export", str(store), "-o", str(tmp_path / "e.trig")]):
        done = subprocess.run([CLI, *args], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stdout + done.stderr
    assert values(load(tmp_path / "e.ttl"), DOC, DATE) == {"2022-02-16"}
    assert validate(tmp_path / "e.trig").conforms and len(question(tmp_path / "e.trig")) == 2


def test_one_report_stating_two_values_is_its_own_problem_not_a_disagreement() -> None:
    store = ox.Store()
    g = ox.NamedNode("https://w3id.org/dantoc-kg/id/article/0000000000000001")
    store.extend([ox.Quad(DOC, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                          ox.NamedNode("http://data.europa.eu/eli/ontology#LegalResource"), g),
                  ox.Quad(DOC, DATE, ox.Literal("2022-02-15"), g), ox.Quad(DOC, DATE, ox.Literal("2022-02-16"), g)])
    assert claims.disagreements(store) == []


def test_a_holding_two_reports_disagree_on_is_resolved_like_any_shared_node() -> None:
    """Holdings are one node per (person, post) (tenures); the words each report writes live on its own
    attestation, so only the holding's own single-valued links (its role ...) can be disputed, and are settled."""
    store = ox.Store()
    m = ox.NamedNode("https://w3id.org/dantoc-kg/id/membership/tenure/1")
    role = ox.NamedNode("http://www.w3.org/ns/org#role")
    for n, (day, written) in enumerate([("2024-03-12", "truong-ban"), ("2024-04-20", "pho-truong-ban")]):
        g = ox.NamedNode(f"https://w3id.org/dantoc-kg/id/article/000000000000000{n}")
        store.extend([ox.Quad(m, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                              ox.NamedNode("http://www.w3.org/ns/org#Membership"), g),
                      ox.Quad(m, role, ox.NamedNode(f"https://w3id.org/dantoc-kg/kos/role/{written}"), g),
                      ox.Quad(g, ox.NamedNode("http://schema.org/datePublished"),
                              ox.Literal(day, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")), g)])
    (d,) = claims.disagreements(store)
    assert d.shown == ox.NamedNode("https://w3id.org/dantoc-kg/kos/role/truong-ban")      # the earlier report's
    shown = {q.object.value for q in claims.shown_quads(store) if q.predicate == role}
    assert shown == {"https://w3id.org/dantoc-kg/kos/role/truong-ban"}


def test_the_question_asks_about_exactly_the_properties_the_resolution_settles() -> None:
    from graph.store.prefixes import PREFIXES

    text = QUESTION.read_text(encoding="utf-8")
    block = text.split("VALUES ?property {", 1)[1].split("}", 1)[0].split()
    listed = {PREFIXES[t.split(":", 1)[0]] + t.split(":", 1)[1] for t in block}
    assert listed == set(claims.functional())


@pytest.mark.parametrize("prop", ["http://www.w3.org/2004/02/skos/core#prefLabel",
                                  "http://data.europa.eu/eli/ontology#date_document",
                                  "http://data.europa.eu/eli/ontology#type_document"])
def test_the_functional_properties_come_from_the_shapes(prop: str) -> None:
    assert prop in claims.functional()
    assert "http://www.w3.org/ns/org#holds" not in claims.functional()   # a person may hold many posts


def test_a_build_stopped_before_settling_is_settled_when_the_store_is_next_opened(tmp_path: Path) -> None:
    reports = write(tmp_path / "r", a=A, b=B, c=C)
    graphs = []
    for name in ("a", "b", "c"):
        from graph.build import process_file

        out = process_file(str(reports / f"{name}.txt"))
        graphs.append((out.graph, out.nquads))
    kg = open_store(tmp_path / "s")
    kg.add_new_articles(graphs)                  # bulk-loaded: every report's values in the union for now
    assert values_default(kg, DOC, DATE) == {"2022-02-15", "2022-02-16"}
    assert (DOC, DATE) in claims.contested(kg.oxigraph)
    kg.close(settle=False)                       # as if the build had been stopped here
    with open_store(tmp_path / "s") as again:
        assert values_default(again, DOC, DATE) == {"2022-02-15"}
        assert claims.contested(again.oxigraph) == set()


def test_a_document_type_two_reports_disagree_on_is_contested_like_a_label() -> None:
    store = ox.Store()
    kind = ox.NamedNode("http://data.europa.eu/eli/ontology#type_document")
    for n, doctype in enumerate(["nghi-dinh", "quyet-dinh"]):
        g = ox.NamedNode(f"https://w3id.org/dantoc-kg/id/article/000000000000000{n}")
        for graph in (g, ox.DefaultGraph()):
            store.extend([ox.Quad(DOC, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                                  ox.NamedNode("http://data.europa.eu/eli/ontology#LegalResource"), graph),
                          ox.Quad(DOC, kind, ox.NamedNode(f"https://w3id.org/dantoc-kg/def/doctype/{doctype}"), graph)])
    assert claims.contested(store) == {(DOC, kind)}
    claims.settle(store, claims.contested(store), added_only=True)
    shown = {q.object.value for q in store.quads_for_pattern(DOC, kind, None, ox.DefaultGraph())}
    assert shown == {"https://w3id.org/dantoc-kg/def/doctype/nghi-dinh"}       # a tie, no dates: the smaller value


@pytest.mark.server
def test_a_pushed_store_shows_one_value_and_the_server_answers_the_question(oxigraph_server, tmp_path: Path) -> None:
    from graph.cli import main
    from graph.store.remote import Endpoint

    oxigraph_server.clear()
    with open_store(tmp_path / "s") as kg:
        build([write(tmp_path / "r", a=A, b=B)], jobs=1, store=kg)
    assert main(["push", "--store", str(tmp_path / "s"), "--endpoint", oxigraph_server.query_url, "--replace",
                 "--quiet"]) == 0
    endpoint = Endpoint(oxigraph_server.query_url)
    dates = endpoint.query(f"SELECT ?d WHERE {{ {DOC} {DATE} ?d }}")
    assert [r["d"] for r in dates.rows] == ["2022-02-16"]          # the server's default graph: the union shown
    rows = run_query(QUESTION, endpoint)
    assert {(r["property"], r["other"], r["article"]) for r in rows.rows} == {
        (DATE.value, "2022-02-15", "b"), (PREF.value, UPPER, "b")}


@pytest.mark.parametrize("suffix", [".ttl", ".nt"])
def test_the_build_s_own_union_is_settled_like_the_article_graphs_union(tmp_path: Path, suffix: str) -> None:
    """The union an in-memory build keeps as it loads (what `build --out g.ttl` writes and checks) shows the
    same values, byte for byte, as the union settled from the article graphs."""
    fmt = ox.RdfFormat.TURTLE if suffix == ".ttl" else ox.RdfFormat.N_TRIPLES
    result = build([write(tmp_path / "r", a=A, b=B, c=C)], jobs=1)
    fast, slow = tmp_path / f"fast{suffix}", tmp_path / f"slow{suffix}"
    write_union(result.union, fast, fmt, default_graph_is_union=True)
    write_union(result.store, slow, fmt)
    if fmt is ox.RdfFormat.TURTLE:
        assert fast.read_bytes() == slow.read_bytes()
    else:
        assert sorted(fast.read_bytes().splitlines()) == sorted(slow.read_bytes().splitlines())
    assert not list(result.union.named_graphs())          # the claim copies do not stay in the union


def test_cli_build_of_disagreeing_reports_conforms_and_shows_the_rule_s_value(tmp_path: Path) -> None:
    import sys

    out = tmp_path / "g.ttl"
    run = subprocess.run([sys.executable, "-m", "graph", "build", str(write(tmp_path / "r", a=A, b=B, c=C)),
                          "--out", str(out), "--jobs", "1"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "SHACL: conforms" in run.stdout
    union = load(out)
    assert values(union, DOC, DATE) == {"2022-02-15"}
    assert values(union, BORDER, PREF) == {UPPER} and values(union, BORDER, ALT) == {LOWER}


def test_reports_of_one_event_that_each_infer_its_date_are_settled_like_any_shared_node() -> None:
    """An event keyed by organiser, kind and day is shared by the reports of that conference: when each says
    the day came from its own report's date (dt:dateInferredFrom, once per event), the union shows one."""
    store = ox.Store()
    ev = ox.NamedNode("https://w3id.org/dantoc-kg/id/event/vn/ubdt/so-ket/2022-09-06")
    inferred = ox.NamedNode("https://w3id.org/dantoc-kg/def#dateInferredFrom")
    for n, day in enumerate(["2022-09-07", "2022-09-06"]):
        g = ox.NamedNode(f"https://w3id.org/dantoc-kg/id/article/000000000000000{n}")
        store.extend([ox.Quad(ev, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                              ox.NamedNode("http://data.europa.eu/eli/eli-draft-legislation-ontology#Activity"), g),
                      ox.Quad(ev, inferred, g, g),
                      ox.Quad(g, ox.NamedNode("http://schema.org/datePublished"),
                              ox.Literal(day, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")), g)])
    (d,) = claims.disagreements(store)
    assert d.shown == ox.NamedNode("https://w3id.org/dantoc-kg/id/article/0000000000000001")   # the earlier report
    assert {q.object for q in claims.shown_quads(store) if q.predicate == inferred} == {d.shown}


def test_contested_is_every_pair_holding_two_values_in_one_language() -> None:
    """The grouped query equals its definition: two distinct values whose language (none for an IRI or a
    plain literal) is the same; one value per language, or one value, is not contested."""
    ex = "https://example.org/"
    label, place = PREF, ox.NamedNode("http://schema.org/containedInPlace")
    a, b, c, d = (ox.NamedNode(ex + n) for n in "abcd")
    store = ox.Store()
    for s, p, o in [
        (a, label, ox.Literal("Ban Dân tộc", language="vi")), (a, label, ox.Literal("Ethnic board", language="en")),
        (b, label, ox.Literal("Ban Dân tộc", language="vi")), (b, label, ox.Literal("Ban Dan toc", language="vi")),
        (c, place, ox.NamedNode(ex + "p1")), (c, place, ox.Literal("p1")),          # an IRI and a plain literal
        (d, place, ox.NamedNode(ex + "p1")),
    ]:
        store.add(ox.Quad(s, p, o))
    store.add(ox.Quad(d, place, ox.NamedNode(ex + "p2"), ox.NamedNode(ex + "g")))   # a claim, not the union
    assert claims.contested(store) == {(b, label), (c, place)}
