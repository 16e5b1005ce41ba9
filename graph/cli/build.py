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
    p.add_argument("--allow-skips", action="store_true",
                   help="exit 0 even when some files were skipped (unreadable, or their extraction failed)")
    p.add_argument("--article-timeout", type=float, default=None, metavar="SECONDS",
                   help="skip an article whose extraction takes longer than this (default: 60; 0: no limit)")
    p.add_argument("--quiet", action="store_true", help="print nothing but errors")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pyoxigraph import RdfFormat

    from graph.build import ARTICLE_SECONDS, build, skip_summary, write_union

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
    seconds = ARTICLE_SECONDS if args.article_timeout is None else args.article_timeout
    if seconds < 0:
        raise UserError("--article-timeout must be 0 (no limit) or a number of seconds")
    if args.store is not None:
        with open_store(args.store) as kg:
            result = build(args.inputs, jobs=args.jobs, progress=progress, store=kg, article_seconds=seconds)
            (write_dataset if fmt in (RdfFormat.N_QUADS, RdfFormat.TRIG) else write_union)(result.store, args.out, fmt)
            counts = result.counts()
    else:
        result = build(args.inputs, jobs=args.jobs, progress=progress, article_seconds=seconds)
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
        for path, same in result.duplicates:
            print(f"duplicate {path}: same text as {same}")
        if report is not None:
            print("SHACL: conforms" if conforms else f"SHACL: {len(report.results)} violation(s)")
            if not conforms:
                print(report.to_text())
        print(f"wrote {args.out}")
    if result.skipped:  # on stderr, even with --quiet: these files are missing from the graph
        for path, reason in result.skipped:
            print(f"skipped {path}: {reason}", file=sys.stderr)
        kinds = ", ".join(f"{n} {kind}" for kind, n in skip_summary(result.skipped))
        verdict = "allowed by --allow-skips" if args.allow_skips else "exit status 1; --allow-skips to accept"
        print(f"skipped {len(result.skipped)} of {result.articles + len(result.duplicates) + len(result.skipped)} "
              f"files ({kinds}); {verdict}", file=sys.stderr)
    if not conforms:
        return 1
    if result.skipped and not args.allow_skips:
        return 1
    return 0
