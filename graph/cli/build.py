"""``dantoc-kg build``: reports in, validated knowledge graph out."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from graph.errors import UserError
from graph.terminal import safe
from graph.workers import stop_on_sigterm

ORDER = 10


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "build",
        help="read reports (.txt/.html files or folders) and build the knowledge graph",
        description="Read reports, extract boards, officials, documents, programmes, events and figures, "
        "write the graph (Turtle by default; .nt/.nq/.trig by extension) and check it against the SHACL shapes.",
    )
    p.add_argument("inputs", nargs="+", type=Path, help="report files or folders of .txt/.html files")
    p.add_argument("--out", "-o", type=Path, default=None,
                   help="graph file to write ('-' for stdout; default: out/graph.ttl, or nothing with --store)")
    p.add_argument("--store", type=Path, default=None,
                   help="on-disk store folder to add the articles to (created if absent); --out then holds the whole store")
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    p.add_argument("--no-validate", action="store_true", help="skip the SHACL check")
    p.add_argument("--allow-skips", action="store_true",
                   help="exit 0 even when some files were skipped (unreadable, or their extraction failed)")
    p.add_argument("--article-timeout", type=float, default=None, metavar="SECONDS",
                   help="skip an article whose extraction takes longer than this (default: 60; 0: no limit)")
    p.add_argument("--report", type=Path, default=None, metavar="FILE",
                   help="write the full SHACL report to FILE (Turtle if it ends in .ttl, else text); "
                   "the terminal shows counts per shape with a few examples each")
    p.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")
    p.set_defaults(func=run)


EXAMPLES_PER_SHAPE = 3   # results shown per shape on the terminal; --report FILE has them all


def write_report(report: object, path: Path) -> None:
    """The whole validation report: the sh:ValidationReport graph for .ttl, else the readable text."""
    from graph.export.writers import write_bytes_atomic

    ttl = path.suffix.lower() == ".ttl"
    text = report.to_turtle() if ttl else report.to_text()  # type: ignore[attr-defined]
    try:
        write_bytes_atomic(path, text.encode("utf-8"))
    except OSError as exc:
        raise UserError(f"cannot write {safe(path)}: {exc.strerror or exc}") from None


def run(args: argparse.Namespace) -> int:
    from pyoxigraph import RdfFormat

    from graph.build import ARTICLE_SECONDS, build, write_dataset, write_union, write_union_and_validate
    from graph.export.writers import is_regular_target, is_stdout
    from graph.store import open_store
    from graph.validate import report_from_rows, tracker

    for path in args.inputs:
        if not path.exists():
            raise UserError(f"no such file or folder: {safe(path)}")
    out: Path | None = args.out
    if out is None and args.store is None:
        out = Path("out/graph.ttl")
    fmt = None if out is None else {".ttl": RdfFormat.TURTLE, ".nt": RdfFormat.N_TRIPLES, ".nq": RdfFormat.N_QUADS,
                                    ".trig": RdfFormat.TRIG}.get(out.suffix.lower())
    if out is not None and fmt is None:
        if is_stdout(out) or not is_regular_target(out):   # a pipe or stdout: Turtle unless told otherwise
            fmt = RdfFormat.TURTLE
        else:
            raise UserError(f"--out must end in .ttl, .nt, .nq or .trig (got {safe(out.name)})")
    progress = not args.quiet and sys.stderr.isatty()
    seconds = ARTICLE_SECONDS if args.article_timeout is None else args.article_timeout
    if seconds < 0:
        raise UserError("--article-timeout must be 0 (no limit) or a number of seconds")

    def write(result: object) -> None:
        if out is None:
            return
        if fmt in (RdfFormat.N_QUADS, RdfFormat.TRIG):
            write_dataset(result.store, out, fmt)  # type: ignore[attr-defined]
        else:   # the union the build kept in a default graph: no pass over the article graphs
            write_union(result.union, out, fmt, default_graph_is_union=True)  # type: ignore[attr-defined]

    report = None
    with stop_on_sigterm():
        if args.store is not None:
            with open_store(args.store) as kg:
                # follows what the build changes: only the focus nodes whose results can change are
                # checked again, the others' results are kept in the store folder (graph.validate.incremental)
                follow = None if args.no_validate else tracker(kg)
                result = build(args.inputs, jobs=args.jobs, progress=progress, store=kg, article_seconds=seconds)
                write(result)
                counts = result.counts()
                if follow is not None:   # the store keeps the de-duplicated union in its default graph
                    # the sentences of the examples shown are looked up now, while the store is open (all of
                    # them only for --report FILE: the lookup cost as much as the check at 2k articles)
                    report = report_from_rows(kg.oxigraph, follow.finish(), evidence=args.report is not None)
                    report.to_text(limit_per_group=EXAMPLES_PER_SHAPE)
        else:
            per_article = fmt in (RdfFormat.N_QUADS, RdfFormat.TRIG)   # else the union is all we need
            from graph.validate import prepare

            result = build(args.inputs, jobs=args.jobs, progress=progress, article_seconds=seconds,
                           graphs=per_article, meanwhile=None if args.no_validate else prepare)
            counts = result.counts()
            if per_article:
                write(result)
            # the union built in memory, checked once (not the file re-read), while the Turtle is written
            report = write_union_and_validate(result, None if per_article else out, fmt or RdfFormat.TURTLE,
                                              check=not args.no_validate)
    conforms = report is None or report.conforms
    if report is not None and args.report is not None:
        write_report(report, args.report)
    say = sys.stderr if out is not None and is_stdout(out) else sys.stdout   # the graph may be on stdout
    if not args.quiet:
        print(f"articles built: {result.articles} ({len(result.duplicates)} duplicate files, "
              f"{len(result.skipped)} skipped) in {result.seconds:.1f} s", file=say)
        for label, n in counts.items():
            print(f"  {label:20} {n}", file=say)
        for path, same in result.duplicates:
            print(f"duplicate {safe(path)}: same text as {safe(same)}", file=say)
        if report is not None:
            print(f"SHACL: {shacl_summary(report)}", file=say)
            if report.results:
                # a summary, not a flood: counts per shape, a few examples each; everything with --report
                text = report.to_text(limit_per_group=EXAMPLES_PER_SHAPE)  # type: ignore[attr-defined]
                print(text.split("\n", 1)[1], file=say, end="")     # (its first line is the summary above)
                if args.report is None and any(
                        n > EXAMPLES_PER_SHAPE for n in Counter(r.shape for r in report.results).values()):
                    print("(the full report: --report FILE, .txt or .ttl)", file=say)
        if out is not None and not is_stdout(out):
            print(f"wrote {safe(out)}", file=say)
    if result.skipped:  # on stderr, even with --quiet: these files are missing from the graph
        report_skips(result, allowed=args.allow_skips)
    if not conforms:
        return 1
    if result.skipped and not args.allow_skips:
        return 1
    return 0


def shacl_summary(report: object) -> str:
    """"conforms" or the violations, and the warnings counted apart (they do not fail a graph)."""
    nv, nw = len(report.violations), len(report.warnings)  # type: ignore[attr-defined]
    warnings = f"{nw} warning{'s' * (nw != 1)}"
    if report.conforms:  # type: ignore[attr-defined]
        return f"conforms ({warnings})" if nw else "conforms"
    return f"{nv} violation{'s' * (nv != 1)}, {warnings}"


SKIP_EXAMPLES = 5   # skipped files listed one by one; the rest are counted by reason


def report_skips(result: object, *, allowed: bool) -> None:
    """The skipped files on stderr: each one when few, else a few examples per reason and the counts."""
    from graph.build import skip_kind, skip_summary

    skipped = result.skipped  # type: ignore[attr-defined]
    total = result.articles + len(result.duplicates) + len(skipped)  # type: ignore[attr-defined]
    summary = skip_summary(skipped)
    if len(skipped) <= 2 * SKIP_EXAMPLES:
        for path, reason in skipped:
            print(f"skipped {safe(path)}: {safe(reason)}", file=sys.stderr)
    else:
        shown: dict[str, int] = {}
        for path, reason in skipped:
            kind = skip_kind(reason)
            if shown.get(kind, 0) < SKIP_EXAMPLES:
                shown[kind] = shown.get(kind, 0) + 1
                print(f"skipped {safe(path)}: {safe(reason)}", file=sys.stderr)
        for kind, n in summary:
            if n > shown.get(kind, 0):
                print(f"  ... and {n - shown[kind]} more: {safe(kind)}", file=sys.stderr)
    kinds = ", ".join(f"{n} {safe(kind)}" for kind, n in summary)
    verdict = "allowed by --allow-skips" if allowed else "exit status 1; --allow-skips to accept"
    print(f"skipped {len(skipped)} of {total} files ({kinds}); {verdict}", file=sys.stderr)
