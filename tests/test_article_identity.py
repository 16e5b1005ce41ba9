"""An article's IRI comes from its file's bytes, not from the cleaned text: improving the reader renames
nothing, two files with the same bytes are one article, a re-run changes nothing and a changed file
replaces its article."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import graph.read.reader as reader
from graph.build import build
from graph.read import read_file
from graph.store import open_store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ARTICLE = "https://w3id.org/dantoc-kg/id/article/"


def _graphs(folder: Path) -> set[str]:
    result = build([folder], jobs=1)
    return {g.value for g in result.store.named_graphs() if g.value.startswith(ARTICLE)}


def test_article_iri_is_the_files_digest() -> None:
    for path in sorted(SEEDS.glob("*.txt"))[:2]:
        article = read_file(path)
        assert article.sha1 == hashlib.sha1(path.read_bytes()).hexdigest()
        assert article.text_sha1 == hashlib.sha1(article.text.encode("utf-8")).hexdigest()
        assert article.sha1 != article.text_sha1   # the cleaned text is not the file (NFC, spacing, header)


def test_changing_the_cleaning_code_keeps_article_iris(monkeypatch: pytest.MonkeyPatch) -> None:
    before = _graphs(SEEDS)
    texts_before = {p.name: read_file(p).text for p in SEEDS.glob("*.txt")}
    original = reader.clean_text
    # a "new version" of the cleaner that writes every text differently (here: a space doubled)
    monkeypatch.setattr(reader, "clean_text", lambda raw: original(raw).replace("Ban Dân tộc", "Ban Dân  tộc"))
    texts_after = {p.name: read_file(p).text for p in SEEDS.glob("*.txt")}
    assert texts_after != texts_before            # the cleaner really changed the text ...
    assert _graphs(SEEDS) == before               # ... and no article was renamed


def test_same_bytes_are_one_article_and_reencoded_text_a_duplicate(tmp_path: Path) -> None:
    seed = sorted(SEEDS.glob("*.txt"))[0]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(seed.read_bytes())
    (folder / "b.txt").write_bytes(seed.read_bytes())
    (folder / "c.txt").write_bytes(seed.read_text(encoding="utf-8").encode("utf-16"))   # same text, other bytes
    result = build([folder], jobs=1)
    assert result.articles == 1
    assert sorted(Path(p).name for p, _ in result.duplicates) == ["b.txt", "c.txt"]
    graphs = [g.value for g in result.store.named_graphs() if g.value.startswith(ARTICLE)]
    assert graphs == [ARTICLE + hashlib.sha1(seed.read_bytes()).hexdigest()[:16]]


def test_rerun_changes_nothing_and_a_changed_file_replaces_its_article(tmp_path: Path) -> None:
    seed = sorted(SEEDS.glob("*.txt"))[0]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(seed.read_bytes())
    with open_store(tmp_path / "store") as kg:
        build([folder], jobs=1, store=kg)
        first = ({i.iri for i in kg.articles()}, kg.triples_count())
        build([folder], jobs=1, store=kg)
        assert ({i.iri for i in kg.articles()}, kg.triples_count()) == first
        (folder / "a.txt").write_bytes(seed.read_bytes() + "\nNguồn: Ban Dân tộc.\n".encode())
        build([folder], jobs=1, store=kg)
        (after,) = kg.articles()
        assert after.iri not in first[0] and after.sources == ("a",)
