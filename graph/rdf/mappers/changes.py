"""The 2025 reorganisation (org:ChangeEvent) of the bodies an article names: reference data, like places.

graph/data/reorganisation_2025.yaml says which changes there were; every body of the article's graph that
one of them ended gets its ChangeEvent (and the changes of the bodies that replaced it, in turn), so the
question "what became of Ban Dân tộc tỉnh X" is answered from any graph that names the body."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from pyoxigraph import Literal

from graph.datafiles import load_yaml
from graph.extract.facts import OrgRef
from graph.rdf.article_graph import ArticleGraph
from graph.rdf.mappers.context import MapContext
from graph.rdf.namespaces import DCAT, DCTERMS, ORG, SKOS, XSD, A, data_iri
from graph.resolve.gazetteer import Gazetteer
from graph.resolve.orgs import org_key, org_kinds
from graph.text.normalize import fold


@dataclass(frozen=True)
class Change:
    """One body formed on ``day`` from ``originals`` (all of them, not only the one an article names)."""

    day: date
    originals: tuple[OrgRef, ...]
    result: OrgRef
    label: str          # what happened, from the data files only (the same in every report's graph)


@cache
def _spec() -> dict[str, Any]:
    with resources.files("graph.data").joinpath("reorganisation_2025.yaml").open(encoding="utf-8") as fh:
        return load_yaml(fh)


def _key(ref: OrgRef) -> str:
    return org_key(ref, "a-00000000")   # only bodies of a known province or the nation have changes


def _in_province(label: str, old: str, new: str) -> str:
    """The same body's name in another province ("Ủy ban nhân dân tỉnh Hà Giang" -> "... Tuyên Quang")."""
    return label.replace(old, new) if old and old in label else f"{label} {new}"


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def changes_of(ref: OrgRef) -> list[Change]:
    """The change that ended this body (none for most bodies; at most one, the earliest)."""
    spec, out = _spec(), []
    if ref.national or ref.province:
        for row in spec["bodies"]:
            src, dst = row["from"], row["to"]
            if src["kind"] != ref.kind or ("label" in src and fold(src["label"]) != fold(ref.label)):
                continue
            if row.get("provincial"):
                if not ref.province or ref.district:
                    continue
                place = Gazetteer.default().province(ref.province)
                if place is None:
                    continue
                unit = "thành phố" if place.kind.startswith("thành phố") else "tỉnh"
                result = OrgRef(dst["kind"], f"{dst['label']} {unit} {place.name}", province=place.slug)
                label = f"{row['vi']} ({unit} {place.name})"
            else:
                result = OrgRef(dst["kind"], dst["label"], national=True)
                label = row["vi"]
            others = tuple(OrgRef(src["kind"], r["from"]["label"], national=True) for r in spec["bodies"]
                           if not r.get("provincial") and r["to"] == dst and r["from"]["kind"] == src["kind"]
                           and "label" in r["from"])
            out.append(Change(_as_date(row["date"]), others or (ref,), result, label))
    if out:   # the body ended before the provinces merged (March 2025): its successor is the one that merged
        return out
    merged = _province_merger(ref)
    return [merged] if merged is not None else []


def _province_merger(ref: OrgRef) -> Change | None:
    spec = _spec()["provinces"]
    level = (org_kinds().get(ref.kind) or {}).get("level")
    if not ref.province or ref.district or ref.national or level not in spec["levels"]:
        return None
    gz = Gazetteer.default()
    old = gz.province(ref.province)
    if old is None or not old.merged_into or old.merged_into == old.slug or old.slug != ref.province:
        return None
    unit = gz.province(old.merged_into)
    if unit is None:
        return None
    originals = tuple(replace(ref, label=_in_province(ref.label, old.name, p.name), province=p.slug)
                      for p in gz.merged_from(old.merged_into))
    result = replace(ref, label=_in_province(ref.label, old.name, unit.name), province=unit.slug)
    names = [_unit_name(p) for p in gz.merged_from(old.merged_into)]
    merged = ", ".join(names[:-1]) + " và " + names[-1]
    return Change(_as_date(spec["date"]), originals, result, f"Hợp nhất {merged} thành {_unit_name(unit)}")


def _unit_name(p: Any) -> str:
    return f"{'thành phố' if p.kind.startswith('thành phố') else 'tỉnh'} {p.name}"


def map_changes(c: MapContext) -> None:
    g = c.g
    todo = list(g.bodies.values())
    while todo:   # a body's successor may change in turn (Ban Dân tộc -> Sở Dân tộc và Tôn giáo -> merged province)
        ref = todo.pop()
        for change in changes_of(ref):
            if _emit(g, change):
                todo.append(change.result)


def _emit(g: ArticleGraph, change: Change) -> bool:
    """Write one ChangeEvent (once per graph); True the first time."""
    day, result_key = change.day.isoformat(), _key(change.result)
    iri = data_iri(f"change/{day}/{result_key}")
    if not g.once(f"change {iri.value}"):
        return False
    period = data_iri(f"change/{day}/period")
    g.add(iri, A, ORG.ChangeEvent)
    when = f"{change.day.day}/{change.day.month}/{change.day.year}"
    g.add(iri, SKOS.prefLabel, Literal(f"{change.label}, từ ngày {when}", language="vi"))
    for orig in change.originals:
        g.add(iri, ORG.originalOrganization, data_iri(f"org/{_key(orig)}"))
    g.add(iri, ORG.resultingOrganization, data_iri(f"org/{result_key}"))
    g.add(iri, DCTERMS.temporal, period)
    if g.once(f"period {period.value}"):
        g.add(period, A, DCTERMS.PeriodOfTime)
        g.add(period, DCAT.startDate, Literal(day, datatype=XSD.date))
    return True
