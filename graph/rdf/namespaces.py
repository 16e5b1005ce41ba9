"""IRIs of the vocabularies the profile uses (module constants, as pySHACL does)."""

from __future__ import annotations

from pyoxigraph import NamedNode

from graph.store.prefixes import PREFIXES  # the one prefix table of the profile

BASE = "https://w3id.org/dantoc-kg/"
DATA = PREFIXES["id"]


class _NS:
    """Attribute access to terms: ``ORG.Membership`` -> NamedNode(...)."""

    def __init__(self, base: str) -> None:
        self._base = base

    def __getattr__(self, name: str) -> NamedNode:
        term = NamedNode(self._base + name)
        setattr(self, name, term)         # cached: later look-ups are plain attribute reads
        return term

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
