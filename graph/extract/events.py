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
from datetime import date
from functools import cache
from pathlib import Path

import yaml

from graph.extract.facts import Award, DocumentMention, Event, OrgMention, Participation, PersonMention, Span
from graph.extract.sentences import sentence_of
from graph.text.dates import PartialDate, find_dates
from graph.text.normalize import fold

DATA = Path(__file__).resolve().parent.parent / "data"


@cache
def _vocab() -> tuple[re.Pattern[str], list[tuple[str, list[str]]]]:
    raw = yaml.safe_load((DATA / "event_kinds.yaml").read_text(encoding="utf-8"))
    heads = sorted(raw["heads"], key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?P<head>" + "|".join(re.escape(h) for h in heads) + r")(?!\w)", re.IGNORECASE)
    kinds = [(k, [fold(c) for c in v["cues"]]) for k, v in raw["kinds"].items()]
    return pattern, kinds


_TITLE_STOP = re.compile(
    r"[;:!?()\[\]“”\"]|\.(?:\s|$)|,\s(?!(?:triển khai|tổng kết|sơ kết|năm\s\d|giai đoạn))|"
    r"\s(?:tại|với sự|với chủ đề|với|do|đã|được|sẽ|diễn ra|nhằm|để|có sự|dưới sự|vào|từ ngày|trong 2 ngày|"
    r"trong hai ngày|lúc|ngày\s\d|sáng|chiều|tối|thu hút|gồm)(?:\s|$)"
)
_ORDINAL = re.compile(r"lần\s+thứ\s+([IVXLC]+|\d+)", re.IGNORECASE)
_YEAR = re.compile(r"(?:năm\s+)?((?:19|20)\d\d)\b")
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
    f = fold(title)
    _pattern, kinds = _vocab()
    if fold(head) == "đại hội":
        return "dai-hoi"
    for kind, cues in kinds:
        if any(c in f for c in cues):
            return kind
    return "other"


def _title(text: str, start: int, head_end: int, sent: Span) -> str:
    tail = text[head_end:min(sent.end, head_end + 300)]
    m = _TITLE_STOP.search(tail)
    end = head_end + (m.start() if m else len(tail))
    return text[start:end].strip(" ,.-–")


def _doc_zones(docs: list[DocumentMention]) -> list[tuple[int, int]]:
    """Text taken by document numbers and the dates written after them (not event dates)."""
    return [(d.span.start, d.span.end + 40) for d in docs]


def find_events(
    text: str,
    sentences: list[Span],
    published: date | None,
    orgs: list[OrgMention],
    persons: list[PersonMention],
    docs: list[DocumentMention],
    province: str | None = None,
) -> list[Event]:
    pattern, _kinds = _vocab()
    zones = _doc_zones(docs)
    events: list[Event] = []
    for m in pattern.finditer(text):
        head = m.group("head")
        if head[0].islower() and fold(head) not in {"hội nghị", "đại hội", "lễ", "cuộc họp", "ký kết"}:
            continue
        sent = sentence_of(sentences, m.start())
        if sent is None:
            continue
        title = _title(text, m.start(), m.end(), sent)
        descr = title[len(head):].strip()
        if len(descr.split()) < 2 or re.match(r"(?:này|trên|đó|nói trên|lần này)\b", descr):
            continue
        kind = _kind(title, head)
        when = _event_date(text, sent, m.start(), zones, published)
        organizer = _organizer(text, sent, m.start(), orgs)
        events.append(Event(title=title, kind=kind, span=Span(m.start(), m.start() + len(title)), sentence=sent,
                            date=when, organizer=organizer.org if organizer else None, province=province))
    events = _merge(events)
    if events:
        main = _main_event(events)
        if main.date is None and published is not None and main.kind not in {"dai-hoi"}:
            main.date = PartialDate.from_date(published) if _reported_as_past(text, main) else None
        _attach_roles(text, sentences, main, persons)
        _attach_awards(text, sentences, main, orgs)
    for ev in events:
        if ev.date is None:
            year = _YEAR.search(ev.title)
            if year and ev.kind == "dai-hoi":
                ev.date = PartialDate(int(year.group(1)))
    return events


def _event_date(text: str, sent: Span, at: int, zones: list[tuple[int, int]], published: date | None) -> PartialDate | None:
    best: PartialDate | None = None
    best_dist = 10**9
    for d in find_dates(text[sent.start:sent.end], published):
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


def _merge(events: list[Event]) -> list[Event]:
    merged: list[Event] = []
    for ev in events:
        for kept in merged:
            if _same(kept, ev):
                if len(ev.title) > len(kept.title):
                    kept.title, kept.span = ev.title, ev.span
                kept.date = kept.date or ev.date
                kept.organizer = kept.organizer or ev.organizer
                break
        else:
            merged.append(ev)
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
