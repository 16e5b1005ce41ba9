"""``dantoc-kg export``: the graph, ontology or shapes as Turtle, N-Triples, N-Quads, TriG or JSON-LD."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from graph.errors import UserError
from graph.terminal import safe

ORDER = 62

_ONTOLOGY_FILES = {"ontology": "dantoc.ttl", "shapes": "shapes.ttl"}


def ontology_file(what: str) -> Path:
    """ontology/dantoc.ttl or ontology/shapes.ttl: the working copy's, else the packaged one."""
    name = _ONTOLOGY_FILES[what]
    package = Path(__file__).resolve().parent.parent
    for folder in (Path("ontology"), package / "_bundled" / "ontology", package.parent / "ontology"):
        if (folder / name).is_file():
            return folder / name
    raise UserError(f"cannot find ontology/{name} (run from the project folder)")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "export",
        help="write a graph file or the store as turtle, nt, nquads, trig or jsonld (deterministic)",
        description="Convert a graph file, the store, the ontology or the shapes. Turtle and N-Triples "
        "hold the union of the article graphs; TriG, N-Quads and JSON-LD keep them. "
        "The same graph always gives byte-identical output; the file is replaced atomically.",
    )
    p.add_argument("graph", nargs="?", metavar="GRAPH_FILE", help="graph file to convert")
    p.add_argument("--store", metavar="DIR", help="export the store folder instead (opened read-only)")
    p.add_argument(
        "--what", choices=("ontology", "shapes"), help="export ontology/dantoc.ttl or ontology/shapes.ttl"
    )
    p.add_argument(
        "--format",
        choices=("turtle", "nt", "nquads", "trig", "jsonld"),
        help="output syntax (default: from the --out extension)",
    )
    p.add_argument("--out", "-o", required=True, metavar="FILE", help="output file ('-' for stdout)")
    p.add_argument(
        "--order",
        choices=("auto", "sorted", "stream"),
        default="auto",
        help="sorted: subjects in order, the whole graph in memory; stream: a store written in Oxigraph's "
        "index order, bounded memory, ~4x faster; auto (default): stream stores of over 1M quads",
    )
    p.set_defaults(func=run)


def _format_from_name(out: str) -> str:
    from graph.export.writers import EXTENSIONS

    suffix = Path(out).suffix.lower()
    for fmt, ext in EXTENSIONS.items():
        if suffix == ext or (suffix == ".json" and fmt == "jsonld"):
            return fmt
    raise UserError(f"--format is needed: cannot tell it from {out!r}")


def run(args: argparse.Namespace) -> int:
    from graph.export import export
    from graph.export.writers import is_stdout

    chosen = [x for x in (args.graph, args.store, args.what) if x]
    if len(chosen) != 1:
        raise UserError("give exactly one of GRAPH_FILE, --store DIR or --what ontology|shapes")
    fmt = args.format or ("turtle" if is_stdout(args.out) else _format_from_name(args.out))
    if args.store:
        if not Path(args.store).is_dir():
            raise UserError(f"{args.store}: no such store folder")
        source: object = args.store
    elif args.what:
        source = str(ontology_file(args.what))
    else:
        source = args.graph
    if args.store:
        from graph.store.kgstore import note_if_building

        note_if_building(args.store)
    path = export(source, fmt, args.out, order=args.order)  # type: ignore[arg-type]
    if not is_stdout(args.out):
        print(f"wrote {safe(path)} ({fmt})", file=sys.stderr)
    return 0
