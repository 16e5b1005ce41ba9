"""Faults: a build into an on-disk store killed with SIGKILL at a random moment, then re-run, ends with
exactly the graph of a build that was never interrupted; output files are replaced atomically.

The kill loop runs ``DANTOC_FAULT_RUNS`` times (default 2, each with a different delay); set it
higher for a longer hunt (e.g. ``DANTOC_FAULT_RUNS=30 pytest tests/test_robust_faults.py``).
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, parse

from graph.build import write_dataset
from graph.store import open_store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RUNS = int(os.environ.get("DANTOC_FAULT_RUNS", "2"))
COPIES = 10  # x 5 seeds: enough articles that a kill lands mid-build


def _command(*args: str) -> list[str]:
    exe = shutil.which("dantoc-kg")
    return [*([exe] if exe else [sys.executable, "-m", "graph"]), *args]


def _make_corpus(folder: Path) -> int:
    """Copies of the seeds with small edits (a changed date, a line added), each a distinct article."""
    folder.mkdir()
    n = 0
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        for i in range(COPIES):
            edited = re.sub(r"\b20(\d\d)\b", lambda m, i=i: f"20{(int(m.group(1)) + i) % 30:02d}", text, count=1)
            (folder / f"{seed.stem[:3]}_{i:03d}.txt").write_text(f"{edited}\nBản tin số {i + 1}.\n", encoding="utf-8")
            n += 1
    return n


def _store_opened(proc: subprocess.Popen[bytes], store: Path) -> float:
    """When the build process has created its store (the start of the part worth killing)."""
    deadline = time.monotonic() + 120
    while not (store / "CURRENT").exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    return time.perf_counter()


def _stored(store: Path) -> int:
    """Articles committed so far (a read-only snapshot works while the build holds the store)."""
    try:
        with open_store(store, read_only=True) as kg:
            return sum(1 for _ in kg.oxigraph.named_graphs())
    except Exception:  # the store is being created
        return 0


def _build(corpus: Path, store: Path, out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        _command("build", str(corpus), "--store", str(store), "--out", str(out), "--no-validate", "--jobs", "2",
                 "--quiet"),
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
        env={**os.environ, "DANTOC_BATCH_QUADS": "2000"},   # many small bulk loads: kills land between them
    )


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes, float, int]:
    base = tmp_path_factory.mktemp("faults")
    corpus = base / "in"
    n = _make_corpus(corpus)
    proc = _build(corpus, base / "clean-store", base / "clean.nq")
    started = _store_opened(proc, base / "clean-store")
    _out, err = proc.communicate(timeout=600)
    took = time.perf_counter() - started   # the time the build spends with its store open
    assert proc.returncode == 0, err.decode()
    return corpus, (base / "clean.nq").read_bytes(), took, n


def test_killed_build_rerun_equals_clean_build(clean, tmp_path: Path) -> None:
    corpus, expected, took, n = clean
    rng = random.Random(int(os.environ.get("DANTOC_FAULT_SEED", "0")) or None)
    landed_mid_build = 0
    for run in range(RUNS):
        store, out = tmp_path / f"store{run}", tmp_path / f"out{run}.nq"
        proc = _build(corpus, store, out)
        _store_opened(proc, store)
        if run % 2 == 0:  # kill once a random number of articles is stored (lands mid-build)
            target = rng.randint(1, n - 1)
            what = f"after {target} articles"
            while proc.poll() is None and _stored(store) < target:
                time.sleep(rng.uniform(0, 0.02))
        else:  # kill at a random moment of the second half (storing the last ones, writing the output)
            delay = rng.uniform(0.5, 1.0) * took
            what = f"{delay:.2f} s into the build"
            time.sleep(delay)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)   # the build and its worker processes, all at once
        proc.wait(timeout=60)
        proc.communicate()
        # a kill while the output was being written leaves no half file: none, or a whole one
        if out.exists():
            list(parse(out.read_bytes(), format=RdfFormat.N_QUADS))
        if store.exists():
            with open_store(store, read_only=True) as kg:
                kept = len(kg.articles())
            landed_mid_build += 0 < kept < n
            print(f"run {run}: killed {what}, {kept} of {n} articles stored")
        rerun = _build(corpus, store, out)
        _o, err = rerun.communicate(timeout=600)
        assert rerun.returncode == 0, err.decode()
        assert out.read_bytes() == expected, f"run {run}: killed {what}, re-run differs from a clean build"
    print(f"{RUNS} kills, {landed_mid_build} of them mid-build ({n} articles, clean build {took:.1f} s)")


def test_output_file_is_replaced_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure while writing (disk full, a kill) leaves the previous file whole, and no temp file."""
    import pyoxigraph as ox

    import graph.export.writers as writers

    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal("một"),
                      ox.NamedNode("http://e/g")))
    out = tmp_path / "graph.nq"
    write_dataset(store, out, RdfFormat.N_QUADS)
    before = out.read_bytes()
    store.add(ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal("hai"),
                      ox.NamedNode("http://e/g")))

    real_fsync = os.fsync

    def dying_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writers.os, "fsync", dying_fsync)
    with pytest.raises(Exception, match="No space left"):
        write_dataset(store, out, RdfFormat.N_QUADS)
    monkeypatch.setattr(writers.os, "fsync", real_fsync)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["graph.nq"]
