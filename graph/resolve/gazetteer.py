"""Provinces (and some districts) of Vietnam, and finding them in running text.

The data lives in ``data/provinces.yaml``: the 63 provinces in force until 30 June 2025 (the reports
we read are nearly all from before the 2025 merger), the 34 units after it and the old -> new map.
Lookups accept any tone style, case and the usual alternative spellings.

Matching in running text is done on ``unify_tones(text)``, which has the same length as ``text``, so
offsets stay those of the NFC article.  A place name must be capitalised as a name (Title or UPPER
case) and must not be part of a person's name ("Nguyễn Thái Bình").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph.datafiles import load_yaml
from graph.text.normalize import fold, nfc, slug, unify_tones
from graph.text.scan import Anchored, lowered

_DATA = Path(__file__).resolve().parent.parent / "data" / "provinces.yaml"

_DASHES = re.compile(r"\s*[-–—]\s*")
_PUNCT = re.compile(r"[.'’]")
_CITY_PREFIX = re.compile(r"^(?:thành phố|tp\.?)\s*", re.IGNORECASE)
_UNIT_PREFIX = re.compile(r"^(?:tỉnh|thành phố|tp\.?)\s+", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


@dataclass(frozen=True)
class Province:
    slug: str
    name: str
    code: str
    kind: str                       # "tỉnh" | "thành phố trực thuộc trung ương"
    aliases: tuple[str, ...]
    merged_into: str | None         # slug of the 2025 unit it became part of; None when unchanged
    capital: str | None

    @property
    def is_city(self) -> bool:
        """A centrally-run city: its bodies are 'Ủy ban nhân dân thành phố X', 'Thành ủy X'."""
        return self.kind.startswith("thành phố")

    @property
    def unit_word(self) -> str:
        """'tỉnh' or 'thành phố', the word written before the name in a body's label."""
        return "thành phố" if self.is_city else "tỉnh"


# the listed district kinds a unit word written in the text may mean (the list holds no quận)
_UNIT_MEANS = {"huyện": ("huyện", "thị xã"), "thị xã": ("thị xã", "huyện"), "thành phố": ("thành phố",),
               "tp": ("thành phố",), "quận": ()}


@dataclass(frozen=True)
class District:
    slug: str
    name: str                       # without the prefix: "Lâm Bình"
    kind: str                       # huyện | thị xã | thành phố
    province: str                   # province slug
    former: bool = False


def _key(text: str) -> str:
    """Lookup key: folded, dashes and dots dropped, so 'Bà Rịa–Vũng Tàu' == 'bà rịa vũng tàu'."""
    k = fold(text)
    k = _DASHES.sub(" ", k)
    k = _PUNCT.sub(" ", k)
    return " ".join(k.split())


def _alias_regex(alias: str) -> str:
    """Regex for one written form: spaces/dashes/dots flexible."""
    parts = [p for p in re.split(r"[\s\-–—.]+", unify_tones(nfc(alias))) if p]
    return r"(?:\s*[-–—.]\s*|\s+|\.)".join(re.escape(p) for p in parts)


def _factored(forms: list[str]) -> str:
    """Alternation grouped by first letter ('(?:H(?:à Nội|à Giang)|B(?:...))'): the regex engine
    then tries one group per position instead of every name, several times faster."""
    groups: dict[str, list[str]] = defaultdict(list)
    for f in sorted(forms, key=len, reverse=True):
        f = unify_tones(nfc(f))
        groups[f[0].casefold()].append(f)
    parts = []
    for first, fs in groups.items():
        rests = [_alias_regex(f)[len(re.escape(f[0])):] for f in fs]
        parts.append(re.escape(first) + "(?:" + "|".join(rests) + ")")
    return "(?:" + "|".join(parts) + ")"


def _scan(rx: re.Pattern[str], anchored: Anchored | None, s: str, low: str | None) -> Iterator[re.Match[str]]:
    return anchored.finditer(s, low) if anchored is not None else rx.finditer(s)


def _is_name_cased(s: str) -> bool:
    """Every word starts with a capital letter ('Yên Bái', 'YÊN BÁI'); 'yên bái' is not a name."""
    words = _WORD.findall(s)
    return bool(words) and all(w[0].isupper() for w in words)


class Gazetteer:
    """Province and district lookups over ``data/provinces.yaml``."""

    def __init__(self, data: dict) -> None:
        self.provinces: dict[str, Province] = {}
        self.units_2025: dict[str, Province] = {}
        self._index: dict[str, Province] = {}
        self.districts: dict[str, list[District]] = defaultdict(list)    # key(name) -> districts
        self._capitals: dict[str, list[Province]] = defaultdict(list)
        forms: dict[str, Province] = {}
        for row in data["provinces"]:
            p = Province(
                slug=row["slug"], name=nfc(row["name"]), code=str(row["code"]), kind=row["kind"],
                aliases=tuple(nfc(a) for a in row.get("aliases") or ()),
                merged_into=row.get("merged_into"), capital=row.get("capital"),
            )
            self.provinces[p.slug] = p
            for form in (p.name, *p.aliases):
                forms.setdefault(form, p)
            if p.capital:
                self._capitals[_key(p.capital)].append(p)
            for former, names in ((False, row.get("districts") or ()), (True, row.get("former") or ())):
                for raw in names:
                    m = re.match(r"(thành phố|thị xã|huyện)\s+(.+)", raw)
                    kind, name = (m.group(1), m.group(2)) if m else ("huyện", raw)
                    d = District(slug(name), nfc(name), kind, p.slug, former)
                    self.districts[_key(name)].append(d)
        for row in data["units_2025"]:
            if row["slug"] in self.provinces:
                self.units_2025[row["slug"]] = self.provinces[row["slug"]]
            else:
                self.units_2025[row["slug"]] = Province(
                    slug=row["slug"], name=nfc(row["name"]), code=str(row["code"]), kind=row["kind"],
                    aliases=(), merged_into=None, capital=None)
        self._from_2025 = {row["slug"]: tuple(row["from"]) for row in data["units_2025"]}
        for p in self.provinces.values():
            for form in (p.slug, p.name, *p.aliases):
                self._index.setdefault(_key(form), p)
            self._index.setdefault(_key(p.slug.replace("-", " ")), p)
        self._person_words = {fold(w) for w in data.get("person_name_words") or ()}
        self._not_places = [unify_tones(nfc(s)) for s in data.get("not_places") or ()]
        # one alternation, longest forms first so "Thừa Thiên Huế" wins over "Huế"
        self._forms = {_key(f): p for f, p in forms.items()}
        self._rx = re.compile(_factored(list(forms)) + r"(?![^\W_])", re.IGNORECASE)
        self._not_rx = re.compile("|".join(_alias_regex(s) for s in self._not_places), re.IGNORECASE) \
            if self._not_places else None
        # the same scans jumping to where a name can start (graph.text.scan): most of article_province's time
        self._rx_at = Anchored.of(self._rx, limit=1000)
        self._not_at = Anchored.of(self._not_rx, limit=1000) if self._not_rx is not None else None

    # -- construction -------------------------------------------------------------------------
    @classmethod
    def default(cls) -> Gazetteer:
        """The project's gazetteer, loaded once."""
        return _default()

    # -- lookups ------------------------------------------------------------------------------
    def province(self, name_or_slug: str) -> Province | None:
        """Any spelling, tone style or case; 'tỉnh X' / 'TP X' prefixes accepted."""
        if not name_or_slug:
            return None
        k = _key(name_or_slug)
        hit = self._index.get(k)
        if hit is None:
            stripped = _key(_UNIT_PREFIX.sub("", nfc(name_or_slug).strip()))
            hit = self._index.get(stripped)
        if hit is None and k in self.units_2025:
            hit = self.units_2025[k]
        if hit is None and name_or_slug in self.units_2025:
            hit = self.units_2025[name_or_slug]
        return hit

    def successor(self, province: Province | str) -> Province:
        """The unit (of the 34 from 1 July 2025) this province is or became part of."""
        p = self.province(province) if isinstance(province, str) else province
        if p is None:
            raise KeyError(province)
        if p.slug in self.units_2025 and p.merged_into is None:
            return self.units_2025[p.slug]
        return self.units_2025[p.merged_into or p.slug]

    def merged_from(self, unit_slug: str) -> tuple[Province, ...]:
        """The old provinces a 2025 unit was formed of."""
        return tuple(self.provinces[s] for s in self._from_2025[unit_slug])

    def districts_named(self, name: str, unit: str | None = None) -> list[District]:
        """Districts (from the partial list) with this name, in any province.

        With ``unit`` (the word written before the name), only the districts it can mean: the list is
        partial, so "quận Bình Tân" (Hồ Chí Minh, not listed) is not Vĩnh Long's "huyện Bình Tân", and
        "thành phố X" is only a listed city; huyện and thị xã stand for each other (units are upgraded)."""
        found = list(self.districts.get(_key(_CITY_PREFIX.sub("", nfc(name))), ()))
        if unit is None:
            return found
        unit = unit.lower().rstrip(".")
        return [d for d in found if d.kind in _UNIT_MEANS.get(unit, (unit,))]

    def province_of_capital(self, city: str) -> Province | None:
        """'Pleiku' -> Gia Lai; None when the city is no provincial capital or is ambiguous."""
        hits = self._capitals.get(_key(city), [])
        return hits[0] if len(hits) == 1 else None

    # -- running text -------------------------------------------------------------------------
    def match_at(self, text: str, pos: int, matching: str | None = None) -> tuple[int, Province] | None:
        """A province name starting exactly at ``pos`` (as ``find_provinces`` would accept it)."""
        s = matching if matching is not None else unify_tones(text)
        m = self._rx.match(s, pos)
        if not m or not self._accept(s, m.start(), m.end()):
            return None
        return m.end(), self._forms[_key(m.group(0))]

    def find_provinces(self, text: str) -> list[tuple[int, int, Province]]:
        """Province mentions in running text: (start, end, province), offsets in ``text``."""
        s = unify_tones(text)
        low = lowered(s)
        blocked: list[tuple[int, int]] = []
        if self._not_rx is not None:
            blocked = [(m.start(), m.end()) for m in _scan(self._not_rx, self._not_at, s, low)]
        out: list[tuple[int, int, Province]] = []
        for m in _scan(self._rx, self._rx_at, s, low):
            if m.start() > 0 and (s[m.start() - 1].isalnum() or s[m.start() - 1] == "_"):
                continue        # word start checked here: a look-behind would slow the scan
            if any(b0 <= m.start() < b1 for b0, b1 in blocked):
                continue
            if self._accept(s, m.start(), m.end()):
                p = self._forms.get(_key(m.group(0)))
                if p is not None:
                    out.append((m.start(), m.end(), p))
        return out

    def _accept(self, s: str, start: int, end: int) -> bool:
        if not _is_name_cased(s[start:end]):
            return False
        # the word before: a surname / middle name written right before makes it a person's name
        before = s[max(0, start - 20):start]
        m = re.search(r"([^\W\d_]+['’]?)\s+$", before)
        # "Hà Giang" after "tỉnh" is fine; after "Nguyễn" it is a name
        return not (m and m.group(1)[:1].isupper() and fold(m.group(1)) in self._person_words)

    def _score_district(self, words: str, at: int, scores: dict[str, float]) -> int | None:
        """Count a district named at the start of ``words`` (1 when only one province has it); its end,
        or None when no district of the list starts there."""
        for name in _prefixes(words):
            hits = {d.province for d in self.districts_named(name)}
            if hits:
                if len(hits) == 1:
                    scores[hits.pop()] += 1.0
                return at + len(name)
        return None

    def article_province(self, text: str, title: str | None = None) -> Province | None:
        """The province an article is about, or None when the text does not make it clear.

        Evidence, weighted: a body or unit phrase naming the province ("tỉnh X", "Ban Dân tộc tỉnh X",
        "UBND tỉnh X", "Tỉnh ủy X") counts 3, a provincial outlet's name ("Báo X", "Đài Phát thanh và
        Truyền hình X") 3, a bare mention 1, a provincial capital written as "thành phố <capital>" 2, a
        district of the list 1 (each member of "các huyện A, B và C"); the title doubles its mentions,
        and a body phrase in the page footer (last 400 characters) counts 5.  The winner needs a score of at
        least 3 and must beat the runner-up; a tie gives None.
        """
        scores: dict[str, float] = defaultdict(float)
        s = unify_tones(text)
        footer_from = max(0, len(s) - 400)
        for start, _end, p in self.find_provinces(text):
            before = s[max(0, start - 60):start]
            weight = 1.0
            if _BODY_BEFORE.search(before):
                weight = 5.0 if start >= footer_from and len(s) > 1200 else 4.0
            elif _UNIT_BEFORE.search(before) or _OUTLET_BEFORE.search(before):
                weight = 3.0
            scores[p.slug] += weight
        for m in _CITY_NAMED.finditer(s):
            for name in _prefixes(m.group(1)):
                p = self.province_of_capital(name)
                if p is not None:
                    scores[p.slug] += 2.0
                    break
        for m in _DISTRICT_NAMED.finditer(s):
            end = self._score_district(m.group(2), m.start(2), scores)
            # the rest of a list under one head word: "các huyện A, B, C và TP. D"
            for _ in range(20):
                if end is None:
                    break
                nxt = _LIST_NEXT.match(s, end)
                if nxt is None:
                    break
                end = self._score_district(nxt.group(1), nxt.start(1), scores)
        if title:
            for _s, _e, p in self.find_provinces(nfc(title)):
                scores[p.slug] += 3.0
        if not scores:
            return None
        ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
        best, top = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        if top < 3.0 or top <= second:
            return None
        return self.provinces[best]


_BODY_BEFORE = re.compile(
    r"(?:Ban Dân tộc|UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân|MTTQ|Mặt trận Tổ quốc(?: Việt Nam)?|"
    r"Đảng bộ|Sở [^\W\d_]+(?: [^\W\d_]+){0,6}|Đài Phát thanh và Truyền hình|Công an|Bộ Chỉ huy Quân sự)"
    r"\s+(?:tỉnh|thành phố|TP\.?)\s*$|(?:Tỉnh ủy|Thành ủy|Tỉnh Ủy|Thành Ủy)\s+$",
    re.IGNORECASE)
_UNIT_BEFORE = re.compile(r"(?:tỉnh|thành phố|TP\.?)\s*$", re.IGNORECASE)
# a provincial outlet named after its province ("Đài Phát thanh và Truyền hình Bắc Kạn", "Báo Lào Cai"),
# as in a page's masthead or footer: the report is that province's
_OUTLET_BEFORE = re.compile(r"(?:Đài (?:Phát thanh(?:,| và) Truyền hình|PT-TH|PTTH)|(?-i:Báo|BÁO))\s+$", re.IGNORECASE)
# a capitalised word (Vietnamese upper-case letters, then any letters; "H'Drai", "M'Đrắk" allowed)
UPPER = "".join(chr(i) for i in range(0x41, 0x1EFF + 1) if chr(i).isupper() and chr(i).isalpha())
CAP_WORD = r"[" + UPPER + r"][^\W\d_]*(?:['’][^\W\d_]+)?"
_NAME = r"(" + CAP_WORD + r"(?:\s+" + CAP_WORD + r"){0,3})"
_CITY_NAMED = re.compile(r"(?i:thành phố|TP\.?)\s+" + _NAME)
_DISTRICT_NAMED = re.compile(r"(?i:(huyện|thị xã))\s+" + _NAME)
_LIST_NEXT = re.compile(r"(?:\s*,\s*|\s+(?:và|cùng)\s+)(?:(?i:huyện|thị xã)\s+)?" + _NAME)


def _prefixes(name: str) -> list[str]:
    """'Tuyên Quang Nguyễn' -> ['Tuyên Quang Nguyễn', 'Tuyên Quang', 'Tuyên']: longest first."""
    words = name.split()
    return [" ".join(words[:n]) for n in range(len(words), 0, -1)]


@lru_cache(maxsize=1)
def _default() -> Gazetteer:
    with _DATA.open(encoding="utf-8") as fh:
        return Gazetteer(load_yaml(fh))
