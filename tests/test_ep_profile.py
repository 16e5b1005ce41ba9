"""The European Parliament's profiles (ELI-EP 3.0.0, ORG-EP 2.1.0) on the classes we share with them.

tests/data/ep-profile.ttl transcribes the constraints ../shared/MODELLING.md documents (the official files
cannot be fetched here; see its header).  The seed graph must meet every one of them except the named
exceptions below, each an EP-specific requirement we do not follow on purpose: the test fails when a new
violation appears, and also when an exception is no longer needed (so the list stays true).

Not transcribed at all (EP vocabulary whose terms MODELLING does not give): the IRIs of EP's own
ep-activities / ep-roles schemes that its ActivityType / ParticipationRole values must be in (ours are
dtk:eventkind / dtk:prole, typed eli-dl:ActivityType / eli-dl:ParticipationRole); EP's sh:closed property
lists; its SHACL-AF sh:select targets for sittings, speeches and chairs."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from pyshacl import validate
from rdflib import RDF, SH, Namespace, URIRef

from graph.build import build, write_union

ROOT = Path(__file__).resolve().parent.parent
PROFILE = Path(__file__).parent / "data" / "ep-profile.ttl"
EP = Namespace("https://w3id.org/dantoc-kg/tests/ep-profile#")
ELIDL = Namespace("http://data.europa.eu/eli/eli-draft-legislation-ontology#")

# (shape, path) -> why we do not meet it
EXCEPTIONS: dict[tuple[str, str | None], str] = {
    ("WorkTitleShape", "http://purl.org/dc/terms/title"):
        "A Work's dcterms:title is its official title; a news report quotes at most a fragment of it, which we "
        "keep as dt:subject beside a skos:prefLabel ('Kế hoạch 1348/KH-UBND'), rather than pass it off as the title.",
    ("EliIriShape", None):
        "ELI IRIs (.../eli/...) are published by a country's ELI register; Viet Nam has none, so documents keep our "
        "id:doc/{scope}/{number} IRIs.  A Warning in the official ELI shapes too.",
    ("MembershipShape", "http://www.w3.org/ns/org#memberDuring"):
        "ORG-EP dates a membership by a dcterms:PeriodOfTime with a start date; a report proves only that a post "
        "was held on its date, so memberDuring is an OWL-Time interval of attestations (MODELLING §2 trade-off; "
        "ontology/dantoc.ttl header).",
}


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> rdflib.Graph:
    out = tmp_path_factory.mktemp("ep") / "seeds.ttl"
    write_union(build([ROOT / "seeds"], jobs=1).store, out)
    g = rdflib.Graph().parse(out)
    for f in sorted((ROOT / "ontology" / "vocab").glob("*.ttl")):   # the schemes: concepts' types and labels
        g.parse(f)
    return g


def failures(g: rdflib.Graph) -> dict[tuple[str, str | None], set[str]]:
    """(shape, path) -> focus nodes, for every result of the EP profile on ``g``."""
    shapes = rdflib.Graph().parse(PROFILE)
    _conforms, report, _text = validate(g, shacl_graph=shapes, inference="none", allow_warnings=True)
    out: dict[tuple[str, str | None], set[str]] = {}
    for r in report.objects(None, SH.result):   # top-level results (not the sh:detail of a sh:node)
        source = report.value(r, SH.sourceShape)
        path = report.value(r, SH.resultPath)
        node = source if (source, RDF.type, SH.NodeShape) in shapes else next(shapes.subjects(SH.property, source))
        key = (str(node).removeprefix(str(EP)), str(path) if path is not None else None)
        out.setdefault(key, set()).add(str(report.value(r, SH.focusNode)))
    return out


def test_seed_graph_meets_the_ep_profile_but_the_named_exceptions(seed: rdflib.Graph) -> None:
    got = failures(seed)
    assert set(got) == set(EXCEPTIONS), {k: sorted(v)[:3] for k, v in got.items() if k not in EXCEPTIONS}


def test_the_shared_classes_are_in_the_seed_graph(seed: rdflib.Graph) -> None:
    """The profile ran on something: every class it targets has nodes in the seed graph."""
    for cls in ("http://data.europa.eu/eli/eli-draft-legislation-ontology#Activity",
                "http://data.europa.eu/eli/eli-draft-legislation-ontology#Participation",
                "http://data.europa.eu/eli/ontology#Work", "http://www.w3.org/ns/org#Membership",
                "http://www.w3.org/ns/org#Organization", "http://www.w3.org/ns/org#ChangeEvent"):
        assert next(seed.subjects(RDF.type, URIRef(cls)), None) is not None, cls


@pytest.mark.parametrize(("edit", "expected"), [
    ("activity_id", ("ActivityShape", str(ELIDL.activity_id))),
    ("two_organisers", ("ActivityShape", str(ELIDL.had_responsible_organization))),
    ("blank_activity", ("ActivityShape", None)),
])
def test_the_profile_catches_what_it_transcribes(seed: rdflib.Graph, edit: str, expected: tuple[str, str | None]) -> None:
    g = rdflib.Graph()
    for t in seed:
        g.add(t)
    event = next(e for e in g.subjects(RDF.type, ELIDL.Activity) if g.value(e, ELIDL.had_responsible_organization))
    if edit == "activity_id":
        g.remove((event, ELIDL.activity_id, None))
    elif edit == "two_organisers":
        g.add((event, ELIDL.had_responsible_organization, URIRef("https://w3id.org/dantoc-kg/id/org/vn/ubdt")))
        g.add((URIRef("https://w3id.org/dantoc-kg/id/org/vn/ubdt"), RDF.type, URIRef("http://www.w3.org/ns/org#Organization")))
    else:
        blank = rdflib.BNode()
        for p, o in list(g.predicate_objects(event)):
            g.add((blank, p, o))
    assert expected in failures(g)
