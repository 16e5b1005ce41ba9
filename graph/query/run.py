"""Run one SPARQL query against a graph file, the on-disk store or a remote endpoint."""

from __future__ import annotations

import contextlib
import math
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pyoxigraph as ox

from graph.errors import UserError
from graph.query.paging import paginate
from graph.query.params import bind
from graph.query.stored import StoredQuery, find_query, load_stored_query, parse_header
from graph.store.files import load_dataset
from graph.store.kgstore import KGStore
from graph.store.remote import Endpoint
from graph.store.results import Rows

Source = KGStore | Endpoint | ox.Store | str | os.PathLike[str]
Params = Mapping[str, str | Iterable[str]]


def resolve_query(query: str | os.PathLike[str] | StoredQuery) -> tuple[str, list[str] | None, str]:
    """(SPARQL text, declared parameter names or None, a label for messages).

    ``query`` is a :class:`StoredQuery`, a path to a ``.rq`` file, or the SPARQL text itself.
    """
    if isinstance(query, StoredQuery):
        return query.text, (query.param_names or None), str(query.path)
    text = str(query)
    looks_like_path = isinstance(query, os.PathLike) or (
        "\n" not in text and "{" not in text and text.strip().lower().endswith((".rq", ".sparql"))
    )
    if looks_like_path:
        stored = load_stored_query(Path(text))
        return stored.text, (stored.param_names or None), str(stored.path)
    by_name = find_query(text) if re.fullmatch(r"[A-Za-z0-9_\-]+", text.strip()) else None
    if by_name is not None:   # a stored query's name: "officials"
        stored = load_stored_query(by_name)
        return stored.text, (stored.param_names or None), str(stored.path)
    return text, None, "query"


def _stored(query: str | os.PathLike[str] | StoredQuery) -> StoredQuery | None:
    """The stored query behind ``query`` (itself, its .rq file or its name), if any."""
    if isinstance(query, StoredQuery):
        return query
    text = str(query)
    if isinstance(query, os.PathLike) or ("\n" not in text and "{" not in text
                                           and text.strip().lower().endswith((".rq", ".sparql"))):
        return load_stored_query(Path(text))
    found = find_query(text) if re.fullmatch(r"[A-Za-z0-9_\-]+", text.strip()) else None
    return load_stored_query(found) if found is not None else None


def _check_required(query: str | os.PathLike[str] | StoredQuery, params: Params) -> None:
    """A stored question run without a parameter it needs says so, instead of answering 0 rows."""
    stored = _stored(query)
    if stored is None:
        return
    missing = [p for p in stored.params if not p.optional and p.name not in params]
    if missing:
        need = "; ".join(f"--param {p.name}=... ({p.description})" for p in missing)
        raise UserError(f"{stored.name} needs {need}")


def _syntax_message(exc: SyntaxError) -> str:
    """Oxigraph says "error at 3:2: expected ..."; say "line 3, column 2: expected ..."."""
    return re.sub(r"^error at (\d+):(\d+):", r"line \1, column \2:", str(exc))


def check_syntax(text: str, label: str = "query") -> None:
    """Parse the query with Oxigraph's parser; a mistake becomes a UserError naming line and column."""
    try:
        ox.Store().query(text)  # parsing happens here; evaluation is lazy and the store is empty
    except SyntaxError as exc:
        raise UserError(f"{label}: malformed SPARQL: {_syntax_message(exc)}") from None


def deduplicated_union(store: ox.Store) -> ox.Store:
    """Copy the named graphs' triples into the default graph (a set, so each triple once), showing one
    value where reports disagree (graph.resolve.claims), as a store's default graph does.

    Oxigraph's union default graph repeats a triple once per graph that asserts it, and the article
    graphs share the triples of common nodes: queried through that union, joins multiply rows.
    """
    named = [ox.Quad(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, None)
             if not isinstance(q.graph_name, ox.DefaultGraph)]
    if named:
        from graph.resolve.claims import settle

        store.bulk_extend(named)
        settle(store)   # where reports disagree, the union shows one value (the rest stay in their graphs)
    return store


# what cannot hold the keyword: comments, strings and IRIs (blanked before looking for SERVICE)
_OPAQUE = re.compile(r'#[^\n]*|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                     r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\x00-\x20]*>')
_SERVICE = re.compile(r"(?<![\w:?$.-])SERVICE(?![\w:-])", re.IGNORECASE)


def uses_service(text: str) -> bool:
    """Does the query hold a SERVICE clause (a federated call to another endpoint)?"""
    return _SERVICE.search(_OPAQUE.sub(" ", text)) is not None


def _query_local(store: ox.Store, text: str, label: str, union: bool, allow_service: bool = False) -> Rows:
    if not allow_service and uses_service(text):
        raise UserError(f"{label}: SERVICE would send requests to another server; a query on a local file or "
                        "store does not, unless you allow it with --allow-service")
    try:
        return Rows.from_oxigraph(store.query(text, use_default_graph_as_union=union))
    except SyntaxError as exc:
        raise UserError(f"{label}: malformed SPARQL: {_syntax_message(exc)}") from None
    except (OSError, RuntimeError) as exc:
        raise UserError(f"{label}: query failed: {exc}") from None


def run_query(
    query: str | os.PathLike[str] | StoredQuery,
    source: Source,
    params: Params | None = None,
    *,
    union: bool = True,
    all_pages: bool = False,
    page_size: int = 10000,
    allow_service: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> Rows:
    """Run ``query`` (text, ``.rq`` path or StoredQuery) against ``source`` and return its rows.

    ``source``: a :class:`KGStore`, an :class:`Endpoint`, an in-memory pyoxigraph store, an
    ``http(s)://`` endpoint URL, a store folder, or a graph file (loaded into memory).  Locally the
    default graph is the union of all named graphs unless ``union=False``.  ``params`` are bound
    with VALUES from RDF terms (see :mod:`graph.query.params`).  ``all_pages`` pages remote SELECTs.
    A local query with a SERVICE clause is refused unless ``allow_service`` (it would reach the network).
    ``limit``/``offset`` return one page (rows ``offset+1 .. offset+limit`` in the query's order).
    """
    text, declared, label = resolve_query(query)
    _check_required(query, params or {})
    is_remote = isinstance(source, Endpoint) or (
        isinstance(source, str) and source.startswith(("http://", "https://"))
    )
    if not is_remote and not allow_service and uses_service(text):   # (even the syntax check would call it)
        _query_local(ox.Store(), text, label, False)
    if not is_remote:
        check_syntax(text, label)  # before binding, so line numbers are the file's own
    if limit is not None and not is_remote and pages_by_source(text):
        with _local(source, union) as (store, union_now):
            return _by_source_windows(store, union_now, text, params or {}, declared, label, limit, offset,
                                      allow_service)
    text = bind(text, params or {}, declared=declared)   # also drops the '# if:' lines of absent parameters
    text = paginate(text, limit, offset)
    if is_remote:
        endpoint = source if isinstance(source, Endpoint) else Endpoint(str(source))
        return endpoint.query_all(text, page_size=page_size) if all_pages else endpoint.query(text)
    with _local(source, union) as (store, union_now):
        return _query_local(store, text, label, union_now, allow_service)


@contextlib.contextmanager
def _local(source: Source, union: bool) -> Iterator[tuple[ox.Store, bool]]:
    """The Oxigraph store behind a local source, and whether to ask it for the union of its graphs."""
    if isinstance(source, KGStore):   # its default graph is the de-duplicated union of the articles
        yield source.oxigraph, False
    elif isinstance(source, ox.Store):
        yield source, union
    elif Path(source).is_dir():  # type: ignore[arg-type]
        with KGStore(Path(source), read_only=True) as store:  # type: ignore[arg-type]
            yield store.oxigraph, False
    else:
        yield deduplicated_union(load_dataset(Path(source))), False  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------------
# A page of a per-article listing without reading the whole answer.  With ORDER BY, an engine must
# compute every row before it can return the first 100, so a listing's first page costs as much as
# all of it (seconds at 10k reports).  A stored query whose header says ``# page-by: source`` promises
# that every row binds ?source to its article's dcterms:identifier and that its ORDER BY starts with
# ?source: then the rows of the first N articles (in ?source order) are the first rows of the whole
# answer, so a page is read from growing windows of articles (?source bound with VALUES, an index
# lookup) until it is full.  Same rows, same order, as LIMIT/OFFSET on the whole answer.

_SOURCES = ("SELECT DISTINCT ?source WHERE { ?a a <http://schema.org/NewsArticle> ; "
            "<http://purl.org/dc/terms/identifier> ?source } ORDER BY ?source")
FIRST_WINDOW = 64   # articles in the first window; the next ones are sized from the rows per article seen
MAX_WINDOW = 128   # a much longer VALUES block makes Oxigraph read the whole answer (400 sources: ~25x slower than 64)


def pages_by_source(text: str) -> bool:
    """Does the query's header promise ``# page-by: source`` (see above)?"""
    return any(v.split()[:1] == ["source"] for v in parse_header(text).get("page-by", []))


def _by_source_windows(store: ox.Store, union: bool, text: str, params: Params, declared: list[str] | None,
                       label: str, limit: int, offset: int, allow_service: bool) -> Rows:
    if limit < 0 or offset < 0:
        raise UserError("limit and offset must not be negative")
    sources = [row[0] for row in _query_local(store, _SOURCES, label, union).terms]
    names = [*declared, "source"] if declared is not None else None
    want = offset + limit
    got: Rows | None = None
    start, width = 0, max(FIRST_WINDOW, min(want, MAX_WINDOW))
    while start < len(sources) and (got is None or len(got.terms) < want):
        chunk = sources[start:start + width]
        window = [t for t in chunk if isinstance(t, ox.Literal | ox.NamedNode)]
        start += len(chunk)
        if not window:
            continue
        bound = bind(text, {**params, "source": window}, declared=names)
        rows = _query_local(store, paginate(bound, want - (len(got.terms) if got else 0)), label, union,
                            allow_service)
        if got is None:
            got = rows
        else:
            got.terms.extend(rows.terms)
        have = len(got.terms)   # size the next window from the rows per article seen so far
        width = MAX_WINDOW if not have else min(MAX_WINDOW, max(width, math.ceil((want - have) * start / have * 1.25)))
    if got is None:   # no article at all: the query as it is
        got = _query_local(store, paginate(bind(text, params, declared=declared), want), label, union, allow_service)
    got.terms[:] = got.terms[offset:offset + limit]
    return got
