"""Title, publication date, bylines and portal name, read from the article's own lines.

Portal pages put the headline and its dateline at the top (sometimes under a banner showing the day the
page was saved), the byline on the last line(s) before the footer, and the site name in the footer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from graph.read.boilerplate import is_article_paragraph, is_menu_line
from graph.read.vocab import fold_line, vocab
from graph.resolve.gazetteer import Gazetteer
from graph.text.dates import DateMatch, find_dates
from graph.text.normalize import clean_space, fold, title_case_name

TOP_LINES = 12      # the title and its dateline are within the first non-empty lines
BOTTOM_LINES = 5    # the byline is within the last non-empty lines

_TIME = re.compile(r"\b\d{1,2}\s?[:hg]\s?\d{2}(?::\d{2})?(?:\s?(?:AM|PM|SA|CH|am|pm))?\b")
_GMT = re.compile(r"\[?\s*(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?\s*\]?", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s+nhật|CN|T[2-7])\b",
                      re.IGNORECASE)
_DATE_LABEL = re.compile(
    r"\b(?:ngày\s+đăng|đăng\s+ngày|đăng\s+lúc|ngày\s+cập\s+nhật|cập\s+nhật(?:\s+lúc)?|ngày\s+xuất\s+bản|xuất\s+bản"
    r"|thời\s+gian\s+đăng|ngày|lúc|đăng|posted|updated|published|lượt\s+xem\s*:?\s*\d*|in\s+bài\s+viết"
    r"|gửi\s+email|bản\s+in)\b", re.IGNORECASE)
_PUNCT = re.compile(r"[\s,|\-–—:;()\[\]/.·•]+")
_DOC_REF = re.compile(r"(?:\d+\s*/\s*[\w.\-/]*[A-ZĐ][\w.\-/]*|(?i:\bsố)\s+\S+)"
                      r"\s*,?\s*(?i:ban\s+hành\s+)?(?i:ngày\s*)?$")
_SOURCE = re.compile(r"^(?:nguồn(?:\s+tin)?|theo)\s*[:\-]", re.IGNORECASE)
# "Ảnh: Quang Yên." at a line end or inside a paragraph (then a sentence follows), "(Ảnh: P.L)"
_PHOTO_CREDIT = re.compile(
    r"(?:^|[\s(.])(?:Ảnh|ảnh|Ảnh minh họa|Ảnh minh hoạ|Video|Clip)\s*:\s*"
    r"((?:[^\W\d_][^\W\d_ ]*(?:\s+[^\W\d_][^\W\d_ ]*){1,3})|[A-ZĐ](?:\.[A-ZĐ]){1,3}\.?)"
    r"(?:\s*[-–/]\s*[A-ZĐ][A-ZĐ\d.&\-]+)?"         # "Ảnh: Thu Hà - TTXVN": the photographer's agency
    r"\s*\)?\s*(?:\.?$|\.\s+(?=[A-ZĐÀ-Ỹ\d\"“]))")
# one byline written as initials after a label ("Ảnh: P.L", "Tin: H.T."); never on a line of its own
_INITIALS = re.compile(r"^[A-ZĐ](?:\.[A-ZĐ]){1,3}\.?$")
# "Name/VOV-ĐBSCL", "Name - TTXVN": a byline with its agency
_AGENCY_TAIL = re.compile(r"\s*(?:/|\s[-–—]\s*|\s*[-–—]\s)\s*([A-ZĐ][\w.&\-]*(?:\s+[\w.&\-]+){0,6})\s*$")
# an administrative place-date line: "Lâm Đồng, ngày 04 tháng 4 năm 2018"
_PLACE_DATE = re.compile(r"^\s*[^\d,]{2,40},\s*ngày\s+\d", re.IGNORECASE)
_NAME_TOKEN = re.compile(r"^[^\W\d_]{1,7}$")
_SPLIT_NAMES = re.compile(r"\s*(?:,|;|&|\s[-–—/]\s|\s+và\s+|\s+-\s*|\s*-\s+)\s*")
_TRAILING_JUNK = re.compile(r"[\s./,;:!\-–—]+$")
_PAREN = re.compile(r"\s*\([^)]*\)\s*")
_PORTAL_QUOTED = re.compile(r"[Gg]hi\s+rõ\s+nguồn\s*[:\-]?\s*[\"“']([^\"”'\n]{5,120})[\"”']")
_PORTAL = re.compile(r"((?:Trang|Cổng|TRANG|CỔNG)\s+(?:[Tt]hông\s+tin|THÔNG\s+TIN)\s+(?:điện\s+tử|ĐIỆN\s+TỬ)"
                     r"[^\n\"”.;,()|]{3,100})")
_HEADLINE_BAD_END = re.compile(r"[.,;:]$")


@dataclass
class DateLine:
    index: int              # line index in the article lines
    match: DateMatch
    author: str | None      # "Văn Hoa - 05:32, 24/11/2023": the name standing with the date


@dataclass
class Metadata:
    title: str | None = None
    published: date | None = None
    authors: list[str] = field(default_factory=list)
    portal: str | None = None


def date_line(line: str) -> tuple[DateMatch, str | None] | None:
    """The date of a dateline ("Thứ sáu, 22/01/2021", "05:32, 24/11/2023", "Văn Hoa - 16-7-2019"),
    with the byline name standing beside it, if any."""
    if len(line) > 120 or not any(ch.isdigit() for ch in line):
        return None
    found = [d for d in find_dates(line) if d.value.day is not None]
    if not found:
        return None
    rest = line
    for d in reversed(found):
        rest = rest[: d.start] + " " + rest[d.end:]
    rest = _GMT.sub(" ", rest)
    rest = _TIME.sub(" ", rest)
    rest = _WEEKDAY.sub(" ", rest)
    rest = _DATE_LABEL.sub(" ", rest)
    words = [w for w in _PUNCT.split(rest) if w]
    if len(words) <= 2 and not any(len(w) > 3 and w[0].islower() for w in words):
        name = " ".join(words)
        if _PLACE_DATE.match(line) or is_place(name):
            return found[0], None              # "Lâm Đồng, ngày 04 tháng 4 năm 2018": a place, not a byline
        return found[0], (normalise_name(name) if len(words) >= 2 else None)
    # "Name - date" (a byline standing with its date)
    before = clean_space(_PUNCT.sub(" ", line[: found[0].start]))
    if before and len(before.split()) <= 4 and not _PLACE_DATE.match(line):
        before = _TIME.sub(" ", before)
        name = normalise_name(before)
        if name and not is_place(name):
            return found[0], name
    return None


def is_headline(line: str) -> bool:
    """A line shaped like a headline: a few words, no final full stop, not a dateline/menu/byline."""
    words = line.split()
    if not 3 <= len(words) <= 50 or len(line) > 320 or _HEADLINE_BAD_END.search(line):
        return False
    if line[:1] in "-•*+>|" or "http" in line or "@" in line:
        return False
    if is_menu_line(line) or date_line(line) is not None or byline_names(line) is not None:
        return False
    letters = sum(ch.isalpha() for ch in line)
    return letters >= len(line) * 0.6


def normalise_name(text: str) -> str | None:
    """A byline name in clean form, or None: 2-4 capitalised syllables (all-caps title-cased)."""
    if len(text) > 80:
        return None
    text = _PAREN.sub(" ", text)
    text = _TRAILING_JUNK.sub("", clean_space(text)).strip(" .,-–")
    low = fold(text)
    for h in vocab().honorifics:
        if low.startswith(h + " ") or (h.endswith(".") and low.startswith(h)):
            text = text[len(h):].strip(" .")
            low = fold(text)
    tokens = text.split()
    if not 2 <= len(tokens) <= 4:
        return None
    caps = all(t.isupper() for t in tokens)
    for t in tokens:
        if not _NAME_TOKEN.match(t) or not t[0].isupper():
            return None
        if not caps and not t[1:].islower() and len(t) > 1:
            return None
        if fold(t) in vocab().not_name_words:
            return None
    return title_case_name(text) if caps else text


def is_place(name: str) -> bool:
    """A province, provincial capital or district name ("Hà Nội", "Lâm Đồng", "Pleiku"): a dateline's place."""
    gz = Gazetteer.default()
    name = clean_space(name)
    hits = gz.find_provinces(name)
    if any(s == 0 and e == len(name) for s, e, _p in hits):
        return True
    return gz.province_of_capital(name) is not None or bool(gz.districts_named(name))


def byline_names(line: str) -> list[str] | None:
    """Names in a labelled byline ("Tin, ảnh: Cảnh Tuân, Văn phòng./."); None when the line is no byline."""
    if len(line) > 200 or ":" not in line[:40]:
        return None
    low = fold_line(line[:40])
    for label in vocab().byline_labels:
        if low.startswith(label):
            rest_low = low[len(label):]
            if not rest_low.lstrip().startswith(":"):
                continue
            # fold() keeps lengths except collapsed spaces: find the colon in the original line
            rest = line.split(":", 1)[1] if ":" in line else ""
            return names_in(rest)
    return None


def names_in(text: str) -> list[str]:
    """Names after a byline label; initials ("P.L") count here, where the label says a person follows."""
    out: list[str] = []
    for part in _SPLIT_NAMES.split(_PAREN.sub(" ", text)):
        part = _TRAILING_JUNK.sub("", part.strip()) if not _INITIALS.match(part.strip()) else part.strip()
        name = normalise_name(part) or (part.rstrip(".") if _INITIALS.match(part) else None)
        if name and name not in out:
            out.append(name)
    return out


def _nonempty(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if line.strip()]


# a report's own date opens its lead: "Sáng 5/3/2024, ...", "Ngày 10 tháng 01 năm 2023, ...", "..., chiều
# ngày 15/3/2022, ..."; only time-of-day words may stand between the clause start and the date
_LEAD_PREFIX = re.compile(
    # a clause starts after punctuation, an agency tag, or where a capital opens a sentence run on to the
    # headline ("... lớn nhất Việt Nam Ngày 31-12-2005, lãnh đạo ...")
    r"(?:^|[,.;:!?()\-–—]|\b(?:NLĐ|TTXVN|VOV|VNA)\b\)?|\s(?=(?-i:Ngày|Sáng|Chiều|Tối|Trưa|Đêm|Hôm|Vào|Lúc|Rạng)\s))"
    r"\s*(?:(?:vào|trong)\s+)?"
    r"(?:(?:vào\s+)?(?:lúc|khoảng)?\s*\d{1,2}\s*(?:giờ|h|g)(?:\s*\d{1,2}(?:\s*phút)?)?\s*,?\s*)?"
    r"(?:(?:buổi\s+)?(?:sáng|chiều|tối|trưa|đêm|rạng\s+sáng)\s+)?"
    r"(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\s*,?\s*)?"
    r"(?:(?:hôm\s+nay|hôm\s+qua|hôm)\s*,?\s*)?(?:ngày\s*)?$", re.IGNORECASE)
# words that put a date in the past or outside the report: anniversaries, births, liberation, founding,
# contracts ending, laws taking effect ("sinh ngày ...", "từ ngày 1/1/2006", "ngày 30/4/1975 giải phóng")
_PAST_BEFORE = re.compile(
    r"\b(?:kỷ\s+niệm|kỉ\s+niệm|sinh|hy\s+sinh|hết\s+hạn|hiệu\s+lực|kể\s+từ|từ|đến|tới|trước|sau|"
    r"thành\s+lập|năm\s+xưa|trước\s+đây|cách\s+đây)\b[^,.;]{0,12}$"
    r"|\b(?:cách\s+đây|trước\s+đó|hồi\s+ấy|khi\s+ấy|năm\s+xưa)\b[^.;]{0,30}$", re.IGNORECASE)
_PAST_AFTER = re.compile(
    r"^[^,.;]{0,40}?\b(?:kỷ\s+niệm|kỉ\s+niệm|giải\s+phóng|thành\s+lập|ra\s+đời|lịch\s+sử|năm\s+xưa|"
    r"qua\s+đời|từ\s+trần|hy\s+sinh|thống\s+nhất\s+đất\s+nước|chiến\s+thắng|khởi\s+nghĩa|"
    r"cách\s+mạng\s+tháng|bị\s+bắt|hết\s+hạn|có\s+hiệu\s+lực)\b", re.IGNORECASE)
# the lead's date closes its clause ("Sáng 5/3/2024, Ban ...", "Ngày 5/3/2024 vừa qua, ...", "(vào ngày
# 20/1/2006), ...") or its line ("Hà Nội, ngày 04 tháng 06 năm 2010 |"); one ending a sentence inside a paragraph
# is more often a caption's or a past event's ("Tàu bị lật ở X, ngày 12/3/2005."), unless it opens the line
_LEAD_CLOSE = re.compile(r"\s*(?:vừa\s+qua|vừa\s+rồi)?\s*(?:\([^()]{0,24}\)\s*)?\)?\s*(?:,|\||$)", re.IGNORECASE)
_LEAD_STOP = re.compile(r"\s*(?:vừa\s+qua|vừa\s+rồi)?\s*\.", re.IGNORECASE)
_LEAD_CHARS = 300       # the lead: a report's own date is in the opening of its first paragraph
_OLDER_YEARS = 2        # a date this many years older than another date the article states is about the past
_ANNIVERSARY = re.compile(r"\b(?:kỷ|kỉ)\s+niệm\b", re.IGNORECASE)
# a year of a plan or period ("giai đoạn 2021-2025", "đến năm 2030") looks forward, not back
_PLAN_YEAR = re.compile(r"(?:\b(?:giai\s+đoạn|thời\s+kỳ|nhiệm\s+kỳ|tầm\s+nhìn|kế\s+hoạch|đến|tới)\b[^,.;]{0,10}"
                        r"|\d\s*[-–]\s*)$", re.IGNORECASE)
_SPAN_END = re.compile(r"\s*[-–]\s*(?:19|20)\d\d")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_DEADLINE = re.compile(r"\b(?:đến|tới|trước|hạn|hết)\b[^,.;]{0,15}$", re.IGNORECASE)


def _first_paragraph_date(lines: list[str], after: int) -> date | None:
    """The report's own date in the lead of the first paragraph ("Sáng 5/3/2024, ..."), when nothing better
    (a dateline, page metadata) gives it. Never a cited document's issue date ("Kế hoạch số 12/KH-BDT ngày
    ..."), a date about the past ("ngày 30/4/1975 giải phóng", "sinh ngày ...", "(1955-2025)"), or a date far
    older than other dates the article states: a wrong article date would date every holding in it."""
    for i in range(after, len(lines)):
        line = lines[i]
        if len(line.split()) < 8:
            continue
        lead = line[:_LEAD_CHARS]
        for d in find_dates(lead):
            if d.value.day is None or d.year_inferred or _DOC_REF.search(lead[max(0, d.start - 50): d.start]):
                continue
            before, after_text = lead[max(0, d.start - 60): d.start], lead[d.end: d.end + 40]
            opening = _LEAD_PREFIX.search(before)
            if opening is None or (opening.start() == 0 and d.start > 60):
                continue                        # words other than time-of-day ones open the clause
            opens_sentence = opening.group()[:1] in ".!?" or (opening.start() == 0 and d.start <= 60)
            closes = _LEAD_CLOSE.match(after_text) or (opens_sentence and _LEAD_STOP.match(after_text))
            if not closes or _PAST_BEFORE.search(before) or _PAST_AFTER.search(after_text):
                continue
            if _about_the_past(lead, d):
                continue
            own = d.value.to_date()
            if own is None or _newest_stated(lines, after).year - own.year >= _OLDER_YEARS:
                return None
            return own
        return None
    return None


def _about_the_past(lead: str, d: DateMatch) -> bool:
    """The date's sentence opens an anniversary ("Nhân kỷ niệm 70 năm ... (1955-2025), ngày 12/10/1955, ...")
    or states a year well after it: the date is looked back on."""
    start = max(lead.rfind(". ", 0, d.start), lead.rfind("\n", 0, d.start)) + 1
    stop = lead.find(". ", d.end)
    sentence_before, sentence = lead[start: d.start], lead[start: stop if stop >= 0 else len(lead)]
    if _ANNIVERSARY.search(sentence_before):
        return True
    for m in _YEAR.finditer(sentence):
        plan = _PLAN_YEAR.search(sentence[max(0, m.start() - 20): m.start()]) or _SPAN_END.match(sentence, m.end())
        if int(m.group(1)) - d.value.year >= _OLDER_YEARS and not plan:
            return True
    return False


def _newest_stated(lines: list[str], after: int) -> date:
    """The newest full date the article states, deadlines ("đến ngày 31/12/2030") left out."""
    newest = date.min
    for line in lines[after:]:
        for d in find_dates(line):
            value = d.value.to_date()
            if value is not None and value > newest and not _DEADLINE.search(line[max(0, d.start - 25): d.start]):
                newest = value
    return newest


def read_metadata(text: str, tail: str = "") -> Metadata:
    """Title, date, bylines and portal of a cleaned article; ``tail`` is the cut footer (for the portal)."""
    lines = text.split("\n")
    idx = _nonempty(lines)
    top = idx[:TOP_LINES]
    meta = Metadata()

    datelines: list[DateLine] = []
    for i in top:
        found = date_line(lines[i])
        if found:
            datelines.append(DateLine(i, found[0], found[1]))

    # a dateline right under a headline is the article's; a banner date above the title is not
    for k, dl in enumerate(datelines):
        pos = idx.index(dl.index)
        prev = lines[idx[pos - 1]] if pos > 0 else ""
        if prev and is_headline(prev):
            meta.title = prev
            meta.published = dl.match.value.to_date()
            break
        if k == 0 and pos + 1 < len(idx) and is_headline(lines[idx[pos + 1]]):
            meta.published = dl.match.value.to_date()
    if meta.published is None and datelines:
        meta.published = datelines[0].match.value.to_date()

    if meta.title is None:
        for i in top:
            line = lines[i]
            if is_article_paragraph(line):
                break
            if is_headline(line):
                meta.title = line
                break

    if meta.published is None:
        for i in idx[-BOTTOM_LINES:]:
            found = date_line(lines[i])
            if found:
                meta.published = found[0].value.to_date()
                break
    if meta.published is None:
        start = idx.index(lines.index(meta.title)) + 1 if meta.title in lines else 0
        meta.published = _first_paragraph_date(lines, idx[start] if start < len(idx) else len(lines))

    authors: list[str] = [dl.author for dl in datelines if dl.author]
    authors.extend(_bottom_bylines(lines, idx))
    for i in idx:
        line = lines[i]
        if ":" not in line:
            continue
        for m in _PHOTO_CREDIT.finditer(line):
            authors.extend(n for n in names_in(m.group(1)) if not is_place(n))
    meta.authors = list(dict.fromkeys(authors))
    meta.portal = find_portal(tail) or find_portal(text)
    return meta


def _bottom_bylines(lines: list[str], idx: list[int]) -> list[str]:
    found: list[str] = []
    for i in reversed(idx[-BOTTOM_LINES:]):
        line = lines[i]
        if _SOURCE.match(line):
            continue
        labelled = byline_names(line)
        if labelled is not None:
            found[:0] = labelled
            break
        name = _bottom_name(line) if len(line) <= 80 else None
        if name:
            found.insert(0, name)
            continue
        if not found and line.isupper() and len(line) <= 80:
            continue                            # a footer heading left below the byline ("BAN DÂN TỘC (VOV4)")
        break
    return found


def _bottom_name(line: str) -> str | None:
    """A name standing on a closing line, alone or with its agency or unit ("Thạch Hồng/VOV-ĐBSCL",
    "Nguyễn Thị Hồng Vân - Phòng Chính sách Dân tộc"); not a place ("Hà Nội")."""
    name = normalise_name(line) if len(line) <= 60 else None
    if name is None:
        m = _AGENCY_TAIL.search(line)
        if m and _is_agency(m.group(1)):
            name = normalise_name(line[: m.start()])
    return name if name and not is_place(name) else None


def _is_agency(words: str) -> bool:
    """An agency code ("TTXVN", "VOV-ĐBSCL") or a unit's name ("Phòng Chính sách Dân tộc", "Báo Gia Lai")."""
    first = words.split()[0]
    if sum(ch.isupper() for ch in first) >= 2 and len(words.split()) <= 2:
        return True
    return fold(first) in _UNIT_WORDS


_UNIT_WORDS = {"phòng", "ban", "báo", "văn", "trung", "đài", "cổng", "tạp", "sở", "vụ", "cục", "chi", "trang"}


def find_portal(text: str) -> str | None:
    """The site name a footer states ("Trang thông tin điện tử Ban Dân tộc tỉnh X")."""
    if not text:
        return None
    m = _PORTAL_QUOTED.search(text)
    if m and re.match(r"(?i)(trang|cổng|báo|website|tạp chí)", m.group(1)):
        return clean_space(m.group(1))
    found = [clean_space(m.group(1)) for m in _PORTAL.finditer(text)]
    for name in found:
        if not name.isupper():
            return name
    return found[0] if found else None
