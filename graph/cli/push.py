"""``dantoc-kg push``: upload a graph file or the store to a triple store (Graph Store Protocol)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from graph.cli.query import add_auth_arguments, credentials
from graph.errors import UserError

ORDER = 63


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "push",
        help="upload a graph file or the store to a SPARQL server, one named graph per article",
        description="Upload with the SPARQL 1.1 Graph Store HTTP Protocol: each named graph goes to "
        "GSP?graph=IRI (PUT with --replace, else POST = add), big graphs in chunks. "
        "The Graph Store URL is guessed from --endpoint for Oxigraph, Fuseki, GraphDB and "
        "Virtuoso, or given with --gsp. See docs/ENDPOINTS.md.",
    )
    p.add_argument(
        "graph", nargs="?", metavar="GRAPH_FILE", help="graph file to upload (trig/nq keep graphs), or a store folder"
    )
    p.add_argument("--store", metavar="DIR", help="upload the store folder instead (opened read-only)")
    p.add_argument("--endpoint", metavar="URL", help="the server's SPARQL query endpoint")
    p.add_argument(
        "--gsp", metavar="URL", help="the Graph Store Protocol URL (default: guessed from --endpoint)"
    )
    p.add_argument(
        "--gsp-param",
        metavar="NAME",
        help="query parameter naming the graph (default: graph; Virtuoso: graph-uri)",
    )
    p.add_argument(
        "--default-graph-as",
        metavar="IRI",
        help="send the default graph (a store's de-duplicated union of the articles) to this named graph; "
        "for Virtuoso, whose Graph Store has no default graph, it goes to urn:dantoc-kg:union "
        "(query it with: query --endpoint URL --default-graph urn:dantoc-kg:union)",
    )
    p.add_argument("--replace", action="store_true", help="replace each graph (PUT) instead of adding (POST)")
    p.add_argument(
        "--chunk", type=int, default=50_000, metavar="N", help="triples per request (default 50000)"
    )
    p.add_argument("--timeout", type=float, default=60.0, metavar="S", help="per request (default 60 s)")
    p.add_argument(
        "--retries", type=int, default=3, metavar="N", help="extra attempts per request (default 3)"
    )
    p.add_argument("--quiet", "-q", action="store_true", help="no progress or summary on stderr")
    add_auth_arguments(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from graph.store.files import load_dataset
    from graph.store.kgstore import KGStore
    from graph.store.remote import UNION_GRAPH, GraphStore, guess_gsp, is_virtuoso_gsp

    if args.graph and not args.store and Path(args.graph).is_dir():   # `push kg/ ...`: a store folder
        args.store, args.graph = args.graph, None
    if bool(args.graph) == bool(args.store):
        raise UserError("give exactly one of GRAPH_FILE or --store DIR")
    if not args.gsp and not args.endpoint:
        raise UserError("give --endpoint URL (or the Graph Store URL with --gsp)")
    if args.chunk <= 0:
        raise UserError("--chunk must be positive")
    if args.gsp:
        gsp, param = args.gsp, "graph"
    else:
        gsp, param = guess_gsp(args.endpoint)
    param = args.gsp_param or param
    default_as = args.default_graph_as or (UNION_GRAPH if is_virtuoso_gsp(param) else None)
    user, password = credentials(args)
    target = GraphStore(
        gsp,
        graph_param=param,
        timeout=args.timeout,
        retries=max(args.retries, 0),
        user=user,
        password=password,
        auth=args.auth,
    )
    if args.store:
        if not Path(args.store).is_dir():
            raise UserError(f"{args.store}: no such store folder")
        from graph.store.kgstore import note_if_building

        note_if_building(args.store)
        with KGStore(args.store, read_only=True) as store:
            report = target.push(
                store.oxigraph,
                replace=args.replace,
                chunk_triples=args.chunk,
                quiet=args.quiet,
                default_as=default_as,
            )
    else:
        dataset = load_dataset(args.graph)
        if default_as:  # a file has only the article graphs: send their union too, as a store push does
            from graph.query.run import deduplicated_union

            deduplicated_union(dataset)
        report = target.push(
            dataset,
            replace=args.replace,
            chunk_triples=args.chunk,
            quiet=args.quiet,
            default_as=default_as,
        )
    if not args.quiet:
        print(
            f"pushed {report.graphs} graphs, {report.triples:,} triples to {gsp} in {report.seconds:.1f} s "
            f"({report.requests} requests)",
            file=sys.stderr,
        )
        if default_as and report.default_graph_sent:
            print(
                f"the union of the articles is in the graph <{default_as}>: ask with "
                f"--default-graph {default_as}",
                file=sys.stderr,
            )
    return 0
