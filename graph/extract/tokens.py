"""Word tokens with offsets, and the small predicates the rule-based extractors share."""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.text.normalize import fold

_TOKEN = re.compile(r"\w+(?:[’'&/.\-]\w+)*|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int          # offset in the article text
    end: int
    low: str            # folded form (case, tone style)

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


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    segment = text[start:end] if end is not None else text[start:]
    return [Token(m.group(), start + m.start(), start + m.end(), fold(m.group())) for m in _TOKEN.finditer(segment)]


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """Folded tokens of a fixed phrase (for matching data-file forms against text)."""
    return tuple(fold(m.group()) for m in _TOKEN.finditer(phrase))
