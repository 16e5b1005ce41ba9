"""Stopping a build leaves one line: the pool's manager thread racing the killed workers prints nothing."""

from __future__ import annotations

import threading
from concurrent.futures import InvalidStateError
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from graph import workers


def _raise_in_thread(exc: BaseException) -> None:
    def run() -> None:
        raise exc

    t = threading.Thread(target=run)
    t.start()
    t.join()


def test_a_cancelled_future_error_while_stopping_is_silent_and_other_errors_still_show(
        monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[type] = []
    monkeypatch.setattr(workers, "_previous_hook", lambda args: seen.append(args.exc_type))
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)   # restored after the test
    workers.kill_workers(object())          # installs the quiet hook (no processes to kill)
    assert threading.excepthook is workers._quiet_teardown
    _raise_in_thread(InvalidStateError("CANCELLED: <Future state=cancelled>"))
    assert seen == []                       # the race while stopping: no traceback
    _raise_in_thread(BrokenProcessPool("a real failure"))
    assert seen == [BrokenProcessPool]      # anything else is still reported


def test_the_build_keeps_only_a_few_chunks_of_results_in_flight(tmp_path: Path) -> None:
    """The parent loads slower than the workers extract: results must wait in the workers (bounded), not
    pile up in the parent's memory as pool.map would, and still come back in input order."""
    import functools
    from concurrent.futures import ProcessPoolExecutor

    from graph.build import _bounded_map, _process_chunk

    class Counting(ProcessPoolExecutor):
        submitted = 0

        def submit(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            Counting.submitted += 1
            return super().submit(*args, **kwargs)

    paths = [str(tmp_path / f"missing-{i:03d}.txt") for i in range(100)]
    with Counting(max_workers=2) as pool:
        results = _bounded_map(pool, functools.partial(_process_chunk, seconds=0), paths, 5, window=3)
        first = [next(results) for _ in range(5)]
        assert Counting.submitted == 4          # 3 chunks, then one more as the first was consumed
        rest = list(results)
    assert Counting.submitted == 20
    assert [o.path for o in first + rest] == paths
