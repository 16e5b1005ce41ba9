"""The ontology and its concept schemes: parse, documented, consistent, and in step with the YAML."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
import yaml
from rdflib import OWL, RDF, RDFS, Literal, URIRef
from rdflib.namespace import SKOS, Namespace

from graph.text.normalize import slug
from graph.validate import load_graph
from graph.validate.vocab import DEF, concept_iri, load_schemes, ontology_dir, scheme_turtle

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "dantoc.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"
VALID = Path(__file__).parent / "data" / "shapes" / "valid.ttl"
DT = Namespace("https://w3id.org/dantoc-kg/def#")
ELIDL = "http://data.europa.eu/eli/eli-draft-legislation-ontology#"
ORG = Namespace("http://www.w3.org/ns/org#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")

PROPERTY_TYPES = {OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property}


@pytest.fixture(scope="module")
def onto() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY)


@pytest.fixture(scope="module")
def vocab() -> rdflib.Graph:
    g = rdflib.Graph()
    for f in sorted((ROOT / "ontology" / "vocab").glob("*.ttl")):
        g.parse(f)
    return g


def all_ttl() -> list[Path]:
    return [ONTOLOGY, SHAPES, *sorted((ROOT / "ontology" / "vocab").glob("*.ttl"))]


@pytest.mark.parametrize("path", all_ttl(), ids=lambda p: p.name)
def test_parses_with_rdflib_and_pyoxigraph_alike(path: Path) -> None:
    g = rdflib.Graph().parse(path)
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    assert len(g) > 0
    assert len(g) == len(store)


def test_ontology_header(onto: rdflib.Graph) -> None:
    header = URIRef("https://w3id.org/dantoc-kg/def")
    assert (header, RDF.type, OWL.Ontology) in onto
    assert ontology_dir() == ROOT / "ontology"


REQUIRED_TERMS = [
    "Programme",
    "Province",
    "District",
    "AwardConferral",
    "Attestation",
    "post",
    "attestation",
    "postTitle",
    "statedTitle",
    "attestedOn",
    "guidedBy",
    "subject",
    "approvedBy",
    "programmeKind",
    "indicator",
    "surfaceText",
    "measureText",
    "isTarget",
    "deadline",
    "programme",
    "atEvent",
    "awardName",
    "conferredBy",
    "collectiveCount",
    "individualCount",
    "inCapacityOf",
    "mergedInto",
    "sha1",
]


def own_terms(g: rdflib.Graph) -> set[URIRef]:
    return {
        s
        for s in g.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(str(DT)) and not str(s).startswith(str(DT) + "dsd-")
    }


def test_required_terms_are_declared(onto: rdflib.Graph) -> None:
    missing = [t for t in REQUIRED_TERMS if DT[t] not in own_terms(onto)]
    assert missing == []


def test_every_own_term_is_documented_in_both_languages(onto: rdflib.Graph) -> None:
    for term in own_terms(onto):
        langs = {lbl.language for lbl in onto.objects(term, RDFS.label) if isinstance(lbl, Literal)}
        assert {"vi", "en"} <= langs, term
        assert onto.value(term, SKOS.definition) or onto.value(term, RDFS.comment), term
        assert onto.value(term, RDFS.isDefinedBy) == URIRef("https://w3id.org/dantoc-kg/def"), term


def test_subclass_and_subproperty_alignment(onto: rdflib.Graph) -> None:
    prov = Namespace("http://www.w3.org/ns/prov#")
    schema = Namespace("http://schema.org/")
    assert (DT.Programme, RDFS.subClassOf, prov.Plan) in onto
    assert (DT.Province, RDFS.subClassOf, schema.AdministrativeArea) in onto
    assert (DT.District, RDFS.subClassOf, schema.AdministrativeArea) in onto
    assert (DT.AwardConferral, RDFS.subClassOf, prov.Activity) in onto
    assert (DT.Attestation, RDFS.subClassOf, prov.Entity) in onto
    assert (DT.guidedBy, RDFS.subPropertyOf, ORG.linkedTo) in onto
    assert (DT.indicator, RDF.type, URIRef("http://purl.org/linked-data/cube#DimensionProperty")) in onto


def test_no_term_is_both_class_and_property(onto: rdflib.Graph) -> None:
    classes = set(onto.subjects(RDF.type, OWL.Class))
    kinds = {
        t: {k for k in PROPERTY_TYPES if (t, RDF.type, k) in onto} for t in onto.subjects(RDF.type, None)
    }
    properties = {t for t, k in kinds.items() if k}
    assert classes & properties == set()
    assert [
        t for t, k in kinds.items() if len(k - {RDF.Property}) > 1
    ] == []  # object xor datatype xor annotation


def test_domains_and_ranges_only_on_our_terms(onto: rdflib.Graph) -> None:
    """We never restate (or change) another vocabulary's domains; ELI-DL is declared locally."""
    for pred in (RDFS.domain, RDFS.range):
        for s in onto.subjects(pred, None):
            assert str(s).startswith((str(DT), ELIDL)), s


def test_no_domain_puts_org_holds_on_a_non_agent(onto: rdflib.Graph) -> None:
    assert (ORG.holds, RDFS.domain, None) not in onto
    assert onto.value(DT.post, RDFS.domain) == ORG.Membership


def test_profile_uses_only_declared_terms(onto: rdflib.Graph) -> None:
    """Every predicate and class of the sample graph is declared, with the right OWL kind."""
    data = load_graph(VALID)
    objects_props = set(onto.subjects(RDF.type, OWL.ObjectProperty))
    data_props = set(onto.subjects(RDF.type, OWL.DatatypeProperty)) | set(
        onto.subjects(RDF.type, OWL.AnnotationProperty)
    )
    classes = set(onto.subjects(RDF.type, OWL.Class))
    for _s, p, o in data:
        if p == RDF.type:
            assert o in classes, o
        elif isinstance(o, Literal):
            assert p in data_props, p
        else:
            assert p in objects_props, p


# --- concept schemes ------------------------------------------------------------------------------


def test_generated_turtle_matches_the_yaml() -> None:
    """ontology/vocab/*.ttl is generated: rerun `python -m graph.validate.vocab` after editing YAML."""
    for scheme in load_schemes().values():
        path = ROOT / "ontology" / "vocab" / f"{scheme.name}.ttl"
        assert path.read_text(encoding="utf-8") == scheme_turtle(scheme), f"{path.name} is stale"


def test_every_concept_is_complete(vocab: rdflib.Graph) -> None:
    concepts = set(vocab.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) > 100
    for c in concepts:
        langs = [lbl.language for lbl in vocab.objects(c, SKOS.prefLabel)]
        assert sorted(langs) == ["en", "vi"], c
        notation = vocab.value(c, SKOS.notation)
        scheme = vocab.value(c, SKOS.inScheme)
        assert notation is not None and scheme is not None, c
        assert (scheme, RDF.type, SKOS.ConceptScheme) in vocab
        assert str(c) == f"{scheme}/{notation}"


def test_roles_and_doc_types_have_their_classes(vocab: rdflib.Graph) -> None:
    for c in vocab.subjects(SKOS.inScheme, URIRef(DEF + "/role")):
        assert (c, RDF.type, ORG.Role) in vocab
    for c in vocab.subjects(SKOS.inScheme, URIRef(DEF + "/doctype")):
        assert (c, RDF.type, ELI.ResourceType) in vocab


def test_slug_notations_follow_the_vietnamese_name() -> None:
    for scheme in load_schemes().values():
        if scheme.slug_notations:
            for c in scheme.concepts.values():
                assert c.notation == slug(c.vi), (scheme.name, c.vi)


def test_org_kinds_come_from_the_yaml() -> None:
    kinds = yaml.safe_load((ROOT / "graph" / "data" / "org_kinds.yaml").read_text(encoding="utf-8"))
    scheme = load_schemes()["orgkind"]
    assert list(scheme.concepts) == list(kinds)
    assert all(scheme.concepts[k].vi == v["vi"] for k, v in kinds.items())


@pytest.mark.parametrize(
    ("scheme", "notations"),
    [
        (
            "eventkind",
            "so-ket tong-ket giao-ban dai-hoi tap-huan le hop ky-ket lam-viec kiem-tra khen-thuong other",
        ),
        ("prole", "chair speaker participant reporter recipient conferrer"),
        ("progkind", "ctmtqg chuong-trinh de-an du-an chinh-sach"),
        ("unit", "VND percent count"),
        ("indicator", "funding-amount rate count poverty-rate disbursement-rate"),
        (
            "role",
            "truong-ban pho-truong-ban chu-tich pho-chu-tich bi-thu pho-bi-thu giam-doc pho-giam-doc "
            "bo-truong thu-truong chu-nhiem pho-chu-nhiem thu-tuong pho-thu-tuong truong-phong "
            "pho-truong-phong uy-vien tong-bien-tap pho-tong-bien-tap chanh-van-phong truong-doan",
        ),
        (
            "doctype",
            "luat nghi-quyet nghi-dinh quyet-dinh chi-thi thong-tu ke-hoach cong-van van-ban ket-luan "
            "huong-dan thong-bao bao-cao",
        ),
    ],
)
def test_schemes_cover_the_lists_extraction_uses(scheme: str, notations: str) -> None:
    assert set(notations.split()) <= set(load_schemes()[scheme].concepts)


def test_doc_kinds_yaml_agrees_when_present() -> None:
    """graph/data/doc_kinds.yaml (written in parallel) must use notations of dtk:doctype."""
    path = ROOT / "graph" / "data" / "doc_kinds.yaml"
    if not path.is_file():
        pytest.skip("graph/data/doc_kinds.yaml not in this checkout yet")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    entries = data.values() if isinstance(data, dict) else data
    names = [e["vi"] if isinstance(e, dict) and "vi" in e else None for e in entries]
    keys = list(data) if isinstance(data, dict) else []
    doctypes = set(load_schemes()["doctype"].concepts)
    for key, name in zip(keys, names, strict=False):
        notation = slug(name) if name else key
        assert notation in doctypes, f"{key}: {name} -> {notation} is not a dtk:doctype notation"


def test_concept_iri() -> None:
    assert concept_iri("role", "truong-ban") == "https://w3id.org/dantoc-kg/def/role/truong-ban"
