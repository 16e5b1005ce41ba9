"""Programmes, schemes (Đề án), projects, strategies and named policies.

A programme is named when the text gives it a proper name, not when it speaks of "các chương trình":
  - a capitalised head mid-sentence ("Chương trình mục tiêu quốc gia ...", "Đề án “...”", "Chiến lược ..."),
  - a numbered one ("Chương trình 135", "Chương trình MTQG 1719", "Dự án 3: ...", "Tiểu dự án 2 thuộc Dự án 5"),
  - a lower-case policy or programme that says what it does ("chính sách hỗ trợ ...", "chính sách đối với
    người có uy tín ...", "chương trình cho vay hộ nghèo"): the first words are data (programmes.yaml),
  - any head followed by a stated period ("chính sách ... giai đoạn 2017 – 2020"),
  - the other items of a list whose items are such programmes ("như: chương trình cho vay A; cho vay B").
The name runs to the clause end; a stated period ("giai đoạn 2021-2030", with its phase "giai đoạn I: từ
năm 2021 đến năm 2025") is kept and ends it.  Body names with such words ("Ngân hàng Chính sách xã hội"),
drafts and numbered action programmes (documents) are not programmes.  Long and short forms of
well-known programmes share a key (data/programmes.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from functools import cache, lru_cache
from pathlib import Path

from graph.datafiles import load_yaml
from graph.extract.facts import Programme, Span
from graph.extract.sentences import sentence_of
from graph.text.normalize import ascii_fold, fold, short_hash, slug

DATA = Path(__file__).resolve().parent.parent / "data"

_HEAD = re.compile(
    r"(?<![\w])(?P<head>(?i:chương trình mục tiêu quốc gia)|Chương trình MTQG|CTMTQG|Chương trình|Đề án|"
    r"Tiểu dự án|Dự án|Chiến lược|Chính sách|chương trình|đề án|chính sách|tiểu dự án|dự án)(?![\w])"
)
_YEARS = r"((?:19|20)\d\d)\s*(?:-|–|—|đến(?:\s+năm)?)\s*((?:19|20)\d\d)"
_PERIOD = re.compile(r"(?:,\s*)?giai\s+đoạn\s+(?:I{1,3}\s*[:,]?\s*)?(?:từ\s+năm\s+)?" + _YEARS)
# a phase or horizon written after the period: ", giai đoạn I: từ năm 2021 đến năm 2025", ", tầm nhìn đến năm 2045"
_PHASE = re.compile(
    r"\s*,?\s*(?:giai\s+đoạn\s+[IVX]{1,4}|(?:và\s+)?tầm\s+nhìn)\s*[:,]?\s*(?:từ\s+)?(?:năm\s+)?"
    r"(?:(?:19|20)\d\d\s*(?:-|–|—|đến(?:\s+năm)?)\s*)?(?:đến\s+năm\s+)?(?:19|20)\d\d(?!\d)")
# where a name stops (the first of these after the head)
_STOP = re.compile(
    r"[;:.!?()\[\]\n]|,(?!\s*(?:giai đoạn|thể thao|xã hội))|(?<!đối|gắn)\svới\s|\scó\s(?!uy tín|công\s)|"
    r"(?<!thôn)\smới\s|\stại\s(?!\d+\s+(?:huyện|xã|tỉnh|thôn|bản)\s)|\s(?:trên địa bàn|đã|đang|sẽ|được|nhằm|để|và các|cùng|theo|thì|là|gồm|đạt|"
    r"còn|từ nguồn|ngay|đến nay|trong những năm|trong thời gian|như sau|do)\s|\snăm\s+(?:19|20)\d\d(?!\d)|"
    r"\sthuộc\s+(?=(?:của\s+)?(?:(?i:chương trình|dự án|đề án)|CTMTQG)(?!\w))|"
    r"\s(?:về|của)\s+(?=(?:Chương trình|CTMTQG|Đề án|Dự án|Tiểu dự án|Chiến lược)(?!\w))|"
    r"\scủa\s+(?:tỉnh|huyện|thành phố|thị xã|xã)(?!\w)|"
    r"\svà\s+(?=(?i:chính sách|chương trình|đề án|dự án|tiểu dự án|chiến lược)(?!\w))"   # the next item of a list
)
# also ends a lower-case name: "chính sách hỗ trợ của Nhà nước", "chính sách tín dụng thực hiện Chương trình ..."
_OF = re.compile(r"\scủa\s|\s(?:thực hiện|triển khai)\s+(?=(?:Chương trình|CTMTQG|Đề án|Dự án|Chiến lược)(?!\w))")
# "(MTQG)", "(DTTS)": an abbreviation in brackets inside a name does not end it
_ACRONYM = re.compile(r"\(\s*[A-ZĐ][A-ZĐ0-9&\-]{1,12}\s*\)")
_QUOTED = re.compile(r"\s*[“\"]([^”\"″]{3,200})[”\"″]")
_GENERIC_AFTER = re.compile(r"^\s*(?:,|và|dự án|đề án|chính sách|chương trình|này|đó|trên|của|nêu|như|trọng tâm|đề ra|"
                            r"kết thúc|bắt đầu|diễn ra|cho biết|được|đã|sẽ|đang)(?!\w)", re.I)
# what a national target programme is about: without one of these it refers back to an earlier one
# a demonstrative ending a name: the phrase points back at a programme named before ("Chương trình hỗ trợ này")
_BACK_REFERENCE = re.compile(r"\s+(?:này|ấy|nói trên)(?!\w)|\s+(?:đó|trên)$")
_TOPIC = re.compile(r"phát triển|giảm nghèo|nông thôn|xây dựng|về\s|dân tộc|DTTS|miền núi|\d{4}", re.I)
_NUMBER = re.compile(r"\s*(?:MTQG\s+)?(?P<n>\d{1,4}[a-z]?)(?![\w/])")
# more numbers under the same head: "Chương trình 134, 135 và 30a"
_MORE_NUMBERS = re.compile(
    r"\s*(?:,|và|,\s*và)\s*(?P<n>\d{2,4}[a-z]?)(?![\w/.,]\d)"
    r"(?!\s*(?:hộ|xã|người|thôn|bản|huyện|tỷ|triệu|nghìn|ngàn|đồng|công trình|lượt|%|km|ha|m|năm)(?!\w))")
# a numbered programme is named by its number: words after it are the sentence's, unless they say what it is
# about ("Chương trình 135 về hỗ trợ ...", "Đề án 06 về phát triển ...") or give its period (kept below)
_NUMBERED_TOPIC = re.compile(r"\s+(?:về|hỗ\s+trợ|phát\s+triển)\s", re.I)
_BARE_PERIOD = re.compile(r"\s*(?:(?:ở|trong|của|cho|này|đó)\s+)*,?\s*giai\s+đoạn", re.I)
_SUB_OF = re.compile(r"\s+(?:thuộc|của)\s+(?:của\s+)?(?i:dự án)\s+\d{1,2}[a-z]?(?!\w)")
# a head followed by a document number is a numbered document, not a programme's name:
# "Chương trình hành động số 12-CTr/TU", "Đề án số 01-ĐA/TU", "Chương trình số 05/CTr-UBND"
_ACTION_DOC = re.compile(r"\s+hành\s+động\s+(?:số\s*)?\d", re.I)
_NUMBERED_DOC = re.compile(r"\s+(?:số\s*)?\d{1,5}[/\-–](?:(?:19|20)\d\d/)?[A-ZĐ]{2}")
_PLURAL_BEFORE = re.compile(r"(?:các|những|nhiều|mọi|\d)\s*$", re.I)
_LINK_BEFORE = re.compile(r"(?:thực hiện|triển khai|và)\s+$", re.I)
_SUB_HEADS = ("dự án", "tiểu dự án")


@cache
def _raw() -> dict:
    return load_yaml((DATA / "programmes.yaml").read_text(encoding="utf-8"))


@cache
def _known() -> list[tuple[str, str, str, list[tuple[list[str], list[str]]]]]:
    skip = {"not_programmes", "named_by", "not_before", "abbreviations"}
    return [(k, v["label"], v["kind"], [([fold(w) for w in m["all"]], [fold(w) for w in m.get("any", [])])
                                        for m in v["match"]]) for k, v in _raw().items() if k not in skip]


@cache
def _not_programmes() -> tuple[tuple[str, ...], frozenset[str]]:
    raw = _raw()["not_programmes"]
    return tuple(fold(w) for w in raw["prefixes"]), frozenset(fold(w) for w in raw["exact"])


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def _named_by() -> re.Pattern[str]:
    words = _raw()["named_by"]
    return re.compile(rf"\s+(?:(?P<more>{_alt(words['needs_more'])})|{_alt(words['alone'])})(?!\w)", re.I)


@cache
def _not_before() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_alt(_raw()['not_before'])})\s*$", re.I)


def is_programme_name(name: str) -> bool:
    """False for working arrangements ("Chương trình công tác ...") and policy fields ("chính sách dân
    tộc giai đoạn 2014-2019"): named like programmes, they are not ones."""
    prefixes, exact = _not_programmes()
    core = fold(_PERIOD.sub("", name)).strip(" ,-–")
    return core not in exact and not core.startswith(prefixes)


@lru_cache(maxsize=8192)
def canonical(name: str) -> tuple[str, str | None, str | None]:
    """(key, canonical label, kind or None) for a programme name: a known programme's own label, else the
    name with abbreviations written out and its period as "giai đoạn 2021-2025".  A project, scheme or policy
    that names a programme ("Dự án 2 - Chương trình 135") is not that programme: only programme heads
    are matched against the known ones."""
    f = fold(name)
    if not f.startswith(("dự án", "tiểu dự án", "đề án", "chính sách", "chiến lược")):
        for key, label, kind, rules in _known():
            for all_words, any_words in rules:
                if all(w in f for w in all_words) and (not any_words or any(w in f for w in any_words)):
                    return key, label, kind
    period = _PERIOD.search(name)
    core = _written_out(_PERIOD.sub("", name).strip(" ,-–"))
    years = f"{period.group(1)}-{period.group(2)}" if period else ""
    key = slug(core, 50) + (f"-{years}" if years else "")
    first = [True]

    def one_period(m: re.Match[str]) -> str:         # the first period written one way, later phases dropped
        keep, first[0] = first[0], False
        return f" giai đoạn {m.group(1)}-{m.group(2)}" if keep else ""
    label = _written_out(re.sub(r"\s+", " ", _PERIOD.sub(one_period, name)).strip(" ,-–"))
    label = label[:1].upper() + label[1:]
    return f"{key}-{short_hash(core, 4)}", label, None


def _written_out(name: str) -> str:
    """The name with its abbreviations written out, so "trong đồng bào DTTS" and "trong đồng bào dân tộc
    thiểu số" in two reports give one key (and one label)."""
    pattern, full = _abbreviation_re()
    return pattern.sub(lambda m: full[m.group()], name)


@cache
def _abbreviation_re() -> tuple[re.Pattern[str], dict[str, str]]:
    full: dict[str, str] = _raw()["abbreviations"]
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, sorted(full, key=len, reverse=True)))})(?![\w-])"), full


def _kind(head: str, name: str) -> str:
    h = fold(head)
    if "mục tiêu quốc gia" in fold(name) or "mtqg" in h:
        return "ctmtqg"
    # a strategy (Chiến lược) is filed as a programme: the kind scheme has no concept of its own for it
    return {"đề án": "de-an", "dự án": "du-an", "tiểu dự án": "du-an", "chính sách": "chinh-sach"}.get(h, "chuong-trinh")


def _name_end(text: str, head: str, rest_start: int, numbered: re.Match[str] | None, lower_desc: bool) -> int:
    """Where the name that starts with ``head`` (ending at ``rest_start``) stops."""
    raw = text[rest_start:rest_start + 400]
    tail = _ACRONYM.sub(lambda m: " " * len(m.group()), raw) if "(" in raw else raw
    base = numbered.end() if numbered else 0
    quoted = _QUOTED.match(tail, base) if numbered else None
    if quoted and quoted.group(1)[0].isupper():
        return rest_start + quoted.end()
    stop = _STOP.search(tail, base)
    cut = stop.start() if stop else min(len(tail), 200)
    if numbered and fold(head) not in _SUB_HEADS and not _NUMBERED_TOPIC.match(tail, base):
        cut = base          # "Đề án 322 tốt nghiệp ...", "Đề án 322 - Bộ GDĐT": the number is the whole name
    if numbered and fold(head) in _SUB_HEADS:
        sub = _SUB_OF.match(tail, cut)              # "Tiểu dự án 2 thuộc Dự án 5"
        if sub:                                     # ends with its parent's number, or runs on after a colon
            cut = sub.end()
        if tail[cut:cut + 1] == ":" and re.match(r":\s*[A-ZĐÀ-Ỹ“\"]", tail[cut:cut + 4]):   # "Dự án 3: Phát triển ..."
            stop = _STOP.search(tail, cut + 1)
            cut = stop.start() if stop else min(len(tail), 200)
    if lower_desc:
        of = _OF.search(tail, base, cut)
        if of:
            cut = of.start()
    period = _PERIOD.search(tail, 0, min(len(tail), cut + 40))
    if period and period.start() <= cut + 1:
        cut = period.end()
        while phase := _PHASE.match(tail, cut):
            cut = phase.end()
    return rest_start + cut


def find_programmes(text: str, sentences: list[Span]) -> list[Programme]:
    """Named programmes, one per mention (the caller merges by key)."""
    out: list[Programme] = []
    last_national: Programme | None = None
    covered = Span(0, 0)                          # the last name taken: heads inside it are part of it
    cut_off: set[int] = set()                     # where names cut off by the end of the text start
    for m in _HEAD.finditer(text):
        head = m.group("head")
        start = m.start()
        before = text[max(0, start - 30):start]
        if covered.start <= start < covered.end and not _LINK_BEFORE.search(text[covered.start:start]):
            continue
        if _PLURAL_BEFORE.search(before[-12:]) or _not_before().search(before):
            continue
        rest_start = m.end()
        tail = text[rest_start:rest_start + 400]
        h = fold(head)
        if (h == "chương trình" and _ACTION_DOC.match(tail)) or _NUMBERED_DOC.match(tail):
            continue                     # "Chương trình hành động số 12-CTr/TU", "Đề án số 01-ĐA/TU": documents
        quoted = _QUOTED.match(tail)
        if quoted and not quoted.group(1)[0].isupper():
            continue                     # a quoted phrase in lower case is speech, not a name
        numbered = _NUMBER.match(tail) if h in ("chương trình", "chương trình mtqg", "ctmtqg", "đề án", *_SUB_HEADS) else None
        if numbered and h in ("chương trình", "đề án") and len(numbered.group("n").rstrip("ab")) < 2:
            numbered = None
        lower_desc, desc_more, desc_end = False, False, 0
        if quoted:
            end = rest_start + quoted.end()
        else:
            if _GENERIC_AFTER.match(tail):
                continue
            desc = _named_by().match(tail) if h in ("chính sách", "chương trình") else None
            lower_desc = desc is not None
            desc_more = bool(desc and desc.group("more"))
            desc_end = desc.end() if desc else 0
            end = _name_end(text, head, rest_start, numbered, lower_desc and head[0].islower())
        name = text[start:end].strip(" ,-–")
        if end >= len(text.rstrip()) and " " in name and not re.search(r"[aeiouy]", ascii_fold(name.rsplit(" ", 1)[1])):
            name = name.rsplit(" ", 1)[0]    # cut off by the end of the text: its last word is partial
            cut_off.add(start)
        back = _BACK_REFERENCE.search(name)
        if back and not quoted:
            if not numbered:
                continue                 # "Chương trình hỗ trợ ... này": refers back to a programme named before
            name = name[:back.start()]   # "Chương trình 135 này": the named one
        words = name.split()
        lower_head = head[0].islower()
        has_period = bool(_PERIOD.search(name))
        ctmtqg = "mục tiêu quốc gia" in h or "mtqg" in h
        sent = sentence_of(sentences, start) or Span(start, end)
        sentence_start = sent.start == start
        if len(words) < 2 or len(words) > 45:
            continue
        if lower_desc and ((desc_more and len(text[rest_start + desc_end:end].split()) < 2)
                           or fold(words[-1]) == "khác"):
            continue                     # "chương trình phối hợp của ...", "chính sách tín dụng khác": no name
        if has_period and not (numbered or quoted or ctmtqg) and _BARE_PERIOD.match(name, len(head)):
            continue                     # "đề án ở giai đoạn 2006-2014": the scheme named before, in a period
        if not (numbered or has_period or quoted or ctmtqg or lower_desc
                or (not lower_head and not sentence_start and len(words) >= 4)
                or (len(words) >= 3 and any(_word_prefix(name, p.name) for p in out))):   # a short form
            continue
        if not is_programme_name(name):
            continue
        key, _label, known_kind = canonical(name)
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
        covered = out[-1].span
        if out[-1].kind == "ctmtqg" and name != head:
            last_national = out[-1]
        if numbered and h == "chương trình":
            out.extend(_more_numbers(text, head, start, rest_start + numbered.end(), sent))
    _list_siblings(text, sentences, out)
    _share_near_keys(out, cut_off)
    return out


def _more_numbers(text: str, head: str, start: int, pos: int, sent: Span) -> list[Programme]:
    """"Chương trình 134, 135": each number under the head is a programme of its own; its words in the
    text run from the head to the number."""
    found = []
    while (more := _MORE_NUMBERS.match(text, pos, sent.end)) is not None:
        name = f"{head} {more.group('n')}"
        key, _label, kind = canonical(name)
        found.append(Programme(name=name, key=key, span=Span(start, more.end()), sentence=sent,
                               kind=kind or "chuong-trinh"))
        pos = more.end()
    return found


_ITEM_END = re.compile(r"\s(?:theo|tại|của|do|trên địa bàn|và một số|và các)\s|,\s*\.|\(|,\s*$")
_ITEM_NOT = re.compile(r"^(?:và|đồng thời|trong đó)(?!\w)|(?<!\w)(?:các|những|một số|nhiều)\s|\skhác$", re.I)


def _list_siblings(text: str, sentences: list[Span], found: list[Programme]) -> None:
    """In a list whose items are lower-case named programmes ("như: chương trình cho vay A; chương trình
    cho vay B; cho vay C"), the other items are programmes too."""
    by_sentence: dict[Span, list[Programme]] = {}
    for p in found:
        if p.name[:1].islower():
            by_sentence.setdefault(p.sentence, []).append(p)
    for sent, items in by_sentence.items():
        if len(items) < 2:
            continue
        colon = text.rfind(":", sent.start, items[0].span.start)
        if colon < 0 or ";" not in text[items[0].span.end:sent.end]:
            continue
        pos = colon + 1
        for seg in text[colon + 1:sent.end].split(";"):
            seg_start = pos + len(seg) - len(seg.lstrip())
            pos += len(seg) + 1
            if any(p.span.start < pos and seg_start < p.span.end for p in found):
                continue
            item = seg.strip()
            stop = _ITEM_END.search(item)
            item = (item[:stop.start()] if stop else item).strip(" ,.")
            if not (2 <= len(item.split()) <= 12) or _ITEM_NOT.search(item) or not item[:1].islower():
                continue
            key, _label, kind = canonical(item)
            found.append(Programme(name=item, key=key, span=Span(seg_start, seg_start + len(item)), sentence=sent,
                                   kind=kind or "chuong-trinh"))
    found.sort(key=lambda p: p.span.start)


_WORD = re.compile(r"\w+")


@cache
def _abbreviations() -> dict[str, list[str]]:
    return {fold(k): _WORD.findall(fold(v)) for k, v in _raw()["abbreviations"].items()}


@lru_cache(maxsize=8192)
def _words(name: str) -> frozenset[str]:
    """The words of a name without its period, abbreviations written out (DTTS -> dân tộc thiểu số)."""
    out: set[str] = set()
    ab = _abbreviations()
    for w in re.findall(r"[\w-]+", _core(name)):
        out.update(ab.get(w) or _WORD.findall(w))
    return frozenset(out)


def _overlap(a: tuple[int | None, int | None], b: tuple[int | None, int | None]) -> bool:
    return None not in a and None not in b and a[0] <= b[1] and b[0] <= a[1]  # type: ignore[operator]


@lru_cache(maxsize=8192)
def _core(name: str) -> str:
    return fold(_PERIOD.sub("", name)).strip(" ,")


def _word_prefix(a: str, b: str) -> bool:
    """One name starts the other at a word boundary ("chương trình phối hợp số 22 [giữa A và B]")."""
    short, long = sorted((_core(a), _core(b)), key=len)
    return long.startswith(short + " ") or long == short


def _share_near_keys(found: list[Programme], cut_off: AbstractSet[int] = frozenset()) -> None:
    """Mentions of one programme in one article share a key (the later takes the earlier's): names whose
    words nearly all agree ("phổ biến" typed "phbiến"); one that only adds words to the other over an
    overlapping period ("Chương trình phối hợp công tác [giữa 2 cơ quan] giai đoạn 2021-2025", a scheme
    whose years were typed two ways); a short form that starts the long one in another sentence
    ("Chương trình phối hợp công tác" after its full name), or one cut off by the end of the text.  Two
    periods that do not meet are two phases; two items of one list are two programmes."""
    seen: list[tuple[Programme, frozenset[str]]] = []   # every mention so far, with its words
    for p in found:
        words = _words(p.name)
        period = (p.start_year, p.end_year)
        for o, other in seen:
            if o.key == p.key or o.kind != p.kind or min(len(words), len(other)) < 3:
                continue
            if o.span.start <= p.span.start < o.span.end:
                continue                 # named inside the other ("Chương trình hành động thực hiện Chiến lược ...")
            other_period = (o.start_year, o.end_year)
            dated = (period[0] is not None) + (other_period[0] is not None)
            if not (period == other_period or _overlap(period, other_period) or dated == 1):
                continue                 # two periods that do not meet: two phases, two programmes
            prefix = _word_prefix(p.name, o.name) and (
                p.span.start in cut_off or o.span.start in cut_off or p.sentence != o.sentence)
            if min(len(words), len(other)) < 5 and not prefix:
                continue
            subset = words <= other or other <= words
            near = len(words & other) >= 0.85 * len(words | other)
            if near or (dated > 0 and subset) or prefix:
                p.key = o.key
                break
        seen.append((p, words))
    # a merged group is keyed by its longest name (the node's label), so that an article with only the
    # short form and one with both never give one node two labels
    longest: dict[str, str] = {}
    for p in found:
        if len(p.name) > len(longest.get(p.key, "")):
            longest[p.key] = p.name
    known = {k for k, *_ in _known()}
    for p in found:
        if p.key not in known:
            p.key = canonical(longest[p.key])[0]
