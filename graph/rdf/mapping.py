"""One article's facts -> the quads of its named graph (docs/MODEL.md is the spec).

Everything an article asserts goes into the graph named by the article's IRI, including the type and
label of shared nodes (bodies, people, documents), so that removing the article removes exactly what
it said, and the union of graphs is the knowledge graph.  IRIs come from normalised keys only
(graph.resolve.keys, graph.resolve.orgs.org_key); no text from the article reaches an IRI unslugged.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import yaml
from pyoxigraph import Literal, NamedNode, Quad

from graph import __version__
from graph.extract.facts import ArticleFacts, DocumentMention, Figure, OrgRef, Span
from graph.extract.programmes import canonical
from graph.rdf import vocab
from graph.rdf.attestation import attested_now
from graph.rdf.namespaces import (
    DCAT,
    DCTERMS,
    DT,
    ELI,
    ELIDL,
    FOAF,
    ITSRDF,
    NIF,
    ORG,
    PROV,
    QB,
    SCHEMA,
    SDMX_A,
    SDMX_D,
    SDMX_M,
    SKOS,
    TIME,
    XSD,
    A,
    data_iri,
)
from graph.resolve import keys, people
from graph.text.dates import PartialDate
from graph.text.lookup import lookup_key
from graph.text.normalize import slug, unify_tones


class ArticleLike(Protocol):
    source: str
    text: str
    title: str | None
    published: Any
    authors: list[str]
    url: str | None
    sha1: str


class PlaceInfo(Protocol):
    slug: str
    name: str
    code: str


def date_literal(value: PartialDate) -> Literal:
    """xsd:date, xsd:gYearMonth or xsd:gYear by how much the text said."""
    if value.day:
        return Literal(value.iso(), datatype=XSD.date)
    if value.month:
        return Literal(value.iso(), datatype=XSD.gYearMonth)
    return Literal(value.iso(), datatype=XSD.gYear)


def _int(n: int, dtype: NamedNode = XSD.nonNegativeInteger) -> Literal:
    return Literal(str(n), datatype=dtype)


def _vi(text: str) -> Literal:
    return Literal(text, language="vi")


class ArticleGraph:
    """Collects the quads of one article's graph; nodes are emitted once per article."""

    def __init__(
        self,
        article: ArticleLike,
        org_key: Callable[[OrgRef, str], str],
        parent_of: Callable[[OrgRef], OrgRef | None],
        place: Callable[[str], PlaceInfo | None],
        guide_of: Callable[[OrgRef], OrgRef | None] = lambda o: None,
    ) -> None:
        self.article = article
        self.h16 = keys.article_id(article.sha1)
        self.scope = keys.article_scope(article.sha1)
        self.iri = data_iri(f"article/{self.h16}")
        self._triples: dict[tuple[Any, Any, Any], None] = {}   # insertion-ordered set of the graph's triples
        self._done: set[str] = set()
        self._org_key, self._parent_of, self._place, self._guide_of = org_key, parent_of, place, guide_of

    # -- low level ---------------------------------------------------------------------------------
    def add(self, s: NamedNode, p: NamedNode, o: Any) -> None:
        self._triples[(s, p, o)] = None

    @property
    def quads(self) -> list[Quad]:
        g = self.iri
        return [Quad(s, p, o, g) for s, p, o in self._triples]

    def once(self, key: str) -> bool:
        """True the first time ``key`` is seen in this article (emit a node's own triples once)."""
        if key in self._done:
            return False
        self._done.add(key)
        return True

    def key(self, node: NamedNode, name: str) -> None:
        """``dt:key``: the folded name a stored question's parameter is looked up by (graph.text.lookup)."""
        self.add(node, DT.key, Literal(lookup_key(name)))

    def concept(self, scheme: str, notation: str, vi: str | None = None) -> NamedNode:
        iri = vocab.concept_iri(scheme, notation)
        if self.once(f"concept {scheme} {notation}"):
            for s, p, o in vocab.concept_triples(scheme, notation, vi):
                self.add(s, p, o)  # type: ignore[arg-type]
        return iri

    def sentence(self, span: Span) -> NamedNode:
        iri = NamedNode(f"{self.iri.value}#char={span.start},{span.end}")
        if self.once(f"s {span.start} {span.end}"):
            self.add(iri, A, NIF.Sentence)
            self.add(iri, A, NIF.OffsetBasedString)
            self.add(iri, NIF.referenceContext, self.iri)
            self.add(iri, NIF.beginIndex, _int(span.start))
            self.add(iri, NIF.endIndex, _int(span.end))
            self.add(iri, NIF.anchorOf, Literal(span.of(self.article.text)))
        return iri

    def evidence(self, node: NamedNode, sentence: Span) -> None:
        self.add(node, PROV.wasInfluencedBy, self.sentence(sentence))

    def phrase(self, span: Span, sentence: Span, entity: NamedNode) -> None:
        """The words naming ``entity`` (NIF entity linking) and the 1-hop schema:mentions shortcut."""
        if span == sentence or span.end <= span.start or not (sentence.start <= span.start and span.end <= sentence.end):
            # no words of its own inside one sentence (e.g. a number broken over a page header): mention only
            self.add(self.iri, SCHEMA.mentions, entity)
            return
        iri = NamedNode(f"{self.iri.value}#char={span.start},{span.end}")
        if self.once(f"p {span.start} {span.end}"):
            self.add(iri, A, NIF.Phrase)
            self.add(iri, A, NIF.OffsetBasedString)
            self.add(iri, NIF.referenceContext, self.iri)
            self.add(iri, NIF.sentence, self.sentence(sentence))
            self.add(iri, NIF.beginIndex, _int(span.start))
            self.add(iri, NIF.endIndex, _int(span.end))
            self.add(iri, NIF.anchorOf, Literal(span.of(self.article.text)))
        self.add(iri, ITSRDF.taIdentRef, entity)
        self.add(self.iri, SCHEMA.mentions, entity)

    # -- nodes -------------------------------------------------------------------------------------
    def place(self, province: str | None) -> NamedNode | None:
        if not province:
            return None
        info = self._place(province)
        if info is None:
            return None
        iri = data_iri(f"place/{info.slug}")
        if self.once(f"place {info.slug}"):
            self.add(iri, A, DT.Province)
            self.add(iri, SKOS.prefLabel, _vi(info.name))
            self.key(iri, info.name)
            if getattr(info, "code", None):
                self.add(iri, DCTERMS.identifier, Literal(info.code))
            successor = getattr(info, "merged_into", None)
            if successor and successor != info.slug:
                nxt = self.place(successor)
                if nxt is not None:
                    self.add(iri, DT.mergedInto, nxt)
        return iri

    def org(self, ref: OrgRef, sentence: Span, span: Span | None = None, depth: int = 0) -> NamedNode:
        key = self._org_key(ref, self.scope)
        iri = data_iri(f"org/{key}")
        if self.once(f"org {key}"):
            self.add(iri, A, ORG.Organization)
            self.add(iri, SKOS.prefLabel, _vi(unify_tones(ref.label)))
            self.key(iri, ref.label)
            self.add(iri, ORG.classification, self.concept("orgkind", ref.kind))
            where = self.place(ref.province)
            if where is not None:
                self.add(iri, DCTERMS.spatial, where)
            if depth < 4:
                parent = self._parent_of(ref)
                if parent is not None and self._org_key(parent, self.scope) != key:
                    self.add(iri, ORG.subOrganizationOf, self.org(parent, sentence, None, depth + 1))
                guide = self._guide_of(ref)
                if guide is not None and self._org_key(guide, self.scope) != key:
                    self.add(iri, DT.guidedBy, self.org(guide, sentence, None, depth + 1))
        self.evidence(iri, sentence)
        if span is not None:
            self.phrase(span, sentence, iri)
        return iri

    def person(self, name: str, scope: str, sentence: Span, span: Span | None) -> NamedNode:
        name = unify_tones(name)
        iri = data_iri(f"person/{keys.person_key(name, scope)}")
        if self.once(f"person {iri.value}"):
            self.add(iri, A, FOAF.Person)
            self.add(iri, A, SCHEMA.Person)
            self.add(iri, FOAF.name, Literal(name))
            self.key(iri, name)
        self.evidence(iri, sentence)
        if span is not None:
            self.phrase(span, sentence, iri)
        return iri


def build_article_graph(
    article: ArticleLike,
    facts: ArticleFacts,
    *,
    org_key: Callable[[OrgRef, str], str],
    parent_of: Callable[[OrgRef], OrgRef | None],
    place: Callable[[str], PlaceInfo | None],
    guide_of: Callable[[OrgRef], OrgRef | None] = lambda o: None,
) -> ArticleGraph:
    g = ArticleGraph(article, org_key, parent_of, place, guide_of)
    art = g.iri
    text = article.text
    published = PartialDate.from_date(article.published) if article.published else None

    # the article
    g.add(art, A, SCHEMA.NewsArticle)
    g.add(art, A, NIF.Context)
    g.add(art, DCTERMS.identifier, Literal(article.source))
    g.add(art, DT.sha1, Literal(article.sha1))
    g.add(art, DT.extractorVersion, Literal(__version__))
    # NIF 2.0: a context carries its text, so every offset can be checked in SPARQL alone
    g.add(art, NIF.isString, Literal(text))
    g.add(art, NIF.beginIndex, _int(0))
    g.add(art, NIF.endIndex, _int(len(text)))
    if article.title:
        g.add(art, SCHEMA.headline, _vi(article.title))
    if published:
        g.add(art, SCHEMA.datePublished, date_literal(published))
    url = _safe_url(article.url)
    if url is not None:
        g.add(art, SCHEMA.url, url)
    where = g.place(facts.province)
    if where is not None:
        g.add(art, SCHEMA.contentLocation, where)
    scopes = people.person_scopes(facts, text, g.scope)     # one node per name in the article

    def scope_of(name: str, default: str) -> str:
        return scopes.get(people.name_key(name), default)

    for author in article.authors:
        hits = list(re.finditer(re.escape(author), text, re.IGNORECASE))   # bylines are often in capitals
        at = hits[-1].start() if hits else -1
        sent = _line_of(text, at) if at >= 0 else None
        if sent is None:
            continue
        node = g.person(author, scope_of(author, facts.province or g.scope), sent, None)
        g.add(art, SCHEMA.author, node)

    # bodies named in the text
    for om in facts.organizations:
        g.org(om.org, om.sentence, om.span if om.named else None)

    # legal documents
    doc_iris: dict[str, NamedNode] = {}
    for dm in facts.documents:
        scope = keys.document_scope(dm.issuer, dm.number, g.scope)
        iri = data_iri(f"doc/{keys.document_key(dm.number, scope)}")
        doc_iris[dm.number] = iri
        if g.once(f"doc {iri.value}"):
            g.add(iri, A, ELI.LegalResource)
            g.add(iri, ELI.id_local, Literal(dm.number))
            g.key(iri, dm.number)
            g.add(iri, ELI.type_document, g.concept("doctype", slug(dm.kind, 40), dm.kind))
            g.add(iri, SKOS.prefLabel, _vi(f"{dm.kind} {dm.number}"))
            if dm.date and dm.date.day:
                g.add(iri, ELI.date_document, date_literal(dm.date))
            elif dm.date:   # only a year or month is known: eli:date_document is a full xsd:date
                g.add(iri, DCTERMS.date, date_literal(dm.date))
            if dm.issuer is not None:
                g.add(iri, ELI.passed_by, g.org(dm.issuer, dm.sentence))
            if dm.subject:
                g.add(iri, DT.subject, _vi(dm.subject))
        g.evidence(iri, dm.sentence)
        g.phrase(dm.span, dm.sentence, iri)
    for dm in facts.documents:
        for basis in dm.based_on:
            if basis in doc_iris and basis != dm.number:
                g.add(doc_iris[dm.number], _basis_link(text, dm, basis), doc_iris[basis])

    # programmes (every mention gets its phrase; the node takes the longest name written)
    prog_iris: dict[str, NamedNode] = {}
    pref: dict[str, str] = {}
    longest: dict[str, str] = {}
    for pg in facts.programmes:
        if len(pg.name) > len(longest.get(pg.key, "")):
            longest[pg.key] = pg.name
    for pg in facts.programmes:
        iri = data_iri(f"programme/{pg.key}")
        prog_iris[pg.key] = iri
        if g.once(f"prog {pg.key}"):
            _key, label, _kind = canonical(longest[pg.key])
            g.add(iri, A, DT.Programme)
            name = label or longest[pg.key]
            pref[pg.key] = unify_tones(name[:1].upper() + name[1:])
            g.add(iri, SKOS.prefLabel, _vi(pref[pg.key]))
            g.key(iri, pref[pg.key])
            g.add(iri, DT.programmeKind, g.concept("progkind", pg.kind))
            if pg.start_year and pg.end_year:
                period = data_iri(f"programme/{pg.key}/period-{pg.start_year}-{pg.end_year}")
                g.add(iri, DCTERMS.temporal, period)
                g.add(period, A, DCTERMS.PeriodOfTime)
                g.add(period, DCAT.startDate, Literal(str(pg.start_year), datatype=XSD.gYear))
                g.add(period, DCAT.endDate, Literal(str(pg.end_year), datatype=XSD.gYear))
        if pg.name != pref[pg.key]:   # SKOS S13: prefLabel and altLabel are disjoint
            g.add(iri, SKOS.altLabel, _vi(pg.name))
        g.evidence(iri, pg.sentence)
        g.phrase(pg.span, pg.sentence, iri)
        for number in pg.approved_by:
            if number in doc_iris:
                g.add(iri, DT.approvedBy, doc_iris[number])

    # people and the posts they hold
    memberships: dict[int, NamedNode] = {}
    for idx, pm in enumerate(facts.persons):
        person = g.person(pm.name, scope_of(pm.name, g.scope), pm.sentence, pm.span)
        for post in pm.posts:
            role = g.concept("role", vocab.role_notation(post.role), post.role)
            org = g.org(post.org, pm.sentence) if post.org is not None else None
            post_iri = None
            if post.org is not None and org is not None:
                okey = org_key(post.org, g.scope)
                post_iri = data_iri(f"post/{okey}/{vocab.role_notation(post.role)}")
                if g.once(f"post {post_iri.value}"):
                    g.add(post_iri, A, ORG.Post)
                    g.add(post_iri, SKOS.prefLabel, _vi(f"{post.role} – {unify_tones(post.org.label)}"))
                    g.add(post_iri, ORG.postIn, org)
                    g.add(post_iri, ORG.role, role)
                g.evidence(post_iri, pm.sentence)
                g.add(person, ORG.holds, post_iri)
            mkey = keys.digest(person.value, post_iri.value if post_iri else post.role, post.title)
            m = data_iri(f"membership/{g.h16}/{mkey}")
            memberships.setdefault(idx, m)
            if g.once(f"m {mkey}"):
                g.add(m, A, ORG.Membership)
                g.add(m, ORG.member, person)
                g.add(m, ORG.role, role)
                if org is not None and post_iri is not None:
                    g.add(m, ORG.organization, org)
                    g.add(m, DT.post, post_iri)
                g.add(m, DT.postTitle, _vi(post.title))
                if pm.title:
                    g.add(m, DT.statedTitle, _vi(pm.title))
                if published and published.day and article.published is not None and attested_now(
                        text[pm.sentence.start:pm.sentence.end], pm.title, article.published):
                    g.add(m, DT.attestedOn, date_literal(published))
                    during = data_iri(f"membership/{g.h16}/{mkey}-during")
                    instant = data_iri(f"instant/{published.iso()}")
                    g.add(m, ORG.memberDuring, during)
                    g.add(during, A, TIME.Interval)
                    g.add(during, TIME.inside, instant)
                    g.add(instant, A, TIME.Instant)
                    g.add(instant, TIME.inXSDDate, date_literal(published))
            g.evidence(m, pm.sentence)

    person_index = {id(pm): i for i, pm in enumerate(facts.persons)}

    # events
    n_part = n_award = 0
    for n, ev in enumerate(facts.events):
        if ev.organizer is not None and ev.date is not None and ev.date.day:
            iri = data_iri(f"event/{org_key(ev.organizer, g.scope)}/{ev.kind}/{ev.date.iso()}")
        else:
            iri = data_iri(f"event/{g.h16}/{n}")
        if g.once(f"ev {iri.value}"):
            g.add(iri, A, SCHEMA.Event)
            g.add(iri, DT.eventKind, g.concept("eventkind", ev.kind))
        g.add(iri, SCHEMA.name, _vi(ev.title))
        g.key(iri, ev.title)
        g.evidence(iri, ev.sentence)
        if ev.date is not None:
            g.add(iri, SCHEMA.startDate, date_literal(ev.date))
            if not _states_date(text, ev.sentence, ev.date, article.published):
                # the sentence does not give the date: say where it comes from (the report's own date)
                g.add(iri, DT.dateInferredFrom, art)
        if ev.organizer is not None:
            g.add(iri, SCHEMA.organizer, g.org(ev.organizer, ev.sentence))
        where = g.place(ev.province)
        if where is not None:
            g.add(iri, SCHEMA.location, where)
        for number in ev.documents:
            if number in doc_iris:
                g.add(iri, SCHEMA.about, doc_iris[number])
        for key in ev.programmes:
            if key in prog_iris:
                g.add(iri, SCHEMA.about, prog_iris[key])
        for part in ev.participations:
            p = data_iri(f"participation/{g.h16}/{n_part}")
            n_part += 1
            g.add(iri, ELIDL.had_participation, p)
            g.add(p, A, ELIDL.Participation)
            g.add(p, ELIDL.participation_role, g.concept("prole", part.role))
            g.evidence(p, part.sentence)
            if part.person is not None:
                pm = part.person
                person = g.person(pm.name, scope_of(pm.name, g.scope), pm.sentence, None)
                g.add(p, ELIDL.had_participant_person, person)
                g.add(iri, SCHEMA.attendee, person)
                m = memberships.get(person_index.get(id(pm), -1))
                if m is not None:
                    g.add(p, DT.inCapacityOf, m)
            elif part.org is not None:
                g.add(p, ELIDL.had_participant_organization, g.org(part.org, part.sentence))
        for aw in ev.awards:
            a = data_iri(f"award/{g.h16}/{n_award}")
            n_award += 1
            g.add(a, A, DT.AwardConferral)
            g.add(a, DT.atEvent, iri)
            g.add(a, DT.awardName, _vi(aw.award))
            if aw.giver is not None:
                g.add(a, DT.conferredBy, g.org(aw.giver, aw.sentence))
            if aw.collectives is not None:
                g.add(a, DT.collectiveCount, _int(aw.collectives))
            if aw.individuals is not None:
                g.add(a, DT.individualCount, _int(aw.individuals))
            g.evidence(a, aw.sentence)
            for counted, n in (("tập thể", aw.collectives), ("cá nhân", aw.individuals)):
                stated = _count_sentence(text, facts.figures, counted, n, aw.sentence)
                if stated is not None:   # the counts are in another sentence than the award's words
                    g.evidence(a, stated)

    # figures
    dataset = data_iri("dataset/reported-figures")
    if facts.figures:
        g.add(dataset, A, QB.DataSet)
        g.add(dataset, QB.structure, DT["dsd-reported-figures"])
        g.add(dataset, SKOS.prefLabel, _vi("Số liệu nêu trong các báo cáo"))
    for fig in facts.figures:
        _figure(g, fig, dataset, prog_iris)
    return g


# "căn cứ X": X is the legal basis (eli:based_on); "thực hiện / triển khai / cụ thể hóa / hướng dẫn /
# theo X": the document carries X out (eli:ensures_implementation_of), ELI's meaning of each term.
_LEGAL_BASIS_CUE = re.compile(r"(?<!\w)căn cứ(?!\w)", re.IGNORECASE)
_IMPLEMENTS_CUE = re.compile(r"(?<!\w)(?:thực hiện|triển khai|cụ thể hóa|cụ thể hoá|hướng dẫn)(?!\w)", re.IGNORECASE)


def _basis_link(text: str, dm: DocumentMention, basis: str) -> NamedNode:
    """eli:based_on for a legal basis, eli:ensures_implementation_of for a document it implements.

    The words between the document and the one it cites decide; the last cue before the cited number wins
    ("Kế hoạch thực hiện Chỉ thị ..., căn cứ Nghị quyết ..." links each by its own cue)."""
    lo, hi = dm.span.end, dm.sentence.end
    at = text.find(basis, lo, hi)
    gap = text[lo:at] if at >= 0 else text[lo:hi]
    basis_at = max((m.end() for m in _LEGAL_BASIS_CUE.finditer(gap)), default=-1)
    implements_at = max((m.end() for m in _IMPLEMENTS_CUE.finditer(gap)), default=-1)
    return ELI.based_on if basis_at > implements_at else ELI.ensures_implementation_of


@cache
def _indicator_rules() -> tuple[list[tuple[str, re.Pattern[str], str, bool]], dict[str, str]]:
    raw = yaml.safe_load((Path(__file__).resolve().parent.parent / "data" / "indicators.yaml").read_text(encoding="utf-8"))
    rules = [(r["unit"], re.compile(r["cue"]), r["indicator"], r.get("where") == "before") for r in raw["rules"]]
    return rules, raw["fallback"]


def _is_people(fig: Figure, text: str) -> bool:
    """"280.000 đồng bào": the reader took "đồng" for the currency; "đồng bào" (compatriots) counts people."""
    return fig.unit == "VND" and re.match(r"\s*bào(?!\w)", text[fig.span.end:fig.span.end + 8]) is not None


def _indicator(fig: Figure, text: str, unit: str) -> tuple[str, str | None]:
    """The code of what a figure measures (graph/data/indicators.yaml), and a label for a minted count code."""
    rules, fallback = _indicator_rules()
    if unit == "count" and fig.unit == "VND":   # "đồng bào" read as money
        return "persons", None
    words = unify_tones(f"{fig.measure or ''} | {fig.counted or ''}".lower())
    before = unify_tones(text[max(fig.sentence.start, fig.span.start - 16):fig.span.start].lower())
    for rule_unit, cue, code, on_before in rules:
        if rule_unit == unit and cue.search(before if on_before else words):
            return code, None
    if unit == "count" and fig.counted:
        return f"count-{slug(fig.counted, 40)}", f"Số {fig.counted}"
    return fallback[unit], None


# sdmx-dimension:refPeriod takes a time interval: the UK reference intervals the Data Cube spec's examples use
_INTERVAL = "http://reference.data.gov.uk/id/"


def period_iri(value: PartialDate) -> NamedNode:
    if value.day:
        return NamedNode(f"{_INTERVAL}day/{value.iso()}")
    if value.month:
        return NamedNode(f"{_INTERVAL}month/{value.iso()}")
    return NamedNode(f"{_INTERVAL}year/{value.iso()}")


def _figure(g: ArticleGraph, fig: Figure, dataset: NamedNode, prog_iris: dict[str, NamedNode]) -> None:
    text = g.article.text
    unit = "count" if _is_people(fig, text) else fig.unit
    code, label = _indicator(fig, text, unit)
    iri = data_iri(f"figure/{g.h16}/{fig.span.start}")
    g.add(iri, A, QB.Observation)
    g.add(iri, QB.dataSet, dataset)
    concept = g.concept("indicator", code, label)
    if label is not None:   # a count code minted from the noun counted: its English label quotes the noun
        g.add(concept, SKOS.prefLabel, Literal(f"Number of “{fig.counted}”", language="en"))
    g.add(iri, DT.indicator, concept)
    value = f"{fig.value:.6f}".rstrip("0").rstrip(".")
    g.add(iri, SDMX_M.obsValue, Literal(value, datatype=XSD.decimal))
    g.add(iri, SDMX_A.unitMeasure, g.concept("unit", unit))
    g.add(iri, DT.surfaceText, Literal(fig.text))
    if fig.measure:
        g.add(iri, DT.measureText, _vi(fig.measure))
    if fig.counted:
        g.add(iri, DT.countedText, _vi(fig.counted))
    # every dimension on every observation (Data Cube IC-11): an explicit "unknown" when the text gives none
    where = g.place(fig.province)
    g.add(iri, SDMX_D.refArea, where if where is not None else DT.unknownArea)
    g.add(iri, SDMX_D.refPeriod, period_iri(fig.period) if fig.period is not None else DT.unknownPeriod)
    g.add(iri, DT.isTarget, Literal("true" if fig.target else "false", datatype=XSD.boolean))
    # the words that state the figure: the statement is a dimension, so two statements (two reports, or two
    # figures of one sentence with the same indicator, place and period) are two observations (IC-12)
    g.phrase(fig.span, fig.sentence, iri)
    inside = fig.sentence.start <= fig.span.start < fig.span.end <= fig.sentence.end and fig.span != fig.sentence
    stated = NamedNode(f"{g.iri.value}#char={fig.span.start},{fig.span.end}") if inside else g.sentence(fig.sentence)
    g.add(iri, DT.statedIn, stated)
    if fig.deadline is not None:
        g.add(iri, DT.deadline, date_literal(fig.deadline))
    if fig.programme and fig.programme in prog_iris:
        g.add(iri, DT.programme, prog_iris[fig.programme])
    g.evidence(iri, fig.sentence)


def _states_date(text: str, sentence: Span, value: PartialDate, published: Any) -> bool:
    """True when the sentence writes the date itself (not only the report's publication date stands for it)."""
    from graph.text.dates import find_dates

    words = text[sentence.start:sentence.end]
    if not value.month:   # a year: "năm 2019", "(2019)"
        return re.search(rf"(?<!\d){value.year}(?!\d)", words) is not None
    return any(m.value == value for m in find_dates(words, published))


def _count_sentence(text: str, figures: list[Figure], counted: str, n: int | None, sentence: Span) -> Span | None:
    """The sentence stating "n <counted>" when the award's own sentence does not."""
    if n is None or re.search(rf"(?<!\d){n}\s+{counted}", unify_tones(text[sentence.start:sentence.end])):
        return None
    for fig in figures:
        if fig.unit == "count" and fig.value == n and unify_tones(fig.counted or "").startswith(counted):
            return fig.sentence
    return None


def _safe_url(url: str | None) -> NamedNode | None:
    """The page's URL as an IRI; characters IRIs forbid are percent-encoded, anything unusable is dropped."""
    if not url or not url.startswith(("http://", "https://")):
        return None
    from urllib.parse import quote

    try:
        return NamedNode(quote(url.strip(), safe=":/?#[]@!$&'()*+,;=%-._~"))
    except ValueError:
        return None


def _line_of(text: str, at: int) -> Span | None:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    seg = text[start:end]
    lead = len(seg) - len(seg.lstrip())
    s, e = start + lead, start + len(seg.rstrip())
    return Span(s, e) if e > s else None
