"""Issue 16, hardening from an attack run: each test drives the real thing (processes, signals, FIFOs,
a misbehaving local HTTP server) and is bounded in time."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PY = sys.executable
TIMEOUT = 120


def cli(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = TIMEOUT,
        stdin: object = subprocess.DEVNULL) -> subprocess.CompletedProcess:
    """Run ``dantoc-kg`` in a fresh process (bytes out, so raw terminal bytes can be checked)."""
    # PYTHONPATH: the code under test, whatever the venv's install points at (an older checkout's code
    # would rename over /dev/stdout, which is what these tests prove no longer happens)
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return subprocess.run([PY, "-m", "graph", *args], cwd=cwd or ROOT, capture_output=True, timeout=timeout,
                          env={**os.environ, "PYTHONPATH": path, **(env or {})}, stdin=stdin)


def run_on_text(size: int) -> str:
    """``size`` characters of report prose with every full stop, colon and line break removed."""
    prose = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    prose = re.sub(r"[.!?…;:\n]+", " ", prose)
    return (prose * (size // len(prose) + 1))[:size]


# -- 3. run-on text ---------------------------------------------------------------------------------
def test_five_megabytes_of_run_on_text_stay_linear_and_bounded(tmp_path: Path) -> None:
    path = tmp_path / "runon.txt"
    path.write_text(run_on_text(5_000_000), encoding="utf-8")
    probe = (
        "import json, resource, sys, time\n"
        "from graph.build import process_file\n"
        f"process_file({str(SEEDS / '000_3aa7ebd7dfcfabe3.txt')!r}, 0)\n"   # imports and data loaded
        "base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "t = time.process_time()\n"
        f"out = process_file({str(path)!r}, 0)\n"
        "print(json.dumps({'s': time.process_time() - t, 'mb': (resource.getrusage(resource.RUSAGE_SELF)"
        ".ru_maxrss - base) / 1024, 'bytes': len(out.nquads), 'skipped': out.skipped}))\n"
    )
    done = subprocess.run([PY, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    assert got["skipped"] is None
    # CPU seconds, not wall (a shared machine stretches wall time): ~2 s; the quadratic blow-up took 54 s
    assert got["s"] < 15, got
    assert got["mb"] < 200, got        # memory over the process's own baseline
    assert got["bytes"] < 20_000_000, got   # was 72 MB of graph from one "sentence"


def test_an_over_long_sentence_is_cut_at_a_comma_or_space() -> None:
    from graph.extract.sentences import MAX_SENTENCE_CHARS, split_sentences

    text = "Hội nghị có " + ", ".join(f"đại biểu xã số {i}" for i in range(2000)) + ". Câu sau ngắn."
    spans = split_sentences(text)
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in spans)
    assert len(spans) > 20 and spans[-1].of(text) == "Câu sau ngắn."
    for s in spans[:-2]:   # every cut falls right after a comma, never inside a word
        assert text[s.end] in ", " and text[s.end - 1] not in " "


def test_mentions_are_capped_per_sentence_and_article() -> None:
    from graph.extract.pipeline import MAX_PER_ARTICLE, MAX_PER_SENTENCE, extract_article
    from graph.read import read_text

    names = ", ".join(f"Sở Nội vụ tỉnh {p}" for p in ["Hà Giang", "Lào Cai", "Sơn La", "Lai Châu"] * 30)
    article = read_text(f"Dự hội nghị có {names}.\n" * 10 + "Kết thúc.", "caps")
    facts = extract_article(article)
    per: dict = {}
    for m in facts.organizations:
        per[m.sentence] = per.get(m.sentence, 0) + 1
    assert per and max(per.values()) <= MAX_PER_SENTENCE
    assert len(facts.organizations) <= MAX_PER_ARTICLE


# -- 8. counts that tell the truth ------------------------------------------------------------------
def test_a_file_of_only_commas_is_not_an_article(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "commas.txt").write_text("," * 200_000, encoding="utf-8")
    (tmp_path / "in" / "digits.txt").write_text("1, 2, 3; 4 -- 5\n" * 1000, encoding="utf-8")
    done = cli("build", str(tmp_path / "in"), "--out", str(tmp_path / "g.ttl"), "--no-validate")
    assert done.returncode == 2 or done.returncode == 1
    err = done.stderr.decode()
    assert "commas" in err and "no article text" in err and "Traceback" not in err


TWO = ROOT / "tests" / "data" / "store" / "two_articles.trig"


def _many_reports(folder: Path, copies: int) -> Path:
    """``copies`` distinct copies of each seed report (a build long enough to be interrupted)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(copies):
        for seed in sorted(SEEDS.glob("*.txt")):
            (folder / f"{seed.stem}_{i}.txt").write_text(seed.read_text(encoding="utf-8") + f"\nGhi chú số {i}.\n",
                                                          encoding="utf-8")
    return folder


def _read_fifo_while(fifo: Path, proc: subprocess.Popen, deadline: float) -> bytes:
    """Everything written into ``fifo`` while ``proc`` runs (the read end is opened first, non-blocking)."""
    import time

    fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    chunks = []
    try:
        while True:
            try:
                data = os.read(fd, 65536)
            except BlockingIOError:
                data = None
            if data:
                chunks.append(data)
                continue
            if proc.poll() is not None or time.monotonic() > deadline:
                break
            time.sleep(0.01)
    finally:
        os.close(fd)
    return b"".join(chunks)


# -- 1. --out never destroys what it is given -------------------------------------------------------
OUT_COMMANDS = {
    "export": lambda out: ["export", str(TWO), "--format", "nt", "--out", out],
    "query": lambda out: ["query", str(ROOT / "tests/data/store/officials.rq"), "--graph", str(TWO), "--format", "csv",
                          "--out", out],
    "viz": lambda out: ["viz", str(TWO), "--format", "html", "--out", out],
    "validate": lambda out: ["validate", str(TWO), "--report-ttl", out, "--quiet"],
    "build": lambda out: ["build", str(SEEDS / "000_3aa7ebd7dfcfabe3.txt"), "--out", out, "--quiet", "--no-validate"],
}


def test_out_dash_and_dev_stdout_mean_standard_output(tmp_path: Path) -> None:
    from graph.export.writers import is_stdout

    assert is_stdout("-") and is_stdout("/dev/stdout")   # (checked first: never rename over /dev/stdout)
    for name, args in OUT_COMMANDS.items():
        for out in ("-", "/dev/stdout"):
            done = cli(*args(out), cwd=tmp_path)
            assert done.returncode in (0, 1), (name, out, done.stderr)   # validate: 1 = violations found
            assert len(done.stdout) > 100, (name, out, done.stderr)
            assert not (tmp_path / "-").exists()
    assert os.path.islink("/dev/stdout") or not os.path.exists("/dev/stdout")


def test_a_fifo_given_to_out_receives_the_data_and_stays_a_fifo(tmp_path: Path) -> None:
    import stat
    import time

    for name, args in OUT_COMMANDS.items():
        fifo = tmp_path / f"{name}.pipe"
        os.mkfifo(fifo)
        with open(tmp_path / "err", "wb") as err:
            proc = subprocess.Popen([PY, "-m", "graph", *args(str(fifo))], cwd=tmp_path, stdout=subprocess.DEVNULL,
                                    stderr=err)
            try:
                got = _read_fifo_while(fifo, proc, time.monotonic() + 60)
                proc.wait(30)
            finally:
                proc.kill()
                proc.wait()
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode), f"{name} replaced the FIFO with a file"
        assert len(got) > 100, (name, (tmp_path / "err").read_text())
        assert "wrote" not in (tmp_path / "err").read_text() or got


def test_a_symlinked_out_replaces_its_target_and_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "real" / "graph.nt"
    target.parent.mkdir()
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.nt"
    link.symlink_to(target)
    done = cli("export", str(TWO), "--out", str(link))
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8").count("\n") > 10


def test_a_folder_given_to_out_is_refused_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "dir.nt").mkdir()
    done = cli("export", str(TWO), "--out", str(tmp_path / "dir.nt"))
    assert done.returncode == 2 and done.stderr.decode().count("\n") == 1 and b"folder" in done.stderr
    assert (tmp_path / "dir.nt").is_dir()


def test_output_files_respect_the_umask(tmp_path: Path) -> None:
    for name, args in OUT_COMMANDS.items():
        out = tmp_path / {"export": "g.nt", "query": "r.csv", "viz": "v.html", "validate": "r.ttl",
                          "build": "g.ttl"}[name]
        done = subprocess.run(["sh", "-c", 'umask 022 && exec "$0" -m graph "$@"', PY, *args(str(out))], cwd=ROOT,
                              capture_output=True, timeout=TIMEOUT)
        assert done.returncode in (0, 1), done.stderr
        assert out.stat().st_mode & 0o777 == 0o644, (name, oct(out.stat().st_mode))


# -- 2. processes never linger ----------------------------------------------------------------------
def _children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _interrupt_build(tmp_path: Path, sig: int) -> tuple[subprocess.Popen, list[int], str]:
    """Start a 2-worker build into a store, send ``sig`` to it once the workers run; (process, workers, stderr)."""
    import signal
    import time

    if not Path("/proc/self/task").exists():
        pytest.skip("needs Linux /proc to find the worker processes")
    reports = _many_reports(tmp_path / "in", 300)
    workers: list[int] = []
    # stderr to a file, not a pipe: a lingering worker holding the pipe must not hang the test
    with open(tmp_path / "err", "wb") as err:
        proc = subprocess.Popen([PY, "-m", "graph", "build", str(reports), "--store", str(tmp_path / "db"),
                                 "--jobs", "2", "--no-validate"], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=err)
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
            workers = _children(proc.pid)
            time.sleep(0.02)
        assert len(workers) >= 2, "the build never started its workers"
        time.sleep(0.5)
        os.kill(proc.pid, sig)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        deadline = time.monotonic() + 5
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        lingering = [w for w in workers if _alive(w)]
        return proc, lingering, (tmp_path / "err").read_text()
    finally:
        for w in workers:   # never leave a process of ours behind, whatever the outcome
            if _alive(w):
                os.kill(w, signal.SIGKILL)


def test_sigterm_stops_a_build_like_ctrl_c_and_no_worker_is_left(tmp_path: Path) -> None:
    import signal

    proc, lingering, err = _interrupt_build(tmp_path, signal.SIGTERM)
    assert lingering == []
    assert proc.returncode not in (0, -signal.SIGTERM)   # handled, not killed by the signal
    assert err.strip().count("\n") == 0 and "SIGTERM" in err and "Traceback" not in err, err
    from graph.store import open_store

    with open_store(tmp_path / "db") as kg:   # the store opens and answers: left consistent
        kg.triples_count()


def test_workers_exit_when_their_parent_is_killed(tmp_path: Path) -> None:
    import signal

    _proc, lingering, _err = _interrupt_build(tmp_path, signal.SIGKILL)
    assert lingering == []


# -- 4. a damaged store -----------------------------------------------------------------------------
def test_a_damaged_store_gives_one_line_naming_the_folder(tmp_path: Path) -> None:
    from graph.store import open_store

    db = tmp_path / "db"
    with open_store(db) as kg:
        kg.load_file(TWO)
    tables = list(db.glob("*.sst"))
    assert tables
    for t in tables:
        data = bytearray(t.read_bytes())
        for i in range(100, len(data), 97):
            data[i] ^= 0xFF
        t.write_bytes(bytes(data))
    for args in (["query", "officials", "--store", str(db)], ["export", "--store", str(db), "--out", str(tmp_path / "x.nt")],
                 ["build", str(SEEDS / "000_3aa7ebd7dfcfabe3.txt"), "--store", str(db)]):
        done = cli(*args)
        err = done.stderr.decode()
        assert done.returncode == 2, err
        assert err.count("\n") == 1 and str(db) in err and "damaged" in err and "Traceback" not in err, err


# -- 5. a store folder carries a marker -------------------------------------------------------------
def test_store_refuses_a_folder_that_is_not_a_store(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text((SEEDS / "000_3aa7ebd7dfcfabe3.txt").read_text("utf-8"), "utf-8")
    before = sorted(p.name for p in reports.iterdir())
    done = cli("build", str(reports), "--store", str(reports))
    err = done.stderr.decode()
    assert done.returncode == 2 and err.count("\n") == 1 and "not a dantoc-kg store" in err, err
    assert sorted(p.name for p in reports.iterdir()) == before


def test_a_store_made_before_the_marker_still_opens_and_gets_marked(tmp_path: Path) -> None:
    from graph.store import open_store
    from graph.store.kgstore import MARKER

    with open_store(tmp_path / "db") as kg:
        kg.load_file(TWO)
        n = kg.triples_count()
    (tmp_path / "db" / MARKER).unlink()
    with open_store(tmp_path / "db", read_only=True) as kg:
        assert kg.triples_count() == n
    with open_store(tmp_path / "db") as kg:
        assert kg.triples_count() == n
    assert (tmp_path / "db" / MARKER).is_file()


# -- 6. nothing from outside reaches the terminal raw -----------------------------------------------
ESCAPES = b"\x1b]0;pwned\x07\x1b[2J\x1b[1;1H\rdantoc-kg push: pushed 10 graphs\n\xe2\x80\xae"


def _no_raw_controls(err: bytes) -> None:
    text = err.decode("utf-8")
    assert "\x1b" not in text and "\x07" not in text and "\r" not in text and "\u202e" not in text, text
    assert text.count("\n") <= 1, text


@pytest.mark.parametrize("command", ["query", "push"])
def test_a_hostile_endpoint_reply_is_printed_escaped(tmp_path: Path, fake_server, command: str) -> None:
    def respond(h) -> None:
        h.send_response(403)
        h.send_header("Content-Type", "text/plain")
        h.send_header("Content-Length", str(len(ESCAPES) + 10))
        h.end_headers()
        h.wfile.write(b"forbidden " + ESCAPES)

    with fake_server(respond) as srv:
        if command == "query":
            done = cli("query", "SELECT * { ?s ?p ?o }", "--endpoint", srv.url, "--retries", "0")
        else:
            done = cli("push", str(TWO), "--gsp", srv.url, "--retries", "0", "--quiet")
    assert done.returncode == 2, done.stderr
    assert b"pwned" in done.stderr   # the reply is shown ...
    _no_raw_controls(done.stderr)    # ... escaped


def test_a_hostile_value_in_a_table_is_printed_escaped(tmp_path: Path) -> None:
    import pyoxigraph as ox

    graph = tmp_path / "g.nt"
    triple = ox.Triple(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/b"), ox.Literal(ESCAPES.decode("utf-8")))
    graph.write_bytes(ox.serialize([triple], format=ox.RdfFormat.N_TRIPLES))
    done = cli("query", "SELECT ?o { ?s ?p ?o }", "--graph", str(graph))
    assert done.returncode == 0, done.stderr
    assert b"pwned" in done.stdout and b"\x1b" not in done.stdout and b"\x07" not in done.stdout


def test_file_names_with_newlines_and_bidi_controls_are_printed_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "fake\nskipped 0 of 1 files\u202e.txt").write_text(",,,", encoding="utf-8")
    (folder / "ok.txt").write_text((SEEDS / "000_3aa7ebd7dfcfabe3.txt").read_text("utf-8"), "utf-8")
    done = cli("build", str(folder), "--out", str(tmp_path / "g.ttl"), "--quiet", "--no-validate")
    err = done.stderr.decode()
    assert "\\n" in err and "\\u202e" in err, err
    assert "\u202e" not in err and all(line.startswith("skipped") for line in err.splitlines()), err


# -- 7. local queries stay local --------------------------------------------------------------------
def test_service_in_a_local_query_is_refused_unless_allowed(tmp_path: Path, fake_server) -> None:
    def respond(h) -> None:
        body = b'{"head": {"vars": ["x"]}, "results": {"bindings": []}}'
        h.send_response(200)
        h.send_header("Content-Type", "application/sparql-results+json")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    with fake_server(respond) as srv:
        query = f"SELECT * {{ SERVICE <{srv.url}> {{ ?x ?p ?o }} }}"
        refused = cli("query", query, "--graph", str(TWO))
        assert refused.returncode == 2 and b"--allow-service" in refused.stderr
        assert srv.hits == []
        allowed = cli("query", query, "--graph", str(TWO), "--allow-service")
        assert srv.hits, "with --allow-service the SERVICE call is made"
        assert b"--allow-service" not in allowed.stderr


# -- 8. counts that tell the truth (more) -----------------------------------------------------------
def test_shacl_summary_counts_violations_and_warnings_apart(tmp_path: Path) -> None:
    from graph.cli.build import shacl_summary
    from graph.validate.report import Report, Result

    def result(severity: str) -> Result:
        return Result("id:x", None, None, "m", severity, "dtsh:S", "S", "MinCountConstraintComponent")

    report = Report(False, [result("Violation")] * 3 + [result("Warning")] * 9459)
    assert shacl_summary(report) == "3 violations, 9459 warnings"
    done = cli("build", str(SEEDS), "--out", str(tmp_path / "g.ttl"))
    assert done.returncode == 0, done.stderr
    assert re.search(rb"SHACL: conforms( \(\d+ warnings?\))?\n", done.stdout), done.stdout
    assert shacl_summary(Report(True, [result("Warning")] * 2)) == "conforms (2 warnings)"
    assert shacl_summary(Report(True, [])) == "conforms"


def test_ten_thousand_empty_files_do_not_print_ten_thousand_lines(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"{i:05d}.txt").write_bytes(b"")
    done = cli("build", str(folder), "--out", str(tmp_path / "g.ttl"), "--jobs", "2", timeout=300)
    err = done.stderr.decode()
    assert done.returncode != 0
    assert len(err.splitlines()) <= 12, err[:2000]
    assert "skipped 10000 of 10000 files (10000 empty article)" in err and "9995 more" in err, err


# -- 9. quiet surprises -----------------------------------------------------------------------------
def test_build_with_a_store_and_no_out_writes_no_graph_file(tmp_path: Path) -> None:
    done = cli("build", str(SEEDS / "000_3aa7ebd7dfcfabe3.txt"), "--store", str(tmp_path / "db"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "out").exists() and b"wrote" not in done.stdout
    assert b"SHACL:" in done.stdout   # validated all the same, on the store


def test_push_takes_a_store_folder_as_the_readme_shows(tmp_path: Path, fake_server) -> None:
    from graph.store import open_store

    with open_store(tmp_path / "kg") as kg:
        kg.load_file(TWO)

    def respond(h) -> None:
        h.send_response(204)
        h.end_headers()

    with fake_server(respond) as srv:
        done = cli("push", str(tmp_path / "kg"), "--endpoint", srv.url, "--gsp", srv.url.replace("/sparql", "/store"),
                   "--quiet")
        assert done.returncode == 0, done.stderr
        assert any(hit.startswith(("POST", "PUT")) for hit in srv.hits)


def test_a_stored_question_without_its_parameter_says_which_is_missing() -> None:
    done = cli("query", "person-timeline", "--graph", str(TWO))
    err = done.stderr.decode()
    assert done.returncode == 2 and "person-timeline needs --param name=" in err and err.count("\n") == 1, err


def test_viz_refuses_an_extension_it_cannot_draw(tmp_path: Path) -> None:
    done = cli("viz", str(TWO), "--out", str(tmp_path / "x.pdf"))
    assert done.returncode == 2 and b".pdf" in done.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_symlinked_folders_in_an_input_folder_are_followed_once(tmp_path: Path) -> None:
    from graph.read import iter_inputs

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "linked.txt").write_text("x", encoding="utf-8")
    inputs = tmp_path / "in"
    (inputs / "sub").mkdir(parents=True)
    (inputs / "own.txt").write_text("x", encoding="utf-8")
    (inputs / "more").symlink_to(outside, target_is_directory=True)
    (inputs / "sub" / "loop").symlink_to(inputs, target_is_directory=True)   # a cycle back up the tree
    names = sorted(p.name for p in iter_inputs([inputs]))
    assert names == ["linked.txt", "own.txt"]


def test_query_on_a_store_during_a_build_says_a_build_is_running(tmp_path: Path) -> None:
    from graph.store import open_store

    with open_store(tmp_path / "db") as kg:   # a writer holds the store, as a running build does
        kg.load_file(TWO)
        kg.oxigraph.flush()
        done = cli("query", "officials", "--store", str(tmp_path / "db"))
    assert done.returncode == 0, done.stderr
    assert b"a build is running" in done.stderr
    quiet = cli("query", "officials", "--store", str(tmp_path / "db"))
    assert b"build is running" not in quiet.stderr


def test_one_set_of_short_flags_for_all_commands() -> None:
    from graph.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    expected = {"--quiet": "-q", "--out": "-o"}
    seen = 0
    for name, command in sub.choices.items():
        for action in command._actions:
            for long, short in expected.items():
                if long in action.option_strings:
                    seen += 1
                    assert short in action.option_strings, f"{name} {long} lacks {short}"
    assert seen >= 9
    assert cli("build", str(SEEDS / "000_3aa7ebd7dfcfabe3.txt"), "-q", "-o", "-").returncode == 0
