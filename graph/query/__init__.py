"""Asking the graph: SPARQL over a file, the store or an endpoint, with safe parameters.

* :func:`run_query` — ``run_query(query, source, params=None) -> Rows``.
* :func:`render` — rows as ``table`` / ``csv`` / ``json`` (SPARQL 1.1 JSON results).
* :func:`list_queries`, :func:`load_stored_query` — ``.rq`` files with a header.
* :func:`bind`, :func:`to_term` — parameters as RDF terms injected with VALUES.
"""

from graph.query.formats import FORMATS, render, to_csv, to_json, to_table
from graph.query.params import bind, parse_assignments, to_term
from graph.query.run import check_syntax, resolve_query, run_query
from graph.query.stored import QueryParam, StoredQuery, list_queries, load_stored_query
from graph.store.results import Rows

__all__ = [
    "FORMATS",
    "QueryParam",
    "Rows",
    "StoredQuery",
    "bind",
    "check_syntax",
    "list_queries",
    "load_stored_query",
    "parse_assignments",
    "render",
    "resolve_query",
    "run_query",
    "to_csv",
    "to_json",
    "to_table",
    "to_term",
]
