"""The build validates the union it built in memory, once, while it writes the Turtle; nothing is re-read.

What a user sees must not change for that: the build's SHACL report is the report of validating the file
it wrote (``dantoc-kg validate g.ttl``), evidence included, and the written graph holds no vocabulary
triples that the check borrowed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from graph.build import build, write_union_and_validate
from graph.validate import validate, validate_store, vocab_added, vocab_graph

ROOT = Path(__file__).resolve().parent.parent
VNTC_SAMPLE = Path("/tmp/v2k")


def _reports(tmp: Path) -> Path:
    """Seeds, the broken-input files (some give warnings), and real news articles where the corpus is here."""
    folder = tmp / "reports"
    folder.mkdir()
    for f in [*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests" / "data" / "broken").glob("*.txt")]:
        shutil.copy(f, folder / f.name)
    if VNTC_SAMPLE.is_dir():
        for f in sorted(VNTC_SAMPLE.glob("*.txt"))[::40]:
            shutil.copy(f, folder / f.name)
    return folder


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "graph", *args], capture_output=True, text=True, timeout=600)


def test_build_report_is_the_report_of_the_file_written(tmp_path: Path) -> None:
    reports, out, full = _reports(tmp_path), tmp_path / "g.ttl", tmp_path / "report.txt"
    done = _cli("build", str(reports), "--out", str(out), "--allow-skips", "--report", str(full))
    assert done.returncode == 0, done.stderr
    again = _cli("validate", str(out))
    assert again.returncode == 0, again.stderr
    assert full.read_text(encoding="utf-8") == again.stdout     # every result, with its file and sentence
    assert "[Warning]" in again.stdout and "«" in again.stdout    # there were results to compare, with evidence
    summary = again.stdout.splitlines()[0].removeprefix("SHACL validation: ")
    assert f"SHACL: {summary.split(' (')[0]}" in done.stdout


def test_written_union_has_no_borrowed_vocabulary(tmp_path: Path) -> None:
    result = build([_reports(tmp_path)], jobs=1, graphs=False)
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
