"""A throw-away Virtuoso server (Debian's ``virtuoso-opensource``) for tests and benchmarks.

It runs in a temp folder with its own ``virtuoso.ini`` and database, on free loopback ports, with
``ResultSetMaxRows`` set low so paging is exercised.  On start, isql gives the anonymous ``SPARQL``
user what the Graph Store Protocol and SPARQL Update need (a throw-away server only: a real one
keeps writes behind ``/sparql-graph-crud-auth``), and creates a digest-auth user for that path.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

# What the anonymous SPARQL user needs to PUT/POST Turtle through /sparql-graph-crud: the role, the
# quad table, and the Turtle loader's callbacks (found one by one from Virtuoso 7.2's 403 answers).
_GRANTS = [
    'GRANT SPARQL_UPDATE TO "SPARQL"',
    'GRANT INSERT ON DB.DBA.RDF_QUAD TO "SPARQL"',
    'GRANT DELETE ON DB.DBA.RDF_QUAD TO "SPARQL"',
    *(
        f'GRANT EXECUTE ON DB.DBA.{proc} TO "SPARQL"'
        for proc in (
            "TTLP_RL_NEW_GRAPH", "TTLP_RL_TRIPLE", "TTLP_RL_TRIPLE_L", "TTLP_RL_COMMIT",
            "TTLP_EV_NEW_GRAPH", "TTLP_EV_TRIPLE", "TTLP_EV_TRIPLE_L", "TTLP_EV_COMMIT",
            "TTLP_EV_NEW_BLANK", "TTLP_EV_GET_IID", "TTLP_EV_REPORT_DEFAULT", "RL_FLUSH",
        )
    ),
    "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7)",
]
AUTH_USER, AUTH_PASSWORD = "kgwriter", "kg-test-password"

_INI = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
ServerThreads = 10
CheckpointInterval = 0
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
DirsAllowed = ., {root}
MaxQueryMem = 500M

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {root}/www
ServerThreads = 10
MaxClientConnections = 10
EnabledDavVSP = 0

[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = 300
DeferInferenceRulesInit = 0

[Plugins]
"""


def binaries() -> tuple[str, str] | None:
    """(virtuoso-t, isql) when Debian's virtuoso-opensource is installed."""
    server = shutil.which("virtuoso-t")
    isql = shutil.which("isql-vt") or shutil.which("isql-v")
    return (server, isql) if server and isql else None


def missing_reason() -> str | None:
    """Why the live-Virtuoso tests cannot run here, or None when they can."""
    if binaries() is None:
        return "virtuoso-t / isql-vt not installed (apt-get install virtuoso-opensource-7-bin)"
    return None


def skip_or_fail(reason: str) -> None:
    """Skip the tests, except where DANTOC_REQUIRE_VIRTUOSO=1 (CI): there a missing server is a failure."""
    import pytest

    if os.environ.get("DANTOC_REQUIRE_VIRTUOSO") == "1":
        pytest.fail(f"DANTOC_REQUIRE_VIRTUOSO=1 but {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Virtuoso:
    """One running server; ``base`` is its HTTP root."""

    root: Path
    http_port: int
    sql_port: int
    isql_binary: str
    proc: subprocess.Popen[bytes] | None = None
    system_graphs: frozenset[str] = field(default_factory=frozenset)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def query_url(self) -> str:
        return f"{self.base}/sparql"

    @property
    def auth_query_url(self) -> str:
        return f"{self.base}/sparql-auth"

    def isql(self, *statements: str, timeout: float = 120) -> str:
        """Run SQL statements as dba; a failing one raises with Virtuoso's message."""
        script = "".join(f"{s};\n" for s in statements)
        done = subprocess.run(
            [self.isql_binary, f"127.0.0.1:{self.sql_port}", "dba", "dba"],
            input=script.encode(),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
        out = done.stdout.decode("utf-8", "replace")
        if done.returncode != 0 or "*** Error" in out:
            raise RuntimeError(f"isql failed: {out[-800:]}{done.stderr.decode('utf-8', 'replace')[-300:]}")
        return out

    def select(self, query: str) -> list[dict[str, str]]:
        """A SELECT over plain HTTP (independent of the code under test), as value dicts."""
        import json

        data = urllib.parse.urlencode({"query": query}).encode()
        request = urllib.request.Request(
            self.query_url, data=data, headers={"Accept": "application/sparql-results+json"}
        )
        with urllib.request.urlopen(request, timeout=60) as r:
            doc = json.loads(r.read())
        return [{k: v["value"] for k, v in b.items()} for b in doc["results"]["bindings"]]

    def graphs(self) -> set[str]:
        return {r["g"] for r in self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}

    def clear(self) -> None:
        """Drop every graph the tests made (the server's own system graphs stay)."""
        extra = sorted(self.graphs() - self.system_graphs)
        if extra:
            self.isql(*(f"SPARQL CLEAR GRAPH <{g}>" for g in extra))

    def stop(self) -> None:
        if self.proc is None:
            return
        with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):
            self.isql("shutdown", timeout=30)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None


def start(root: Path, *, max_rows: int = 50, buffers: int = 20000, timeout: float = 60) -> Virtuoso:
    """Create a database in ``root`` and start Virtuoso on free ports; ready when this returns."""
    found = binaries()
    if found is None:
        raise FileNotFoundError("virtuoso-t / isql-vt not installed (apt-get install virtuoso-opensource)")
    server, isql = found
    root.mkdir(parents=True, exist_ok=True)
    (root / "db").mkdir(exist_ok=True)
    (root / "www").mkdir(exist_ok=True)
    v = Virtuoso(root, _free_port(), _free_port(), isql)
    ini = root / "virtuoso.ini"
    ini.write_text(
        _INI.format(
            db=root / "db", root=root, sql_port=v.sql_port, http_port=v.http_port,
            max_rows=max_rows, buffers=buffers, dirty=buffers * 3 // 4,
        ),
        encoding="utf-8",
    )
    log = open(root / "stdout.log", "wb")  # noqa: SIM115 - lives as long as the server
    v.proc = subprocess.Popen(
        [server, "+foreground", "+configfile", str(ini)], cwd=root, stdout=log, stderr=subprocess.STDOUT,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    deadline = time.monotonic() + timeout
    probe = f"{v.query_url}?" + urllib.parse.urlencode({"query": "ASK {}"})
    while True:
        if v.proc.poll() is not None:
            text = (root / "stdout.log").read_text("utf-8", "replace")
            v.proc = None
            raise RuntimeError(f"virtuoso exited: {text[-800:]}")
        try:
            with urllib.request.urlopen(probe, timeout=2) as r:
                r.read()
            break
        except OSError:
            if time.monotonic() > deadline:
                v.stop()
                raise RuntimeError(f"virtuoso did not answer within {timeout:g} s") from None
            time.sleep(0.2)
    v.isql(
        *_GRANTS,
        f"DB.DBA.USER_CREATE ('{AUTH_USER}', '{AUTH_PASSWORD}')",
        f'GRANT SPARQL_UPDATE TO "{AUTH_USER}"',
    )
    v.system_graphs = frozenset(v.graphs())
    return v
