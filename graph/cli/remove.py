"""``dantoc-kg remove``: take articles (by file name) out of an on-disk store."""

from __future__ import annotations

import argparse
from pathlib import Path

ORDER = 15


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "remove",
        help="remove articles from a store by their file names (their facts go; shared nodes stay)",
        description="Remove the articles built from these files (names without extension, or paths) from the store. "
        "An article also known under another file name only loses this name.",
    )
    p.add_argument("names", nargs="+", help="file names (with or without folder and extension)")
    p.add_argument("--store", type=Path, required=True, help="the store folder")
    p.add_argument("--quiet", "-q", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from graph.errors import UserError
    from graph.store import open_store

    if not args.store.is_dir():
        raise UserError(f"no store at {args.store}")
    missing = []
    from graph.validate import tracker

    with open_store(args.store) as kg:
        follow = tracker(kg)   # the store's kept validation results follow the removal (graph.validate.incremental)
        known = kg.source_map()
        for name in args.names:
            stem = Path(name).stem
            if stem not in known:
                missing.append(stem)
                continue
            dropped = kg.remove_source(stem)
            if not args.quiet:
                print(f"{stem}: " + (f"removed {len(dropped)} article graph(s)" if dropped else "name removed"))
        if follow.why_full is None:   # (a store without kept results gets its whole check from validate/build)
            follow.finish()
    if missing:
        raise UserError("not in the store: " + ", ".join(missing))
    return 0
