"""Dates as Vietnamese reports write them.

Forms: 17/7/2020, 17-7-2020, 17.7.2020, "ngày 17 tháng 7 năm 2020", "tháng 7/2020", "tháng 7 năm 2020",
day ranges "24 - 25/10/2019" (the first day), and dates without a year ("Ngày 28/10", "Sáng nay (8/1)")
completed from the article's own date.  A date may be partial (year, or year and month); ``iso()``
gives "2020-07-17", "2020-07" or "2020", the forms the graph stores (xsd:date / gYearMonth / gYear).
"""

from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass
from datetime import date

MIN_YEAR, MAX_YEAR = 1945, 2100


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def to_date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.month and self.day else None

    @classmethod
    def from_date(cls, d: date) -> PartialDate:
        return cls(d.year, d.month, d.day)

    @classmethod
    def from_iso(cls, s: str) -> PartialDate:
        parts = [int(p) for p in s.split("-")]
        return cls(*parts)  # type: ignore[arg-type]


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    value: PartialDate
    year_inferred: bool = False  # the text gave no year; it came from the reference date


def valid(year: int, month: int | None = None, day: int | None = None) -> bool:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return False
    if month is None:
        return day is None
    if not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= calendar.monthrange(year, month)[1]


_D = r"(?P<d>[0-3]?\d)"
_M = r"(?P<m>[01]?\d)"
_Y = r"(?P<y>(?:19|20|21)\d\d)"
_SEP = r"\s?[/\-.]\s?"
# "24 - 25/10/2019", "24-25/10/2019": keep the first day
_RANGE = r"(?:(?P<d0>[0-3]?\d)\s?(?:-|–|đến)\s?)?"
# "(?=\d)" first: the engine then rejects a position that holds no digit before it tries the look-behinds
# (every match of these starts with a digit anyway); the scans run 5-7x faster
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("words", re.compile(
        r"(?<!\w)ngày\s+(?P<d>[0-3]?\d)\s+tháng\s+(?P<m>[01]?\d)\s+năm\s+" + _Y + r"(?!\d)", re.IGNORECASE)),
    ("numeric", re.compile(r"(?=\d)(?<![\d/.\-])" + _RANGE + _D + _SEP + _M + _SEP + _Y + r"(?![\d/])")),
    ("month_year", re.compile(
        r"(?<!\w)tháng\s+(?P<m>[01]?\d)(?:\s+năm\s+|\s?[/\-]\s?)" + _Y + r"(?!\d)", re.IGNORECASE)),
    # day/month without a year: needs a cue ("ngày 28/10", "(8/1)") so that "6/10 huyện" is not a date
    ("day_month", re.compile(
        r"(?=\d)(?:(?<=ngày\s)|(?<=Ngày\s)|(?<=NGÀY\s)|(?<=\()|(?<=hôm nay\s)|(?<=Hôm nay\s)|(?<=sáng\s)|(?<=Sáng\s)"
        r"|(?<=chiều\s)|(?<=Chiều\s)|(?<=tối\s)|(?<=Tối\s)|(?<=trưa\s)|(?<=Trưa\s))"
        + _RANGE + _D + r"\s?/\s?" + _M + r"(?![\d/])")),
]


def _complete_year(day: int, month: int, reference: date | None) -> tuple[int, bool] | None:
    """A date with no year belongs to the year of the article, or the year before when it would
    otherwise fall more than two months after the article (a January report of a December event)."""
    if reference is None:
        return None
    year = reference.year
    if valid(year, month, day) and date(year, month, day) > reference and (month - reference.month) % 12 > 2:
        year -= 1
    return year, True


def find_dates(text: str, reference: date | None = None) -> list[DateMatch]:
    """Every date in ``text``, in order, without overlaps (the longest/most precise form wins)."""
    found: list[DateMatch] = []
    # spans already taken, sorted and disjoint (so their ends are sorted too): an overlap check is a
    # bisect, not a scan; a page of 20,000 dates stays linear-ish instead of quadratic
    starts: list[int] = []
    ends: list[int] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            at = bisect.bisect_left(starts, e)
            if at and ends[at - 1] > s:
                continue
            g = m.groupdict()
            day = int(g.get("d0") or g["d"]) if g.get("d") else None
            month = int(g["m"])
            inferred = False
            if kind == "day_month":
                done = _complete_year(day or 1, month, reference)
                if done is None:
                    continue
                year, inferred = done
            else:
                year = int(g["y"])
            if not valid(year, month, day):
                continue
            found.append(DateMatch(s, e, PartialDate(year, month, day), inferred))
            starts.insert(at, s)
            ends.insert(at, e)
    found.sort(key=lambda d: d.start)
    return found


def parse_date(text: str, reference: date | None = None) -> PartialDate | None:
    """The first date in ``text`` (None when there is none); a bare "năm 2020" counts when nothing more
    precise is there (running-text extraction keeps those apart, see :func:`find_years`)."""
    found = find_dates(text, reference)
    if found:
        return found[0].value
    years = find_years(text)
    return PartialDate(years[0][2]) if years and valid(years[0][2]) else None


def format_date(value: PartialDate, style: str = "slash") -> str:
    """Write a date the way reports do; ``parse_date(format_date(x, s)) == x`` for every style."""
    if value.month is None:
        return f"năm {value.year}"
    if value.day is None:
        return f"tháng {value.month} năm {value.year}" if style == "words" else f"tháng {value.month}/{value.year}"
    if style == "words":
        return f"ngày {value.day} tháng {value.month} năm {value.year}"
    sep = {"slash": "/", "dash": "-", "dot": "."}[style]
    return f"{value.day:02d}{sep}{value.month:02d}{sep}{value.year}"


_YEAR_ONLY = re.compile(r"(?<!\w)năm\s+" + _Y + r"(?!\d)", re.IGNORECASE)


def find_years(text: str) -> list[tuple[int, int, int]]:
    """(start, end, year) for "năm 2019" phrases: the weakest date, used for event years."""
    return [(m.start(), m.end(), int(m.group("y"))) for m in _YEAR_ONLY.finditer(text)]
