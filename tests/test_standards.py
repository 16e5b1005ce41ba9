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


# --- 3. RDF Data Cube --------------------------------------------------------------------------------

QB_PREFIXES = """PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
# Dimensions whose rdfs:range is SDMX-RDF's business, not ours (we state no axioms on other vocabularies).
SDMX_DIMENSIONS = "<http://purl.org/linked-data/sdmx/2009/dimension#refArea> <http://purl.org/linked-data/sdmx/2009/dimension#refPeriod>"

# The integrity constraints of the W3C RDF Data Cube Vocabulary (Recommendation 2014-01-16, §11.1), each an
# ASK that is true when the constraint is broken.  IC-7..IC-10, IC-15..IC-18 and IC-20/21 are about slices,
# qb:measureType and hierarchical code lists, which the profile does not use; they hold trivially and are
# run so that a later use of them is checked too.
INTEGRITY_CONSTRAINTS = {
    "IC-1": """ASK { { ?obs a qb:Observation . FILTER NOT EXISTS { ?obs qb:dataSet ?d1 } }
                 UNION { ?obs a qb:Observation ; qb:dataSet ?d1 , ?d2 . FILTER (?d1 != ?d2) } }""",
    "IC-2": """ASK { { ?ds a qb:DataSet . FILTER NOT EXISTS { ?ds qb:structure ?dsd . ?dsd a qb:DataStructureDefinition } }
                 UNION { ?ds a qb:DataSet ; qb:structure ?dsd1 , ?dsd2 . FILTER (?dsd1 != ?dsd2) } }""",
    "IC-3": """ASK { ?dsd a qb:DataStructureDefinition .
                 FILTER NOT EXISTS { ?dsd qb:component [ qb:componentProperty [ a qb:MeasureProperty ] ] } }""",
    "IC-4": f"""ASK {{ ?dim a qb:DimensionProperty . FILTER NOT EXISTS {{ ?dim rdfs:range [] }}
                 FILTER (?dim NOT IN ({SDMX_DIMENSIONS.replace("> <", ">, <")})) }}""",
    "IC-5": """ASK { ?dim a qb:DimensionProperty ; rdfs:range skos:Concept . FILTER NOT EXISTS { ?dim qb:codeList [] } }""",
    "IC-6": """ASK { ?dsd qb:component ?cs . ?cs qb:componentRequired "false"^^xsd:boolean ; qb:componentProperty ?c .
                 FILTER NOT EXISTS { ?c a qb:AttributeProperty } }""",
    "IC-7": """ASK { ?sk a qb:SliceKey . FILTER NOT EXISTS { [ a qb:DataStructureDefinition ] qb:sliceKey ?sk } }""",
    "IC-8": """ASK { ?sk a qb:SliceKey ; qb:componentProperty ?p . ?dsd qb:sliceKey ?sk .
                 FILTER NOT EXISTS { ?dsd qb:component [ qb:componentProperty ?p ] } }""",
    "IC-9": """ASK { { ?slice a qb:Slice . FILTER NOT EXISTS { ?slice qb:sliceStructure ?k } }
                 UNION { ?slice a qb:Slice ; qb:sliceStructure ?k1 , ?k2 . FILTER (?k1 != ?k2) } }""",
    "IC-10": """ASK { ?slice qb:sliceStructure [ qb:componentProperty ?dim ] . FILTER NOT EXISTS { ?slice ?dim [] } }""",
    "IC-11": """ASK { ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim . ?dim a qb:DimensionProperty .
                  FILTER NOT EXISTS { ?obs ?dim [] } }""",
    "IC-12": """ASK { FILTER (?allEqual) {
                  SELECT (MIN(?equal) AS ?allEqual) WHERE {
                    ?obs1 qb:dataSet ?ds . ?obs2 qb:dataSet ?ds . FILTER (?obs1 != ?obs2)
                    ?ds qb:structure/qb:component/qb:componentProperty ?dim . ?dim a qb:DimensionProperty .
                    ?obs1 ?dim ?v1 . ?obs2 ?dim ?v2 . BIND (?v1 = ?v2 AS ?equal)
                  } GROUP BY ?obs1 ?obs2 } }""",
    "IC-13": """ASK { ?obs qb:dataSet/qb:structure/qb:component ?cs . ?cs qb:componentRequired "true"^^xsd:boolean ;
                  qb:componentProperty ?attr . FILTER NOT EXISTS { ?obs ?attr [] } }""",
    "IC-14": """ASK { ?obs qb:dataSet/qb:structure ?dsd .
                  FILTER NOT EXISTS { ?dsd qb:component/qb:componentProperty qb:measureType }
                  ?dsd qb:component/qb:componentProperty ?m . ?m a qb:MeasureProperty . FILTER NOT EXISTS { ?obs ?m [] } }""",
    "IC-15": """ASK { ?obs qb:dataSet/qb:structure ?dsd ; qb:measureType ?m .
                  ?dsd qb:component/qb:componentProperty qb:measureType . FILTER NOT EXISTS { ?obs ?m [] } }""",
    "IC-16": """ASK { ?obs qb:dataSet/qb:structure ?dsd ; qb:measureType ?m ; ?om [] .
                  ?dsd qb:component/qb:componentProperty qb:measureType ; qb:component/qb:componentProperty ?om .
                  ?om a qb:MeasureProperty . FILTER (?om != ?m) }""",
    "IC-17": """ASK { ?obs1 qb:dataSet ?ds ; qb:measureType ?m1 . ?ds qb:structure/qb:component/qb:componentProperty qb:measureType .
                  ?ds qb:structure/qb:component/qb:componentProperty ?m2 . ?m2 a qb:MeasureProperty .
                  FILTER NOT EXISTS { ?obs2 qb:dataSet ?ds ; qb:measureType ?m2 } }""",
    "IC-18": """ASK { ?ds qb:slice ?slice . ?slice qb:observation ?obs . FILTER NOT EXISTS { ?obs qb:dataSet ?ds } }""",
    "IC-19": """ASK { { ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
                    ?dim a qb:DimensionProperty ; qb:codeList ?list . ?list a skos:ConceptScheme .
                    ?obs ?dim ?v . FILTER NOT EXISTS { ?v a skos:Concept ; skos:inScheme ?list } }
                  UNION { ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
                    ?dim a qb:DimensionProperty ; qb:codeList ?list . ?list a skos:Collection .
                    ?obs ?dim ?v . FILTER NOT EXISTS { ?v a skos:Concept . ?list skos:member+ ?v } } }""",
    # IC-20/21 are templates instantiated per qb:parentChildProperty; with no qb:HierarchicalCodeList in the
    # profile there is nothing to instantiate, which this ASK keeps true
    "IC-20": """ASK { ?list a qb:HierarchicalCodeList }""",
}


def _normalised(seed: rdflib.Graph, tbox: rdflib.Graph) -> rdflib.Graph:
    """Data + structure, with the Data Cube normalisation (§10.1: qb:componentProperty and component types)."""
    g = rdflib.Graph()
    for part in (seed, tbox):
        for t in part:
            g.add(t)
    qb = rdflib.Namespace("http://purl.org/linked-data/cube#")
    for link, kind in ((qb.dimension, qb.DimensionProperty), (qb.measure, qb.MeasureProperty),
                       (qb.attribute, qb.AttributeProperty)):
        for cs, p in list(g.subject_objects(link)):
            g.add((cs, qb.componentProperty, p))
            g.add((p, RDF.type, kind))
    return g


@pytest.mark.parametrize("ic", sorted(INTEGRITY_CONSTRAINTS, key=lambda k: int(k[3:])))
def test_data_cube_integrity_constraint(ic: str, seed: rdflib.Graph, tbox: rdflib.Graph) -> None:
    g = _normalised(seed, tbox)
    assert any(g.subjects(RDF.type, URIRef("http://purl.org/linked-data/cube#Observation")))
    assert not g.query(QB_PREFIXES + INTEGRITY_CONSTRAINTS[ic]).askAnswer, ic


def test_ic12_catches_two_figures_with_every_dimension_equal(seed: rdflib.Graph, tbox: rdflib.Graph) -> None:
    """The IC-12 query is not vacuous: an observation copied under a new IRI breaks it."""
    g = _normalised(seed, tbox)
    qb = rdflib.Namespace("http://purl.org/linked-data/cube#")
    obs = next(g.subjects(RDF.type, qb.Observation))
    for p, o in list(g.predicate_objects(obs)):
        g.add((URIRef(str(obs) + "-copy"), p, o))
    assert g.query(QB_PREFIXES + INTEGRITY_CONSTRAINTS["IC-12"]).askAnswer


def _figures(tmp_path: Path, text: str) -> list[tuple[str, str, str]]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "g.ttl"
    write_union(build([folder], jobs=1).store, out)
    q = """PREFIX dt: <https://w3id.org/dantoc-kg/def#>
    PREFIX sdmx-attribute: <http://purl.org/linked-data/sdmx/2009/attribute#>
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    PREFIX dtq: <http://purl.org/linked-data/sdmx/2009/measure#>
    SELECT ?surface ?indicator ?unit WHERE { ?o dt:surfaceText ?surface ; dt:indicator/skos:notation ?indicator ;
        sdmx-attribute:unitMeasure/skos:notation ?unit }"""
    return sorted((str(a), str(b), str(c)) for a, b, c in rdflib.Graph().parse(out).query(q))


def test_dong_bao_counts_people_not_money(tmp_path: Path) -> None:
    text = ("Năm 2023, tỉnh Lai Châu có 310.000 đồng bào dân tộc thiểu số được hưởng chính sách bảo hiểm y tế.\n")
    figures = _figures(tmp_path, text)
    assert figures and all(unit != "VND" for _s, _i, unit in figures), figures
    assert any(ind == "persons" for _s, ind, _u in figures), figures


def test_a_rate_and_its_change_are_not_two_rates(tmp_path: Path) -> None:
    text = ("Đến cuối năm 2023, tỷ lệ hộ nghèo dân tộc thiểu số của tỉnh Cao Bằng còn 18,25% (giảm 4,1% so với "
            "năm 2022).\n")
    figures = _figures(tmp_path, text)
    assert [i for _s, i, _u in figures] == ["poverty-rate", "rate-change"] or \
        sorted(i for _s, i, _u in figures) == ["poverty-rate", "rate-change"], figures


# --- 7. Evidence that contains the value -------------------------------------------------------------

EVIDENCE_Q = """PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
SELECT ?x ?s WHERE { ?x prov:wasInfluencedBy/nif:anchorOf ?s }"""


def _sentences(seed: rdflib.Graph) -> dict:
    out: dict = {}
    for x, s in seed.query(EVIDENCE_Q):
        out.setdefault(x, []).append(str(s))
    return out


def test_award_counts_are_in_the_award_evidence(seed: rdflib.Graph) -> None:
    """"4 tập thể, 11 cá nhân": some evidence sentence of the award states each count."""
    import re

    sentences = _sentences(seed)
    dt = rdflib.Namespace(DT)
    checked = 0
    for award in seed.subjects(RDF.type, dt.AwardConferral):
        for prop, noun in ((dt.collectiveCount, "tập thể"), (dt.individualCount, "cá nhân")):
            n = seed.value(award, prop)
            if n is not None:
                checked += 1
                assert any(re.search(rf"(?<!\d){n}\s+{noun}", s) for s in sentences[award]), (award, n, noun)
    assert checked


def test_event_dates_are_stated_or_marked_inferred(seed: rdflib.Graph) -> None:
    """An event date is in its evidence sentence, or the event says which report's date stands for it."""
    import re

    sentences = _sentences(seed)
    dt = rdflib.Namespace(DT)
    eli_dl = rdflib.Namespace("http://data.europa.eu/eli/eli-draft-legislation-ontology#")
    dated = [*seed.subject_objects(eli_dl.activity_date),   # a full day; a month or year alone is dcterms:date
             *((e, d) for e, d in seed.subject_objects(rdflib.DCTERMS.date) if (e, RDF.type, eli_dl.Activity) in seed)]
    inferred = 0
    for event, when in dated:
        parts = [int(p) for p in str(when).split("-")]
        if len(parts) == 1:
            pattern = rf"(?<!\d){parts[0]}(?!\d)"
        elif len(parts) == 2:
            pattern = rf"(?<!\d)0?{parts[1]}\s*/\s*{parts[0]}|tháng\s+0?{parts[1]}\b"
        else:
            pattern = rf"(?<!\d)0?{parts[2]}\s*/\s*0?{parts[1]}(?!\d)|ngày\s+0?{parts[2]}\s+tháng\s+0?{parts[1]}\b"
        stated = any(re.search(pattern, s, re.IGNORECASE) for s in sentences[event])
        source = seed.value(event, dt.dateInferredFrom)
        if not stated:
            inferred += 1
            assert source is not None and (source, RDF.type, URIRef("http://schema.org/NewsArticle")) in seed, event
    assert inferred   # the seeds have reports whose events are dated only by the report
