"""Which documents are non-normative works (eli:Work) and which legal resources (data/works.yaml says why)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from graph.datafiles import load_yaml
from graph.text.docnumbers import parse_number


@cache
def _spec() -> dict[str, Any]:
    with resources.files("graph.data").joinpath("works.yaml").open(encoding="utf-8") as fh:
        return load_yaml(fh)


def is_work(kind_notation: str, number: str) -> bool:
    """True for a plan, report, letter ... or a Party document: an eli:Work, not an eli:LegalResource.

    Decided from the kind and the number only, so every report types one document the same way."""
    spec = _spec()
    if kind_notation in spec["kinds"]:
        return True
    parsed = parse_number(number)
    return bool(spec.get("party")) and parsed is not None and parsed.dashed
