"""Reading graph files with pyoxigraph's native parsers (10-30x faster than rdflib's Turtle parser)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pyoxigraph as ox

from graph.errors import UserError

FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".ntriples": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nquads": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".n3": ox.RdfFormat.N3,
}


def guess_format(path: str | Path) -> ox.RdfFormat:
    """The RDF syntax from the file extension (a trailing ``.gz`` is looked through)."""
    name = Path(path).name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    suffix = Path(name).suffix
    try:
        return FORMATS[suffix]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise UserError(
            f"{path}: cannot tell the RDF syntax from the extension {suffix!r} (known: {known})"
        ) from None


def _check_readable(path: Path) -> None:
    if not path.exists():
        raise UserError(f"{path}: no such file")
    if path.is_dir():
        raise UserError(f"{path}: is a folder, not a graph file (use --store for a store folder)")


def parse_file(path: str | Path) -> list[ox.Quad]:
    """All quads of a graph file; triples formats give quads in the default graph."""
    path = Path(path)
    _check_readable(path)
    fmt = guess_format(path)
    try:
        if path.name.lower().endswith(".gz"):
            with gzip.open(path, "rb") as fh:
                return list(ox.parse(fh, fmt))
        return list(ox.parse(path=str(path), format=fmt))
    except SyntaxError as exc:
        raise UserError(f"{path}: not valid {fmt.name}: {exc}") from None
    except (OSError, EOFError) as exc:
        raise UserError(f"{path}: cannot read: {exc}") from None


def load_dataset(path: str | Path) -> ox.Store:
    """An in-memory pyoxigraph store holding the file (named graphs kept, triples in the default graph)."""
    path = Path(path)
    _check_readable(path)
    fmt = guess_format(path)
    store = ox.Store()
    try:
        if path.name.lower().endswith(".gz"):
            with gzip.open(path, "rb") as fh:
                store.bulk_load(fh, fmt)
        else:
            store.bulk_load(path=str(path), format=fmt)
    except SyntaxError as exc:
        raise UserError(f"{path}: not valid {fmt.name}: {exc}") from None
    except (OSError, EOFError) as exc:
        raise UserError(f"{path}: cannot read: {exc}") from None
    return store
