"""Events: conferences, congresses, meetings, trainings, ceremonies and who took part.

An event mention is a head ("Hội nghị", "Đại hội", "Lễ" ..., data/event_kinds.yaml) followed by a
description ("Hội nghị sơ kết công tác dân tộc 6 tháng đầu năm 2022"); a bare "Hội nghị" refers back.
Mentions of one event (same kind and year, or one title inside the other) are merged.  Its date is a
date in its sentence (not one belonging to a document number), else the article's date for the main
event; its organiser the body that "tổ chức" it.  People in sentences that say "chủ trì", "phát biểu",
"dự"/"tham dự", "báo cáo" are chairs, speakers, participants, reporters of the main event, and
"tặng giấy khen cho 4 tập thể và 11 cá nhân" is an award given at it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import yaml

from graph.extract.facts import Award, DocumentMention, Event, OrgMention, Participation, PersonMention, Span
from graph.extract.sentences import sentence_of
from graph.text.dates import PartialDate, find_dates
from graph.text.normalize import fold

DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class _Vocab:
    heads: re.Pattern[str]
    kinds: list[tuple[str, list[str]]]
    lower_heads: frozenset[str]
    back_reference: re.Pattern[str]     # matched at the text right after a head
    title_stop: re.Pattern[str]         # searched in the text after a head
    document_before: re.Pattern[str]    # matched at the text right before a head (anchored at its end)
    venue_before: re.Pattern[str]
    body_before: re.Pattern[str]
    held_before: re.Pattern[str]
    plural_before: re.Pattern[str]
    naming: re.Pattern[str]             # a description that names an event


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def _vocab() -> _Vocab:
    raw = yaml.safe_load((DATA / "event_kinds.yaml").read_text(encoding="utf-8"))
    heads = re.compile(r"(?<!\w)(?P<head>" + _alternation(raw["heads"]) + r")(?!\w)", re.IGNORECASE)
    kinds = [(k, [fold(c) for c in v["cues"]]) for k, v in raw["kinds"].items()]

    def before(key: str) -> re.Pattern[str]:
        # "Nghị quyết số 13 Đại hội ...", "Quyết tâm thư của Đại hội ...": a number or "của" may come between
        return re.compile(r"(?<!\w)(?:" + _alternation(raw[key]) + r")(?:\s+(?:số\s+)?[\w/.\-]*\d[\w/.\-]*)?"
                          r"(?:\s+của)?\s*$", re.IGNORECASE)

    return _Vocab(
        heads=heads,
        kinds=kinds,
        lower_heads=frozenset(fold(h) for h in raw["lower_heads"]),
        back_reference=re.compile(r"\s*(?:[:;,.!?)]|$|(?:" + _alternation(raw["back_reference"]) + r")(?!\w))",
                                  re.IGNORECASE),
        title_stop=re.compile(
            r"[;:!?\[\]“”\"]|\((?!năm\s+\d{4}\))|\.(?:\s|$)|,\s(?!(?:triển khai|tổng kết|sơ kết|năm\s\d|giai đoạn|[^,;.:()]{0,40}?năm\s\d{4}))|"
            r"\s(?<!người\s)có\s|\sngày\s\d|\s(?:" + _alternation(raw["title_stops"]) + r")(?!\w)", re.IGNORECASE),
        document_before=before("document_before"),
        venue_before=before("venue_before"),
        body_before=before("body_before"),
        held_before=before("held_before"),
        plural_before=before("plural_before"),
        naming=re.compile(  # searched in the folded description
            r"(?<!\w)(?:" + _alternation([fold(w) for w in raw["naming_words"]]
                                          + [fold(c) for v in raw["kinds"].values() for c in v["cues"]])
            + r"|lần\s+thứ|khóa|nhiệm\s+kỳ)(?!\w)|(?<![\d/])(?:19|20)\d\d(?!\d)"),
    )


_ORDINAL = re.compile(r"lần\s+(?:thứ\s+)?([IVXLC]+|\d+)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?:năm\s+)?((?:19|20)\d\d)\b")
_LAST_NAMED_YEAR = re.compile(r"năm\s+((?:19|20)\d\d)\b(?!.*năm\s+(?:19|20)\d\d)", re.IGNORECASE | re.DOTALL)
_PERIOD_START = re.compile(r"giai\s+đoạn\s+((?:19|20)\d\d)", re.IGNORECASE)
_ANY_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_PURPOSE = re.compile(r"\s+(?:để|nhằm)\s+[^,;.:()]{3,120}")
_ORGANISE = re.compile(r"(?:đã\s+|long trọng\s+|phối hợp\s+)?tổ chức\s*$")
_ROLE_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("chair", re.compile(r"(?:đồng\s+)?chủ trì|điều hành hội nghị", re.I)),
    ("speaker", re.compile(r"phát biểu|kết luận hội nghị|kết luận tại|chỉ đạo tại|khai mạc|bế mạc|tham luận|nhấn mạnh|đề nghị", re.I)),
    ("reporter", re.compile(r"báo cáo|trình bày", re.I)),
    ("participant", re.compile(r"(?:tham\s+)?dự\s|tham dự|đến dự|có mặt|tiếp và làm việc|làm việc", re.I)),
]
_AWARD = re.compile(
    r"(?P<what>giấy khen|bằng khen|cờ thi đua|kỷ niệm chương|huân chương|huy chương|danh hiệu)[^.;]{0,120}?"
    r"cho\s+(?P<n1>\d+)\s+(?P<u1>tập thể|cá nhân)(?:\s*(?:,|và)\s*(?P<n2>\d+)\s+(?P<u2>tập thể|cá nhân))?",
    re.IGNORECASE,
)


def _kind(title: str, head: str) -> str:
    """The kind from the event's own words: a head nested in the title ("Hội nghị Ban Chỉ đạo Đại hội ...")
    names another event, so cues after it do not count."""
    voc = _vocab()
    if fold(head) == "đại hội":
        return "dai-hoi"
    nested = voc.heads.search(title, len(head))
    f = fold(title[:nested.start()] if nested else title)
    for kind, cues in voc.kinds:
        if any(c in f for c in cues):
            return kind
    return "other"


def _title(text: str, start: int, head_end: int, sent: Span) -> str:
    tail = text[head_end:min(sent.end, head_end + 300)]
    m = _vocab().title_stop.search(tail)
    end = head_end + (m.start() if m else len(tail))
    title = text[start:end].strip(" ,.-–")
    return title[:-1].rstrip() if title.endswith(")") and "(" not in title else title


def _doc_zones(docs: list[DocumentMention]) -> list[tuple[int, int]]:
    """Text taken by document numbers and the dates written after them (not event dates)."""
    return [(d.span.start, d.span.end + 40) for d in docs]


@dataclass
class _Found:
    event: Event
    reference: bool      # named inside a body's name: the sentence speaks of another event


def find_events(
    text: str,
    sentences: list[Span],
    published: date | None,
    orgs: list[OrgMention],
    persons: list[PersonMention],
    docs: list[DocumentMention],
    province: str | None = None,
) -> list[Event]:
    """The events an article reports or announces, one per event (mentions merged).

    A mention is an event when it names one: a head with a description ("Hội nghị tổng kết ..."), or a head
    a holding verb introduces ("Ban Dân tộc tỉnh tổ chức cuộc họp ...").  Not events: a head inside a
    document's title ("Nghị quyết Đại hội ..."), generic plurals ("các hội nghị"), back-references
    ("Tại Hội nghị, ...", "Tham dự Hội nghị có ...") and heads nested in an event already named.
    """
    voc = _vocab()
    zones = _doc_zones(docs)
    found: list[_Found] = []
    taken: list[tuple[int, int]] = []
    for m in voc.heads.finditer(text):
        head = m.group("head")
        if any(s <= m.start() < e for s, e in taken):
            continue                                    # part of an event named already
        sent = sentence_of(sentences, m.start())
        if sent is None:
            continue
        before = text[max(sent.start, m.start() - 40):m.start()]
        if voc.plural_before.search(before) or voc.document_before.search(before) or voc.venue_before.search(before):
            continue
        reference = bool(voc.body_before.search(before))
        held = not reference and bool(voc.held_before.search(before))
        if head[0].islower() and not held and fold(head) not in voc.lower_heads:
            continue
        bare = voc.back_reference.match(text, m.end()) is not None
        title = _title(text, m.start(), m.end(), sent)
        descr = title[len(head):].strip()
        if held and (bare or not descr):
            purpose = _PURPOSE.match(text, m.end(), sent.end)
            title = text[m.start():purpose.end()].strip(" ,.-–") if purpose else head
        elif bare or len(descr.split()) < 2 or not _names_event(descr):
            continue
        if reference and not (_ORDINAL.search(title) or _ANY_YEAR.search(title)):
            continue
        kind = _kind(title, head)
        when = None if reference else _event_date(text, sent, m.start(), zones, published, title)
        if held and title == head and (when is None or when.day is None):
            continue                                    # "tổ chức hội nghị" with nothing to tell it apart
        organizer = None if reference else _organizer(text, sent, m.start(), orgs)
        span = Span(m.start(), m.start() + len(title))
        taken.append((span.start, span.end))
        found.append(_Found(Event(title=title, kind=kind, span=span, sentence=sent, date=when,
                                  organizer=organizer.org if organizer else None, province=province), reference))
    merged = _merge(found)
    events = [f.event for f in merged]
    reported = [f.event for f in merged if not f.reference]
    if events:
        main = _main_event(reported or events)
        if main.date is None and published is not None and main.kind not in {"dai-hoi"}:
            main.date = PartialDate.from_date(published) if _reported_as_past(text, main) else None
        _attach_roles(text, sentences, main, persons)
        _attach_awards(text, sentences, main, orgs)
    for ev in events:
        if ev.date is None and ev.kind == "dai-hoi":
            year = _LAST_NAMED_YEAR.search(ev.title) or _ANY_YEAR.search(ev.title)
            if year:
                ev.date = PartialDate(int(year.group(1)))
    return events


def _names_event(descr: str) -> bool:
    """A description that names an event: a kind's cue or a naming word ("tổng kết", "đại biểu", "kỷ
    niệm" ...), a capitalised word, a year or an ordinal; "Đại hội phấn khởi" is talk about one."""
    return any(w[0].isupper() for w in descr.split()) or _vocab().naming.search(fold(descr)) is not None


def _year_hint(title: str) -> date | None:
    """When the article's date is unknown, a day written without a year ("Sáng 29/6") takes the year the
    event's own name gives: the last "năm YYYY" ("tổng kết năm 2018, triển khai nhiệm vụ năm 2019" is held
    early in 2019), else the start of the period it names ("giai đoạn 2021 - 2025")."""
    m = _LAST_NAMED_YEAR.search(title) or _PERIOD_START.search(title)
    return date(int(m.group(1)), 12, 31) if m else None


def _event_date(text: str, sent: Span, at: int, zones: list[tuple[int, int]], published: date | None,
                title: str = "") -> PartialDate | None:
    """The date nearest the head in its sentence, outside document references; "Sáng 29/6" counts
    whatever its case (the sentence is searched in lower case, which keeps Vietnamese offsets)."""
    best: PartialDate | None = None
    best_dist = 10**9
    sentence = text[sent.start:sent.end]
    lowered = sentence.lower()
    for d in find_dates(lowered if len(lowered) == len(sentence) else sentence, published or _year_hint(title)):
        s = sent.start + d.start
        if any(zs <= s < ze for zs, ze in zones):
            continue
        if d.value.month is None:
            continue
        dist = abs(s - at) + (0 if s < at else 50)   # a date before the head ("Ngày 17/7, ... tổ chức Hội nghị") first
        if dist < best_dist:
            best, best_dist = d.value, dist
    return best


def _organizer(text: str, sent: Span, at: int, orgs: list[OrgMention]) -> OrgMention | None:
    window = text[max(sent.start, at - 60):at]
    if not _ORGANISE.search(window):
        m = re.search(r"do\s*$", text[max(sent.start, at - 200):at])
        if not m:
            return None
    candidates = [o for o in orgs if sent.start <= o.span.start and o.span.end <= at and o.named]
    return candidates[-1] if candidates else None


def _same(a: Event, b: Event) -> bool:
    if a.kind != b.kind:
        return False
    fa, fb = fold(a.title), fold(b.title)
    if fa in fb or fb in fa:
        return True
    oa, ob = _ORDINAL.search(fa), _ORDINAL.search(fb)
    ya, yb = _YEAR.findall(fa), _YEAR.findall(fb)
    if oa and ob:
        return oa.group(1).lower() == ob.group(1).lower()
    if a.date and b.date and a.date != b.date:
        return False
    return bool(ya and yb and ya[-1] == yb[-1] and a.kind in {"so-ket", "tong-ket", "giao-ban", "dai-hoi"})


def _merge(found: list[_Found]) -> list[_Found]:
    """One entry per event: later mentions lend their longer title, date and organiser; an event is a
    reference only when every mention of it is."""
    merged: list[_Found] = []
    for f in found:
        ev = f.event
        for k in merged:
            kept = k.event
            if _same(kept, ev):
                if len(ev.title) > len(kept.title):
                    kept.title, kept.span = ev.title, ev.span
                kept.date = kept.date or ev.date
                kept.organizer = kept.organizer or ev.organizer
                k.reference = k.reference and f.reference
                break
        else:
            merged.append(f)
    return merged


def _main_event(events: list[Event]) -> Event:
    """The event the report is about: the first one that has an organiser or a full date, else the first."""
    for ev in events:
        if ev.organizer is not None or (ev.date is not None and ev.date.day):
            return ev
    return events[0]


def _reported_as_past(text: str, ev: Event) -> bool:
    """A report whose main event has no date of its own took place on (or just before) the article's date."""
    return ev.organizer is not None or ev.kind in {"so-ket", "tong-ket", "giao-ban", "tap-huan", "hop", "lam-viec"}


def _attach_roles(text: str, sentences: list[Span], ev: Event, persons: list[PersonMention]) -> None:
    seen: set[tuple[str, str]] = set()
    for p in persons:
        sentence_text = p.sentence.of(text)
        for role, cue in _ROLE_CUES:
            if cue.search(sentence_text):
                if (p.name, role) not in seen:
                    ev.participations.append(Participation(role=role, sentence=p.sentence, person=p))
                    seen.add((p.name, role))
                break


def _attach_awards(text: str, sentences: list[Span], ev: Event, orgs: list[OrgMention]) -> None:
    for m in _AWARD.finditer(text):
        sent = sentence_of(sentences, m.start())
        if sent is None:
            continue
        counts = {m.group("u1").lower(): int(m.group("n1"))}
        if m.group("n2"):
            counts[m.group("u2").lower()] = int(m.group("n2"))
        giver = [o for o in orgs if sent.start <= o.span.start < m.start() and o.named]
        what = m.group("what")
        ev.awards.append(Award(award=what[0].upper() + what[1:].lower(), sentence=sent,
                               giver=giver[-1].org if giver else None,
                               collectives=counts.get("tập thể"), individuals=counts.get("cá nhân")))
