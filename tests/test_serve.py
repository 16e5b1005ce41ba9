"""``dantoc-kg serve`` over HTTP: the real server (uvicorn subprocess) on a store built from the seeds."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.query import run_query
from graph.text.normalize import ascii_fold
from tests.serve_helpers import ROOT, build_seed_store, q, start_server

pytestmark = pytest.mark.serve
ID = "https://w3id.org/dantoc-kg/id/"


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory) -> Path:
    return build_seed_store(tmp_path_factory.mktemp("serve"))


@pytest.fixture(scope="module")
def server(seed_store):
    served = start_server("--store", str(seed_store), extra=("--timeout", "3", "--workers", "1"))
    yield served
    served.stop()


def _local(seed_store: Path, sparql: str) -> list[dict]:
    return run_query(sparql, str(seed_store)).rows


def _person(server, name: str) -> dict:
    hits = server.json(f"/api/search?q={q(name)}&kind=person")["results"]
    assert hits, name
    return hits[0]


# -- start-up and the pages every visitor sees ------------------------------------------------------
def test_home_page_counts_and_security_headers(server, seed_store):
    status, headers, body = server.get("/")
    assert status == 200
    page = body.decode()
    people = _local(seed_store, "PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
                                "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a foaf:Person }")[0]["n"]
    assert f"Người / Person</a>: {people}" in page
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "http://" not in re.sub(r'href="http[^"]*"', "", page.split("<main>")[0])  # no CDN in the head


def test_binds_to_localhost_by_default():
    from graph.cli import build_parser

    args = build_parser().parse_args(["serve", "--store", "kg"])
    assert args.host == "127.0.0.1" and args.port == 8000


def test_static_files_only_from_the_package(server):
    status, _headers, body = server.get("/static/app.css")
    assert status == 200 and b".sentence.target" in body
    for path in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2f..%2fpyproject.toml",
                 "/article/..%2f..%2fpyproject.toml", "/queries/..%2f..%2fpyproject.toml"):
        status, _, body = server.get(path)
        assert status in (400, 404), path
        assert b"[project]" not in body and b"import" not in body


# -- search -----------------------------------------------------------------------------------------
def test_search_ignores_tones_and_case(server, seed_store):
    names = {r["n"] for r in _local(seed_store, "PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
                                                 "SELECT ?n WHERE { ?p foaf:name ?n }")}
    assert "Kiên Ninh" in names
    for typed in ("kien ninh", "KIEN NINH", "Kiên Ninh", "kiên  ninh", "ninh kien"):
        hits = server.json(f"/api/search?q={q(typed)}")["results"]
        assert hits and hits[0]["label"] == "Kiên Ninh" and hits[0]["kind"] == "person", typed
    # every hit really contains the words typed (folded)
    for hit in server.json("/api/search?q=ban+dan+toc")["results"]:
        folded = ascii_fold(" ".join([hit["label"], *hit["names"]]))
        assert "ban" in folded and "dan" in folded and "toc" in folded


def test_search_finds_documents_by_number(server, seed_store):
    numbers = {r["n"] for r in _local(seed_store, "PREFIX eli: <http://data.europa.eu/eli/ontology#> "
                                                   "SELECT ?n WHERE { ?d eli:id_local ?n }")}
    assert "2085/QĐ-TTg" in numbers
    for typed in ("2085", "2085/QĐ-TTg", "2085/qd-ttg"):
        hits = server.json(f"/api/search?q={q(typed)}")["results"]
        assert any(h["kind"] == "document" and "2085/QĐ-TTg" in [h["label"], *h["names"]] for h in hits), typed
    assert server.json(f"/api/search?q={q('2085/QĐ-TTg')}")["results"][0]["kind"] == "document"


def test_search_page_negotiates_html_or_json(server):
    page = server.text("/search?q=kien+ninh")
    assert 'class="ent k-person"' in page and "Kiên Ninh" in page
    _status, headers, body = server.get("/search?q=kien+ninh", accept="application/json")
    assert headers["content-type"].startswith("application/json")
    assert json.loads(body)["results"][0]["label"] == "Kiên Ninh"
    assert server.json("/api/search?q=zzzzqqq")["results"] == []


def test_search_by_kind(server):
    for kind in ("body", "document", "programme", "event", "place", "article"):
        hits = server.json(f"/api/search?q=&kind={kind}")["results"]
        assert hits and {h["kind"] for h in hits} == {kind}


# -- entity pages -----------------------------------------------------------------------------------
def test_person_page_has_posts_events_and_evidence(server, seed_store):
    person = _person(server, "kien ninh")
    view = server.json(f"/api/entity?iri={q(person['iri'])}")
    sections = {s["title"].split(" / ")[1]: s for s in view["sections"]}
    titles = _local(seed_store, f"""PREFIX org: <http://www.w3.org/ns/org#> PREFIX dt: <https://w3id.org/dantoc-kg/def#>
        SELECT ?t WHERE {{ ?m org:member <{person["iri"]}> ; dt:attestation/dt:postTitle ?t }}""")
    posts = sections["Posts over time"]
    shown = {r["cells"][posts["columns"].index("title")]["text"] for r in posts["rows"]}
    assert shown == {r["t"] for r in titles}
    for row in posts["rows"]:
        assert row["ev"], "a post without its evidence sentence"
        assert all("Kiên Ninh" in ev["text"] for ev in row["ev"])
    assert {"Events and roles", "Co-attendees", "Articles"} <= set(sections)
    roles = {r["cells"][2]["text"] for r in sections["Events and roles"]["rows"]}
    assert roles  # the seed says he chaired and spoke
    page = server.text(person["url"])
    assert "Chức vụ qua thời gian" in page and 'class="ev"' in page


def test_every_kind_has_a_page(server):
    wanted = {"body": "Leaders over time", "document": "Document", "programme": "Programme",
              "event": "Event", "place": "Bodies"}
    for kind, section in wanted.items():
        hits = server.json(f"/api/search?q=&kind={kind}")["results"]
        found = False
        for hit in hits:
            view = server.json(f"/api/entity?iri={q(hit['iri'])}")
            assert view["kind"] == kind
            titles = [s["title"].split(" / ")[1] for s in view["sections"]]
            if section in titles:
                found = True
                break
        assert found, (kind, section)
        assert server.get(hits[0]["url"])[0] == 200


def test_document_page_links_programmes_and_citing_articles(server, seed_store):
    rows = _local(seed_store, """PREFIX dt: <https://w3id.org/dantoc-kg/def#>
        SELECT ?p ?d WHERE { ?p dt:approvedBy ?d }""")
    assert rows
    doc = rows[0]["d"]
    view = server.json(f"/api/entity?iri={q(doc)}")
    sections = {s["title"].split(" / ")[1]: s for s in view["sections"]}
    programmes = {r["cells"][0]["iri"] for r in sections["Programmes it approves"]["rows"]}
    assert programmes == {r["p"] for r in rows if r["d"] == doc}
    assert sections["Citing articles"]["rows"]


def test_unknown_or_bad_entity(server):
    assert server.get(f"/entity?iri={q(ID + 'person/nowhere/nobody')}")[0] == 404
    assert server.get("/entity?iri=not%20an%20iri")[0] == 400
    assert server.get("/entity")[0] == 400
    status, headers, _ = server.get(f"/api/entity?iri={q(ID + 'x')}", accept="application/json")
    assert status == 404 and headers["content-type"].startswith("application/json")


def test_data_iris_resolve_to_their_page(server):
    person = _person(server, "kien ninh")
    path = person["iri"][len(ID):]
    page = server.text(f"/id/{path}")   # urllib follows the redirect
    assert "<h1 class=\"k-person\">Kiên Ninh</h1>" in page


# -- the article reader -----------------------------------------------------------------------------
def test_article_reader_highlights_phrases_at_their_offsets(server, seed_store):
    person = _person(server, "kien ninh")
    view = server.json(f"/api/entity?iri={q(person['iri'])}")
    ev = view["evidence"][0]
    assert ev["url"].startswith("/article/")
    key = ev["url"].split("/article/")[1].split("?")[0]
    art = server.json(f"/api/article/{key}")
    anchors = {r["s"]: r["t"] for r in _local(seed_store, f"""
        PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        SELECT ?s ?t WHERE {{ ?s a nif:Sentence ; nif:referenceContext <{ID}article/{key}> ; nif:anchorOf ?t }}""")}
    assert {s["iri"] for s in art["sentences"]} == set(anchors)
    begins = [s["begin"] for s in art["sentences"]]
    assert begins == sorted(begins)
    marked = 0
    for s in art["sentences"]:
        assert "".join(p["text"] for p in s["parts"]) == anchors[s["iri"]]   # nothing lost or doubled
        for p in s["parts"]:
            if "iri" in p:
                marked += 1
                assert p["url"]
    assert marked > 0
    ninh = [p for s in art["sentences"] for p in s["parts"] if p.get("iri") == person["iri"]]
    assert ninh and all(p["text"] == "Kiên Ninh" for p in ninh)


def test_article_reader_shows_the_whole_text_with_highlights_in_place(server, seed_store):
    """The reader rebuilds the report from nif:isString: plain text between the evidence sentences,
    nothing lost, doubled or reordered, and the page (tags stripped) reads as the whole text."""
    person = _person(server, "kien ninh")
    ev = server.json(f"/api/entity?iri={q(person['iri'])}")["evidence"][0]
    key = ev["url"].split("/article/")[1].split("?")[0]
    whole = _local(seed_store, f"""PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        SELECT ?t WHERE {{ <{ID}article/{key}> nif:isString ?t }}""")[0]["t"]
    art = server.json(f"/api/article/{key}")
    assert art["full_text"] is True
    rebuilt = "".join(s["before"] + "".join(p["text"] for p in s["parts"]) for s in art["sentences"]) + art["tail"]
    assert rebuilt == whole
    assert not any(s["gap_before"] for s in art["sentences"])
    assert any(s["before"].strip() for s in art["sentences"]) or art["tail"].strip()  # text beyond evidence
    page = server.text(f"/article/{key}")
    reader = page.split('<div class="reader">', 1)[1].rsplit("</main>", 1)[0]
    reader = re.sub(r'<ul class="sfacts">.*?</ul>', "", reader, flags=re.S)
    shown = html.unescape(re.sub(r"<[^>]+>", "", reader))
    assert " ".join(shown.split()) == " ".join(whole.split())
    assert '<p class="gap">' not in page
    assert page.count('class="hl ') >= 1


def test_evidence_link_opens_the_sentence_highlighted(server):
    person = _person(server, "kien ninh")
    ev = server.json(f"/api/entity?iri={q(person['iri'])}")["evidence"][0]
    page = server.text(ev["url"].split("#")[0])
    anchor = ev["url"].split("#")[1]
    m = re.search(rf'<div class="sentence target" id="{anchor}"[^>]*>(.*?)</div>', page, re.S)
    assert m, "the sentence is not marked as the target"
    assert html.unescape(re.sub(r"<[^>]+>", "", m.group(1).split("<ul")[0])).strip() == ev["text"]
    assert page.count('class="sentence target"') == 1


def test_article_404(server):
    assert server.get("/article/0000000000000000")[0] == 404
    assert server.get("/article/bad%20key")[0] == 404


# -- stored questions -------------------------------------------------------------------------------
def test_stored_questions_listed_with_their_parameters(server):
    items = {i["name"]: i for i in server.json("/api/queries")}
    assert "officials" in items and "person-timeline" in items
    assert [p["name"] for p in items["person-timeline"]["params"]] == ["name"]
    page = server.text("/queries/person-timeline")
    assert 'name="name"' in page
    assert 'id="q" value=""' in page   # the search box of every page stays empty here


def test_stored_question_runs_with_bound_parameter(server, seed_store):
    expected = run_query("person-timeline", str(seed_store), {"name": "Kiên Ninh"}).rows
    got = server.json(f"/api/queries/person-timeline?name={q('Kiên Ninh')}")
    assert len(got["results"]["bindings"]) == len(expected) > 0
    page = server.text(f"/queries/person-timeline?name={q('Kiên Ninh')}&run=1")
    assert f'<span id="row-count">{len(expected)}</span>' in page
    # a hostile value only changes the string matched
    hostile = q('x"} ; DROP ALL #')
    evil = server.json(f"/api/queries/person-timeline?name={hostile}")
    assert evil["results"]["bindings"] == []
    assert server.json(f"/api/queries/person-timeline?name={q('Kiên Ninh')}")["results"]["bindings"]


def test_stored_question_download_csv_and_sort(server, seed_store):
    status, headers, body = server.get("/api/queries/officials?format=csv", accept="*/*")
    assert status == 200 and headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(body.decode())))
    assert len(rows) == len(run_query("officials", str(seed_store)).rows)
    page = server.text("/queries/officials?run=1&sort=name&desc=1")
    col = ["source", "name", "position", "organization"].index("name")
    shown = [html.unescape(re.sub(r"<[^>]+>", "", cells[col]))
             for cells in (re.findall(r"<td>(.*?)</td>", tr) for tr in re.findall(r"<tr>(.*?)</tr>", page)) if cells]
    assert shown == sorted(shown, key=str.casefold, reverse=True) and len(shown) == len(rows)
    status, headers, _ = server.get("/queries/officials?run=1&format=csv")
    assert "attachment" in headers.get("content-disposition", "")


def test_stored_question_answers_a_page_at_a_time(server, seed_store):
    """The API pages in the engine, in the query's order, by default; the pages add up to the answer."""
    whole = [tuple(str(t) for t in r) for r in run_query("organizations", str(seed_store)).terms]
    assert len(whole) > 14

    def api(path: str) -> tuple[list[tuple[str, ...]], str]:
        status, headers, body = server.get(path, accept="application/json")
        assert status == 200, body[:300]
        got = json.loads(body)
        cols = got["head"]["vars"]
        rows = [tuple(str(_term(b[c])) if c in b else "None" for c in cols) for b in got["results"]["bindings"]]
        return rows, headers.get("link", headers.get("Link", ""))

    first, link = api("/api/queries/organizations?limit=7")
    assert first == whole[:7] and 'rel="next"' in link and "offset=7" in link
    second, link = api("/api/queries/organizations?limit=7&offset=7")
    assert second == whole[7:14] and "offset=14" in link
    everything, link = api("/api/queries/organizations?limit=0")
    assert everything == whole and not link
    rest, link = api("/api/queries/organizations?offset=14")
    assert rest == whole[14:] and not link
    assert server.get("/api/queries/organizations?limit=-1", accept="application/json")[0] == 400


def test_a_table_page_says_which_rows_it_shows() -> None:
    """A page the engine cut (more follow) shows its row range and a next link; the last one the total."""
    from starlette.requests import Request

    from graph.serve.app import PAGE_SIZE, table_view
    from graph.store.results import Rows

    class Labels:
        labels: dict[str, str] = {}  # noqa: RUF012  (a stand-in for GraphData: no IRI in these rows)

    def page(n: int, shown: int, more: bool) -> dict:
        request = Request({"type": "http", "path": "/queries/x", "headers": [],
                           "query_string": f"run=1&page={n}".encode()})
        rows = Rows(columns=["v"], terms=[[ox.Literal(str(i))] for i in range(shown)])
        return table_view(Labels(), rows, request, offset=(n - 1) * PAGE_SIZE, more=more)  # type: ignore[arg-type]

    middle = page(2, PAGE_SIZE, more=True)
    assert middle["total"] is None and (middle["first"], middle["last"]) == (PAGE_SIZE + 1, 2 * PAGE_SIZE)
    assert "page=3" in middle["next"] and "page=1" in middle["prev"]
    last = page(3, 7, more=False)
    assert last["total"] == 2 * PAGE_SIZE + 7 and last["next"] is None


def _term(binding: dict) -> object:
    if binding["type"] == "uri":
        return ox.NamedNode(binding["value"])
    if "xml:lang" in binding:
        return ox.Literal(binding["value"], language=binding["xml:lang"])
    return ox.Literal(binding["value"], datatype=ox.NamedNode(binding.get("datatype", XSD_STRING)))


XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def test_unknown_stored_question(server):
    assert server.get("/queries/no-such-question")[0] == 404
    status, _, _body = server.get("/api/queries/person-timeline?nope=1", accept="application/json")
    assert status == 200   # unknown form fields are ignored, not bound


# -- the SPARQL 1.1 Protocol endpoint ---------------------------------------------------------------
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def test_sparqlwrapper_select_json_and_xml(server, seed_store):
    from SPARQLWrapper import JSON, XML, SPARQLWrapper

    expected = int(_local(seed_store, COUNT)[0]["n"])
    for method in ("GET", "POST"):
        sw = SPARQLWrapper(server.base + "/sparql")
        sw.setMethod(method)
        sw.setQuery(COUNT)
        sw.setReturnFormat(JSON)
        assert int(sw.query().convert()["results"]["bindings"][0]["n"]["value"]) == expected
    sw = SPARQLWrapper(server.base + "/sparql")
    sw.setQuery(COUNT)
    sw.setReturnFormat(XML)
    doc = sw.query().convert()
    assert doc.getElementsByTagName("literal")[0].firstChild.data == str(expected)


def test_sparqlwrapper_construct_and_ask(server):
    from SPARQLWrapper import TURTLE, SPARQLWrapper

    sw = SPARQLWrapper(server.base + "/sparql")
    sw.setQuery("PREFIX foaf: <http://xmlns.com/foaf/0.1/> CONSTRUCT { ?p foaf:name ?n } WHERE { ?p foaf:name ?n }")
    sw.setReturnFormat(TURTLE)
    data = sw.query().convert()
    names = {t.object.value for t in ox.parse(data, format=ox.RdfFormat.TURTLE)}
    assert "Kiên Ninh" in names
    sw = SPARQLWrapper(server.base + "/sparql")
    sw.setQuery('ASK { ?p <http://xmlns.com/foaf/0.1/name> "Kiên Ninh" }')
    sw.setReturnFormat("json")
    assert sw.query().convert()["boolean"] is True


def test_content_negotiation(server, seed_store):
    expected = _local(seed_store, COUNT)[0]["n"]
    path = f"/sparql?query={q(COUNT)}"
    status, headers, body = server.get(path, accept="text/csv")
    assert headers["content-type"].startswith("text/csv") and body.decode().split() == ["n", expected]
    status, headers, body = server.get(path, accept="text/tab-separated-values")
    assert body.decode().splitlines()[0] == "?n" and f'"{expected}"^^' in body.decode()
    status, headers, body = server.get(path, accept="application/sparql-results+xml;q=0.9, text/csv;q=0.1")
    assert headers["content-type"].startswith("application/sparql-results+xml")
    status, headers, body = server.get(path, accept="image/png")
    assert status == 406
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 5"
    status, headers, body = server.get(f"/sparql?query={q(construct)}", accept="application/n-triples")
    assert headers["content-type"].startswith("application/n-triples")
    assert len(list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))) == 5
    status, headers, body = server.get(f"/sparql?query={q(COUNT)}&format=csv", accept="text/html")
    assert headers["content-type"].startswith("text/csv")


def test_post_forms_and_direct_bodies(server, seed_store):
    expected = _local(seed_store, COUNT)[0]["n"]
    for data, ctype in ((f"query={q(COUNT)}".encode(), "application/x-www-form-urlencoded"),
                        (COUNT.encode(), "application/sparql-query")):
        status, _, body = server.get("/sparql", accept="application/sparql-results+json", data=data,
                                     headers={"Content-Type": ctype})
        assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == expected


def test_updates_refused_and_errors_reported(server, seed_store):
    before = _local(seed_store, COUNT)[0]["n"]
    for data, ctype in ((b"update=DROP%20ALL", "application/x-www-form-urlencoded"),
                        (b"DROP ALL", "application/sparql-update")):
        status, _, _ = server.get("/sparql", data=data, headers={"Content-Type": ctype})
        assert status == 403
    status, _, body = server.get(f"/sparql?query={q('SELEC oops')}", accept="application/sparql-results+json")
    assert status == 400 and b"malformed" in body
    status, _, body = server.get("/sparql", accept="application/sparql-results+json")
    assert status == 400
    assert server.json(f"/sparql?query={q(COUNT)}")["results"]["bindings"][0]["n"]["value"] == before


def test_query_time_limit_stops_a_runaway_query(server):
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    status, _, body = server.get(f"/sparql?query={q(heavy)}", accept="application/sparql-results+json")
    assert status == 503 and b"limit" in body
    # the worker was replaced: the next query is answered at once
    assert server.json(f"/sparql?query={q(COUNT)}")["results"]["bindings"]


def test_dantoc_kg_query_endpoint_against_the_server(server, seed_store):
    out = subprocess.run([sys.executable, "-m", "graph", "query", "officials", "--endpoint",
                          server.base + "/sparql", "--format", "csv"], cwd=ROOT, capture_output=True,
                         text=True, timeout=120, check=True).stdout
    local = subprocess.run([sys.executable, "-m", "graph", "query", "officials", "--store", str(seed_store),
                            "--format", "csv"], cwd=ROOT, capture_output=True, text=True, timeout=120,
                           check=True).stdout
    assert out == local and len(out.splitlines()) > 1


def test_sparql_editor_page(server):
    page = server.text("/sparql")
    assert "PREFIX dt: &lt;https://w3id.org/dantoc-kg/def#&gt;" in page
    page = server.text(f"/sparql?query={q('SELECT ?n WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?n }')}")
    assert "Kiên Ninh" in page and 'id="row-count"' in page


# -- graph view -------------------------------------------------------------------------------------
def test_graph_view_of_a_neighbourhood(server):
    person = _person(server, "kien ninh")
    data = server.json(f"/api/graph?iri={q(person['iri'])}&depth=1")
    assert data["nodes"][data["focus"]]["iri"] == person["iri"]
    labels = {n["l"] for n in data["nodes"]}
    assert "Ban Dân tộc tỉnh Trà Vinh" in labels or any("Hội nghị" in x for x in labels)
    status, _, body = server.get(f"/graph?iri={q(person['iri'])}")
    assert status == 200 and b"vis-network" in body and b"https://cdn" not in body
    assert server.get(f"/graph?iri={q(ID + 'person/none')}")[0] == 404


# -- a graph file instead of a store; hostile text stays text ----------------------------------------
HOSTILE = """
@prefix schema: <http://schema.org/> . @prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> . @prefix prov: <http://www.w3.org/ns/prov#> .
@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/dantoc-kg/id/article/00000000000000aa> a schema:NewsArticle, nif:Context ;
    schema:headline "<script>alert('h')</script>" ;
    nif:isString "Ông <img src=x onerror=alert(1)> nói.   Sau đó <script>alert('t')</script> hết." ; schema:mentions <https://w3id.org/dantoc-kg/id/person/x/evil> .
<https://w3id.org/dantoc-kg/id/article/00000000000000aa#char=0,40> a nif:Sentence ;
    nif:referenceContext <https://w3id.org/dantoc-kg/id/article/00000000000000aa> ;
    nif:beginIndex 0 ; nif:endIndex 40 ; nif:anchorOf "Ông <img src=x onerror=alert(1)> nói." .
<https://w3id.org/dantoc-kg/id/article/00000000000000aa#char=4,31> a nif:Phrase ;
    nif:referenceContext <https://w3id.org/dantoc-kg/id/article/00000000000000aa> ;
    nif:sentence <https://w3id.org/dantoc-kg/id/article/00000000000000aa#char=0,40> ;
    nif:beginIndex 4 ; nif:endIndex 31 ; nif:anchorOf "<img src=x onerror=alert(1)>" ;
    itsrdf:taIdentRef <https://w3id.org/dantoc-kg/id/person/x/evil> .
<https://w3id.org/dantoc-kg/id/person/x/evil> a foaf:Person ; foaf:name "<img src=x onerror=alert(1)>" ;
    prov:wasInfluencedBy <https://w3id.org/dantoc-kg/id/article/00000000000000aa#char=0,40> .
"""


def test_graph_file_source_and_escaping(tmp_path):
    ttl = tmp_path / "hostile.ttl"
    ttl.write_text(HOSTILE, encoding="utf-8")
    served = start_server("--graph", str(ttl), extra=("--workers", "1"))
    try:
        hits = served.json("/api/search?q=img+src")["results"]
        assert hits and hits[0]["kind"] == "person"
        for path in ("/search?q=img", hits[0]["url"], "/article/00000000000000aa",
                     f"/sparql?query={q('SELECT ?n WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?n }')}"):
            page = served.text(path)
            assert "<img src=x" not in page and "<script>alert" not in page, path
            assert "&lt;img src=x onerror=alert(1)&gt;" in page, path
        article = served.text("/article/00000000000000aa")
        assert "&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; hết." in article   # the whole text, escaped
        # the endpoint works on a graph file too (the workers read a copy on disk)
        assert served.json(f"/sparql?query={q(COUNT)}")["results"]["bindings"][0]["n"]["value"] != "0"
    finally:
        served.stop()


def test_neighbourhood_equals_the_whole_projection_cut_around_the_focus(seed_store):
    """The graph view projects only the entity's surroundings; it must draw what projecting the whole
    store and cutting the ego network would (same nodes, same edges), for every drawn thing."""
    import networkx as nx

    from graph.serve.data import GraphData
    from graph.serve.neighbourhood import DRAWN, neighbourhood_graph
    from graph.viz.project import project

    data = GraphData(seed_store)
    full = project(data.store)
    checked = 0
    for iri, kind in data.kinds.items():
        if kind not in DRAWN or iri not in full:
            continue
        for depth in (1, 2):
            ego = nx.ego_graph(full, iri, radius=depth, undirected=True)
            mine = neighbourhood_graph(data, iri, depth, 300)
            assert set(mine.nodes) == set(ego.nodes), (iri, depth)
            assert sorted((u, v, d["label"]) for u, v, d in mine.edges(data=True)) == \
                sorted((u, v, d["label"]) for u, v, d in ego.edges(data=True)), (iri, depth)
            checked += 1
    assert checked > 40


def test_writable_needs_a_token(seed_store, monkeypatch):
    from graph.cli import main

    monkeypatch.setenv("DANTOC_SERVE_TOKEN", "short")
    assert main(["serve", "--store", str(seed_store), "--writable", "--port", "0"]) != 0   # refused before serving
    token = "t" * 24
    monkeypatch.setenv("DANTOC_SERVE_TOKEN", token)
    served = start_server("--store", str(seed_store), extra=("--writable", "--workers", "1"))
    try:
        body, ctype = b"DROP ALL", {"Content-Type": "application/sparql-update"}
        assert served.get("/sparql", data=body, headers=ctype)[0] == 401
        assert served.get("/sparql", data=body, headers={**ctype, "Authorization": "Bearer wrong"})[0] == 401
        status, _, answer = served.get("/sparql", data=body, headers={**ctype, "Authorization": f"Bearer {token}"})
        assert status == 501 and b"not implemented" in answer
        assert served.json(f"/sparql?query={q(COUNT)}")["results"]["bindings"][0]["n"]["value"] != "0"
    finally:
        served.stop()


def test_long_sections_are_paged_and_the_pages_add_up_to_the_whole(seed_store, monkeypatch):
    """With a tiny page size every section of every page is cut into pages: walking the "more" links
    finds each row of the unpaged section (none lost), page by page, and the evidence list likewise."""
    from urllib.parse import parse_qs, urlsplit

    from graph.serve import views
    from graph.serve.data import GraphData

    data = GraphData(seed_store)
    whole = {}
    for iri in data.kinds:
        view = views.entity_view(data, iri)
        if view is not None:
            whole[iri] = view
    monkeypatch.setattr(views, "ROW_LIMIT", 2)
    monkeypatch.setattr(views, "OWN_EVIDENCE", 2)
    paged_sections = 0
    for iri, full in whole.items():
        for s_full in full["sections"]:
            rows_full = {json.dumps(r["cells"], sort_keys=True) for r in s_full["rows"]}
            seen: set[str] = set()
            pages: dict[str, int] = {}
            param = None
            for _ in range(200):
                view = views.entity_view(data, iri, pages)
                sec = next((s for s in view["sections"] if s["title"] == s_full["title"]), None)
                if sec is None:
                    break
                seen |= {json.dumps(r["cells"], sort_keys=True) for r in sec["rows"]}
                if not sec["next"]:
                    break
                query = parse_qs(urlsplit(sec["next"]).query)
                param = next(k for k in query if k != "iri")
                assert query["iri"] == [iri]
                pages = {param: int(query[param][0])}
            assert seen == rows_full, (iri, s_full["title"])
            if param:
                paged_sections += 1
        evs, pages = [], {}
        while True:
            view = views.entity_view(data, iri, pages)
            evs += [e["iri"] for e in view["evidence"]]
            if not view["evidence_next"]:
                break
            pages = {"pe": pages.get("pe", 0) + 1}
        assert sorted(evs) == sorted(e["iri"] for e in full["evidence"])
    assert paged_sections > 10


def test_page_numbers_from_the_url_are_bounded(server):
    from graph.serve.views import MAX_PAGE, page_numbers

    assert page_numbers({"p2": "3", "pe": "1", "iri": "x", "p": "4", "px": "1", "p1": "-1", "p3": "a"}) == \
        {"p2": 3, "pe": 1}
    assert page_numbers({"p0": "99999999999"}) == {"p0": MAX_PAGE}
    person = _person(server, "kien ninh")
    status, _, body = server.get(f"/entity?iri={q(person['iri'])}&p0=5&pe=7&p1=zz")
    assert status == 200 and "← trước / previous" in body.decode()


def test_article_reader_without_the_text_marks_the_gaps(tmp_path):
    """A graph written before the text was stored: the evidence sentences alone, gaps marked "…"."""
    ttl = tmp_path / "old.ttl"
    ttl.write_text(re.sub(r'nif:isString "[^"]*" ;', "", HOSTILE), encoding="utf-8")
    assert "isString" not in ttl.read_text(encoding="utf-8")
    served = start_server("--graph", str(ttl), extra=("--workers", "1"))
    try:
        art = served.json("/api/article/00000000000000aa")
        assert art["full_text"] is False and art["tail"] == ""
        page = served.text("/article/00000000000000aa")
        assert "không giữ toàn văn" in page and '<p class="plain">' not in page
        assert "&lt;img src=x onerror=alert(1)&gt;" in page
    finally:
        served.stop()
