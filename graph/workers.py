"""Process hygiene for the build: a SIGTERM stops it like Ctrl-C, and workers never outlive it.

Why: ``timeout`` and ``docker stop`` send SIGTERM, which by default kills the parent at once and leaves
its worker processes running (each holds the pipe ends it was forked with, so it never sees EOF).
The parent turns SIGTERM into :class:`Terminated` (a KeyboardInterrupt: the same clean path as Ctrl-C),
kills its workers on the way out, and each worker asks the kernel for SIGKILL when its parent dies
(``PR_SET_PDEATHSIG``, Linux) and also watches its parent id, for SIGKILL of the parent and other systems.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection

from graph.errors import UserError

_PR_SET_PDEATHSIG = 1
WATCH_SECONDS = 0.5


class Terminated(KeyboardInterrupt):
    """The process was asked to stop with SIGTERM."""


def _on_sigterm(_signum: int, _frame: object) -> None:
    raise Terminated()


@contextlib.contextmanager
def stop_on_sigterm() -> Iterator[None]:
    """Within the block (main thread only) SIGTERM raises :class:`Terminated` instead of killing at once."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _watch(parent: int) -> None:
    while True:
        if os.getppid() != parent:
            os._exit(1)
        time.sleep(WATCH_SECONDS)


def init_worker(parent: int) -> None:
    """Run first in every worker: die with the parent, and leave Ctrl-C to the parent (it stops us)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:   # the parent died before the request took effect
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), daemon=True, name="parent-watch").start()


def _quiet_teardown(args: threading.ExceptHookArgs) -> None:
    """The pool's manager thread, finding its killed workers, sets an error on futures that shutdown has just
    cancelled (CPython 3.11 raises InvalidStateError there): expected while stopping, not worth a traceback."""
    from concurrent.futures import InvalidStateError

    if args.exc_type is not None and issubclass(args.exc_type, InvalidStateError):
        return
    _previous_hook(args)


_previous_hook = threading.excepthook


def kill_workers(pool: object) -> None:
    """SIGKILL every live process of a ProcessPoolExecutor (its queued work would otherwise run on)."""
    if threading.excepthook is not _quiet_teardown:
        threading.excepthook = _quiet_teardown
    processes = getattr(pool, "_processes", None) or {}
    for proc in list(processes.values()):
        with contextlib.suppress(Exception):
            proc.kill()


class Forked:
    """``fn()`` run in a forked child process while the caller goes on: Python work of both then runs on
    two cores (in a thread it would wait for Python's lock).  The child sees the parent's memory as it was
    at the fork (nothing is pickled); it dies with the parent.  :meth:`result` waits for it and raises
    the :class:`UserError` it raised (a one-line message), or RuntimeError for anything else; else it
    returns what ``fn`` returned (sent back pickled)."""

    def __init__(self, fn: Callable[[], object]) -> None:
        ctx = multiprocessing.get_context("fork")
        self._answer, send = ctx.Pipe(duplex=False)
        self._proc = ctx.Process(target=_forked_main, args=(fn, send, os.getpid()), daemon=True)
        self._proc.start()
        send.close()

    @staticmethod
    def available() -> bool:
        """Forking is how this works: Linux (elsewhere fork is absent, or unsafe with system libraries)."""
        return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()

    def result(self) -> object:
        try:
            try:
                kind, answer = self._answer.recv()
                self._proc.join(STOP_SECONDS)   # it has answered: it exits on its own (no SIGTERM mid-exit)
            except EOFError:   # killed, or crashed in a C library: it said nothing
                self._proc.join()
                kind, answer = "error", f"the process died (exit code {self._proc.exitcode})"
        finally:
            self.stop()
        if kind == "ok":
            return answer
        raise UserError(answer) if kind == "user" else RuntimeError(answer)

    def stop(self) -> None:
        """The child stopped if still running (the caller was interrupted), and reaped: SIGTERM first, which
        it turns into :class:`Terminated` so an atomic write removes its temp file; SIGKILL if it lingers."""
        if self._proc.is_alive():
            self._proc.terminate()
            self._proc.join(STOP_SECONDS)
            if self._proc.is_alive():
                self._proc.kill()
        self._proc.join()
        self._answer.close()


STOP_SECONDS = 5.0   # a stopped child's time to clean up before SIGKILL


def _forked_main(fn: Callable[[], object], send: Connection, parent: int) -> None:
    init_worker(parent)
    signal.signal(signal.SIGTERM, _on_sigterm)   # stop() unwinds it: a half-written temp file is removed
    try:
        value = fn()
    except UserError as exc:
        send.send(("user", str(exc)))
    except BaseException as exc:  # reported to the parent, which raises it there
        send.send(("error", f"{exc.__class__.__name__}: {exc}"))
    else:
        send.send(("ok", value))
    send.close()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)   # done: a late stop() just ends the process, quietly


__all__ = ["Forked", "Terminated", "init_worker", "kill_workers", "stop_on_sigterm"]
