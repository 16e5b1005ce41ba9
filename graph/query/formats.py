"""Printing query answers: an aligned table for people, CSV and SPARQL JSON for programs.

``json`` is the standard *SPARQL 1.1 Query Results JSON* document (``head.vars`` +
``results.bindings`` with ``type``/``value``/``xml:lang``/``datatype``; ``boolean`` for ASK), so any
SPARQL tool can read it back.  ``csv`` follows RFC 4180 (CRLF, quoted when needed) with plain values
like the SPARQL 1.1 CSV results format.  ``table`` shortens IRIs with the profile prefixes.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from typing import Any

import pyoxigraph as ox

from graph.store.prefixes import compact
from graph.store.results import Rows, Term, term_value
from graph.terminal import safe  # a table is for the terminal: no control sequence gets through

FORMATS = ("table", "csv", "json")


def display_width(text: str) -> int:
    """Columns a terminal uses: wide CJK = 2, combining marks = 0 (NFC Vietnamese is 1 per letter)."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _truncate(text: str, limit: int) -> str:
    if display_width(text) <= limit:
        return text
    out, width = [], 0
    for ch in text:
        w = display_width(ch)
        if width + w > limit - 1:
            break
        out.append(ch)
        width += w
    return "".join(out) + "…"


def _cell(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return safe(compact(term.value))
    if isinstance(term, ox.BlankNode):
        return f"_:{safe(term.value)}"
    value = term_value(term) or ""
    return safe(" ".join(value.split()) if ("\n" in value or "\t" in value) else value)


def to_table(rows: Rows, *, max_width: int = 60) -> str:
    """An aligned text table with a row count; long cells end in '…'."""
    if rows.boolean is not None:
        return ("yes" if rows.boolean else "no") + "\n"
    header = [safe(h) for h in rows.columns]
    body = [[_truncate(_cell(t), max_width) for t in row] for row in rows.terms]
    widths = [display_width(h) for h in header]
    for row in body:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], display_width(cell))

    def line(cells: list[str]) -> str:
        return "  ".join(
            c + " " * (w - display_width(c)) for c, w in zip(cells, widths, strict=True)
        ).rstrip()

    out = [line(header), "  ".join("-" * w for w in widths)]
    out.extend(line(r) for r in body)
    n = len(body)
    out.append(f"({n} row{'s' if n != 1 else ''})")
    return "\n".join(out) + "\n"


def to_csv(rows: Rows) -> str:
    """RFC 4180 CSV: header line then one line per solution (unbound = empty field)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    if rows.boolean is not None:
        writer.writerow(["boolean"])
        writer.writerow(["true" if rows.boolean else "false"])
        return buf.getvalue()
    writer.writerow(rows.columns)
    for row in rows.terms:
        writer.writerow(["" if t is None else term_value(t) for t in row])
    return buf.getvalue()


def _json_term(term: Term) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(term.subject),
            "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        },
    }


def to_json_results(rows: Rows) -> dict[str, Any]:
    """The SPARQL 1.1 Query Results JSON document as a Python dict."""
    if rows.boolean is not None:
        return {"head": {}, "boolean": rows.boolean}
    bindings = [
        {col: _json_term(t) for col, t in zip(rows.columns, row, strict=True) if t is not None}
        for row in rows.terms
    ]
    return {"head": {"vars": list(rows.columns)}, "results": {"bindings": bindings}}


def to_json(rows: Rows) -> str:
    return json.dumps(to_json_results(rows), ensure_ascii=False, indent=1) + "\n"


def render(rows: Rows, fmt: str, *, max_width: int = 60) -> str:
    """Rows as text in ``table``, ``csv`` or ``json``."""
    if fmt == "table":
        return to_table(rows, max_width=max_width)
    if fmt == "csv":
        return to_csv(rows)
    if fmt == "json":
        return to_json(rows)
    raise ValueError(f"unknown result format {fmt!r} (use {', '.join(FORMATS)})")
