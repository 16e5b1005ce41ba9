"""Shared fixtures: a live Oxigraph server, and tiny HTTP servers that misbehave on purpose."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import settings as _hypothesis_settings

# The test suite is deterministic (same examples every run: a green main stays green); the bounded fuzz
# run in .ci/fuzz.sh selects the exploring "fuzz" profile with HYPOTHESIS_PROFILE=fuzz.
_hypothesis_settings.register_profile("suite", derandomize=True, deadline=None)
_hypothesis_settings.register_profile("fuzz", deadline=None, max_examples=300)
_hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))


# Debian's chromium, driven by Playwright in the browser tests (test_viz_browser, test_serve_browser)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    """One headless chromium per test module (the modules skip when it is not installed)."""
    api = pytest.importorskip("playwright.sync_api")
    with api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _oxigraph_binary() -> str | None:
    found = shutil.which("oxigraph")
    if found:
        return found
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.exists() else None


@dataclass
class OxigraphServer:
    base: str

    @property
    def query_url(self) -> str:
        return f"{self.base}/query"

    @property
    def store_url(self) -> str:
        return f"{self.base}/store"

    @property
    def update_url(self) -> str:
        return f"{self.base}/update"

    def clear(self) -> None:
        """Empty the server (between tests sharing it)."""
        request = urllib.request.Request(
            self.update_url,
            data=b"CLEAR ALL",
            method="POST",
            headers={"Content-Type": "application/sparql-update"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    """``oxigraph serve`` on a free port with an on-disk location; stopped at the end of the session."""
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the 'oxigraph' server binary is not installed (pip install oxigraph)")
    location = tmp_path_factory.mktemp("oxigraph")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
                pytest.fail(f"oxigraph server exited: {err[:500]}")
            try:
                with urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1) as r:
                    r.read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("oxigraph server did not answer within 30 s")
                time.sleep(0.1)
        yield OxigraphServer(base)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class FakeServer:
    url: str
    hits: list[str]


@contextlib.contextmanager
def fake_http_server(respond: Handler) -> Iterator[FakeServer]:
    """A threaded HTTP server on a free port where ``respond(handler)`` answers every GET/POST/PUT."""
    hits: list[str] = []

    class _Handler(BaseHTTPRequestHandler):
        def _any(self) -> None:
            hits.append(f"{self.command} {self.path}")
            length = int(self.headers.get("Content-Length") or 0)
            self.body = self.rfile.read(length) if length else b""
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                respond(self)

        do_GET = do_POST = do_PUT = _any

        def log_message(self, *args: object) -> None:  # keep test output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield FakeServer(f"http://127.0.0.1:{server.server_address[1]}/sparql", hits)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def fake_server() -> Callable[[Handler], contextlib.AbstractContextManager[FakeServer]]:
    """``with fake_server(respond) as srv:`` — see :func:`fake_http_server`."""
    return fake_http_server


REPO = Path(__file__).resolve().parent.parent
VNTC_SAMPLE = Path("/tmp/v2k")   # 2,000 real VNTC articles, where a developer unpacked them


def copy_mixed_reports(folder: Path, every: int) -> Path:
    """Seeds, the broken-input files (some give warnings or skips), and every ``every``-th real news article
    where the VNTC sample is here, copied into ``folder``: a build that meets all three kinds of input."""
    folder.mkdir(parents=True, exist_ok=True)
    for f in [*(REPO / "seeds").glob("*.txt"), *(REPO / "tests" / "data" / "broken").glob("*.txt")]:
        shutil.copy(f, folder / f.name)
    if VNTC_SAMPLE.is_dir():
        for f in sorted(VNTC_SAMPLE.glob("*.txt"))[::every]:
            shutil.copy(f, folder / f.name)
    return folder


@pytest.fixture(scope="session")
def mixed_reports() -> Callable[[Path, int], Path]:
    """``mixed_reports(folder, every)``: see :func:`copy_mixed_reports`."""
    return copy_mixed_reports


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory):
    """A live Virtuoso (Debian's virtuoso-opensource) in a temp folder, ResultSetMaxRows = 50.

    Skipped when the binary is absent, except where DANTOC_REQUIRE_VIRTUOSO=1 (CI): there it fails.
    """
    from tests import virtuoso

    reason = virtuoso.missing_reason()
    if reason:
        virtuoso.skip_or_fail(reason)
    server = virtuoso.start(tmp_path_factory.mktemp("virtuoso"), max_rows=50)
    try:
        yield server
    finally:
        server.stop()
