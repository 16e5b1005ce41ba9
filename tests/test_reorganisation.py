"""The 2025 reorganisation as org:ChangeEvents, on made-up reports: a report naming a body that the
reorganisation ended carries the change (original and resulting bodies, from when), and the stored question
follows a body through every step."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib import RDF, Namespace

from graph.build import build, write_union
from graph.query import run_query

QUERIES = Path(__file__).resolve().parent.parent / "queries"
ORG = Namespace("http://www.w3.org/ns/org#")
ID = "https://w3id.org/dantoc-kg/id/"
DCAT = Namespace("http://www.w3.org/ns/dcat#")

KON_TUM = """Ban Dân tộc tỉnh Kon Tum sơ kết công tác dân tộc

Ngày 10/7/2023, Ban Dân tộc tỉnh Kon Tum tổ chức Hội nghị sơ kết công tác dân tộc 6 tháng đầu năm 2023.
"""
LAI_CHAU = """UBND tỉnh Lai Châu giao ban

Ngày 5/9/2023, UBND tỉnh Lai Châu họp giao ban với Ủy ban Dân tộc về chính sách dân tộc.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, rdflib.Graph]:
    folder = tmp_path_factory.mktemp("reports")
    (folder / "kontum.txt").write_text(KON_TUM, encoding="utf-8")
    (folder / "laichau.txt").write_text(LAI_CHAU, encoding="utf-8")
    result = build([folder], jobs=1)
    out = folder.parent / "graph.ttl"
    write_union(result.store, out)
    g = rdflib.Graph()
    g.parse(out)
    return out, g


def _change(g: rdflib.Graph, original: str) -> list[tuple[str, str]]:
    """(resulting body, start date) of each change that ended ``original``."""
    out = []
    for c in g.subjects(ORG.originalOrganization, rdflib.URIRef(ID + "org/" + original)):
        assert (c, RDF.type, ORG.ChangeEvent) in g
        period = g.value(c, rdflib.DCTERMS.temporal)
        assert (period, RDF.type, rdflib.DCTERMS.PeriodOfTime) in g
        out.append((str(g.value(c, ORG.resultingOrganization)).removeprefix(ID + "org/"),
                    str(g.value(period, DCAT.startDate))))
    return out


def test_ban_dan_toc_became_a_department_then_merged_with_quang_ngai(built: tuple[Path, rdflib.Graph]) -> None:
    _, g = built
    assert _change(g, "kon-tum/ban-dan-toc-tinh") == [("kon-tum/so/dan-toc-va-ton-giao", "2025-03-01")]
    assert _change(g, "kon-tum/so/dan-toc-va-ton-giao") == [("quang-ngai-2025/so/dan-toc-va-ton-giao", "2025-07-01")]
    merger = next(g.subjects(ORG.resultingOrganization, rdflib.URIRef(ID + "org/quang-ngai-2025/so/dan-toc-va-ton-giao")))
    originals = {str(o).removeprefix(ID + "org/") for o in g.objects(merger, ORG.originalOrganization)}
    assert originals == {"kon-tum/so/dan-toc-va-ton-giao", "quang-ngai/so/dan-toc-va-ton-giao"}


def test_national_committee_and_an_unmerged_province(built: tuple[Path, rdflib.Graph]) -> None:
    _, g = built
    assert _change(g, "vn/ubdt") == [("vn/bo-dan-toc-ton-giao", "2025-03-01")]
    assert _change(g, "lai-chau/ubnd-tinh") == []          # Lai Châu was not merged
    assert not list(g.subjects(ORG.originalOrganization, rdflib.URIRef(ID + "org/son-la/ubnd-tinh")))   # not named


def test_successor_question_follows_every_step(built: tuple[Path, rdflib.Graph]) -> None:
    out, _ = built
    rows = [dict(r) for r in run_query(QUERIES / "successor-bodies.rq", out, params={"body": "Ban Dân tộc tỉnh Kon Tum"}).rows]
    steps = [(str(r["date"]), str(r["became"]).removeprefix(ID + "org/")) for r in rows]
    assert steps == [("2025-03-01", "kon-tum/so/dan-toc-va-ton-giao"),
                     ("2025-07-01", "quang-ngai-2025/so/dan-toc-va-ton-giao")]
    assert "quang-ngai/so/dan-toc-va-ton-giao" in str(rows[1]["mergedWith"])


def test_the_graph_with_changes_conforms(built: tuple[Path, rdflib.Graph]) -> None:
    from graph.validate import validate

    report = validate(built[1], evidence=False, engine="pyshacl")
    assert report.conforms, report.to_text()


def test_a_changes_label_comes_from_the_data_not_the_article(tmp_path: Path) -> None:
    """Two reports writing the body differently give its change one label (no two prefLabels when merged)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(KON_TUM, encoding="utf-8")
    (folder / "b.txt").write_text(KON_TUM.replace("Ban Dân tộc tỉnh Kon Tum tổ chức", "Ban Dân tộc Kon Tum tổ chức")
                                  .replace("10/7/2023", "12/7/2023"), encoding="utf-8")
    out = tmp_path / "g.ttl"
    write_union(build([folder], jobs=1).store, out)
    g = rdflib.Graph().parse(out)
    for change in g.subjects(RDF.type, ORG.ChangeEvent):
        assert len(list(g.objects(change, rdflib.namespace.SKOS.prefLabel))) == 1, change
