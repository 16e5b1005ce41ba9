"""Figures as RDF Data Cube observations of one dataset: indicator, value, unit, place, period, statement."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from pyoxigraph import Literal, NamedNode

from graph.datafiles import load_yaml
from graph.extract.facts import Figure
from graph.rdf.article_graph import ArticleGraph, date_literal, vi
from graph.rdf.mappers.context import MapContext
from graph.rdf.namespaces import DT, QB, SDMX_A, SDMX_D, SDMX_M, SKOS, XSD, A, data_iri
from graph.text.dates import PartialDate
from graph.text.normalize import slug, unify_tones


def map_figures(c: MapContext) -> None:
    g = c.g
    dataset = data_iri("dataset/reported-figures")
    if c.facts.figures:
        g.add(dataset, A, QB.DataSet)
        g.add(dataset, QB.structure, DT["dsd-reported-figures"])
        g.add(dataset, SKOS.prefLabel, vi("Số liệu nêu trong các báo cáo"))
    for fig in c.facts.figures:
        _figure(g, fig, dataset, c.prog_iris)


@cache
def _indicator_rules() -> tuple[list[tuple[str, re.Pattern[str], str, bool]], dict[str, str]]:
    raw = load_yaml((Path(__file__).resolve().parents[2] / "data" / "indicators.yaml").read_text(encoding="utf-8"))
    rules = [(r["unit"], re.compile(r["cue"]), r["indicator"], r.get("where") == "before") for r in raw["rules"]]
    return rules, raw["fallback"]


def _is_people(fig: Figure, text: str) -> bool:
    """"280.000 đồng bào": the reader took "đồng" for the currency; "đồng bào" (compatriots) counts people."""
    return fig.unit == "VND" and re.match(r"\s*bào(?!\w)", text[fig.span.end:fig.span.end + 8]) is not None


def _indicator(fig: Figure, text: str, unit: str) -> tuple[str, str | None]:
    """The code of what a figure measures (graph/data/indicators.yaml), and a label for a minted count code."""
    rules, fallback = _indicator_rules()
    if unit == "count" and fig.unit == "VND":   # "đồng bào" read as money
        return "persons", None
    words = unify_tones(f"{fig.measure or ''} | {fig.counted or ''}".lower())
    before = unify_tones(text[max(fig.sentence.start, fig.span.start - 16):fig.span.start].lower())
    for rule_unit, cue, code, on_before in rules:
        if rule_unit == unit and cue.search(before if on_before else words):
            return code, None
    if unit == "count" and fig.counted:
        return f"count-{slug(fig.counted, 40)}", f"Số {fig.counted}"
    return fallback[unit], None


# sdmx-dimension:refPeriod takes a time interval: the UK reference intervals the Data Cube spec's examples use
_INTERVAL = "http://reference.data.gov.uk/id/"


def period_iri(value: PartialDate) -> NamedNode:
    if value.day:
        return NamedNode(f"{_INTERVAL}day/{value.iso()}")
    if value.month:
        return NamedNode(f"{_INTERVAL}month/{value.iso()}")
    return NamedNode(f"{_INTERVAL}year/{value.iso()}")


def _figure(g: ArticleGraph, fig: Figure, dataset: NamedNode, prog_iris: dict[str, NamedNode]) -> None:
    text = g.article.text
    unit = "count" if _is_people(fig, text) else fig.unit
    code, label = _indicator(fig, text, unit)
    iri = data_iri(f"figure/{g.h16}/{fig.span.start}")
    g.add(iri, A, QB.Observation)
    g.add(iri, QB.dataSet, dataset)
    concept = g.concept("indicator", code, label)
    if label is not None:   # a count code minted from the noun counted: its English label quotes the noun
        g.add(concept, SKOS.prefLabel, Literal(f"Number of “{fig.counted}”", language="en"))
    g.add(iri, DT.indicator, concept)
    value = f"{fig.value:.6f}".rstrip("0").rstrip(".")
    g.add(iri, SDMX_M.obsValue, Literal(value, datatype=XSD.decimal))
    g.add(iri, SDMX_A.unitMeasure, g.concept("unit", unit))
    g.add(iri, DT.surfaceText, Literal(fig.text))
    if fig.measure:
        g.add(iri, DT.measureText, vi(fig.measure))
    if fig.counted:
        g.add(iri, DT.countedText, vi(fig.counted))
    # every dimension on every observation (Data Cube IC-11): an explicit "unknown" when the text gives none
    where = g.place(fig.province)
    g.add(iri, SDMX_D.refArea, where if where is not None else DT.unknownArea)
    g.add(iri, SDMX_D.refPeriod, period_iri(fig.period) if fig.period is not None else DT.unknownPeriod)
    g.add(iri, DT.isTarget, Literal("true" if fig.target else "false", datatype=XSD.boolean))
    # the words that state the figure: the statement is a dimension, so two statements (two reports, or two
    # figures of one sentence with the same indicator, place and period) are two observations (IC-12)
    g.phrase(fig.span, fig.sentence, iri)
    inside = fig.sentence.start <= fig.span.start < fig.span.end <= fig.sentence.end and fig.span != fig.sentence
    stated = NamedNode(f"{g.iri.value}#char={fig.span.start},{fig.span.end}") if inside else g.sentence(fig.sentence)
    g.add(iri, DT.statedIn, stated)
    if fig.deadline is not None:
        g.add(iri, DT.deadline, date_literal(fig.deadline))
    if fig.programme and fig.programme in prog_iris:
        g.add(iri, DT.programme, prog_iris[fig.programme])
    g.evidence(iri, fig.sentence)

