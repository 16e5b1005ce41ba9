"""People and the posts they hold: org:Post per (body, role), one org:Membership (a tenure) per (person, post),
and one dt:Attestation per report that states the holding.

The membership's IRI comes from the person and the post only, so the same holding named by ten reports is
one node whose triples every report asserts alike (no functional property ever gets two values in the
union). What one report says about it (its date, the title as written, the sentence) is that report's
attestation. The tenure's `org:memberDuring` interval is shared too: each report adds `time:inside` the
instant of its date, so the union holds every attested day, and the earliest/latest are MIN/MAX in SPARQL;
removing a report's graph removes its instant and narrows the interval back.
"""

from __future__ import annotations

from pyoxigraph import NamedNode

from graph.extract.facts import Span
from graph.rdf import vocab
from graph.rdf.article_graph import date_literal, vi
from graph.rdf.attestation import attested_now
from graph.rdf.mappers.context import MapContext
from graph.rdf.namespaces import DT, ORG, PROV, SKOS, TIME, A, data_iri
from graph.resolve import keys
from graph.text.normalize import unify_tones

OTHER_ROLE = "khac"   # dtk:role/khac: a title the role list does not cover; its words tell holdings apart


def membership_iri(person: NamedNode, post: NamedNode | None, role: NamedNode, title: str) -> NamedNode:
    """id:membership/{hash16} of (person, post), or (person, role) when the body is unknown; a role the list
    does not cover ("khác") keeps the title's words in the key, so "Chuyên viên" and "Thư ký" stay apart."""
    what = post.value if post is not None else role.value
    extra = (title,) if post is None and role.value.endswith("/" + OTHER_ROLE) else ()
    return data_iri(f"membership/{keys.digest(person.value, what, *extra, n=16)}")


def map_officials(c: MapContext) -> None:
    g, text, published, article = c.g, c.text, c.published, c.g.article
    for idx, pm in enumerate(c.facts.persons):
        person = g.person(pm.name, c.scope_of(pm.name, g.scope), pm.sentence, pm.span)
        now = bool(published and published.day and article.published is not None and attested_now(
            text[pm.sentence.start:pm.sentence.end], pm.title, article.published))
        for post in pm.posts:
            role = g.concept("role", vocab.role_notation(post.role), post.role)
            org = g.org(post.org, pm.sentence) if post.org is not None else None
            post_iri = None
            if post.org is not None and org is not None:
                okey = c.org_key(post.org, g.scope)
                post_iri = data_iri(f"post/{okey}/{vocab.role_notation(post.role)}")
                if g.once(f"post {post_iri.value}"):
                    g.add(post_iri, A, ORG.Post)
                    g.add(post_iri, SKOS.prefLabel, vi(f"{post.role} – {unify_tones(post.org.label)}"))
                    g.add(post_iri, ORG.postIn, org)
                    g.add(post_iri, ORG.role, role)
                g.evidence(post_iri, pm.sentence)
                g.add(person, ORG.holds, post_iri)
            m = membership_iri(person, post_iri, role, post.title)
            c.memberships.setdefault(idx, m)
            if g.once(f"m {m.value}"):
                g.add(m, A, ORG.Membership)
                g.add(m, ORG.member, person)
                g.add(m, ORG.role, role)
                if org is not None and post_iri is not None:
                    g.add(m, ORG.organization, org)
                    g.add(m, DT.post, post_iri)
            g.evidence(m, pm.sentence)
            _attest(c, m, post.title, pm.title, pm.sentence, now)


def _attest(c: MapContext, m: NamedNode, post_title: str, stated: str | None, sentence: Span, now: bool) -> None:
    """This report's word on holding ``m``: one attestation per (report, holding, title as written)."""
    g, published = c.g, c.published
    a = data_iri(f"attestation/{g.h16}/{keys.digest(m.value, post_title)}")
    if g.once(f"a {a.value}"):
        g.add(m, DT.attestation, a)
        g.add(a, A, DT.Attestation)
        g.add(a, PROV.hadPrimarySource, g.iri)
        g.add(a, DT.postTitle, vi(post_title))
        if stated:
            g.add(a, DT.statedTitle, vi(stated))
    g.evidence(a, sentence)
    if now and published is not None and g.once(f"a-now {a.value}"):
        day = date_literal(published)
        g.add(a, DT.attestedOn, day)
        during = NamedNode(m.value + "-during")
        instant = data_iri(f"instant/{published.iso()}")
        g.add(m, ORG.memberDuring, during)
        g.add(during, A, TIME.Interval)
        g.add(during, TIME.inside, instant)
        g.add(instant, A, TIME.Instant)
        g.add(instant, TIME.inXSDDate, day)
