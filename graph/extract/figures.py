"""Figures: amounts of money, counts and rates, with what they measure.

"tổng kinh phí trên 176 tỷ đồng" -> 176e9 VND; "112 công trình" -> 112 (công trình); "giảm còn 7,89%" -> 7.89 %.
Vietnamese writes 1.438 for 1438 and 7,89 for 7.89.  What a figure measures is the clause before it
(after the last comma/semicolon/colon), as written.  "phấn đấu đến hết ngày 30/9/2020 ... đạt trên 60%"
is a target with a deadline, not a result.
"""

from __future__ import annotations

import re
from datetime import date

from graph.extract.facts import Figure, Programme, Span
from graph.extract.sentences import sentence_of
from graph.text.dates import PartialDate, find_dates, find_years

# (?<![\d.,]) anchors a number at its first digit: without it a long digit run is retried from every digit;
# (?=\d) before it lets the engine pass over a non-digit without trying the look-behind (scans 3x faster)
_NUM = r"(?=\d)(?<![\d.,])(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
_MONEY = re.compile(_NUM + r"\s*(?P<mult>nghìn tỷ|ngàn tỷ|tỷ|triệu|nghìn|ngàn)?\s*(?:đồng|VNĐ|VND|đ)(?!\w)", re.I)
_PERCENT = re.compile(_NUM + r"\s*%")
_COUNTED = (
    "công trình", "dự án", "người có uy tín", "người", "hộ nghèo", "hộ", "xã", "thôn", "bản", "tập thể", "cá nhân",
    "đại biểu", "lượt người", "lượt", "lớp", "hội nghị", "mô hình", "học sinh", "trường", "km", "ha", "con",
    "tấn", "căn nhà", "nhà", "cơ sở", "doanh nghiệp", "hợp tác xã", "tổ chức", "đơn vị", "huyện", "làng", "buôn",
)
_COUNT = re.compile(
    r"(?=\d)(?<![\d/.,])" + _NUM + r"\s+(?P<what>" + "|".join(sorted((re.escape(c) for c in _COUNTED), key=len, reverse=True))
    + r")(?!\w)",
    re.I,
)
_MULT = {"nghìn tỷ": 1e12, "ngàn tỷ": 1e12, "tỷ": 1e9, "triệu": 1e6, "nghìn": 1e3, "ngàn": 1e3, None: 1.0}
_TARGET = re.compile(r"phấn đấu|mục tiêu|chỉ tiêu|kế hoạch đề ra|dự kiến|đạt trên|đến hết|đến năm", re.I)
_CLAUSE = re.compile(r"[,;:]|\s(?:với|và|còn|được)\s")


def parse_number(s: str) -> float:
    """'1.438' -> 1438, '7,89' -> 7.89, '176' -> 176."""
    return float(s.replace(".", "").replace(",", "."))


def _measure(text: str, sent: Span, start: int) -> str | None:
    before = text[max(sent.start, start - 200):start]      # a measure is a short clause: look back 200 chars
    parts = _CLAUSE.split(before)
    clause = parts[-1].strip() if parts else ""
    if len(clause.split()) < 2 and len(parts) > 1:
        clause = (parts[-2] + " " + clause).strip()
    words = clause.split()
    clause = " ".join(words[-12:]).strip(" -–")
    clause = re.sub(r"\s*(?:đạt|là|khoảng|trên|gần|hơn|còn|tới|được|có)$", "", clause).strip()
    return clause or None


def find_figures(text: str, sentences: list[Span], published: date | None, province: str | None,
                 programmes: list[Programme]) -> list[Figure]:
    figures: list[Figure] = []
    taken: set[int] = set()                       # offsets already inside a figure (no quadratic overlap scan)
    years_of: dict[Span, list[int]] = {}          # years named in a sentence, computed once per sentence
    for pattern, unit in ((_MONEY, "VND"), (_PERCENT, "percent"), (_COUNT, "count")):
        for m in pattern.finditer(text):
            s, e = m.span()
            if s in taken or (e - 1) in taken:
                continue
            sent = sentence_of(sentences, s)
            if sent is None:
                continue
            # not a date ("17/7"), a document number or a ratio "145/151 xã"
            if text[max(0, s - 1):s] in {"/", "-"} or text[e:e + 1] == "/":
                continue
            try:
                value = parse_number(m.group("num"))
            except ValueError:
                continue
            if unit == "VND":
                value *= _MULT[m.group("mult").lower() if m.group("mult") else None]
            counted = m.group("what").lower() if unit == "count" else None
            sentence_text = text[sent.start:sent.end]
            head = text[max(sent.start, s - 160):s]           # bounded look-back: no quadratic slicing
            target = bool(_TARGET.search(head[-80:]))
            deadline = None
            if target:
                ds = [d for d in find_dates(head, published) if d.value.day]
                deadline = ds[-1].value if ds else None
            if sent not in years_of:
                years_of[sent] = [y for _s, _e, y in find_years(sentence_text)]
            years = years_of[sent]
            period = PartialDate(years[0]) if years else (PartialDate(published.year) if published else None)
            prog = next((p.key for p in programmes if p.sentence == sent), None)
            figures.append(Figure(
                value=value, unit=unit, text=m.group().strip(), span=Span(s, e), sentence=sent,
                measure=_measure(text, sent, s), counted=counted, period=period, province=province,
                target=target, deadline=deadline, programme=prog,
            ))
            taken.update(range(s, e))
    figures.sort(key=lambda f: f.span.start)
    return figures
