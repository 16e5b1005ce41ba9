"""graph.build._claim_lines: the parent's fast pick of claim lines equals the line-anchored regex it replaced."""

from __future__ import annotations

import re
from pathlib import Path

from graph.build import _claim_lines, process_file
from graph.resolve.claims import DATE_PUBLISHED, functional

ROOT = Path(__file__).resolve().parent.parent


def _reference(nquads: bytes) -> list[bytes]:
    """The definition: every whole line whose subject is an IRI and whose predicate is a claim predicate."""
    alternation = b"|".join(re.escape(p.encode()) for p in sorted({*functional(), DATE_PUBLISHED.value}))
    return re.compile(rb"^<[^>\n]*> <(?:" + alternation + rb")> [^\n]*\n", re.MULTILINE).findall(nquads)


def test_the_claim_lines_of_real_articles_are_the_reference_ones() -> None:
    found = 0
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        out = process_file(str(path))
        assert out.nquads
        assert _claim_lines(out.nquads) == _reference(out.nquads)
        found += len(_reference(out.nquads))
    assert found > 20


def test_a_claim_predicate_elsewhere_in_a_line_is_no_claim() -> None:
    pred = DATE_PUBLISHED.value
    other = sorted(functional())[0]
    lines = [
        f"<http://x/a> <{pred}> \"2020-01-01\" <http://x/g> .\n",                  # a claim
        f"<http://x/b> <http://x/p> <{pred}> <http://x/g> .\n",                   # the predicate as an object
        f"<http://x/c> <http://x/p> \"say > <{pred}> here\" <http://x/g> .\n",     # inside a literal
        f"_:b1 <{pred}> \"2020-01-02\" <http://x/g> .\n",                         # a blank-node subject
        f"<http://x/d> <{other}> <{pred}> <http://x/g> .\n",                      # a claim, with one as object
        f"<http://x/e> <{pred}> \"no newline at the end\" <http://x/g> .",        # cut off: not a line
    ]
    data = "".join(lines).encode()
    assert _claim_lines(data) == _reference(data) == [lines[0].encode(), lines[4].encode()]
