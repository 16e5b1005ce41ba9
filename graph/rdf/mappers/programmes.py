"""Programmes, projects and schemes (dt:Programme): one node per key, named by the longest name written."""

from __future__ import annotations

from pyoxigraph import Literal

from graph.extract.programmes import canonical
from graph.rdf.article_graph import vi
from graph.rdf.mappers.context import MapContext
from graph.rdf.namespaces import DCAT, DCTERMS, DT, SKOS, XSD, A, data_iri
from graph.text.normalize import unify_tones


def map_programmes(c: MapContext) -> None:
    """Every mention gets its phrase; the node takes the longest name written, the others are altLabels."""
    g = c.g
    pref: dict[str, str] = {}
    longest: dict[str, str] = {}
    for pg in c.facts.programmes:
        if len(pg.name) > len(longest.get(pg.key, "")):
            longest[pg.key] = pg.name
    for pg in c.facts.programmes:
        iri = data_iri(f"programme/{pg.key}")
        c.prog_iris[pg.key] = iri
        if g.once(f"prog {pg.key}"):
            _key, label, _kind = canonical(longest[pg.key])
            g.add(iri, A, DT.Programme)
            name = label or longest[pg.key]
            pref[pg.key] = unify_tones(name[:1].upper() + name[1:])
            g.add(iri, SKOS.prefLabel, vi(pref[pg.key]))
            g.key(iri, pref[pg.key])
            g.add(iri, DT.programmeKind, g.concept("progkind", pg.kind))
            if pg.start_year and pg.end_year:
                period = data_iri(f"programme/{pg.key}/period-{pg.start_year}-{pg.end_year}")
                g.add(iri, DCTERMS.temporal, period)
                g.add(period, A, DCTERMS.PeriodOfTime)
                g.add(period, DCAT.startDate, Literal(str(pg.start_year), datatype=XSD.gYear))
                g.add(period, DCAT.endDate, Literal(str(pg.end_year), datatype=XSD.gYear))
        if pg.name != pref[pg.key]:   # SKOS S13: prefLabel and altLabel are disjoint
            g.add(iri, SKOS.altLabel, vi(pg.name))
        g.evidence(iri, pg.sentence)
        g.phrase(pg.span, pg.sentence, iri)
        for number in pg.approved_by:
            if number in c.doc_iris:
                g.add(iri, DT.approvedBy, c.doc_iris[number])
