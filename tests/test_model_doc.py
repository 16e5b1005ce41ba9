"""docs/MODEL.md's identity table says which IRIs the code mints: every pattern it shows has nodes in the
seed graph, and every data IRI of the seed graph matches one of its patterns, so the page cannot drift
from the code in either direction."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rdflib

from graph.build import build, write_union

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "docs" / "MODEL.md"
PREFIXES = {"id:": "https://w3id.org/dantoc-kg/id/", "dtk:": "https://w3id.org/dantoc-kg/def/"}
# what each placeholder of the page stands for; any other {word} is one slug segment
PLACEHOLDERS = {
    "h16": "[0-9a-f]{16}", "h8": "[0-9a-f]{8}", "hash6": "[0-9a-f]{6}", "hash8": "[0-9a-f]{8}",
    "b": "[0-9]+", "e": "[0-9]+", "n": "[0-9]+", "iso-date": "[0-9]{4}(-[0-9]{2}){0,2}", "years": "[0-9]{4}(-[0-9]{4})?",
    "org_key": "[a-z0-9-]+(/[a-z0-9-]+)+", "body-key": "[a-z0-9-]+(/[a-z0-9-]+)*",
}


def doc_patterns() -> list[str]:
    """The backticked id:/dtk: patterns of the table under '## Identity'."""
    text = MODEL.read_text(encoding="utf-8")
    section = text.split("## Identity", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and not line.startswith("| node")]
    return [p for row in rows for p in re.findall(r"`((?:id|dtk):[^`]+)`", row)]


def to_regex(pattern: str) -> re.Pattern[str]:
    prefix = next(p for p in PREFIXES if pattern.startswith(p))
    out, rest = PREFIXES[prefix], pattern[len(prefix):]
    for literal, name in re.findall(r"([^{]*)(?:\{([^}]+)\})?", rest):
        out_literal = re.escape(literal)
        out += out_literal + (f"(?:{PLACEHOLDERS.get(name, '[a-z0-9-]+')})" if name else "")
    return re.compile(out)


@pytest.fixture(scope="module")
def iris(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    out = tmp_path_factory.mktemp("doc") / "seeds.ttl"
    write_union(build([ROOT / "seeds"], jobs=1).store, out)
    g = rdflib.Graph().parse(out)
    return {str(t) for triple in g for t in triple if isinstance(t, rdflib.URIRef)}


def test_the_page_shows_patterns() -> None:
    patterns = doc_patterns()
    assert len(patterns) >= 15 and "id:article/{h16}" in patterns


@pytest.mark.parametrize("pattern", doc_patterns())
def test_every_pattern_of_the_page_is_minted(pattern: str, iris: set[str]) -> None:
    rx = to_regex(pattern)
    assert any(rx.fullmatch(i) for i in iris), f"no IRI of the seed graph matches {pattern} ({rx.pattern})"


def test_every_data_iri_has_its_pattern_on_the_page(iris: set[str]) -> None:
    regexes = [to_regex(p) for p in doc_patterns()]
    data = sorted(i for i in iris if i.startswith(PREFIXES["id:"]))
    unexplained = [i for i in data if not any(rx.fullmatch(i) for rx in regexes)]
    assert data and unexplained == []
