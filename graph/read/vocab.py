"""The boilerplate/byline vocabulary of ``boilerplate.yaml``, loaded once and folded for matching."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graph.datafiles import load_yaml
from graph.text.normalize import clean_space, fold, unify_tones

_FILE = Path(__file__).with_name("boilerplate.yaml")


@dataclass(frozen=True)
class Vocab:
    leading_menu_lines: frozenset[str]
    trailing_markers: tuple[str, ...]
    block_phrases: tuple[str, ...]
    footer_words: tuple[str, ...]
    byline_labels: tuple[str, ...]      # longest first, so "tin, ảnh" wins over "tin"
    source_labels: tuple[str, ...]
    not_name_words: frozenset[str]
    honorifics: tuple[str, ...]         # longest first


@cache
def vocab() -> Vocab:
    data = load_yaml(_FILE.read_text(encoding="utf-8"))

    def folded(key: str) -> list[str]:
        return [fold(str(x)) for x in data[key]]

    def longest_first(key: str) -> tuple[str, ...]:
        return tuple(sorted(set(folded(key)), key=len, reverse=True))

    return Vocab(
        leading_menu_lines=frozenset(x.rstrip(":").strip() for x in folded("leading_menu_lines")),
        trailing_markers=longest_first("trailing_markers"),
        block_phrases=longest_first("block_phrases"),
        footer_words=tuple(folded("footer_words")),
        byline_labels=longest_first("byline_labels"),
        source_labels=longest_first("source_labels"),
        not_name_words=frozenset(folded("not_name_words")),
        honorifics=longest_first("honorifics"),
    )


def fold_line(line: str) -> str:
    """``fold`` for a line that is already clean NFC (the reader's own text): skips the NFC pass."""
    return clean_space(unify_tones(line).casefold())
