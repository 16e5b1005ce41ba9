"""p50 of every stored question on a store, as written and with its example parameters, before/after.

    python -m benchmarks.query_speed --store DIR [--before OLD_QUERIES_DIR] [--reps 5] [--out table.md]

Each query runs through ``graph.query.run_query`` on the read-only store (= ``dantoc-kg query NAME
--store DIR``), every row read: ``all`` (no parameter; skipped when one is required), ``param`` (the
``# example:`` line's parameters) and ``page`` (the first 100 rows, as the API and table output
show).  One warm-up run, then ``--reps`` timed runs (fewer if one run passes ``--budget`` seconds).
``--before DIR`` times the same variants with another folder of queries (e.g. ``git show main:...``)
on the same store and says whether both give the same rows (as multisets).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks.stages import _timings, example_params
from graph.query import run_query
from graph.query.stored import list_queries
from graph.store import open_store

ROOT = Path(__file__).resolve().parent.parent
PAGE = 100


def _variants(text: str, required: bool, given: dict[str, str] | None = None,
              ) -> dict[str, tuple[dict[str, str] | None, int | None]]:
    params = given or example_params(text)
    out: dict[str, tuple[dict[str, str] | None, int | None]] = {}
    if not required:
        out["all"] = (None, None)
        out["page"] = (None, PAGE)
    if params:
        out["param"] = (params, None)
    return out


def _rows_key(rows: Any) -> Counter:
    return Counter(tuple("" if t is None else str(t) for t in row) for row in rows.terms)


def measure(store: Any, text: str, params: dict[str, str] | None, limit: int | None, reps: int,
            budget: float) -> dict[str, Any]:
    """Timings of one variant, and its rows (as a multiset) for the before/after check."""
    got: dict[str, Any] = {}

    def run() -> int:
        rows = run_query(text, store, params, limit=limit)
        got["rows"] = rows
        return len(rows.terms)

    try:
        res = _timings(run, reps, budget=budget)
    except Exception as exc:   # report and go on: one query must not sink the table
        return {"error": f"{exc.__class__.__name__}: {exc}"[:300]}
    res["key"] = _rows_key(got["rows"])
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--queries", type=Path, default=ROOT / "queries")
    ap.add_argument("--before", type=Path, help="folder of the queries to compare with (same names)")
    ap.add_argument("--only", default="", help="comma-separated query names")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--budget", type=float, default=20.0, help="seconds of timed runs per variant")
    ap.add_argument("--out", type=Path, help="write the markdown table here (and a .json beside it)")
    ap.add_argument("--set", action="append", default=[], metavar="QUERY:NAME=VALUE",
                    help="a parameter value instead of the example's (e.g. a name the corpus holds)")
    a = ap.parse_args(argv)
    only = set(filter(None, a.only.split(",")))
    given: dict[str, dict[str, str]] = {}
    for spec in a.set:
        query, _, assignment = spec.partition(":")
        name, _, value = assignment.partition("=")
        given.setdefault(query, {})[name] = value
    table: list[dict[str, Any]] = []
    with open_store(a.store, read_only=True) as store:
        for stored in list_queries(a.queries):
            if only and stored.name not in only:
                continue
            required = any(not p.optional for p in stored.params)
            for variant, (params, limit) in _variants(stored.text, required, given.get(stored.name)).items():
                row: dict[str, Any] = {"query": stored.name, "variant": variant, "params": params}
                after = measure(store, stored.text, params, limit, a.reps, a.budget)
                row["after"] = after
                if a.before is not None and (a.before / f"{stored.name}.rq").is_file():
                    old = (a.before / f"{stored.name}.rq").read_text(encoding="utf-8")
                    before = measure(store, old, params, limit, a.reps, a.budget)
                    row["before"] = before
                    if "key" in before and "key" in after:
                        row["same_rows"] = before["key"] == after["key"]
                table.append(row)
                print(_line(row), file=sys.stderr, flush=True)
    text = markdown(table, a.store)
    if a.out:
        a.out.write_text(text, encoding="utf-8")
        plain = [{k: ({kk: vv for kk, vv in v.items() if kk != "key"} if isinstance(v, dict) and "rows" in v
                      else v) for k, v in r.items()} for r in table]
        a.out.with_suffix(".json").write_text(json.dumps(plain, indent=1, ensure_ascii=False), encoding="utf-8")
    sys.stdout.write(text)
    return 0


def _ms(res: dict[str, Any] | None) -> str:
    if not res:
        return ""
    return "error" if "error" in res else f"{res['p50_ms']:,.0f}"


def _line(row: dict[str, Any]) -> str:
    return (f"{row['query']} {row['variant']}: after {_ms(row['after'])} ms, before {_ms(row.get('before'))} ms, "
            f"rows {row['after'].get('rows')}, same {row.get('same_rows')}")


def markdown(table: list[dict[str, Any]], store: Path) -> str:
    lines = [f"p50 (ms) of each stored question on `{store}`; `page` = first {PAGE} rows\n",
             "| query | variant | rows | before p50 | after p50 | same rows |", "|---|---|---:|---:|---:|---|"]
    for r in table:
        same = {True: "yes", False: "**no**", None: ""}[r.get("same_rows")]
        lines.append(f"| {r['query']} | {r['variant']} | {r['after'].get('rows', '')} | {_ms(r.get('before'))} "
                     f"| {_ms(r['after'])} | {same} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
