"""Golden Turtle for the seeds: any change in the graph the seeds give is a reviewable diff.

After a deliberate change to extraction or the profile, regenerate and commit the new golden file:
    DANTOC_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from graph.build import build, write_union

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "seeds.ttl"


def test_seed_graph_matches_the_golden_turtle(tmp_path: Path) -> None:
    out = tmp_path / "seeds.ttl"
    write_union(build([ROOT / "seeds"], jobs=1).store, out)
    got = out.read_text(encoding="utf-8")
    if os.environ.get("DANTOC_UPDATE_GOLDEN"):
        GOLDEN.write_text(got, encoding="utf-8")
    want = GOLDEN.read_text(encoding="utf-8")
    if got != want:
        diff = "".join(list(difflib.unified_diff(want.splitlines(True), got.splitlines(True), "golden", "now"))[:80])
        raise AssertionError(f"the seed graph changed (regenerate with DANTOC_UPDATE_GOLDEN=1 if intended):\n{diff}")


def test_two_builds_give_byte_identical_turtle(tmp_path: Path) -> None:
    a, b = tmp_path / "a.ttl", tmp_path / "b.ttl"
    write_union(build([ROOT / "seeds"], jobs=1).store, a)
    write_union(build([ROOT / "seeds"], jobs=2).store, b)
    assert a.read_bytes() == b.read_bytes()
