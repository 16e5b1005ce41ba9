"""Find a regex's matches by first jumping to where one of its literal starts occurs.

Why: an IGNORECASE alternation of many names gives Python's regex engine no first-character
shortcut, so ``finditer`` tries every branch at every position of the text.  When each match must
begin with one of a few literal texts, a case-sensitive alternation of those texts over the
lowercased text finds the candidate positions with the engine's fast character-set scan, and the
full regex is tried only there.  The matches are exactly ``rx.finditer``'s (same order, same
non-overlapping choice); texts where lowercasing could disagree with the engine's case folding
(rare letters such as "ı" or "ſ", or a length change) fall back to the plain scan.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence

# the letters the regex engine's IGNORECASE treats as equal to another although str.lower() keeps them apart
# ("ı" and "i", "ſ" and "s" ...), from CPython's own table; a Python without it keeps every scan the plain one
try:
    from re import _casefix  # type: ignore[attr-defined]

    _ODD_CASES: re.Pattern[str] | None = re.compile("[" + re.escape("".join(sorted(
        {chr(c) for k, vs in _casefix._EXTRA_CASES.items() for c in (k, *vs) if c > 127}))) + "]")
except (ImportError, AttributeError):
    _ODD_CASES = None


def literal_starts(rx: re.Pattern[str], limit: int = 64) -> set[str] | None:
    """The literal texts a match of ``rx`` must start with, read from the regex itself (None: cannot tell).

    Zero-width assertions at the start are skipped; a group or alternation contributes each of its
    branches' starts (joined to the literal before it), up to ``limit`` texts.
    """
    from re import _parser  # type: ignore[attr-defined]

    return _starts(list(_parser.parse(rx.pattern, rx.flags)), limit)


def _starts(items: list, limit: int) -> set[str] | None:
    from re import _constants as c  # type: ignore[attr-defined]

    prefix = ""
    for op, arg in items:
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            if prefix:
                break
            continue
        if op is c.LITERAL:
            prefix += chr(arg)
            continue
        branches = [list(arg[-1])] if op is c.SUBPATTERN else [list(b) for b in arg[1]] if op is c.BRANCH else None
        if branches is None:
            break
        out: set[str] = set()
        for branch in branches:
            got = _starts(branch, limit)
            if got is None:
                out = set()
                break
            out |= got
        if not out or len(out) > limit:
            break
        return {prefix + x for x in out}
    return {prefix} if prefix else None


def lowered(text: str) -> str | None:
    """``text.lower()`` when its offsets and letters agree with the engine's IGNORECASE, else None."""
    low = text.lower()
    if _ODD_CASES is None or len(low) != len(text) or _ODD_CASES.search(text):
        return None
    return low


class Anchored:
    """``rx`` with the lowercase literal texts one of which every match of it starts with."""

    def __init__(self, rx: re.Pattern[str], starts: Iterable[str]) -> None:
        texts = sorted({s.lower() for s in starts}, key=lambda t: (-len(t), t))
        if not texts or not all(texts):
            raise ValueError("every start must be a non-empty text")
        self.rx = rx
        self.texts = tuple(texts)
        self.starts = re.compile(trie_pattern(texts))     # finds the leftmost start, as an alternation would

    @classmethod
    def of(cls, rx: re.Pattern[str], limit: int = 64) -> Anchored | None:
        """``rx`` anchored on the literal starts read from it, or None when it has none."""
        starts = literal_starts(rx, limit)
        return cls(rx, starts) if starts else None

    def finditer(self, text: str, low: str | None) -> Iterator[re.Match[str]]:
        """The matches of ``rx.finditer(text)``; ``low`` is ``lowered(text)`` (None: plain scan)."""
        if low is None:
            yield from self.rx.finditer(text)
            return
        starts, match = self.starts.search, self.rx.match
        pos = 0
        while (hit := starts(low, pos)) is not None:
            at = hit.start()
            m = match(text, at)
            if m is None or m.end() == at:      # an empty match: let the engine's own rules decide
                if m is not None:
                    yield from self.rx.finditer(text, at)
                    return
                pos = at + 1
                continue
            yield m
            pos = m.end()

    def matches_at(self, text: str, candidates: Iterable[int]) -> Iterator[re.Match[str]]:
        """:meth:`finditer`'s matches given, in order, every position where one of the starts occurs in
        ``lowered(text)`` (:class:`StartScan` finds them for many regexes in one pass)."""
        match = self.rx.match
        pos = 0
        for at in candidates:
            if at < pos:
                continue
            m = match(text, at)
            if m is None:
                continue
            if m.end() == at:      # an empty match: let the engine's own rules decide
                yield from self.rx.finditer(text, at)
                return
            yield m
            pos = m.end()


class StartScan:
    """Where each of several anchored regexes may match, from one pass over the text.

    Why: the ~66 organisation rules each searched the lowercased sentence for their own starts, ~110
    searches per paragraph, most finding nothing (0.6 of 3.6 CPU s per 1,000 VNTC articles).  One trie
    of every rule's starts (:func:`trie_pattern`) finds at each position the longest start there; every
    other start occurring at that position is a prefix of it, so the rules it may begin are the rules
    owning a prefix of it, computed once."""

    def __init__(self, anchors: Iterable[Anchored | None]) -> None:
        self.anchors = tuple(anchors)
        texts = {t for a in self.anchors if a is not None for t in a.texts}
        self._rx = re.compile(trie_pattern(texts)) if texts else None
        self._owners = {t: tuple(i for i, a in enumerate(self.anchors)
                                 if a is not None and any(t.startswith(s) for s in a.texts)) for t in texts}

    def positions(self, low: str) -> list[list[int]]:
        """For each regex (in order), the positions of ``low`` where one of its starts occurs."""
        out: list[list[int]] = [[] for _ in self.anchors]
        if self._rx is None:
            return out
        search, owners = self._rx.search, self._owners
        pos = 0
        while (hit := search(low, pos)) is not None:
            at = hit.start()
            for i in owners[hit.group()]:
                out[i].append(at)
            pos = at + 1
        return out


def trie_pattern(texts: Iterable[Sequence[str]], sep: str = "", unit: Callable[[str], str] = re.escape) -> str:
    """A regex matching the longest of ``texts`` at a position, written as a trie ("ban(?: (?:bí thư|dân
    tộc))?"): the engine compares one character per step, where a flat alternation of a hundred texts
    tried each in turn at every position starting with a common letter.  ``texts`` may be sequences of
    words, with ``sep`` (a regex) between consecutive words; ``unit`` writes one unit as a regex."""
    root: dict = {}
    for t in texts:
        node = root
        for u in t:
            node = node.setdefault(u, {})
        node[None] = {}

    def walk(node: dict, first: bool) -> str:
        alts = [("" if first else sep) + unit(u) + walk(child, False)
                for u, child in sorted((k, v) for k, v in node.items() if k is not None)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if None in node else body

    return walk(root, True)
