"""``dantoc-kg viz``: draw the relationships of a graph as an offline HTML page or a PNG/SVG picture."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from graph.errors import UserError
from graph.terminal import safe

ORDER = 80
DEFAULT_MAX_NODES = 2000        # a picture draws every node
DEFAULT_MAX_NODES_PAGE = 10000  # a page opens on its most central nodes (--top), the rest folded


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "viz", help="draw people, bodies, documents and events as an interactive page or a picture",
        description="Draw the relationship graph of GRAPH (Turtle/N-Triples/TriG file or store directory) as "
                    "one self-contained HTML page (default) or a PNG/SVG picture.",
    )
    p.add_argument("graph", metavar="GRAPH", help="RDF file (.ttl/.nt/.trig/.nq) or store directory")
    p.add_argument("--out", "-o", required=True, help="output file (.html, .png or .svg)")
    p.add_argument("--format", choices=("html", "png", "svg"),
                   help="output format (default: from the --out suffix, else html)")
    p.add_argument("--focus", metavar="NAME", help="draw only the neighbourhood of the best match for NAME")
    p.add_argument("--depth", type=int, default=2, help="hops around --focus (default 2)")
    p.add_argument("--kind", action="append", metavar="KIND",
                   help="keep these kinds: person, body, document, programme, event, place "
                        "(repeat or comma-list)")
    p.add_argument("--province", help="keep what belongs to this province (e.g. 'Sóc Trăng' or soc-trang)")
    p.add_argument("--year", type=int, help="keep what is dated or reported in this year")
    p.add_argument("--query", metavar="Q.rq", help="draw the rows of this SPARQL query instead")
    p.add_argument("--max-nodes", type=int, default=None,
                   help=f"refuse a bigger graph (default {DEFAULT_MAX_NODES_PAGE} for a page, "
                        f"{DEFAULT_MAX_NODES} for a picture) unless --sample")
    p.add_argument("--sample", action="store_true",
                   help="over --max-nodes: keep the best-connected nodes instead of refusing")
    p.add_argument("--show-isolated", action="store_true",
                   help="page: show nodes linked to nothing from the start (default: folded away, one click "
                        "brings them back)")
    p.add_argument("--top", type=int, default=None, metavar="K",
                   help="page: open on the K most central nodes, the rest one click away "
                        "(default 300; 0: open on all)")
    p.add_argument("--title", help="page or picture title")
    p.set_defaults(func=run)


KNOWN_SUFFIXES = {"html": "html", "htm": "html", "png": "png", "svg": "svg"}


def output_format(out: str, fmt: str | None) -> str:
    """The format asked, else the one the --out suffix names; an unknown suffix (x.pdf) is refused
    rather than filled with HTML.  Standard output and pipes get HTML."""
    from graph.export.writers import is_regular_target, is_stdout

    if fmt:
        return fmt
    suffix = Path(out).suffix.lower().lstrip(".")
    if suffix in KNOWN_SUFFIXES:
        return KNOWN_SUFFIXES[suffix]
    if is_stdout(out) or not is_regular_target(out):
        return "html"
    raise UserError(f"--out {safe(out)}: cannot draw a .{safe(suffix)} file (use .html, .png or .svg, or --format)"
                    if suffix else f"--out {safe(out)}: no extension (use .html, .png or .svg, or --format)")


def run(args: argparse.Namespace) -> int:
    from graph.viz import project as proj
    from graph.viz import query_to_networkx, write_html, write_image

    if args.depth < 0:
        raise UserError("--depth must be 0 or more")
    if args.top is not None and args.top < 0:
        raise UserError("--top must be 0 or more")
    fmt = output_format(args.out, args.format)
    if args.max_nodes is None:
        args.max_nodes = DEFAULT_MAX_NODES_PAGE if fmt == "html" else DEFAULT_MAX_NODES
    if args.max_nodes < 1:
        raise UserError("--max-nodes must be at least 1")
    if args.query:
        qpath = Path(args.query)
        if not qpath.is_file():
            raise UserError(f"no such query file: {qpath}")
        g = query_to_networkx(args.graph, qpath.read_text(encoding="utf-8"))
        if args.focus or args.kind or args.province or args.year is not None:
            g = proj.filter_graph(g, focus=args.focus, depth=args.depth, kinds=args.kind,
                                  province=args.province, year=args.year)
    else:
        g = proj.to_networkx(args.graph, focus=args.focus, depth=args.depth, kinds=args.kind,
                             province=args.province, year=args.year)
    g = proj.cap_nodes(g, args.max_nodes, sample=args.sample)
    if fmt == "html":
        from graph.viz.html import TOP_NODES

        out = write_html(g, args.out, title=args.title, show_isolated=args.show_isolated,
                         top=TOP_NODES if args.top is None else args.top)
    else:
        out = write_image(g, args.out, format=fmt, title=args.title)
    note = " (sampled)" if g.graph.get("sampled_from") else ""
    from graph.export.writers import is_stdout

    print(f"{safe(out)}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges{note}",
          file=sys.stderr if is_stdout(args.out) else sys.stdout)   # the picture may be on stdout
    return 0
