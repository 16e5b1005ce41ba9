"""The SKOS concept schemes of the profile, generated from YAML.

Sources: ``graph/data/org_kinds.yaml`` (body kinds, shared with extraction and resolution) and
``graph/validate/schemes.yaml`` (event kinds, participation roles, programme kinds, units, indicators,
roles, document types).  ``python -m graph.validate.vocab`` rewrites ``ontology/vocab/{scheme}.ttl``;
the Turtle is committed so that Protégé, a triple store or a SHACL engine can load it without Python,
and a test fails while Turtle and YAML disagree.  The build can call :func:`concept_iri` and
:func:`load_schemes` to mint the same IRIs.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

import graph

DEF = "https://w3id.org/dantoc-kg/def"
DT = DEF + "#"
ID = "https://w3id.org/dantoc-kg/id/"

_PACKAGE = Path(graph.__file__).resolve().parent
_DATA = _PACKAGE / "data"
_SCHEMES_YAML = Path(__file__).resolve().parent / "schemes.yaml"

# Scheme -> extra classes of its concepts, for the org kinds (the YAML has no header for them).
_ORGKIND_HEADER = {"vi": "Loại cơ quan, tổ chức", "en": "Kinds of bodies", "types": []}

_PREFIXES = {
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "org": "http://www.w3.org/ns/org#",
    "eli": "http://data.europa.eu/eli/ontology#",
    "eli-dl": "http://data.europa.eu/eli/eli-draft-legislation-ontology#",
    "dcterms": "http://purl.org/dc/terms/",
    "dt": DT,
}


@dataclass(frozen=True)
class Concept:
    notation: str
    vi: str
    en: str
    alt: tuple[str, ...] = ()
    definition: str | None = None


@dataclass(frozen=True)
class Scheme:
    name: str  # the IRI segment: orgkind, role, doctype ...
    vi: str
    en: str
    types: tuple[str, ...] = ()  # CURIEs of extra classes of every concept
    slug_notations: bool = False
    concepts: dict[str, Concept] = field(default_factory=dict)

    @property
    def iri(self) -> str:
        return f"{DEF}/{self.name}"


def ontology_dir() -> Path:
    """``ontology/`` of a source checkout, else the copy bundled into the wheel."""
    for candidate in (_PACKAGE.parent / "ontology", _PACKAGE / "_bundled" / "ontology"):
        if (candidate / "dantoc.ttl").is_file():
            return candidate
    raise FileNotFoundError("ontology/dantoc.ttl not found (neither in the checkout nor bundled)")


def concept_iri(scheme: str, notation: str) -> str:
    """``dtk:{scheme}/{notation}``, e.g. ``concept_iri("role", "truong-ban")``."""
    return f"{DEF}/{scheme}/{notation}"


def _concept(notation: str, entry: dict) -> Concept:
    alt = entry.get("alt") or ()
    return Concept(notation, entry["vi"], entry["en"], tuple(alt), entry.get("def"))


@lru_cache(maxsize=1)
def load_schemes() -> dict[str, Scheme]:
    """All schemes, by name, in a stable order (orgkind first, then schemes.yaml's order)."""
    schemes: dict[str, Scheme] = {}
    kinds = yaml.safe_load((_DATA / "org_kinds.yaml").read_text(encoding="utf-8"))
    schemes["orgkind"] = Scheme(
        "orgkind",
        _ORGKIND_HEADER["vi"],
        _ORGKIND_HEADER["en"],
        (),
        concepts={k: _concept(k, v) for k, v in kinds.items()},
    )
    spec = yaml.safe_load(_SCHEMES_YAML.read_text(encoding="utf-8"))
    for name, body in spec.items():
        concepts = {k: _concept(k, v) for k, v in body["concepts"].items()}
        # the extraction data files are the source of which notations exist; schemes.yaml adds definitions
        for notation, entry in _extraction_entries(name).items():
            concepts.setdefault(notation, _concept(notation, entry))
        schemes[name] = Scheme(
<<<<<<< HEAD
            name, body["vi"], body["en"], tuple(body.get("types") or ()),
            bool(body.get("slug_notations")), concepts,
=======
            name,
            body["vi"],
            body["en"],
            tuple(body.get("types") or ()),
            bool(body.get("slug_notations")),
            {k: _concept(k, v) for k, v in body["concepts"].items()},
>>>>>>> ontology
        )
    return schemes


def _extraction_entries(scheme: str) -> dict[str, dict]:
    """Concepts the extractors can emit, from their data files (roles, event kinds, document kinds)."""
    source = {"role": "roles.yaml", "eventkind": "event_kinds.yaml", "doctype": "doc_kinds.yaml"}.get(scheme)
    if source is None or not (_DATA / source).is_file():
        return {}
    raw = yaml.safe_load((_DATA / source).read_text(encoding="utf-8")) or {}
    if scheme == "eventkind":
        raw = raw.get("kinds", {})
    return {k: {"vi": v["vi"], "en": v.get("en", v["vi"])} for k, v in raw.items() if isinstance(v, dict) and "vi" in v}


def _lit(text: str, lang: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"' + (f"@{lang}" if lang else "")


def scheme_turtle(scheme: Scheme) -> str:
    """One scheme as readable, deterministic Turtle."""
    lines = [
        f"# GENERATED by `python -m graph.validate.vocab` from "
        f"{'graph/data/org_kinds.yaml' if scheme.name == 'orgkind' else 'graph/validate/schemes.yaml'}"
        " -- do not edit by hand.",
        "",
    ]
    lines += [f"@prefix {p}: <{iri}> ." for p, iri in _PREFIXES.items()]
    lines += [f"@prefix dtk: <{DEF}/> .", f"@prefix : <{scheme.iri}/> .", ""]
    top = ", ".join(f":{n}" for n in scheme.concepts)
    lines += [
        f"dtk:{scheme.name} a skos:ConceptScheme ;",
        f"    skos:prefLabel {_lit(scheme.vi, 'vi')} , {_lit(scheme.en, 'en')} ;",
        "    dcterms:source <https://w3id.org/dantoc-kg/def> ;",
        f"    skos:hasTopConcept {top} .",
        "",
    ]
    types = ", ".join(("skos:Concept", *scheme.types))
    for c in scheme.concepts.values():
        lines.append(f":{c.notation} a {types} ;")
        lines.append(f"    skos:prefLabel {_lit(c.vi, 'vi')} , {_lit(c.en, 'en')} ;")
        if c.alt:
            lines.append("    skos:altLabel " + " , ".join(_lit(a, "vi") for a in c.alt) + " ;")
        if c.definition:
            lines.append(f"    skos:definition {_lit(c.definition, 'en')} ;")
        lines.append(f"    skos:notation {_lit(c.notation)} ;")
        lines.append(f"    skos:inScheme dtk:{scheme.name} ; skos:topConceptOf dtk:{scheme.name} .")
        lines.append("")
    return "\n".join(lines)


def write_vocab(out_dir: Path | None = None) -> list[Path]:
    """Rewrite ``ontology/vocab/{scheme}.ttl`` for every scheme; returns the files written."""
    out = out_dir or ontology_dir() / "vocab"
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for scheme in load_schemes().values():
        path = out / f"{scheme.name}.ttl"
        path.write_text(scheme_turtle(scheme), encoding="utf-8")
        written.append(path)
    return written


def vocab_files() -> list[Path]:
    return sorted((ontology_dir() / "vocab").glob("*.ttl"))


if __name__ == "__main__":  # pragma: no cover - developer tool
    for p in write_vocab(Path(sys.argv[1]) if len(sys.argv) > 1 else None):
        print(p)
