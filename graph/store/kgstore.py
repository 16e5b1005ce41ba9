"""The persistent graph store: pyoxigraph (RocksDB) on disk, one named graph per article.

Why named graphs: re-building an article must replace exactly what that article said, and removing
it must leave what other articles assert about shared nodes (bodies, people).  Each replacement is
ONE SPARQL update (drop the old graph(s) + insert the new one), which Oxigraph runs as a single
transaction: a crash leaves either the old or the new article, never half of each, and running the
same build twice gives the same store (no duplicates).

The "source name -> article" mapping is not kept on the side (where it could disagree with the
data): it is read from the ``dcterms:identifier`` the article node carries in its own graph.

The default graph is the de-duplicated union, showing one value where reports disagree on a value the
shapes allow once (graph.resolve.claims): a replaced or removed article re-settles the nodes it names at
once; bulk-loaded articles are settled in one pass when the build closes the store (or, after a crash,
when it is next opened for writing), so the union stays what a fresh build of the same articles shows.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.errors import UserError
from graph.resolve import claims
from graph.store import vocabulary
from graph.store.files import parse_file
from graph.store.prefixes import DCTERMS_IDENTIFIER, ID, VOCABULARY_GRAPH, article_iri
from graph.store.results import Rows
from graph.terminal import safe

_IDENT = ox.NamedNode(DCTERMS_IDENTIFIER)
PENDING = "dantoc-pending.nq"   # redo log: the batch of new articles being bulk-loaded (see add_new_articles)
UNSETTLED = "dantoc-unsettled"  # bulk-loaded articles whose claims the union does not show settled yet
VALIDATION = "dantoc-validation.nt"  # the last check's results (graph.validate.incremental); a writer takes it


@dataclass(frozen=True)
class ArticleInfo:
    """A named graph in the store and the source names (file names) its article is known by."""

    iri: str
    sources: tuple[str, ...]


def _to_term(value: Any) -> Any:
    """pyoxigraph terms pass through; rdflib terms (the rdf/ builder may use them) are converted."""
    if isinstance(value, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | ox.DefaultGraph):
        return value
    kind = type(value).__name__
    if kind == "URIRef":
        return ox.NamedNode(str(value))
    if kind == "BNode":
        return ox.BlankNode(str(value))
    if kind == "Literal":
        if value.language:
            return ox.Literal(str(value), language=value.language)
        if value.datatype is not None:
            return ox.Literal(str(value), datatype=ox.NamedNode(str(value.datatype)))
        return ox.Literal(str(value))
    if isinstance(value, str):
        return ox.NamedNode(value)
    raise TypeError(f"not an RDF term: {value!r}")


def _as_triples(data: Iterable[Any], graph: ox.NamedNode) -> list[ox.Triple]:
    """Triples, quads (default graph or ``graph``) or 3/4-tuples -> pyoxigraph triples."""
    out: list[ox.Triple] = []
    for item in data:
        if isinstance(item, ox.Triple):
            out.append(item)
            continue
        if isinstance(item, ox.Quad):
            g = item.graph_name
            if not isinstance(g, ox.DefaultGraph) and g != graph:
                raise ValueError(f"quad in graph {g} given for article graph {graph}")
            out.append(item.triple)
            continue
        parts = tuple(item)
        if len(parts) == 4 and parts[3] is not None:
            g = _to_term(parts[3])
            if not isinstance(g, ox.DefaultGraph) and g != graph:
                raise ValueError(f"quad in graph {g} given for article graph {graph}")
        out.append(ox.Triple(_to_term(parts[0]), _to_term(parts[1]), _to_term(parts[2])))
    return out


def _sparql_string(text: str) -> str:
    return str(ox.Literal(text))


def _forget_triples(data: str, graph: str) -> str:
    """Update op: these triples (just removed from ``graph``) leave the default graph unless asserted elsewhere."""
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES (?s ?p ?o) {{ {_values_rows(data)} }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} }} }}")


def _values_rows(data: str) -> str:
    return " ".join(f"({row.strip().rstrip('.').strip()})" for row in data.split(" .") if row.strip())


def _union_copy(graph: str, nquads: bytes) -> bytes:
    """The same quads in the default graph: N-Quads lines of one graph all end with ``<graph> .``,
    and a literal cannot hold a raw newline, so ``<graph> .\\n`` only ever matches a line's end."""
    tail = f" <{graph}> .\n".encode()
    triples = nquads.replace(tail, b" .\n")   # each line holds the tail at most once: count by length
    if len(nquads) - len(triples) == nquads.count(b"\n") * (len(tail) - 3):
        return triples
    quads = ox.parse(nquads, format=ox.RdfFormat.N_QUADS)   # not one graph's output: the slow, sure way
    return ox.serialize((ox.Quad(q.subject, q.predicate, q.object) for q in quads), format=ox.RdfFormat.N_QUADS) or b""


def _forget(graph: str) -> str:
    """Update op: the triples of ``graph`` that no other graph asserts leave the default graph.

    The store's default graph is kept as the de-duplicated union of the article graphs (Oxigraph's
    union default graph repeats a triple once per graph asserting it, which multiplies joins), so
    queries read the default graph.  Run before the graph is dropped or replaced.
    """
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {graph}) }} }}")


MARKER = "dantoc-kg-store"   # a store folder holds this file; --store refuses other non-empty folders
MARKER_TEXT = "dantoc-kg store (Oxigraph/RocksDB, one named graph per article). Do not put other files here.\n"
# what Oxigraph (RocksDB) writes into its folder: a marker-less folder holding only these is a store
# made before the marker existed, and is accepted (and marked)
_ROCKSDB_FILE = re.compile(r"(?:CURRENT|IDENTITY|LOCK|LOG(?:\.old\.\d+)?|MANIFEST-\d+|OPTIONS-\d+(?:\.dbtmp)?"
                           r"|\d+\.(?:sst|log|blob|dbtmp)|" + re.escape(UNSETTLED) + "|" + re.escape(PENDING) + r"|\." + re.escape(PENDING)
                           + r"\..*\.tmp|" + re.escape(VALIDATION) + r"|\." + re.escape(VALIDATION) + r"\..*\.tmp)")


class StoreDamaged(UserError):
    """The store's files are corrupted (RocksDB reports "Corruption")."""

    def __init__(self, path: Path, exc: BaseException) -> None:
        detail = " ".join(str(exc).split())
        if len(detail) > 160:
            detail = detail[:160].rsplit(" ", 1)[0] + " ..."
        super().__init__(f"{safe(path)}: the store is damaged ({safe(detail)}); rebuild it from the reports "
                         f"into a new folder (dantoc-kg build REPORTS --store NEW), or restore a backup")


def _check_store_folder(path: Path) -> None:
    """Refuse a non-empty folder that is not a store: it would mix RocksDB files into someone's files."""
    if not path.is_dir() or (path / MARKER).is_file():
        return
    strangers = sorted(p.name for p in path.iterdir() if not _ROCKSDB_FILE.fullmatch(p.name))
    if strangers:
        shown = ", ".join(safe(n) for n in strangers[:3]) + (" ..." if len(strangers) > 3 else "")
        raise UserError(f"{safe(path)}: not a dantoc-kg store (no {MARKER} file, and it holds {shown}); "
                        "give --store a new or empty folder")


def _mark_and_lock(path: Path) -> int | None:
    """Write the marker (a new store, or one from before markers) and hold an exclusive flock on it
    while the store is open for writing, so readers can tell that a build is running."""
    marker = path / MARKER
    if not marker.is_file():
        marker.write_text(MARKER_TEXT, encoding="utf-8")
    try:
        fd = os.open(marker, os.O_RDONLY)
    except OSError:
        return None
    try:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (ImportError, OSError):
        pass
    return fd


def note_if_building(path: str | os.PathLike[str]) -> None:
    """One stderr line when a build is writing to the store a command is about to read."""
    if writer_active(path):
        import sys

        print(f"note: a build is running on {safe(path)}; this reads the store as it is now, without what "
              "the build has not written yet", file=sys.stderr)


def writer_active(path: str | os.PathLike[str]) -> bool:
    """Does another process hold the store open for writing (a build or a remove running)?"""
    try:
        import fcntl

        fd = os.open(Path(path) / MARKER, os.O_RDONLY)
    except (ImportError, OSError):
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)   # closing drops the shared lock we may have taken
    return False


class KGStore:
    """An on-disk store of article graphs.  Use as a context manager, or call :meth:`close`.

    One process may open a store for writing at a time (RocksDB lock); ``read_only=True`` opens a
    snapshot that works while a writer holds the lock (queries, exports).
    """

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._lock: int | None = None
        self._store: ox.Store | None = None
        #: told before each write which article graphs and triples it may change (graph.validate.incremental)
        self.watch: Any = None
        #: the stored validation results, taken from the folder by a writable open: a write voids them
        self.kept_validation: bytes | None = None
        #: the vocabulary keys the vocabulary graph holds (graph.store.vocabulary), read at first need
        self._vocabulary: set[str] | None = None
        where = safe(self.path)
        if read_only and not (self.path / "CURRENT").exists():
            raise UserError(f"{where}: not a dantoc-kg store (no store files found)")
        if not read_only and self.path.exists() and not self.path.is_dir():
            raise UserError(f"{where}: exists and is not a folder")
        _check_store_folder(self.path)
        #: a build (another writer) has the store open: a read-only view shows the state before it
        self.writer_active = read_only and writer_active(self.path)
        try:
            self._store = ox.Store.read_only(str(self.path)) if read_only else ox.Store(str(self.path))
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise UserError(
                    f"{where}: the store is open in another process (close it, or open it read-only)"
                ) from None
            raise UserError(f"{where}: cannot open the store: {safe(exc)}") from None
        except RuntimeError as exc:   # RocksDB "Corruption: block checksum mismatch ..." and kin
            raise StoreDamaged(self.path, exc) from None
        if not read_only:
            self._lock = _mark_and_lock(self.path)
            try:
                self.kept_validation = _take(self.path / VALIDATION)
                self._redo()
                self.settle_claims()   # a build stopped between its bulk loads and their settling
            except BaseException:
                self._store = None   # release the lock: the caller gets the error, not a held store
                self.close()
                raise

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, read_only: bool = False) -> KGStore:
        return cls(path, read_only=read_only)

    # -- life cycle -------------------------------------------------------------------------------
    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph store (for bulk work the API does not cover)."""
        if self._store is None:
            raise ValueError("the store is closed")
        return self._store

    def close(self, *, settle: bool = True) -> None:
        """Settle the claims of bulk-loaded articles (unless ``settle=False``: a stopped build leaves
        that to the next writable open), flush and release the store (and its lock)."""
        if self._store is not None and not self.read_only and settle:
            self.settle_claims()
        if self._store is not None:
            if not self.read_only:
                self._store.flush()
            self._store = None
        if self._lock is not None:
            os.close(self._lock)   # releases the writer's flock: readers no longer see a build running
            self._lock = None

    def __enter__(self) -> KGStore:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self.close(settle=exc_type is None)

    # -- articles ---------------------------------------------------------------------------------
    def articles(self) -> list[ArticleInfo]:
        """Every named graph, sorted, with the source names its article node carries."""
        store = self.oxigraph
        sources: dict[str, list[str]] = {}
        for quad in store.quads_for_pattern(None, _IDENT, None, None):
            g = quad.graph_name
            if isinstance(g, ox.NamedNode) and quad.subject == g and isinstance(quad.object, ox.Literal):
                sources.setdefault(g.value, []).append(quad.object.value)
        graphs = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode) and g.value != VOCABULARY_GRAPH)
        return [ArticleInfo(g, tuple(sorted(sources.get(g, ())))) for g in graphs]

    # -- the vocabulary graph ---------------------------------------------------------------------
    def vocabulary_missing(self, keys: Iterable[str]) -> list[str]:
        """Those of ``keys`` (graph.rdf.vocab) the vocabulary graph does not hold yet, taken as written from
        now on: the caller writes them (a build, with its next batch).  The graph is read once."""
        if self._vocabulary is None:
            self._vocabulary = vocabulary.keys_in(self.oxigraph)
        new = [k for k in keys if k not in self._vocabulary]
        self._vocabulary.update(new)
        return new

    def _vocabulary_prune(self, graphs: Iterable[str]) -> list[str]:
        """Before ``graphs`` are dropped or replaced: the update operations that then take the concepts
        they alone used out of the vocabulary graph and the union (graph.store.vocabulary), the watcher told."""
        nodes = vocabulary.candidates(self.oxigraph, graphs)
        if not nodes:
            return []
        self.before_change((), vocabulary.triples_of(self.oxigraph, nodes))
        self._vocabulary = None   # read again at next need
        return vocabulary.prune_ops(nodes)

    def source_map(self) -> dict[str, str]:
        """Source name (file name without extension) -> article IRI."""
        return {src: info.iri for info in self.articles() for src in info.sources}

    def article_for_source(self, name: str) -> str | None:
        for quad in self.oxigraph.quads_for_pattern(None, _IDENT, ox.Literal(name), None):
            if quad.subject == quad.graph_name:
                return quad.subject.value
        return None

    def _sources_of(self, article: ox.NamedNode) -> set[str]:
        return {
            q.object.value
            for q in self.oxigraph.quads_for_pattern(article, _IDENT, None, article)
            if isinstance(q.object, ox.Literal)
        }

    def _articles_known_as(self, sources: set[str]) -> dict[str, set[str]]:
        """Article IRI -> all its source names, for the articles carrying any of ``sources``."""
        found: dict[str, set[str]] = {}
        for name in sources:
            for quad in self.oxigraph.quads_for_pattern(None, _IDENT, ox.Literal(name), None):
                if quad.subject == quad.graph_name and quad.subject.value not in found:
                    found[quad.subject.value] = self._sources_of(quad.subject)
        return found

    def has_article(self, sha: str) -> bool:
        """Is the article whose text has this sha1 (full hex or its first 16 digits) in the store?"""
        sha = sha.strip().lower()
        if len(sha) < 16:
            raise ValueError(f"need at least 16 hex digits of the sha1, got {sha!r}")
        return self.oxigraph.contains_named_graph(ox.NamedNode(article_iri(sha[:16])))

    def replace_article(
        self, article: str, triples_or_quads: Iterable[Any], *, sources: Iterable[str] | None = None
    ) -> int:
        """Make the store hold exactly these triples in the article's graph, atomically.

        ``sources`` (default: the ``dcterms:identifier`` values the article node gets in the data)
        are the file names this article comes from.  An *older* article known under one of these
        names is the previous version of a changed file: its graph is dropped in the same
        transaction, or, when that old text is still known under other names too, only the
        identifier is removed from it.  Returns the number of triples written.
        """
        graph = ox.NamedNode(article)
        triples = _as_triples(triples_or_quads, graph)
        if sources is None:
            sources = {
                t.object.value
                for t in triples
                if t.subject == graph and t.predicate == _IDENT and isinstance(t.object, ox.Literal)
            }
        sources = set(sources)
        g = str(graph)
        ops = [_forget(g), f"DROP SILENT GRAPH {g}"]
        touched = claims.graph_pairs(self.oxigraph, graph)   # the claims it stated, re-resolved after
        touched |= {(t.subject, t.predicate) for t in triples if t.predicate.value in claims.functional()}
        current = self._articles_known_as(sources)
        for old, old_sources in sorted(current.items()):
            shared = old_sources & sources
            if old == article or not shared:
                continue
            old_node = str(ox.NamedNode(old))
            if old_sources <= sources:
                touched |= claims.graph_pairs(self.oxigraph, ox.NamedNode(old))
                ops += [_forget(old_node), f"DROP SILENT GRAPH {old_node}"]
            else:
                data = " ".join(f"{old_node} {_IDENT} {_sparql_string(s)} ." for s in sorted(shared))
                ops.append(f"DELETE DATA {{ GRAPH {old_node} {{ {data} }} }}")
                ops.append(_forget_triples(data, old_node))
        dropped = [article, *(old for old, src in current.items() if old != article and src & sources)]
        self.before_change(dropped, triples)
        if triples:
            body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)
            ops.append(f"INSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}")
            ops.append(f"INSERT DATA {{\n{body}\n}}")          # and into the de-duplicated union
        if article != VOCABULARY_GRAPH:
            ops += self._vocabulary_prune(dropped)   # after the new version: what it uses stays
        else:
            self._vocabulary = None
        self._update(" ;\n".join(ops))
        claims.settle(self.oxigraph, touched)
        return len(triples)

    def replace_articles(self, articles: Iterable[tuple[str, Iterable[Any]]], *, bulk: bool = False) -> int:
        """Replace many articles: one transaction each, or with ``bulk`` a much faster load.

        ``bulk`` (for first builds and full rebuilds: ~4x faster on disk) drops the old graphs in one
        transaction, then writes all new triples with pyoxigraph's bulk loader, which is not
        transactional: after a crash some articles may be missing, and re-running the same build
        brings the store to the same final state (replacement is idempotent).  Returns triples written.
        """
        if not bulk:
            return sum(self.replace_article(iri, triples) for iri, triples in articles)
        if self.read_only:
            raise UserError(f"{self.path}: the store is open read-only")
        self.before_change(None, None)   # (not followed triple by triple: the next check is a whole pass)
        drops: set[str] = set()
        quads: list[ox.Quad] = []
        for iri, data in articles:
            graph = ox.NamedNode(iri)
            triples = _as_triples(data, graph)
            drops.add(iri)
            sources = {
                t.object.value
                for t in triples
                if t.subject == graph and t.predicate == _IDENT and isinstance(t.object, ox.Literal)
            }
            for old, old_sources in self._articles_known_as(sources).items():
                if old_sources <= sources:
                    drops.add(old)
                else:  # still known under another name: keep it, untag it (rare)
                    node = str(ox.NamedNode(old))
                    data_ = " ".join(
                        f"{node} {_IDENT} {_sparql_string(s)} ." for s in sorted(old_sources & sources)
                    )
                    self._update(f"DELETE DATA {{ GRAPH {node} {{ {data_} }} }}")
            quads.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples)
        touched = {pair for g in drops for pair in claims.graph_pairs(self.oxigraph, ox.NamedNode(g))}
        touched |= {(q.subject, q.predicate) for q in quads if q.predicate.value in claims.functional()}
        prune = self._vocabulary_prune(sorted(drops))
        if drops:
            self._update(" ;\n".join(f"{_forget(str(ox.NamedNode(g)))} ;\nDROP SILENT GRAPH {ox.NamedNode(g)}"
                                      for g in sorted(drops)))
        self.oxigraph.bulk_extend(quads)
        self.oxigraph.bulk_extend(ox.Quad(q.subject, q.predicate, q.object) for q in quads)   # the union
        if prune:   # after the new graphs are in: what they use stays
            self._update(" ;\n".join(prune))
        claims.settle(self.oxigraph, touched)
        return len(quads)

    def add_new_articles(self, batch: list[tuple[str, bytes]]) -> int:
        """Add articles the store does not hold yet, given as (graph IRI, that graph's N-Quads), fast.

        Why not a transaction: on disk, Oxigraph's transactional writes run at ~60k quads/s, its bulk
        loader at ~250k/s, and the build spends most of its time writing.  The bulk loader is not
        atomic, so the batch (each graph and its copy in the de-duplicated union) is first written to a
        redo log in the store folder (fsynced); the log is deleted once the load is flushed.  A crash
        mid-load leaves the log, and the next writable open of the store loads it again: loading is
        idempotent (quads are a set) and purely additive (articles here replace nothing), so the store
        ends as if the batch had been written at once.  Returns the number of quads written.
        """
        if self.read_only:
            raise UserError(f"{self.path}: the store is open read-only")
        if not batch:
            return 0
        parts: list[bytes] = []
        for graph, nquads in batch:
            parts.append(nquads)
            parts.append(_union_copy(graph, nquads))
        from graph.export.writers import atomic_write

        def write(fh: Any) -> None:   # part by part: the batch is not copied into one more buffer
            for part in parts:
                fh.write(part)

        # the union copies hold every triple of the batch (parsed only if a watcher reads them)
        self.before_change((), (q.triple for part in parts[1::2] for q in ox.parse(part, format=ox.RdfFormat.N_QUADS)))
        # the batch's union copy may bring back values other reports' claims outvoted: the union is
        # settled once after all batches (settle_claims), and a marker says so until then
        (self.path / UNSETTLED).touch()
        atomic_write(self.path / PENDING, write)
        self._load_pending()
        return sum(part.count(b"\n") for part in parts)

    def _load_pending(self) -> None:
        log = self.path / PENDING
        try:
            # lenient: the log is our workers' own N-Quads (Oxigraph's serializer), so IRIs are not checked
            # again (~20% of the load's CPU); a log that is not N-Quads still fails here
            self.oxigraph.bulk_load(path=str(log), format=ox.RdfFormat.N_QUADS, lenient=True)
        except SyntaxError as exc:
            raise UserError(f"{log}: the redo log of an interrupted build is unreadable ({exc}); move it "
                            "away and rebuild the articles it held") from None
        self.oxigraph.flush()
        log.unlink()

    def _redo(self) -> None:
        """Finish the batch an interrupted build was loading (its redo log is still there)."""
        if (self.path / PENDING).exists():
            self._load_pending()

    def settle_claims(self) -> int:
        """After bulk loads (add_new_articles): make the default graph show one value wherever reports
        now disagree (graph.resolve.claims).  One pass over the union's contested values, whatever the
        number of batches; returns the number of disagreements settled."""
        marker = self.path / UNSETTLED
        if self.read_only or not marker.exists():
            return 0
        found = claims.settle(self.oxigraph, claims.contested(self.oxigraph), added_only=True)
        self.oxigraph.flush()
        marker.unlink()
        return len(found)

    def remove_article(self, article: str) -> bool:
        """Drop the article's graph; shared nodes survive through the other articles' graphs."""
        node = ox.NamedNode(article)
        existed = self.oxigraph.contains_named_graph(node)
        touched = claims.graph_pairs(self.oxigraph, node)
        self.before_change([article], ())
        prune = self._vocabulary_prune([article])
        self._update(" ;\n".join([f"{_forget(str(node))} ;\nDROP SILENT GRAPH {node}", *prune]))
        claims.settle(self.oxigraph, touched)   # its claims no longer count: the others decide again
        return existed

    def remove_source(self, name: str) -> list[str]:
        """Forget a source file: drop articles known only under it, untag the others."""
        dropped = []
        for info in self.articles():
            if name not in info.sources:
                continue
            if set(info.sources) == {name}:
                self.remove_article(info.iri)
                dropped.append(info.iri)
            else:
                self.before_change([info.iri], ())
                node = str(ox.NamedNode(info.iri))
                data = f"{node} {_IDENT} {_sparql_string(name)} ."
                self._update(f"DELETE DATA {{ GRAPH {node} {{ {data} }} }} ;\n{_forget_triples(data, node)}")
        return dropped

    def before_change(self, graphs: Iterable[str] | None, triples: Iterable[ox.Triple] | None) -> None:
        """Tell the watcher (if any) that these article graphs and triples are about to change the
        union; None: an unknown change (the next check then covers everything)."""
        if self.watch is not None:
            self.watch(graphs, triples)

    def _update(self, update: str) -> None:
        if self.read_only:
            raise UserError(f"{self.path}: the store is open read-only")
        self.oxigraph.update(update)

    # -- bulk -------------------------------------------------------------------------------------
    def load_file(
        self, path: str | os.PathLike[str], *, graph: str | None = None, replace: bool = True
    ) -> int:
        """Load a graph file (ttl/nt/nq/trig/jsonld/rdf, optionally .gz).

        Quad formats keep their named graphs, and with ``replace`` each graph in the file replaces
        the store's graph of that name (one transaction per graph).  Triples of the default graph
        go to ``graph`` when given (replacing it), else to the store's default graph (added).
        Returns the number of quads read.
        """
        quads = parse_file(path)
        self.before_change(None, None)
        self._vocabulary = None
        by_graph: dict[Any, list[ox.Triple]] = {}
        for q in quads:
            g = q.graph_name
            if isinstance(g, ox.DefaultGraph) and graph is not None:
                g = ox.NamedNode(graph)
            by_graph.setdefault(g, []).append(q.triple)
        for g, triples in by_graph.items():
            if isinstance(g, ox.DefaultGraph):
                self._extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
            elif replace:
                self.replace_article(g.value, triples, sources=())
            else:
                self._extend(ox.Quad(t.subject, t.predicate, t.object, g) for t in triples)
        return len(quads)

    def _extend(self, quads: Iterable[ox.Quad]) -> None:
        if self.read_only:
            raise UserError(f"{self.path}: the store is open read-only")
        self.oxigraph.extend(quads)

    # -- reading ----------------------------------------------------------------------------------
    def query(self, sparql: str, *, union: bool = False) -> Rows:
        """Run a SPARQL query on the default graph: the store keeps it as the de-duplicated union of the
        article graphs (``union=True`` asks Oxigraph's own union, which repeats shared triples)."""
        try:
            result = self.oxigraph.query(sparql, use_default_graph_as_union=union)
            return Rows.from_oxigraph(result)
        except SyntaxError as exc:
            raise UserError(f"malformed SPARQL: {exc}") from None

    def quads(self) -> list[ox.Quad]:
        """Every quad of the article graphs, unsorted (the default graph is derived from them)."""
        return [q for q in self.oxigraph.quads_for_pattern(None, None, None, None)
                if not isinstance(q.graph_name, ox.DefaultGraph)]

    def union_triples(self) -> list[ox.Quad]:
        """The de-duplicated union of the article graphs (the store's default graph), unsorted."""
        return list(self.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    def rebuild_union(self) -> None:
        """Recompute the default graph from the article graphs (for a store written by older versions)."""
        self.before_change(None, None)
        self._update("DROP SILENT DEFAULT ;\nINSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        claims.settle(self.oxigraph)

    def triples_count(self) -> int:
        """Number of quads in the article graphs (a triple asserted by two articles counts twice)."""
        rows = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows.rows[0]["n"] or 0)

    def distinct_triples_count(self) -> int:
        """Number of distinct triples in the union of all graphs."""
        rows = self.query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
        return int(rows.rows[0]["n"] or 0)

    def dump(self, path: str | os.PathLike[str], format: str = "trig") -> Path:
        """Write the store deterministically (see :func:`graph.export.export`)."""
        from graph.export import export

        return export(self, format, path)

    def __repr__(self) -> str:
        state = "closed" if self._store is None else ("read-only" if self.read_only else "open")
        return f"KGStore({str(self.path)!r}, {state})"


def _take(path: Path) -> bytes | None:
    """Read a file and delete it (durably): what it says holds only until the store is written."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    path.unlink()
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return data


def open_store(path: str | os.PathLike[str], *, read_only: bool = False) -> KGStore:
    """Open (creating if needed) the on-disk store at ``path``; use it in a ``with`` block."""
    return KGStore(path, read_only=read_only)


__all__ = ["ID", "MARKER", "ArticleInfo", "KGStore", "StoreDamaged", "note_if_building", "open_store",
           "writer_active"]
