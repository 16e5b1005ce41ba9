"""``dantoc-kg query``: run a SPARQL query on a graph file, the store or an endpoint."""

from __future__ import annotations

import argparse
import os
import sys

from graph.errors import UserError

ORDER = 60
TABLE_PAGE = 50  # rows a table shows unless --limit says otherwise (csv/json give every row)


def add_auth_arguments(parser: argparse.ArgumentParser) -> None:
    """--user / --password-env / --auth, shared with ``push`` (passwords never on the command line)."""
    parser.add_argument("--user", help="HTTP user name for the endpoint")
    parser.add_argument(
        "--password-env", metavar="VAR", help="name of the environment variable holding the password"
    )
    parser.add_argument(
        "--auth",
        choices=("basic", "digest"),
        default="basic",
        help="HTTP authentication scheme (Virtuoso's /sparql-auth wants digest)",
    )


def credentials(args: argparse.Namespace) -> tuple[str | None, str | None]:
    """(user, password) from the arguments; the password comes from the environment only."""
    if args.password_env and not args.user:
        raise UserError("--password-env needs --user")
    if not args.user:
        return None, None
    if not args.password_env:
        raise UserError("--user needs --password-env VAR (the password is read from that variable)")
    password = os.environ.get(args.password_env)
    if password is None:
        raise UserError(f"environment variable {args.password_env} is not set")
    return args.user, password


def rows_query(query: object) -> bool:
    """True unless an ASK (a yes/no answer has no rows to page)."""
    from graph.query.params import scan
    from graph.query.run import resolve_query

    return scan(resolve_query(query)[0]).form != "ASK"  # type: ignore[arg-type]


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "query",
        help="run a SPARQL query (.rq file, stored query name or text) on a graph, the store or an endpoint",
        description="Run a SPARQL query. QUERY is a .rq file, the name of a stored query (see "
        "'dantoc-kg queries') or SPARQL text. Locally the default graph is the union of "
        "all article graphs. Parameters are bound as RDF terms with VALUES: "
        '<IRI>, prefix:local, "text"@vi, value^^xsd:date, or plain text.',
    )
    p.add_argument("query", metavar="QUERY", help=".rq file, stored query name, or SPARQL text")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--graph", metavar="FILE", help="graph file (ttl, nt, nq, trig, jsonld; .gz ok)")
    src.add_argument("--store", metavar="DIR", help="store folder (opened read-only)")
    src.add_argument("--endpoint", metavar="URL", help="SPARQL 1.1 query endpoint")
    p.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="bind ?NAME to VALUE (repeat; the same NAME twice gives two values)",
    )
    p.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="table (default), csv (RFC 4180) or json (SPARQL 1.1 JSON results)",
    )
    p.add_argument(
        "--limit",
        type=int,
        metavar="N",
        help=f"at most N rows, in the query's order (table default: {TABLE_PAGE}; csv/json: all; 0 = all)",
    )
    p.add_argument(
        "--offset", type=int, default=0, metavar="M", help="skip the first M rows (with --limit: the next page)"
    )
    p.add_argument("--out", "-o", metavar="FILE", help="write the result to FILE instead of stdout")
    p.add_argument("--max-width", type=int, default=60, help="widest table cell (default 60)")
    p.add_argument(
        "--no-union",
        action="store_true",
        help="local only: the default graph is the real default graph, not the union",
    )
    p.add_argument("--timeout", type=float, default=30.0, metavar="S", help="endpoint timeout (default 30 s)")
    p.add_argument(
        "--retries",
        type=int,
        default=3,
        metavar="N",
        help="endpoint: extra attempts on connection errors and 5xx (default 3)",
    )
    p.add_argument(
        "--post", action="store_true", help="endpoint: always POST (long queries are POSTed anyway)"
    )
    p.add_argument(
        "--all-pages",
        action="store_true",
        help="endpoint: page with LIMIT/OFFSET so result caps cannot truncate the answer",
    )
    p.add_argument("--allow-service", action="store_true",
                   help="local only: let SERVICE clauses call other endpoints (off: a local query stays local)")
    p.add_argument(
        "--default-graph",
        metavar="IRI",
        help="endpoint: the named graph to query as the default graph (SPARQL default-graph-uri); "
        "after a push to Virtuoso: urn:dantoc-kg:union",
    )
    p.add_argument("--page-size", type=int, default=10000, metavar="N", help="rows per page (default 10000)")
    add_auth_arguments(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from graph.query import parse_assignments, render, run_query
    from graph.query.stored import find_query, load_stored_query
    from graph.store.remote import Endpoint

    if args.page_size <= 0:
        raise UserError("--page-size must be positive")
    if (args.limit is not None and args.limit < 0) or args.offset < 0:
        raise UserError("--limit and --offset must not be negative")
    limit = args.limit or None  # 0 = no limit
    paged_table = args.format == "table" and args.limit is None
    if paged_table:
        limit = TABLE_PAGE + 1  # one more than shown tells whether another page follows
    query: object = args.query
    looks_like_text = "{" in args.query or "\n" in args.query
    if not looks_like_text:
        path = find_query(args.query)
        if path is None:
            raise UserError(f"{args.query}: no such query file or stored query")
        query = load_stored_query(path)
    params = parse_assignments(args.param)
    pageable = rows_query(query)
    if args.endpoint:
        user, password = credentials(args)
        source: object = Endpoint(
            args.endpoint,
            timeout=args.timeout,
            retries=max(args.retries, 0),
            post=args.post,
            user=user,
            password=password,
            auth=args.auth,
            default_graph=args.default_graph,
        )
    else:
        if args.user or args.password_env:
            raise UserError("--user/--password-env only apply to --endpoint")
        if args.default_graph:
            raise UserError("--default-graph only applies to --endpoint")
        source = args.store or args.graph
        if args.store and not os.path.isdir(args.store):
            raise UserError(f"{args.store}: no such store folder")
    if args.store:
        from graph.store.kgstore import note_if_building

        note_if_building(args.store)
    rows = run_query(
        query,
        source,
        params,
        union=not args.no_union,  # type: ignore[arg-type]
        all_pages=args.all_pages,
        page_size=args.page_size,
        allow_service=args.allow_service,
        limit=limit if pageable else None,
        offset=args.offset if pageable else 0,
    )
    more = paged_table and len(rows.terms) > TABLE_PAGE
    if more:
        del rows.terms[TABLE_PAGE:]
    text = render(rows, args.format, max_width=args.max_width)
    if more:
        text += (
            f"more rows follow: --offset {args.offset + TABLE_PAGE} for the next page, "
            "--limit 0 for all, or --format csv\n"
        )
    if args.out:
        from graph.export.writers import write_bytes_atomic

        try:
            write_bytes_atomic(args.out, text.encode("utf-8"))
        except OSError as exc:
            raise UserError(f"{args.out}: cannot write: {exc.strerror or exc}") from None
    else:
        sys.stdout.write(text)
    return 0
