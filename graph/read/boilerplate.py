"""Cutting portal boilerplate from article text: menu lines at the top, related lists, visitor
counters and footers at the bottom.

Conservative by design: a trailing cut happens only where no article paragraph follows, and a leading cut
only removes lines that are known menu items or too short to be a sentence.  Keeping a menu line is a
smaller harm than dropping an article sentence.
"""

from __future__ import annotations

import re
from functools import cache

from graph.read.vocab import fold_line, vocab

_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)]$")
_BULLET = re.compile(r"^[-•*·+>|]+\s*")
# footer markers may head a long line ("Ghi rõ nguồn ... khi phát hành lại thông tin")
_LONG_OK = ("ghi rõ nguồn", "designed by", "thiết kế bởi", "bản quyền", "copyright", "©",
            "trang thông tin điện tử", "cổng thông tin điện tử", "thống kê truy cập",
            "tổng số người truy cập",
            "cơ quan chủ quản",
            "đơn vị quản lý", "quản lý và nhập tin", "người chịu trách nhiệm", "chịu trách nhiệm nội dung",
            "giấy phép", "số lượt xem", "lượt truy cập", "số người online", "đang online")


def is_article_paragraph(line: str) -> bool:
    """A line that reads as article prose: long, ends like a sentence, no footer/contact words."""
    if len(line) < 100 or len(line.split()) < 20 or not _SENTENCE_END.search(line):
        return False
    low = line.casefold()  # footer words hold no tone that the old/new spellings place differently
    return not any(w in low for w in vocab().footer_words)


def is_menu_line(line: str) -> bool:
    """A navigation line at the top of a page (known menu item, punctuation, or a one/two-word crumb)."""
    if not _LETTER.search(line):
        return bool(line) and not _DIGIT.search(line)
    low = fold_line(line).rstrip(":").strip()
    if low in vocab().leading_menu_lines:
        return True
    if line[:1] in "•·*" and len(line.split()) <= 6:
        return True
    words = line.split()
    short = len(words) <= 2 and not _DIGIT.search(line)
    return short and not line.isupper() and not _SENTENCE_END.search(line)


def is_trailing_marker(line: str) -> bool:
    """A line opening a related-articles list, a visitor counter or a footer."""
    if line.lstrip("-•*·+>| ")[:1].casefold() not in _marker_initials():
        return False
    low = _BULLET.sub("", fold_line(line))
    if not low:
        return False
    for m in _markers():
        if not low.startswith(m):
            continue
        rest = low[len(m):].lstrip()
        if not rest or rest[0] in ":0123456789|" or m.endswith(":"):
            return True
        if m in _LONG_OK:
            return True
    return False


@cache
def _markers() -> tuple[str, ...]:
    return tuple(dict.fromkeys(_BULLET.sub("", m) for m in vocab().trailing_markers))


@cache
def _marker_initials() -> frozenset[str]:
    return frozenset(m[:1] for m in _markers())


def leading_cut(lines: list[str]) -> int:
    """Index of the first line to keep: known menu lines at the very top are dropped."""
    for i, line in enumerate(lines):
        if line and not is_menu_line(line):
            return i
    return 0  # nothing but menu-like lines: keep everything rather than nothing


def trailing_cut(lines: list[str], start: int = 0) -> int:
    """Index where trailing boilerplate begins (len(lines) when there is none).

    The cut is at the first marker line that is neither prose itself nor followed by any article
    paragraph; at least one non-empty line must stay before it.
    """
    n = len(lines)
    # last index holding an article paragraph: no cut may happen at or before it
    last_prose = -1
    for i in range(n - 1, start - 1, -1):
        if is_article_paragraph(lines[i]):
            last_prose = i
            break
    seen_content = False
    for i in range(start, n):
        line = lines[i]
        if not line:
            continue
        if seen_content and i > last_prose and is_trailing_marker(line) and not is_article_paragraph(line):
            return i
        seen_content = True
    return n


def split_boilerplate(text: str) -> tuple[str, str, str]:
    """(head, body, tail): the dropped top menu lines, the kept article, the dropped trailing boilerplate."""
    lines = text.split("\n")
    first = leading_cut(lines)
    last = trailing_cut(lines, first)
    if last <= first:
        return "", text, ""
    head = "\n".join(lines[:first])
    body = "\n".join(lines[first:last]).strip()
    tail = "\n".join(lines[last:])
    return head, body, tail
