"""Programmes, schemes (Đề án), projects and named policies.

A programme is named when the text gives it a proper name, not when it speaks of "các chương trình":
  - a capitalised head mid-sentence ("Chương trình mục tiêu quốc gia ...", "Đề án “...”"),
  - a numbered one ("Chương trình 135", "Chương trình MTQG 1719"),
  - any head followed by a description ending in a period ("chính sách ... giai đoạn 2017 – 2020").
The name runs to the clause end; a stated period ("giai đoạn 2021-2030") is kept and ends it.
Long and short forms of well-known programmes share a key (data/programmes.yaml).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from graph.extract.facts import Programme, Span
from graph.extract.sentences import sentence_of
from graph.text.normalize import fold, short_hash, slug

DATA = Path(__file__).resolve().parent.parent / "data"

_HEAD = re.compile(
    r"(?<![\w])(?P<head>Chương trình mục tiêu quốc gia|Chương trình MTQG|CTMTQG|Chương trình|Đề án|Dự án|Tiểu dự án|"
    r"Chính sách|chương trình mục tiêu quốc gia|chương trình|đề án|chính sách)(?![\w])"
)
_PERIOD = re.compile(r"(?:,\s*)?giai\s+đoạn\s+(?:I{1,3}\s*[:,]?\s*)?(?:từ\s+năm\s+)?((?:19|20)\d\d)\s*(?:-|–|—|đến(?:\s+năm)?)\s*((?:19|20)\d\d)")
# where a name stops (the first of these after the head)
_STOP = re.compile(
    r"[;:.!?()\[\]]|,(?!\s*(?:giai đoạn|thể thao|xã hội))|\s(?:trên địa bàn|tại|đã|đang|sẽ|được|nhằm|để|với|của tỉnh|"
    r"và các|cùng|theo|thì|là|có|gồm|đạt|còn|mới|từ nguồn|năm\s+(?:19|20)\d\d|ngay|đến nay)\s"
)
_QUOTED = re.compile(r"\s*[“\"]([^”\"]{3,200})[”\"]")
_GENERIC_AFTER = re.compile(r"^\s*(?:,|và|dự án|đề án|chính sách|chương trình|này|đó|trên|của|nêu|như|trọng tâm|đề ra|công tác|"
                            r"kết thúc|bắt đầu|diễn ra|cho biết|được|đã|sẽ|đang)(?!\w)", re.I)
# what a national target programme is about: without one of these it refers back to an earlier one
_TOPIC = re.compile(r"phát triển|giảm nghèo|nông thôn|xây dựng|về\s|dân tộc|DTTS|miền núi|\d{4}", re.I)
_NUMBERED = re.compile(r"^\s*(?:MTQG\s+)?\d{2,4}\b")


@cache
def _known() -> list[tuple[str, str, str, list[tuple[list[str], list[str]]]]]:
    raw = yaml.safe_load((DATA / "programmes.yaml").read_text(encoding="utf-8"))
    return [(k, v["label"], v["kind"], [([fold(w) for w in m["all"]], [fold(w) for w in m.get("any", [])])
                                        for m in v["match"]]) for k, v in raw.items() if k != "not_programmes"]


@cache
def _not_programmes() -> tuple[tuple[str, ...], frozenset[str]]:
    raw = yaml.safe_load((DATA / "programmes.yaml").read_text(encoding="utf-8"))["not_programmes"]
    return tuple(fold(w) for w in raw["prefixes"]), frozenset(fold(w) for w in raw["exact"])


def is_programme_name(name: str) -> bool:
    """False for working arrangements ("Chương trình phối hợp ...") and policy fields ("chính sách dân
    tộc giai đoạn 2014-2019"): named like programmes, they are not ones."""
    prefixes, exact = _not_programmes()
    core = fold(_PERIOD.sub("", name)).strip(" ,-–")
    return core not in exact and not core.startswith(prefixes)


def canonical(name: str) -> tuple[str, str | None, str | None]:
    """(key, canonical label or None, kind or None) for a programme name."""
    f = fold(name)
    for key, label, kind, rules in _known():
        for all_words, any_words in rules:
            if all(w in f for w in all_words) and (not any_words or any(w in f for w in any_words)):
                return key, label, kind
    period = _PERIOD.search(name)
    core = _PERIOD.sub("", name)
    key = slug(core, 50) + (f"-{period.group(1)}-{period.group(2)}" if period else "")
    return f"{key}-{short_hash(core, 4)}", None, None


def _kind(head: str, name: str) -> str:
    h = fold(head)
    if "mục tiêu quốc gia" in fold(name) or "mtqg" in h:
        return "ctmtqg"
    return {"đề án": "de-an", "dự án": "du-an", "tiểu dự án": "du-an", "chính sách": "chinh-sach"}.get(h, "chuong-trinh")


def find_programmes(text: str, sentences: list[Span]) -> list[Programme]:
    """Named programmes, one per mention (the caller merges by key)."""
    out: list[Programme] = []
    last_national: Programme | None = None
    for m in _HEAD.finditer(text):
        head = m.group("head")
        start = m.start()
        before = text[max(0, start - 12):start].lower()
        if re.search(r"(?:các|những|nhiều|mọi|\d)\s*$", before):
            continue
        rest_start = m.end()
        tail = text[rest_start:rest_start + 400]
        quoted = _QUOTED.match(tail)
        if quoted and not quoted.group(1)[0].isupper():
            continue                     # a quoted phrase in lower case is speech, not a name
        if quoted:
            end = rest_start + quoted.end()
        else:
            if _GENERIC_AFTER.match(tail):
                continue
            stop = _STOP.search(tail)
            cut = stop.start() if stop else min(len(tail), 200)
            period = _PERIOD.search(tail[: cut + 40])
            if period and period.start() <= cut + 1:
                cut = period.end()
            end = rest_start + cut
        name = text[start:end].strip(" ,-–")
        words = name.split()
        lower_head = head[0].islower()
        has_period = bool(_PERIOD.search(name))
        numbered = bool(_NUMBERED.match(text[rest_start:end]))
        ctmtqg = "mục tiêu quốc gia" in fold(head) or "mtqg" in fold(head)
        sentence_start = (sentence_of(sentences, start) or Span(start, end)).start == start
        if len(words) < 2 or len(words) > 40:
            continue
        if not (numbered or has_period or quoted or ctmtqg or (not lower_head and not sentence_start and len(words) >= 4)):
            continue
        if not is_programme_name(name):
            continue
        key, _label, known_kind = canonical(name)
        sent = sentence_of(sentences, start) or Span(start, end)
        if ctmtqg and known_kind is None and not _TOPIC.search(text[rest_start:end]):
            # "Chương trình mục tiêu quốc gia" with no topic of its own: the one named before, if any
            if last_national is None:
                continue
            key, known_kind, name = last_national.key, last_national.kind, head
        period = _PERIOD.search(name)
        out.append(Programme(
            name=name, key=key, span=Span(start, start + len(name)), sentence=sent,
            kind=known_kind or _kind(head, name),
            start_year=int(period.group(1)) if period else None,
            end_year=int(period.group(2)) if period else None,
        ))
        if out[-1].kind == "ctmtqg" and name != head:
            last_national = out[-1]
    _share_near_keys(out)
    return out


_WORD = re.compile(r"\w+")


def _share_near_keys(found: list[Programme]) -> None:
    """Two mentions in one article whose words nearly all agree ("phổ biến" typed "phbiến"), or one of
    which only adds words to the other over the same period ("Chương trình phối hợp công tác [giữa 2 cơ
    quan] giai đoạn 2021-2025"), are one programme: the later takes the earlier's key."""
    seen: list[tuple[str, str, set[str], tuple[int | None, int | None]]] = []   # (key, kind, words, period)
    for p in found:
        words = set(_WORD.findall(fold(_PERIOD.sub("", p.name))))
        period = (p.start_year, p.end_year)
        for key, kind, other, other_period in seen:
            if key == p.key or kind != p.kind or period != other_period or min(len(words), len(other)) < 5:
                continue
            near = len(words & other) >= 0.85 * len(words | other)
            widened = period[0] is not None and (words <= other or other <= words)
            if near or widened:
                p.key = key
                break
        else:
            seen.append((p.key, p.kind, words, period))
