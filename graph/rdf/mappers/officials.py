"""People and the posts they hold: org:Post per (body, role), org:Membership per (person, post, report)."""

from __future__ import annotations

from graph.rdf import vocab
from graph.rdf.article_graph import date_literal, vi
from graph.rdf.attestation import attested_now
from graph.rdf.mappers.context import MapContext
from graph.rdf.namespaces import DT, ORG, SKOS, TIME, A, data_iri
from graph.resolve import keys
from graph.text.normalize import unify_tones


def map_officials(c: MapContext) -> None:
    g, text, published, article = c.g, c.text, c.published, c.g.article
    for idx, pm in enumerate(c.facts.persons):
        person = g.person(pm.name, c.scope_of(pm.name, g.scope), pm.sentence, pm.span)
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
            mkey = keys.digest(person.value, post_iri.value if post_iri else post.role, post.title)
            m = data_iri(f"membership/{g.h16}/{mkey}")
            c.memberships.setdefault(idx, m)
            if g.once(f"m {mkey}"):
                g.add(m, A, ORG.Membership)
                g.add(m, ORG.member, person)
                g.add(m, ORG.role, role)
                if org is not None and post_iri is not None:
                    g.add(m, ORG.organization, org)
                    g.add(m, DT.post, post_iri)
                g.add(m, DT.postTitle, vi(post.title))
                if pm.title:
                    g.add(m, DT.statedTitle, vi(pm.title))
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
