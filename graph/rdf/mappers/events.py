"""Events (eli-dl:Activity, also schema:Event): kind, date, organiser, place, what they were about, who took
part, awards given.

ELI-EP types a meeting eli-dl:Activity with eli-dl:had_activity_type, eli-dl:activity_date (an xsd:date) and
eli-dl:had_responsible_organization (MODELLING §5); a month or year alone goes to dcterms:date, as for
documents. schema:Event stays beside it for schema:name/location/about/attendee (Popolo's event terms)."""

from __future__ import annotations

import re
from typing import Any

from pyoxigraph import Literal

from graph.extract.facts import Figure, Span
from graph.rdf.article_graph import date_literal, integer, vi
from graph.rdf.mappers.context import MapContext
from graph.rdf.namespaces import DCTERMS, DT, ELIDL, SCHEMA, A, data_iri
from graph.text.dates import PartialDate
from graph.text.normalize import unify_tones


def map_events(c: MapContext) -> None:
    g, text, art, facts = c.g, c.text, c.g.iri, c.facts
    person_index = {id(pm): i for i, pm in enumerate(facts.persons)}
    n_part = n_award = 0
    for n, ev in enumerate(facts.events):
        if ev.organizer is not None and ev.date is not None and ev.date.day:
            key = f"{c.org_key(ev.organizer, g.scope)}/{ev.kind}/{ev.date.iso()}"
        else:
            key = f"{g.h16}/{n}"
        iri = data_iri(f"event/{key}")
        if g.once(f"ev {iri.value}"):
            g.add(iri, A, ELIDL.Activity)
            g.add(iri, ELIDL.activity_id, Literal(key))   # ELI-EP's identifier of an activity (1..1): its key
            g.add(iri, A, SCHEMA.Event)
            g.add(iri, ELIDL.had_activity_type, g.concept("eventkind", ev.kind))
        g.add(iri, SCHEMA.name, vi(ev.title))
        g.key(iri, ev.title)
        g.evidence(iri, ev.sentence)
        if ev.date is not None:
            g.add(iri, ELIDL.activity_date if ev.date.day else DCTERMS.date, date_literal(ev.date))
            if not states_date(text, ev.sentence, ev.date, g.article.published):
                # the sentence does not give the date: say where it comes from (the report's own date)
                g.add(iri, DT.dateInferredFrom, art)
        if ev.organizer is not None:
            g.add(iri, ELIDL.had_responsible_organization, g.org(ev.organizer, ev.sentence))
        where = g.place(ev.province)
        if where is not None:
            g.add(iri, SCHEMA.location, where)
        for number in ev.documents:
            if number in c.doc_iris:
                g.add(iri, SCHEMA.about, c.doc_iris[number])
        for key in ev.programmes:
            if key in c.prog_iris:
                g.add(iri, SCHEMA.about, c.prog_iris[key])
        for part in ev.participations:
            p = data_iri(f"participation/{g.h16}/{n_part}")
            n_part += 1
            g.add(iri, ELIDL.had_participation, p)
            g.add(p, A, ELIDL.Participation)
            g.add(p, ELIDL.participation_role, g.concept("prole", part.role))
            g.evidence(p, part.sentence)
            if part.person is not None:
                pm = part.person
                person = g.person(pm.name, c.scope_of(pm.name, g.scope), pm.sentence, None)
                g.add(p, ELIDL.had_participant_person, person)
                g.add(iri, SCHEMA.attendee, person)
                m = c.memberships.get(person_index.get(id(pm), -1))
                if m is not None:
                    g.add(p, DT.inCapacityOf, m)
            elif part.org is not None:
                g.add(p, ELIDL.had_participant_organization, g.org(part.org, part.sentence))
        for aw in ev.awards:
            a = data_iri(f"award/{g.h16}/{n_award}")
            n_award += 1
            g.add(a, A, DT.AwardConferral)
            g.add(a, DT.atEvent, iri)
            g.add(a, DT.awardName, vi(aw.award))
            if aw.giver is not None:
                g.add(a, DT.conferredBy, g.org(aw.giver, aw.sentence))
            if aw.collectives is not None:
                g.add(a, DT.collectiveCount, integer(aw.collectives))
            if aw.individuals is not None:
                g.add(a, DT.individualCount, integer(aw.individuals))
            g.evidence(a, aw.sentence)
            for counted, k in (("tập thể", aw.collectives), ("cá nhân", aw.individuals)):
                stated = count_sentence(text, facts.figures, counted, k, aw.sentence)
                if stated is not None:   # the counts are in another sentence than the award's words
                    g.evidence(a, stated)


def states_date(text: str, sentence: Span, value: PartialDate, published: Any) -> bool:
    """True when the sentence writes the date itself (not only the report's publication date stands for it)."""
    from graph.text.dates import find_dates

    words = text[sentence.start:sentence.end]
    if not value.month:   # a year: "năm 2019", "(2019)"
        return re.search(rf"(?<!\d){value.year}(?!\d)", words) is not None
    return any(m.value == value for m in find_dates(words, published))


def count_sentence(text: str, figures: list[Figure], counted: str, n: int | None, sentence: Span) -> Span | None:
    """The sentence stating "n <counted>" when the award's own sentence does not."""
    if n is None or re.search(rf"(?<!\d){n}\s+{counted}", unify_tones(text[sentence.start:sentence.end])):
        return None
    for fig in figures:
        if fig.unit == "count" and fig.value == n and unify_tones(fig.counted or "").startswith(counted):
            return fig.sentence
    return None
