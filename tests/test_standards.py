"""Outside standards on the seed graph: PROV-O, OWL 2 DL, Data Cube, SKOS, NIF and ELI (issue 13).

The ontology, its schemes and the graph of the five seed reports are checked the way a linked-data
reviewer would: an OWL 2 RL closure (owlrl) with the PROV-O/ORG/FOAF/SKOS axioms that can clash
(tests/data/standards/external-axioms.ttl, each cited), an OWL 2 DL profile check in Python, Data
Cube's integrity constraints as SPARQL ASK, SKOS S13, and every NIF offset against the article text.
"""

from __future__ import annotations

from pathlib import Path

import owlrl
import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, BNode, Literal, URIRef

from graph.build import build, write_union

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology"
AXIOMS = Path(__file__).parent / "data" / "standards" / "external-axioms.ttl"
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
DT = "https://w3id.org/dantoc-kg/def#"
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> rdflib.Graph:
    out = tmp_path_factory.mktemp("std") / "seeds.ttl"
    write_union(build([ROOT / "seeds"], jobs=1).store, out)
    return rdflib.Graph().parse(out)


@pytest.fixture(scope="module")
def tbox() -> rdflib.Graph:
    g = rdflib.Graph().parse(ONTOLOGY / "dantoc.ttl")
    for f in sorted((ONTOLOGY / "vocab").glob("*.ttl")):
        g.parse(f)
    return g


# --- 1. PROV-O -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def closure(seed: rdflib.Graph, tbox: rdflib.Graph) -> rdflib.Graph:
    g = rdflib.Graph()
    for part in (seed, tbox):
        for t in part:
            g.add(t)
    g.parse(AXIOMS)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    return g


def test_owl_rl_closure_is_consistent_with_prov_org_foaf_skos(closure: rdflib.Graph) -> None:
    """No owl:Nothing member and no disjoint-class clash (PROV Activity/Entity, FOAF Person/Organization, SKOS S9/S13)."""
    errors = sorted(str(m) for m in closure.objects(None, URIRef("http://www.daml.org/2002/03/agents/agent-ont#error")))
    assert errors == []
    assert list(closure.subjects(RDF.type, OWL.Nothing)) == []


def test_no_activity_or_agent_is_derived_from_a_sentence(closure: rdflib.Graph) -> None:
    """prov:wasDerivedFrom links entities only; activities (awards, events) and agents (people, bodies) are not derived."""
    bad = []
    for s in set(closure.subjects(PROV.wasDerivedFrom, None)):
        kinds = set(closure.objects(s, RDF.type))
        if kinds & {PROV.Activity, PROV.Agent, URIRef("http://xmlns.com/foaf/0.1/Agent"),
                    URIRef("http://schema.org/Event"), URIRef(DT + "AwardConferral")}:
            bad.append(s)
    assert bad == []


def test_every_fact_node_has_its_evidence_sentence(seed: rdflib.Graph) -> None:
    """The evidence link is one predicate for every kind of fact, and always reaches a nif:Sentence."""
    nif = rdflib.Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    kinds = ["http://www.w3.org/ns/org#Membership", "http://schema.org/Event", DT + "AwardConferral",
             "http://purl.org/linked-data/cube#Observation", "http://xmlns.com/foaf/0.1/Person",
             "http://www.w3.org/ns/org#Organization", "http://data.europa.eu/eli/ontology#LegalResource"]
    for kind in kinds:
        nodes = set(seed.subjects(RDF.type, URIRef(kind)))
        assert nodes, kind
        for n in nodes:
            sents = list(seed.objects(n, PROV.wasInfluencedBy))
            assert sents and all((s, RDF.type, nif.Sentence) in seed for s in sents), (kind, n)


# --- 2. OWL 2 DL -----------------------------------------------------------------------------------

# The OWL 2 datatype map (OWL 2 Structural Specification §4): the only datatypes a range may name.
_XSD_MAP = ("decimal integer nonNegativeInteger nonPositiveInteger positiveInteger negativeInteger long int short "
            "byte unsignedLong unsignedInt unsignedShort unsignedByte double float string normalizedString token "
            "language Name NCName NMTOKEN boolean hexBinary base64Binary anyURI dateTime dateTimeStamp")
OWL2_DATATYPES = {URIRef(XSD + n) for n in _XSD_MAP.split()} | {
    RDF.PlainLiteral, RDF.XMLLiteral, RDFS.Literal, OWL.real, OWL.rational}
BUILTIN = (str(RDF), str(RDFS), str(OWL))


def _declared(tbox: rdflib.Graph, kind: URIRef) -> set:
    return set(tbox.subjects(RDF.type, kind))


def test_owl2_dl_every_term_declared_once_with_one_kind(seed: rdflib.Graph, tbox: rdflib.Graph) -> None:
    """Every predicate used is declared object, datatype or annotation property (no punning), every type a class."""
    obj, dat, ann = (_declared(tbox, k) for k in (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty))
    classes = _declared(tbox, OWL.Class)
    assert obj & dat == set() and obj & ann == set() and dat & ann == set()
    assert classes & (obj | dat | ann) == set()
    problems = set()
    for g in (seed, tbox):
        for _s, p, o in g:
            if str(p).startswith(BUILTIN):
                if p == RDF.type and not str(o).startswith(BUILTIN) and o not in classes and o not in (obj | dat | ann):
                    problems.add(("undeclared class", o))
                continue
            if p not in obj | dat | ann:
                problems.add(("undeclared property", p))
            elif p in obj and isinstance(o, Literal):
                problems.add(("object property with a literal", p))
            elif p in dat and not isinstance(o, Literal):
                problems.add(("datatype property with an IRI", p))
    assert sorted(problems) == []


def test_owl2_dl_ranges_are_in_the_owl2_datatype_map(tbox: rdflib.Graph) -> None:
    dat = _declared(tbox, OWL.DatatypeProperty)
    bad = [(p, r) for p, r in tbox.subject_objects(RDFS.range) if p in dat and r not in OWL2_DATATYPES]
    assert bad == []


def test_every_ontology_file_has_an_owl_ontology_header() -> None:
    for f in [ONTOLOGY / "dantoc.ttl", *sorted((ONTOLOGY / "vocab").glob("*.ttl"))]:
        g = rdflib.Graph().parse(f)
        heads = list(g.subjects(RDF.type, OWL.Ontology))
        assert len(heads) == 1 and not isinstance(heads[0], BNode), f.name


def test_no_local_axioms_on_other_vocabularies_terms(tbox: rdflib.Graph) -> None:
    """Domains, ranges, characteristics and sub-class/property axioms are stated only on our own terms."""
    axioms = (RDFS.domain, RDFS.range, RDFS.subClassOf, RDFS.subPropertyOf, OWL.disjointWith, OWL.inverseOf,
              OWL.equivalentClass, OWL.equivalentProperty)
    bad = {(s, p) for p in axioms for s in tbox.subjects(p, None) if not str(s).startswith("https://w3id.org/dantoc-kg/")}
    chars = (OWL.FunctionalProperty, OWL.InverseFunctionalProperty, OWL.TransitiveProperty, OWL.SymmetricProperty)
    bad |= {(s, c) for c in chars for s in tbox.subjects(RDF.type, c) if not str(s).startswith("https://w3id.org/dantoc-kg/")}
    assert sorted(bad) == []


# --- 4. SKOS ---------------------------------------------------------------------------------------


def test_skos_s13_pref_and_alt_labels_are_disjoint(seed: rdflib.Graph) -> None:
    """SKOS S13 in SPARQL: no node has the same literal as skos:prefLabel and skos:altLabel."""
    ask = "ASK { ?x skos:prefLabel ?l ; skos:altLabel ?l }"
    assert not seed.query(ask, initNs={"skos": rdflib.namespace.SKOS}).askAnswer



# --- 5. NIF ----------------------------------------------------------------------------------------

NIF_PREFIX = "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>\n"


def test_every_nif_context_carries_its_text(seed: rdflib.Graph) -> None:
    """NIF 2.0 requires nif:isString (or nif:contextStringRef) on each nif:Context."""
    q = NIF_PREFIX + "SELECT ?c WHERE { ?c a nif:Context FILTER NOT EXISTS { ?c nif:isString ?t } }"
    assert list(seed.query(q)) == []
    assert len(set(seed.subjects(URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString"),
                                 None))) == 5


def test_every_nif_offset_is_right_checked_in_sparql_alone(seed: rdflib.Graph) -> None:
    """Each sentence and phrase: anchorOf = SUBSTR(context text, begin + 1, end - begin), in one SPARQL query."""
    q = NIF_PREFIX + """SELECT (COUNT(?s) AS ?n) (SUM(IF(STR(?a) = SUBSTR(?text, ?b + 1, ?e - ?b), 1, 0)) AS ?ok) WHERE {
        ?s nif:referenceContext ?ctx ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?a .
        ?ctx nif:isString ?text }"""
    [(n, ok)] = list(seed.query(q))
    assert int(n) > 100 and int(ok) == int(n)


def test_a_wrong_offset_is_caught_by_the_shapes(seed: rdflib.Graph) -> None:
    from graph.validate import validate

    g = rdflib.Graph()
    for t in seed:
        g.add(t)
    nif = rdflib.Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    span = next(s for s in g.subjects(RDF.type, nif.Phrase))
    anchor = g.value(span, nif.anchorOf)
    g.set((span, nif.anchorOf, Literal(str(anchor)[1:] + "x")))    # same length, wrong words
    report = validate(g)
    assert not report.conforms and "nif:isString" in report.to_text()


# --- 6. ELI: legal basis or implementation ---------------------------------------------------------


def _links(tmp_path: Path, text: str) -> set[tuple[str, str, str]]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "g.ttl"
    write_union(build([folder], jobs=1).store, out)
    g = rdflib.Graph().parse(out)
    eli = rdflib.Namespace("http://data.europa.eu/eli/ontology#")
    num = {s: str(o) for s, o in g.subject_objects(eli.id_local)}
    return {(num[s], str(p).rsplit("#", 1)[1], num[o]) for p in (eli.based_on, eli.ensures_implementation_of)
            for s, o in g.subject_objects(p)}


def test_implementation_is_not_legal_basis(tmp_path: Path) -> None:
    """"Kế hoạch ... thực hiện Chỉ thị ..." implements the directive: eli:ensures_implementation_of, not eli:based_on."""
    text = ("Ban Dân tộc tỉnh Yên Bái ban hành Kế hoạch số 215/KH-BDT ngày 12/3/2024 thực hiện Chỉ thị số "
            "07-CT/TU ngày 02/01/2024 của Ban Thường vụ Tỉnh ủy về công tác dân tộc.\n")
    assert _links(tmp_path, text) == {("215/KH-BDT", "ensures_implementation_of", "07-CT/TU")}


def test_can_cu_is_the_legal_basis(tmp_path: Path) -> None:
    """"Quyết định ... căn cứ Nghị định ..." names its legal basis: eli:based_on."""
    text = ("UBND tỉnh Hà Giang ban hành Quyết định số 88/QĐ-UBND ngày 05/02/2024 căn cứ Nghị định số "
            "28/2022/NĐ-CP ngày 26/4/2022 của Chính phủ về chính sách tín dụng.\n")
    assert _links(tmp_path, text) == {("88/QĐ-UBND", "based_on", "28/2022/NĐ-CP")}
