"""Numbered documents and the links between them (legal basis, implementation).

A normative act is an eli:LegalResource with eli:type_document; a plan, report, letter or Party document is an
eli:Work with eli:work_type (ELI-EP's non-normative work; graph/rdf/works.py decides, data/works.yaml says why).
Both take their type from the one scheme dtk:doctype, whose concepts are eli:ResourceType and eli:WorkType."""

from __future__ import annotations

import re

from pyoxigraph import Literal, NamedNode

from graph.extract.facts import DocumentMention
from graph.rdf.article_graph import date_literal, vi
from graph.rdf.mappers.context import MapContext
from graph.rdf.namespaces import DCTERMS, DT, ELI, SKOS, A, data_iri
from graph.rdf.works import is_work
from graph.resolve import keys
from graph.text.normalize import slug


def map_documents(c: MapContext) -> None:
    g = c.g
    for dm in c.facts.documents:
        scope = keys.document_scope(dm.issuer, dm.number, g.scope)
        iri = data_iri(f"doc/{keys.document_key(dm.number, scope, dm.kind)}")
        c.doc_iris[dm.number] = iri
        if g.once(f"doc {iri.value}"):
            notation = slug(dm.kind, 40)
            work = is_work(notation, dm.number)
            g.add(iri, A, ELI.Work if work else ELI.LegalResource)
            g.add(iri, ELI.id_local, Literal(dm.number))
            g.key(iri, dm.number)
            g.add(iri, ELI.work_type if work else ELI.type_document, g.concept("doctype", notation, dm.kind))
            g.add(iri, SKOS.prefLabel, vi(f"{dm.kind} {dm.number}"))
            if dm.date and dm.date.day:
                g.add(iri, ELI.date_document, date_literal(dm.date))
            elif dm.date:   # only a year or month is known: eli:date_document is a full xsd:date
                g.add(iri, DCTERMS.date, date_literal(dm.date))
            if dm.issuer is not None:
                g.add(iri, ELI.passed_by, g.org(dm.issuer, dm.sentence))
            if dm.subject:
                g.add(iri, DT.subject, vi(dm.subject))
        g.evidence(iri, dm.sentence)
        g.phrase(dm.span, dm.sentence, iri)
    for dm in c.facts.documents:
        for basis in dm.based_on:
            if basis in c.doc_iris and basis != dm.number:
                g.add(c.doc_iris[dm.number], basis_link(c.text, dm, basis), c.doc_iris[basis])


# "căn cứ X": X is the legal basis (eli:based_on); "thực hiện / triển khai / cụ thể hóa / hướng dẫn /
# theo X": the document carries X out (eli:ensures_implementation_of), ELI's meaning of each term.
_LEGAL_BASIS_CUE = re.compile(r"(?<!\w)căn cứ(?!\w)", re.IGNORECASE)
_IMPLEMENTS_CUE = re.compile(r"(?<!\w)(?:thực hiện|triển khai|cụ thể hóa|cụ thể hoá|hướng dẫn)(?!\w)", re.IGNORECASE)


def basis_link(text: str, dm: DocumentMention, basis: str) -> NamedNode:
    """eli:based_on for a legal basis, eli:ensures_implementation_of for a document it implements.

    The words between the document and the one it cites decide; the last cue before the cited number wins
    ("Kế hoạch thực hiện Chỉ thị ..., căn cứ Nghị quyết ..." links each by its own cue)."""
    lo, hi = dm.span.end, dm.sentence.end
    at = text.find(basis, lo, hi)
    gap = text[lo:at] if at >= 0 else text[lo:hi]
    basis_at = max((m.end() for m in _LEGAL_BASIS_CUE.finditer(gap)), default=-1)
    implements_at = max((m.end() for m in _IMPLEMENTS_CUE.finditer(gap)), default=-1)
    return ELI.based_on if basis_at > implements_at else ELI.ensures_implementation_of
