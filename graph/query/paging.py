"""One page of a query's answer: LIMIT/OFFSET written into the query text, so the engine does the work.

The stored queries end in ORDER BY, and the page is appended after it, so pages are stable and
consecutive pages never repeat or skip a row.  A query that already has its own top-level LIMIT or
OFFSET keeps it: the page is taken *within* that window (the numbers are combined), rather than
wrapping the query in a sub-select whose order SPARQL does not promise to keep.  A trailing VALUES
block stays last, as the grammar wants.
"""

from __future__ import annotations

import re

from graph.errors import UserError
from graph.query.params import _TOKEN, scan

_NUMBER = re.compile(r"\s*(\d+)")


def paginate(query: str, limit: int | None = None, offset: int = 0) -> str:
    """``query`` answering only rows ``offset+1 .. offset+limit`` (``limit=None``: all from ``offset``)."""
    if limit is None and not offset:
        return query
    if (limit is not None and limit < 0) or offset < 0:
        raise UserError("limit and offset must not be negative")
    form = scan(query).form
    if form == "ASK":
        raise UserError("limit/offset apply to SELECT, CONSTRUCT and DESCRIBE, not ASK")
    depth = 0
    cuts: list[tuple[int, int]] = []  # spans of the query's own top-level LIMIT n / OFFSET n
    old_limit: int | None = None
    old_offset = 0
    values_at: int | None = None
    for m in _TOKEN.finditer(query):
        kind, text = m.lastgroup, m.group()
        if kind in ("comment", "space", "string", "iri", "var"):
            continue
        if text == "{":
            depth += 1
        elif text == "}":
            depth -= 1
        elif depth == 0 and kind == "word":
            word = text.upper()
            if word in ("LIMIT", "OFFSET"):
                n = _NUMBER.match(query, m.end())
                if n is None:
                    raise UserError(f"cannot read the number after {text} in the query")
                cuts.append((m.start(), n.end()))
                if word == "LIMIT":
                    old_limit = int(n.group(1))
                else:
                    old_offset = int(n.group(1))
            elif word == "VALUES" and values_at is None:
                values_at = m.start()
    new_offset = old_offset + offset
    new_limit = limit
    if old_limit is not None:
        left = max(old_limit - offset, 0)
        new_limit = left if limit is None else min(limit, left)
    for start, end in reversed(cuts):
        query = query[:start] + query[end:]
        if values_at is not None and start < values_at:
            values_at -= end - start
    clause = (f"LIMIT {new_limit} " if new_limit is not None else "") + (
        f"OFFSET {new_offset}" if new_offset else ""
    )
    clause = f"\n{clause.strip()}\n"
    if values_at is not None:
        return query[:values_at] + clause + query[values_at:]
    return query.rstrip() + clause
