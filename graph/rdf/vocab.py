"""Concepts of the SKOS schemes (the closed lists), from the data files, as RDF terms and triples."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from pyoxigraph import Literal, NamedNode

from graph.rdf.namespaces import DT, DTK, ELI, ORG, SKOS
from graph.text.normalize import slug

DATA = Path(__file__).resolve().parent.parent / "data"

SCHEMES = {
    "orgkind": ("Loại cơ quan, tổ chức", "Kinds of bodies"),
    "doctype": ("Loại văn bản", "Kinds of documents"),
    "role": ("Chức danh", "Roles"),
    "eventkind": ("Loại sự kiện", "Kinds of events"),
    "prole": ("Vai trò tham gia sự kiện", "Participation roles"),
    "progkind": ("Loại chương trình", "Kinds of programmes"),
    "indicator": ("Chỉ tiêu", "Indicators"),
    "unit": ("Đơn vị đo", "Units of measure"),
}
# small fixed lists live here; the long ones in data/*.yaml
FIXED: dict[str, dict[str, tuple[str, str]]] = {
    "prole": {"chair": ("Chủ trì", "Chair"), "speaker": ("Phát biểu", "Speaker"),
              "participant": ("Tham dự", "Participant"), "reporter": ("Báo cáo", "Reporter"),
              "recipient": ("Nhận khen thưởng", "Recipient"), "conferrer": ("Trao khen thưởng", "Conferrer")},
    "progkind": {"ctmtqg": ("Chương trình mục tiêu quốc gia", "National target programme"),
                 "chuong-trinh": ("Chương trình", "Programme"), "de-an": ("Đề án", "Scheme"),
                 "du-an": ("Dự án", "Project"), "chinh-sach": ("Chính sách", "Policy")},
    "unit": {"VND": ("đồng", "Vietnamese dong"), "percent": ("phần trăm", "percent"), "count": ("đơn vị đếm", "count")},
    "indicator": {"funding-amount": ("Kinh phí", "Funding amount"), "rate": ("Tỷ lệ", "Rate"),
                  "count": ("Số lượng", "Count"), "poverty-rate": ("Tỷ lệ hộ nghèo", "Poverty rate"),
                  "disbursement-rate": ("Tỷ lệ giải ngân", "Disbursement rate")},
}
_EXTRA_TYPES = {"role": ORG.Role, "doctype": ELI.ResourceType}


def scheme_iri(scheme: str) -> NamedNode:
    return DT[{"orgkind": "OrgKindScheme", "doctype": "DocumentKindScheme", "role": "RoleScheme",
               "eventkind": "EventKindScheme", "prole": "ParticipationRoleScheme", "progkind": "ProgrammeKindScheme",
               "indicator": "IndicatorScheme", "unit": "UnitScheme"}[scheme]]


def concept_iri(scheme: str, notation: str) -> NamedNode:
    return DTK[f"{scheme}/{notation}"]


@cache
def labels(scheme: str) -> dict[str, tuple[str, str]]:
    """notation -> (vi, en) for a scheme."""
    if scheme in FIXED:
        return FIXED[scheme]
    if scheme == "orgkind":
        raw = yaml.safe_load((DATA / "org_kinds.yaml").read_text(encoding="utf-8"))
        return {k: (v["vi"], v["en"]) for k, v in raw.items()}
    if scheme == "role":
        raw = yaml.safe_load((DATA / "roles.yaml").read_text(encoding="utf-8"))
        return {k: (v["vi"], v["en"]) for k, v in raw.items()}
    if scheme == "eventkind":
        raw = yaml.safe_load((DATA / "event_kinds.yaml").read_text(encoding="utf-8"))
        return {k: (v["vi"], v["en"]) for k, v in raw["kinds"].items()}
    if scheme == "doctype":
        path = DATA / "doc_kinds.yaml"
        if path.exists():
            raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            items = raw.get("kinds", raw) if isinstance(raw, dict) else {}
            out: dict[str, tuple[str, str]] = {}
            for k, v in items.items():
                if isinstance(v, dict) and "vi" in v:
                    out[v.get("notation", k)] = (v["vi"], v.get("en", v["vi"]))
            return out
        return {}
    raise KeyError(scheme)


@cache
def role_notation(label: str) -> str:
    for k, (vi, _en) in labels("role").items():
        if vi == label:
            return k
    return slug(label, 40)


def concept_triples(scheme: str, notation: str, vi: str | None = None) -> list[tuple[NamedNode, NamedNode, object]]:
    """Type, labels, notation and scheme of one concept (so each article graph is self-contained)."""
    iri = concept_iri(scheme, notation)
    known = labels(scheme).get(notation)
    vi_label, en_label = known if known else (vi or notation, None)
    out = [
        (iri, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), SKOS.Concept),
        (iri, SKOS.prefLabel, Literal(vi_label, language="vi")),
        (iri, SKOS.notation, Literal(notation)),
        (iri, SKOS.inScheme, scheme_iri(scheme)),
    ]
    if en_label:
        out.append((iri, SKOS.prefLabel, Literal(en_label, language="en")))
    extra = _EXTRA_TYPES.get(scheme)
    if extra is not None:
        out.append((iri, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), extra))
    return out
