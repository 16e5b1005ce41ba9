"""graph.validate: inputs it takes, the readable report with evidence, and the CLI's exit codes."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import Literal
from rdflib.namespace import FOAF, ORG, PROV, SH, SKOS, Namespace

from graph.cli import main
from graph.validate import load_graph, validate

DATA = Path(__file__).parent / "data" / "shapes"
VALID = DATA / "valid.ttl"
ID = Namespace("https://w3id.org/dantoc-kg/id/")
TIME = Namespace("http://www.w3.org/2006/time#")
H = "16a73d697e48aa38"
PERSON = ID["person/kon-tum/a-hlang-e2af67"]
MEMBERSHIP = ID["membership/eb0d12e687246379"]
PROGRAMME = ID["programme/ctmtqg-dtts-mn"]
FILE_ID = "017_kontum_soket_q1"


def copy_of(path: Path) -> rdflib.Graph:
    return load_graph(path)


def write(g: rdflib.Graph, path: Path) -> Path:
    g.serialize(path, format="turtle")
    return path


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """The sample with a holding that has no person and a person with two names."""
    g = copy_of(VALID)
    g.remove((MEMBERSHIP, ORG.member, None))
    g.add((PERSON, FOAF.name, Literal("A Hlăng")))
    return write(g, tmp_path / "broken.ttl")


# --- inputs ------------------------------------------------------------------------------------


def test_path_and_str_inputs() -> None:
    assert validate(VALID).conforms
    assert validate(str(VALID)).conforms


def test_rdflib_graph_is_not_modified() -> None:
    g = copy_of(VALID)
    before = len(g)
    assert validate(g).conforms
    assert len(g) == before  # the vocabulary was mixed into a copy


def test_pyoxigraph_store_with_named_graphs() -> None:
    """Triples split over two named graphs are validated as their union."""
    store = ox.Store()
    g1, g2 = (
        ox.NamedNode("https://w3id.org/dantoc-kg/id/article/a"),
        ox.NamedNode("https://w3id.org/dantoc-kg/id/article/b"),
    )
    for i, t in enumerate(ox.parse(path=str(VALID), format=ox.RdfFormat.TURTLE)):
        store.add(ox.Quad(t.subject, t.predicate, t.object, g1 if i % 2 else g2))
    assert validate(store).conforms


def test_rdflib_dataset_is_validated_as_union() -> None:
    ds = rdflib.Dataset()
    a, b = ds.graph(ID["article/a"]), ds.graph(ID["article/b"])
    for i, t in enumerate(copy_of(VALID)):
        (a if i % 2 else b).add(t)
    assert validate(ds).conforms


@pytest.mark.parametrize(
    "fmt, suffix",
    [
        (ox.RdfFormat.N_TRIPLES, ".nt"),
        (ox.RdfFormat.N_QUADS, ".nq"),
        (ox.RdfFormat.TRIG, ".trig"),
        (ox.RdfFormat.JSON_LD, ".jsonld"),
    ],
)
def test_file_formats(tmp_path: Path, fmt: ox.RdfFormat, suffix: str) -> None:
    store = ox.Store()
    store.load(path=str(VALID), format=ox.RdfFormat.TURTLE)
    out = tmp_path / f"graph{suffix}"
    if fmt.supports_datasets:
        store.dump(output=str(out), format=fmt)
    else:
        store.dump(output=str(out), format=fmt, from_graph=ox.DefaultGraph())
    assert validate(out).conforms


def test_without_vocabulary_concepts_are_unknown() -> None:
    """The sample names concepts without copying them: only the mixed-in vocabulary makes that valid."""
    report = validate(VALID, with_vocab=False)
    assert not report.conforms
    assert report.find(shape="dtsh:PostShape", path="org:role")


# --- the report --------------------------------------------------------------------------------


def test_results_carry_shape_path_and_evidence(broken: Path) -> None:
    report = validate(broken)
    [missing] = report.find(shape="dtsh:MembershipShape", path="org:member")
    assert missing.severity == "Violation" and missing.constraint == "MinCountConstraintComponent"
    assert missing.focus == "id:membership/eb0d12e687246379"
    [ev] = missing.evidence
    assert ev.articles == (FILE_ID,)
    assert ev.sentence == "Ông A Hlang, Trưởng Ban Dân tộc tỉnh chủ trì Hội nghị."


def test_text_report_names_file_and_sentence(broken: Path) -> None:
    text = validate(broken).to_text()
    assert text.startswith("SHACL validation: does not conform (2 violations, 0 warnings)")
    assert "dtsh:MembershipShape (holding / member): 1" in text
    assert "dtsh:PersonShape (person / name): 1" in text
    line = next(ln for ln in text.splitlines() if "org:member" in ln)
    assert FILE_ID in line and "«Ông A Hlang, Trưởng Ban Dân tộc tỉnh chủ trì Hội nghị.»" in line


def test_node_without_evidence_says_so(tmp_path: Path) -> None:
    g = copy_of(VALID)
    g.remove((PROGRAMME, PROV.wasInfluencedBy, None))
    for s in list(g.subjects(None, PROGRAMME)):  # nothing pointing to it carries evidence either
        g.remove((s, None, PROGRAMME))
    report = validate(write(g, tmp_path / "g.ttl"))
    [r] = report.find(shape="dtsh:ProgrammeShape", path="prov:wasInfluencedBy")
    assert r.evidence == []
    assert "no evidence" in r.to_text()


def test_evidence_found_through_the_fact_pointing_to_a_node(tmp_path: Path) -> None:
    """An instant has no sentence of its own; the holding that points to it does."""
    g = copy_of(VALID)
    g.add((ID["instant/2023-03-16"], TIME.inXSDgYear, Literal("2023", datatype=rdflib.XSD.gYear)))
    report = validate(write(g, tmp_path / "g.ttl"))
    [r] = report.find(shape="dtsh:InstantShape")
    assert r.evidence and r.evidence[0].articles == (FILE_ID,)
    assert (
        r.evidence[0].via == "id:membership/eb0d12e687246379 org:memberDuring"
    )  # instant <- interval <- holding
    assert r.evidence[0].sentence == "Ông A Hlang, Trưởng Ban Dân tộc tỉnh chủ trì Hội nghị."


def test_turtle_report_round_trips(broken: Path) -> None:
    report = validate(broken)
    g = rdflib.Graph().parse(data=report.to_turtle(), format="turtle")
    [rep] = g.subjects(rdflib.RDF.type, SH.ValidationReport)
    assert g.value(rep, SH.conforms) == Literal(False)
    assert len(list(g.objects(rep, SH.result))) == 2


def test_sparql_constraint_results_are_in_the_report(tmp_path: Path) -> None:
    g = copy_of(VALID)
    g.set(
        (
            ID["post/kon-tum/ban-dan-toc-tinh/truong-ban"],
            ORG.role,
            rdflib.URIRef("https://w3id.org/dantoc-kg/def/role/bi-thu"),
        )
    )
    report = validate(write(g, tmp_path / "g.ttl"))
    assert not report.conforms
    assert report.find(shape="dtsh:PostShape", constraint="SPARQLConstraintComponent")
    assert "SPARQLConstraintComponent" in report.to_turtle()


def test_custom_shapes_file(tmp_path: Path) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix org: <http://www.w3.org/ns/org#> .\n"
        '<urn:s> a sh:NodeShape ; sh:targetClass org:Organization ; sh:name "strict body" ;\n'
        "  sh:property [ sh:path skos:altLabel ; sh:minCount 1 ] .\n",
        encoding="utf-8",
    )
    report = validate(VALID, shapes)
    assert not report.conforms
    assert {r.shape for r in report.results} == {"<urn:s>"}
    assert all(r.path == "skos:altLabel" for r in report.results)


# --- CLI ---------------------------------------------------------------------------------------


def test_cli_conforming(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(VALID)]) == 0
    assert "conforms" in capsys.readouterr().out


def test_cli_violations(broken: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report_ttl = tmp_path / "report.ttl"
    assert main(["validate", str(broken), "--report-ttl", str(report_ttl)]) == 1
    out = capsys.readouterr().out
    assert FILE_ID in out and "org:member" in out
    assert (None, SH.conforms, Literal(False)) in rdflib.Graph().parse(report_ttl)


def test_cli_quiet(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--quiet", str(broken)]) == 1
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize(
    "content, name", [(None, "missing.ttl"), ("<a> <b> .", "bad.ttl"), ("x", "graph.csv")]
)
def test_cli_user_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, name: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("dantoc-kg validate: error:") and "Traceback" not in err


def test_cli_missing_shapes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["validate", str(VALID), "--shapes", str(tmp_path / "none.ttl")]) == 2


def test_cli_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["validate", "--help"])
    assert exc.value.code == 0
    assert "--report-ttl" in capsys.readouterr().out


def test_skos_label_edit_shows_in_text(tmp_path: Path) -> None:
    g = copy_of(VALID)
    g.remove((ID["org/kon-tum/ubnd-tinh"], SKOS.prefLabel, None))
    text = validate(write(g, tmp_path / "g.ttl")).to_text()
    assert "id:org/kon-tum/ubnd-tinh skos:prefLabel" in text
    assert "«Ngày 15/3/2023, Ban Dân tộc tỉnh Kon Tum tổ chức Hội nghị sơ kết" in text
