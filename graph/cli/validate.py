"""``dantoc-kg validate GRAPH``: check a graph file against the SHACL shapes of the profile.

Exit status: 0 the graph conforms (warnings allowed), 1 it has violations, 2 a user error (missing
file, unknown format, a file that does not parse).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from graph.errors import UserError

ORDER = 40


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "validate",
        help="check a graph against the SHACL shapes (ontology/shapes.ttl)",
        description=(
            "Validate an RDF graph (.ttl, .nt, .nq, .trig, .jsonld) against the dantoc-kg SHACL shapes. "
            "Named graphs are checked as their union. Each problem is shown with the article file and "
            "the sentence the offending node was read from. Exit status: 0 conforms, 1 violations, "
            "2 user error."
        ),
    )
    p.add_argument("graph", metavar="GRAPH", type=Path, help="the RDF file to check")
    p.add_argument(
        "--shapes",
        metavar="FILE",
        type=Path,
        default=None,
        help="SHACL shapes to use instead of ontology/shapes.ttl",
    )
    p.add_argument(
        "--report-ttl",
        metavar="FILE",
        type=str,
        default=None,
        help="also write the sh:ValidationReport graph as Turtle to FILE",
    )
    p.add_argument(
        "--no-vocab",
        action="store_true",
        help="do not add the concept schemes (ontology/vocab/*.ttl) to the data",
    )
    p.add_argument("--engine", choices=("auto", "sparql", "pyshacl"), default="auto",
                   help="the compiled SPARQL engine (auto, the default) or pySHACL, the reference it is tested "
                   "against (minutes on large graphs)")
    p.add_argument("--full", action="store_true",
                   help="for a store folder: check the whole store again instead of reporting the results its "
                   "last build kept")
    p.add_argument("--limit", metavar="N", type=int, default=None, help="show at most N results per shape")
    p.add_argument(
        "-q", "--quiet", action="store_true", help="print nothing; only the exit status tells the outcome"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from graph.validate import validate  # imported late: keeps `dantoc-kg --help` fast

    if args.limit is not None and args.limit < 1:
        raise UserError("--limit must be at least 1")
    if Path(args.graph).is_dir():   # an on-disk store: the compiled engine on its de-duplicated union
        from graph.store import open_store
        from graph.store.kgstore import note_if_building
        from graph.validate import kept_report, validate_store

        note_if_building(args.graph)
        with open_store(args.graph, read_only=True) as kg:
            if args.engine == "pyshacl":
                report = validate(kg.oxigraph, args.shapes, with_vocab=not args.no_vocab, evidence=not args.quiet,
                                  engine="pyshacl")
            else:
                # the results the last build kept (graph.validate.incremental), unless asked to recompute,
                # other shapes are given, or a build is writing (it has taken them away)
                kept = None if args.full or args.shapes is not None or kg.writer_active else \
                    kept_report(kg, evidence=not args.quiet)
                report = kept if kept is not None else validate_store(kg.oxigraph, args.shapes, evidence=not args.quiet, union=False)
    else:
        report = validate(args.graph, args.shapes, with_vocab=not args.no_vocab, evidence=not args.quiet,
                          engine=args.engine)
    from graph.export.writers import is_stdout, write_bytes_atomic

    if args.report_ttl is not None:
        try:
            write_bytes_atomic(args.report_ttl, report.to_turtle().encode("utf-8"))
        except OSError as exc:
            raise UserError(f"cannot write {args.report_ttl}: {exc.strerror or exc}") from None
    if not args.quiet:   # with the Turtle report on stdout, the readable one goes to stderr
        out = sys.stderr if args.report_ttl is not None and is_stdout(args.report_ttl) else sys.stdout
        out.write(report.to_text(limit_per_group=args.limit))
    return 0 if report.conforms else 1
