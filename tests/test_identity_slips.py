"""Keys that used to merge different things (issue 13, "identity slips"), on sentences written for the test.

A bare document number ("nghị định 48") names a different document for each kind; a district name the
partial district list holds for one province ("huyện Bình Tân", Vĩnh Long) is not the same-named urban
district of another ("quận Bình Tân", Hồ Chí Minh).
"""

from __future__ import annotations

from pathlib import Path

from graph.build import build
from graph.resolve import keys
from graph.resolve.gazetteer import Gazetteer

DOC_TYPE = "http://data.europa.eu/eli/ontology#LegalResource"
ORG_TYPE = "http://www.w3.org/ns/org#Organization"
PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"


def _labels(folder: Path, reports: dict[str, str], cls: str) -> dict[str, set[str]]:
    folder.mkdir()
    for name, text in reports.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    store = build([folder], jobs=1).store
    rows = store.query(f"SELECT ?s ?l WHERE {{ GRAPH ?g {{ ?s a <{cls}> ; <{PREF}> ?l }} }}")
    out: dict[str, set[str]] = {}
    for row in rows:
        out.setdefault(row["s"].value, set()).add(row["l"].value)
    return out


def test_a_bare_number_of_two_kinds_is_two_documents(tmp_path: Path) -> None:
    docs = _labels(tmp_path / "r", {
        "rung": "Ngày 12/3/2024, Ban Dân tộc tỉnh Cao Bằng tổ chức hội nghị triển khai Nghị định 48 của Chính phủ "
                "về quản lý rừng.\n",
        "tuphap": "Ngày 20/4/2024, Bộ Tư pháp tổ chức hội nghị triển khai Quyết định 48 của Thủ tướng Chính phủ "
                  "về công tác dân tộc.\n",
    }, DOC_TYPE)
    assert sorted(docs.values(), key=sorted) == [{"Nghị định 48"}, {"Quyết định 48"}]   # two nodes, one label each


def test_a_number_with_its_agency_code_keeps_one_key_whatever_the_kind_written() -> None:
    assert keys.document_key("12/NQ-CP", "vn", "Nghị quyết") == keys.document_key("12/NQ-CP", "vn", "nghị quyết số")
    assert keys.document_key("48", "vn", "Nghị định") != keys.document_key("48", "vn", "Quyết định")
    assert keys.document_key("48", "vn", "Nghị định") == keys.document_key("48", "vn", "nghị định")


def test_the_unit_word_decides_which_listed_district_a_name_can_mean() -> None:
    gaz = Gazetteer.default()
    assert {d.province for d in gaz.districts_named("Bình Tân", "huyện")} == {"vinh-long"}
    assert gaz.districts_named("Bình Tân", "quận") == []           # HCM's quận is not in the partial list
    assert gaz.districts_named("Bình Tân", "thành phố") == []
    assert {d.province for d in gaz.districts_named("Bình Tân")} == {"vinh-long"}   # no unit: as before


def test_an_urban_district_is_not_the_listed_rural_one_of_another_province(tmp_path: Path) -> None:
    bodies = _labels(tmp_path / "r", {
        "hcm": "Ngày 5/5/2024, Ủy ban nhân dân quận Bình Tân, TP Hồ Chí Minh tổ chức hội nghị.\n",
        "vinhlong": "Ngày 6/5/2024, Ủy ban nhân dân huyện Bình Tân tỉnh Vĩnh Long tổ chức hội nghị công tác dân tộc.\n",
    }, ORG_TYPE)
    tan = {iri: labels for iri, labels in bodies.items() if "binh-tan" in iri}
    assert len(tan) == 2 and all(len(labels) == 1 for labels in tan.values())
    assert tan["https://w3id.org/dantoc-kg/id/org/vinh-long/binh-tan/ubnd-huyen"] == {"Ủy ban nhân dân huyện Bình Tân"}
