"""The Python API: the same path as the CLI, for notebooks and scripts.

    import graph
    kg = graph.build(["seeds"])                      # or graph.load("out/graph.ttl") / graph.load("store-dir")
    rows = kg.query("officials")                     # a stored query by name, a .rq path, or SPARQL text
    rows = kg.query("person-timeline", name="Kiên Ninh")   # parameters are bound as RDF terms
    for r in rows: print(r["name"], r["position"])
    kg.export("out/graph.ttl")                       # turtle | nt | nquads | trig | jsonld (by extension or fmt=)
    print(kg.validate().conforms)
    kg.viz("out/graph.html")                         # or .png / .svg
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.store.results import Rows

_EXT = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "jsonld", ".json": "jsonld"}


class KnowledgeGraph:
    """A built or loaded graph: per-article named graphs in a pyoxigraph store (memory or disk)."""

    def __init__(self, store: ox.Store, kgstore: Any = None) -> None:
        self.store = store
        self._kgstore = kgstore

    def query(
        self, query: str | os.PathLike[str], *, limit: int | None = None, offset: int = 0, **params: str
    ) -> Rows:
        """Rows of a stored query (by name: ``"officials"``), a ``.rq`` file or SPARQL text.

        ``limit``/``offset`` give one page in the query's order (``kg.query("officials", limit=50)``).
        """
        from graph.query import run_query

        return run_query(query, self.store, params or None, limit=limit, offset=offset)

    def export(self, out: str | os.PathLike[str], fmt: str | None = None) -> Path:
        """Write the graph; the format comes from ``fmt`` or the file extension. Deterministic and atomic."""
        from graph.export import export

        fmt = fmt or _EXT.get(Path(out).suffix.lower(), "turtle")
        return export(self.store, fmt, out)

    def validate(self) -> Any:
        """SHACL report (graph.validate.Report): ``.conforms``, ``.results``, ``.to_text()``."""
        from graph.validate import validate

        return validate(self.store)

    def to_networkx(self, **options: Any) -> Any:
        """The relationship graph (see graph.viz.to_networkx for focus/depth/kinds/province/year)."""
        from graph.viz import to_networkx

        return to_networkx(self.store, **options)

    def viz(self, out: str | os.PathLike[str], **options: Any) -> Path:
        """An interactive page (.html) or a picture (.png/.svg) of the graph."""
        from graph.viz import write_html, write_image

        g = self.to_networkx(**options)
        path = Path(out)
        return write_html(g, path) if path.suffix.lower() in {".html", ".htm"} else write_image(g, path)

    def __len__(self) -> int:
        return len(self.store)

    def close(self) -> None:
        if self._kgstore is not None:
            self._kgstore.close()


def build(inputs: Iterable[str | os.PathLike[str]], *, store: str | os.PathLike[str] | None = None,
          jobs: int | None = None) -> KnowledgeGraph:
    """Read reports (files or folders), extract, and return the graph (kept on disk when ``store`` is given)."""
    from graph.build import build as _build

    paths = [Path(p) for p in inputs]
    if store is None:
        return KnowledgeGraph(_build(paths, jobs=jobs).store)
    from graph.store import open_store

    kg = open_store(store)
    _build(paths, jobs=jobs, store=kg)
    return KnowledgeGraph(kg.oxigraph, kg)


def load(source: str | os.PathLike[str]) -> KnowledgeGraph:
    """A graph file (ttl, nt, nq, trig, jsonld) or a store folder (opened read-only)."""
    from graph.store import open_store
    from graph.store.files import load_dataset

    path = Path(source)
    if path.is_dir():
        kg = open_store(path, read_only=True)
        return KnowledgeGraph(kg.oxigraph, kg)
    return KnowledgeGraph(load_dataset(path))
