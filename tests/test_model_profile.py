"""The ELI-EP shapes of events and documents on made-up reports: events are eli-dl:Activity with their
kind, day and organiser; plans, reports and Party documents are eli:Work, normative acts eli:LegalResource,
and the stored questions list both."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib import RDF, Namespace

from graph.build import build, write_union
from graph.query import run_query
from graph.rdf.works import is_work

QUERIES = Path(__file__).resolve().parent.parent / "queries"
ELI = Namespace("http://data.europa.eu/eli/ontology#")
ELIDL = Namespace("http://data.europa.eu/eli/eli-draft-legislation-ontology#")
SCHEMA = Namespace("http://schema.org/")
DT = Namespace("https://w3id.org/dantoc-kg/def#")

REPORT = """Sơ kết công tác dân tộc 6 tháng đầu năm 2024

Ngày 12/7/2024, Ban Dân tộc tỉnh Sơn La tổ chức Hội nghị sơ kết công tác dân tộc 6 tháng đầu năm 2024.

Thực hiện Chỉ thị số 19-CT/TU của Tỉnh ủy Sơn La, UBND tỉnh ban hành Kế hoạch số 210/KH-UBND triển khai Quyết định số 1719/QĐ-TTg của Thủ tướng Chính phủ.

Ban Dân tộc tỉnh đã gửi Báo cáo số 88/BC-BDT về kết quả thực hiện chính sách dân tộc.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, rdflib.Graph]:
    folder = tmp_path_factory.mktemp("reports")
    (folder / "soket.txt").write_text(REPORT, encoding="utf-8")
    out = folder.parent / "graph.ttl"
    write_union(build([folder], jobs=1).store, out)
    g = rdflib.Graph()
    g.parse(out)
    return out, g


def _doc(g: rdflib.Graph, number: str) -> rdflib.term.Node:
    found = list(g.subjects(ELI.id_local, rdflib.Literal(number)))
    assert len(found) == 1, (number, found)
    return found[0]


def test_event_is_an_eli_dl_activity_with_kind_day_and_organiser(built: tuple[Path, rdflib.Graph]) -> None:
    _, g = built
    events = set(g.subjects(RDF.type, SCHEMA.Event))
    assert events and all((e, RDF.type, ELIDL.Activity) in g for e in events)
    ev = next(e for e in events if str(e).endswith("/so-ket/2024-07-12"))
    assert str(g.value(ev, ELIDL.had_activity_type)).endswith("/eventkind/so-ket")
    assert str(g.value(ev, ELIDL.activity_date)) == "2024-07-12"
    assert str(g.value(ev, ELIDL.had_responsible_organization)).endswith("/org/son-la/ban-dan-toc-tinh")
    assert not list(g.triples((None, DT.eventKind, None)))
    assert not list(g.triples((None, SCHEMA.startDate, None)))


def test_plans_reports_and_party_documents_are_works(built: tuple[Path, rdflib.Graph]) -> None:
    _, g = built
    for number, kind in (("210/KH-UBND", "ke-hoach"), ("88/BC-BDT", "bao-cao"), ("19-CT/TU", "chi-thi")):
        doc = _doc(g, number)
        assert (doc, RDF.type, ELI.Work) in g and (doc, RDF.type, ELI.LegalResource) not in g, number
        assert str(g.value(doc, ELI.work_type)).endswith(f"/doctype/{kind}")
        assert g.value(doc, ELI.type_document) is None
    decision = _doc(g, "1719/QĐ-TTg")
    assert (decision, RDF.type, ELI.LegalResource) in g and (decision, RDF.type, ELI.Work) not in g
    assert str(g.value(decision, ELI.type_document)).endswith("/doctype/quyet-dinh")


def test_legal_documents_question_lists_works_with_their_kind(built: tuple[Path, rdflib.Graph]) -> None:
    out, _ = built
    rows = {r["number"]: r["kind"] for r in (dict(x) for x in run_query(QUERIES / "legal-documents.rq", out).rows)}
    assert rows.get("210/KH-UBND") == "Kế hoạch"
    assert rows.get("88/BC-BDT") == "Báo cáo"
    assert rows.get("1719/QĐ-TTg") == "Quyết định"


def test_document_chain_follows_a_plan_to_what_it_implements(built: tuple[Path, rdflib.Graph]) -> None:
    out, _ = built
    rows = [dict(r) for r in run_query(QUERIES / "document-chain.rq", out, params={"number": "210/KH-UBND"}).rows]
    assert any("1719/QĐ-TTg" in str(r["related"]) for r in rows), rows


def test_events_question_keeps_its_columns(built: tuple[Path, rdflib.Graph]) -> None:
    out, _ = built
    rows = [dict(r) for r in run_query(QUERIES / "events.rq", out).rows]
    assert any(r["kind"] == "so-ket" and str(r["date"]) == "2024-07-12" and "Ban Dân tộc" in str(r["organizer"])
               for r in rows), rows


@pytest.mark.parametrize(("kind", "number", "work"), [
    ("ke-hoach", "1348/KH-UBND", True), ("bao-cao", "12/BC-UBND", True), ("nghi-quyet", "20-NQ/TW", True),
    ("nghi-quyet", "88/2019/QH14", False), ("quyet-dinh", "1719/QĐ-TTg", False), ("chi-thi", "06/CT-TTg", False),
])
def test_work_or_legal_resource_by_kind_and_number(kind: str, number: str, work: bool) -> None:
    assert is_work(kind, number) is work
