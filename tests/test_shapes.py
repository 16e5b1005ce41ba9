"""The shapes accept the hand-written sample graph and catch each family of broken graph.

Every broken graph is the valid sample (tests/data/shapes/valid.ttl) with one edit; each test asserts
that the specific shape and path report it, so a shape that silently stops firing fails a test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rdflib
from rdflib import RDF, XSD, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, PROV, SH, SKOS, Namespace

from graph.validate import Report, load_graph, load_shapes, validate

DATA = Path(__file__).parent / "data" / "shapes"
ID = Namespace("https://w3id.org/dantoc-kg/id/")
DT = Namespace("https://w3id.org/dantoc-kg/def#")
DTK = "https://w3id.org/dantoc-kg/def/"
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
ELIDL = Namespace("http://data.europa.eu/eli/eli-draft-legislation-ontology#")
SCHEMA = Namespace("http://schema.org/")
TIME = Namespace("http://www.w3.org/2006/time#")
SDMXD = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")

H = "16a73d697e48aa38"
ARTICLE = ID[f"article/{H}"]
PERSON = ID["person/kon-tum/a-hlang-e2af67"]
BDT = ID["org/kon-tum/ban-dan-toc-tinh"]
POST = ID["post/kon-tum/ban-dan-toc-tinh/truong-ban"]
MEMBERSHIP = ID["membership/eb0d12e687246379"]
ATTESTATION = ID[f"attestation/{H}/556e54fb"]
DURING = ID["membership/eb0d12e687246379-during"]
DOC = ID["doc/vn/1719-qd-ttg"]
PROGRAMME = ID["programme/ctmtqg-dtts-mn"]
EVENT = ID["event/kon-tum/ban-dan-toc-tinh/so-ket/2023-03-15"]
PARTICIPATION = ID[f"participation/{H}/0"]
FIGURE = ID[f"figure/{H}/1"]
INSTANT = ID["instant/2023-03-16"]
SENTENCE2 = ID[f"article/{H}#char=137,191"]
PHRASE_PERSON = ID[f"article/{H}#char=141,148"]


@pytest.fixture(scope="module")
def valid_graph() -> rdflib.Graph:
    return load_graph(DATA / "valid.ttl")


@pytest.fixture
def g(valid_graph: rdflib.Graph) -> rdflib.Graph:
    """A fresh, editable copy of the valid sample."""
    copy = rdflib.Graph()
    for t in valid_graph:
        copy.add(t)
    return copy


def check(g: rdflib.Graph) -> Report:
    """pySHACL's report; every test also checks that the compiled SPARQL engine reports the same."""
    import pyoxigraph as ox

    from graph.validate import validate_store

    report = validate(g, evidence=False, engine="pyshacl")
    store = ox.Store()
    store.load(g.serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES)
    compiled = validate_store(store, with_vocab=True, evidence=False)

    def keys(r: Report) -> set:   # blank nodes are labelled differently by each engine
        return {("_:b" if isinstance(x.focus_node, rdflib.BNode) else str(x.focus_node), x.path or "",
                 x.constraint, x.severity) for x in r.results}

    assert keys(compiled) == keys(report), (keys(report) - keys(compiled), keys(compiled) - keys(report))
    return report


def rename(g: rdflib.Graph, old: URIRef, new: rdflib.term.Node) -> None:
    for s, p, o in list(g):
        if old in (s, o):
            g.remove((s, p, o))
            g.add((new if s == old else s, p, new if o == old else o))


def assert_reported(
    report: Report,
    *,
    shape: str,
    path: str | None = None,
    focus: str | None = None,
    constraint: str | None = None,
) -> None:
    found = report.find(shape=shape, path=path, focus=focus, constraint=constraint)
    assert found, f"expected {shape} {path} {constraint}; got:\n{report.to_text()}"
    assert not report.conforms


# --- the valid sample ------------------------------------------------------------------------


def test_valid_sample_conforms(g: rdflib.Graph) -> None:
    report = check(g)
    assert report.conforms, report.to_text()
    assert report.results == []


def test_valid_sample_has_one_node_of_each_kind(g: rdflib.Graph) -> None:
    """The sample exercises every targeted class, so every node shape ran on something."""
    shapes = load_shapes()
    targets = set(shapes.objects(None, SH.targetClass))
    present = set(g.objects(None, RDF.type))
    concept_classes = {SKOS.Concept, SKOS.ConceptScheme, ORG.Role, ELI.ResourceType}  # from the vocabulary
    assert targets - present - concept_classes == set()


# --- missing label / wrong language -----------------------------------------------------------


def test_missing_label(g: rdflib.Graph) -> None:
    g.remove((BDT, SKOS.prefLabel, None))
    assert_reported(
        check(g),
        shape="dtsh:OrganizationShape",
        path="skos:prefLabel",
        focus="id:org/kon-tum/ban-dan-toc-tinh",
        constraint="MinCountConstraintComponent",
    )


def test_label_must_be_vietnamese(g: rdflib.Graph) -> None:
    g.remove((PROGRAMME, SKOS.prefLabel, None))
    g.add(
        (PROGRAMME, SKOS.prefLabel, Literal("National target programme for ethnic minority areas", lang="en"))
    )
    assert_reported(
        check(g),
        shape="dtsh:ProgrammeShape",
        path="skos:prefLabel",
        constraint="LanguageInConstraintComponent",
    )


def test_two_vietnamese_labels_are_one_too_many(g: rdflib.Graph) -> None:
    g.add((BDT, SKOS.prefLabel, Literal("Ban Dân tộc Kon Tum", lang="vi")))
    assert_reported(
        check(g),
        shape="dtsh:OrganizationShape",
        path="skos:prefLabel",
        constraint="UniqueLangConstraintComponent",
    )


# --- datatypes ---------------------------------------------------------------------------------


def test_date_as_plain_string(g: rdflib.Graph) -> None:
    g.remove((ATTESTATION, DT.attestedOn, None))
    g.add((ATTESTATION, DT.attestedOn, Literal("2023-03-16")))
    assert_reported(
        check(g), shape="dtsh:AttestationShape", path="dt:attestedOn", constraint="DatatypeConstraintComponent"
    )


def test_partial_dates_are_accepted_where_the_profile_allows_them(g: rdflib.Graph) -> None:
    g.remove((EVENT, ELIDL.activity_date, None))
    g.set((EVENT, DCTERMS.date, Literal("2023-03", datatype=XSD.gYearMonth)))
    g.set((FIGURE, SDMXD.refPeriod, URIRef("http://reference.data.gov.uk/id/year/2023")))
    assert check(g).conforms


def test_partial_date_as_plain_string(g: rdflib.Graph) -> None:
    g.set((EVENT, DCTERMS.date, Literal("tháng 3/2023")))
    assert_reported(
        check(g), shape="dtsh:EventShape", path="dcterms:date", constraint="NodeConstraintComponent"
    )


def test_activity_date_is_a_full_day(g: rdflib.Graph) -> None:
    """ELI-EP's eli-dl:activity_date is an xsd:date: a month alone goes to dcterms:date."""
    g.set((EVENT, ELIDL.activity_date, Literal("2023-03", datatype=XSD.gYearMonth)))
    assert_reported(
        check(g), shape="dtsh:EventShape", path="eli-dl:activity_date", constraint="DatatypeConstraintComponent"
    )


def test_event_has_one_organiser(g: rdflib.Graph) -> None:
    g.add((EVENT, ELIDL.had_responsible_organization, ID["org/kon-tum/ubnd-tinh"]))
    assert_reported(
        check(g), shape="dtsh:EventShape", path="eli-dl:had_responsible_organization",
        constraint="MaxCountConstraintComponent",
    )


def test_schema_event_must_be_an_activity(g: rdflib.Graph) -> None:
    g.remove((EVENT, RDF.type, ELIDL.Activity))
    assert_reported(check(g), shape="dtsh:EventTypeShape", path="rdf:type", constraint="HasValueConstraintComponent")


def test_work_has_a_work_type_not_a_document_type(g: rdflib.Graph) -> None:
    plan = ID["doc/kon-tum/45-kh-ubnd"]
    kind = g.value(plan, ELI.work_type)
    g.remove((plan, ELI.work_type, None))
    g.add((plan, ELI.type_document, kind))
    report = check(g)
    assert_reported(report, shape="dtsh:WorkShape", path="eli:work_type", constraint="MinCountConstraintComponent")
    assert_reported(report, shape="dtsh:WorkShape", path="eli:type_document", constraint="MaxCountConstraintComponent")


def test_document_links_point_to_documents(g: rdflib.Graph) -> None:
    g.add((ID["doc/kon-tum/45-kh-ubnd"], ELI.ensures_implementation_of, PROGRAMME))
    assert_reported(check(g), shape="dtsh:WorkShape", path="eli:ensures_implementation_of",
                    constraint="NodeConstraintComponent")


def test_a_programme_may_be_approved_by_a_plan_but_not_by_a_programme(g: rdflib.Graph) -> None:
    """dt:approvedBy takes either kind of document (a Kế hoạch is an eli:Work), nothing else."""
    g.add((PROGRAMME, DT.approvedBy, ID["doc/kon-tum/45-kh-ubnd"]))
    assert check(g).conforms
    g.add((PROGRAMME, DT.approvedBy, EVENT))
    assert_reported(check(g), shape="dtsh:ProgrammeShape", path="dt:approvedBy", constraint="NodeConstraintComponent")


def test_offsets_must_be_non_negative_integers(g: rdflib.Graph) -> None:
    g.set((SENTENCE2, NIF.beginIndex, Literal("137")))
    assert_reported(
        check(g), shape="dtsh:OffsetStringShape", path="nif:beginIndex", constraint="NodeConstraintComponent"
    )


def test_counts_may_be_plain_integers_but_not_negative(g: rdflib.Graph) -> None:
    """The Oxigraph store turns xsd:nonNegativeInteger into xsd:integer: both are accepted, >= 0."""
    award = ID[f"award/{H}/0"]
    g.set((award, DT.collectiveCount, Literal(3)))
    assert check(g).conforms
    g.set((award, DT.individualCount, Literal(-2)))
    assert_reported(
        check(g), shape="dtsh:AwardShape", path="dt:individualCount", constraint="NodeConstraintComponent"
    )


def test_instant_has_exactly_one_date_form(g: rdflib.Graph) -> None:
    g.add((INSTANT, TIME.inXSDgYear, Literal("2023", datatype=XSD.gYear)))
    assert_reported(check(g), shape="dtsh:InstantShape", constraint="XoneConstraintComponent")


# --- membership -------------------------------------------------------------------------------


def test_membership_without_person(g: rdflib.Graph) -> None:
    g.remove((MEMBERSHIP, ORG.member, None))
    assert_reported(
        check(g),
        shape="dtsh:MembershipShape",
        path="org:member",
        focus="id:membership/eb0d12e687246379",
        constraint="MinCountConstraintComponent",
    )


def test_membership_member_is_not_a_person(g: rdflib.Graph) -> None:
    g.set((MEMBERSHIP, ORG.member, BDT))
    assert_reported(
        check(g), shape="dtsh:MembershipShape", path="org:member", constraint="ClassConstraintComponent"
    )


def test_membership_body_must_be_the_posts_body(g: rdflib.Graph) -> None:
    g.set((MEMBERSHIP, ORG.organization, ID["org/kon-tum/ubnd-tinh"]))
    assert_reported(
        check(g),
        shape="dtsh:MembershipShape",
        path="dt:post/org:postIn",
        constraint="EqualsConstraintComponent",
    )


def test_no_org_holds_on_a_membership(g: rdflib.Graph) -> None:
    g.add((MEMBERSHIP, ORG.holds, POST))
    assert_reported(
        check(g), shape="dtsh:MembershipShape", path="org:holds", constraint="MaxCountConstraintComponent"
    )


def test_a_tenure_is_stated_by_at_least_one_attestation(g: rdflib.Graph) -> None:
    g.remove((MEMBERSHIP, DT.attestation, None))
    report = check(g)
    assert_reported(report, shape="dtsh:MembershipShape", path="dt:attestation", constraint="MinCountConstraintComponent")
    # ... and an attestation of no holding is reported from its side
    assert_reported(report, shape="dtsh:AttestationShape", path="^dt:attestation", constraint="MinCountConstraintComponent")


def test_what_one_report_says_stays_off_the_tenure(g: rdflib.Graph) -> None:
    """A title or date on the membership would take a second value from the next report."""
    g.add((MEMBERSHIP, DT.postTitle, Literal("Trưởng Ban", lang="vi")))
    g.add((MEMBERSHIP, DT.attestedOn, Literal("2023-03-16", datatype=XSD.date)))
    report = check(g)
    assert_reported(report, shape="dtsh:MembershipShape", path="dt:postTitle", constraint="MaxCountConstraintComponent")
    assert_reported(report, shape="dtsh:MembershipShape", path="dt:attestedOn", constraint="MaxCountConstraintComponent")


def test_one_attestation_is_of_one_holding_and_one_report(g: rdflib.Graph) -> None:
    other = ID["membership/00000000000000aa"]
    g.add((other, DT.attestation, ATTESTATION))
    g.add((ATTESTATION, PROV.hadPrimarySource, ID["article/0000000000000000"]))
    report = check(g)
    assert_reported(report, shape="dtsh:AttestationShape", path="^dt:attestation", constraint="MaxCountConstraintComponent")
    assert_reported(report, shape="dtsh:AttestationShape", path="prov:hadPrimarySource",
                    constraint="MaxCountConstraintComponent")


def test_attestation_iri_names_its_report(g: rdflib.Graph) -> None:
    g.set((ATTESTATION, PROV.hadPrimarySource, PERSON))
    report = check(g)
    assert_reported(report, shape="dtsh:AttestationShape", path="prov:hadPrimarySource", constraint="ClassConstraintComponent")
    assert_reported(report, shape="dtsh:AttestationShape", constraint="SPARQLConstraintComponent")


def test_attestation_needs_the_title_as_written(g: rdflib.Graph) -> None:
    g.remove((ATTESTATION, DT.postTitle, None))
    assert_reported(check(g), shape="dtsh:AttestationShape", path="dt:postTitle", constraint="MinCountConstraintComponent")


def test_a_tenure_interval_holds_every_attested_day(g: rdflib.Graph) -> None:
    """Several reports' days inside one interval conform: the union of reports widens it."""
    later = ID["instant/2024-05-02"]
    g.add((DURING, TIME.inside, later))
    g.add((later, RDF.type, TIME.Instant))
    g.add((later, TIME.inXSDDate, Literal("2024-05-02", datatype=XSD.date)))
    assert check(g).conforms


# --- document numbers --------------------------------------------------------------------------


def _number_pattern() -> re.Pattern[str]:
    shapes = load_shapes()
    for prop in shapes.objects(URIRef("https://w3id.org/dantoc-kg/shapes#LegalResourceShape"), SH.property):
        if shapes.value(prop, SH.path) == ELI.id_local:
            return re.compile(str(shapes.value(prop, SH.pattern)))
    raise AssertionError("no eli:id_local pattern")


@pytest.mark.parametrize(
    "number",
    [
        "88/2019/QH14",
        "12/NQ-CP",
        "2085/QĐ-TTg",
        "14-CT/TU",
        "24-NQ/TW",
        "1348/KH-UBND",
        "01/2021/TT-UBDT",
        "1458/UBDT-VP135",
        "45",
        "120/2014/NĐ-CP",
        "05/HD-BDT",
        "39/2020/QĐ-TTg",
        "20/2005/QĐ-BGD&ĐT",          # a ministry's code with "&" in it
        "14/2008/TTLT-BTC-BNN&PTNT",
    ],
)
def test_document_number_pattern_accepts(number: str) -> None:
    assert _number_pattern().search(number)


@pytest.mark.parametrize("number", ["abc", "17/7/2020", "17/7", "", "QĐ-TTg", "88/2019/", "số 45", "45 /QĐ"])
def test_document_number_pattern_rejects(number: str) -> None:
    assert not _number_pattern().search(number)


def test_bad_document_number(g: rdflib.Graph) -> None:
    g.set((DOC, ELI.id_local, Literal("abc")))
    assert_reported(
        check(g),
        shape="dtsh:LegalResourceShape",
        path="eli:id_local",
        constraint="PatternConstraintComponent",
    )


# --- evidence -----------------------------------------------------------------------------------


def test_fact_without_evidence(g: rdflib.Graph) -> None:
    g.remove((PROGRAMME, PROV.wasInfluencedBy, None))
    assert_reported(
        check(g),
        shape="dtsh:ProgrammeShape",
        path="prov:wasInfluencedBy",
        focus="id:programme/ctmtqg-dtts-mn",
        constraint="MinCountConstraintComponent",
    )


def test_evidence_must_be_a_sentence(g: rdflib.Graph) -> None:
    g.remove((PARTICIPATION, PROV.wasInfluencedBy, None))
    g.add((PARTICIPATION, PROV.wasInfluencedBy, ARTICLE))
    report = check(g)
    assert_reported(
        report,
        shape="dtsh:ParticipationShape",
        path="prov:wasInfluencedBy",
        constraint="ClassConstraintComponent",
    )
    assert_reported(report, shape="dtsh:EvidenceTargetShape")


# --- IRIs ----------------------------------------------------------------------------------------


def test_wrong_iri_pattern(g: rdflib.Graph) -> None:
    rename(g, PERSON, ID["people/a-hlang"])
    assert_reported(
        check(g), shape="dtsh:PersonShape", focus="id:people/a-hlang", constraint="PatternConstraintComponent"
    )


def test_blank_node_fact(g: rdflib.Graph) -> None:
    rename(g, PARTICIPATION, rdflib.BNode())
    report = check(g)
    assert_reported(report, shape="dtsh:TypedNodeShape", constraint="NodeKindConstraintComponent")
    assert_reported(report, shape="dtsh:ParticipationShape", constraint="NodeKindConstraintComponent")


def test_post_iri_must_be_body_plus_role(g: rdflib.Graph) -> None:
    g.set((POST, ORG.role, URIRef(DTK + "role/pho-truong-ban")))
    assert_reported(check(g), shape="dtsh:PostShape", constraint="SPARQLConstraintComponent")


def test_article_iri_must_match_sha1(g: rdflib.Graph) -> None:
    g.set((ARTICLE, DT.sha1, Literal("0" * 40)))
    assert_reported(check(g), shape="dtsh:ArticleShape", constraint="SPARQLConstraintComponent")


# --- concepts ----------------------------------------------------------------------------------


def test_concept_outside_its_scheme(g: rdflib.Graph) -> None:
    g.set((EVENT, ELIDL.had_activity_type, URIRef(DTK + "role/truong-ban")))
    assert_reported(
        check(g), shape="dtsh:EventShape", path="eli-dl:had_activity_type", constraint="NodeConstraintComponent"
    )


def test_concept_not_in_any_scheme(g: rdflib.Graph) -> None:
    g.set((EVENT, ELIDL.had_activity_type, URIRef(DTK + "eventkind/hoi-cho")))  # right namespace, not a concept
    assert_reported(
        check(g), shape="dtsh:EventShape", path="eli-dl:had_activity_type", constraint="NodeConstraintComponent"
    )


def test_concept_needs_labels_and_matching_iri(g: rdflib.Graph) -> None:
    bad = URIRef(DTK + "eventkind/hoi-cho")
    g.add((bad, RDF.type, SKOS.Concept))
    g.add((bad, SKOS.prefLabel, Literal("Hội chợ", lang="vi")))
    g.add((bad, SKOS.notation, Literal("hoi-cho-trien-lam")))
    g.add((bad, SKOS.inScheme, URIRef(DTK + "eventkind")))
    report = check(g)
    assert_reported(
        report,
        shape="dtsh:ConceptShape",
        path="skos:prefLabel",
        focus="dtk:eventkind/hoi-cho",
        constraint="QualifiedMinCountConstraintComponent",
    )
    assert_reported(
        report,
        shape="dtsh:ConceptShape",
        focus="dtk:eventkind/hoi-cho",
        constraint="SPARQLConstraintComponent",
    )


# --- sentences and phrases ----------------------------------------------------------------------


def test_sentence_begin_not_before_end(g: rdflib.Graph) -> None:
    g.set((SENTENCE2, NIF.beginIndex, Literal(191, datatype=XSD.nonNegativeInteger)))
    assert_reported(
        check(g),
        shape="dtsh:OffsetStringShape",
        path="nif:beginIndex",
        constraint="LessThanConstraintComponent",
    )


def test_sentence_text_must_fit_its_offsets(g: rdflib.Graph) -> None:
    g.set((SENTENCE2, NIF.anchorOf, Literal("Ông A Hlang chủ trì Hội nghị.")))
    assert_reported(
        check(g),
        shape="dtsh:OffsetStringShape",
        focus=f"id:article/{H}#char=137,191",
        constraint="SPARQLConstraintComponent",
    )


def test_phrase_must_lie_in_its_sentence(g: rdflib.Graph) -> None:
    g.set((PHRASE_PERSON, NIF.sentence, ID[f"article/{H}#char=39,136"]))
    assert_reported(check(g), shape="dtsh:PhraseShape", constraint="SPARQLConstraintComponent")


# --- cardinality and structure ------------------------------------------------------------------


def test_two_names(g: rdflib.Graph) -> None:
    g.add((PERSON, FOAF.name, Literal("A Hlăng")))
    assert_reported(
        check(g), shape="dtsh:PersonShape", path="foaf:name", constraint="MaxCountConstraintComponent"
    )


def test_participation_without_participant(g: rdflib.Graph) -> None:
    g.remove((PARTICIPATION, ELIDL.had_participant_person, None))
    assert_reported(check(g), shape="dtsh:ParticipationShape", constraint="OrConstraintComponent")


def test_period_without_dates(g: rdflib.Graph) -> None:
    period = ID["programme/ctmtqg-dtts-mn/period-2021-2030"]
    g.remove((period, DCAT.startDate, None))
    g.remove((period, DCAT.endDate, None))
    assert_reported(check(g), shape="dtsh:PeriodShape", constraint="OrConstraintComponent")


def test_district_needs_its_province(g: rdflib.Graph) -> None:
    g.remove((ID["place/kon-tum/dak-ha"], SCHEMA.containedInPlace, None))
    assert_reported(check(g), shape="dtsh:DistrictShape", path="schema:containedInPlace")


def test_province_code_is_two_digits(g: rdflib.Graph) -> None:
    g.set((ID["place/kon-tum"], DCTERMS.identifier, Literal("Kon Tum")))
    assert_reported(
        check(g),
        shape="dtsh:ProvinceShape",
        path="dcterms:identifier",
        constraint="PatternConstraintComponent",
    )


def test_missing_figure_period_is_a_violation_unknown_is_explicit(g: rdflib.Graph) -> None:
    """Data Cube IC-11: every dimension on every observation; an unknown period is the code dt:unknownPeriod."""
    g.remove((FIGURE, SDMXD.refPeriod, None))
    assert_reported(check(g), shape="dtsh:ObservationShape", path="sdmx-dimension:refPeriod",
                    constraint="MinCountConstraintComponent")
    g.add((FIGURE, SDMXD.refPeriod, DT.unknownPeriod))
    assert check(g).conforms


def test_figure_period_as_a_literal_is_reported(g: rdflib.Graph) -> None:
    """sdmx-dimension:refPeriod is an interval IRI, not a date literal."""
    g.set((FIGURE, SDMXD.refPeriod, Literal("2023", datatype=XSD.gYear)))
    assert not check(g).conforms


# --- SKOS S13 -----------------------------------------------------------------------------------


def test_alt_label_equal_to_the_pref_label_is_reported(g: rdflib.Graph) -> None:
    """SKOS S13: skos:prefLabel and skos:altLabel are disjoint (sh:disjoint on the altLabel shapes)."""
    label = g.value(PROGRAMME, SKOS.prefLabel)
    g.add((PROGRAMME, SKOS.altLabel, label))
    assert_reported(check(g), shape="dtsh:ProgrammeShape", path="skos:altLabel",
                    focus="id:programme/ctmtqg-dtts-mn", constraint="DisjointConstraintComponent")
