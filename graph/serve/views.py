"""The data behind each page, as plain dicts (the JSON API returns them as they are; templates draw them).

Entity sections come from ``pages.yaml``, each paged (``ROW_LIMIT`` solutions a page) so a hub's page
is as quick as anyone's; the article reader shows the report's whole text (``nif:isString``) and marks
every phrase that names an entity at its offsets.
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import yaml

from graph.serve.data import (
    ARTICLE_PREFIX,
    KINDS,
    GraphData,
    article_of,
    char_span,
    entity_url,
    evidence_url,
)
from graph.store.prefixes import compact

PAGES_FILE = Path(__file__).with_name("pages.yaml")
ROW_LIMIT = 200      # solutions read per section and page (a hub's section is paged: "more" links)
GENERIC_LIMIT = 200
OWN_EVIDENCE = 100        # sentences naming the thing per page (a national programme has thousands)
MAX_PAGE = 10_000         # a page number past this is refused (OFFSET stays bounded)


@lru_cache(maxsize=1)
def page_specs() -> dict[str, list[dict[str, Any]]]:
    with open(PAGES_FILE, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def cell(data: GraphData, term: Any) -> dict[str, Any] | None:
    """A term for display: IRIs get their label, kind and page link; literals their text."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        iri = term.value
        return {"iri": iri, "text": data.label(iri), "kind": data.kind(iri), "url": entity_url(iri)}
    if isinstance(term, ox.Literal):
        return {"text": term.value, "lang": term.language or ""}
    return {"text": str(term)}


def sentence_texts(data: GraphData, iris: set[str]) -> dict[str, str]:
    """The words of these sentences (one query; the IRIs come from the store, written as terms)."""
    if not iris:
        return {}
    values = " ".join(str(ox.NamedNode(i)) for i in sorted(iris))
    rows = data.select(f"SELECT ?s ?t WHERE {{ VALUES ?s {{ {values} }} ?s nif:anchorOf ?t }}")
    return {r["s"].value: r["t"].value for r in rows}


def evidence_list(data: GraphData, iris: list[str], texts: dict[str, str]) -> list[dict[str, Any]]:
    out = []
    for iri in iris:
        art = article_of(iri)
        out.append({"iri": iri, "url": evidence_url(iri), "text": texts.get(iri, ""),
                    "article": art, "article_label": data.label(art) if art else ""})
    return out


def page_url(iri: str, param: str, page: int) -> str:
    """The entity page with one section (``p<N>``) or the evidence list (``pe``) on ``page``."""
    return f"{entity_url(iri)}&{param}={page}" if page else entity_url(iri)


def run_section(data: GraphData, iri: str, spec: dict[str, Any], *, index: int = 0,
                page: int = 0) -> dict[str, Any]:
    """One section, one page of it: each query's solutions ``page * ROW_LIMIT`` on, at most
    ``ROW_LIMIT``, so a hub's page costs the same as anyone's (a fact whose sentences straddle two
    pages shows on both, with its sentences split)."""
    rows = []
    more = False
    for text in spec.get("queries") or [spec["query"]]:
        if "LIMIT" in text.upper():
            rows += data.select(text, this=iri)
            continue
        got = data.select(f"{text} LIMIT {ROW_LIMIT + 1} OFFSET {page * ROW_LIMIT}", this=iri)
        more = more or len(got) > ROW_LIMIT
        rows += got[:ROW_LIMIT]
    if spec.get("sort"):
        key = spec["sort"]
        rows.sort(key=lambda r: ("" if r.get(key) is None else r[key].value))
    cut = more   # a hub (the Government, a big province): this page holds the first rows in the query's order
    if spec.get("drop_unbound"):
        col, key = spec["drop_unbound"]["column"], spec["drop_unbound"]["when_seen"]
        has = {str(r.get(key)) for r in rows if r.get(col) is not None}
        rows = [r for r in rows if r.get(col) is not None or str(r.get(key)) not in has]
    columns = [c for c in (rows[0].keys() if rows else _columns((spec.get("queries") or [spec["query"]])[0]))
               if c != "ev"]
    merged: dict[tuple[str, ...], dict[str, Any]] = {}
    for row in rows:
        key = tuple(str(row.get(c)) for c in columns)
        if key not in merged:   # bounded: each query gives at most ROW_LIMIT solutions a page
            merged[key] = {"cells": [cell(data, row.get(c)) for c in columns], "ev": []}
        ev = row.get("ev")
        if isinstance(ev, ox.NamedNode) and ev.value not in merged[key]["ev"]:
            merged[key]["ev"].append(ev.value)
    body = [r for r in merged.values() if any(c is not None for c in r["cells"]) or r["ev"]]
    param = f"p{index}"
    return {"title": spec["title"], "columns": columns, "rows": body, "timeline": bool(spec.get("timeline")),
            "truncated": cut, "page": page,
            "next": page_url(iri, param, page + 1) if cut and page < MAX_PAGE else None,
            "prev": page_url(iri, param, page - 1) if page > 0 else None}


def _columns(query: str) -> list[str]:
    head = query.split("WHERE", 1)[0]
    return [w[1:] for w in head.split() if w.startswith("?")]


def generic_statements(data: GraphData, iri: str) -> dict[str, Any]:
    """Every triple about the thing, both ways, for kinds without a page of their own (and as 'all data')."""
    out_rows = data.select(f"SELECT ?p ?o WHERE {{ ?this ?p ?o }} LIMIT {GENERIC_LIMIT}", this=iri)
    in_rows = data.select(f"SELECT ?s ?p WHERE {{ ?s ?p ?this }} LIMIT {GENERIC_LIMIT}", this=iri)
    rows = [{"cells": [{"text": compact(r["p"].value), "iri": r["p"].value}, cell(data, r["o"])], "ev": []}
            for r in out_rows]
    rows += [{"cells": [{"text": "^" + compact(r["p"].value), "iri": r["p"].value}, cell(data, r["s"])], "ev": []}
             for r in in_rows]
    return {"title": "Tất cả dữ liệu / All statements", "columns": ["property", "value"], "rows": rows,
            "timeline": False, "truncated": len(out_rows) >= GENERIC_LIMIT or len(in_rows) >= GENERIC_LIMIT}


def page_numbers(params: Any) -> dict[str, int]:
    """The ``p<N>=K`` / ``pe=K`` page numbers of a request (anything else, or out of range, is 0)."""
    out = {}
    for key, value in params.items():
        if (key == "pe" or (key.startswith("p") and key[1:].isdigit())) and value.isdigit():
            out[key] = min(int(value), MAX_PAGE)
    return out


def entity_view(data: GraphData, iri: str, pages: dict[str, int] | None = None) -> dict[str, Any] | None:
    """Everything the entity page shows; None when the graph says nothing about ``iri``.  ``pages``
    picks a page of a long section (``p<N>``: its index in ``pages.yaml``) or of the evidence (``pe``)."""
    pages = pages or {}
    kind = data.kind(iri)
    if kind == "other" and not data.select("SELECT ?p WHERE { ?this ?p ?o } LIMIT 1", this=iri) \
            and not data.select("SELECT ?p WHERE { ?s ?p ?this } LIMIT 1", this=iri):
        return None
    sections = [run_section(data, iri, spec, index=i, page=pages.get(f"p{i}", 0))
                for i, spec in enumerate(page_specs().get(kind, []))]
    sections = [s for s in sections if s["rows"] or s["page"]]
    ev_page = pages.get("pe", 0)
    own_rows = data.select(f"SELECT DISTINCT ?ev WHERE {{ ?this prov:wasInfluencedBy ?ev }} "
                           f"LIMIT {OWN_EVIDENCE + 1} OFFSET {ev_page * OWN_EVIDENCE}", this=iri)
    own_more = len(own_rows) > OWN_EVIDENCE
    own = [r["ev"].value for r in own_rows[:OWN_EVIDENCE] if isinstance(r["ev"], ox.NamedNode)]
    own.sort(key=lambda s: (article_of(s) or "", (char_span(s) or (0, 0))[0]))
    all_ev = set(own)
    for s in sections:
        for r in s["rows"]:
            all_ev.update(r["ev"])
    texts = sentence_texts(data, all_ev)
    for s in sections:
        for r in s["rows"]:
            r["ev"] = evidence_list(data, r["ev"], texts)
    names = data.entries[iri].names if iri in data.entries else []
    _, kind_vi, kind_en = KINDS.get(kind, ((), "Khác", "Other"))
    return {
        "iri": iri, "kind": kind, "kind_vi": kind_vi, "kind_en": kind_en, "label": data.label(iri),
        "names": [n for n in names if n != data.label(iri)],
        "sections": sections, "evidence": evidence_list(data, own, texts),
        "evidence_truncated": own_more, "evidence_page": ev_page,
        "evidence_start": ev_page * OWN_EVIDENCE + 1,
        "evidence_next": page_url(iri, "pe", ev_page + 1) if own_more and ev_page < MAX_PAGE else None,
        "evidence_prev": page_url(iri, "pe", ev_page - 1) if ev_page > 0 else None,
        "statements": generic_statements(data, iri),
        "graph_url": f"/graph?iri={entity_url(iri).split('iri=', 1)[-1]}" if kind in _DRAWN else None,
    }


_DRAWN = {"person", "body", "document", "programme", "event", "place"}


# ---------------------------------------------------------------------- the article reader

def article_view(data: GraphData, key: str) -> dict[str, Any] | None:
    """The article's whole text (``nif:isString``) with its evidence sentences in place, each phrase
    naming an entity marked at its offsets, and the facts read from each sentence; a graph without
    the text gives the evidence sentences alone, with gaps marked."""
    iri = ARTICLE_PREFIX + key
    head = data.select("""SELECT ?p ?o WHERE { ?this ?p ?o
        VALUES ?p { schema:headline schema:datePublished dcterms:identifier schema:url schema:contentLocation
                    schema:author } }""", this=iri)
    if not head:
        return None
    meta: dict[str, list[Any]] = {}
    for r in head:
        meta.setdefault(r["p"].value.rsplit("/", 1)[-1].rsplit("#", 1)[-1], []).append(cell(data, r["o"]))
    sents = data.select("""SELECT ?s ?b ?e ?t WHERE { ?s a nif:Sentence ; nif:referenceContext ?this ;
        nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?t }""", this=iri)
    phrases = data.select("""SELECT ?s ?b ?e ?t ?x WHERE { ?ph a nif:Phrase ; nif:referenceContext ?this ;
        nif:sentence ?s ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?t ; itsrdf:taIdentRef ?x }""", this=iri)
    # a holding's attestation by this report is shown as the holding itself
    facts = data.select("""SELECT DISTINCT ?s ?f WHERE { ?s a nif:Sentence ; nif:referenceContext ?this .
        ?f prov:wasInfluencedBy ?s . FILTER NOT EXISTS { ?f a dt:Attestation } }""", this=iri)
    by_sentence: dict[str, list[dict[str, Any]]] = {}
    for r in phrases:
        by_sentence.setdefault(r["s"].value, []).append(
            {"begin": int(r["b"].value), "end": int(r["e"].value), "text": r["t"].value, "entity": r["x"].value})
    facts_of: dict[str, list[dict[str, Any]]] = {}
    for r in facts:
        f = r["f"].value
        facts_of.setdefault(r["s"].value, []).append(
            {"iri": f, "kind": data.kind(f), "label": fact_label(data, f), "url": entity_url(f)})
    sentences = []
    for r in sorted(sents, key=lambda r: (int(r["b"].value), int(r["e"].value))):
        s, b, e, text = r["s"].value, int(r["b"].value), int(r["e"].value), r["t"].value
        parts = mark(data, text, b, by_sentence.get(s, []))
        shown = {p["iri"] for p in parts if "iri" in p}   # highlighted in the text already
        sentences.append({
            "iri": s, "begin": b, "end": e, "anchor": f"s-{b}-{e}", "parts": parts,
            "facts": sorted((f for f in facts_of.get(s, []) if f["iri"] not in shown),
                            key=lambda f: (f["kind"], f["label"])),
        })
    full = data.select("SELECT ?t WHERE { ?this nif:isString ?t }", this=iri)
    text = full[0]["t"].value if full else None
    tail = ""
    if text is not None:
        # the whole report: the text between evidence sentences is shown plain, in its place
        at = 0
        for cur in sentences:
            cur["before"] = text[at:cur["begin"]] if cur["begin"] > at else ""
            cur["gap_before"] = False
            at = max(at, cur["end"])
        tail = text[at:]
    else:
        # an older graph without the text: a gap between two sentences is text it does not keep
        for cur in sentences:
            cur["before"] = ""
        for prev, cur in itertools.pairwise(sentences):
            cur["gap_before"] = cur["begin"] > prev["end"] + 2
        if sentences:
            sentences[0]["gap_before"] = sentences[0]["begin"] > 0
    return {"iri": iri, "key": key, "label": data.label(iri), "meta": meta, "sentences": sentences,
            "full_text": text is not None, "tail": tail}


def mark(data: GraphData, text: str, begin: int, phrases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The sentence cut into plain and highlighted parts.  Offsets are checked against the words
    (a phrase whose offsets do not fit is looked up by its words instead); overlapping phrases keep
    the first, longest one."""
    spans = []
    for p in phrases:
        rel_b, rel_e = p["begin"] - begin, p["end"] - begin
        if text[rel_b:rel_e] != p["text"]:
            found = text.find(p["text"])
            if found < 0:
                continue
            rel_b, rel_e = found, found + len(p["text"])
        spans.append((rel_b, -rel_e, p["entity"]))
    parts: list[dict[str, Any]] = []
    at = 0
    for rel_b, neg_e, entity in sorted(spans):
        rel_e = -neg_e
        if rel_b < at:
            continue
        if rel_b > at:
            parts.append({"text": text[at:rel_b]})
        parts.append({"text": text[rel_b:rel_e], "iri": entity, "kind": data.kind(entity),
                      "label": data.label(entity), "url": entity_url(entity)})
        at = rel_e
    if at < len(text):
        parts.append({"text": text[at:]})
    return parts


def fact_label(data: GraphData, iri: str) -> str:
    """A short name for a fact node (memberships and participations have no label of their own)."""
    kind = data.kind(iri)
    if kind == "membership":
        rows = data.select("""SELECT ?p ?t WHERE { OPTIONAL { ?this org:member ?p }
                              OPTIONAL { ?this dt:post/skos:prefLabel ?post } OPTIONAL { ?this dt:attestation/dt:postTitle ?title }
                              BIND(COALESCE(?post, ?title) AS ?t) } ORDER BY ?t LIMIT 1""", this=iri)
        if rows:
            r = rows[0]
            return " — ".join(x for x in (data.label(r["p"].value) if r.get("p") else "",
                                           r["t"].value if r.get("t") else "") if x)
    if kind == "attestation":
        rows = data.select("""SELECT ?p ?t WHERE { OPTIONAL { ?m dt:attestation ?this ; org:member ?p }
                              OPTIONAL { ?this dt:postTitle ?t } } LIMIT 1""", this=iri)
        if rows:
            r = rows[0]
            return " — ".join(x for x in (data.label(r["p"].value) if r.get("p") else "",
                                           r["t"].value if r.get("t") else "") if x)
    if kind == "participation":
        rows = data.select("""SELECT ?p ?r WHERE { OPTIONAL { ?this eli-dl:had_participant_person ?p }
                              OPTIONAL { ?this eli-dl:participation_role ?r } }""", this=iri)
        if rows:
            r = rows[0]
            return " — ".join(x for x in (data.label(r["p"].value) if r.get("p") else "",
                                           data.label(r["r"].value) if r.get("r") else "") if x)
    return data.label(iri)
