"""The Starlette application: pages, the JSON API and the SPARQL endpoint over one read-only graph.

Safety: every page is a Jinja2 template with autoescaping (article text is data, never markup);
IRIs from URLs are bound as RDF terms; stored-query parameters go through graph/query/params.py;
static files come from the package's own folder only; every query runs under a time limit in a
worker thread (at most ``MAX_CONCURRENT`` at once).
"""

from __future__ import annotations

import contextlib
import json
import math
import re
import secrets
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlencode

import anyio
import pyoxigraph as ox
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from graph.errors import UserError
from graph.query.formats import to_csv, to_json_results
from graph.query.paging import paginate
from graph.query.params import bind
from graph.query.stored import StoredQuery, default_queries_folder, list_queries
from graph.serve import sparql as sp
from graph.serve.data import KINDS, SEARCHABLE, GraphData, QueryTimeout, entity_url, valid_article_key
from graph.serve.views import article_view, entity_view, page_numbers
from graph.serve.workers import Job, WorkerPool
from graph.store.prefixes import PREFIXES, compact
from graph.store.results import Rows

HERE = Path(__file__).parent
MAX_CONCURRENT = 4
PAGE_SIZE = 50
API_PAGE = 100   # rows /api/queries/NAME answers unless ?limit= says otherwise (0 = all); a Link header points on
MAX_GRAPH_NODES = 300
MAX_PAGE = 10_000   # a page number past this is refused (the OFFSET stays bounded)
SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items()
                          if p not in ("rdfs", "owl", "sh", "sdmx-measure", "sdmx-dimension", "sdmx-attribute"))
CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")


def _templates() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    env.filters["compact"] = compact
    env.filters["q"] = lambda s: quote(str(s), safe="")
    env.globals["KINDS"] = KINDS
    return env


class App:
    """The server's state: the graph, the stored queries, the template environment."""

    def __init__(self, source: str | Path, *, timeout: float = 10.0, queries: str | Path | None = None,
                 writable_token: str | None = None, workers: int = 2) -> None:
        self.data = GraphData(source, timeout=timeout)
        self.timeout = timeout
        self.pool = WorkerPool(self.data.store, source, size=workers, timeout=timeout)
        self.queries: dict[str, StoredQuery] = {q.name: q for q in list_queries(queries or default_queries_folder())}
        self.env = _templates()
        self.limiter = anyio.CapacityLimiter(MAX_CONCURRENT)
        self.writable_token = writable_token

    # ------------------------------------------------------------------ helpers
    async def run(self, fn: Callable[[], Any]) -> Any:
        """Run blocking graph work in a worker thread, abandoned (503) past the time limit."""
        try:
            with anyio.fail_after(self.timeout + 1):
                return await anyio.to_thread.run_sync(fn, abandon_on_cancel=True, limiter=self.limiter)
        except TimeoutError:
            raise QueryTimeout(f"the query ran over the {self.timeout:g} s limit") from None

    async def user_rows(self, query: str, **graphs: Any) -> Rows:
        """The same, read back as rows (a graph answer becomes subject/predicate/object rows)."""
        job = Job(query, "json", "application/n-triples", **graphs)
        kind, body, _ = await anyio.to_thread.run_sync(self.pool.run, job, limiter=self.limiter)
        if kind == "graph":
            return Rows.from_triples(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
        return Rows.from_oxigraph(ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON))

    def html(self, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        body = self.env.get_template(name).render(source=self.data.source, **ctx)
        return HTMLResponse(body, status_code=status, headers={"Content-Security-Policy": CSP})

    # ------------------------------------------------------------------ pages
    async def home(self, request: Request) -> Response:
        counts: dict[str, int] = {}
        for kind in self.data.kinds.values():
            counts[kind] = counts.get(kind, 0) + 1
        return self.html("home.html", counts=[(k, counts.get(k, 0)) for k in SEARCHABLE],
                         queries=list(self.queries.values()))

    async def search(self, request: Request) -> Response:
        q = request.query_params.get("q", "")[:200]
        kind = request.query_params.get("kind") or None
        kinds = {kind} if kind in SEARCHABLE else None
        hits = self.data.search(q, kinds=kinds) if (q.strip() or kinds) else []
        if request.url.path.startswith("/api/") or not sp.wants_html(request.headers.get("accept", "")):
            return JSONResponse({"query": q, "results": hits})
        return self.html("search.html", q=q, kind=kind, hits=hits)

    def _iri(self, request: Request) -> str:
        iri = request.query_params.get("iri", "").strip()
        if not iri:
            raise HTTPException(400, "missing ?iri=")
        try:
            ox.NamedNode(iri)
        except ValueError:
            raise HTTPException(400, "not a valid IRI") from None
        return iri

    async def entity(self, request: Request) -> Response:
        iri = self._iri(request)
        pages = page_numbers(request.query_params)
        view = await self.run(lambda: entity_view(self.data, iri, pages))
        if view is None:
            raise HTTPException(404, "the graph says nothing about this IRI")
        if request.url.path.startswith("/api/"):
            return JSONResponse(view)
        return self.html("entity.html", e=view)

    async def article(self, request: Request) -> Response:
        key = request.path_params["key"]
        if not valid_article_key(key):
            raise HTTPException(404, "no such article")
        view = await self.run(lambda: article_view(self.data, key))
        if view is None:
            raise HTTPException(404, "no such article")
        hl = request.query_params.get("hl", "")
        if request.url.path.startswith("/api/"):
            return JSONResponse(view)
        return self.html("article.html", a=view, hl=f"s-{hl.replace(',', '-')}" if re.fullmatch(r"\d+,\d+", hl) else "")

    async def id_redirect(self, request: Request) -> Response:
        """``/id/...`` (the data namespace's path) opens that thing's page: IRIs resolve locally."""
        iri = PREFIXES["id"] + request.path_params["rest"]
        return RedirectResponse(entity_url(iri), status_code=303)

    # ------------------------------------------------------------------ stored questions
    async def query_list(self, request: Request) -> Response:
        items = [{"name": q.name, "title": q.title, "description": q.description,
                  "params": [{"name": p.name, "description": p.description, "optional": p.optional}
                             for p in q.params]} for q in self.queries.values()]
        if request.url.path.startswith("/api/"):
            return JSONResponse(items)
        return self.html("queries.html", items=items)

    def _stored(self, request: Request) -> StoredQuery:
        stored = self.queries.get(request.path_params["name"])
        if stored is None:
            raise HTTPException(404, "no such stored query")
        return stored

    async def query_page(self, request: Request) -> Response:
        """A stored question: the form, and its answer a page at a time.

        The engine does the paging (LIMIT/OFFSET after the query's ORDER BY, one row more than shown
        to know whether another page follows), so a first page does not read the whole answer out:
        the HTML table shows ``PAGE_SIZE`` rows a page, the JSON API ``API_PAGE`` (``?limit=N&offset=M``,
        ``limit=0`` for all, a ``Link: rel="next"`` header while more follow).  Downloads (``format=
        csv|json`` from the page) and a table sorted by a column (``?sort=``) read every row.
        """
        stored = self._stored(request)
        values = {p.name: request.query_params.get(p.name, "") for p in stored.params}
        api = request.url.path.startswith("/api/")
        run = api or request.query_params.get("run") == "1"
        fmt = request.query_params.get("format", "json" if api else "html")
        limit, offset = _window(request, api, fmt)
        rows: Rows | None = None
        error = ""
        if run:
            params = {k: v for k, v in values.items() if v.strip()}
            try:
                text = bind(stored.text, params, declared=stored.param_names)
                if limit is not None or offset:
                    text = paginate(text, None if limit is None else limit + 1, offset)
                rows = await self.user_rows(text)
            except (UserError, SyntaxError) as exc:
                if api:
                    return JSONResponse({"error": str(exc)}, status_code=400)
                error = str(exc)
        more = rows is not None and limit is not None and len(rows.terms) > limit
        if more and rows is not None and limit is not None:
            del rows.terms[limit:]
        if rows is not None and fmt in ("csv", "json"):
            filename = f"{stored.name}.{fmt}"
            body = to_csv(rows) if fmt == "csv" else json.dumps(to_json_results(rows), ensure_ascii=False)
            media = "text/csv; charset=utf-8" if fmt == "csv" else "application/sparql-results+json"
            headers = {} if api else {"Content-Disposition": f'attachment; filename="{filename}"'}
            if more and limit is not None:
                nxt = {**request.query_params, "limit": str(limit), "offset": str(offset + limit)}
                headers["Link"] = f'<{request.url.path}?{urlencode(nxt)}>; rel="next"'
            return Response(body, media_type=media, headers=headers)
        table = None
        if rows is not None:
            table = table_view(self.data, rows, request, offset=offset if limit is not None else None, more=more)
        query_string = urlencode({**{k: v for k, v in values.items() if v}, "run": "1"})
        return self.html("query.html", sq=stored, values=values, table=table, error=error, query_string=query_string)

    # ------------------------------------------------------------------ SPARQL protocol
    async def sparql(self, request: Request) -> Response:
        query, update = await self._protocol_args(request)
        accept = request.headers.get("accept", "")
        fmt = request.query_params.get("format")
        if update is not None:
            return self._refuse_update(request)
        if query is None:
            if sp.wants_html(accept) or not accept:
                return self.html("sparql.html", query=SPARQL_PREFIXES + "\nSELECT * WHERE {\n  ?s ?p ?o\n} LIMIT 20\n",
                                 table=None, error="")
            return Response("missing 'query' parameter\n", status_code=400, media_type="text/plain")
        graphs = {"default_graphs": tuple(request.query_params.getlist("default-graph-uri")),
                  "named_graphs": tuple(request.query_params.getlist("named-graph-uri"))}
        html = sp.wants_html(accept) and not fmt
        try:
            if html:
                table = table_view(self.data, await self.user_rows(query, **graphs), request)
                return self.html("sparql.html", query=query, table=table, error="")
            select_fmt = sp.pick_select(accept, fmt) or "json"
            graph_media = sp.pick_graph(accept, fmt) or "text/turtle"
            kind, body, media = await anyio.to_thread.run_sync(
                self.pool.run, Job(query, select_fmt, graph_media, **graphs), limiter=self.limiter)
        except SyntaxError as exc:
            if html:
                return self.html("sparql.html", query=query, table=None, error=f"malformed query: {exc}", status=400)
            return Response(f"malformed query: {exc}\n", status_code=400, media_type="text/plain")
        except ValueError as exc:
            return Response(f"bad request: {exc}\n", status_code=400, media_type="text/plain")
        wanted = sp.pick_graph(accept, fmt) if kind == "graph" else sp.pick_select(accept, fmt)
        if wanted is None:
            return Response("cannot answer in the requested format\n", status_code=406, media_type="text/plain")
        return Response(body, media_type=media)

    async def _protocol_args(self, request: Request) -> tuple[str | None, str | None]:
        if request.method == "GET":
            return request.query_params.get("query"), request.query_params.get("update")
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype == "application/sparql-query":
            return (await request.body()).decode("utf-8"), None
        if ctype == "application/sparql-update":
            return None, (await request.body()).decode("utf-8")
        if ctype == "application/x-www-form-urlencoded":
            form = parse_qs((await request.body()).decode("utf-8"), keep_blank_values=True)
            q, u = form.get("query"), form.get("update")
            return (q[0] if q else None), (u[0] if u else None)
        raise HTTPException(415, "POST wants application/sparql-query, application/sparql-update or a form")

    def _refuse_update(self, request: Request) -> Response:
        """Updates need ``--writable`` and the token; this server reads only, so even then it says no."""
        if self.writable_token is None:
            return Response("this endpoint is read-only (start 'dantoc-kg serve --writable' to allow updates)\n",
                            status_code=403, media_type="text/plain")
        given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        if not secrets.compare_digest(given, self.writable_token):
            return Response("updates need 'Authorization: Bearer TOKEN'\n", status_code=401, media_type="text/plain")
        return Response("updates are not implemented by this server yet\n", status_code=501, media_type="text/plain")

    # ------------------------------------------------------------------ graph view
    def _subgraph(self, iri: str, depth: int) -> Any:
        from graph.serve.neighbourhood import neighbourhood_graph

        g = neighbourhood_graph(self.data, iri, depth, MAX_GRAPH_NODES)
        if g is None:
            raise HTTPException(404, "this thing is not drawn in the relationship graph")
        return g

    async def graph_view(self, request: Request) -> Response:
        from graph.viz.html import page_payload, render_html

        iri = self._iri(request)
        try:
            depth = max(0, min(int(request.query_params.get("depth", "1")), 3))
        except ValueError:
            raise HTTPException(400, "depth must be 0-3") from None
        sub = await self.run(lambda: self._subgraph(iri, depth))
        if request.url.path.startswith("/api/"):
            return JSONResponse(page_payload(sub, title=self.data.label(iri)))
        page = await self.run(lambda: render_html(sub, title=f"{self.data.label(iri)} — mạng quan hệ"))
        return HTMLResponse(page)   # the viz page carries its own strict CSP (scripts allowed by hash)

    async def api_index(self, request: Request) -> Response:
        return JSONResponse({"endpoints": API_DOC, "source": self.data.source})


API_DOC = {
    "/api/search?q=TEXT[&kind=person|body|document|programme|event|place|article]": "search, tone-insensitive",
    "/api/entity?iri=IRI": "an entity's page data: sections of facts with evidence sentences",
    "/api/article/KEY": "an article's evidence sentences with highlighted phrases and facts",
    "/api/queries": "the stored questions and their parameters",
    "/api/queries/NAME?PARAM=VALUE&format=json|csv": "run a stored question",
    "/api/graph?iri=IRI&depth=1": "the neighbourhood of an entity (nodes, edges, evidence)",
    "/sparql": "SPARQL 1.1 Protocol endpoint (GET/POST)",
}


def _sort_key(term: Any) -> tuple[int, Any]:
    if term is None:
        return (2, "")
    if isinstance(term, ox.Literal):
        try:
            return (0, float(term.value)) if re.fullmatch(r"-?\d+(\.\d+)?", term.value) else (1, term.value.casefold())
        except ValueError:
            return (1, term.value)
    return (1, getattr(term, "value", str(term)).casefold())


def _page_number(request: Request) -> int:
    try:
        return min(max(1, int(request.query_params.get("page", "1"))), MAX_PAGE)
    except ValueError:
        return 1


def _window(request: Request, api: bool, fmt: str) -> tuple[int | None, int]:
    """(limit, offset) the engine is asked for; (None, 0) reads every row."""
    params = request.query_params
    if api and ("limit" in params or "offset" in params):
        try:
            limit, offset = int(params.get("limit", str(API_PAGE))), int(params.get("offset", "0"))
        except ValueError:
            raise UserError("limit and offset must be whole numbers") from None
        if limit < 0 or offset < 0:
            raise UserError("limit and offset must not be negative")
        return (limit or None), offset
    if fmt == "json" and api:
        return API_PAGE, 0
    if fmt != "html" or params.get("sort"):
        return None, 0   # a download, or a table sorted by a column here: every row
    return PAGE_SIZE, (_page_number(request) - 1) * PAGE_SIZE


def table_view(data: GraphData, rows: Rows, request: Request, *, offset: int | None = None,
               more: bool = False) -> dict[str, Any]:
    """A result table, ``PAGE_SIZE`` rows a ``page``: ``rows`` is that page when the engine paged
    (``offset`` given, ``more`` if another follows), else the whole answer, sorted here by
    ``?sort=column`` (``&desc=1``)."""
    if rows.boolean is not None:
        return {"boolean": rows.boolean, "columns": [], "rows": [], "total": 0}
    params = request.query_params
    terms = rows.terms
    sort = params.get("sort")
    desc = params.get("desc") == "1"
    if offset is not None:   # one page, in the query's own order
        page = offset // PAGE_SIZE + 1
        shown = terms
        total = offset + len(terms) if not more else None   # known once the last page is reached
        pages = page + 1 if more else page
        sort = None
    else:
        if sort in rows.columns:
            i = rows.columns.index(sort)
            numeric = [r for r in terms if _sort_key(r[i])[0] == 0]
            other = [r for r in terms if _sort_key(r[i])[0] != 0]
            terms = sorted(numeric, key=lambda r: _sort_key(r[i])[1], reverse=desc) + \
                sorted(other, key=lambda r: _sort_key(r[i]), reverse=desc)
        total = len(terms)
        pages = max(1, math.ceil(total / PAGE_SIZE))
        page = min(_page_number(request), pages)
        shown = terms[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
    base = {k: v for k, v in params.items() if k not in ("page", "sort", "desc")}

    def link(**extra: Any) -> str:
        return "?" + urlencode({**base, **{k: v for k, v in extra.items() if v is not None}})

    cells = []
    for r in shown:
        row = []
        for t in r:
            if isinstance(t, ox.NamedNode):
                row.append({"text": data.label(t.value) if t.value in data.labels else compact(t.value),
                            "url": entity_url(t.value), "iri": t.value})
            elif t is None:
                row.append(None)
            else:
                row.append({"text": getattr(t, "value", str(t))})
        cells.append(row)
    return {
        "boolean": None, "columns": rows.columns, "rows": cells, "total": total, "page": page,
        "pages": pages, "sort": sort, "desc": desc, "first": (page - 1) * PAGE_SIZE + 1 if shown else 0,
        "last": (page - 1) * PAGE_SIZE + len(shown),
        "sort_links": {c: link(sort=c, desc="1" if (c == sort and not desc) else None) for c in rows.columns},
        "prev": link(page=page - 1, sort=sort, desc="1" if desc else None) if page > 1 else None,
        "next": link(page=page + 1, sort=sort, desc="1" if desc else None) if page < pages else None,
    }


def create_app(source: str | Path, *, timeout: float = 10.0, queries: str | Path | None = None,
               writable_token: str | None = None, workers: int = 2) -> Starlette:
    """The web application over ``source`` (a store folder or a graph file)."""
    state = App(source, timeout=timeout, queries=queries, writable_token=writable_token, workers=workers)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            state.pool.close()

    async def on_error(request: Request, exc: Exception) -> Response:
        status, message = 500, "internal error"
        if isinstance(exc, HTTPException):
            status, message = exc.status_code, exc.detail
        elif isinstance(exc, QueryTimeout):
            status, message = 503, str(exc)
        elif isinstance(exc, UserError):
            status, message = 400, str(exc)
        if request.url.path.startswith(("/api/", "/sparql")) or not sp.wants_html(request.headers.get("accept", "")):
            return JSONResponse({"error": message}, status_code=status)
        return state.html("error.html", status=status, status_code=status, message=message)

    routes = [
        Route("/", state.home),
        Route("/search", state.search),
        Route("/api/search", state.search),
        Route("/entity", state.entity),
        Route("/api/entity", state.entity),
        Route("/article/{key}", state.article),
        Route("/api/article/{key}", state.article),
        Route("/id/{rest:path}", state.id_redirect),
        Route("/queries", state.query_list),
        Route("/api/queries", state.query_list),
        Route("/queries/{name}", state.query_page),
        Route("/api/queries/{name}", state.query_page),
        Route("/sparql", state.sparql, methods=["GET", "POST"]),
        Route("/graph", state.graph_view),
        Route("/api/graph", state.graph_view),
        Route("/api", state.api_index),
        Route("/favicon.ico", lambda request: Response(status_code=204)),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    handlers: dict[Any, Callable] = {HTTPException: on_error, QueryTimeout: on_error, UserError: on_error,
                                     Exception: on_error}
    app = Starlette(routes=routes, exception_handlers=handlers, lifespan=lifespan)
    app.state.kg = state
    return app
