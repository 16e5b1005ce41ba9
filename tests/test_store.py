"""The on-disk store: per-article graphs, atomic replacement, source names, persistence."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.errors import UserError
from graph.store import KGStore, article_iri, open_store, parse_file

DATA = Path(__file__).parent / "data" / "store"
ID = "https://w3id.org/dantoc-kg/id/"
A1 = article_iri("a1b2c3d4e5f60718")
A2 = article_iri("0f1e2d3c4b5a6978")
SOC_TRANG = ox.NamedNode(ID + "org/soc-trang/ban-dan-toc-tinh")
LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
IDENT = ox.NamedNode("http://purl.org/dc/terms/identifier")
HEADLINE = ox.NamedNode("http://schema.org/headline")


def article_triples(iri: str) -> list[ox.Triple]:
    """The triples of one article graph of the fixture."""
    g = ox.NamedNode(iri)
    return [q.triple for q in parse_file(DATA / "two_articles.trig") if q.graph_name == g]


def fill(store: KGStore) -> None:
    store.replace_article(A1, article_triples(A1))
    store.replace_article(A2, article_triples(A2))


def test_replace_twice_never_duplicates(tmp_path: Path) -> None:
    with open_store(tmp_path / "db") as store:
        fill(store)
        first = store.triples_count()
        fill(store)
        fill(store)
        assert store.triples_count() == first
        assert first == len(article_triples(A1)) + len(article_triples(A2))
        assert [a.iri for a in store.articles()] == sorted([A1, A2])


def test_replace_changes_only_that_article(tmp_path: Path) -> None:
    with open_store(tmp_path / "db") as store:
        fill(store)
        a2_before = set(store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(A2)))
        new = [t for t in article_triples(A1) if t.predicate != HEADLINE]
        new.append(ox.Triple(ox.NamedNode(A1), HEADLINE, ox.Literal("Tiêu đề đã sửa", language="vi")))
        store.replace_article(A1, new)
        headlines = store.query(f"SELECT ?h {{ GRAPH <{A1}> {{ <{A1}> <{HEADLINE.value}> ?h }} }}").rows
        assert headlines == [{"h": "Tiêu đề đã sửa"}]
        assert set(store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(A2))) == a2_before


def test_remove_keeps_shared_nodes_asserted_elsewhere(tmp_path: Path) -> None:
    with open_store(tmp_path / "db") as store:
        fill(store)
        assert store.remove_article(A1) is True
        assert store.remove_article(A1) is False
        labels = store.query(f"SELECT DISTINCT ?l {{ <{SOC_TRANG.value}> <{LABEL.value}> ?l }}").rows
        assert labels == [{"l": "Ban Dân tộc tỉnh Sóc Trăng"}]  # still asserted by A2
        store.remove_article(A2)
        assert store.query(f"ASK {{ <{SOC_TRANG.value}> ?p ?o }}").boolean is False
        assert store.triples_count() == 0


def test_default_graph_is_the_deduplicated_union(tmp_path: Path) -> None:
    """Oxigraph's own union repeats a triple per graph asserting it; the store's default graph does not."""
    with open_store(tmp_path / "db") as store:
        fill(store)
        q = "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?p a <http://xmlns.com/foaf/0.1/Person> }"
        assert store.query(q).rows == [{"n": "2"}]
        shared = "SELECT (COUNT(*) AS ?n) { ?o a <http://www.w3.org/ns/org#Organization> }"
        union_rows = int(store.query(shared, union=True).rows[0]["n"])
        default_rows = int(store.query(shared).rows[0]["n"])
        assert default_rows < union_rows      # a body both articles name counts once, not twice
        distinct = {(q.subject, q.predicate, q.object) for q in store.quads()}
        assert len(store.union_triples()) == len(distinct)
        store.remove_article(store.articles()[0].iri)        # the survivor's triples stay in the union
        remaining = {(q.subject, q.predicate, q.object) for q in store.quads()}
        assert {(q.subject, q.predicate, q.object) for q in store.union_triples()} == remaining


def test_reopen_after_close_keeps_data(tmp_path: Path) -> None:
    with open_store(tmp_path / "db") as store:
        fill(store)
        count = store.triples_count()
    with open_store(tmp_path / "db") as store:
        assert store.triples_count() == count
        assert store.has_article("a1b2c3d4e5f60718")
        assert store.has_article("0f1e2d3c4b5a6978" + "0" * 24)
        assert not store.has_article("ffffffffffffffff")


def test_committed_replace_survives_a_hard_exit(tmp_path: Path) -> None:
    """A process that dies without closing the store (os._exit) loses nothing it committed."""
    code = (
        "import os, sys\n"
        "sys.path.insert(0, sys.argv[2])\n"
        "from tests.test_store import fill\n"
        "from graph.store import KGStore\n"
        "s = KGStore(sys.argv[1])\n"
        "fill(s)\n"
        "os._exit(0)\n"
    )
    root = str(Path(__file__).parent.parent)
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "db"), root], check=True, cwd=root, timeout=60)
    with open_store(tmp_path / "db") as store:
        assert [a.iri for a in store.articles()] == sorted([A1, A2])


def test_one_update_is_one_transaction(tmp_path: Path) -> None:
    """replace_article relies on this: if a later operation of the update fails, earlier ones are undone."""
    with open_store(tmp_path / "db") as store:
        fill(store)
        before = store.triples_count()
        with pytest.raises(RuntimeError):
            store._update(f"DROP GRAPH <{A1}> ; CREATE GRAPH <{A2}>")  # A2 exists: the CREATE fails
        assert store.triples_count() == before
        assert store.oxigraph.contains_named_graph(ox.NamedNode(A1))


def test_changed_source_file_replaces_its_old_article(tmp_path: Path) -> None:
    with open_store(tmp_path / "db") as store:
        fill(store)
        assert store.source_map() == {"001_soc_trang_so_ket": A1, "002_kon_tum_tong_ket": A2}
        # the file 001_... was edited: its text (so its sha and IRI) changed
        new_iri = article_iri("9999aaaabbbbcccc")
        node = ox.NamedNode(new_iri)
        store.replace_article(
            new_iri,
            [
                ox.Triple(node, IDENT, ox.Literal("001_soc_trang_so_ket")),
                ox.Triple(node, HEADLINE, ox.Literal("Bản đã sửa", language="vi")),
            ],
        )
        assert [a.iri for a in store.articles()] == sorted([A2, new_iri])
        assert store.article_for_source("001_soc_trang_so_ket") == new_iri


def test_same_text_under_two_names_keeps_the_other_name(tmp_path: Path) -> None:
    with open_store(tmp_path / "db") as store:
        triples = article_triples(A1)
        triples.append(ox.Triple(ox.NamedNode(A1), IDENT, ox.Literal("001_copy")))
        store.replace_article(A1, triples)
        assert store.articles()[0].sources == ("001_copy", "001_soc_trang_so_ket")
        new_iri = article_iri("1234123412341234")
        store.replace_article(new_iri, [ox.Triple(ox.NamedNode(new_iri), IDENT, ox.Literal("001_copy"))])
        infos = {a.iri: a.sources for a in store.articles()}
        assert infos == {A1: ("001_soc_trang_so_ket",), new_iri: ("001_copy",)}
        assert store.remove_source("001_soc_trang_so_ket") == [A1]
        assert [a.iri for a in store.articles()] == [new_iri]


def test_quads_and_rdflib_terms_are_accepted(tmp_path: Path) -> None:
    import rdflib

    with open_store(tmp_path / "db") as store:
        quads = [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(A1)) for t in article_triples(A1)]
        assert store.replace_article(A1, quads) == len(quads)
        store.replace_article(
            A2, [(rdflib.URIRef(A2), rdflib.URIRef(HEADLINE.value), rdflib.Literal("Bài hai", lang="vi"))]
        )
        assert store.query(f"SELECT ?h {{ <{A2}> <{HEADLINE.value}> ?h }}").rows == [{"h": "Bài hai"}]
        with pytest.raises(ValueError):
            store.replace_article(
                A2, [ox.Quad(ox.NamedNode(A2), HEADLINE, ox.Literal("x"), ox.NamedNode(A1))]
            )


def test_load_file_keeps_graphs_and_replaces_on_reload(tmp_path: Path) -> None:
    with open_store(tmp_path / "db") as store:
        n = store.load_file(DATA / "two_articles.trig")
        store.load_file(DATA / "two_articles.trig")
        assert store.triples_count() == n
        assert [a.iri for a in store.articles()] == sorted([A1, A2])


def test_read_only_while_a_writer_holds_the_lock(tmp_path: Path) -> None:
    with open_store(tmp_path / "db") as writer:
        fill(writer)
        writer.oxigraph.flush()
        with KGStore(tmp_path / "db", read_only=True) as reader:
            assert reader.triples_count() == writer.triples_count()
            with pytest.raises(UserError, match="read-only"):
                reader.remove_article(A1)
        code = "import sys; from graph.store import KGStore; KGStore(sys.argv[1])"
        root = str(Path(__file__).parent.parent)
        done = subprocess.run(
            [sys.executable, "-c", code, str(tmp_path / "db")],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=60,
            env={"PYTHONPATH": root},
        )
        assert done.returncode != 0
        assert "open in another process" in done.stderr


def test_missing_store_read_only_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="not a dantoc-kg store"):
        KGStore(tmp_path / "nothing", read_only=True)


def test_dump_is_deterministic_trig(tmp_path: Path) -> None:
    with open_store(tmp_path / "db") as store:
        fill(store)
        store.dump(tmp_path / "a.trig")
    with open_store(tmp_path / "db2") as store:
        store.replace_article(A2, article_triples(A2)[::-1])
        store.replace_article(A1, article_triples(A1)[::-1])
        store.dump(tmp_path / "b.trig", "trig")
    assert (tmp_path / "a.trig").read_bytes() == (tmp_path / "b.trig").read_bytes()


def test_bulk_replace_gives_the_same_store_as_one_by_one(tmp_path: Path) -> None:
    items = [(A1, article_triples(A1)), (A2, article_triples(A2))]
    with open_store(tmp_path / "one") as one, open_store(tmp_path / "bulk") as bulk:
        one.replace_articles(items)
        bulk.replace_articles(items, bulk=True)
        bulk.replace_articles(items, bulk=True)  # re-running converges, no duplicates
        assert sorted(map(str, bulk.quads())) == sorted(map(str, one.quads()))
        new_iri = article_iri("5555666677778888")
        bulk.replace_articles(
            [(new_iri, [ox.Triple(ox.NamedNode(new_iri), IDENT, ox.Literal("002_kon_tum_tong_ket"))])],
            bulk=True,
        )
        assert [a.iri for a in bulk.articles()] == sorted(
            [A1, new_iri]
        )  # the changed file's old article went


def _graph_nquads(iri: str) -> bytes:
    g = ox.NamedNode(iri)
    return ox.serialize([ox.Quad(t.subject, t.predicate, t.object, g) for t in article_triples(iri)],
                        format=ox.RdfFormat.N_QUADS) or b""


def _sorted_dump(store: KGStore) -> list[bytes]:
    return sorted((store.oxigraph.dump(format=ox.RdfFormat.N_QUADS) or b"").splitlines())


def test_bulk_added_articles_equal_transactional_ones(tmp_path: Path) -> None:
    with open_store(tmp_path / "slow") as slow, open_store(tmp_path / "fast") as fast:
        fill(slow)
        written = fast.add_new_articles([(A1, _graph_nquads(A1)), (A2, _graph_nquads(A2))])
        assert _sorted_dump(fast) == _sorted_dump(slow)
        assert written == 2 * (len(article_triples(A1)) + len(article_triples(A2)))   # graphs + union copies
        assert not (tmp_path / "fast" / "dantoc-pending.nq").exists()


def test_a_batch_interrupted_before_its_load_is_finished_on_the_next_open(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The redo log written, the process gone before the bulk load: the next writable open loads it."""
    with open_store(tmp_path / "clean") as clean:
        fill(clean)
        expected = _sorted_dump(clean)
    with monkeypatch.context() as m:
        m.setattr(KGStore, "_load_pending", lambda self: None)   # "killed" right after the log is written
        with open_store(tmp_path / "db") as store:
            store.add_new_articles([(A1, _graph_nquads(A1)), (A2, _graph_nquads(A2))])
            assert store.articles() == []
    assert (tmp_path / "db" / "dantoc-pending.nq").exists()
    with open_store(tmp_path / "db", read_only=True) as snapshot:   # a reader does not write
        assert snapshot.articles() == []
    with open_store(tmp_path / "db") as store:
        assert _sorted_dump(store) == expected
    assert not (tmp_path / "db" / "dantoc-pending.nq").exists()
    with open_store(tmp_path / "db") as store:   # and loading it twice changes nothing
        assert _sorted_dump(store) == expected


def test_an_unreadable_redo_log_is_a_clear_error(tmp_path: Path) -> None:
    with open_store(tmp_path / "db") as store:
        fill(store)
    (tmp_path / "db" / "dantoc-pending.nq").write_bytes(b"<a> <b> \"unterminated .\n")
    with pytest.raises(UserError, match="redo log"):
        open_store(tmp_path / "db")
    (tmp_path / "db" / "dantoc-pending.nq").unlink()   # moved away: the store opens again
    with open_store(tmp_path / "db") as store:
        assert len(store.articles()) == 2
