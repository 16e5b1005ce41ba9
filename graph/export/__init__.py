"""Writing the graph out: Turtle, N-Triples, N-Quads, TriG, JSON-LD — deterministic and atomic.

:func:`export` is the one entry point; :mod:`graph.export.writers` has the pieces.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from pathlib import Path
from typing import IO

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
    union_turtle,
)
from graph.store.files import parse_file
from graph.store.kgstore import KGStore
from graph.store.prefixes import PREFIXES

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


def union_quads(source: ExportSource) -> list[ox.Quad]:
    """The union a triple format holds: a store's default graph (kept showing one value where reports
    disagree), or the article graphs' union shown the same way (graph.resolve.claims)."""
    from graph.resolve.claims import has_named_graphs, shown_quads

    if isinstance(source, KGStore):
        return source.union_triples() or list(shown_quads(source.oxigraph))   # (a store without its union)
    if not isinstance(source, ox.Store):
        path = Path(source)
        if path.is_dir():
            with KGStore(path, read_only=True) as store:
                return union_quads(store)
        source = _loaded(parse_file(path))
    if not has_named_graphs(source):
        return list(source.quads_for_pattern(None, None, None, None))
    return list(shown_quads(source))


def _loaded(quads: list[ox.Quad]) -> ox.Store:
    store = ox.Store()
    store.bulk_extend(quads)
    return store


STREAM_ABOVE = 1_000_000   # "auto" order: a store with more quads than this is streamed, not sorted
ORDERS = ("auto", "sorted", "stream")


def export(source: ExportSource, fmt: str, out: str | os.PathLike[str], *, order: str = "auto") -> Path:
    """Write ``source`` to ``out`` in ``fmt`` (turtle, nt, nquads, trig, jsonld); returns the path.

    Turtle/N-Triples hold the union of the graphs (duplicates removed, one value shown where reports
    disagree: graph.resolve.claims); TriG/N-Quads/JSON-LD keep the per-article named graphs (the claims).  ``order="sorted"`` gives the same bytes for the same graph, sorted
    and grouped by subject, but holds the whole graph in memory (~6 GiB at 10k reports).
    ``order="stream"`` (stores only) lets Oxigraph write in its index order, in bounded memory and
    ~4x faster: the same store content still gives the same bytes.  ``"auto"`` streams stores of
    more than ``STREAM_ABOVE`` quads and sorts everything else.
    """
    try:
        fmt = canonical_format(fmt)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    if order not in ORDERS:
        raise UserError(f"unknown order {order!r} (use {', '.join(ORDERS)})")
    opened = _store_of(source) if order != "sorted" and fmt != "jsonld" else None
    try:
        if opened is not None:
            with opened as kg:
                if order == "stream" or len(kg.oxigraph) > STREAM_ABOVE:
                    return atomic_write(out, lambda fh: stream(kg.oxigraph, fmt, fh))
                if fmt == "turtle":   # sorted, from the union the store keeps in its default graph
                    data = union_turtle(kg.oxigraph)
                    return atomic_write(out, lambda fh: fh.write(data))
        elif order == "stream":
            raise UserError("--order stream needs a store (a store folder, or N-Triples/N-Quads/Turtle/TriG "
                            "from a store); files and JSON-LD are written sorted")
        data = serialize(union_quads(source) if fmt in ("turtle", "nt") else source_quads(source), fmt)
        return atomic_write(out, lambda fh: fh.write(data))
    except OSError as exc:
        raise UserError(f"{out}: cannot write: {exc.strerror or exc}") from None


def _store_of(source: ExportSource) -> contextlib.AbstractContextManager[KGStore] | None:
    """The KGStore behind ``source`` in a ``with`` block: the caller's own stays open, a folder is
    opened read-only and closed again; None for anything else."""
    if isinstance(source, KGStore):
        return contextlib.nullcontext(source)
    if not isinstance(source, ox.Store) and Path(source).is_dir():
        return KGStore(Path(source), read_only=True)
    return None


_STREAM_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS,
                   "trig": ox.RdfFormat.TRIG}
# prefixes whose local names are plain words; ours (id:, dtk:) hold "/", which Oxigraph would escape
_STREAM_PREFIXES = {k: v for k, v in PREFIXES.items() if v.endswith("#") or k in ("foaf", "schema")}


def stream(store: ox.Store, fmt: str, fh: IO[bytes]) -> None:
    """Oxigraph's own writer, straight from the store's indexes to ``fh`` (bounded memory).

    Triple formats read the store's default graph, which a KGStore keeps as the de-duplicated union;
    quad formats write the article graphs (the default graph is derived from them).
    """
    ox_fmt = _STREAM_FORMATS[fmt]
    prefixes = _STREAM_PREFIXES if fmt in ("turtle", "trig") else None
    if fmt in ("turtle", "nt"):
        store.dump(fh, ox_fmt, from_graph=ox.DefaultGraph(), prefixes=prefixes)
        return
    named = itertools.chain.from_iterable(store.quads_for_pattern(None, None, None, g) for g in store.named_graphs())
    ox.serialize(named, fh, ox_fmt, prefixes=prefixes)


__all__ = [
    "EXTENSIONS",
    "FORMAT_ALIASES",
    "ORDERS",
    "STREAM_ABOVE",
    "atomic_write",
    "canonical_format",
    "export",
    "jsonld_document",
    "serialize",
    "sorted_quads",
    "sorted_triples",
    "source_quads",
    "stream",
    "union_quads",
]
