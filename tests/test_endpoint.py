"""Remote endpoints against a real Oxigraph server, and against small servers that misbehave."""

from __future__ import annotations

import json
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.cli import main
from graph.errors import UserError
from graph.query import run_query
from graph.store import load_dataset, open_store, parse_file
from graph.store.remote import Endpoint, GraphStore, guess_gsp

DATA = Path(__file__).parent / "data" / "store"
GRAPH = DATA / "two_articles.trig"
OFFICIALS = DATA / "officials.rq"

pytestmark = pytest.mark.server


@pytest.fixture
def server(oxigraph_server):
    oxigraph_server.clear()
    return oxigraph_server


def _graphs_on(server) -> dict[str, int]:
    rows = Endpoint(server.query_url).query(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    )
    return {r["g"]: int(r["n"]) for r in rows.rows}


def _expected_graphs() -> dict[str, int]:
    counts: dict[str, int] = {}
    for q in parse_file(GRAPH):
        counts[q.graph_name.value] = counts.get(q.graph_name.value, 0) + 1
    return dict(sorted(counts.items()))


# -- push ------------------------------------------------------------------------------------------------
def test_push_keeps_named_graphs(server) -> None:
    report = GraphStore(server.store_url).push(load_dataset(GRAPH), replace=True, quiet=True)
    assert report.graphs == 2
    assert _graphs_on(server) == _expected_graphs()


def test_push_replace_vs_add(server) -> None:
    gsp = GraphStore(server.store_url)
    gsp.push(load_dataset(GRAPH), replace=True, quiet=True)
    gsp.push(load_dataset(GRAPH), replace=True, quiet=True)
    assert _graphs_on(server) == _expected_graphs()  # PUT twice: same graphs, no growth
    extra = ox.Store()
    g = ox.NamedNode(next(iter(_expected_graphs())))
    extra.add(ox.Quad(g, ox.NamedNode("http://schema.org/keywords"), ox.Literal("dân tộc"), g))
    gsp.push(extra, replace=False, quiet=True)  # POST adds to the graph
    assert _graphs_on(server)[g.value] == _expected_graphs()[g.value] + 1
    gsp.push(extra, replace=True, quiet=True)  # PUT replaces it
    assert _graphs_on(server)[g.value] == 1


def test_push_in_chunks_sends_every_triple(server) -> None:
    gsp = GraphStore(server.store_url)
    report = gsp.push(load_dataset(GRAPH), replace=True, chunk_triples=4, quiet=True)
    expected = _expected_graphs()
    assert report.requests == sum(-(-n // 4) for n in expected.values())
    assert _graphs_on(server) == expected


def test_cli_push_store_then_query_endpoint(
    server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(tmp_path / "db") as store:
        store.load_file(GRAPH)
    assert main(["push", "--store", str(tmp_path / "db"), "--endpoint", server.query_url, "--replace"]) == 0
    err = capsys.readouterr().err
    # the two article graphs and the store's de-duplicated union (its default graph): stored queries then
    # work on the server's default graph without any union setting
    assert "pushed 3/3 graphs" in err and "pushed 3 graphs" in err
    assert _graphs_on(server) == _expected_graphs()
    names = "SELECT (COUNT(*) AS ?n) WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?n }"
    assert main(["query", names, "--endpoint", server.query_url, "--format", "csv"]) == 0
    assert capsys.readouterr().out == "n\r\n2\r\n"
    assert main(["push", str(GRAPH), "--endpoint", server.query_url, "--quiet"]) == 0
    assert capsys.readouterr().err == ""
    # the server's default graph is not the union: ask for the named graphs explicitly
    q = "SELECT DISTINCT ?n WHERE { GRAPH ?g { ?p <http://xmlns.com/foaf/0.1/name> ?n } } ORDER BY ?n"
    assert main(["query", q, "--endpoint", server.query_url, "--format", "csv"]) == 0
    assert capsys.readouterr().out == "n\r\nA Khưa\r\nLâm Thị Huyền\r\n"


def test_push_of_a_built_store_sends_the_vocabulary_graph(server, tmp_path: Path) -> None:
    """A build keeps the concepts its articles use once, in the vocabulary graph: a push sends it like an
    article graph, so the server's graphs hold what the store's hold."""
    from graph.build import build
    from graph.store.prefixes import VOCABULARY_GRAPH

    with open_store(tmp_path / "db") as kg:
        build([Path(__file__).resolve().parent.parent / "seeds"], jobs=1, store=kg)
        counts: dict[str, int] = {}
        for q in kg.quads():
            counts[q.graph_name.value] = counts.get(q.graph_name.value, 0) + 1
        GraphStore(server.store_url).push(kg.oxigraph, replace=True, quiet=True)
    assert counts.get(VOCABULARY_GRAPH, 0) > 0
    assert _graphs_on(server) == dict(sorted(counts.items()))


# -- queries -----------------------------------------------------------------------------------------------
def _load_default_graph(server) -> None:
    """The union as the server's default graph, so the same query text works locally and remotely."""
    union = ox.Store()
    union.extend(ox.Quad(q.subject, q.predicate, q.object) for q in parse_file(GRAPH))
    GraphStore(server.store_url).push(union, replace=True, quiet=True)


def test_endpoint_returns_the_same_rows_as_the_file(server) -> None:
    _load_default_graph(server)
    local = run_query(OFFICIALS, GRAPH)
    remote = run_query(OFFICIALS, Endpoint(server.query_url))
    # the file has the shared label twice (two article graphs): compare distinct rows
    assert remote.columns == local.columns
    assert sorted(map(tuple, (r.values() for r in remote.rows))) == sorted(
        set(map(tuple, (r.values() for r in local.rows)))
    )
    with_param = run_query(
        OFFICIALS, Endpoint(server.query_url), {"person": "id:person/kon-tum/a-khua-3d4e5f"}
    )
    assert [r["name"] for r in with_param.rows] == ["A Khưa"]


def test_hostile_param_over_the_wire(server) -> None:
    _load_default_graph(server)
    value = 'A Khưa" } ; DROP ALL ; #\n}'
    q = "SELECT ?p WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?n }"
    assert run_query(q, Endpoint(server.query_url), {"n": value}).rows == []
    assert len(run_query(q, Endpoint(server.query_url), {"n": "A Khưa"})) == 1
    assert run_query("SELECT (COUNT(*) AS ?c) { ?s ?p ?o }", server.query_url).rows[0]["c"] != "0"


def test_long_queries_are_posted_and_post_on_request(server, fake_server) -> None:
    _load_default_graph(server)
    padding = "# " + "đệm " * 600 + "\n"  # a comment makes the query > 2,000 characters
    q = padding + "SELECT ?n WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?n } ORDER BY ?n"
    assert len(q) > 2000
    rows = Endpoint(server.query_url).query(q)
    assert [r["n"] for r in rows.rows] == ["A Khưa", "Lâm Thị Huyền"]

    def answer(h):
        h.send_response(200)
        h.send_header("Content-Type", "application/sparql-results+json")
        h.end_headers()
        h.wfile.write(b'{"head":{"vars":["x"]},"results":{"bindings":[]}}')

    with fake_server(answer) as srv:
        Endpoint(srv.url).query("SELECT ?x {}")
        Endpoint(srv.url, post=True).query("SELECT ?x {}")
        Endpoint(srv.url).query(q)
        assert [hit.split()[0] for hit in srv.hits] == ["GET", "POST", "POST"]


def test_paging_returns_all_rows_from_a_capped_endpoint(server, fake_server) -> None:
    """A proxy in front of Oxigraph that cuts every answer to 7 rows, like Virtuoso's ResultSetMaxRows."""
    people = ox.Store()
    for i in range(53):
        people.add(
            ox.Quad(
                ox.NamedNode(f"http://example.org/p{i:03d}"),
                ox.NamedNode("http://xmlns.com/foaf/0.1/name"),
                ox.Literal(f"Người {i:03d}"),
            )
        )
    GraphStore(server.store_url).push(people, replace=True, quiet=True)

    def capped(h):
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(h.path).query).get(
            "query"
        ) or urllib.parse.parse_qs(h.body.decode()).get("query")
        url = server.query_url + "?" + urllib.parse.urlencode({"query": query[0]})
        req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(req, timeout=10) as r:
            doc = json.loads(r.read())
        doc["results"]["bindings"] = doc["results"]["bindings"][:7]
        h.send_response(200)
        h.send_header("Content-Type", "application/sparql-results+json")
        h.end_headers()
        h.wfile.write(json.dumps(doc).encode())

    q = "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\nSELECT ?p ?n WHERE { ?p foaf:name ?n }"
    with fake_server(capped) as srv:
        endpoint = Endpoint(srv.url)
        assert len(endpoint.query(q)) == 7  # what a plain query silently gets
        rows = endpoint.query_all(q, page_size=20)
        assert len(rows) == 53
        assert sorted(r["n"] for r in rows.rows) == [f"Người {i:03d}" for i in range(53)]
    assert len(Endpoint(server.query_url).query_all(q, page_size=10)) == 53  # uncapped, pages of 10


# -- failures ---------------------------------------------------------------------------------------------
def test_endpoint_down_is_a_quick_user_error() -> None:
    from tests.conftest import free_port

    url = f"http://127.0.0.1:{free_port()}/sparql"
    endpoint = Endpoint(url, retries=2, backoff=0.05)
    start = time.monotonic()
    with pytest.raises(UserError, match=rf"cannot reach {url}: connection refused \(after 3 attempts\)"):
        endpoint.query("ASK {}")
    assert time.monotonic() - start < 3
    assert endpoint.attempts == 3


def test_html_garbage_is_a_user_error(fake_server) -> None:
    def html(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        h.end_headers()
        h.wfile.write("<html><body><h1>Đăng nhập</h1>Please log in</body></html>".encode())

    with fake_server(html) as srv, pytest.raises(UserError, match="answered text/html, not SPARQL results"):
        Endpoint(srv.url, retries=0).query("SELECT * { ?s ?p ?o }")


def test_unlabelled_garbage_is_a_user_error(fake_server) -> None:
    def junk(h):
        h.send_response(200)
        h.send_header("Content-Type", "application/sparql-results+json")
        h.end_headers()
        h.wfile.write(b"this is not json at all")

    with fake_server(junk) as srv, pytest.raises(UserError, match="not SPARQL results"):
        Endpoint(srv.url, retries=0).query("SELECT * { ?s ?p ?o }")


def test_slow_server_times_out(fake_server) -> None:
    def slow(h):
        time.sleep(3)
        h.send_response(200)
        h.end_headers()

    with fake_server(slow) as srv:
        endpoint = Endpoint(srv.url, timeout=0.5, retries=2)
        start = time.monotonic()
        with pytest.raises(UserError, match=r"no answer within 0\.5 s"):
            endpoint.query("ASK {}")
        assert time.monotonic() - start < 2.5
        assert endpoint.attempts == 1  # a slow query is not retried


def test_server_errors_are_retried_and_counted(fake_server) -> None:
    calls = []

    def flaky(h):
        calls.append(h.path)
        if len(calls) <= 2:
            h.send_response(503)
            h.end_headers()
            h.wfile.write(b"busy")
            return
        h.send_response(200)
        h.send_header("Content-Type", "application/sparql-results+json")
        h.end_headers()
        h.wfile.write(b'{"head":{},"boolean":true}')

    with fake_server(flaky) as srv:
        endpoint = Endpoint(srv.url, retries=3, backoff=0.01)
        assert endpoint.query("ASK {}").boolean is True
        assert endpoint.attempts == 3
        calls.clear()
        with pytest.raises(UserError, match=r"HTTP 503.*after 2 attempts"):
            Endpoint(srv.url, retries=1, backoff=0.01).query("ASK {}")


def test_bad_query_and_404_are_clear(server) -> None:
    with pytest.raises(UserError, match="rejected the query as malformed"):
        Endpoint(server.query_url).query("SELECT * WHERE { ?s ?p }")
    with pytest.raises(UserError, match=r"HTTP 404|no SPARQL endpoint"):
        Endpoint(server.base + "/nothing-here", retries=0).query("ASK {}")


def test_basic_auth_is_sent(fake_server, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    seen = []

    def check(h):
        seen.append(h.headers.get("Authorization"))
        h.send_response(200)
        h.send_header("Content-Type", "application/sparql-results+json")
        h.end_headers()
        h.wfile.write(b'{"head":{},"boolean":true}')

    monkeypatch.setenv("KG_TEST_PASSWORD", "mật khẩu")
    with fake_server(check) as srv:
        assert (
            main(
                [
                    "query",
                    "ASK {}",
                    "--endpoint",
                    srv.url,
                    "--user",
                    "bdt",
                    "--password-env",
                    "KG_TEST_PASSWORD",
                    "--format",
                    "json",
                ]
            )
            == 0
        )
    import base64

    assert seen == ["Basic " + base64.b64encode("bdt:mật khẩu".encode()).decode()]
    assert json.loads(capsys.readouterr().out) == {"head": {}, "boolean": True}
    assert (
        main(
            [
                "query",
                "ASK {}",
                "--endpoint",
                "http://127.0.0.1:1/sparql",
                "--user",
                "bdt",
                "--password-env",
                "KG_UNSET_VARIABLE_X",
            ]
        )
        == 2
    )
    assert "KG_UNSET_VARIABLE_X is not set" in capsys.readouterr().err


def test_guess_gsp() -> None:
    assert guess_gsp("http://h:7878/query") == ("http://h:7878/store", "graph")
    assert guess_gsp("http://h:3030/ds/query") == ("http://h:3030/ds/data", "graph")
    assert guess_gsp("http://h:3030/ds/sparql") == ("http://h:3030/ds/data", "graph")
    assert guess_gsp("http://h:7200/repositories/kg") == (
        "http://h:7200/repositories/kg/rdf-graphs/service",
        "graph",
    )
    assert guess_gsp("http://h:8890/sparql") == ("http://h:8890/sparql-graph-crud", "graph-uri")
    assert guess_gsp("http://h:8890/sparql-auth") == ("http://h:8890/sparql-graph-crud-auth", "graph-uri")
    with pytest.raises(UserError, match="--gsp"):
        guess_gsp("http://h/other")


def test_a_name_parameter_is_folded_before_it_goes_over_the_wire(server) -> None:
    """The lookup key is computed in Python, so an endpoint answers "kien ninh" like the local store."""
    from graph.build import build

    built = build([Path(__file__).resolve().parent.parent / "seeds"], jobs=1).store
    union = ox.Store()
    union.extend(ox.Quad(q.subject, q.predicate, q.object) for q in built)
    GraphStore(server.store_url).push(union, replace=True, quiet=True)
    local = run_query("person-timeline", union, {"name": "Kiên Ninh"}, union=False)
    assert local.rows
    for typed in ("kien ninh", "KIÊN NINH"):
        remote = run_query("person-timeline", Endpoint(server.query_url), {"name": typed})
        assert sorted(map(str, remote.terms)) == sorted(map(str, local.terms)), typed
