"""IRIs of the vocabularies the profile uses (module constants, as pySHACL does)."""

from __future__ import annotations

from pyoxigraph import NamedNode

BASE = "https://w3id.org/dantoc-kg/"
PREFIXES: dict[str, str] = {
    "dt": BASE + "def#",
    "dtk": BASE + "def/",
    "id": BASE + "id/",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": "http://schema.org/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "eli-dl": "http://data.europa.eu/eli/eli-draft-legislation-ontology#",
    "prov": "http://www.w3.org/ns/prov#",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "itsrdf": "http://www.w3.org/2005/11/its/rdf#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "time": "http://www.w3.org/2006/time#",
    "qb": "http://purl.org/linked-data/cube#",
    "sdmx-measure": "http://purl.org/linked-data/sdmx/2009/measure#",
    "sdmx-dimension": "http://purl.org/linked-data/sdmx/2009/dimension#",
    "sdmx-attribute": "http://purl.org/linked-data/sdmx/2009/attribute#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "sh": "http://www.w3.org/ns/shacl#",
}
DATA = PREFIXES["id"]


class _NS:
    """Attribute access to terms: ``ORG.Membership`` -> NamedNode(...)."""

    def __init__(self, base: str) -> None:
        self._base = base

    def __getattr__(self, name: str) -> NamedNode:
        return NamedNode(self._base + name)

    def __getitem__(self, name: str) -> NamedNode:
        return NamedNode(self._base + name)


DT, DTK = _NS(PREFIXES["dt"]), _NS(PREFIXES["dtk"])
ORG, FOAF, SCHEMA = _NS(PREFIXES["org"]), _NS(PREFIXES["foaf"]), _NS(PREFIXES["schema"])
ELI, ELIDL, PROV = _NS(PREFIXES["eli"]), _NS(PREFIXES["eli-dl"]), _NS(PREFIXES["prov"])
NIF, ITSRDF, SKOS = _NS(PREFIXES["nif"]), _NS(PREFIXES["itsrdf"]), _NS(PREFIXES["skos"])
DCTERMS, DCAT, TIME, QB = _NS(PREFIXES["dcterms"]), _NS(PREFIXES["dcat"]), _NS(PREFIXES["time"]), _NS(PREFIXES["qb"])
SDMX_M, SDMX_D, SDMX_A = _NS(PREFIXES["sdmx-measure"]), _NS(PREFIXES["sdmx-dimension"]), _NS(PREFIXES["sdmx-attribute"])
RDF, RDFS, XSD = _NS(PREFIXES["rdf"]), _NS(PREFIXES["rdfs"]), _NS(PREFIXES["xsd"])
A = RDF.type


def data_iri(path: str) -> NamedNode:
    return NamedNode(DATA + path)
