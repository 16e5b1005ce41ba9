"""The command restarts itself under mimalloc (graph/allocator.py): only as the program, never twice, and
with the same results, exit codes and standard streams as under glibc's allocator."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from graph import allocator

ROOT = Path(__file__).resolve().parent.parent
CONSOLE = Path(sys.executable).parent / "dantoc-kg"

needs_mimalloc = pytest.mark.skipif(
    allocator.library() is None or not sys.platform.startswith("linux") or not CONSOLE.exists(),
    reason="the cmeel-mimalloc wheel (Linux) and the installed console script are needed",
)


def run(cmd: list[str], *, malloc: str | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LD_PRELOAD", "DANTOC_MALLOC", "_DANTOC_REEXECUTED")}
    if malloc is not None:
        env["DANTOC_MALLOC"] = malloc
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env, input=stdin, timeout=600)


@needs_mimalloc
def test_the_console_command_and_python_m_graph_run_under_mimalloc_unless_told_not_to() -> None:
    assert "allocator: mimalloc" in run([str(CONSOLE), "--version"]).stdout
    assert "allocator: mimalloc" in run([sys.executable, "-m", "graph", "--version"]).stdout
    assert "allocator: system" in run([str(CONSOLE), "--version"], malloc="system").stdout


def test_main_called_from_python_never_restarts_its_caller() -> None:
    # a caller's own script must not be run a second time: main() with or without argv stays in process
    code = ("import sys; print('caller ran'); sys.argv = ['caller', '--version']\n"
            "from graph.cli import main\nmain()")
    out = run([sys.executable, "-c", code])
    assert out.stdout.count("caller ran") == 1 and "allocator: system" in out.stdout


@needs_mimalloc
def test_a_build_under_mimalloc_writes_the_same_graph_and_report(tmp_path: Path) -> None:
    fast = run([str(CONSOLE), "build", "seeds", "--out", str(tmp_path / "fast.ttl"), "--report", str(tmp_path / "fast.txt")])
    slow = run([str(CONSOLE), "build", "seeds", "--out", str(tmp_path / "slow.ttl"), "--report", str(tmp_path / "slow.txt")],
               malloc="system")
    assert fast.returncode == slow.returncode == 0, fast.stderr + slow.stderr
    assert (tmp_path / "fast.ttl").read_bytes() == (tmp_path / "slow.ttl").read_bytes()
    assert (tmp_path / "fast.txt").read_text() == (tmp_path / "slow.txt").read_text()
    def summary(out: str, name: str) -> str:
        return re.sub(r" in [0-9.]+ s", "", out.replace(str(tmp_path / name), "X"))
    assert summary(fast.stdout, "fast") == summary(slow.stdout, "slow")


@needs_mimalloc
def test_the_restarted_command_keeps_exit_codes_and_writes_standard_output(tmp_path: Path) -> None:
    missing = run([str(CONSOLE), "build", str(tmp_path / "nothing-here")])
    assert missing.returncode != 0 and "error" in missing.stderr
    assert missing.returncode == run([str(CONSOLE), "build", str(tmp_path / "nothing-here")], malloc="system").returncode
    # the graph written to standard output by the restarted process is the one it writes to a file
    piped = run([str(CONSOLE), "build", "seeds", "--out", "-", "--no-validate", "-q"])
    written = run([str(CONSOLE), "build", "seeds", "--out", str(tmp_path / "g.ttl"), "--no-validate", "-q"])
    assert piped.returncode == written.returncode == 0, piped.stderr
    assert piped.stdout.encode() == (tmp_path / "g.ttl").read_bytes()
