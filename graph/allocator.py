"""Run the ``dantoc-kg`` command under mimalloc when the ``cmeel-mimalloc`` wheel is installed.

Why: most of a store build is Oxigraph's bulk loader, and perf shows a third of its time in glibc's
malloc and free (``unlink_chunk``, ``_int_free``, pages cleared for fresh blocks): it sorts millions of
small key buffers per batch.  Under mimalloc the same load takes ~0.7x the CPU and a 10k-report
``build --store`` ~0.8x the wall time (benchmarks/RESULTS.md).  A process's allocator is fixed when it
starts (``LD_PRELOAD``; a Rust extension calls ``malloc`` from libc), so the command re-executes itself
once, first thing, with the library preloaded; the workers it forks inherit it.

``DANTOC_MALLOC=system`` keeps glibc's allocator.  Nothing happens when the library is absent (another
platform, an install without it), when it is already preloaded, or when ``main()`` is called from
Python rather than run as the program (a caller's process is not ours to restart).
"""

from __future__ import annotations

import os
import sys
from importlib import metadata
from pathlib import Path

_MARK = "_DANTOC_REEXECUTED"   # set in the re-executed process: never a second exec, whatever LD_PRELOAD says
# mimalloc gives freed pages back to the system 10 ms after they empty; the loader frees and re-fills
# its batch buffers every few seconds, so that default spent the gain in page faults (a 10k-report
# build --store: system time 1.5x glibc's, wall 1.1x).  Pages kept PURGE_MS are mostly reused first.
PURGE_MS = "10000"


def library() -> Path | None:
    """The mimalloc shared library the ``cmeel-mimalloc`` wheel installed, if any."""
    try:
        files = metadata.distribution("cmeel-mimalloc").files or []
    except metadata.PackageNotFoundError:
        return None
    for file in files:
        if file.name.startswith("libmimalloc.so"):
            path = Path(str(file.locate())).resolve()
            if path.is_file():
                return path
    return None


def in_use() -> str:
    """The allocator this process runs with: ``mimalloc`` when its library is mapped, else ``system``."""
    try:
        maps = Path("/proc/self/maps").read_text(errors="replace")
    except OSError:
        return "system"
    return "mimalloc" if "libmimalloc" in maps else "system"


def _is_program_entry() -> bool:
    """True when this process was started as the command (the console script or ``python -m graph``)."""
    started = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if started is None:
        return False
    return started.name == "dantoc-kg" or started.resolve() == Path(__file__).resolve().parent / "__main__.py"


def reexecute_with_mimalloc(*, program: bool = False) -> None:
    """Replace this process by the same command line with mimalloc preloaded (see the module's docstring).

    ``program``: the caller knows it is the program's entry (the benchmark stages, which must time the
    product's paths as the command runs them)."""
    if (os.environ.get("DANTOC_MALLOC", "").lower() == "system" or os.environ.get(_MARK)
            or not sys.platform.startswith("linux") or not (program or _is_program_entry())
            or in_use() == "mimalloc"):
        return
    lib = library()
    if lib is None:
        return
    preload = " ".join(part for part in (str(lib), os.environ.get("LD_PRELOAD", "")) if part)
    env = {"MIMALLOC_PURGE_DELAY": PURGE_MS, **os.environ, "LD_PRELOAD": preload, _MARK: "1"}
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        os.execve(sys.executable, list(sys.orig_argv), env)
    except OSError:
        return   # cannot exec (odd interpreter set-up): go on with the system allocator
