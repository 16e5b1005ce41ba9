"""The SPARQL 1.1 Protocol endpoint: query parsing, content negotiation, result serialisers, time limit.

Results are read row by row with the clock checked as they come, then written in the negotiated
format: SPARQL JSON, XML, CSV, TSV for SELECT/ASK; Turtle, N-Triples, N-Quads, RDF/XML for
CONSTRUCT/DESCRIBE.  Updates are refused unless the server runs ``--writable`` with a token.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from graph.query.formats import to_csv, to_json_results
from graph.serve.data import QueryTimeout
from graph.store.results import Rows

SELECT_TYPES = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE, "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/n-quads": ox.RdfFormat.N_QUADS, "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
SELECT_MEDIA = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                "csv": "text/csv", "tsv": "text/tab-separated-values"}
FORMAT_PARAM = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv",
                "turtle": "text/turtle", "ttl": "text/turtle", "nt": "application/n-triples",
                "ntriples": "application/n-triples", "rdfxml": "application/rdf+xml"}


@dataclass(frozen=True)
class Answer:
    body: bytes
    media_type: str


def accepted(accept: str) -> list[str]:
    """Media types of an Accept header, best first (q-values honoured, order kept on ties)."""
    items = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            items.append((-q, i, fields[0].lower()))
    return [m for _, _, m in sorted(items)]


def wants_html(accept: str) -> bool:
    types = accepted(accept)
    return bool(types) and types[0] in ("text/html", "application/xhtml+xml")


def pick_select(accept: str, fmt: str | None) -> str | None:
    if fmt:
        return FORMAT_PARAM.get(fmt) if FORMAT_PARAM.get(fmt) in SELECT_MEDIA else None
    types = accepted(accept) or ["*/*"]
    for t in types:
        if t in SELECT_TYPES:
            return SELECT_TYPES[t]
        if t in ("*/*", "application/*", "text/*"):
            return "json" if t != "text/*" else "csv"
    return None


def pick_graph(accept: str, fmt: str | None) -> str | None:
    if fmt:
        media = FORMAT_PARAM.get(fmt)
        return media if media in GRAPH_TYPES else None
    types = accepted(accept) or ["*/*"]
    for t in types:
        if t in GRAPH_TYPES:
            return t
        if t in ("*/*", "text/*", "application/*"):
            return "text/turtle" if t != "application/*" else "application/n-triples"
    return None


def execute(store: ox.Store, query: str, *, timeout: float, default_graphs: list[str] | None = None,
            named_graphs: list[str] | None = None) -> Rows | list[ox.Triple]:
    """Run ``query`` and read its answer, stopping when the time limit passes."""
    deadline = time.monotonic() + timeout
    kwargs: dict = {}
    if default_graphs:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
    if named_graphs:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    result = store.query(query, **kwargs)
    if isinstance(result, ox.QueryBoolean):
        return Rows(columns=[], boolean=bool(result))
    out: list = []
    for i, item in enumerate(result):
        if i % 512 == 0 and time.monotonic() > deadline:
            raise QueryTimeout(f"the query ran over the {timeout:g} s limit")
        out.append(item if isinstance(result, ox.QueryTriples) else list(item))
    if isinstance(result, ox.QueryTriples):
        return out
    return Rows(columns=[v.value for v in result.variables], terms=out)


def serialise_rows(rows: Rows, fmt: str) -> Answer:
    if fmt == "json":
        body = json.dumps(to_json_results(rows), ensure_ascii=False).encode()
    elif fmt == "csv":
        body = to_csv(rows).encode()
    elif fmt == "tsv":
        body = to_tsv(rows).encode()
    else:
        body = to_xml(rows).encode()
    return Answer(body, SELECT_MEDIA[fmt] + ("; charset=utf-8" if fmt != "json" else ""))


def to_tsv(rows: Rows) -> str:
    """SPARQL 1.1 TSV: ?var headers, terms in their N-Triples form."""
    if rows.boolean is not None:
        return "?boolean\n" + ("true" if rows.boolean else "false") + "\n"
    lines = ["\t".join(f"?{c}" for c in rows.columns)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows.terms]
    return "\n".join(lines) + "\n"


def _xml_term(term: object) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        dt = term.datatype.value
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            return f"<literal>{escape(term.value)}</literal>"
        return f"<literal datatype={quoteattr(dt)}>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


def to_xml(rows: Rows) -> str:
    """SPARQL Query Results XML Format."""
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if rows.boolean is not None:
        out.append(f"<head/><boolean>{'true' if rows.boolean else 'false'}</boolean></sparql>")
        return "\n".join(out) + "\n"
    out.append("<head>" + "".join(f"<variable name={quoteattr(c)}/>" for c in rows.columns) + "</head><results>")
    for row in rows.terms:
        cells = "".join(f"<binding name={quoteattr(c)}>{_xml_term(t)}</binding>"
                        for c, t in zip(rows.columns, row, strict=True) if t is not None)
        out.append(f"<result>{cells}</result>")
    out.append("</results></sparql>")
    return "\n".join(out) + "\n"


def serialise_triples(triples: list[ox.Triple], media: str) -> Answer:
    fmt = GRAPH_TYPES[media]
    if fmt == ox.RdfFormat.N_QUADS:
        data = [ox.Quad(t.subject, t.predicate, t.object) for t in triples]
    else:
        data = triples
    body = ox.serialize(data, format=fmt) or b""
    return Answer(body, media + "; charset=utf-8")
