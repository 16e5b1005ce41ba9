"""Queries on files and stores: results, output formats, stored-query headers, safe parameters."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.cli import main
from graph.errors import UserError
from graph.query import (
    bind,
    list_queries,
    load_stored_query,
    parse_assignments,
    render,
    run_query,
    to_term,
)
from graph.query.formats import display_width
from graph.query.params import scan
from graph.store import load_dataset, open_store, parse_file

DATA = Path(__file__).parent / "data" / "store"
GRAPH = DATA / "two_articles.trig"
OFFICIALS = DATA / "officials.rq"
ID = "https://w3id.org/dantoc-kg/id/"
A_KHUA = ID + "person/kon-tum/a-khua-3d4e5f"


def test_stored_query_on_a_file_gives_rows_in_column_order() -> None:
    rows = run_query(OFFICIALS, GRAPH)
    assert rows.columns == ["name", "title", "orgLabel", "person"]
    names = sorted({r["name"] for r in rows.rows})
    assert names == ["A Khưa", "Lâm Thị Huyền"]
    first = rows.rows[0]
    assert list(first) == rows.columns
    assert first["title"] == "Phó Trưởng Ban Dân tộc tỉnh"


def test_same_answer_from_file_and_store(tmp_path: Path) -> None:
    with open_store(tmp_path / "db") as store:
        store.load_file(GRAPH)
        from_store = run_query(OFFICIALS, store).rows
    from_folder = run_query(OFFICIALS, tmp_path / "db").rows  # opened read-only
    assert from_store == run_query(OFFICIALS, GRAPH).rows == from_folder


def test_optional_gives_none_for_unbound() -> None:
    q = (
        "SELECT ?p ?missing WHERE { ?p a <http://xmlns.com/foaf/0.1/Person> "
        "OPTIONAL { ?p <http://example.org/none> ?missing } } ORDER BY ?p"
    )
    rows = run_query(q, GRAPH)
    assert [r["missing"] for r in rows.rows] == [None, None]


def test_ask_and_construct() -> None:
    assert run_query("ASK { ?s ?p ?o }", GRAPH).boolean is True
    rows = run_query(
        "CONSTRUCT { ?p <http://example.org/n> ?n } WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?n }", GRAPH
    )
    assert rows.columns == ["subject", "predicate", "object"]
    assert {r["object"] for r in rows.rows} == {"A Khưa", "Lâm Thị Huyền"}


# -- parameters -----------------------------------------------------------------------------------
def test_param_terms() -> None:
    assert to_term("<http://example.org/x>") == ox.NamedNode("http://example.org/x")
    assert to_term("https://example.org/y") == ox.NamedNode("https://example.org/y")
    assert to_term("id:org/kon-tum/ban-dan-toc-tinh") == ox.NamedNode(ID + "org/kon-tum/ban-dan-toc-tinh")
    assert to_term("2021-01-12^^xsd:date") == ox.Literal(
        "2021-01-12", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
    )
    assert to_term('"7"^^<http://www.w3.org/2001/XMLSchema#integer>') == ox.Literal(
        "7", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    )
    assert to_term('"Trà Vinh"@vi') == ox.Literal("Trà Vinh", language="vi")
    assert to_term("Hoà Bình") == ox.Literal("Hoà Bình")
    # decomposed input (NFD) becomes NFC, as the graph's text is
    assert to_term("Kon Tu\u0301m".replace("u\u0301", "u\u0301")).value == "Kon Túm"
    assert to_term("nobody@example.org") == ox.Literal("nobody@example.org")  # no quotes: not a language tag
    assert to_term("unknownprefix:thing") == ox.Literal("unknownprefix:thing")
    with pytest.raises(UserError, match="not a valid IRI"):
        to_term("<http://x y>")
    with pytest.raises(UserError, match="unknown datatype"):
        to_term("5^^nope:int")


def test_param_binds_an_iri() -> None:
    rows = run_query(OFFICIALS, GRAPH, {"person": f"<{A_KHUA}>"})
    assert [r["name"] for r in rows.rows] == ["A Khưa"]
    rows = run_query(OFFICIALS, GRAPH, {"person": "id:person/kon-tum/a-khua-3d4e5f"})
    assert [r["name"] for r in rows.rows] == ["A Khưa"]


def test_param_with_two_values() -> None:
    q = "SELECT ?n WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?n } ORDER BY ?n"
    rows = run_query(q, GRAPH, {"n": ["A Khưa", "Lâm Thị Huyền", "Không Có"]})
    assert [r["n"] for r in rows.rows] == ["A Khưa", "Lâm Thị Huyền"]


HOSTILE = [
    'Lâm" } ; DROP ALL ; #',
    "} ; DROP ALL",
    'x" . ?s ?p ?o . FILTER(true) } #',
    "line one\n} UNION { ?s ?p ?o }",
    "back\\slash\\\" and 'single' quotes",
    "<http://evil.example/> } ; CLEAR ALL",
    '""" triple quotes """',
    "# not a comment",
    "${x} ?o VALUES",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_only_change_the_value_matched(value: str) -> None:
    store = load_dataset(GRAPH)
    before = len(store)
    node = ox.NamedNode("http://example.org/hostile")
    pred = ox.NamedNode("http://example.org/label")
    store.add(ox.Quad(node, pred, ox.Literal(value)))
    q = "SELECT ?s WHERE { ?s <http://example.org/label> ?v }"
    rows = run_query(q, store, {"v": value})
    assert rows.rows == [{"s": "http://example.org/hostile"}]  # exactly the one triple with that value
    assert run_query(q, store, {"v": value + " "}).rows == []
    assert len(store) == before + 1  # nothing dropped or added
    bound = bind(q, {"v": value})
    assert bound.count("VALUES") == 1 + value.count("VALUES")
    ox.Store().query(bound)  # still one well-formed query


def test_hostile_values_through_an_rq_file_and_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    value = 'Lâm Thị Huyền" } } ; DROP ALL #\n'
    code = main(
        ["query", str(OFFICIALS), "--graph", str(GRAPH), "--param", f"person={value}", "--format", "csv"]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert out == "name,title,orgLabel,person\r\n"


def test_unknown_param_is_a_user_error() -> None:
    with pytest.raises(UserError, match=r"unknown parameter 'who'.*org, person"):
        run_query(OFFICIALS, GRAPH, {"who": "x"})
    with pytest.raises(UserError, match="unknown parameter"):
        bind("SELECT ?a WHERE { ?a ?b ?c }", {"zzz": "1"})


def test_values_goes_into_where_not_the_construct_template() -> None:
    q = "CONSTRUCT { ?p <http://e/x> ?n } WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?n }"
    bound = bind(q, {"n": "A Khưa"})
    assert bound.index("VALUES") > bound.index("WHERE")
    rows = run_query(q, GRAPH, {"n": "A Khưa"})
    assert len(rows) == 1
    with pytest.raises(UserError, match="CONSTRUCT WHERE"):
        bind("CONSTRUCT WHERE { ?s ?p ?n }", {"n": "x"})


def test_scan_skips_braces_in_strings_iris_and_comments() -> None:
    q = (
        'PREFIX ex: <http://e/{x}>\n# a { comment\nSELECT (STR("}{") AS ?t) ?z WHERE {\n'
        ' ?z ex:p "{ not here }" }'
    )
    shape = scan(q)
    assert shape.form == "SELECT"
    assert q[shape.where_open - 1] == "{" and q[: shape.where_open].endswith("WHERE {")
    assert shape.variables == {"t", "z"}


def test_malformed_sparql_names_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad.rq"
    bad.write_text("# title: hỏng\nSELECT ?s WHERE {\n  ?s ?p \n}\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"bad\.rq: malformed SPARQL: line 4, column \d+: expected"):
        run_query(bad, GRAPH)


def test_parse_assignments() -> None:
    assert parse_assignments(["a=1", "a=2", "b=x=y", "?c="]) == {"a": ["1", "2"], "b": ["x=y"], "c": [""]}
    with pytest.raises(UserError):
        parse_assignments(["no-equals"])
    with pytest.raises(UserError):
        parse_assignments(["bad name=1"])


# -- stored queries ---------------------------------------------------------------------------------
def test_header_is_parsed() -> None:
    q = load_stored_query(OFFICIALS)
    assert q.name == "officials"
    assert q.title == "Các quan chức và chức vụ / Officials and their positions"
    assert q.description.endswith("People, the title as written and the body, per article.")
    assert [(p.name, p.optional) for p in q.params] == [("person", True), ("org", True)]
    assert q.example.startswith("dantoc-kg query")


def test_list_queries(tmp_path: Path) -> None:
    (tmp_path / "b.rq").write_text("# title: Bê\nASK {}\n", encoding="utf-8")
    (tmp_path / "a.rq").write_text("SELECT * {}\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    found = list_queries(tmp_path)
    assert [(q.name, q.title) for q in found] == [("a", ""), ("b", "Bê")]
    with pytest.raises(UserError):
        list_queries(tmp_path / "missing")


# -- output formats ---------------------------------------------------------------------------------
def test_csv_is_rfc4180() -> None:
    store = ox.Store()
    s = ox.NamedNode("http://e/s")
    store.add(ox.Quad(s, ox.NamedNode("http://e/p"), ox.Literal('Hội nghị "sơ kết", năm 2023\ndòng hai')))
    rows = run_query("SELECT ?s ?o ?none WHERE { ?s ?p ?o OPTIONAL { ?s <http://e/q> ?none } }", store)
    text = render(rows, "csv")
    assert text.startswith("s,o,none\r\n")
    parsed = list(csv.reader(io.StringIO(text, newline="")))
    assert parsed == [["s", "o", "none"], ["http://e/s", 'Hội nghị "sơ kết", năm 2023\ndòng hai', ""]]


def test_json_is_sparql_results_json() -> None:
    rows = run_query(OFFICIALS, GRAPH)
    doc = json.loads(render(rows, "json"))
    assert doc["head"]["vars"] == ["name", "title", "orgLabel", "person"]
    b = doc["results"]["bindings"][0]
    assert b["title"] == {"type": "literal", "value": "Phó Trưởng Ban Dân tộc tỉnh", "xml:lang": "vi"}
    assert b["person"] == {"type": "uri", "value": A_KHUA}
    # and pyoxigraph's own SPARQL JSON parser reads it back
    back = list(ox.parse_query_results(render(rows, "json").encode(), ox.QueryResultsFormat.JSON))
    assert len(back) == len(rows)
    assert json.loads(render(run_query("ASK {}", GRAPH), "json")) == {"head": {}, "boolean": True}


def test_table_is_aligned_with_vietnamese_text() -> None:
    rows = run_query(OFFICIALS, GRAPH)
    lines = render(rows, "table").splitlines()
    assert lines[-1] == f"({len(rows)} rows)"
    col = lines[0].index("title")
    for line in lines[2:-1]:
        # the second column starts at the same display column on every line
        prefix = line[: len(line) - len(line.lstrip())]
        assert not prefix
        title_start = next(i for i in range(len(line)) if display_width(line[:i]) == col)
        assert line[title_start - 2 : title_start] == "  " and line[title_start] != " "
    assert "id:person/kon-tum/a-khua-3d4e5f" in lines[2]  # IRIs shortened with the profile prefixes


def test_table_truncates_long_cells() -> None:
    store = ox.Store()
    store.add(
        ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal("Chương trình " * 20))
    )
    text = render(run_query("SELECT ?o { ?s ?p ?o }", store), "table", max_width=30)
    assert max(display_width(line) for line in text.splitlines()) == 30
    assert "…" in text


def test_display_width() -> None:
    assert display_width("Đắk Lắk") == 7
    assert display_width("Đa\u0301k") == 3  # a combining accent takes no column
    assert display_width("漢字") == 4


# -- CLI -----------------------------------------------------------------------------------------------
def test_cli_errors_are_one_line_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["query", "SELECT * WHERE { ?s ?p }", "--graph", str(GRAPH)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("dantoc-kg query: error: query: malformed SPARQL") and err.count("\n") == 1
    assert main(["query", str(OFFICIALS), "--graph", str(tmp_path / "none.ttl")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["query", "nonexistent_query", "--graph", str(GRAPH)]) == 2
    assert "no such query file" in capsys.readouterr().err
    assert main(["query", str(OFFICIALS), "--graph", str(GRAPH), "--user", "u"]) == 2
    capsys.readouterr()


def test_cli_json_to_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.json"
    assert main(["query", str(OFFICIALS), "--graph", str(GRAPH), "--format", "json", "--out", str(out)]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))["results"]["bindings"]) == len(
        run_query(OFFICIALS, GRAPH)
    )


def test_cli_queries_lists_titles_and_params(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["queries", str(DATA)]) == 0
    out = capsys.readouterr().out
    assert "officials  Các quan chức và chức vụ / Officials and their positions" in out
    assert "--param person=" in out and "--param org=" in out


def test_graph_file_formats_load(tmp_path: Path) -> None:
    """Every input syntax gives the same answer (files written by pyoxigraph from the fixture)."""
    quads = parse_file(GRAPH)
    expected = run_query(OFFICIALS, GRAPH).rows
    for ext, fmt in (
        (".nq", ox.RdfFormat.N_QUADS),
        (".trig", ox.RdfFormat.TRIG),
        (".jsonld", ox.RdfFormat.JSON_LD),
    ):
        path = tmp_path / f"g{ext}"
        ox.serialize(quads, str(path), fmt)
        assert run_query(OFFICIALS, path).rows == expected, ext
    with pytest.raises(UserError, match="cannot tell the RDF syntax"):
        run_query(OFFICIALS, DATA / "officials.rq")
