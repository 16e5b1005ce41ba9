"""A store keeps its validation results and a build re-checks only what it can change (issue 14, item 1):
the kept + re-checked results must be exactly what a whole pass over the store finds, after a first
build, after adding reports, after replacing one and after removing one.

On made-up Vietnamese reports (always: two that disagree on a document's date and a body's label, a
holding without a date, one hostile to the reader), on the seeds, and on the dev articles when
../shared is there.  Results are compared whole: focus, path, shape, constraint, severity, value, message.
"""

from __future__ import annotations

import gc
import shutil
import subprocess
from pathlib import Path

import pytest
import rdflib

from graph.build import build
from graph.store import open_store
from graph.validate import kept_report, load_shapes, tracker, validate, validate_store
from graph.validate.incremental import FILE, read_depth

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "dev"
CLI = str(ROOT / ".venv" / "bin" / "dantoc-kg")


def report(day: str, doc_date: str, post: str, border: str) -> str:
    return (f"Ngày {day}, Ban Dân tộc tỉnh Cao Bằng tổ chức hội nghị triển khai Nghị quyết số 12/NQ-CP ngày "
            f"{doc_date} của Chính phủ.\n"
            f"Ông Nông Văn Hùng, {post} Ban Dân tộc tỉnh Cao Bằng, chủ trì hội nghị.\n"
            f"Đại diện {border} phát biểu tại hội nghị.\n")


REPORTS = {
    "a": report("12/3/2024", "16/02/2022", "Trưởng", "Bộ Tư lệnh bộ đội biên phòng"),
    "b": report("20/4/2024", "15/02/2022", "Phó Trưởng", "Bộ Tư lệnh Bộ đội Biên phòng"),
    # no date: the holding it states warns (no dt:attestedOn) until a dated report attests it too
    "nodate": "Ông Nông Văn Hùng, Phó Trưởng Ban Dân tộc tỉnh Cao Bằng, dự hội nghị tại xã Đức Long.\n",
    # hostile: decomposed diacritics, a zero-width space, an impossible date, a control character, emoji
    "hostile": ("Ngày 31/02/2024, Ban Dân tộc tỉnh Cao Bằng\u200b tổ chức hội nghị.\x07 Ông Nông Văn Hùng, "
                "Trưởng Ban Dân tộc tỉnh Cao Bằng 🙂, triển khai Quyết định số 1719/QĐ-TTg ngày 14/10/2021 "
                "của Thủ tướng Chính phủ.\n"),
}
CHANGED_A = report("12/3/2024", "17/02/2022", "Chánh Văn phòng", "Bộ Tư lệnh Bộ đội biên phòng")


def keys(rep) -> set[tuple]:
    return {(str(r.focus_node), r.path, r.shape, r.shape_name, r.constraint, r.severity, r.value, r.message)
            for r in rep.results}


def write(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def step(kg_path: Path, inputs: list[Path] = (), remove: tuple[str, ...] = ()) -> tuple[set, set, int | None]:
    """One build (and removals) with the results followed; (kept results, a whole pass, focus re-checked)."""
    with open_store(kg_path) as kg:
        follow = tracker(kg)
        if inputs:
            build(list(inputs), jobs=1, store=kg)
        for name in remove:
            assert kg.remove_source(name)
        follow.finish()
        focus = follow.last_focus
    with open_store(kg_path, read_only=True) as kg:
        kept = kept_report(kg, evidence=False)
        assert kept is not None
        full = validate_store(kg.oxigraph, union=False, evidence=False)
        out = keys(kept), keys(full), focus
    del kept, full
    gc.collect()   # (a report holds the read-only store for its evidence lookup; the next step writes)
    return out


def typed_nodes(kg_path: Path) -> int:
    with open_store(kg_path, read_only=True) as kg:
        rows = kg.query("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?t }")
        return int(rows.rows[0]["n"])


def scenario(tmp_path: Path, first: dict[str, str], more: dict[str, str], replaced: tuple[str, str],
             removed: str, seeds: bool = True) -> list[set]:
    """First build, add, replace, remove: at each step the kept results equal a whole pass."""
    kg_path = tmp_path / "kg"
    one = write(tmp_path / "one", first)
    if seeds:
        for f in (ROOT / "seeds").glob("*.txt"):
            shutil.copy(f, one)
    seen = []
    kept, full, focus = step(kg_path, [one])
    assert focus is None               # nothing kept yet: the whole pass
    assert kept == full
    seen.append(full)
    kept, full, focus = step(kg_path, [write(tmp_path / "two", more)])
    assert kept == full
    assert focus is not None and focus < typed_nodes(kg_path)   # only what the new reports can change
    seen.append(full)
    name, text = replaced
    kept, full, focus = step(kg_path, [write(tmp_path / "three", {name: text})])
    assert kept == full and focus is not None
    seen.append(full)
    kept, full, focus = step(kg_path, remove=(removed,))
    assert kept == full and focus is not None
    seen.append(full)
    return seen


def test_made_up_reports_kept_results_equal_a_whole_pass(tmp_path: Path) -> None:
    first = {k: REPORTS[k] for k in ("a", "nodate")}
    more = {k: REPORTS[k] for k in ("b", "hostile")}
    seen = scenario(tmp_path, first, more, ("a", CHANGED_A), "b")
    # the steps changed the results (the test compares something): the undated holding's warning comes and goes
    assert len({frozenset(s) for s in seen}) > 1
    assert any(r[5] == "Warning" for r in seen[0])


def test_made_up_reports_without_seeds_and_a_fresh_build_agrees(tmp_path: Path) -> None:
    """After add, replace and remove, the kept results are also those of a fresh build of what is left."""
    seen = scenario(tmp_path, {"nodate": REPORTS["nodate"]}, {k: REPORTS[k] for k in ("a", "b", "hostile")},
                    ("a", CHANGED_A), "hostile", seeds=False)
    left = write(tmp_path / "left", {"nodate": REPORTS["nodate"], "a": CHANGED_A, "b": REPORTS["b"]})
    with open_store(tmp_path / "fresh") as kg:
        build([left], jobs=1, store=kg)
        fresh = keys(validate_store(kg.oxigraph, union=False, evidence=False))
    assert seen[-1] == fresh


@pytest.mark.skipif(not DEV.is_dir(), reason="the dev articles (../shared/eval/dev) are not here")
def test_dev_articles_kept_results_equal_a_whole_pass(tmp_path: Path) -> None:
    import json

    texts = {f.stem: json.loads(f.read_text(encoding="utf-8"))["text"] for f in sorted(DEV.glob("*.json"))}
    names = sorted(texts)
    first = {n: texts[n] for n in names[::2]}
    more = {n: texts[n] for n in names[1::2]}
    victim = names[1]
    scenario(tmp_path, first, more, (names[0], texts[names[0]] + "\nÔng Nông Văn Hùng, Trưởng Ban Dân tộc "
                                     "tỉnh Cao Bằng, dự hội nghị.\n"), victim)


def test_the_reference_engine_agrees_with_the_kept_results(tmp_path: Path) -> None:
    step(tmp_path / "kg", [write(tmp_path / "one", {k: REPORTS[k] for k in ("a", "nodate")})])
    step(tmp_path / "kg", [write(tmp_path / "two", {k: REPORTS[k] for k in ("b", "hostile")})])
    with open_store(tmp_path / "kg", read_only=True) as kg:
        kept = kept_report(kg, evidence=False)
        reference = validate(kg.oxigraph, with_vocab=False, evidence=False, engine="pyshacl")
    short = lambda rep: {(str(r.focus_node), r.path, r.constraint, r.severity) for r in rep.results}  # noqa: E731
    assert short(kept) == short(reference)
    assert kept.conforms == reference.conforms


def test_a_write_without_the_tracker_or_a_stopped_build_leaves_no_stale_results(tmp_path: Path) -> None:
    kg_path = tmp_path / "kg"
    step(kg_path, [write(tmp_path / "one", {k: REPORTS[k] for k in ("a", "nodate")})])
    assert (kg_path / FILE).is_file()
    with pytest.raises(RuntimeError), open_store(kg_path) as kg:   # a build that stops before its check
        tracker(kg)
        build([write(tmp_path / "two", {"b": REPORTS["b"]})], jobs=1, store=kg)
        raise RuntimeError("stopped")
    assert not (kg_path / FILE).exists()
    with open_store(kg_path, read_only=True) as kg:
        assert kept_report(kg) is None
    kept, full, focus = step(kg_path, [write(tmp_path / "three", {"hostile": REPORTS["hostile"]})])
    assert focus is None and kept == full      # nothing trusted: the whole pass again
    with open_store(kg_path) as kg:            # any writer (here the API, untracked) takes the results away
        kg.remove_source("hostile")
    assert not (kg_path / FILE).exists()


def test_cli_build_keeps_results_and_validate_reports_them_or_recomputes(tmp_path: Path) -> None:
    kg = tmp_path / "kg"
    one = write(tmp_path / "one", {k: REPORTS[k] for k in ("a", "nodate")})
    two = write(tmp_path / "two", {k: REPORTS[k] for k in ("b", "hostile")})
    for folder in (one, two):
        done = subprocess.run([CLI, "build", str(folder), "--store", str(kg), "-q"], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    assert (kg / FILE).is_file()
    kept = subprocess.run([CLI, "validate", str(kg)], capture_output=True, text=True)
    full = subprocess.run([CLI, "validate", str(kg), "--full"], capture_output=True, text=True)
    assert kept.returncode == full.returncode == 0
    assert kept.stdout == full.stdout and "warning" in kept.stdout
    done = subprocess.run([CLI, "remove", "nodate", "--store", str(kg), "-q"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    kept = subprocess.run([CLI, "validate", str(kg)], capture_output=True, text=True)
    full = subprocess.run([CLI, "validate", str(kg), "--full"], capture_output=True, text=True)
    assert kept.stdout == full.stdout


def _shapes(ttl: str) -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(data="@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .\n" + ttl,
            format="turtle")
    return g


def test_read_depth_of_the_profile_and_of_deeper_shapes() -> None:
    depth, backwards = read_depth(load_shapes())
    assert depth == 1
    assert "https://w3id.org/dantoc-kg/def#attestation" in backwards      # the attestation's holding (^dt:attestation)
    two = _shapes("ex:S sh:targetClass ex:A ; sh:property [ sh:path ( ex:p ex:q ) ; sh:class ex:B ] .")
    assert read_depth(two)[0] == 2
    nested = _shapes("ex:S sh:targetClass ex:A ; sh:property [ sh:path ex:p ; sh:node ex:T ] . "
                     "ex:T sh:property [ sh:path ex:q ; sh:class ex:B ] .")
    assert read_depth(nested)[0] == 2
    assert read_depth(_shapes("ex:S sh:targetClass ex:A ; sh:property [ sh:path [ sh:zeroOrMorePath ex:p ] ; "
                              "sh:class ex:B ] .")) is None


def test_a_change_one_hop_away_is_checked_again(tmp_path: Path) -> None:
    """A holding whose member loses its type (the only graph typing it is removed) breaks sh:class on
    org:member: the holding itself did not change, it is found one hop back from the changed node."""
    import pyoxigraph as ox

    org = "http://www.w3.org/ns/org#"
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    art = "https://w3id.org/dantoc-kg/id/article/"
    m = ox.NamedNode("https://w3id.org/dantoc-kg/id/membership/00000000000000aa")
    person = ox.NamedNode("https://w3id.org/dantoc-kg/id/person/nong-van-thu-nghiem")
    holding = [ox.Triple(m, rdf_type, ox.NamedNode(org + "Membership")),
               ox.Triple(m, ox.NamedNode(org + "member"), person)]
    typing = [ox.Triple(person, rdf_type, ox.NamedNode("http://xmlns.com/foaf/0.1/Person"))]
    kg_path = tmp_path / "kg"
    step(kg_path, [ROOT / "seeds"])
    results = []
    for change in ("add", "remove"):
        with open_store(kg_path) as kg:
            follow = tracker(kg)
            if change == "add":
                kg.replace_article(art + "00000000000000a1", holding, sources=())
                kg.replace_article(art + "00000000000000a2", typing, sources=())
            else:
                kg.remove_article(art + "00000000000000a2")
            follow.finish()
            assert follow.last_focus is not None
        with open_store(kg_path, read_only=True) as kg:
            kept, full = keys(kept_report(kg, evidence=False)), keys(validate_store(kg.oxigraph, union=False,
                                                                                      evidence=False))
        gc.collect()
        assert kept == full
        results.append({r for r in full if r[0] == str(m.value) and r[4] == "ClassConstraintComponent"})
    assert not results[0] and results[1]     # the class check on org:member fails only once the type is gone


def test_a_build_too_big_to_follow_runs_the_whole_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from graph.validate import incremental

    kg_path = tmp_path / "kg"
    step(kg_path, [write(tmp_path / "one", {"a": REPORTS["a"]})])
    monkeypatch.setattr(incremental, "WATCH_LIMIT", 10)
    kept, full, focus = step(kg_path, [write(tmp_path / "two", {k: REPORTS[k] for k in ("b", "nodate")})])
    assert focus is None and kept == full
