"""``dantoc-kg build``: reports in, validated knowledge graph out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from graph.errors import UserError

ORDER = 10


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "build",
        help="read reports (.txt/.html files or folders) and build the knowledge graph",
        description="Read reports, extract boards, officials, documents, programmes, events and figures, "
        "write the graph (Turtle by default; .nt/.nq/.trig by extension) and check it against the SHACL shapes.",
    )
    p.add_argument("inputs", nargs="+", type=Path, help="report files or folders of .txt/.html files")
    p.add_argument("--out", type=Path, default=Path("out/graph.ttl"), help="graph file to write (default: out/graph.ttl)")
    p.add_argument("--store", type=Path, default=None,
                   help="on-disk store folder to add the articles to (created if absent); --out then holds the whole store")
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    p.add_argument("--no-validate", action="store_true", help="skip the SHACL check")
    p.add_argument("--allow-skips", action="store_true", help="exit 0 even when some files could not be read")
    p.add_argument("--quiet", action="store_true", help="print nothing but errors")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pyoxigraph import RdfFormat

    from graph.build import build, write_union

    for path in args.inputs:
        if not path.exists():
            raise UserError(f"no such file or folder: {path}")
    fmt = {".ttl": RdfFormat.TURTLE, ".nt": RdfFormat.N_TRIPLES, ".nq": RdfFormat.N_QUADS,
           ".trig": RdfFormat.TRIG}.get(args.out.suffix.lower())
    if fmt is None:
        raise UserError(f"--out must end in .ttl, .nt, .nq or .trig (got {args.out.name})")
    from graph.build import write_dataset
    from graph.store import open_store

    progress = not args.quiet and sys.stderr.isatty()
    if args.store is not None:
        with open_store(args.store) as kg:
            result = build(args.inputs, jobs=args.jobs, progress=progress, store=kg)
            (write_dataset if fmt in (RdfFormat.N_QUADS, RdfFormat.TRIG) else write_union)(result.store, args.out, fmt)
            counts = result.counts()
    else:
        result = build(args.inputs, jobs=args.jobs, progress=progress)
        (write_dataset if fmt in (RdfFormat.N_QUADS, RdfFormat.TRIG) else write_union)(result.store, args.out, fmt)
        counts = result.counts()
    conforms = True
    report = None
    if not args.no_validate:
        from graph.validate import validate

        report = validate(args.out)
        conforms = report.conforms
    if not args.quiet:
        print(f"articles built: {result.articles} ({len(result.duplicates)} duplicate files, "
              f"{len(result.skipped)} skipped) in {result.seconds:.1f} s")
        for label, n in counts.items():
            print(f"  {label:20} {n}")
        for path, reason in result.skipped:
            print(f"skipped {path}: {reason}")
        for path, same in result.duplicates:
            print(f"duplicate {path}: same text as {same}")
        if report is not None:
            print("SHACL: conforms" if conforms else f"SHACL: {len(report.results)} violation(s)")
            if not conforms:
                print(report.to_text())
        print(f"wrote {args.out}")
    if not conforms:
        return 1
    if result.skipped and not args.allow_skips:
        return 1
    return 0
