"""Stopping a build leaves one line: the pool's manager thread racing the killed workers prints nothing."""

from __future__ import annotations

import threading
from concurrent.futures import InvalidStateError
from concurrent.futures.process import BrokenProcessPool

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
