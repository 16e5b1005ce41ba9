"""The build validates the union it built in memory, once, while it writes the Turtle; nothing is re-read.

What a user sees must not change for that: the build's SHACL report is the report of validating the file
it wrote (``dantoc-kg validate g.ttl``), evidence included, and the written graph holds no vocabulary
triples that the check borrowed.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from graph.build import build, write_union_and_validate
from graph.validate import validate, validate_store, vocab_added, vocab_graph

ROOT = Path(__file__).resolve().parent.parent


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "graph", *args], capture_output=True, text=True, timeout=600)


def test_build_report_is_the_report_of_the_file_written(tmp_path: Path, mixed_reports: Callable[[Path, int], Path]) -> None:
    reports, out, full = mixed_reports(tmp_path / "reports", 40), tmp_path / "g.ttl", tmp_path / "report.txt"
    done = _cli("build", str(reports), "--out", str(out), "--allow-skips", "--report", str(full))
    assert done.returncode == 0, done.stderr
    again = _cli("validate", str(out))
    assert again.returncode == 0, again.stderr
    assert full.read_text(encoding="utf-8") == again.stdout     # every result, with its file and sentence
    assert "[Warning]" in again.stdout and "«" in again.stdout    # there were results to compare, with evidence
    summary = again.stdout.splitlines()[0].removeprefix("SHACL validation: ")
    assert f"SHACL: {summary.split(' (')[0]}" in done.stdout


def test_written_union_has_no_borrowed_vocabulary(tmp_path: Path, mixed_reports: Callable[[Path, int], Path]) -> None:
    result = build([mixed_reports(tmp_path / "reports", 40)], jobs=1, graphs=False)
    assert result.union is not None and len(result.store) == 0      # graphs=False: the union only
    before = set(result.union)
    report = write_union_and_validate(result, tmp_path / "g.ttl")
    assert report is not None and report.results
    assert set(result.union) == before                               # the concept schemes were lent, then gone
    written = ox.Store()
    written.load(path=str(tmp_path / "g.ttl"), format=ox.RdfFormat.TURTLE)
    assert {q.triple for q in written} == {q.triple for q in before}
    # and the check saw them: the same results as validating the file with the vocabulary mixed in
    assert {(r.focus, r.path, r.constraint) for r in report.results} == {
        (r.focus, r.path, r.constraint) for r in validate(tmp_path / "g.ttl").results}


def test_vocab_added_restores_the_store_and_keeps_triples_it_already_had() -> None:
    store = ox.Store()
    s, p, o = next(t for t in vocab_graph() if all(isinstance(x, URIRef) for x in t))   # a triple it lends
    own = ox.Quad(ox.NamedNode(str(s)), ox.NamedNode(str(p)), ox.NamedNode(str(o)))
    store.add(own)
    with vocab_added(store):
        assert len(store) >= len(vocab_graph())
    assert list(store) == [own]


def test_named_graph_store_is_validated_as_its_union_in_a_copy() -> None:
    """A store whose quads are all in article graphs: validated as their union (a copy), store untouched."""
    result = build([ROOT / "seeds"], jobs=1)
    before = len(result.store)
    report = validate_store(result.store, with_vocab=True, evidence=False)
    assert len(result.store) == before
    assert report.conforms and not report.results     # the seeds conform without warnings
    assert validate(result.store).conforms
