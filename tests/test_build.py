"""The whole path on real reports: the five seeds, expectations written by hand from reading them."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from graph.build import build, write_union
from graph.query import run_query
from graph.store import open_store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
QUERIES = ROOT / "queries"


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed") / "graph.ttl"
    result = build([SEEDS], jobs=2)
    assert result.articles == 5 and not result.skipped
    write_union(result.store, out)
    return out


def rows(query: str, graph: Path) -> list[dict[str, str | None]]:
    return [dict(r) for r in run_query(QUERIES / f"{query}.rq", graph).rows]


def test_every_numbered_document_with_date_and_issuer(seed_graph: Path) -> None:
    got = {(r["source"][:3], r["number"], r["date"], r["issuer"]) for r in rows("legal-documents", seed_graph)}
    assert got == {
        ("001", "88/2019/QH14", "2019-11-18", "Quốc hội"),
        ("001", "12/NQ-CP", "2020-02-15", "Chính phủ"),
        ("003", "14-CT/TU", "2018-04-02", "Tỉnh ủy Kon Tum"),
        ("003", "1348/KH-UBND", "2018-05-31", "Ủy ban nhân dân tỉnh Kon Tum"),
        ("003", "2085/QĐ-TTg", None, "Thủ tướng Chính phủ"),
        ("004", "35/KH-BDT", "2022-06-13", "Ban Dân tộc tỉnh Trà Vinh"),
        ("004", "01/2021/TT-UBDT", "2021-11-01", "Ủy ban Dân tộc"),
    }


def test_named_officials_with_post_and_body(seed_graph: Path) -> None:
    got = {(r["source"][:3], r["name"], r["position"], r["organization"]) for r in rows("officials", seed_graph)}
    expected = {
        ("004", "Kiên Ninh", "Trưởng Ban Dân tộc tỉnh", "Ban Dân tộc tỉnh Trà Vinh"),
        ("004", "Thạch Mu Ni", "Phó Trưởng Ban Dân tộc tỉnh", "Ban Dân tộc tỉnh Trà Vinh"),
        ("004", "Hà Thanh Sơn", "Phó Trưởng Ban Dân tộc tỉnh", "Ban Dân tộc tỉnh Trà Vinh"),
        ("001", "Lương Trọng Quỳnh", "Phó Chủ tịch UBND tỉnh", "Ủy ban nhân dân tỉnh"),  # the text never names the province
        ("000", "Ma Quang Hiếu", "Trưởng Ban Dân tộc", "Ban Dân tộc tỉnh Tuyên Quang"),
    }
    assert expected <= got
    assert ("003", "Nguyễn Thị Hồng Lan") in {(s, n) for s, n, _p, _o in got}


def test_each_report_has_its_main_event_dated_and_organised(seed_graph: Path) -> None:
    events = rows("events", seed_graph)
    main = {(r["source"][:3], r["kind"], r["date"]) for r in events if r["organizer"]}
    assert {("000", "so-ket", "2020-07-17"), ("001", "tong-ket", "2021-01-08"), ("002", "tong-ket", "2023-01-10"),
            ("004", "so-ket", "2022-06-27")} <= main
    organisers = {r["organizer"] for r in events if r["source"].startswith("004") and r["date"] == "2022-06-27"}
    assert organisers == {"Ban Dân tộc tỉnh Trà Vinh"}


def test_programmes_and_authors(seed_graph: Path) -> None:
    progs = {(r["source"][:3], r["programme"].rsplit("/", 1)[-1]) for r in rows("programmes", seed_graph)}
    assert {("001", "ct135"), ("003", "ct135"), ("002", "ctmtqg-dtts-mn"), ("004", "ctmtqg-dtts-mn")} <= progs
    authors = {(r["source"][:3], r["name"]) for r in rows("authors", seed_graph)}
    assert authors == {("000", "Ma Anh Dũng"), ("001", "Huy Anh"), ("002", "Lương Đình Bảo"),
                       ("003", "Nguyễn Thanh Hưng"), ("004", "Cảnh Tuân")}


def test_every_fact_has_its_evidence_sentence(seed_graph: Path) -> None:
    q = """PREFIX prov: <http://www.w3.org/ns/prov#>
    PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
    PREFIX org: <http://www.w3.org/ns/org#>
    SELECT ?m ?text WHERE { ?m a org:Membership . OPTIONAL { ?m prov:wasInfluencedBy/nif:anchorOf ?text } }"""
    found = run_query(q, seed_graph).rows
    assert found and all(r["text"] for r in found)
    kien_ninh = [r["text"] for r in found if "Kiên Ninh" in (r["text"] or "")]
    assert any("Trưởng Ban Dân tộc tỉnh" in t for t in kien_ninh)


def write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


A = ("Ngày 05/4/2024, Ban Dân tộc tỉnh Sơn La tổ chức Hội nghị sơ kết công tác dân tộc quý I năm 2024. "
     "Hội nghị triển khai Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ.\n")
B = ("Ngày 20/5/2024, Ban Dân tộc tỉnh Điện Biên tổ chức Hội nghị giao ban công tác dân tộc. "
     "Các đại biểu thảo luận việc thực hiện Quyết định 1719/QĐ-TTg ngày 14/10/2021.\n")


def test_one_node_per_document_across_articles(tmp_path: Path) -> None:
    write(tmp_path / "in", "a.txt", A)
    write(tmp_path / "in", "b.txt", B)
    out = tmp_path / "g.ttl"
    write_union(build([tmp_path / "in"], jobs=1).store, out)
    q = """PREFIX eli: <http://data.europa.eu/eli/ontology#>
    SELECT DISTINCT ?doc WHERE { ?doc eli:id_local "1719/QĐ-TTg" }"""
    assert len(run_query(q, out).rows) == 1
    cited = {r["source"] for r in rows("legal-documents", out) if r["number"] == "1719/QĐ-TTg"}
    assert cited == {"a", "b"}


def test_store_rebuild_replaces_never_duplicates(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder, "a.txt", A)
    with open_store(tmp_path / "store") as kg:
        build([folder], jobs=1, store=kg)
        first = kg.triples_count()
        build([folder], jobs=1, store=kg)
        assert kg.triples_count() == first                      # re-running adds nothing
        write(folder, "a.txt", A.replace("05/4/2024", "06/4/2024"))
        build([folder], jobs=1, store=kg)                       # the file changed: its old article goes
        assert len(kg.articles()) == 1
        write(folder, "copy.txt", A.replace("05/4/2024", "06/4/2024"))
        build([folder], jobs=1, store=kg)                       # same text, second name: both names kept
        assert [info.sources for info in kg.articles()] == [("a", "copy")]
        assert kg.remove_source("a") == [] and kg.remove_source("copy")
        assert kg.articles() == []


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("dantoc-kg")
    cmd = [exe] if exe else [sys.executable, "-m", "graph"]
    return subprocess.run([*cmd, *args], capture_output=True, text=True, cwd=ROOT, timeout=600)


def test_cli_build_prints_summary_and_conforms(tmp_path: Path) -> None:
    proc = cli("build", "seeds", "--out", str(tmp_path / "g.ttl"))
    assert proc.returncode == 0, proc.stderr
    assert "articles built: 5" in proc.stdout and "SHACL: conforms" in proc.stdout
    assert "legal documents      7" in proc.stdout
    table = cli("query", "queries/officials.rq", "--graph", str(tmp_path / "g.ttl"), "--format", "csv")
    assert any(r["name"] == "Kiên Ninh" for r in csv.DictReader(io.StringIO(table.stdout)))


@pytest.mark.parametrize("args", [["build", "no/such/folder", "--out", "x.ttl"],
                                  ["build", "seeds", "--out", "graph.xyz"],
                                  ["validate", "no-such.ttl"],
                                  ["query", "queries/nope.rq", "--graph", "x.ttl"]])
def test_cli_user_mistakes_are_one_clear_line(args: list[str]) -> None:
    proc = cli(*args)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr and "error" in proc.stderr.lower()


@pytest.mark.parametrize("command", ["build", "validate", "query", "queries", "export", "push", "viz", "stats",
                                     "remove"])
def test_every_command_has_help(command: str) -> None:
    proc = cli(command, "--help")
    assert proc.returncode == 0 and "usage:" in proc.stdout


def test_store_union_equals_the_articles_after_batched_and_replaced_builds(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder, "a.txt", A)
    write(folder, "b.txt", B)
    with open_store(tmp_path / "store") as kg:
        build([SEEDS, folder], jobs=1, store=kg)                  # all new: written in atomic batches
        write(folder, "a.txt", A.replace("05/4/2024", "07/4/2024"))
        build([folder], jobs=1, store=kg)                         # a changed file: replaced in a transaction
        distinct = {(q.subject, q.predicate, q.object) for q in kg.quads()}
        assert {(q.subject, q.predicate, q.object) for q in kg.union_triples()} == distinct
        assert len(kg.articles()) == 7


def test_every_seed_holding_has_its_body_and_no_article_scoped_body_shadows_a_provincial_one(seed_graph: Path) -> None:
    """Issue 13, error 8: a holding without org:organization ("Phó phòng phụ trách LĐTB & XH huyện ...") and an
    article-scoped "UBND tỉnh" beside the province's own ("Văn phòng HĐND và UBND thành phố")."""
    bodiless = run_query("""PREFIX org: <http://www.w3.org/ns/org#>
        SELECT ?m WHERE { ?m a org:Membership . FILTER NOT EXISTS { ?m org:organization ?o } }""", seed_graph)
    assert list(bodiless.rows) == []
    shadowed = run_query("""PREFIX schema: <http://schema.org/>
        SELECT ?org WHERE { ?art schema:contentLocation ?place ; schema:mentions ?org .
                            FILTER(CONTAINS(STR(?org), "/id/org/a/") && REGEX(STR(?org), "-tinh$")) }""", seed_graph)
    assert list(shadowed.rows) == []
