"""Known SKOS concepts live once in the vocabulary graph (id:vocabulary), not copied into each article graph.

What must hold (issue 14): the union is the same set of triples as when every article graph carried its
concepts (only the concepts some article uses, never whole schemes); an article graph only refers to a
known concept; a store written, re-written, replaced into or removed from holds exactly what a fresh
build of the same reports holds; the incremental validation sees the vocabulary graph's changes;
per-article checks see the concepts their article refers to.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.build import build, process_file
from graph.rdf import vocab
from graph.store import open_store
from graph.store.prefixes import VOCABULARY_GRAPH
from graph.validate import load_schemes, tracker, validate_store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
V = ox.NamedNode(VOCABULARY_GRAPH)
DTK = "https://w3id.org/dantoc-kg/def/"
# the seed report that alone uses some concepts (a national conference: its event kinds, roles, doc types)
ALONE = "003_3573829a48d6ed85"


def _known(node: object) -> bool:
    if not isinstance(node, ox.NamedNode):
        return False
    key = vocab.key_of(node.value)
    if key is None or "/" not in key:
        return False
    scheme, notation = key.split("/", 1)
    return scheme in load_schemes() and vocab.is_known(scheme, notation)


def _graph(store: ox.Store, g: ox.NamedNode | ox.DefaultGraph) -> set[ox.Triple]:
    return {q.triple for q in store.quads_for_pattern(None, None, None, g)}


def _article_graphs(store: ox.Store) -> list[ox.NamedNode]:
    return sorted((g for g in store.named_graphs() if isinstance(g, ox.NamedNode) and g != V), key=str)


@pytest.fixture(scope="module")
def seeds_build():
    return build([SEEDS], jobs=1)


def test_article_graphs_refer_to_known_concepts_the_vocabulary_graph_holds_once(seeds_build) -> None:
    store = seeds_build.store
    articles = _article_graphs(store)
    assert len(articles) == 5 and store.contains_named_graph(V)
    referenced: set[ox.NamedNode] = set()
    for g in articles:
        quads = list(store.quads_for_pattern(None, None, None, g))
        assert not [q for q in quads if _known(q.subject)], f"{g}: carries a known concept's triples"
        referenced |= {q.object for q in quads if _known(q.object)}
    in_vocab = {q.subject for q in store.quads_for_pattern(None, None, None, V) if _known(q.subject)}
    assert referenced and in_vocab == referenced     # every used concept, and only those (not whole schemes)
    # a concept outside the scheme (a count coded from the noun counted) stays in its article's graph
    minted = [q for g in articles for q in store.quads_for_pattern(None, None, None, g)
              if q.subject.value.startswith(DTK + "indicator/count-")]
    assert minted and not any(store.quads_for_pattern(minted[0].subject, None, None, V))


def test_the_union_is_what_per_article_copies_gave(seeds_build) -> None:
    """Rebuild the graphs as they were (each article graph with concept_triples of the concepts it uses):
    their union is the build's union, triple for triple."""
    store = seeds_build.store
    old_style: set[ox.Triple] = set()
    for g in _article_graphs(store):
        triples = _graph(store, g)
        old_style |= triples
        for t in triples:
            if _known(t.object):
                scheme, notation = vocab.key_of(t.object.value).split("/", 1)  # type: ignore[union-attr]
                old_style |= {ox.Triple(*c) for c in vocab.concept_triples(scheme, notation)}  # type: ignore[arg-type]
            if t.predicate.value.endswith("#inScheme"):    # a concept outside its scheme: its scheme's triples
                old_style |= {ox.Triple(*c) for c in vocab.scheme_triples(t.object.value[len(DTK):])}  # type: ignore[arg-type]
    assert _graph(seeds_build.union, ox.DefaultGraph()) == old_style


def test_the_worker_lists_the_concepts_its_graph_refers_to() -> None:
    out = process_file(str(SEEDS / f"{ALONE}.txt"))
    quads = list(ox.parse(out.nquads, format=ox.RdfFormat.N_QUADS))
    used = {vocab.key_of(q.object.value) for q in quads if _known(q.object)}
    assert used and {k for k in out.concepts if "/" in k} == used
    assert {k for k in out.concepts if "/" not in k} == {k.split("/")[0] for k in used} | {
        q.object.value[len(DTK):] for q in quads if q.predicate.value.endswith("#inScheme")}


def _snapshot(path: Path) -> tuple[set, set, dict]:
    """(union, vocabulary graph, each article graph) of a store."""
    with open_store(path, read_only=True) as kg:
        s = kg.oxigraph
        return (_graph(s, ox.DefaultGraph()), _graph(s, V), {g.value: _graph(s, g) for g in _article_graphs(s)})


def _fresh(tmp_path: Path, folder: Path) -> tuple[set, set, dict]:
    with open_store(tmp_path / "fresh") as kg:
        build([folder], jobs=1, store=kg)
    return _snapshot(tmp_path / "fresh")


def test_store_rerun_writes_nothing_and_remove_prunes_to_a_fresh_build(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    shutil.copytree(SEEDS, folder)
    with open_store(tmp_path / "kg") as kg:
        build([folder], jobs=1, store=kg)
        articles = kg.articles()
        assert VOCABULARY_GRAPH not in {a.iri for a in articles} and len(articles) == 5
    first = _snapshot(tmp_path / "kg")
    with open_store(tmp_path / "kg") as kg:
        keys = sorted(vocab.key_of(q.subject.value) for q in kg.oxigraph.quads_for_pattern(None, None, None, V))
        assert kg.vocabulary_missing(keys) == []     # read from the store: nothing to write again
        build([folder], jobs=1, store=kg)
    assert _snapshot(tmp_path / "kg") == first
    with open_store(tmp_path / "kg") as kg:
        assert kg.remove_source(ALONE)
    after = _snapshot(tmp_path / "kg")
    assert len(after[1]) < len(first[1])             # the concepts only that report used are gone
    (folder / f"{ALONE}.txt").unlink()
    assert after == _fresh(tmp_path, folder)


def test_a_replaced_article_prunes_what_only_its_old_version_used(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    shutil.copytree(SEEDS, folder)
    with open_store(tmp_path / "kg") as kg:
        build([folder], jobs=1, store=kg)
    before = _snapshot(tmp_path / "kg")
    (folder / f"{ALONE}.txt").write_text("Ngày 12/3/2024, Ban Dân tộc tỉnh Cao Bằng tổ chức hội nghị sơ kết.\n"
                                         "Ông Nông Văn Hùng, Trưởng Ban Dân tộc tỉnh Cao Bằng, chủ trì hội nghị.\n",
                                         encoding="utf-8")
    with open_store(tmp_path / "kg") as kg:
        build([folder], jobs=1, store=kg)      # the changed file replaces its old article
    after = _snapshot(tmp_path / "kg")
    assert len(after[1]) < len(before[1])
    assert after == _fresh(tmp_path, folder)


def test_the_tracker_sees_the_concepts_a_removal_prunes(tmp_path: Path) -> None:
    with open_store(tmp_path / "kg") as kg:
        follow = tracker(kg)
        build([SEEDS], jobs=1, store=kg)
        follow.finish()
    with open_store(tmp_path / "kg") as kg:
        pruned_before = _graph(kg.oxigraph, V)
        follow = tracker(kg)
        kg.remove_source(ALONE)
        pruned = pruned_before - _graph(kg.oxigraph, V)
        gone = pruned - _graph(kg.oxigraph, ox.DefaultGraph())
        assert gone and gone <= set(follow.changed())
        follow.finish()
        full = validate_store(kg.oxigraph, union=False, evidence=False)
    with open_store(tmp_path / "kg", read_only=True) as kg:
        from graph.validate import kept_report

        kept = kept_report(kg, evidence=False)
        assert kept is not None
        assert {(str(r.focus_node), r.path, r.constraint) for r in kept.results} == \
            {(str(r.focus_node), r.path, r.constraint) for r in full.results}


def test_per_article_checks_join_the_concepts_their_article_refers_to(seeds_build) -> None:
    store = seeds_build.store
    joined = validate_store(store, per_graph=True, evidence=False)
    assert joined.conforms
    alone = ox.Store()        # the same article graphs without the vocabulary graph: their concepts dangle
    alone.extend(q for q in store if q.graph_name != V)
    bare = validate_store(alone, per_graph=True, evidence=False)
    assert not bare.conforms and any("Concept" in (r.message or "") or "class" in r.constraint.lower()
                                     for r in bare.results)
