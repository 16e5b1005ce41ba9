"""One article's named graph under construction: nodes emitted once, evidence and NIF offsets.

The fact mappers (graph/rdf/mappers/) add to an :class:`ArticleGraph`; the shared nodes (bodies, people,
places, concepts, sentences) are minted here so every mapper names them the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any, Protocol

from pyoxigraph import Literal, NamedNode, Quad, Triple

from graph.extract.facts import OrgRef, Span
from graph.rdf import vocab
from graph.rdf.namespaces import (
    DCTERMS,
    DT,
    FOAF,
    ITSRDF,
    NIF,
    ORG,
    PROV,
    SCHEMA,
    SKOS,
    XSD,
    A,
    data_iri,
)
from graph.resolve import keys
from graph.text.dates import PartialDate
from graph.text.lookup import lookup_key
from graph.text.normalize import unify_tones


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


def integer(n: int, dtype: NamedNode = XSD.nonNegativeInteger) -> Literal:
    return Literal(str(n), datatype=dtype)


def vi(text: str) -> Literal:
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
        #: the vocabulary keys (graph.rdf.vocab) this article uses: written once per build, not in its graph
        self.vocabulary: set[str] = set()
        self.bodies: dict[str, OrgRef] = {}   # org key -> the body, for the reference data about bodies (changes)
        self._org_key, self._parent_of, self._place, self._guide_of = org_key, parent_of, place, guide_of

    # -- low level ---------------------------------------------------------------------------------
    def add(self, s: NamedNode, p: NamedNode, o: Any) -> None:
        self._triples[(s, p, o)] = None

    @property
    def quads(self) -> list[Quad]:
        g = self.iri
        return [Quad(s, p, o, g) for s, p, o in self._triples]

    def quads_of(self, predicates: Collection[str]) -> list[Quad]:
        """The article's quads whose predicate is one of ``predicates`` (IRIs) and whose subject is an IRI."""
        g = self.iri
        return [Quad(s, p, o, g) for s, p, o in self._triples if p.value in predicates and isinstance(s, NamedNode)]

    @property
    def triples(self) -> list[Triple]:
        """The article's triples without its graph name (what an in-memory union needs)."""
        return [Triple(s, p, o) for s, p, o in self._triples]

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
        """A concept of a scheme: a known one (and its scheme) is only listed in :attr:`vocabulary`, for the
        build to write once into the vocabulary graph; one outside the scheme keeps its triples here."""
        iri = vocab.concept_iri(scheme, notation)
        if self.once(f"concept {scheme} {notation}"):
            self.vocabulary.add(scheme)
            if vocab.is_known(scheme, notation):
                self.vocabulary.add(f"{scheme}/{notation}")
            else:
                for s, p, o in vocab.concept_own_triples(scheme, notation, vi):
                    self.add(s, p, o)  # type: ignore[arg-type]
        return iri

    def sentence(self, span: Span) -> NamedNode:
        iri = NamedNode(f"{self.iri.value}#char={span.start},{span.end}")
        if self.once(f"s {span.start} {span.end}"):
            self.add(iri, A, NIF.Sentence)
            self.add(iri, A, NIF.OffsetBasedString)
            self.add(iri, NIF.referenceContext, self.iri)
            self.add(iri, NIF.beginIndex, integer(span.start))
            self.add(iri, NIF.endIndex, integer(span.end))
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
            self.add(iri, NIF.beginIndex, integer(span.start))
            self.add(iri, NIF.endIndex, integer(span.end))
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
            self.add(iri, SKOS.prefLabel, vi(info.name))
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
            self.bodies[key] = ref
            self.add(iri, A, ORG.Organization)
            self.add(iri, SKOS.prefLabel, vi(unify_tones(ref.label)))
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
