"""User-written SPARQL runs in worker processes, so the time limit can really stop it.

Oxigraph cannot interrupt a query, and a thread cannot be killed: a ``COUNT(*)`` over a cartesian
product would keep a core busy for hours after its client gave up.  Each worker process opens the
store read-only once and answers one query at a time; past the limit the server kills it and starts
a fresh one.  A graph file is first copied into a temporary on-disk store the workers can open.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.serve.data import QueryTimeout


@dataclass(frozen=True)
class Job:
    query: str
    select_format: str          # json | xml | csv | tsv
    graph_media: str            # a media type of sparql.GRAPH_TYPES
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


def _serve(path: str, conn: Any, timeout: float) -> None:
    """Worker main loop: (job) -> ("ok", kind, body, media) | ("error", kind, message)."""
    from graph.serve import sparql as sp

    store = ox.Store.read_only(path)
    while True:
        try:
            job: Job | None = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        try:
            result = sp.execute(store, job.query, timeout=timeout, default_graphs=list(job.default_graphs),
                                named_graphs=list(job.named_graphs))
            if isinstance(result, list):
                answer = sp.serialise_triples(result, job.graph_media)
                conn.send(("ok", "graph", answer.body, answer.media_type))
            else:
                answer = sp.serialise_rows(result, job.select_format)
                conn.send(("ok", "rows", answer.body, answer.media_type))
        except SyntaxError as exc:
            conn.send(("error", "syntax", str(exc)))
        except QueryTimeout as exc:
            conn.send(("error", "timeout", str(exc)))
        except (ValueError, OSError, RuntimeError) as exc:
            conn.send(("error", "failed", str(exc)))


class _Worker:
    def __init__(self, ctx: Any, path: str, timeout: float) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(path, child, timeout), daemon=True)
        self.process.start()
        child.close()

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class WorkerPool:
    """``size`` worker processes over the store at ``path`` (a folder, or a graph file copied once)."""

    def __init__(self, store: ox.Store, path: str | Path, *, size: int = 2, timeout: float = 10.0) -> None:
        self.timeout = timeout
        self._tmp: str | None = None
        path = Path(path)
        if not path.is_dir():   # a graph file: the workers need something on disk they can open
            self._tmp = tempfile.mkdtemp(prefix="dantoc-serve-")
            disk = ox.Store(self._tmp)
            disk.bulk_extend(store.quads_for_pattern(None, None, None, None))
            disk.flush()
            del disk
            path = Path(self._tmp)
        self.path = str(path)
        self._ctx = mp.get_context("spawn")   # no fork of a process holding threads and an open store
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        for _ in range(size):
            self._add()

    def _add(self) -> None:
        w = _Worker(self._ctx, self.path, self.timeout)
        with self._lock:
            self._all.append(w)
        self._idle.put(w)

    def run(self, job: Job) -> tuple[str, bytes, str]:
        """(``rows``|``graph``, body, media type).  Raises SyntaxError, QueryTimeout or ValueError."""
        try:
            w = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise QueryTimeout("all query workers are busy; try again") from None
        try:
            w.conn.send(job)
            if not w.conn.poll(self.timeout + 0.5):
                self._replace(w)
                w = None
                raise QueryTimeout(f"the query ran over the {self.timeout:g} s limit and was stopped")
            reply = w.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            if w is not None:
                self._replace(w)
                w = None
            raise ValueError("the query worker failed") from None
        finally:
            if w is not None:
                self._idle.put(w)
        if reply[0] == "ok":
            return reply[1], reply[2], reply[3]
        kind, message = reply[1], reply[2]
        if kind == "syntax":
            raise SyntaxError(message)
        if kind == "timeout":
            raise QueryTimeout(message)
        raise ValueError(message)

    def _replace(self, w: _Worker) -> None:
        w.stop()
        with self._lock:
            if w in self._all:
                self._all.remove(w)
        self._add()

    def close(self) -> None:
        with self._lock:
            workers, self._all = self._all, []
        for w in workers:
            w.stop()
        if self._tmp:
            shutil.rmtree(self._tmp, ignore_errors=True)
