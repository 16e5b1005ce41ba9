"""Exports: every format round-trips, output is byte-identical for the same graph, writes are atomic."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.cli import main
from graph.errors import UserError
from graph.export import export, serialize
from graph.export.writers import atomic_write
from graph.store import open_store, parse_file

DATA = Path(__file__).parent / "data" / "store"
GRAPH = DATA / "two_articles.trig"
READERS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def tricky_quads() -> list[ox.Quad]:
    """The fixture plus literals that stress the writers (escapes, numbers, types, odd IRIs)."""
    quads = parse_file(GRAPH)
    s = ox.NamedNode("https://w3id.org/dantoc-kg/id/figure/a1b2c3d4e5f60718/0")
    g = ox.NamedNode("https://w3id.org/dantoc-kg/id/article/a1b2c3d4e5f60718")
    dt = "https://w3id.org/dantoc-kg/def#"
    xsd = "http://www.w3.org/2001/XMLSchema#"
    values = [
        ox.Literal('Câu có "ngoặc kép", dấu \\ và\nxuống dòng\ttab'),
        ox.Literal("7.89", datatype=ox.NamedNode(xsd + "decimal")),
        ox.Literal("007", datatype=ox.NamedNode(xsd + "integer")),  # non-canonical lexical form kept
        ox.Literal("-3", datatype=ox.NamedNode(xsd + "integer")),
        ox.Literal("1.5E3", datatype=ox.NamedNode(xsd + "double")),
        ox.Literal("false", datatype=ox.NamedNode(xsd + "boolean")),
        ox.Literal("2020", datatype=ox.NamedNode(xsd + "gYear")),
        ox.Literal("Ban Dân tộc", language="vi"),
        ox.Literal("Ethnic Affairs Board", language="en-GB"),
        ox.NamedNode("https://w3id.org/dantoc-kg/def/unit/percent"),
        ox.NamedNode("http://example.org/with.dot."),
        ox.NamedNode("http://schema.org/"),
    ]
    for i, value in enumerate(values):
        quads.append(ox.Quad(s, ox.NamedNode(f"{dt}value{i % 3}"), value, g))
    quads.append(ox.Quad(s, ox.NamedNode(dt + "inDefault"), ox.Literal("đồ thị mặc định")))  # default graph
    return quads


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_round_trip(fmt: str, tmp_path: Path) -> None:
    quads = tricky_quads()
    out = tmp_path / f"g.{fmt}"
    out.write_bytes(serialize(quads, fmt))
    back = list(ox.parse(path=str(out), format=READERS[fmt]))
    if fmt in ("turtle", "nt"):  # the union of the graphs, each triple once
        assert set(back) == {ox.Quad(q.subject, q.predicate, q.object) for q in quads}
        assert len(back) == len(set(back))
    else:
        assert sorted(map(str, back)) == sorted(set(map(str, quads)))


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_same_graph_same_bytes_whatever_the_insertion_order(fmt: str, tmp_path: Path) -> None:
    quads = tricky_quads()
    shuffled = quads[:]
    random.Random(7).shuffle(shuffled)
    a = serialize(quads, fmt)
    assert a == serialize(shuffled, fmt) == serialize(quads + shuffled[:5], fmt)  # duplicates collapse
    b = export(_store_of(quads), fmt, tmp_path / f"b.{fmt}").read_bytes()
    c = export(_store_of(shuffled), fmt, tmp_path / f"c.{fmt}").read_bytes()
    assert b == c


def test_determinism_across_processes(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = str(Path(__file__).parent.parent)
    outputs = []
    for i in range(2):
        out = tmp_path / f"p{i}.ttl"
        subprocess.run(
            [sys.executable, "-m", "graph", "export", str(GRAPH), "--format", "turtle", "--out", str(out)],
            check=True,
            cwd=root,
            env={"PYTHONPATH": root, "PYTHONHASHSEED": str(i + 1)},
            timeout=60,
        )
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_turtle_is_readable_and_parsed_by_rdflib(tmp_path: Path) -> None:
    import rdflib

    out = export(GRAPH, "turtle", tmp_path / "g.ttl")
    text = out.read_text(encoding="utf-8")
    assert "@prefix org: <http://www.w3.org/ns/org#> ." in text
    assert "@prefix eli:" not in text  # unused prefixes are not declared
    assert "\\/" not in text  # no escaped local names: IRIs with '/' are written in full
    assert "a schema:Person , foaf:Person ;" in text  # rdf:type first, objects sorted by IRI
    assert '"Lâm Thị Huyền"' in text  # UTF-8, not \u escapes
    g = rdflib.Graph()
    g.parse(data=text, format="turtle")
    assert len(g) == len(set(ox.parse(path=str(out), format=ox.RdfFormat.TURTLE)))


def test_trig_keeps_article_graphs(tmp_path: Path) -> None:
    out = export(GRAPH, "trig", tmp_path / "g.trig")
    graphs = {q.graph_name for q in ox.parse(path=str(out), format=ox.RdfFormat.TRIG)}
    assert graphs == {q.graph_name for q in parse_file(GRAPH)}
    assert len(graphs) == 2


def test_jsonld_has_a_compact_context(tmp_path: Path) -> None:
    out = export(GRAPH, "jsonld", tmp_path / "g.jsonld")
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["@context"]["org"] == "http://www.w3.org/ns/org#"
    graph_ids = [node["@id"] for node in doc["@graph"]]
    assert graph_ids == ["id:article/0f1e2d3c4b5a6978", "id:article/a1b2c3d4e5f60718"]
    person = next(n for n in doc["@graph"][0]["@graph"] if n["@id"] == "id:person/kon-tum/a-khua-3d4e5f")
    assert person["@type"] == ["schema:Person", "foaf:Person"]
    assert person["foaf:name"] == [{"@value": "A Khưa"}]
    import rdflib  # a second, independent JSON-LD processor reads the same quads

    ds = rdflib.Dataset()
    ds.parse(str(out), format="json-ld")
    assert len(list(ds.quads())) == len(set(parse_file(GRAPH)))


def test_store_export_equals_file_export(tmp_path: Path) -> None:
    with open_store(tmp_path / "db") as store:
        store.load_file(GRAPH)
        from_store = export(store, "nquads", tmp_path / "s.nq").read_bytes()
    assert from_store == export(GRAPH, "nquads", tmp_path / "f.nq").read_bytes()
    assert export(tmp_path / "db", "nquads", tmp_path / "d.nq").read_bytes() == from_store


def test_atomic_write_keeps_the_old_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out.ttl"
    target.write_bytes(b"old content\n")

    def boom(fh):
        fh.write(b"half of the new con")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        atomic_write(target, boom)
    assert target.read_bytes() == b"old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]  # no temp file left behind


def test_unknown_format_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="unknown export format"):
        export(GRAPH, "rdfa", tmp_path / "x")


def test_cli_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "g.nt"
    assert main(["export", str(GRAPH), "--out", str(out)]) == 0  # format from the extension
    assert out.read_bytes() == serialize(parse_file(GRAPH), "nt")
    assert main(["export", str(GRAPH), "--store", str(tmp_path), "--out", str(out)]) == 2
    assert "exactly one" in capsys.readouterr().err
    assert main(["export", str(GRAPH), "--out", str(tmp_path / "g.unknown")]) == 2
    assert "--format is needed" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "missing.ttl"), "--format", "nt", "--out", str(out)]) == 2
    assert "no such file" in capsys.readouterr().err


def test_cli_export_ontology_when_present(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "ontology").mkdir()
    (tmp_path / "ontology" / "shapes.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n<https://w3id.org/dantoc-kg/def#S> a sh:NodeShape .\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--what", "shapes", "--format", "nt", "--out", "s.nt"]) == 0
    assert (tmp_path / "s.nt").read_text(encoding="utf-8") == (
        "<https://w3id.org/dantoc-kg/def#S> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        "<http://www.w3.org/ns/shacl#NodeShape> .\n"
    )


def test_store_canonicalises_numbers(tmp_path: Path) -> None:
    """Worth knowing: Oxigraph keeps numbers as values, so "007"^^xsd:integer comes back as "7"."""
    quads = tricky_quads()
    nt = export(_store_of(quads), "nt", tmp_path / "s.nt").read_text(encoding="utf-8")
    assert '"7"^^<http://www.w3.org/2001/XMLSchema#integer>' in nt
    assert '"007"' not in nt
    assert '"007"^^<http://www.w3.org/2001/XMLSchema#integer>' in serialize(quads, "nt").decode()


def _store_of(quads: list[ox.Quad]) -> ox.Store:
    store = ox.Store()
    store.extend(quads)
    return store


@pytest.fixture(scope="module")
def seed_stores(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The seeds built into two stores, articles added in opposite orders."""
    from graph.build import build

    base = tmp_path_factory.mktemp("stream")
    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
    with open_store(base / "a") as a:
        build(seeds, jobs=1, store=a)
    with open_store(base / "b") as b:
        for seed in reversed(seeds):
            build([seed], jobs=1, store=b)
    return base / "a", base / "b"


def _parsed(path: Path, fmt: str) -> set:
    return set(ox.parse(path.read_bytes(), format=READERS[fmt]))


@pytest.mark.parametrize("fmt", ["turtle", "nt", "nquads", "trig"])
def test_streamed_export_holds_the_sorted_export_graph(fmt: str, seed_stores: tuple[Path, Path],
                                                       tmp_path: Path) -> None:
    a, b = seed_stores
    sorted_out = export(a, fmt, tmp_path / "sorted", order="sorted")
    streamed = export(a, fmt, tmp_path / "streamed", order="stream")
    assert streamed.read_bytes() != sorted_out.read_bytes()       # really the other writer
    assert _parsed(streamed, fmt) == _parsed(sorted_out, fmt)
    assert len(_parsed(streamed, fmt)) > 1000
    again = export(b, fmt, tmp_path / "again", order="stream")    # same content, built in another order
    assert again.read_bytes() == streamed.read_bytes()
    with open_store(a, read_only=True) as kg:                      # a store object the caller keeps open
        assert export(kg, fmt, tmp_path / "kept", order="stream").read_bytes() == streamed.read_bytes()
        assert len(kg.articles()) == 5


def test_auto_order_sorts_small_stores_and_stream_needs_a_store(seed_stores: tuple[Path, Path],
                                                                tmp_path: Path) -> None:
    a, _b = seed_stores
    assert (export(a, "turtle", tmp_path / "auto.ttl").read_bytes()
            == export(a, "turtle", tmp_path / "sorted.ttl", order="sorted").read_bytes())
    with pytest.raises(UserError, match="needs a store"):
        export(GRAPH, "turtle", tmp_path / "x.ttl", order="stream")
    with pytest.raises(UserError, match="unknown order"):
        export(a, "turtle", tmp_path / "x.ttl", order="random")
