"""What extraction hands to resolution and RDF: plain dataclasses, one per fact kind.

Offsets (``Span``) count characters in ``Article.text`` (NFC), end exclusive, so that a user can
always be shown the exact evidence sentence.  Every fact carries the span of its sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.text.dates import PartialDate


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start:self.end]


@dataclass(frozen=True)
class OrgRef:
    """A body, before it has an IRI.  ``kind`` is a notation of ``data/org_kinds.yaml``."""

    kind: str
    label: str                      # full name, abbreviations expanded, province appended when known
    province: str | None = None     # gazetteer slug ("tra-vinh"); None for national bodies or unknown
    district: str | None = None     # district slug within the province, for huyện-level bodies
    national: bool = False          # one body for the whole country (Quốc hội, Ủy ban Dân tộc ...)


@dataclass
class OrgMention:
    org: OrgRef
    span: Span                      # the words naming it
    sentence: Span
    named: bool = True              # False when only implied (e.g. an issuer decoded from "QĐ-TTg")
    parent: OrgRef | None = None    # the body it belongs to (org:subOrganizationOf)


@dataclass
class DocumentMention:
    kind: str                       # "Nghị quyết", "Quyết định" ... (data/doc_kinds.yaml)
    number: str                     # số hiệu as written minus "số" and spaces: "88/2019/QH14"
    span: Span
    sentence: Span
    date: PartialDate | None = None
    issuer: OrgRef | None = None
    subject: str | None = None      # "về ..." / "phê duyệt ..." as written
    based_on: list[str] = field(default_factory=list)   # numbers of documents it implements / is based on


@dataclass
class Post:
    """One post of a person as stated: role ("Phó Chủ tịch") in a body ("UBND tỉnh Trà Vinh")."""

    role: str                       # role label, e.g. "Trưởng Ban", "Phó Chủ tịch", "Bí thư"
    title: str                      # the post as written: "Phó Chủ tịch UBND tỉnh"
    org: OrgRef | None = None
    body_phrase: str | None = None  # the words naming the body ("UBND tỉnh"), before resolution


@dataclass
class PersonMention:
    name: str                       # without honorifics (Ông, Bà, Đồng chí, Đ/c)
    span: Span
    sentence: Span
    title: str | None = None        # the whole title phrase written next to the name
    posts: list[Post] = field(default_factory=list)
    province: str | None = None     # where the person serves (for the person's key)


@dataclass
class Programme:
    name: str                       # longest form as written
    key: str                        # canonical key: long and short forms share it
    span: Span
    sentence: Span
    kind: str = "chuong-trinh"      # chuong-trinh | de-an | du-an | chinh-sach | ctmtqg
    start_year: int | None = None
    end_year: int | None = None
    approved_by: list[str] = field(default_factory=list)  # document numbers


@dataclass
class Award:
    award: str                      # "Giấy khen", "Bằng khen" ...
    sentence: Span
    giver: OrgRef | None = None
    giver_person: str | None = None # e.g. "Trưởng Ban Dân tộc" when no body is named
    collectives: int | None = None
    individuals: int | None = None


@dataclass
class Participation:
    role: str                       # chair | speaker | participant | reporter
    sentence: Span
    person: PersonMention | None = None
    org: OrgRef | None = None


@dataclass
class Event:
    title: str
    kind: str                       # so-ket | tong-ket | giao-ban | dai-hoi | tap-huan | le | hop | other
    span: Span
    sentence: Span
    date: PartialDate | None = None
    organizer: OrgRef | None = None
    province: str | None = None
    participations: list[Participation] = field(default_factory=list)
    awards: list[Award] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)   # numbers discussed/implemented
    programmes: list[str] = field(default_factory=list)  # programme keys discussed


@dataclass
class Figure:
    value: float
    unit: str                       # VND | percent | count
    text: str                       # as written: "176 tỷ đồng"
    span: Span
    sentence: Span
    measure: str | None = None      # what it measures, as written ("tỷ lệ hộ nghèo dân tộc thiểu số")
    counted: str | None = None      # for counts: the noun counted ("công trình", "người có uy tín")
    period: PartialDate | None = None
    province: str | None = None
    target: bool = False            # a goal ("phấn đấu ... đạt trên 60%") rather than a result
    deadline: PartialDate | None = None
    programme: str | None = None    # programme key when the sentence names one


@dataclass
class ArticleFacts:
    """Everything extracted from one article."""

    province: str | None = None     # the province the article is about (gazetteer slug)
    organizations: list[OrgMention] = field(default_factory=list)
    documents: list[DocumentMention] = field(default_factory=list)
    persons: list[PersonMention] = field(default_factory=list)
    programmes: list[Programme] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
