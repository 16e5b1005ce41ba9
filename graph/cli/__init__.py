"""The ``dantoc-kg`` command line.

Each command lives in its own module of this package and exposes ``register(subparsers)``, which adds
its sub-parser and sets ``func`` (``args -> int`` exit status).  Commands are found by scanning the
package, so adding a command is adding a file.  ``ORDER`` (optional, int) sorts them in ``--help``.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from graph import __version__, allocator
from graph.errors import UserError
from graph.terminal import safe
from graph.workers import Terminated


def _command_modules() -> list:
    modules = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "register"):
            modules.append(module)
    return sorted(modules, key=lambda m: (getattr(m, "ORDER", 50), m.__name__))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dantoc-kg",
        description="Build, check, query, export and draw a knowledge graph of Vietnamese ethnic-affairs reports.",
    )
    parser.add_argument("--version", action="version",
                        version=f"dantoc-kg {__version__} (allocator: {allocator.in_use()})")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in _command_modules():
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:   # run as the program: restart under mimalloc when it is installed (graph/allocator.py)
        allocator.reexecute_with_mimalloc()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"dantoc-kg {args.command}: error: {safe(exc)}", file=sys.stderr)
        return exc.exit_code
    except Terminated:
        print("dantoc-kg: stopped (SIGTERM)", file=sys.stderr)
        return 143
    except KeyboardInterrupt:
        print("dantoc-kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except (RuntimeError, OSError) as exc:
        if "Corruption" not in str(exc):   # RocksDB found damaged store files while reading: one line
            raise
        detail = " ".join(str(exc).split())[:160]
        print(f"dantoc-kg {args.command}: error: the store is damaged ({safe(detail)}); rebuild it from the "
              "reports into a new folder, or restore a backup", file=sys.stderr)
        return 2
