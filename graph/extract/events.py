"""Events: conferences, congresses, sessions, ceremonies, visits, meetings, trainings, inspections, elections
and who took part.

An event mention is a head ("Hội nghị", "Đại hội", "Lễ", "Kỳ họp", "Họp báo" ..., data/event_kinds.yaml)
followed by a description ("Hội nghị sơ kết công tác dân tộc 6 tháng đầu năm 2022"); a bare "Hội nghị"
refers back.  Activities ("kiểm tra", "giám sát", "thăm", "trao quà", "buổi làm việc" ...) are events when
somebody holds them ("Sở X đã tổ chức kiểm tra tại ..."), festivals only when the article reports them held.
A report whose mentions name no event it reports is told by its headline or first sentences ("Đoàn công
tác Bộ Y thăm, tặng quà ...") or, failing that, by what it keeps referring to ("Tham dự Đại hội có ...").
Mentions of one event (same kind and year, one title inside the other, or nearly the same words) are
merged.  Its date is a date in its sentence (not one belonging to a document number), else the article's
(or the page's own) date for the main event; its organiser the body that "tổ chức" it.  People in
sentences that say "chủ trì", "phát biểu", "dự"/"tham dự", "báo cáo" are chairs, speakers, participants,
reporters of the main event, and "tặng giấy khen cho 4 tập thể và 11 cá nhân" is an award given at it.
On news text nobody tuned for, what is not an event: an election not named by what it elects and its term
(one per article), a head followed by what it said ("Đại hội nêu rõ"), a planned activity, an action word
inside a name or a noun ("Ủy ban Kiểm tra", "nơi làm việc"), news about a body ("công bố tổng chỉ tiêu", "bị
kỷ luật"); and titles end at a full stop written without a space and at a newspaper's mark "(NLĐ)-".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from graph.datafiles import load_yaml
from graph.extract.facts import Award, DocumentMention, Event, OrgMention, Participation, PersonMention, Span
from graph.extract.sentences import sentence_of
from graph.text.dates import PartialDate, find_dates, valid
from graph.text.normalize import fold, unify_tones
from graph.text.scan import trie_pattern

DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class _Vocab:
    heads: re.Pattern[str]
    named_heads: re.Pattern[str]        # the heads that name an event (not the activities)
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
    activity_heads: frozenset[str]      # folded heads that need a holding verb ("tổ chức kiểm tra ...")
    capital_heads: frozenset[str]       # folded heads that name an event when capitalised
    activity_stop: re.Pattern[str]      # searched after an activity: its description may say where and with whom
    actions: re.Pattern[str]            # what a body does in a headline or opening sentence
    not_actions: re.Pattern[str]
    doer: re.Pattern[str]               # matched at the start of a doer
    not_doing: re.Pattern[str]          # searched between a doer and its action
    action_noun_before: re.Pattern[str] # matched at the text right before an action (anchored at its end)
    habitual: re.Pattern[str]           # searched in the sentence of a held activity
    ceremony_after: re.Pattern[str]     # matched right after "Lễ": a ceremony, not a festival
    occasion_before: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    """The words as one case-insensitive trie pattern (a space matches any run of spaces): Python's re tries
    a flat alternation word by word at every position, a trie once per first letter.  A longer word is tried
    before its prefix, as in a longest-first alternation."""
    return trie_pattern((" ".join(w.lower().split()) for w in words),
                        unit=lambda ch: r"\s+" if ch == " " else re.escape(ch))


@cache
def _vocab() -> _Vocab:
    raw = load_yaml((DATA / "event_kinds.yaml").read_text(encoding="utf-8"))
    heads = re.compile(r"(?<!\w)(?P<head>" + _alternation(raw["heads"] + raw["activity_heads"]) + r")(?!\w)",
                       re.IGNORECASE)
    kinds = [(k, [fold(c) for c in v["cues"]]) for k, v in raw["kinds"].items()]

    def before(key: str) -> re.Pattern[str]:
        # "Nghị quyết số 13 Đại hội ...", "Quyết tâm thư của Đại hội ...": a number or "của" may come between
        return re.compile(r"(?<!\w)(?:" + _alternation(raw[key]) + r")(?:\s+(?:số\s+)?[\w/.\-]*\d[\w/.\-]*)?"
                          r"(?:\s+của)?\s*$", re.IGNORECASE)

    return _Vocab(
        heads=heads,
        named_heads=re.compile(r"(?<!\w)(?:" + _alternation(raw["heads"]) + r")(?!\w)", re.IGNORECASE),
        kinds=kinds,
        lower_heads=frozenset(fold(h) for h in raw["lower_heads"]),
        back_reference=re.compile(r"\s*(?:[:;,.!?)]|$|(?:" + _alternation(raw["back_reference"]) + r")(?!\w))",
                                  re.IGNORECASE),
        title_stop=re.compile(
            r"[;:!?\[\]“”\"]|\((?!năm\s+\d{4}\))(?![\w\s]{1,12}\))|\.(?:\s|$)|" + _GLUED_STOP + "|" + _PRESS_MARK +
            r"|,\s(?!(?:" + _alternation(raw["comma_continues"]) + r")(?!\w)|năm\s\d|[^,;.:()]{0,40}?năm\s\d{4})|"
            r"\s(?<!người\s)có\s|\sngày\s\d|\s(?:" + _alternation(raw["title_stops"]) + r")(?!\w)"
            r"|(?<!công bố)(?<!trao)\squyết định(?!\w)|(?<!thành)\slập(?!\w)"
            r"|(?<!đối thoại)(?<!làm việc)(?<!giao lưu)(?<!gặp mặt)(?<!gặp gỡ)(?<!tiếp xúc)(?<!phối hợp)(?<!ký kết)"
            r"\svới(?!\w)", re.IGNORECASE),
        document_before=before("document_before"),
        venue_before=before("venue_before"),
        body_before=before("body_before"),
        held_before=before("held_before"),
        plural_before=before("plural_before"),
        naming=re.compile(  # searched in the folded description
            r"(?<!\w)(?:" + _alternation([fold(w) for w in raw["naming_words"]]
                                          + [fold(c) for v in raw["kinds"].values() for c in v["cues"]])
            + r"|lần\s+thứ|khóa|nhiệm\s+kỳ)(?!\w)|(?<![\d/])(?:19|20)\d\d(?!\d)"),
        activity_heads=frozenset(fold(h) for h in raw["activity_heads"]),
        capital_heads=frozenset(fold(h) for h in raw["heads"]),
        activity_stop=re.compile(
            r"[;!?\[\]]|\.(?:\s|$)|" + _GLUED_STOP + "|" + _PRESS_MARK + r"|,\s(?=(?:thể hiện|góp phần|qua đó|đồng thời|nhằm|để|trong đó|với sự)\s)|"
            r"\s(?:" + _alternation(raw["activity_stops"]) + r")(?!\w)|\sngày\s\d|\s\((?![\w\s]{1,12}\))",
            re.IGNORECASE),
        actions=re.compile(r"(?<!\w)(?:" + _alternation(raw["actions"]) + r")(?!\w)", re.IGNORECASE),
        not_actions=re.compile(r"(?:" + _alternation(raw["not_actions"]) + r")(?!\w)", re.IGNORECASE),
        doer=re.compile(r"(?:" + _alternation(raw["doers"] + raw["doer_titles"]) + r")(?!\w)", re.IGNORECASE),
        not_doing=re.compile(r"(?<!\w)(?:" + _alternation(raw["not_doing"]) + r")(?!\w)", re.IGNORECASE),
        action_noun_before=re.compile(r"(?<!\w)(?:" + _alternation(raw["action_noun_before"]) + r")\s+$",
                                      re.IGNORECASE),
        habitual=re.compile(r"(?<!\w)(?:" + _alternation(raw["habitual"]) + r")(?!\w)(?!\s*\d)", re.IGNORECASE),
        ceremony_after=re.compile(r"\s+(?:" + _alternation(raw["ceremonies"]) + r")(?!\w)", re.IGNORECASE),
        occasion_before=before("occasion_before"),
    )


_VOWELS = "àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹ"
# a sentence's end written without a space ("... đầu tiên.Tại TP HCM ...", "năm 2023.Tại"; not "TP.HCM", "17.000")
_GLUED_STOP = rf"(?-i:(?<=[a-zđ\d{_VOWELS}])\.(?=[A-ZĐ{_VOWELS.upper()}]))"
# a newspaper's mark that opens the text after a headline or caption ("... (NLĐ)- Ngày 22-1, ..."), a caption
_PRESS_MARK = r"(?-i:\s*\([A-ZĐ]{2,6}\)\s*[-–]|\sẢnh\s*:)"
# an election is an event only when named: what is elected, with its term, year or ordinal ("bầu cử đại biểu
# Quốc hội khóa XII", "Bầu cử đại biểu HĐND các cấp nhiệm kỳ 2004-2009"), not "bầu cử Quốc hội khóa mới cần"
_ELECTION_OF = re.compile(r"\s+(?:bổ\s+sung\s+)?(?:đại\s+biểu|ĐBQH|Quốc\s+hội|HĐND|Hội\s+đồng\s+nhân\s+dân|"
                          r"Ban\s+Chấp\s+hành|BCH|trưởng\s+thôn|trưởng\s+bản)(?!\w)", re.IGNORECASE)
_ELECTION_TERM = re.compile(r"(?<!\w)(?:khóa|khoá|nhiệm\s+kỳ|lần\s+thứ)\s+(?!mới)[\dIVXLC]|(?<!\d)(?:19|20)\d\d(?!\d)",
                            re.IGNORECASE)
_ELECTION = fold("bầu cử")
_COMMITTEE = re.compile(r"Ban\s+Chấp\s+hành|BCH|Ban\s+Thường\s+vụ|Ban\s+Kiểm\s+tra", re.IGNORECASE)
_SPEECH = re.compile(r":\s*[“\"]")
# what comes before an activity's holding verb that makes it a plan or a purpose, not a report ("Sở sẽ phối
# hợp tổ chức kiểm tra ...", "để tiến hành khảo sát thiết kế ...")
_PLANNED = re.compile(r"(?<!\w)(?:sẽ|cần|phải|nên|để|nhằm|muốn|đề nghị|yêu cầu|chỉ đạo)(?!\w)", re.IGNORECASE)
# what follows an unnamed session that makes it a passing reference ("Tại kỳ họp Quốc hội vừa qua, ...")
_PASSING = re.compile(r"\s+(?:vừa\s+qua|trước\s+đây|gần\s+đây|lần\s+trước|trước\s+đó)(?!\w)", re.IGNORECASE)
_PRESS = re.compile(_PRESS_MARK)
# working somewhere since a time: employment ("làm việc tại Công ty Điện lực 2 từ năm 1978")
_EMPLOYED = re.compile(r"làm\s+việc\s+(?:tại|ở|cho)\s[^.;:]{1,80}?\stừ\s+(?:năm|tháng|ngày|\d)", re.IGNORECASE)
_TOPIC = re.compile(r"\s+(?:về|với)\s+(?!phía|dự|tham dự)\w", re.IGNORECASE)
_ORDINAL = re.compile(r"lần\s+(?:thứ\s+)?([IVXLC]+|\d+)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?:năm\s+)?((?:19|20)\d\d)\b")
_LAST_NAMED_YEAR = re.compile(r"năm\s+((?:19|20)\d\d)\b(?!.*năm\s+(?:19|20)\d\d)", re.IGNORECASE | re.DOTALL)
_PERIOD = re.compile(r"giai\s+đoạn\s+((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)", re.IGNORECASE)
_ANY_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_PURPOSE = re.compile(r"\s+(?:để|nhằm)\s+[^,;.:()]{3,120}")
_LATER_PURPOSE = re.compile(r",?\s+(?:để|nhằm)\s+([^,;.:()]{3,160})")
_GENERIC_HOLDING = re.compile(r"(?<!\w)việc\s+(?:tổ chức|triệu tập|tiến hành)\s*$", re.IGNORECASE)
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
    nested = voc.named_heads.search(title, len(head))
    f = fold(title[:nested.start()] if nested else title)
    for kind, cues in voc.kinds:
        if any(c in f for c in cues):
            return kind
    return "other"


def _quoted_title(text: str, start: int, head_end: int) -> str | None:
    """A head followed by a name in quotes ("khóa tập huấn: “Nâng cao năng lực ...”"): the name is the title."""
    q = _QUOTED.match(text, head_end)
    return f"{text[start:head_end]} “{q.group(1).strip()}”" if q else None


def _title(text: str, start: int, head_end: int, sent: Span) -> str:
    quoted = _quoted_title(text, start, head_end)
    if quoted:
        return quoted
    limit = min(sent.end, head_end + 300)
    m = _vocab().title_stop.search(text, head_end, limit)   # in place: look-behinds see the head
    end = m.start() if m else limit
    title = text[start:end].strip(" ,.-–…")
    return title[:-1].rstrip() if title.endswith(")") and "(" not in title else title


def _activity_title(text: str, start: int, head_end: int, sent: Span) -> str:
    """An activity's title runs on through where and with whom ("kiểm tra tiến độ ... tại xã A và xã B")
    to the sentence's end, a purpose, a time phrase or the next person."""
    limit = min(sent.end, head_end + 300)
    m = _vocab().activity_stop.search(text, head_end, limit)
    return text[start:m.start() if m else limit].strip(" ,.-–")


_EXTRA_DATE = re.compile(
    r"(?:(?<!\w)(?:sáng|chiều|tối|trưa|ngày|hôm|từ)\s+(?:ngày\s+)?)(\d{1,2})\s*[-./]\s*(\d{1,2})(?![\d/\-]|\.\d)"
    r"|(?<![\d/])(\d{1,2})\s*[-–]\s*\d{1,2}\s*/\s*(\d{1,2})(?![\d/])"
    r"|(?<!\w)(\d{1,2})\s+và\s+\d{1,2}\s+tháng\s+(\d{1,2})(?:\s+năm\s+((?:19|20)\d\d))?", re.IGNORECASE)


def _extra_dates(sentence: str, reference: date | None) -> list[tuple[int, PartialDate]]:
    """Dates the shared date reader leaves to context: "Sáng 7-7", "ngày 15.4" (a time word makes them
    dates), day ranges without a year "từ 24-25/10", and "12 và 13 tháng 4 năm 2021" (the first day)."""
    out = []
    for m in _EXTRA_DATE.finditer(sentence):
        day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4)) if m.group(3) \
            else (m.group(5), m.group(6))
        d, mo = int(day), int(month)
        year = int(m.group(7)) if m.group(7) else None
        if year is None and reference is not None:    # as the shared reader completes "ngày 28/10"
            year = reference.year
            if valid(year, mo, d) and date(year, mo, d) > reference and (mo - reference.month) % 12 > 2:
                year -= 1
        if year is None or not valid(year, mo, d):
            continue
        out.append((m.start(), PartialDate(year, mo, d)))
    return out


def _doc_zones(docs: list[DocumentMention]) -> list[tuple[int, int]]:
    """Text taken by document numbers and the dates written after them (not event dates)."""
    return [(d.span.start, d.span.end + 40) for d in docs]


@dataclass
class _Found:
    event: Event
    reference: bool      # named inside a body's name: the sentence speaks of another event
    told: bool = False   # told by a headline or opening sentence: a mention's own name is better


def find_events(
    text: str,
    sentences: list[Span],
    published: date | None,
    orgs: list[OrgMention],
    persons: list[PersonMention],
    docs: list[DocumentMention],
    province: str | None = None,
    headline: str | None = None,
) -> list[Event]:
    """The events an article reports or announces, one per event (mentions merged).

    A mention is an event when it names one: a head with a description ("Hội nghị tổng kết ..."), or a head
    a holding verb introduces ("Ban Dân tộc tỉnh tổ chức cuộc họp ...", "đã tổ chức kiểm tra tại ...").  Not
    events: a head inside a document's title ("Nghị quyết Đại hội ..."), generic plurals ("các hội nghị"),
    back-references ("Tại Hội nghị, ...", "Tham dự Hội nghị có ..."), heads nested in an event already named
    and festivals that are only an occasion ("nhân dịp Lễ hội ...").  When no mention names the event the
    report is about, a headline or opening sentence saying what a body did ("Sở X trao quà Tết ...",
    "Đoàn công tác Bộ Y thăm, làm việc tại ...") is that event.
    """
    voc = _vocab()
    own = PartialDate.from_date(published) if published is not None else _page_date(text)   # the article's date
    if published is None and own is not None:
        published = date(own.year, own.month or 12, own.day or 28)  # completes "ngày 28/10" like an article date
    # an undated report: days without a year (and no year in their event's name) take the year its opening names
    fallback = _year_hint(text[:400]) if published is None else None
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
        if _GENERIC_HOLDING.search(before) and not _ORDINAL.search(text, m.end(), min(sent.end, m.end() + 150)):
            continue                                    # "việc tổ chức hội nghị tập huấn là cần thiết": talk
        held = not reference and bool(voc.held_before.search(before))
        fhead = fold(head)
        activity = fhead in voc.activity_heads
        if activity and voc.not_actions.match(text, m.start()):
            continue                                    # "thăm dò", "tiếp thị": another word
        if activity and not held and (fhead not in voc.capital_heads or head[0].islower()):
            continue                                    # "kiểm tra", "thăm": an event only when somebody holds it
        if activity and before.rfind("(") > before.rfind(")"):
            continue                                    # "(tiến hành khảo sát ...)": a step of the event outside
        if activity and voc.habitual.search(text, sent.start, sent.end):
            continue                                    # "Trong năm, Sở đã tổ chức thăm hỏi ...": work, not an event
        clause = text[max(sent.start, text.rfind(",", sent.start, m.start()) + 1):m.start()]
        if activity and _PLANNED.search(clause) and not _has_day(text, sent, published):
            continue                                    # "Sở sẽ phối hợp tổ chức kiểm tra ...": a plan
        if head[0].islower() and not held and fhead not in voc.lower_heads:
            continue
        if fhead in {"lễ", "lễ hội"} and not voc.ceremony_after.match(text, m.end()) \
                and (voc.occasion_before.search(before) or not (held or _has_day(text, sent, published))):
            continue                                    # a festival that is only the occasion, or named in passing
        bare = voc.back_reference.match(text, m.end()) is not None and _QUOTED.match(text, m.end()) is None
        if bare and held and _TOPIC.match(text, m.end()):
            bare = False                                # "tổ chức phiên giải trình về ...": its topic, not talk
        if activity and held:
            title = _activity_title(text, m.start(), m.end(), sent)
            descr = title[len(head):].strip()
            if not descr:
                continue
            doer = _doer_and_action(text, sent.start, sent.end, orgs)
            if doer is not None and doer[1] == m.start():
                title = f"{doer[0]} {title}"            # "Đoàn đại biểu ... dâng hoa báo công ..."
        else:
            title = _title(text, m.start(), m.end(), sent)
            descr = title[len(head):].strip()
            if held and (bare or not descr):
                purpose = _PURPOSE.match(text, m.end(), sent.end)
                colon = text.find(":", m.end(), sent.end)    # what follows a colon is what was said there
                later = None if purpose else _LATER_PURPOSE.search(
                    text, m.end(), min(sent.end, m.end() + 200, colon if colon >= 0 else sent.end))
                if purpose:
                    title = text[m.start():purpose.end()].strip(" ,.-–")
                elif later:                             # "Hội nghị trực tuyến tới 75 điểm cầu, nhằm triển khai ..."
                    title = f"{head} {later.group(1).strip(' ,.-–')}"
                else:
                    title = head
            elif held and len(descr.split()) >= 2 and (fhead in voc.lower_heads or head[0].isupper()
                                                       or fhead == "lễ" or _names_event(descr)):
                pass                                    # "tổ chức Hội nghị cung cấp thông tin ...": held, so named
            elif bare or len(descr.split()) < 2 or not _names_event(descr):
                continue
        if reference and not (_ORDINAL.search(title) or _ANY_YEAR.search(title)):
            continue
        if not held and _PASSING.match(text, m.start() + len(title)) and not (
                _ORDINAL.search(title) or _ANY_YEAR.search(title) or re.search(r"\sthứ\s", title)):
            continue                                    # "Tại kỳ họp Quốc hội vừa qua, ...": no name, a passing word
        if fhead == _ELECTION and not ((_ELECTION_OF.match(text, m.end()) and _ELECTION_TERM.search(title))
                                      or (held and _has_day(text, sent, published))):
            continue                                    # "bầu cử Quốc hội khóa mới cần ...": talk of elections
        kind = _kind(title, head)
        when = None if reference else _event_date(text, sent, m.start(), zones, published, title, fallback)
        if held and title == head and (when is None or when.day is None):
            continue                                    # "tổ chức hội nghị" with nothing to tell it apart
        organizer = None if reference else _organizer(text, sent, m.start(), orgs)
        span = Span(m.start(), m.start() + len(title))
        taken.append((span.start, span.end))
        found.append(_Found(Event(title=title, kind=kind, span=span, sentence=sent, date=when,
                                  organizer=organizer.org if organizer else None, province=province), reference))
    merged = _one_election(_merge(found))
    if not any(not f.reference and (f.event.organizer is not None or (f.event.date is not None and f.event.date.day))
               for f in merged):
        told = _told_event(text, sentences, headline, published or fallback, own, orgs, zones, province)
        if told is not None and told.date is not None and any(
                not f.reference and f.event.date is not None and f.event.date.month is not None
                and (f.event.date.year, f.event.date.month) == (told.date.year, told.date.month) for f in merged):
            told = None                                 # a mention dated that month already names the event
        if told is not None:
            merged = _merge([_Found(told, False, told=True), *merged])
        else:
            referred = _referred_event(text, sentences, merged, own, province)
            if referred is not None:
                merged = [_Found(referred, False), *merged]
    met = _bodies_met(text, sentences, orgs, zones, published, fallback, province)
    if met:
        merged = _merge([*merged, *met])
    events = [f.event for f in merged]
    reported = [f.event for f in merged if not f.reference]
    if events:
        main = _main_event(reported or events)
        if headline and len(main.title.split()) <= 3 and fold(headline).startswith(fold(main.title)) \
                and len(headline.split()) > len(main.title.split()):
            main.title = _clean_headline(headline)      # "tổ chức hội nghị." under "Hội nghị tổng kết ... năm 2024"
        if main.date is None and own is not None and main.kind not in {"dai-hoi"}:
            main.date = own if _reported_as_past(text, main) else None
        _attach_roles(text, sentences, main, persons)
        _attach_awards(text, sentences, main, orgs)
    for ev in events:
        if ev.date is None and ev.kind == "dai-hoi" and own is not None and _held_past(text, ev):
            ev.date = own                               # "Huyện X vừa tổ chức thành công Đại hội ..."
        if ev.date is None and ev.kind == "dai-hoi":
            year = _LAST_NAMED_YEAR.search(ev.title) or _ANY_YEAR.search(ev.title)
            if year:
                ev.date = PartialDate(int(year.group(1)))
    return events


_PAGE_DATE = re.compile(r"\s*date\s+((?:19|20)\d\d)-(\d\d)(?:-(\d\d))?(?![\d-])")
_LEAD = re.compile(r"(?:(?:nhân dịp|dịp này|trong|vào|sáng|chiều|tối|trưa|ngày|hôm|từ|tiếp theo|trước đó|sau đó|"
                   r"cũng trong|được sự|tại|\d)(?:[^,.;]|(?<=\d)\.(?=\d)){0,90},\s*)+", re.IGNORECASE)
_DOER_END = re.compile(r"\s+(?:do|dưới sự|đã|vừa|đang|sẽ|cùng|tổ chức|đến|đi|(?<!người\s)có|về|phối hợp)(?!\w)"
                       r"|\s*[(,:]", re.IGNORECASE)
_QUOTED = re.compile(r"\s*:?\s*[“\"]([^”\"\n]{3,250})[”\"]")
_FILLER = re.compile(r"(?:\s*(?:,|đã|vừa|có|tổ chức|đến|đi|đến thăm và|cùng|buổi|cuộc|chuyến|trực tiếp)(?!\w))*\s*",
                     re.IGNORECASE)
_OPENING_SENTENCES = 4
_PLACE_COLON = re.compile(r"[^:.;!?]{2,40}?:\s*(?=\S)")


_HELD_PAST = re.compile(r"(?:vừa|đã)\s+(?:long trọng\s+)?tổ chức(?:\s+thành công)?\s*$", re.IGNORECASE)
# a head referred back to ("Tham dự Đại hội có ...", "Phát biểu tại buổi gặp mặt, ..."): found head first
# (one pass over the text), then what stands before it
_REFERRED = re.compile(r"(?P<head>đại hội|hội nghị|buổi gặp mặt|buổi làm việc|cuộc làm việc|buổi họp mặt|cuộc họp|"
                       r"buổi công bố|buổi lễ)(?!\w)")       # searched in the lower-cased text: one cheap pass
_REFERRED_NAMED = re.compile(r"\s+(?:[A-ZĐ]|(?i:đại biểu|lần|toàn quốc|tổng kết|sơ kết|giao ban|tập huấn|đảng|cấp|"
                             r"các|điểm|trực tuyến)(?!\w))")   # what follows a head that names it
_REFERRED_BEFORE = re.compile(r"(?:(?<!\w)(?:tại|dự|tham dự|về dự|đến dự|chào mừng|phát biểu tại|báo cáo tại|"
                              r"quang cảnh|chỉ đạo|khai mạc|bế mạc|diễn ra)\s+|\n[ \t]*|^[ \t]*)$", re.IGNORECASE)
_SERIES = re.compile(r"(?<!\w)Đại\s+hội\s+(?:[Đđ]ại\s+biểu|Đảng|[A-ZĐ])"
                     r"(?:(?!\s(?:có|là|đã|được|sẽ|với)\s)(?![Đđ]ại\s+hội)[^.;:()\n]){3,120}?"
                     r"(?=\s*[,\-–]?\s*lần\s+thứ\s)")


# "<body> đã họp thông qua báo cáo ...": a body met about what follows (not "sẽ họp", "để họp": a plan)
_MET = re.compile(r"\s+(?:đã\s+|vừa\s+)?họp\s+(?:để\s+)?(?=(?:bàn|thông qua|xem xét|cho ý kiến|nghe|đánh giá|"
                  r"triển khai|rà soát|thống nhất)(?!\w))", re.IGNORECASE)


def _bodies_met(text: str, sentences: list[Span], orgs: list[OrgMention], zones: list[tuple[int, int]],
                published: date | None, fallback: date | None, province: str | None) -> list[_Found]:
    """"Ban Dân tộc HĐND tỉnh X đã họp thông qua báo cáo kết quả giám sát ...": a body's meeting is an event
    of its own, whatever else the report names; untitled, it is described by what the body met for."""
    out: list[_Found] = []
    for o in orgs:
        m = _MET.match(text, o.span.end) if o.named else None
        sent = sentence_of(sentences, o.span.start) if m is not None else None
        if m is None or sent is None or m.end() >= sent.end:
            continue
        rest = text[m.end():sent.end]
        stop = _vocab().activity_stop.search(rest)
        descr = rest[:stop.start() if stop else len(rest)].strip(" ,.-–")
        if len(descr.split()) < 4:
            continue                                    # "họp bàn và thông báo": nothing to tell the meeting by
        title = f"Cuộc họp {descr}"
        when = _event_date(text, sent, o.span.start, zones, published, title, fallback)
        out.append(_Found(Event(title=title, kind=_kind(title, "cuộc họp"), span=Span(o.span.start, m.end()),
                                sentence=sent, date=when, organizer=o.org, province=province), False))
    return out


def _held_past(text: str, ev: Event) -> bool:
    return _HELD_PAST.search(text, max(ev.sentence.start, ev.span.start - 40), ev.span.start) is not None


def _referred_event(text: str, sentences: list[Span], found: list[_Found], own: PartialDate | None,
                    province: str | None) -> Event | None:
    """A report that never names its event but keeps referring to it ("Tham dự Đại hội có ...", "Phát biểu
    tại buổi gặp mặt, ..."; twice at least) reports that event.  A congress takes the name of its series
    when the text names the series elsewhere ("Quyết tâm thư Đại hội đại biểu các DTTS tỉnh X lần thứ III"),
    without that ordinal: the series' current congress.  Its date is the article's."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    low = text.lower()
    if len(low) != len(text):
        return None                                      # offsets would not carry over (no Vietnamese text does this)
    for m in _REFERRED.finditer(low):
        if _REFERRED_NAMED.match(text, m.end()) or not _REFERRED_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            continue
        key = fold(m.group("head"))
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, m.start("head"))
    if not counts:
        return None
    head, n = max(counts.items(), key=lambda kv: (kv[1], -first[kv[0]]))
    if n < 2:
        return None
    kind_of_head = "dai-hoi" if head == "đại hội" else None
    if any(not f.reference and (kind_of_head is None or f.event.kind == kind_of_head) for f in found):
        return None                                      # the text names an event; the references are to it
    title = head[0].upper() + head[1:]
    if head == "đại hội":
        series = _SERIES.search(text)
        if series is not None:
            title = series.group(0).strip(" ,-–")
    if title == head[0].upper() + head[1:] and own is None:
        return None                                      # neither a name nor a date: nothing to tell it by
    sent = sentence_of(sentences, first[head])
    if sent is None:
        return None
    when = own
    at = first[head]
    return Event(title=title, kind=_kind(title, title.split()[0]), span=Span(at, at), sentence=sent, date=when,
                 province=province)


def _page_date(text: str) -> PartialDate | None:
    """A page saved with its date on the first line ("date 2025-12-12 ...", "date 2024-05"): the page's own
    date, as precise as it is written."""
    m = _PAGE_DATE.match(text)
    if m is None:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    day = int(m.group(3)) if m.group(3) else None
    return PartialDate(year, month, day) if valid(year, month, day) else None


def _has_day(text: str, sent: Span, published: date | None) -> bool:
    sentence = text[sent.start:sent.end].lower()
    return any(d.value.day for d in find_dates(sentence, published)) or bool(_extra_dates(sentence, published))


def _doer_and_action(text: str, start: int, end: int, orgs: list[OrgMention]) -> tuple[str, int, OrgMention | None] | None:
    """"[time phrase,] DOER [do ... làm trưởng đoàn] [đã|vừa] [đến] ACTION ..." in text[start:end]: the doer's
    words, where the action starts and the body the doer is (when the organisation extractor found one there)."""
    voc = _vocab()
    seg = unify_tones(text[start:end])
    if voc.habitual.search(seg):
        return None                                      # a summary of work over time, not one event
    lead = _LEAD.match(seg)
    at = lead.end() if lead else 0
    at += len(seg[at:]) - len(seg[at:].lstrip(" -–:"))
    body = next((o for o in orgs if o.named and o.span.start == start + at), None)
    if body is None and not voc.doer.match(seg, at):
        return None
    mark = _PRESS.search(seg, at)
    for act in voc.actions.finditer(seg, at, min(len(seg), at + 220)):
        if mark is not None and act.start() >= mark.end():   # "Headline (NLĐ)- Ngày 5-3, Sở X thăm ...": the
            return _doer_and_action(text, start + mark.end(), end, orgs)   # doer is after the mark
        if voc.not_actions.match(seg, act.start()):
            continue
        if act.start() > at and (seg[act.start()].isupper()
                                 or voc.action_noun_before.search(seg, max(at, act.start() - 20), act.start())):
            continue                                     # "Ủy ban Kiểm tra", "nơi làm việc của": not an action
        if _EMPLOYED.match(seg, act.start()):
            return None                                  # "Ông X làm việc tại công ty từ năm 1978": a job, not an event
        if _SPEECH.search(seg, at, act.start()):
            return None                                  # "Ông X thừa nhận: “Hôm đấy tôi xuống kiểm tra ...”"
        doer_end = _DOER_END.search(seg, at, act.start())
        doer = text[start + at:start + (doer_end.start() if doer_end else act.start())].strip(" ,-–:")
        if voc.not_doing.search(seg, at, act.start()):
            return None
        if len(doer.split()) < 2:
            continue                                     # "Đoàn giám sát ... đã giám sát ...": the doer's own name
        if body is None and doer_end is None and act.start() - at > 120:
            return None
        return doer, start + act.start(), body
    return None


def _clean_headline(headline: str) -> str:
    title = re.sub(r"\s*:\s*", " ", headline.strip(" .-–|"), count=1)
    if title.isupper():
        title = title[0] + title[1:].lower()
    return title


def _told_event(text: str, sentences: list[Span], headline: str | None, published: date | None,
                own: PartialDate | None, orgs: list[OrgMention], zones: list[tuple[int, int]],
                province: str | None) -> Event | None:
    """The event a report tells only by what a body did: its headline ("Ban Dân tộc tỉnh X làm việc với
    ...", "Tập huấn ...", "Thăm, tặng quà ...") or, failing that, its first sentences ("Ngày 6/7, Sở Y
    do bà Z làm trưởng đoàn đã đi kiểm tra tiến độ ...").  Its date is the opening sentence's, else the
    article's."""
    voc = _vocab()
    at = text.find(headline) if headline else -1
    after = at + len(headline) if headline and at >= 0 else 0   # what comes before the headline is the page's
    opening = [s for s in sentences if s.start >= after][:_OPENING_SENTENCES + 2]
    action_sent: tuple[Span, str, int, OrgMention | None] | None = None
    for sent in opening[:_OPENING_SENTENCES]:
        got = _doer_and_action(text, sent.start, sent.end, orgs)
        if got is not None:
            action_sent = (sent, *got)
            break
    title: str | None = None
    organizer: OrgMention | None = None
    if headline:
        folded = unify_tones(headline)
        place = _PLACE_COLON.match(folded)             # "Gia Lai: Trao 500 suất quà ..." says what after the colon
        at = place.end() if place else 0
        first = voc.actions.match(folded, at) or voc.heads.match(folded, at)
        if (first is not None and not voc.not_actions.match(folded, at)) \
                or _doer_and_action(headline, at, len(headline), []) is not None:
            title = _clean_headline(headline)
    if title is None and action_sent is not None:
        sent, doer, act_at, organizer = action_sent
        rest = text[act_at:sent.end]
        stop = _vocab().activity_stop.search(rest)
        end = stop.start() if stop else len(rest)
        again = rest.find(doer, 1, end)             # a headline glued to its caption: "X thăm A X chúc Tết B"
        title = f"{doer} {rest[:again if again > 0 else end].strip(' ,.-–')}"
    if title is None:
        return None
    sent = action_sent[0] if action_sent else (opening[0] if opening else None)
    if sent is None:
        return None
    when = _event_date(text, sent, sent.start, zones, published, title)
    if when is None or when.day is None:
        for other in (o for o in opening[:3] if len(text[o.start:o.end].split()) >= 8):
            got_date = _event_date(text, other, other.start, zones, published, title)
            if got_date is not None and got_date.day:
                when = got_date
                break
    if own is not None and (when is None or (when.day is None and (when.year, when.month) == (own.year, own.month))):
        when = own                                      # a month the text gives stays, unless the article's day is in it
    if organizer is None and action_sent is not None:
        organizer = action_sent[3]
    span = Span(sent.start, sent.start)
    return Event(title=title, kind=_kind(title, title.split()[0]), span=span, sentence=sent, date=when,
                 organizer=organizer.org if organizer else None, province=province)


def _names_event(descr: str) -> bool:
    """A description that names an event: a kind's cue or a naming word ("tổng kết", "đại biểu", "kỷ
    niệm" ...), a capitalised word, a year or an ordinal; "Đại hội phấn khởi" is talk about one."""
    return any(w[0].isupper() for w in descr.split()) or _vocab().naming.search(fold(descr)) is not None


def _year_hint(title: str) -> date | None:
    """When the article's date is unknown, a day written without a year ("Sáng 29/6") takes the year the
    event's own name gives: the last "năm YYYY" ("tổng kết năm 2018, triển khai nhiệm vụ năm 2019" is held
    early in 2019), else the start of the period it names ("giai đoạn 2021 - 2025")."""
    m = _LAST_NAMED_YEAR.search(title)
    if m:
        return date(int(m.group(1)), 12, 31)
    periods = _PERIOD.findall(title)
    if periods:           # a review is held at its period's end; anything else in its latest period
        year = int(periods[0][1]) if "tổng kết" in fold(title) else max(int(p[0]) for p in periods)
        return date(year, 12, 31)
    years = _ANY_YEAR.findall(title)           # else the last year written ("Tết Nguyên đán Bính Ngọ 2026")
    return date(int(years[-1]), 12, 31) if years else None


def _event_date(text: str, sent: Span, at: int, zones: list[tuple[int, int]], published: date | None,
                title: str = "", fallback: date | None = None) -> PartialDate | None:
    """The date nearest the head in its sentence, outside document references; "Sáng 29/6" counts
    whatever its case (the sentence is searched in lower case, which keeps Vietnamese offsets)."""
    best: PartialDate | None = None
    best_dist = 10**9
    sentence = text[sent.start:sent.end]
    lowered = sentence.lower()
    searched = lowered if len(lowered) == len(sentence) else sentence
    reference = published or _year_hint(title) or _year_hint(sentence) or fallback
    found = [(d.start, d.value) for d in find_dates(searched, reference)]
    for start, value in found + _extra_dates(searched, reference):
        s = sent.start + start
        if any(zs <= s < ze for zs, ze in zones):
            continue
        if value.month is None:
            continue
        dist = abs(s - at) + (0 if s < at else 50)   # a date before the head ("Ngày 17/7, ... tổ chức Hội nghị") first
        if dist < best_dist:
            best, best_dist = value, dist
    return _anniversary_day(best, title, published)


_ANNIVERSARY = re.compile(r"kỷ\s+niệm\s+(\d{1,3})\s+năm", re.IGNORECASE)


def _anniversary_day(when: PartialDate | None, title: str, published: date | None) -> PartialDate | None:
    """"Lễ kỷ niệm 50 năm giải phóng Thủ đô (10/10/1954)": a date N years or more before the report is the day
    commemorated; the ceremony is on its N-th anniversary."""
    m = _ANNIVERSARY.search(title)
    if when is None or m is None or published is None:
        return when
    years = int(m.group(1))
    if years < 2 or when.year > published.year - years + 1:
        return when
    return PartialDate(when.year + years, when.month, when.day)


def _organizer(text: str, sent: Span, at: int, orgs: list[OrgMention]) -> OrgMention | None:
    window = text[max(sent.start, at - 60):at]
    if not _ORGANISE.search(window):
        m = re.search(r"do\s*$", text[max(sent.start, at - 200):at])
        if not m:
            return None
    candidates = [o for o in orgs if sent.start <= o.span.start and o.span.end <= at and o.named]
    return candidates[-1] if candidates else None


_WORD = re.compile(r"\w+")


def _same(a: Event, b: Event) -> bool:
    """Two mentions of one event: one title inside the other, or (whatever the kinds) nearly all the shorter
    title's words in the longer one ("ký kết chương trình phối hợp giai đoạn 2022 - 2025" and "Hội nghị ký kết
    chương trình phối hợp ... giai đoạn 2022-2025"); never two ordinals, two years or two days that differ."""
    fa, fb = fold(a.title), fold(b.title)
    oa, ob = _ORDINAL.search(fa), _ORDINAL.search(fb)
    if oa and ob and oa.group(1).lower() != ob.group(1).lower():
        return False
    ya, yb = _YEAR.findall(fa), _YEAR.findall(fb)
    if a.date and b.date and a.date.day and b.date.day and a.date != b.date:
        return False
    if ya and yb and ya[-1] != yb[-1] and a.kind != b.kind:
        return False
    short_t, long_t = sorted((fa, fb), key=len)
    # across kinds only when the shorter opens the longer ("ký kết ..." in "Hội nghị ký kết ..."), not when
    # the longer speaks about it ("Họp báo cung cấp thông tin về Đại hội ...")
    leads = a.kind == b.kind or short_t.split(" ", 1)[0] in long_t.split(" ")[:3]
    if short_t in long_t:
        return leads
    short, long = set(_WORD.findall(short_t)), set(_WORD.findall(long_t))
    if leads and len(short) >= 4 and len(short & long) >= 0.85 * len(short):
        return True
    if a.kind != b.kind:
        return False
    if oa and ob:
        return True
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
                if not f.told and (k.told or len(ev.title) > len(kept.title)):
                    kept.title, kept.span, k.told = ev.title, ev.span, False
                kept.date = kept.date or ev.date
                kept.organizer = kept.organizer or ev.organizer
                k.reference = k.reference and f.reference
                break
        else:
            merged.append(f)
    return merged


def _one_election(found: list[_Found]) -> list[_Found]:
    """An article reports one election (its later mentions say more about it, not another one), unless
    another is held in another year ("bầu cử bổ sung" years after the general election); the election of a
    committee at a congress the article reports is part of that congress (one meeting is one event)."""
    out: list[_Found] = []
    years: set[int | None] = set()
    congress = any(f.event.kind == "dai-hoi" and not f.reference for f in found)
    for f in found:
        if fold(f.event.title).startswith(_ELECTION):
            if congress and _COMMITTEE.search(f.event.title):
                continue
            ev = f.event
            year = ev.date.year if ev.date is not None else None
            if years and (year is None or year in years):
                continue
            years.add(year)
        out.append(f)
    return out


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
