"""The build's fast paths give exactly what the plain paths give (issue 14: 2,000 reports at >= 300/s).

Two paths only exist for speed: an in-memory build loads its union in small batches as the results come
(so the parent loads while the workers extract), and the union is written by a forked child while the
parent runs the SHACL check.  Each is compared here with the plain path on the same reports: the same
triples, the same bytes written, the same report.  Their speed is measured in benchmarks/build_phases.py.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest

import graph.build
from graph.build import BuildResult, build, write_union, write_union_and_validate
from graph.errors import UserError
from graph.workers import Forked

linux_only = pytest.mark.skipif(not Forked.available(), reason="the forked writer is used on Linux only")


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory, mixed_reports: Callable[[Path, int], Path]) -> Path:
    return mixed_reports(tmp_path_factory.mktemp("reports"), 25)


@pytest.fixture(scope="module")
def built(reports: Path) -> BuildResult:
    return build([reports], jobs=2, graphs=False)


def test_small_batches_load_the_same_union_as_one(reports: Path, monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    loads: list[int] = []
    real = graph.build._load_union

    def counted(result: BuildResult, articles: list[tuple[bytes, bytes]]) -> None:
        loads.append(len(articles))
        real(result, articles)

    monkeypatch.setattr(graph.build, "_load_union", counted)
    monkeypatch.setattr(graph.build, "MEMORY_BATCH_QUADS", 10**9)
    whole = build([reports], jobs=2, graphs=False)
    whole_loads = len(loads)      # (a duplicate file flushes the batch before it: a load or two)
    loads.clear()
    monkeypatch.setattr(graph.build, "MEMORY_BATCH_QUADS", 100)    # about one article a batch
    small = build([reports], jobs=2, graphs=False)
    assert len(loads) > whole_loads + 5 and sum(loads) == small.articles == whole.articles
    assert whole.union is not None and small.union is not None
    assert set(small.union) == set(whole.union) and len(small.union) > 1000
    assert not list(small.union.named_graphs())        # the claim copies settled and gone, as in one batch
    write_union(whole.union, tmp_path / "whole.ttl", default_graph_is_union=True)
    write_union(small.union, tmp_path / "small.ttl", default_graph_is_union=True)
    assert (tmp_path / "small.ttl").read_bytes() == (tmp_path / "whole.ttl").read_bytes()


def test_a_union_only_build_loads_the_union_a_build_with_article_graphs_loads(reports: Path, built: BuildResult) -> None:
    """Without article graphs the workers send N-Triples and their claims apart (no graph names for the
    parent to cut off, no claim lines to pick out); the union, settled, is the same set of triples."""
    with_graphs = build([reports], jobs=2)
    assert built.union is not None and with_graphs.union is not None
    assert not list(built.store) and len(with_graphs.store) > 1000      # the article graphs were not kept
    assert set(built.union) == set(with_graphs.union) and len(built.union) > 1000
    assert not list(built.union.named_graphs())


@linux_only
@pytest.mark.parametrize("name", ["g.ttl", "g.nt"])
def test_the_forked_write_gives_the_bytes_and_report_of_one_after_the_other(
        built: BuildResult, name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fmt = ox.RdfFormat.TURTLE if name.endswith(".ttl") else ox.RdfFormat.N_TRIPLES
    forked = write_union_and_validate(built, tmp_path / "forked" / name, fmt)
    monkeypatch.setattr(Forked, "available", staticmethod(lambda: False))
    plain = write_union_and_validate(built, tmp_path / "plain" / name, fmt)
    written = (tmp_path / "forked" / name).read_bytes()
    assert written == (tmp_path / "plain" / name).read_bytes() and len(written) > 10_000
    again = ox.Store()
    again.load(written, format=fmt)
    assert built.union is not None
    assert {q.triple for q in again} == {q.triple for q in built.union}   # the union, no borrowed vocabulary
    assert forked is not None and plain is not None and forked.results
    assert forked.to_text() == plain.to_text()      # the same results, in the same order


@linux_only
def test_a_write_that_fails_in_the_child_is_the_users_one_line_error(built: BuildResult, tmp_path: Path) -> None:
    folder = tmp_path / "graph.ttl"
    folder.mkdir()
    with pytest.raises(UserError, match="is a folder") as caught:
        write_union_and_validate(built, folder)
    assert "\n" not in str(caught.value)


@linux_only
def test_forked_call_returns_its_effect_and_its_errors(tmp_path: Path) -> None:
    marker = tmp_path / "done"
    held = {"text": "seen through the fork"}     # the child reads the parent's memory: nothing pickled
    call = Forked(lambda: marker.write_text(held["text"]))
    assert call.result() == len("seen through the fork")     # what the function returned, sent back
    assert marker.read_text() == "seen through the fork"

    def user_error() -> None:
        raise UserError("out.ttl: cannot write: No space left on device")

    with pytest.raises(UserError, match="No space left"):
        Forked(user_error).result()

    def broken() -> None:
        raise KeyError("x")

    with pytest.raises(RuntimeError, match="KeyError"):
        Forked(broken).result()
    with pytest.raises(RuntimeError, match="died"):
        Forked(lambda: os._exit(3)).result()


@linux_only
def test_a_forked_write_stopped_midway_leaves_no_temp_file_and_no_process(tmp_path: Path) -> None:
    """Ctrl-C while the child writes: the parent stops it, and the atomic write cleans up as in the parent."""
    from graph.export.writers import atomic_write

    out = tmp_path / "graph.ttl"

    def slow(fh: object) -> None:
        fh.write(b"@prefix a: <http://e/> .\n")  # type: ignore[attr-defined]
        time.sleep(60)

    call = Forked(lambda: atomic_write(out, slow))   # type: ignore[arg-type]
    pid = call._proc.pid
    assert pid is not None
    deadline = time.monotonic() + 30
    while not list(tmp_path.glob(".graph.ttl.*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert list(tmp_path.glob(".graph.ttl.*.tmp"))      # it was mid-write
    call.stop()
    assert list(tmp_path.iterdir()) == []               # no half file, no temp file
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_what_the_parent_prepares_meanwhile_runs_once_in_the_parent_while_the_workers_start(reports: Path) -> None:
    """``build(meanwhile=...)``: the parent's preparation for after the build (the compiled checks) runs once,
    in the parent, after the workers are forked (a fork then would copy a half-done preparation)."""
    import os

    seen: list[tuple[int, int]] = []

    def meanwhile() -> None:
        import multiprocessing

        seen.append((os.getpid(), len(multiprocessing.active_children())))

    result = build([reports], jobs=2, graphs=False, meanwhile=meanwhile)
    assert len(seen) == 1 and seen[0][0] == os.getpid() and seen[0][1] == 2    # the two workers were running
    assert result.articles > 20
    seen.clear()
    build([reports], jobs=1, graphs=False, meanwhile=meanwhile)
    assert seen == [(os.getpid(), 0)]


@linux_only
def test_the_check_shared_with_a_forked_child_reports_what_the_check_alone_reports(built: BuildResult,
                                                                                    tmp_path: Path) -> None:
    """The child runs its first job (the union's Turtle), then takes queries of the check from the counter it
    shares with the parent: however the queries fall, the report is the one check alone gives, and the
    union is left as it was (the concept schemes join it only while the checks run)."""
    from graph.validate import validate_store, validate_union_beside

    assert built.union is not None
    before = set(built.union)
    alone = validate_store(built.union, with_vocab=True, union=False, evidence=False)
    assert alone.results, "the reports must give results for the comparison to mean something"
    marker = tmp_path / "first"
    for first in (lambda: None, lambda: marker.write_text(str(os.getpid()))):
        shared = validate_union_beside(built.union, first)
        assert [r.to_text() for r in shared.results] == [r.to_text() for r in alone.results]
        assert shared.conforms == alone.conforms
        assert set(built.union) == before
    assert marker.read_text() != str(os.getpid())         # the first job ran in the child

    def cannot_write() -> None:
        raise UserError("g.ttl: cannot write: No space left on device")

    with pytest.raises(UserError, match="No space left"):
        validate_union_beside(built.union, cannot_write)
    assert set(built.union) == before


@linux_only
def test_a_forked_child_that_has_answered_is_left_to_exit_quietly(capfd: pytest.CaptureFixture[str]) -> None:
    """The parent took the child's answer while the child still ran its exit handlers: stopping it then
    (SIGTERM) printed a 'Terminated' traceback into a quiet build's output."""
    import multiprocessing.util
    import time as _time

    def answers_then_exits_slowly() -> int:
        multiprocessing.util.Finalize(None, _time.sleep, args=(0.3,), exitpriority=10)
        return 7

    assert Forked(answers_then_exits_slowly).result() == 7
    assert "Terminated" not in capfd.readouterr().err
