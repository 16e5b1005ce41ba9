"""Hostile text and parameters: nothing a value or an article says reaches a query as syntax, an IRI
as a raw character, a page as markup, or the file system as a path; pushing to a dead endpoint leaves
the local store as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.cli import main
from graph.errors import UserError
from graph.query import run_query
from graph.store import open_store

ROOT = Path(__file__).resolve().parent.parent
TWO = ROOT / "tests" / "data" / "store" / "two_articles.trig"
HOSTILE = [
    'A Khưa" } ; DROP ALL ; #',
    "x' } } ; CLEAR ALL ; INSERT DATA { <http://e/a> <http://e/b> <http://e/c> } #",
    '"""} DROP ALL """',
    "} ; DROP SILENT GRAPH <https://w3id.org/dantoc-kg/id/article/0000000000000000> ; {",
    "\\\" } ; DELETE WHERE { ?s ?p ?o } ; #\n}",
    "<http://e/x> } ; DROP ALL ; SELECT * {",
    '"x"^^<http://e/t> } ; DROP ALL #',
    '"Lò Văn Minh"@vi } ; DROP ALL #',
]
FRAGMENTS = st.sampled_from(['"', "'", "}", "{", ";", " DROP ALL ", " CLEAR ALL ", "#", "\n", "<", ">", "\\",
                             '"""', "^^", "@vi", " INSERT DATA ", "?s ?p ?o", "GRAPH", "Lò Văn Minh", "xsd:string"])
QUERY = "SELECT ?p WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?n }"


def _fingerprint(kg) -> tuple[int, list[str]]:
    return kg.triples_count(), sorted(str(q) for q in kg.quads())


@pytest.fixture
def disk_store(tmp_path: Path):
    with open_store(tmp_path / "db") as kg:
        kg.load_file(TWO)
        yield kg


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_parameter_on_a_writable_disk_store_changes_nothing(disk_store, value: str) -> None:
    before = _fingerprint(disk_store)
    assert before[0] > 0
    try:
        rows = run_query(QUERY, disk_store, {"n": value})
    except UserError:  # a value that reads as a malformed IRI or datatype is refused, not run
        pass
    else:
        assert rows.rows == []
    assert _fingerprint(disk_store) == before


def test_hostile_parameter_through_the_cli_on_a_store_folder(tmp_path: Path, capsys) -> None:
    with open_store(tmp_path / "db") as kg:
        kg.load_file(TWO)
        before = _fingerprint(kg)
    for value in HOSTILE:
        code = main(["query", QUERY, "--store", str(tmp_path / "db"), "--param", f"n={value}", "--format", "csv"])
        out = capsys.readouterr()
        assert code in (0, 2) and "Traceback" not in out.err
        if code == 0:
            assert out.out.strip() == "p"
    with open_store(tmp_path / "db", read_only=True) as kg:
        assert _fingerprint(kg) == before


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(FRAGMENTS | st.text(max_size=6), max_size=12).map("".join))
def test_any_value_only_changes_what_is_matched(disk_store, value: str) -> None:
    before = disk_store.triples_count()
    try:
        rows = run_query(QUERY, disk_store, {"n": value})
    except UserError:
        return
    names = {r["p"] for r in rows.rows}
    # what matched is exactly the people whose name is the value (as an RDF term)
    from graph.query.params import to_term

    term = to_term(value)
    expected = {q.subject.value for q in disk_store.oxigraph.quads_for_pattern(
        None, __import__("pyoxigraph").NamedNode("http://xmlns.com/foaf/0.1/name"), term, None)}
    assert names == expected
    assert disk_store.triples_count() == before


EVIL_TEXT = ("Ngày 03/5/2024, Ban Dân tộc tỉnh Sơn La tổ chức hội nghị <script>window.__pwned=1</script> "
             "tại ../../../../tmp/evil.ttl và /etc/passwd; ông Lò Văn \"Minh\" <img src=x onerror=alert(1)>, "
             "Trưởng Ban Dân tộc tỉnh chủ trì hội nghị.\n")


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def test_outputs_are_written_only_where_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """Every command writes exactly the path it was given: no name comes from an article's text or
    source name, whatever they hold (dots, slashes, markup)."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "..evil name; rm -rf ~.txt").write_text(EVIL_TEXT, encoding="utf-8")
    (inputs / "%2e%2e%2fescape.html").write_text(f"<html><body><article><p>{EVIL_TEXT}</p></article></body></html>",
                                                encoding="utf-8")
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    out = tmp_path / "out"
    before = _files(tmp_path)
    assert main(["build", str(inputs), "--out", str(out / "g.ttl"), "--quiet", "--jobs", "1"]) == 0
    assert main(["build", str(inputs), "--store", str(tmp_path / "db"), "--out", str(out / "g.nq"), "--quiet",
                 "--jobs", "1", "--no-validate"]) == 0
    assert main(["export", "--store", str(tmp_path / "db"), "--out", str(out / "e.trig")]) == 0
    assert main(["viz", str(out / "g.ttl"), "--out", str(out / "v.html")]) == 0
    assert main(["stats", str(out / "g.ttl"), "--out", str(out / "s.txt")]) == 0
    assert main(["query", "officials", "--graph", str(out / "g.ttl"), "--out", str(out / "q.csv"),
                 "--format", "csv"]) == 0
    assert main(["validate", str(out / "g.ttl"), "--report-ttl", str(out / "r.ttl")]) == 0
    capsys.readouterr()
    created = _files(tmp_path) - before
    outside = {f for f in created if not f.startswith(("out/", "db/"))}
    assert outside == set()
    assert {f for f in created if f.startswith("out/")} == {
        "out/g.ttl", "out/g.nq", "out/e.trig", "out/v.html", "out/s.txt", "out/q.csv", "out/r.ttl"}
    assert not (tmp_path.parent / "evil.ttl").exists() and _files(work) == set()
    page = (out / "v.html").read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in page and "<img src=x" not in page
    assert "Lò Văn" in page


def test_push_to_a_dead_or_failing_endpoint_leaves_the_local_store_untouched(
    tmp_path: Path, fake_server, capsys
) -> None:
    from tests.conftest import free_port

    db = tmp_path / "db"
    with open_store(db) as kg:
        kg.load_file(TWO)
        before = _fingerprint(kg)
    files_before = {p.name: p.stat().st_size for p in db.iterdir() if p.suffix == ".sst"}
    dead = f"http://127.0.0.1:{free_port()}/store"
    code = main(["push", "--store", str(db), "--gsp", dead, "--timeout", "0.5", "--retries", "1", "--replace"])
    err = capsys.readouterr().err
    assert code == 2 and "cannot reach" in err and "Traceback" not in err

    calls: list[str] = []

    def dies_after_one(h) -> None:   # accepts the first graph, then fails
        calls.append(h.command)
        h.send_response(204 if len(calls) == 1 else 500)
        h.end_headers()

    with fake_server(dies_after_one) as srv:
        code = main(["push", "--store", str(db), "--gsp", srv.url, "--timeout", "2", "--retries", "1", "--replace"])
    err = capsys.readouterr().err
    assert code == 2 and "500" in err and "Traceback" not in err
    with open_store(db, read_only=True) as kg:
        assert _fingerprint(kg) == before
    assert {p.name: p.stat().st_size for p in db.iterdir() if p.suffix == ".sst"} == files_before
    assert os.access(db, os.W_OK)
