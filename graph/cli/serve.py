"""``dantoc-kg serve``: explore the graph in a browser (local web app and SPARQL endpoint)."""

from __future__ import annotations

import argparse
import os
import sys

from graph.errors import UserError

ORDER = 85


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "serve", help="a local web app to explore the graph, with a SPARQL endpoint",
        description="Serve a store folder or a graph file as a read-only web app: search, entity pages "
                    "with evidence, an article reader, the stored questions, a SPARQL 1.1 endpoint at "
                    "/sparql and a JSON API under /api (docs/SERVE.md).",
    )
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--store", metavar="DIR", help="store folder (opened read-only)")
    src.add_argument("--graph", metavar="FILE", help="graph file (ttl, nt, nq, trig, jsonld)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    p.add_argument("--timeout", type=float, default=10.0, metavar="S", help="query time limit in seconds (default 10)")
    p.add_argument("--workers", type=int, default=2, metavar="N",
                   help="processes running SPARQL from users, each stopped at the time limit (default 2)")
    p.add_argument("--queries", metavar="DIR", help="folder of stored .rq questions (default: the project's)")
    p.add_argument("--open", action="store_true", help="open the start page in the web browser")
    p.add_argument("--writable", action="store_true",
                   help="accept SPARQL updates carrying the token from $DANTOC_SERVE_TOKEN (not implemented: "
                        "answered 501)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn
    except ImportError:
        raise UserError("serve needs uvicorn and starlette: pip install 'dantoc-kg[serve]'") from None
    from graph.serve import create_app

    if args.timeout <= 0:
        raise UserError("--timeout must be positive")
    if args.workers < 1:
        raise UserError("--workers must be at least 1")
    if not 0 <= args.port <= 65535:
        raise UserError("--port must be 0-65535")
    if args.store and not os.path.isdir(args.store):
        raise UserError(f"{args.store}: no such store folder")
    token = None
    if args.writable:
        token = os.environ.get("DANTOC_SERVE_TOKEN")
        if not token or len(token) < 16:
            raise UserError("--writable needs a token of 16+ characters in $DANTOC_SERVE_TOKEN")
    app = create_app(args.store or args.graph, timeout=args.timeout, queries=args.queries, writable_token=token,
                     workers=args.workers)
    kg = app.state.kg.data
    print(f"dantoc-kg serve: {len(kg.entries)} searchable things from {kg.source} "
          f"(indexed in {kg.index_seconds:.2f} s)", file=sys.stderr)
    config = uvicorn.Config(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    import threading
    import time

    def when_ready() -> None:
        while not server.started:
            if server.should_exit:
                return
            time.sleep(0.05)
        port = server.servers[0].sockets[0].getsockname()[1] if server.servers else args.port
        url = f"http://{args.host}:{port}/"
        print(f"dantoc-kg serve: listening on {url} (SPARQL: {url}sparql; Ctrl-C stops)", file=sys.stderr, flush=True)
        if args.open:
            import webbrowser

            webbrowser.open(url)

    threading.Thread(target=when_ready, daemon=True).start()
    server.run()
    return 0
