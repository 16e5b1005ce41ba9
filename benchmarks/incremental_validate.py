"""Kept validation results (graph.validate.incremental) against the whole pass after every build.

    python -m benchmarks.incremental_validate --size 10000 --add 100 --workdir /tmp/sv-bench

Builds the same corpus (``--real`` VNTC articles from /tmp/v2k when present, the rest from
benchmarks/generate.py) into two stores: one with the code of ``--before`` (a git revision, unpacked
into the work folder and run with the same Python), one with this checkout.  Then, on each: ``validate
STORE`` and adding ``--add`` new reports with ``build --store``.  Every command runs in its own process;
wall and CPU seconds (user + system, with its workers) are taken from the process's rusage.  Ratios are
before / after.  Checks that the kept results print exactly what ``validate --full`` prints.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = Path("/tmp/v2k")


def run(cmd: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> tuple[float, float, subprocess.CompletedProcess]:
    """(wall s, CPU s of the process and the workers it waited for, the finished process)."""
    before = os.times()
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd)
    wall = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, cpu, done


def corpus(out: Path, size: int, real: int, start: int = 0) -> None:
    out.mkdir(parents=True, exist_ok=True)
    reals = sorted(REAL.glob("*.txt"))[:real] if REAL.is_dir() else []
    for f in reals:
        shutil.copy(f, out / f.name)
    subprocess.run([sys.executable, "-m", "benchmarks.generate", str(out), "--count", str(size - len(reals)),
                    "--start", str(start)], check=True, cwd=ROOT, capture_output=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", type=int, default=10000)
    ap.add_argument("--real", type=int, default=2000, help="real VNTC articles among them (from /tmp/v2k)")
    ap.add_argument("--add", type=int, default=100)
    ap.add_argument("--before", default="5866ca4", help="git revision of the code that re-checked everything")
    ap.add_argument("--workdir", type=Path, required=True)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--sides", default="before,after", help="which code to run (before, after or both)")
    ap.add_argument("--after-from", type=Path, default=None,
                    help="a copy of the store the code before built (its first build): the code after starts from "
                    "it with a whole check kept, instead of building the corpus again (the same store: saves a 10k build)")
    args = ap.parse_args()
    work = args.workdir
    work.mkdir(parents=True, exist_ok=True)
    old = work / "old-code"
    if not old.exists():
        old.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.before, "graph", "ontology", "queries"],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
    first, extra = work / "corpus", work / "extra"
    if not first.exists():
        corpus(first, args.size, args.real)
    if not extra.exists():
        corpus(extra, args.add, 0, start=args.size + 1000)
    env_old = dict(os.environ, PYTHONPATH=str(old))
    env_new = dict(os.environ, PYTHONPATH=str(ROOT))
    cli = [sys.executable, "-m", "graph"]
    out: dict[str, dict[str, float]] = {}
    texts: dict[str, str] = {}
    sides = [(side, env) for side, env in (("before", env_old), ("after", env_new)) if side in args.sides.split(",")]
    for side, env in sides:
        kg = work / f"kg-{side}"
        shutil.rmtree(kg, ignore_errors=True)
        steps = [("build --store (first)", ["build", str(first), "--store", str(kg), "-q", "--jobs", str(args.jobs)])]
        if side == "after" and args.after_from is not None:
            shutil.copytree(args.after_from, kg)
            keep = (f"from graph.store import open_store; from graph.validate import tracker\n"
                    f"with open_store({str(kg)!r}) as kg:\n    tracker(kg).finish()")
            steps = [("first check, kept (a whole pass)", ["-c", keep])]
        steps += [("validate STORE", ["validate", str(kg), "-q"]),
                 (f"build --store (+{args.add})", ["build", str(extra), "--store", str(kg), "-q",
                                                   "--jobs", str(args.jobs)]),
                 ("validate STORE (after the add)", ["validate", str(kg)])]
        if side == "after":
            steps.append(("validate STORE --full", ["validate", str(kg), "--full"]))
        for name, argv in steps:
            wall, cpu, done = run((cli[:1] if argv[0] == "-c" else cli) + argv, env, cwd=work)
            if done.returncode not in (0, 1):
                print(done.stderr, file=sys.stderr)
                return 2
            out.setdefault(name, {})[f"{side}_wall"] = round(wall, 1)
            out[name][f"{side}_cpu"] = round(cpu, 1)
            texts[f"{side} {name}"] = done.stdout
            print(f"{side:6} {name:34} wall {wall:7.1f} s  CPU {cpu:7.1f} s", flush=True)
    same = texts.get("after validate STORE (after the add)") == texts.get("after validate STORE --full")
    print(f"kept results == --full: {same}")
    prior = work / "before-report.txt"
    if "before validate STORE (after the add)" in texts:
        prior.write_text(texts["before validate STORE (after the add)"], encoding="utf-8")
    if "after validate STORE (after the add)" in texts and prior.exists():
        print("the same report as the code before: "
              f"{texts['after validate STORE (after the add)'] == prior.read_text(encoding='utf-8')}")
    for row in out.values():
        if "before_wall" in row and "after_wall" in row:
            row["ratio_wall"] = round(row["before_wall"] / max(row["after_wall"], 0.01), 1)
            row["ratio_cpu"] = round(row["before_cpu"] / max(row["after_cpu"], 0.01), 1)
    (work / f"incremental_validate-{args.sides.replace(',', '-')}.json").write_text(json.dumps({"size": args.size, "add": args.add, "steps": out,
                                                               "kept_equals_full": same}, indent=1))
    print(json.dumps(out, indent=1))
    return 0 if same or "after" not in args.sides else 1


if __name__ == "__main__":
    sys.exit(main())
