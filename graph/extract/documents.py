"""Numbered legal documents in a report: kind, số hiệu, issue date, issuer, subject and what they implement.

Reports cite documents in a fixed order — ``<kind> [số] <number>[,] [ngày <date>] [của <body>] [về ...]`` —
so each mention is read left to right from its number, within its sentence.  The kind is the word
written before the number, else decoded from the kind code (QĐ -> Quyết định); the issuer is the body
named after "của" (or before "ban hành"), else decoded from the issuer code (TTg -> Thủ tướng Chính phủ).
A kind word with a bare serial ("Chỉ thị số 45 của Ban Bí thư") is a document too, unless the same
serial of the same kind was already cited in full ("Nghị định số 116" after "Nghị định 116/2010/NĐ-CP").
Legal-text pages start with a header ("Số: 187/KH-UBND" ... "Thanh Hóa, ngày 19 tháng 10 năm 2017"):
the date there is the issue date.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from graph.extract.facts import DocumentMention, OrgRef, Span
from graph.extract.organizations import find_organizations
from graph.resolve.gazetteer import Gazetteer
from graph.text.dates import PartialDate, find_dates
from graph.text.docnumbers import (
    KIND_CODES,
    NUMBER_RE,
    DocNumber,
    canonical_code,
    doc_kinds,
    from_match,
    issuer_data,
    number_key,
    parse_number,
)
from graph.text.normalize import ascii_fold, fold, slug, unify_tones
from graph.text.scan import Anchored, lowered

# ------------------------------------------------------------------------------------------- kinds
_KIND_BY_WORD: dict[str, str] = {}      # folded word -> canonical kind label
_NO_BARE: set[str] = set()              # kind labels for which "<kind> số <n>" is not a document
_NAMES_PROGRAMME: set[str] = set()      # kind labels whose citations also name a programme
for _notation, _k in doc_kinds().items():
    for _w in [_k["vi"], *(_k.get("words") or [])]:
        _KIND_BY_WORD[fold(_w)] = _k["vi"]
        _KIND_BY_WORD.setdefault(ascii_fold(_w), _k["vi"])
    if _k.get("bare") is False:
        _NO_BARE.add(_k["vi"])
    if _k.get("names_programme"):
        _NAMES_PROGRAMME.add(_k["vi"])
_KIND_BY_CODE: dict[str, str] = {code: doc_kinds()[n]["vi"] for code, n in KIND_CODES.items()}


def _words_alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


_KW = _words_alt(_KIND_BY_WORD)
_SO = r"(?:số|so)(?:\s+hiệu)?\s*[:.]?\s*"
# kind codes written as words before a number: "QĐ 1719/QĐ-TTg", "NQ số 88/2019/QH14" (case as written)
_KWC = "|".join(re.escape(c).replace("Đ", "[ĐD]") for c in sorted(_KIND_BY_CODE, key=len, reverse=True))
for _code, _label in _KIND_BY_CODE.items():
    _KIND_BY_WORD.setdefault(fold(_code), _label)
    _KIND_BY_WORD.setdefault(ascii_fold(_code), _label)
# words that may stand between a kind word and its number: "Nghị định sửa đổi, bổ sung số 51/CP",
# "Quyết định mới 12/QĐ-UBND" (without them the kind was lost and a guess, "Công văn", took its place)
_KIND_MODIFIER = r"(?:\s+(?i:sửa\s+đổi\s*,?\s*bổ\s+sung|sửa\s+đổi|bổ\s+sung|thay\s+thế|mới)(?!\w)){0,2}"
# the words just before a number: "Quyết định số ", "văn bản ", "Số: " at a line start (a page header)
_BEFORE = re.compile(
    rf"(?:(?<!\w)(?P<kw>(?i:{_KW})|{_KWC}){_KIND_MODIFIER}\s*(?:\(\s*)?(?i:{_SO})?"
    rf"|(?P<hdr>(?m:^)[ \t]*(?i:{_SO}))|(?<!\w)(?P<so>(?i:{_SO})))$"
)
_BARE = re.compile(
    rf"(?<!\w)(?P<kw>(?i:{_KW}))\s+(?P<so>(?i:số)\s*)?(?P<serial>\d{{1,5}}(?:[a-e](?!\w))?)"
    rf"(?![\d\w%]|[.,]\d|\s?/|\s?[\-–]\s?\w|\s[A-ZĐ]{{2,}}\s?[/\-–])"   # not "723 TC/TCT": an old-style number,
)                                                                       # nor "số 18/" cut off by the end of the text
# what may follow a serial written without "số" for it to be a citation: a date or an issuer
_BARE_AT = Anchored.of(_BARE, limit=200)      # tried only where a kind word starts (graph.text.scan)
_TAIL_CUE = re.compile(r"\s*,?\s*\(?\s*(?:ngày|Ngày|của|do|năm|ban hành)\s")
_CUT_OFF = re.compile(r"[/\-–][ \t]*\Z")
# a serial typed in two pieces: "Quyết định số 11 63/QĐ-TTg" is 1163/QĐ-TTg
_SPLIT_SERIAL = re.compile(r"(?<![\w.,/])(\d{1,3}) $")
# a date of effect, the only date some short references give ("... có hiệu lực từ ngày 16 tháng 9 năm 2021")
_EFFECT = re.compile(r"\s*,?\s*(?:đã\s+)?có\s+hiệu\s+lực(?:\s+thi\s+hành)?(?:\s+kể)?\s+từ\s+(?=[Nn]gày\s)")
# words that make "<word> 127/TW" a name (a Ban, a programme) rather than a document citation
_NOT_DOC_BEFORE = re.compile(r"(?<!\w)(?i:ban|chương trình|dự án|tiểu dự án|bản án|vùng|khu|nhóm)\s*$")

# --------------------------------------------------------------------------------------- issuers


@dataclass(frozen=True)
class _Body:
    kind: str
    vi: str
    national: bool
    provincial: bool
    generic: bool
    district: bool = False


_BODY_BY_CODE: dict[str, _Body] = {}
_BODY_BY_NAME: dict[str, _Body] = {}


def _body(entry: dict[str, Any]) -> _Body:
    national = bool(entry.get("national"))
    generic = bool(entry.get("generic"))
    district = bool(entry.get("district"))
    provincial = not (national or generic or district)
    return _Body(entry["kind"], entry["vi"], national, provincial, generic, district)


for _code, _e in issuer_data()["codes"].items():
    _b = _body(_e)
    _BODY_BY_CODE[_code] = _b
    for _n in [_e["vi"], *(_e.get("names") or [])]:
        _BODY_BY_NAME.setdefault(fold(_n), _b)
for _e in issuer_data().get("names") or []:
    _b = _body(_e)
    for _n in [_e["vi"], *(_e.get("names") or [])]:
        _BODY_BY_NAME.setdefault(fold(_n), _b)

_BODY_RE = re.compile(rf"(?i:{_words_alt(_BODY_BY_NAME)})(?!\w)")
_ABBREV = [(re.compile(rf"(?<!\w){short}(?!\w)"), full) for short, full in (
    ("UBND", "Ủy ban nhân dân"), ("HĐND", "Hội đồng nhân dân"), ("DTTS", "dân tộc thiểu số"),
    ("MTTQ", "Mặt trận Tổ quốc"), ("BCĐ", "Ban Chỉ đạo"), ("TW", "Trung ương"))]
_WORD = re.compile(r"[^\W\d_]+")
_PLACE_JOIN = re.compile(r"\s*-\s*|\s+")
# where a generic body's name ends: punctuation or a word that starts the next part of the citation
_GENERIC_END = re.compile(
    r"[,;.:()\n“”\"]|\s(?:về|ngày|năm|tại|và|để|nhằm|đã|với|thì|phê duyệt|quy định|cấp|ký|ban hành|gửi)"
    r"(?=\s|$)")


def _expand(label: str) -> str:
    for pat, full in _ABBREV:
        label = pat.sub(full, label)
    return label


def _place_after(t: str, pos: int, limit: int) -> tuple[str | None, int]:
    """Up to three capitalised words at ``pos`` ("Kon Tum", "Bà Rịa - Vũng Tàu"): a province name."""
    words: list[str] = []
    end = pos
    p = pos
    while len(words) - words.count("-") < 4 and p < limit:
        sep = _PLACE_JOIN.match(t, p, limit)
        q = sep.end() if sep and words else p
        w = _WORD.match(t, q, limit)
        if not w or not w.group()[0].isupper():
            break
        if words and sep and "-" in sep.group():
            words.append("-")
        words.append(w.group())
        end = p = w.end()
    if not words:
        return None, pos
    return " ".join(words).replace(" - ", " - "), end


# the level written after a provincial body's name: "UBND tỉnh X", "UBND thành phố Y", "UBND huyện Z"
_LEVEL = re.compile(r"\s+(?P<lv>(?i:tỉnh|thành phố|tp\.?|huyện|quận|thị xã))(?!\w)")
_LEVEL_NAMES = {"tỉnh": "tỉnh", "thành phố": "thành phố", "tp": "thành phố", "huyện": "huyện", "quận": "quận",
                "thị xã": "thị xã"}
_CENTRAL_CITIES = {"hà nội", "hồ chí minh", "hải phòng", "đà nẵng", "cần thơ", "huế"}
_DISTRICT_KIND = {"ubnd-tinh": "ubnd-huyen", "hdnd-tinh": "hdnd-huyen"}
_CAPITAL_NEXT = re.compile(r"\s+[^\W\d_](?<=[A-ZĐÀ-ỸÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĨŨƠƯ])")
_TITLE = re.compile(
    r"(?:Phó\s+)?(?:Bộ trưởng|Thứ trưởng|Chủ tịch|Thống đốc|Chánh [Tt]hanh tra|Tổng [Tt]hanh tra|Giám đốc|"
    r"Trưởng [Bb]an|Bí thư|Chủ nhiệm|Thường trực)\s+")


class _Ctx:
    """Per-article context: the province used to complete provincial issuers."""

    def __init__(self, province: str | None, province_label: str | None) -> None:
        self.province = province
        self.label = province_label
        self.gazetteer_province = Gazetteer.default().province(province) if province else None

    def org(self, body: _Body, place: str | None = None, written: str | None = None) -> OrgRef:
        if body.generic:
            label = _expand(written or body.vi)
            if body.national:
                return OrgRef(kind=body.kind, label=label, national=True)
            prov = self.province if self.label and self.label in label else (slug(place) if place else None)
            return OrgRef(kind=body.kind, label=label, province=prov)
        if body.national:
            return OrgRef(kind=body.kind, label=body.vi, national=True)
        if body.district:
            label = body.vi + (f" {place}" if place else "")
            return OrgRef(kind=body.kind, label=label, province=self.province)
        if place and (not self.label or fold(place) != fold(self.label)):
            return OrgRef(kind=body.kind, label=f"{body.vi} {place}", province=slug(place))
        label = f"{body.vi} {self.label}" if self.label else body.vi
        return OrgRef(kind=body.kind, label=label, province=self.province)

    def from_code(self, dn: DocNumber) -> OrgRef | None:
        code = dn.issuer_code
        if not code:
            return None
        code = code.split("-")[0]
        body = _BODY_BY_CODE.get(code) or _BODY_BY_CODE.get(canonical_code(re.sub(r"\d+$", "", code)))
        return self.org(body) if body else None

    def _as_organizations_read(self, t: str, pos: int, limit: int) -> tuple[OrgRef, int] | None:
        """The body at ``pos`` as the organisation extractor reads it (its names and abbreviations, its
        provinces and their short forms): "Bộ LĐ-TB-XH" is Bộ Lao động - Thương binh và Xã hội, "UBND thành
        phố HCM" that of Hồ Chí Minh City, and "Bộ Thương mại Trương Đình Tuyển" ends before the minister."""
        window = t[pos:min(limit, pos + 160)]
        for hit in find_organizations(window, [], self.gazetteer_province):
            if hit.span.start == 0 and hit.named:
                return hit.org, pos + hit.span.end
        return None

    def named(self, t: str, pos: int, limit: int) -> tuple[OrgRef | None, int]:
        """The body named at ``pos`` ("Quốc hội", "Ban Dân tộc tỉnh Trà Vinh", "Tỉnh ủy Kon Tum")."""
        m = _BODY_RE.match(t, pos, limit)
        if not m or (_BODY_BY_NAME[fold(m.group())].generic and " " not in m.group().strip()
                     and not _CAPITAL_NEXT.match(t, m.end(), limit)):
            title = _TITLE.match(t, pos, limit)     # "của Bộ trưởng Bộ Tài chính": the body, not the post
            if not title:
                return None, pos
            return self.named(t, title.end(), limit)
        body = _BODY_BY_NAME[fold(m.group())]
        end = m.end()
        if body.generic or not body.national:
            read = self._as_organizations_read(t, pos, limit)
            if read is not None:
                return read
        if body.generic:
            stop = _GENERIC_END.search(t, end, min(limit, end + 120))
            gend = stop.start() if stop else min(limit, end + 120)
            written = t[pos:gend].rstrip()
            if not stop and gend < limit:       # cut in the middle: end at the last whole word
                written = written.rsplit(" ", 1)[0]
            place_m = re.search(r"(?:tỉnh|Tỉnh)\s+(\w[\w ]*)$", written)
            return self.org(body, place_m.group(1) if place_m else None, written), pos + len(written)
        if body.national:
            return self.org(body), end
        q = end
        level = None
        lv = _LEVEL.match(t, q, limit)
        if lv:
            q, level = lv.end(), _LEVEL_NAMES.get(fold(lv.group("lv")).rstrip("."), "tỉnh")
        sp = re.compile(r"\s+").match(t, q, limit)
        place, pend = _place_after(t, sp.end(), limit) if sp else (None, q)
        if place and level and level != "tỉnh":
            if level == "thành phố" and fold(place) in _CENTRAL_CITIES:
                label = re.sub(r" tỉnh$", "", body.vi) + f" thành phố {place}"
                return OrgRef(kind=body.kind, label=label, province=slug(place)), pend
            kind = _DISTRICT_KIND.get(body.kind, body.kind)
            label = re.sub(r" tỉnh$", "", body.vi) + f" {level} {place}"
            return OrgRef(kind=kind, label=label, province=self.province), pend
        return self.org(body, place), (pend if place else end)


# ----------------------------------------------------------------------------------- tail parsing
# "ngày ...", "ban hành ngày", "ký ngày", "được UBND tỉnh ban hành ngày" (up to six words name who signed)
_DATE_LEAD = re.compile(
    r"\s*,?\s*(?:\(\s*)?(?:(?:được|đã)\s+(?:[^\s,.;:()]+\s+){0,6}?(?:ký\s+ban hành|ban hành|ký)\s+"
    r"|(?:ký\s+ban hành|ban hành|ký)\s+)?(?:(?:vào\s+)?(?=[Nn]gày\s)|(?=\d))")
# a day and month with no year: the year is the one in the number ("12/2023/NQ-HĐND ngày 7/7")
_DAY_MONTH = re.compile(r"\s*,?\s*\(?\s*[Nn]gày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})(?!\s*[/.-]\s*\d|\d)")
_YEAR_LEAD = re.compile(r"\s*(?:[Nn]ăm\s+)((?:19|20)\d\d)(?!\d)")   # not ", năm 2023 tỉnh đã ...": a new clause
_OF = re.compile(r"\s*,?\s*(?:\(\s*)?(?:của|do)\s+")
_ASIDE = re.compile(r"\s*\((?!\s*(?:ngày|của|do)\s)[^()\n]{1,40}\)")
_TERM = re.compile(r"\s*\(?\s*[Kk]hóa\s+[IVXLC\d]+\s*\)?")
_SUBJECT = re.compile(
    r"\s*,?\s*(?=(?:về|Về|phê duyệt|Phê duyệt|quy định|Quy định|hướng dẫn|ban hành|sửa đổi|bổ sung|"
    r"thực hiện|triển khai|quy chế|thành lập)(?!\w))")
# a subject ends with its clause: ";", a full stop, a closing bracket, or ", " + a new clause's first words
_SUBJECT_END = re.compile(
    r"[;\n]|\.(?:\s|$)|\)|$|\s(?:thì|nên)\s|,\s(?=(?:có thể|đồng thời|trong đó|nhằm|góp phần|qua đó|từ đó|"
    r"tuy nhiên|song|nhưng|do đó|vì vậy|theo đó|đến nay|hiện nay)(?!\w))", re.IGNORECASE)
_CLOSE = re.compile(r"\s*\)")
# cue between a document and the one it implements / is based on
_BASED_GAP = re.compile(
    r"\s*,?\s*(?:về\s+(?:việc\s+)?)?(?:tổ chức\s+)?"
    r"(?:(?:triển khai\s+)?(?:thực hiện|triển khai|cụ thể hóa)|căn cứ|theo|hướng dẫn(?:\s+thực hiện)?"
    r"|để\s+thực hiện)\s+(?:các\s+|nội dung\s+(?:của\s+)?)?$", re.IGNORECASE)
_AND_GAP = re.compile(r"\s*(?:,|và|,\s*và)\s*$")
_ISSUED_BY_BEFORE = re.compile(
    r"(?:^|[,;:(]\s*|\s)(?P<body>[^,.;:()\n]{2,80}?)\s+(?:đã\s+|vừa\s+)?"
    r"(?:ký\s+ban hành|ban hành|ký)\s+(?:các\s+)?$")
_LEAD_DATE = re.compile(r"(?:[Nn]gày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)\d\d\s*,?\s*")
_HEADER_DATE_CUE = re.compile(r"(?:ngày ban hành|ngày ký)\s*:\s*$", re.IGNORECASE)
_HEADER_PLACE = re.compile(r"(?:^|\n|\|)[ \t]*[^\W\d][^\n,:;|]{0,40},\s*(?:ngày\s*)?$", re.IGNORECASE)
# the kind written as the page's title, alone on a line under the header ("HƯỚNG DẪN", "KẾ HOẠCH")
_HEADER_KIND = re.compile(r"^[ \t]*(?P<kw>[^\W\d][^\n]{1,30}?)[ \t|]*$", re.MULTILINE)


def _date_at(t: str, pos: int, limit: int, reference: date | None) -> tuple[PartialDate | None, int]:
    m = _DATE_LEAD.match(t, pos, limit)
    if m:
        q = m.end()
        window = t[max(0, q - 6):min(limit, q + 45)]
        off = q - max(0, q - 6)
        for dm in find_dates(window, reference):
            if dm.start == off or (dm.start == off + 5 and window[off:off + 5].lower() == "ngày ") or (
                    window[off:dm.start].strip().lower() == "ngày"):
                return dm.value, q + (dm.end - off)
            if dm.start > off:
                break
    y = _YEAR_LEAD.match(t, pos, limit)
    if y:
        return PartialDate(int(y.group(1))), y.end()
    return None, pos


def _header_date(t: str, pos: int, reference: date | None) -> PartialDate | None:
    """A page header's date: "Ngày ban hành: 19/10/2017" or "<Place>, ngày ..." within a few lines."""
    window = t[pos:pos + 400]
    for dm in find_dates(window, reference):
        before = window[:dm.start]
        if _HEADER_DATE_CUE.search(before) or _HEADER_PLACE.search(before):
            return dm.value
    return None


@dataclass
class _Found:
    mention: DocumentMention
    num_end: int        # end of the number
    tail_end: int       # end of date / issuer (before the subject)
    serial: str


def _kind_label(word: str | None, dn: DocNumber | None) -> str:
    if word:
        label = _KIND_BY_WORD.get(fold(word)) or _KIND_BY_WORD.get(ascii_fold(word))
        if label:
            return label
    if dn is not None and dn.kind_code:
        return _KIND_BY_CODE.get(dn.kind_code, "Văn bản")
    if dn is not None and dn.issuer_code and _BODY_BY_CODE.get(dn.issuer_code.split("-")[0]) is not None:
        body = _BODY_BY_CODE[dn.issuer_code.split("-")[0]]
        return "Văn bản" if body.kind == "quoc-hoi" else "Công văn"
    if dn is not None and dn.issuer_code and re.match(r"QH\d*$", dn.issuer_code):
        return "Văn bản"
    return "Công văn"


def _sentences_of(text: str) -> list[Span]:
    """Fallback splitter when the caller has none: lines, then ". " inside lines."""
    spans: list[Span] = []
    for m in re.finditer(r"[^\n]+", text):
        start = m.start()
        for s in re.finditer(r"[.!?](?=\s+[^\W\d_a-zđ])\s*", m.group()):
            spans.append(Span(start, m.start() + s.start() + 1))
            start = m.start() + s.end()
        spans.append(Span(start, m.end()))
    return spans or [Span(0, len(text))]


def _read_tail(t: str, pos: int, limit: int, ctx: _Ctx, reference: date | None
               ) -> tuple[PartialDate | None, OrgRef | None, int]:
    """Date and issuer after a number, in either order, with an optional "(khóa IX)"."""
    when: PartialDate | None = None
    who: OrgRef | None = None
    for _ in range(4):
        aside = _ASIDE.match(t, pos, limit)     # "(khoản 1, điều 13)" between a number and its date
        if aside and not find_dates(aside.group(), reference):
            pos = aside.end()
        if when is None:
            d, q = _date_at(t, pos, limit, reference)
            if d is not None:
                when, pos = d, q
                continue
        if who is None:
            m = _OF.match(t, pos, limit)
            if m:
                org, q = ctx.named(t, m.end(), limit)
                if org is not None:
                    who, pos = org, q
                    term = _TERM.match(t, pos, limit)
                    if term:
                        pos = term.end()
                    close = _CLOSE.match(t, pos, limit)
                    if close and "(" in t[max(0, m.start() - 1):m.end()]:
                        pos = close.end()
                    continue
        break
    return when, who, pos


def _subject(t: str, pos: int, limit: int) -> str | None:
    m = _SUBJECT.match(t, pos, limit)
    if not m:
        return None
    start = m.end()
    e = _SUBJECT_END.search(t, start, limit)
    end = e.start() if e else limit
    end = min(end, start + 250)
    subj = t[start:end].rstrip(" ,")
    if end == start + 250:
        subj = subj.rsplit(" ", 1)[0]
    return subj or None


def find_documents(text: str, sentences: list[Span], province: str | None, reference: date | None,
                   province_label: str | None = None) -> list[DocumentMention]:
    """One DocumentMention per numbered citation, in text order (dedup with :func:`merge_mentions`)."""
    t = unify_tones(text).replace("Ð", "Đ").replace("ð", "đ")
    if len(t) != len(text):          # offsets must stay those of ``text``
        t = text
    spans = sorted(sentences) if sentences else _sentences_of(t)
    starts = [s.start for s in spans]
    ctx = _Ctx(province, province_label)

    def sentence_at(pos: int) -> Span:
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and spans[i].start <= pos < spans[i].end:
            return spans[i]
        line_start = t.rfind("\n", 0, pos) + 1      # outside the caller's sentences: its line
        line_end = t.find("\n", pos)
        return Span(line_start, len(t) if line_end < 0 else line_end)

    found: list[_Found] = []
    weak: dict[str, PartialDate] = {}       # number -> a date of effect, used when no issue date is given
    for m in NUMBER_RE.finditer(t):
        if _CUT_OFF.match(t, m.end()):
            continue                # "Quyết định số 1719/QĐ-" at the end of the text: cut off, not a document
        dn = from_match(m)
        num_start = m.start()
        split = _SPLIT_SERIAL.search(t, max(0, num_start - 4), num_start)
        if split and _BEFORE.search(t, max(0, split.start() - 60), split.start()):
            joined = parse_number(split.group(1) + m.group(0))
            if joined is not None:
                dn, num_start = joined, split.start()
        sent = sentence_at(num_start)
        b = _BEFORE.search(t, max(0, num_start - 60), num_start)
        kw = b.group("kw") if b else None
        if not kw and dn.issuer_code is None and not (b and (b.group("hdr") or b.group("so"))):
            continue                # "bản đồ 02/CT": a bare kind code is a document only when cited as one
        if not kw and dn.kind_code is None:
            first = dn.issuer_code.split("-")[0] if dn.issuer_code else ""
            if first not in _BODY_BY_CODE and not (b and (b.group("hdr") or b.group("so"))):
                continue            # "65/HSST" with neither a kind word, "số", nor a known issuer
            if _NOT_DOC_BEFORE.search(t, max(0, m.start() - 20), m.start()):
                continue            # "Ban 127/TW", "Chương trình 127/TW": names, not citations
        kind = _kind_label(kw, dn)
        if kw and kind in _NO_BARE and dn.kind_code is None:
            continue
        start = b.start("kw") if kw and kind not in _NAMES_PROGRAMME else num_start
        limit = sent.end
        when, who, tail_end = _read_tail(t, m.end(), limit, ctx, reference)
        if b and b.group("hdr"):
            if when is None:
                when = _header_date(t, m.end(), reference)
            if not kw and dn.kind_code is None:
                kind = _header_kind(t, m.end()) or kind
        if when is None:
            _note_effect(t, tail_end, limit, reference, dn.number, weak)
        if who is None:
            who, before_when = _issued_by_before(t, start, sent, ctx, reference)
            if when is None:
                when = before_when
        if who is None:
            who = ctx.from_code(dn)
        if when is not None and dn.year is not None and when.year != dn.year:
            when = None             # "12/2018/QĐ-TTg" was signed in 2018: another year is another clause's date
            dm = _DAY_MONTH.match(t, m.end(), limit)
            if dm and 1 <= int(dm.group(2)) <= 12 and 1 <= int(dm.group(1)) <= 31:
                when = PartialDate(dn.year, int(dm.group(2)), int(dm.group(1)))
        subject = _subject(t, tail_end, limit)
        mention = DocumentMention(kind=kind, number=dn.number, span=Span(start, m.end()), sentence=sent,
                                  date=when, issuer=who, subject=subject)
        found.append(_Found(mention, m.end(), tail_end, dn.serial))

    taken = [f.mention.span for f in found]
    cited: dict[tuple[str, str], str] = {}
    for f in found:
        cited.setdefault((f.mention.kind, f.serial.lstrip("0")), f.mention.number)
    for m in (_BARE_AT.finditer(t, lowered(t)) if _BARE_AT is not None else _BARE.finditer(t)):
        kind = _kind_label(m.group("kw"), None)
        if kind in _NO_BARE or any(s.start < m.end() and m.start() < s.end for s in taken):
            continue
        full = cited.get((kind, m.group("serial").lstrip("0")))
        if not m.group("so") and full is None and (not _TAIL_CUE.match(t, m.end())
                                                   or re.fullmatch(r"(?:19|20)\d\d", m.group("serial"))):
            continue                # "Kế hoạch 5 năm", "Luật 2013 của Quốc hội": with no "số", a citation needs
                                    # a date or an issuer after it, and a year is not a serial
        sent = sentence_at(m.start())
        when, who, tail_end = _read_tail(t, m.end(), sent.end, ctx, reference)
        if full is not None:
            # "Quyết định số 612" after "Quyết định số 612/QĐ-UBDT": the same document; a date it gives counts
            if when is not None:
                weak.setdefault(full, when)
            else:
                _note_effect(t, tail_end, sent.end, reference, full, weak)
            continue
        if not m.group("so") and when is None and who is None:
            continue                # "Kế hoạch 5 năm": with no "số", only a date or an issuer makes it a citation
        if when is None:
            _note_effect(t, tail_end, sent.end, reference, m.group("serial"), weak)
        if who is None:
            who, before_when = _issued_by_before(t, m.start(), sent, ctx, reference)
            when = when or before_when
        first = m.start("so") if m.group("so") and kind in _NAMES_PROGRAMME else m.start()
        mention = DocumentMention(kind=kind, number=m.group("serial"), span=Span(first, m.end()),
                                  sentence=sent, date=when, issuer=who,
                                  subject=_subject(t, tail_end, sent.end))
        found.append(_Found(mention, m.end(), tail_end, m.group("serial")))
    found.sort(key=lambda f: f.mention.span.start)
    dated = {number_key(f.mention.number) for f in found if f.mention.date is not None}
    for f in found:
        key = number_key(f.mention.number)
        if key not in dated and f.mention.number in weak:
            f.mention.date = weak[f.mention.number]
            dated.add(key)
    _link(t, found)
    return [f.mention for f in found]


def _note_effect(t: str, pos: int, limit: int, reference: date | None, number: str,
                 weak: dict[str, PartialDate]) -> None:
    """Keep a date of effect written after a citation, a fallback for a document with no issue date."""
    m = _EFFECT.match(t, pos, limit)
    if m:
        d, _ = _date_at(t, m.end(), limit, reference)
        if d is not None:
            weak.setdefault(number, d)


def _header_kind(t: str, pos: int) -> str | None:
    """The kind a legal-text page names as its title in capitals, a few lines under its number."""
    for line in _HEADER_KIND.finditer(t, pos, min(len(t), pos + 300)):
        word = line.group("kw").strip(" |")
        if word.isupper() and (fold(word) in _KIND_BY_WORD):
            return _KIND_BY_WORD[fold(word)]
    return None


def _issued_by_before(t: str, start: int, sent: Span, ctx: _Ctx, reference: date | None
                      ) -> tuple[OrgRef | None, PartialDate | None]:
    """"Ngày 28/4/2017, Thủ tướng Chính phủ ban hành Quyết định ...": issuer and date before the kind."""
    lo = max(sent.start, start - 140)
    m = _ISSUED_BY_BEFORE.search(t, lo, start)
    if not m:
        return None, None
    body_start = m.start("body") + (len(m.group("body")) - len(m.group("body").lstrip()))
    org, _ = ctx.named(t, body_start, m.end("body"))
    if org is None:                 # "; ngày 10/3/2024 Ban Dân tộc ban hành ...": a date, then the body
        lead = _LEAD_DATE.match(t, body_start, m.end("body"))
        if lead is None:
            return None, None
        dates = find_dates(t[body_start:lead.end()], reference)
        org, _ = ctx.named(t, lead.end(), m.end("body"))
        return (org, dates[0].value if dates and org is not None else None) if org else (None, None)
    when = None
    head = t[lo:body_start]
    dates = find_dates(head, reference)
    if dates and re.fullmatch(r"\s*,?\s*(?:[^\W\d][^,.;:()\n]{0,40},\s*)?", head[dates[-1].end:]):
        when = dates[-1].value       # "Ngày 15/3/2024, Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc ban hành ..."
    return org, when


def _link(t: str, found: list[_Found]) -> None:
    """based_on: "Kế hoạch A ... thực hiện Chỉ thị B [và Nghị quyết C]" within one sentence."""
    for i, a in enumerate(found):
        prev_end, linked = a.tail_end, False
        for b in found[i + 1:]:
            if b.mention.sentence != a.mention.sentence:
                break
            gap = t[prev_end:b.mention.span.start]
            cue = _AND_GAP if linked else _BASED_GAP
            if len(gap) > 200 or ";" in gap or not cue.fullmatch(gap):
                break
            if b.mention.number != a.mention.number and b.mention.number not in a.mention.based_on:
                a.mention.based_on.append(b.mention.number)
            prev_end, linked = b.tail_end, True


def _precision(d: PartialDate | None) -> int:
    if d is None:
        return 0
    return 1 + (d.month is not None) + (d.day is not None)


def merge_mentions(mentions: list[DocumentMention]) -> list[DocumentMention]:
    """One mention per number (number_key), keeping the first span and the most complete facts."""
    merged: dict[str, DocumentMention] = {}
    for m in mentions:
        key = number_key(m.number)
        have = merged.get(key)
        if have is None:
            merged[key] = replace(m, based_on=list(m.based_on))
            continue
        if _precision(m.date) > _precision(have.date):
            have.date = m.date
        if m.issuer is not None and (have.issuer is None or len(m.issuer.label) > len(have.issuer.label)):
            have.issuer = m.issuer
        if m.subject and (not have.subject or len(m.subject) > len(have.subject)):
            have.subject = m.subject
        for n in m.based_on:
            if n not in have.based_on:
                have.based_on.append(n)
    return list(merged.values())
