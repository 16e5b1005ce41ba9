"""Split an article into sentences with exact offsets (the evidence unit of every fact).

A sentence ends at . ! ? … followed by space and an upper-case letter, digit or opening quote, or at a
line break.  Abbreviations with a dot (TP., Q.1, T.Ư, ThS., v.v.) and numbers (1.438, 7,89) do not end one.
A "sentence" longer than ``MAX_SENTENCE_CHARS`` (run-on text without punctuation; real ones stay under
~1,000) is cut at its last comma, semicolon or space before the cap: extractors look at a sentence as a
whole, so an unbounded one makes their cost quadratic in the article's length.
"""

from __future__ import annotations

import re

from graph.extract.facts import Span

# (?<![.!?…]): a run of dots is matched once from its start, not retried from every dot
_BOUNDARY = re.compile(r"(?<![.!?…])[.!?…]+[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-ZĐÀ-Ỹ0-9])")
_ABBREV = {"tp", "q", "p", "t.ư", "ths", "ts", "pgs", "gs", "bs", "ks", "th", "st", "v.v", "tt", "đ/c", "ô", "no", "tr"}
_LINE = re.compile(r"[^\n]+")
MAX_SENTENCE_CHARS = 1500


def _is_abbreviation(paragraph: str, dot: int) -> bool:
    start = dot
    while start > 0 and not paragraph[start - 1].isspace():
        start -= 1
    word = paragraph[start:dot].lower().strip("(\"“")
    return word in _ABBREV or (len(word) == 1 and word.isalpha())


def split_sentences(text: str) -> list[Span]:
    """Sentence spans of ``text`` (whitespace trimmed, empty ones dropped), in order."""
    spans: list[Span] = []
    for line in _LINE.finditer(text):
        base, para = line.start(), line.group()
        start = 0
        for m in _BOUNDARY.finditer(para):
            if m.group()[0] == "." and len(m.group()) == 1 and _is_abbreviation(para, m.start()):
                continue
            _add(spans, para, base, start, m.end())
            start = m.end()
        _add(spans, para, base, start, len(para))
    return spans


def _add(spans: list[Span], para: str, base: int, start: int, end: int) -> None:
    while end - start > MAX_SENTENCE_CHARS:   # run-on text: cut at a safe boundary before the cap
        limit = start + MAX_SENTENCE_CHARS
        cut = max(para.rfind(", ", start, limit), para.rfind("; ", start, limit))
        if cut <= start + MAX_SENTENCE_CHARS // 2:
            cut = para.rfind(" ", start, limit)
        cut = limit if cut <= start else cut + 1
        _add_one(spans, para, base, start, cut)
        start = cut
    _add_one(spans, para, base, start, end)


def _add_one(spans: list[Span], para: str, base: int, start: int, end: int) -> None:
    chunk = para[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = base + start + lead
    spans.append(Span(s, s + len(stripped)))


def sentence_of(spans: list[Span], offset: int) -> Span | None:
    """The sentence containing ``offset`` (binary search; spans are sorted)."""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(spans) and spans[lo].start <= offset < spans[lo].end:
        return spans[lo]
    return None
