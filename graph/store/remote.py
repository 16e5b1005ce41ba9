"""Remote SPARQL endpoints: queries over the SPARQL 1.1 Protocol, pushes over the Graph Store Protocol.

Queries go through SPARQLWrapper (GET, or POST when asked or when the query is long), with a
timeout, retries with exponential backoff on connection errors and 5xx answers (queries are
read-only, so retrying is safe), and one clear :class:`UserError` for every way an endpoint can
fail: down, too slow, wrong URL, bad credentials, or answering something that is not SPARQL results
(an HTML login page, a proxy error page ...).  Timeouts are not retried: a slow query stays slow.

``query_all`` pages with LIMIT/OFFSET over a total ORDER BY, and stops only on an empty page, so an
endpoint that silently caps result sets (Virtuoso's ``ResultSetMaxRows``) still yields every row.  A
short page shrinks the page size to it (the cap), since Virtuoso also refuses sorted windows where
OFFSET + LIMIT passes ``MaxSortedTopRows`` (10000 by default: raise it on the server for bigger answers).

Pushes PUT (``replace``) or POST (add) each named graph to ``GSP?graph=IRI``, in chunks of N-Triples
sent as ``text/turtle`` (N-Triples is Turtle, and every store accepts Turtle), so per-article graphs
survive the trip.
"""

from __future__ import annotations

import base64
import http.client
import re
import socket
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pyoxigraph as ox
from SPARQLWrapper import DIGEST, GET, JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import (
    EndPointInternalError,
    EndPointNotFound,
    QueryBadFormed,
    Unauthorized,
    URITooLong,
)

from graph import __version__
from graph.errors import UserError
from graph.store.results import Rows

LONG_QUERY = 2000  # characters: longer queries are POSTed (URLs over ~2-8 KB get refused)
AGENT = f"dantoc-kg/{__version__}"

_RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}


class _Retryable(Exception):
    """A failure worth another try (connection refused/reset, 5xx)."""


def _reason(exc: BaseException) -> str:
    reason = getattr(exc, "reason", exc)
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, socket.gaierror):
        return "unknown host"
    if isinstance(reason, ConnectionResetError):
        return "connection reset"
    text = str(reason).strip() or type(reason).__name__
    return text[:200]


def _is_timeout(exc: BaseException) -> bool:
    reason = getattr(exc, "reason", None)
    return isinstance(exc, TimeoutError | socket.timeout) or isinstance(reason, TimeoutError | socket.timeout)


def _body_excerpt(data: bytes | str | None, limit: int = 300) -> str:
    if data is None:
        return ""
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else str(data)
    text = re.sub(r"<[^>]+>", " ", text)  # HTML error pages: keep the words
    text = " ".join(text.split())
    return text[:limit]


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()


@dataclass
class Endpoint:
    """A SPARQL 1.1 query endpoint.

    ``auth`` is ``"basic"`` or ``"digest"`` (Virtuoso's /sparql-auth wants digest, realm "SPARQL").
    ``retries`` counts extra attempts after the first; ``attempts`` records how many the last call made.
    ``default_graph`` is sent as the protocol's ``default-graph-uri``: the named graph that plays the
    default graph (on Virtuoso, the union graph that ``push`` wrote, see :data:`UNION_GRAPH`).
    """

    url: str
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 0.5
    post: bool = False
    user: str | None = None
    password: str | None = None
    auth: str = "basic"
    realm: str = "SPARQL"
    default_graph: str | None = None
    attempts: int = 0

    def __post_init__(self) -> None:
        parts = urllib.parse.urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise UserError(f"not an http(s) endpoint URL: {self.url!r}")
        if self.auth not in ("basic", "digest"):
            raise UserError(f"unknown HTTP auth {self.auth!r} (use basic or digest)")

    # -- one request --------------------------------------------------------------------------------
    def _wrapper(self, query: str, form: str) -> SPARQLWrapper:
        sw = SPARQLWrapper(self.url, agent=AGENT)
        sw.setOnlyConneg(True)  # content negotiation only: no format=json parameters odd servers reject
        sw.setQuery(query)
        # SPARQLWrapper guesses the form with a regex that can take "ADD" inside a word for an update
        # and then sends update=...; our own scan of the query knows better
        sw.queryType = form
        if self.default_graph:
            sw.addDefaultGraph(self.default_graph)
        sw.setReturnFormat(TURTLE if form in ("CONSTRUCT", "DESCRIBE") else JSON)
        sw.setMethod(POST if (self.post or len(query) > LONG_QUERY) else GET)
        sw.setTimeout(max(1, int(self.timeout)))
        sw.timeout = self.timeout  # setTimeout() truncates to int (0.5 s would mean "no timeout")
        if self.user:
            if self.auth == "digest":
                sw.setHTTPAuth(DIGEST)
            sw.setCredentials(self.user, self.password or "", realm=self.realm)
        return sw

    def _once(self, query: str, form: str) -> Rows:
        sw = self._wrapper(query, form)
        try:
            result = sw.query()
            response = result.response
            content_type = response.headers.get("Content-Type")
            body = response.read()
        except QueryBadFormed as exc:
            detail = _body_excerpt(exc.args[0] if exc.args else b"")
            raise UserError(f"{self.url} rejected the query as malformed: {detail}") from None
        except Unauthorized:
            who = f" as {self.user!r}" if self.user else " (give --user and --password-env)"
            raise UserError(f"{self.url}: not authorised{who} (HTTP 401)") from None
        except EndPointNotFound:
            raise UserError(f"{self.url}: no SPARQL endpoint at this URL (HTTP 404)") from None
        except URITooLong:
            raise UserError(f"{self.url}: query too long for GET (HTTP 414); use --post") from None
        except EndPointInternalError as exc:
            raise _Retryable(f"{self.url}: server error (HTTP 500): {_body_excerpt(str(exc))}") from None
        except urllib.error.HTTPError as exc:
            detail = _body_excerpt(exc.read() if exc.fp else b"")
            if exc.code >= 500:
                raise _Retryable(f"{self.url}: server error (HTTP {exc.code}) {detail}".rstrip()) from None
            raise UserError(f"{self.url}: HTTP {exc.code} {exc.reason} {detail}".rstrip()) from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            if _is_timeout(exc):
                raise UserError(f"{self.url}: no answer within {self.timeout:g} s (timed out)") from None
            raise _Retryable(f"cannot reach {self.url}: {_reason(exc)}") from None
        return self._parse(body, content_type, form)

    def _parse(self, body: bytes, content_type: str | None, form: str) -> Rows:
        media = _media_type(content_type)
        garbage = f"{self.url} answered {media or 'an unlabelled reply'}, not SPARQL results"
        if media in ("text/html", "application/xhtml+xml"):
            raise UserError(f"{garbage}: {_body_excerpt(body, 120)!r}")
        try:
            if form in ("CONSTRUCT", "DESCRIBE"):
                rdf_format = ox.RdfFormat.from_media_type(media) if media else ox.RdfFormat.TURTLE
                if rdf_format is None:
                    raise UserError(f"{garbage}: expected RDF")
                return Rows.from_triples(ox.parse(body, rdf_format))
            results_format = _RESULT_FORMATS.get(media, ox.QueryResultsFormat.JSON)
            return _canonical(Rows.from_oxigraph(ox.parse_query_results(body, results_format)))
        except (SyntaxError, ValueError) as exc:
            raise UserError(f"{garbage} ({exc}): {_body_excerpt(body, 120)!r}") from None

    # -- public -------------------------------------------------------------------------------------
    def query(self, query: str) -> Rows:
        """Run: SELECT/ASK -> rows or boolean; CONSTRUCT/DESCRIBE -> subject/predicate/object rows."""
        from graph.query.params import scan

        form = scan(query).form or "SELECT"
        self.attempts = 0
        delay = self.backoff
        while True:
            self.attempts += 1
            try:
                return self._once(query, form)
            except _Retryable as exc:
                if self.attempts > self.retries:
                    tries = f" (after {self.attempts} attempts)" if self.attempts > 1 else ""
                    raise UserError(f"{exc}{tries}") from None
                time.sleep(delay)
                delay *= 2

    def query_all(self, query: str, *, page_size: int = 10000) -> Rows:
        """All rows of a SELECT, fetched in pages so capped endpoints cannot truncate the answer."""
        if page_size <= 0:
            raise ValueError("page_size must be positive")
        prologue, body, form = split_prologue(query)
        if form != "SELECT":
            return self.query(query)
        probe = self.query(f"{prologue}\nSELECT * WHERE {{ {body}\n}} LIMIT 0")
        columns = probe.columns
        order = " ".join(f"?{c}" for c in columns)
        projection = order or "*"
        total: Rows | None = None
        offset = 0
        while True:
            page_query = (
                f"{prologue}\nSELECT {projection} WHERE {{ {body}\n}}\n"
                f"ORDER BY {order}\nLIMIT {page_size} OFFSET {offset}"
            )
            page = self.query(page_query)
            if total is None:
                total = page
            else:
                total.extend(page)
            if not page.terms:
                return total
            offset += len(page.terms)
            # a short page is the end or the server's cap: ask for no more than the cap from now on, so
            # OFFSET + LIMIT stays small (Virtuoso refuses to sort more than MaxSortedTopRows, 10000)
            page_size = min(page_size, len(page.terms))


_XSD_BOOLEAN = ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")
_BOOLEANS = {"0": ox.Literal("false", datatype=_XSD_BOOLEAN), "1": ox.Literal("true", datatype=_XSD_BOOLEAN)}


def _canonical(rows: Rows) -> Rows:
    """Virtuoso answers xsd:boolean as "0"/"1" (valid, not canonical): write them as the local store does."""
    for row in rows.terms:
        for i, term in enumerate(row):
            if isinstance(term, ox.Literal) and term.datatype == _XSD_BOOLEAN and term.value in _BOOLEANS:
                row[i] = _BOOLEANS[term.value]
    return rows


_PROLOGUE = re.compile(
    r"""\A(?:\s+|\#[^\n]*\n?|(?i:PREFIX)\s+[A-Za-z0-9_.\-]*:\s*<[^>]*>|(?i:BASE)\s*<[^>]*>)*""", re.X
)


def split_prologue(query: str) -> tuple[str, str, str | None]:
    """(PREFIX/BASE lines, the rest, query form) so the rest can become a sub-query."""
    from graph.query.params import scan

    m = _PROLOGUE.match(query)
    end = m.end() if m else 0
    return query[:end], query[end:], scan(query).form


# -- Graph Store Protocol ------------------------------------------------------------------------------
UNION_GRAPH = "urn:dantoc-kg:union"
"""Where ``push`` sends a store's default graph (the de-duplicated union of the articles) when the server's
Graph Store has no default graph (Virtuoso), and what ``query --default-graph`` then names.  Virtuoso's own
default graph is every graph at once *with repeats* (a triple in two article graphs matches twice)."""


def is_virtuoso_gsp(param: str) -> bool:
    """Virtuoso's Graph Store names the graph ``graph-uri`` (and refuses ``?default``)."""
    return param == "graph-uri"


def guess_gsp(endpoint: str) -> tuple[str, str]:
    """The Graph Store URL (and its graph parameter) next to a query endpoint, for the usual servers."""
    parts = urllib.parse.urlsplit(endpoint)
    path = parts.path.rstrip("/")

    def at(new_path: str) -> str:
        return urllib.parse.urlunsplit((parts.scheme, parts.netloc, new_path, "", ""))

    if path == "/query":  # Oxigraph server
        return at("/store"), "graph"
    if path == "/sparql":  # Virtuoso (public endpoint)
        return at("/sparql-graph-crud"), "graph-uri"
    if path == "/sparql-auth":  # Virtuoso (digest-protected)
        return at("/sparql-graph-crud-auth"), "graph-uri"
    m = re.fullmatch(r"(/repositories/[^/]+)", path)
    if m:  # GraphDB / RDF4J
        return at(m.group(1) + "/rdf-graphs/service"), "graph"
    m = re.fullmatch(r"(.*/[^/]+)/(?:query|sparql)", path)
    if m:  # Fuseki: /ds/query -> /ds/data
        return at(m.group(1) + "/data"), "graph"
    raise UserError(f"cannot guess the Graph Store URL for {endpoint}: give it with --gsp")


@dataclass
class PushReport:
    graphs: int
    triples: int
    requests: int
    seconds: float
    default_graph_sent: bool = False


class Progress:
    """One self-overwriting stderr line: graphs done, rate, time left.  Silent when ``quiet``."""

    def __init__(self, total: int, *, quiet: bool = False, stream=None) -> None:
        self.total, self.quiet = total, quiet
        self.stream = stream or sys.stderr
        self.start = time.monotonic()
        self.last = 0.0

    def update(self, done: int, triples: int, *, final: bool = False) -> None:
        if self.quiet:
            return
        now = time.monotonic()
        if not final and now - self.last < 0.5:
            return
        self.last = now
        elapsed = max(now - self.start, 1e-6)
        rate = done / elapsed
        left = (self.total - done) / rate if rate > 0 else 0.0
        end = "\n" if final else ""
        self.stream.write(
            f"\rpushed {done}/{self.total} graphs, {triples:,} triples "
            f"({rate:.1f} graphs/s, ~{left:.0f} s left){end}"
        )
        self.stream.flush()


class GraphStore:
    """A SPARQL 1.1 Graph Store HTTP Protocol endpoint (PUT replaces a graph, POST adds to it)."""

    def __init__(
        self,
        url: str,
        *,
        graph_param: str = "graph",
        timeout: float = 60.0,
        retries: int = 3,
        backoff: float = 0.5,
        user: str | None = None,
        password: str | None = None,
        auth: str = "basic",
    ) -> None:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise UserError(f"not an http(s) Graph Store URL: {url!r}")
        self.url, self.graph_param = url, graph_param
        self.timeout, self.retries, self.backoff = timeout, retries, backoff
        self.user, self.password, self.auth = user, password, auth
        self.requests = 0
        handlers: list[urllib.request.BaseHandler] = []
        if user and auth == "digest":
            mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            mgr.add_password(None, url, user, password or "")
            handlers.append(urllib.request.HTTPDigestAuthHandler(mgr))
        self._opener = urllib.request.build_opener(*handlers)

    def _target(self, graph: str | None) -> str:
        sep = "&" if "?" in self.url else "?"
        if graph is None:
            return f"{self.url}{sep}default"
        return f"{self.url}{sep}{self.graph_param}={urllib.parse.quote(graph, safe='')}"

    def send(self, method: str, graph: str | None, data: bytes) -> None:
        """One PUT/POST of Turtle to a graph, retried on connection errors and 5xx."""
        target = self._target(graph)
        delay = self.backoff
        attempt = 0
        while True:
            attempt += 1
            self.requests += 1
            request = urllib.request.Request(target, data=data, method=method)
            request.add_header("Content-Type", "text/turtle; charset=utf-8")
            request.add_header("User-Agent", AGENT)
            if self.user and self.auth == "basic":
                token = base64.b64encode(f"{self.user}:{self.password or ''}".encode()).decode()
                request.add_header("Authorization", f"Basic {token}")
            try:
                with self._opener.open(request, timeout=self.timeout) as response:
                    response.read()
                return
            except urllib.error.HTTPError as exc:
                detail = _body_excerpt(exc.read() if exc.fp else b"")
                if exc.code == 401:
                    raise UserError(f"{self.url}: not authorised to write (HTTP 401)") from None
                if exc.code < 500 or attempt > self.retries:
                    raise UserError(
                        f"{self.url}: {method} of graph {graph or 'default'} failed: "
                        f"HTTP {exc.code} {detail}".rstrip()
                    ) from None
            except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
                if _is_timeout(exc):
                    raise UserError(f"{self.url}: no answer within {self.timeout:g} s (timed out)") from None
                if attempt > self.retries:
                    raise UserError(
                        f"cannot reach {self.url}: {_reason(exc)} (after {attempt} attempts)"
                    ) from None
            time.sleep(delay)
            delay *= 2

    def push(
        self,
        dataset: ox.Store,
        *,
        replace: bool = False,
        chunk_triples: int = 50_000,
        quiet: bool = False,
        progress: Callable[[int, int], None] | None = None,
        default_as: str | None = None,
    ) -> PushReport:
        """Upload every graph of ``dataset`` (named graphs by name, the default graph as default).

        ``default_as`` sends the default graph to that named graph instead (for servers without one).
        """
        start = time.monotonic()
        graphs: list[ox.NamedNode | ox.DefaultGraph] = sorted(
            (g for g in dataset.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value
        )
        if next(iter(dataset.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
            graphs.insert(0, ox.DefaultGraph())
        bar = Progress(len(graphs), quiet=quiet)
        triples_sent = 0
        requests_before = self.requests
        for done, g in enumerate(graphs, 1):
            name = default_as if isinstance(g, ox.DefaultGraph) else g.value
            first = True
            for chunk in _chunks(dataset.quads_for_pattern(None, None, None, g), chunk_triples):
                data = ox.serialize([q.triple for q in chunk], format=ox.RdfFormat.N_TRIPLES)
                self.send("PUT" if (replace and first) else "POST", name, data)
                first = False
                triples_sent += len(chunk)
            if first and replace:  # an empty graph in a replace push: make the remote one empty too
                self.send("PUT", name, b"")
            bar.update(done, triples_sent)
            if progress:
                progress(done, len(graphs))
        bar.update(len(graphs), triples_sent, final=True)
        return PushReport(
            len(graphs),
            triples_sent,
            self.requests - requests_before,
            time.monotonic() - start,
            default_graph_sent=bool(graphs) and isinstance(graphs[0], ox.DefaultGraph),
        )


def _chunks(items: Iterable[ox.Quad], size: int) -> Iterable[list[ox.Quad]]:
    chunk: list[ox.Quad] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
