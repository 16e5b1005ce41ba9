"""Run the shapes' SHACL-SPARQL constraints as one query per constraint over the whole graph.

pyshacl 0.40 parses a constraint's SPARQL text again for every focus node (~30 ms each), so the five
constraints of ontology/shapes.ttl cost minutes on a real graph.  They stay in shapes.ttl, so other
engines run them as written; here they are taken out of the shapes graph handed to pyshacl and run
once each, with ``$this`` bound by the shape's targets instead of per node.  Same results, same
report vocabulary (sh:SPARQLConstraintComponent).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import rdflib
from rdflib import RDF, BNode, Literal, URIRef
from rdflib.namespace import SH
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query


@dataclass(frozen=True)
class SparqlConstraint:
    shape: URIRef | BNode  # the node shape carrying sh:sparql
    constraint: rdflib.term.Node  # the sh:SPARQLConstraint node
    targets: tuple[URIRef, ...]  # its sh:targetClass values
    message: str
    severity: URIRef
    query: str  # whole-graph form: ?this bound by the target class


def _prefix_block(shapes: rdflib.Graph, constraint: rdflib.term.Node) -> str:
    lines = []
    for source in shapes.objects(constraint, SH.prefixes):
        for decl in shapes.objects(source, SH.declare):
            prefix, ns = shapes.value(decl, SH.prefix), shapes.value(decl, SH.namespace)
            if prefix is not None and ns is not None:
                lines.append(f"PREFIX {prefix}: <{ns}>")
    return "\n".join(lines)


_THIS = re.compile(r"\$this\b")
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def split_sparql(shapes: rdflib.Graph) -> tuple[rdflib.Graph, list[SparqlConstraint]]:
    """(shapes without sh:sparql, the SPARQL constraints in whole-graph form)."""
    constraints = []
    for shape, constraint in shapes.subject_objects(SH.sparql):
        if shapes.value(constraint, SH.deactivated) == Literal(True):
            continue
        select = str(shapes.value(constraint, SH.select))
        targets = tuple(t for t in shapes.objects(shape, SH.targetClass) if isinstance(t, URIRef))
        message = (
            shapes.value(constraint, SH.message) or shapes.value(shape, SH.message) or "SPARQL constraint"
        )
        severity = shapes.value(shape, SH.severity) or SH.Violation
        body = _THIS.sub("?this", select)
        body = _WHERE.sub("WHERE { ?this a ?__target .", body, count=1)
        constraints.append(
            SparqlConstraint(
                shape,
                constraint,
                targets,
                str(message),
                severity,
                _prefix_block(shapes, constraint) + "\n" + body,
            )
        )
    if not constraints:
        return shapes, []
    core = rdflib.Graph()
    for t in shapes:
        if t[1] != SH.sparql:
            core.add(t)
    for prefix, ns in shapes.namespaces():
        core.bind(prefix, ns, override=False)
    return core, constraints


def add_result(report: rdflib.Graph, root: rdflib.term.Node, *, focus: rdflib.term.Node, shape: rdflib.term.Node,
               component: URIRef, severity: URIRef, path: rdflib.term.Node | None = None,
               value: rdflib.term.Node | None = None, message: str | None = None) -> BNode:
    """One sh:ValidationResult, written as pySHACL writes it (shared by both SPARQL runners)."""
    res = BNode()
    report.add((root, SH.result, res))
    report.add((res, RDF.type, SH.ValidationResult))
    report.add((res, SH.focusNode, focus))
    report.add((res, SH.sourceShape, shape))
    report.add((res, SH.sourceConstraintComponent, component))
    report.add((res, SH.resultSeverity, severity))
    if path is not None:
        report.add((res, SH.resultPath, path))
    if value is not None:
        report.add((res, SH.value, value))
    if message:
        report.add((res, SH.resultMessage, Literal(message)))
    return res


@lru_cache(maxsize=64)
def _prepared(query: str) -> Query:
    return prepareQuery(query)


def run_sparql(data: rdflib.Graph, constraints: list[SparqlConstraint], report: rdflib.Graph) -> int:
    """Evaluate the constraints on ``data``; add sh:ValidationResult nodes to ``report``.

    Returns the number of violations (results with severity sh:Violation).
    """
    report_node = next(iter(report.subjects(RDF.type, SH.ValidationReport)), None)
    if report_node is None:
        report_node = BNode()
        report.add((report_node, RDF.type, SH.ValidationReport))
    violations = 0
    seen: set[tuple] = set()
    for c in constraints:
        for target in c.targets:
            rows = data.query(_prepared(c.query), initBindings={"__target": target})
            for row in rows:
                this = row["this"]
                value = row["value"] if "value" in row.labels else None
                key = (c.shape, this, value)
                if key in seen:
                    continue
                seen.add(key)
                res = add_result(report, report_node, focus=this, shape=c.shape,
                                 component=SH.SPARQLConstraintComponent, severity=c.severity,
                                 value=value, message=c.message)
                report.add((res, SH.sourceConstraint, c.constraint))
                if c.severity == SH.Violation:
                    violations += 1
    if violations:
        report.set((report_node, SH.conforms, Literal(False)))
    return violations
