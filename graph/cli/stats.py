"""``dantoc-kg stats``: who and what is central in the graph, which groups form, counts."""

from __future__ import annotations

import argparse
import sys

from graph.errors import UserError

ORDER = 81


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "stats", help="network analysis: central people/bodies/documents, communities, counts",
        description="Most central people, bodies and documents (degree, betweenness), communities "
                    "(Louvain, fixed seed) and counts by kind, province and year of GRAPH.",
    )
    p.add_argument("graph", metavar="GRAPH", help="RDF file (.ttl/.nt/.trig/.nq) or store directory")
    p.add_argument("--top", type=int, default=10, help="rows per table (default 10)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--out", "-o", help="write here instead of standard output")
    p.add_argument("--focus", metavar="NAME", help="analyse only the neighbourhood of NAME")
    p.add_argument("--depth", type=int, default=2)
    p.add_argument("--kind", action="append", metavar="KIND")
    p.add_argument("--province")
    p.add_argument("--year", type=int)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from graph.viz.html import atomic_write
    from graph.viz.project import to_networkx
    from graph.viz.stats import centrality_table, format_stats

    if args.top < 1:
        raise UserError("--top must be at least 1")
    g = to_networkx(args.graph, focus=args.focus, depth=args.depth, kinds=args.kind,
                    province=args.province, year=args.year)
    text = format_stats(centrality_table(g, top=args.top), args.format)
    if args.out:
        atomic_write(args.out, text)
    else:
        sys.stdout.write(text)
    return 0
