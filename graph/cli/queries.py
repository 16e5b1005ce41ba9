"""``dantoc-kg queries``: list the stored queries (title, parameters)."""

from __future__ import annotations

import argparse
import sys

ORDER = 61


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "queries",
        help="list stored queries (.rq files) with their titles and parameters",
        description="List the stored queries of FOLDER (default: ./queries, else the bundled ones).",
    )
    p.add_argument("folder", nargs="?", metavar="FOLDER", help="folder of .rq files")
    p.add_argument("-v", "--verbose", action="store_true", help="also show descriptions and examples")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from graph.query.stored import default_queries_folder, list_queries

    folder = args.folder or default_queries_folder()
    queries = list_queries(folder)
    out = sys.stdout
    if not queries:
        out.write(f"no stored queries in {folder}\n")
        return 0
    width = max(len(q.name) for q in queries)
    for q in queries:
        out.write(f"{q.name.ljust(width)}  {q.title or '(no title)'}\n")
        for param in q.params:
            out.write(f"{'':{width}}    --param {param.name}=…  {param.description}\n")
        if args.verbose:
            if q.description:
                out.write(f"{'':{width}}    {q.description}\n")
            if q.example:
                out.write(f"{'':{width}}    e.g. {q.example}\n")
    return 0
