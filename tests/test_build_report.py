"""`build` prints a summary of the SHACL report, not a flood; `--report FILE` keeps every result (issue 14)."""

from __future__ import annotations

from pathlib import Path

import rdflib

from graph.cli import main

# An undated made-up report naming five officials: each holding lacks the report's date (a warning each).
UNDATED = (
    "Ban Dân tộc tỉnh Hà Giang làm việc với các huyện\n\n"
    "Đoàn công tác của Ban Dân tộc tỉnh Hà Giang do ông Nguyễn Văn An, Trưởng Ban Dân tộc tỉnh làm trưởng đoàn "
    "đã làm việc tại huyện Mèo Vạc. Cùng dự có bà Lê Thị Bình, Phó Trưởng Ban Dân tộc tỉnh; ông Trần Văn Cường, "
    "Chủ tịch UBND huyện Mèo Vạc; ông Phạm Văn Dũng, Phó Chủ tịch UBND huyện Mèo Vạc và ông Hoàng Văn Em, "
    "Trưởng phòng Dân tộc huyện Mèo Vạc.\n"
)


def _reports(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "undated.txt").write_text(UNDATED, encoding="utf-8")
    return folder


def test_terminal_shows_a_few_examples_per_shape_and_the_report_file_has_all(tmp_path: Path, capsys) -> None:
    folder = _reports(tmp_path)
    assert main(["build", str(folder), "--out", str(tmp_path / "g.ttl"), "--report", str(tmp_path / "r.txt")]) == 0
    shown = capsys.readouterr().out
    warnings_shown = shown.count("[Warning]")
    full = (tmp_path / "r.txt").read_text(encoding="utf-8")
    warnings_all = full.count("[Warning]")
    assert warnings_all >= 5                        # every holding without a date is in the file
    assert warnings_shown == 3                      # the terminal: three examples of the shape
    assert f"... and {warnings_all - 3} more" in shown
    assert "SHACL: conforms (" in shown


def test_report_as_turtle_by_extension(tmp_path: Path, capsys) -> None:
    folder = _reports(tmp_path)
    assert main(["build", str(folder), "--out", str(tmp_path / "g.ttl"), "--report", str(tmp_path / "r.ttl")]) == 0
    capsys.readouterr()
    g = rdflib.Graph().parse(tmp_path / "r.ttl", format="turtle")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    assert len(set(g.subjects(rdflib.RDF.type, sh.ValidationResult))) >= 5
    assert (None, rdflib.RDF.type, sh.ValidationReport) in g


def test_without_report_the_terminal_says_how_to_get_it(tmp_path: Path, capsys) -> None:
    folder = _reports(tmp_path)
    assert main(["build", str(folder), "--out", str(tmp_path / "g.ttl")]) == 0
    assert "--report FILE" in capsys.readouterr().out
