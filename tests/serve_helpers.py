"""Start the real ``dantoc-kg serve`` (uvicorn in a subprocess) on a free port, for the serve tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.conftest import free_port

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@dataclass
class Served:
    base: str
    process: subprocess.Popen

    def get(self, path: str, accept: str = "text/html", data: bytes | None = None,
            headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        req = urllib.request.Request(self.base + path, data=data, headers={"Accept": accept, **(headers or {})})
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                return resp.status, dict(resp.headers), resp.read()
        except urllib.error.HTTPError as exc:
            return exc.code, dict(exc.headers), exc.read()

    def json(self, path: str) -> Any:
        status, _, body = self.get(path, accept="application/json")
        assert status == 200, (path, status, body[:300])
        return json.loads(body)

    def text(self, path: str) -> str:
        status, _, body = self.get(path)
        assert status == 200, (path, status, body[:300])
        return body.decode("utf-8")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_server(*source: str, extra: tuple[str, ...] = ()) -> Served:
    """``dantoc-kg serve SOURCE...`` on a free port; returns once it answers."""
    port = free_port()
    cmd = [sys.executable, "-m", "graph", "serve", *source, "--port", str(port), *extra]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    served = Served(f"http://127.0.0.1:{port}", proc)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"serve exited: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            with urllib.request.urlopen(served.base + "/api", timeout=2):
                return served
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    served.stop()
    raise RuntimeError("serve did not start within 90 s")


def build_seed_store(folder: Path) -> Path:
    from graph.cli import main

    store = folder / "kg"
    assert main(["build", str(SEEDS), "--store", str(store), "--out", str(folder / "seeds.ttl")]) == 0
    return store


def q(value: str) -> str:
    return urllib.parse.quote(value, safe="")
