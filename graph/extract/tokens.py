"""Word tokens with offsets, and the small predicates the rule-based extractors share."""

from __future__ import annotations

import re
from functools import lru_cache

from graph.text.normalize import fold

_TOKEN = re.compile(r"\w+(?:[’'&/.\-]\w+)*|[^\w\s]")


class Token:
    """One word or punctuation mark.  A plain slotted class: tokens are made by the hundred thousand and a
    frozen dataclass's __init__ is several times slower."""

    __slots__ = ("end", "low", "start", "text")

    def __init__(self, text: str, start: int, end: int, low: str) -> None:
        self.text = text
        self.start = start      # offset in the article text
        self.end = end
        self.low = low          # folded form (case, tone style)

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and (self.text, self.start, self.end) == (other.text, other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end))

    @property
    def is_cap(self) -> bool:
        """A name-like word: 'Kiên', 'Y', 'A'; not an abbreviation ('UBND') nor lower case."""
        t = self.text
        if not t[0].isupper() or not t[0].isalpha():
            return False
        return len(t) == 1 or not t.isupper() or (len(t) == 2 and t[1] in "’'")

    @property
    def is_lower(self) -> bool:
        return self.text[0].islower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


# words repeat a lot across sentences and articles: fold each distinct word once
_fold_word = lru_cache(maxsize=1 << 16)(fold)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    segment = text[start:end] if end is not None else text[start:]
    out: list[Token] = []
    for m in _TOKEN.finditer(segment):
        word = m.group()
        s = start + m.start()
        out.append(Token(word, s, s + len(word), _fold_word(word)))
    return out


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """Folded tokens of a fixed phrase (for matching data-file forms against text)."""
    return tuple(fold(m.group()) for m in _TOKEN.finditer(phrase))
