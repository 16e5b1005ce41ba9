"""Writing the graph out: Turtle, N-Triples, N-Quads, TriG, JSON-LD — deterministic and atomic.

:func:`export` is the one entry point; :mod:`graph.export.writers` has the pieces.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox

from graph.errors import UserError
from graph.export.writers import (
    EXTENSIONS,
    FORMAT_ALIASES,
    atomic_write,
    canonical_format,
    jsonld_document,
    serialize,
    sorted_quads,
    sorted_triples,
)
from graph.store.files import parse_file
from graph.store.kgstore import KGStore

ExportSource = KGStore | ox.Store | str | os.PathLike[str]


def source_quads(source: ExportSource) -> list[ox.Quad]:
    """Every quad of a store, an in-memory pyoxigraph store, a store folder or a graph file."""
    if isinstance(source, KGStore):
        return source.quads()
    if isinstance(source, ox.Store):
        return list(source.quads_for_pattern(None, None, None, None))
    path = Path(source)
    if path.is_dir():
        with KGStore(path, read_only=True) as store:
            return store.quads()
    return parse_file(path)


def export(source: ExportSource, fmt: str, out: str | os.PathLike[str]) -> Path:
    """Write ``source`` to ``out`` in ``fmt`` (turtle, nt, nquads, trig, jsonld); returns the path.

    The same graph always gives the same bytes.  Turtle/N-Triples hold the union of the graphs
    (duplicates removed); TriG/N-Quads/JSON-LD keep the per-article named graphs.
    """
    try:
        fmt = canonical_format(fmt)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    data = serialize(source_quads(source), fmt)
    try:
        return atomic_write(out, lambda fh: fh.write(data))
    except OSError as exc:
        raise UserError(f"{out}: cannot write: {exc.strerror or exc}") from None


__all__ = [
    "EXTENSIONS",
    "FORMAT_ALIASES",
    "atomic_write",
    "canonical_format",
    "export",
    "jsonld_document",
    "serialize",
    "sorted_quads",
    "sorted_triples",
    "source_quads",
]
