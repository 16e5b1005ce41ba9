"""SHACL Core shapes compiled to SPARQL and run by Oxigraph: validation at the scale of 100k reports.

pySHACL walks focus nodes in Python; on tens of millions of triples that takes hours.  Here each
constraint of ``ontology/shapes.ttl`` becomes one SPARQL SELECT that returns its violations
(``?this`` the focus node, ``?value`` the offending value), and Oxigraph evaluates it natively over
the whole store (the checks of one target are merged into one or two queries when run: see
``_merged``).  With ``per_graph=True`` every pattern runs inside ``GRAPH ?g``, which validates
each article's named graph on its own in the same single query (per-article semantics, as the
build writes them); cross-article constraints (e.g. one eli:date_document per document) then run
on the union.

Supported (what the profile's shapes use): targetClass / targetSubjectsOf / targetObjectsOf /
targetNode; nodeKind, class, datatype, pattern, minLength, in, hasValue, languageIn, uniqueLang,
minInclusive, minCount, maxCount, lessThan, equals, disjoint, node, or, xone, qualifiedValueShape +
qualifiedMinCount, property paths (IRI, inverse, sequence, alternative), and sh:sparql SELECT
constraints.  Anything else raises ``Unsupported`` at compile time, so the engine never silently
skips a constraint.  tests/test_validate_compiled.py shows it reports exactly what pySHACL reports
on the seed graph and on every broken-graph family of tests/test_shapes.py.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyoxigraph as ox
import rdflib
from rdflib import RDF, BNode, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from graph.validate.report import Result
from graph.validate.sparql import add_result

if TYPE_CHECKING:
    from multiprocessing.sharedctypes import Synchronized

RDFS_SUBCLASS = "<http://www.w3.org/2000/01/rdf-schema#subClassOf>"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


class Unsupported(Exception):
    """A shape uses a SHACL feature this compiler does not translate."""


@dataclass(frozen=True)
class Check:
    """One compiled constraint: a SELECT returning ?this (and ?value) for each violation."""

    shape: rdflib.term.Node             # the node shape whose target gives the focus nodes
    source: rdflib.term.Node            # the shape carrying the constraint (node or property shape)
    path: rdflib.term.Node | None
    component: URIRef
    severity: URIRef
    message: str | None
    query: str
    target: str = ""                    # the query's parts, for merging the checks of one target (check_rows);
    pattern: str = ""                   # empty for a sh:sparql constraint, which runs as written
    value: str | None = None


def _term(t: rdflib.term.Node) -> str:
    if isinstance(t, URIRef):
        return f"<{t}>"
    if isinstance(t, Literal):
        return t.n3()
    raise Unsupported(f"blank node {t} used as a value in a shape")


class _Vars:
    def __init__(self) -> None:
        self._n = itertools.count()

    def __call__(self, stem: str = "v") -> str:
        return f"?_{stem}{next(self._n)}"


class Compiler:
    """Turns the shapes graph into :class:`Check` queries."""

    def __init__(self, shapes: rdflib.Graph) -> None:
        self.g = shapes
        self.fresh = _Vars()

    # -- paths ------------------------------------------------------------------------------------
    def path(self, p: rdflib.term.Node) -> str:
        g = self.g
        if isinstance(p, URIRef):
            return f"<{p}>"
        inv = g.value(p, SH.inversePath)
        if inv is not None:
            return f"^({self.path(inv)})"
        alt = g.value(p, SH.alternativePath)
        if alt is not None:
            return "(" + "|".join(self.path(x) for x in Collection(g, alt)) + ")"
        for pred, op in ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"), (SH.zeroOrOnePath, "?")):
            inner = g.value(p, pred)
            if inner is not None:
                return f"({self.path(inner)}){op}"
        if (p, RDF.first, None) in g:
            return "/".join(f"({self.path(x)})" for x in Collection(g, p))
        raise Unsupported(f"path {p}")

    def exists_body(self, x: str, path_node: rdflib.term.Node, w: str) -> str:
        """The body of an ``EXISTS`` that ``x`` reaches ``w`` by the path.  A sequence of IRIs is nested as
        one EXISTS per step: Oxigraph evaluates ``NOT EXISTS { ?x <a>/<b> ?w }`` (or the same two triple
        patterns) with a cost that grows with the whole graph for every focus node, the nested form with
        index lookups: on a 2k-report store the tenures' "attested on" check took 15 s, nested 0.08 s."""
        g = self.g
        steps = list(Collection(g, path_node)) if (path_node, RDF.first, None) in g else []
        if len(steps) < 2 or not all(isinstance(step, URIRef) for step in steps):
            return f"{x} {self.path(path_node)} {w}"
        return self._nested(x, steps, w)

    def _nested(self, x: str, steps: list[rdflib.term.Node], w: str) -> str:
        if len(steps) == 1:
            return f"{x} <{steps[0]}> {w}"
        m = self.fresh("m")
        return f"{x} <{steps[0]}> {m} FILTER EXISTS {{ {self._nested(m, steps[1:], w)} }}"

    # -- value constraints (one value ?v, already bound) --------------------------------------------
    def value_violations(self, shape: rdflib.term.Node, v: str) -> Iterator[tuple[URIRef, str]]:
        """(component, FILTER/pattern text true when value ``v`` breaks that constraint of ``shape``)."""
        g = self.g
        for kind in g.objects(shape, SH.nodeKind):
            test = {SH.IRI: f"isIRI({v})", SH.Literal: f"isLiteral({v})", SH.BlankNode: f"isBlank({v})",
                    SH.BlankNodeOrIRI: f"(isBlank({v}) || isIRI({v}))",
                    SH.IRIOrLiteral: f"(isIRI({v}) || isLiteral({v}))",
                    SH.BlankNodeOrLiteral: f"(isBlank({v}) || isLiteral({v}))"}.get(kind)
            if test is None:
                raise Unsupported(f"nodeKind {kind}")
            yield SH.NodeKindConstraintComponent, f"FILTER(!{test})"
        for cls in g.objects(shape, SH["class"]):
            yield SH.ClassConstraintComponent, (
                f"FILTER(isLiteral({v}) || NOT EXISTS {{ {v} {RDF_TYPE}/{RDFS_SUBCLASS}* {_term(cls)} }})")
        for dt in g.objects(shape, SH.datatype):
            if str(dt) == RDF_LANGSTRING:
                yield SH.DatatypeConstraintComponent, f"FILTER(!isLiteral({v}) || LANG({v}) = \"\")"
            else:
                yield SH.DatatypeConstraintComponent, f"FILTER(!isLiteral({v}) || DATATYPE({v}) != {_term(dt)})"
        for pat in g.objects(shape, SH.pattern):
            flags = g.value(shape, SH.flags)
            args = f", {Literal(str(flags)).n3()}" if flags else ""
            yield SH.PatternConstraintComponent, (
                f"FILTER(isBlank({v}) || !REGEX(STR({v}), {Literal(str(pat)).n3()}{args}))")
        for n in g.objects(shape, SH.minLength):
            yield SH.MinLengthConstraintComponent, f"FILTER(isBlank({v}) || STRLEN(STR({v})) < {int(n)})"
        for lst in g.objects(shape, SH["in"]):
            members = ", ".join(_term(x) for x in Collection(g, lst))
            yield SH.InConstraintComponent, f"FILTER({v} NOT IN ({members}))"
        for langs in g.objects(shape, SH.languageIn):
            ok = " || ".join(f"LANGMATCHES(LANG({v}), {Literal(str(t)).n3()})" for t in Collection(g, langs))
            yield SH.LanguageInConstraintComponent, f"FILTER(!isLiteral({v}) || !({ok}))"
        for m in g.objects(shape, SH.minInclusive):
            # an incomparable value (a string) is a violation too, as in pySHACL: COALESCE turns the error to false
            yield SH.MinInclusiveConstraintComponent, f"FILTER(!COALESCE({v} >= {_term(m)}, false))"
        for node in g.objects(shape, SH.node):
            yield SH.NodeConstraintComponent, f"FILTER({self.violates(node, v)})"
        for lst in g.objects(shape, SH["or"]):
            parts = [self.violates(s, v) for s in Collection(g, lst)]
            yield SH.OrConstraintComponent, "FILTER(" + " && ".join(parts) + ")"
        for lst in g.objects(shape, SH.xone):
            ok = [f"IF({self.violates(s, v)}, 0, 1)" for s in Collection(g, lst)]
            yield SH.XoneConstraintComponent, "FILTER((" + " + ".join(ok) + ") != 1)"
        if (shape, SH["not"], None) in g:
            raise Unsupported("sh:not")

    # -- a shape on a focus node ------------------------------------------------------------------
    def focus_violations(self, shape: rdflib.term.Node, x: str
                         ) -> Iterator[tuple[rdflib.term.Node, rdflib.term.Node | None, URIRef, str, str | None]]:
        """(source shape, path, component, pattern, value var) for every constraint of ``shape`` on ``x``."""
        g = self.g
        if (shape, SH.deactivated, Literal(True)) in g:
            return
        path_node = g.value(shape, SH.path)
        if path_node is None:
            for comp, test in self.value_violations(shape, x):
                yield shape, None, comp, test, x
            for v in g.objects(shape, SH.hasValue):
                yield shape, None, SH.HasValueConstraintComponent, f"FILTER({x} != {_term(v)})", x
            for prop in g.objects(shape, SH.property):
                yield from self.focus_violations(prop, x)
            return
        p = self.path(path_node)
        v = self.fresh("val")
        for comp, test in self.value_violations(shape, v):
            yield shape, path_node, comp, f"{x} {p} {v} . {test}", v
        for val in g.objects(shape, SH.hasValue):
            yield shape, path_node, SH.HasValueConstraintComponent, (
                f"FILTER NOT EXISTS {{ {self.exists_body(x, path_node, _term(val))} }}"), None
        for n in g.objects(shape, SH.minCount):
            n = int(n)
            if n == 1:
                w = self.fresh()
                yield shape, path_node, SH.MinCountConstraintComponent, (
                    f"FILTER NOT EXISTS {{ {self.exists_body(x, path_node, w)} }}"), None
            elif n > 1:
                w, c = self.fresh(), self.fresh("c")
                yield shape, path_node, SH.MinCountConstraintComponent, (
                    f"{{ SELECT {x} (COUNT(DISTINCT {w}) AS {c}) WHERE {{ OPTIONAL {{ {x} {p} {w} }} }} "
                    f"GROUP BY {x} }} FILTER({c} < {n})"), None
        for n in g.objects(shape, SH.maxCount):
            n = int(n)
            ws = [self.fresh() for _ in range(n + 1)]
            triples = " . ".join(f"{x} {p} {w}" for w in ws)
            distinct = " && ".join(f"{a} != {b}" for a, b in itertools.combinations(ws, 2))
            test = f" . FILTER({distinct})" if distinct else ""      # maxCount 0: any value is one too many
            yield shape, path_node, SH.MaxCountConstraintComponent, triples + test, None
        if (shape, SH.uniqueLang, Literal(True)) in g:
            a, b = self.fresh(), self.fresh()
            yield shape, path_node, SH.UniqueLangConstraintComponent, (
                f"{x} {p} {a} . {x} {p} {b} . FILTER({a} != {b} && LANG({a}) != \"\" && LANG({a}) = LANG({b}))"), None
        for other in g.objects(shape, SH.lessThan):
            a, b = self.fresh(), self.fresh()
            yield shape, path_node, SH.LessThanConstraintComponent, (
                f"{x} {p} {a} . {x} <{other}> {b} . FILTER(!COALESCE({a} < {b}, false))"), a
        for other in g.objects(shape, SH.equals):
            a = self.fresh()
            yield shape, path_node, SH.EqualsConstraintComponent, (
                f"{{ {x} {p} {a} FILTER NOT EXISTS {{ {x} <{other}> {a} }} }} UNION "
                f"{{ {x} <{other}> {a} FILTER NOT EXISTS {{ {self.exists_body(x, path_node, a)} }} }}"), a
        for other in g.objects(shape, SH.disjoint):
            a = self.fresh()
            yield shape, path_node, SH.DisjointConstraintComponent, f"{x} {p} {a} . {x} <{other}> {a}", a
        q = g.value(shape, SH.qualifiedValueShape)
        if q is not None:
            n = int(g.value(shape, SH.qualifiedMinCount) or 0)
            if g.value(shape, SH.qualifiedMaxCount) is not None:
                raise Unsupported("sh:qualifiedMaxCount")
            if n == 1:
                w = self.fresh("q")
                yield shape, path_node, SH.QualifiedMinCountConstraintComponent, (
                    f"FILTER NOT EXISTS {{ {x} {p} {w} . FILTER NOT EXISTS {{ {self.any_violation(q, w)} }} }}"), None
            elif n > 1:
                raise Unsupported("sh:qualifiedMinCount > 1")

    def violates(self, shape: rdflib.term.Node, x: str) -> str:
        """An expression true when ``x`` violates ``shape``: ``EXISTS { any_violation }``, or, when each of
        the shape's constraints on ``x`` is one FILTER (a value shape: datatype, range, pattern ...), those
        filters' expressions or-ed (``EXISTS { { FILTER(e) } }`` is ``COALESCE(e, false)``).  Oxigraph
        evaluates an EXISTS as a join per row: the figures' and spans' sh:or of datatypes cost 0.6 of the
        2.4 CPU s of checking 2,000 VNTC articles."""
        patterns = [pattern for _s, _p, _c, pattern, _v in self.focus_violations(shape, x)]
        exprs = [_single_filter(p) for p in patterns]
        if not patterns or any(e is None for e in exprs):
            return f"EXISTS {{ {self.any_violation(shape, x)} }}"
        return "(" + " || ".join(f"COALESCE({e}, false)" for e in exprs) + ")"   # type: ignore[operator]

    def any_violation(self, shape: rdflib.term.Node, x: str) -> str:
        """A group pattern that matches when ``x`` violates ``shape`` (used inside EXISTS)."""
        parts = [f"{{ {pattern} }}" for _s, _p, _c, pattern, _v in self.focus_violations(shape, x)]
        return " UNION ".join(parts) if parts else "FILTER(false)"

    # -- targets ----------------------------------------------------------------------------------
    def target_patterns(self, shape: rdflib.term.Node) -> list[str]:
        g = self.g
        out = [f"?this {RDF_TYPE} {_term(c)} ." for c in g.objects(shape, SH.targetClass)]
        out += [f"?this {_term(p)} ?_o ." for p in g.objects(shape, SH.targetSubjectsOf)]
        out += [f"?_s {_term(p)} ?this ." for p in g.objects(shape, SH.targetObjectsOf)]
        out += [f"VALUES ?this {{ {_term(n)} }}" for n in g.objects(shape, SH.targetNode)]
        return out

    def checks(self) -> list[Check]:
        g = self.g
        shapes = {s for p in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
                  for s in g.subjects(p, None)}
        out: list[Check] = []
        for shape in sorted(shapes, key=str):
            if (shape, SH.deactivated, Literal(True)) in g:
                continue
            severity_of = lambda s: g.value(s, SH.severity) or SH.Violation  # noqa: E731
            targets = self.target_patterns(shape)
            if len(targets) > 1:
                # one query over the distinct focus nodes of all the targets, not one query per target: a
                # span typed nif:OffsetBasedString and nif:Sentence was checked twice (~40% of a 2,000
                # article check, whose spans are most of the graph)
                union = " UNION ".join(f"{{ {t} }}" for t in targets)
                targets = [f"{{ SELECT DISTINCT ?this WHERE {{ {union} }} }}"]
            for target in targets:
                for source, path, comp, pattern, value in self.focus_violations(shape, "?this"):
                    select = f"?this {value}" if value and value != "?this" else "?this"
                    query = f"SELECT DISTINCT {select} WHERE {{ {target} {pattern} }}"
                    msg = g.value(source, SH.message) or g.value(shape, SH.message)
                    out.append(Check(shape, source, path, comp, severity_of(source if path else shape),
                                     str(msg) if msg else None, query, target, pattern,
                                     value if value and value != "?this" else None))
                for constraint in g.objects(shape, SH.sparql):
                    out.append(self._sparql_check(shape, constraint, target))
        return out

    def _sparql_check(self, shape: rdflib.term.Node, constraint: rdflib.term.Node, target: str) -> Check:
        g = self.g
        prefixes = []
        for source in g.objects(constraint, SH.prefixes):
            for decl in g.objects(source, SH.declare):
                prefixes.append(f"PREFIX {g.value(decl, SH.prefix)}: <{g.value(decl, SH.namespace)}>")
        select = re.sub(r"\$this\b", "?this", str(g.value(constraint, SH.select)))
        select = re.sub(r"\bWHERE\s*\{", lambda _m: "WHERE { " + target + " ", select, count=1, flags=re.IGNORECASE)
        msg = g.value(constraint, SH.message) or g.value(shape, SH.message)
        return Check(shape, shape, None, SH.SPARQLConstraintComponent, g.value(shape, SH.severity) or SH.Violation,
                     str(msg) if msg else None, "\n".join(prefixes) + "\n" + select)


_PREFIX_LINE = re.compile(r"^\s*PREFIX\s+\S+\s*<[^>]*>\s*$", re.IGNORECASE | re.MULTILINE)


def _per_graph(query: str) -> str:
    """Run the pattern inside GRAPH ?g: each article's named graph is validated on its own."""
    head_end = 0
    for m in _PREFIX_LINE.finditer(query):
        head_end = m.end()
    head, body = query[:head_end], query[head_end:]
    m = re.search(r"\bWHERE\s*\{", body, re.IGNORECASE)
    if m is None:
        return query
    close = body.rindex("}")
    return head + body[:m.end()] + " GRAPH ?_graph { " + body[m.end():close] + " } }" + body[close + 1:]


_CLASS_TEST = re.compile(r"\{ (\?\w+) " + re.escape(f"{RDF_TYPE}/{RDFS_SUBCLASS}*") + r" (<[^>]+>) \}")


def _expand_classes(query: str, store: ox.Store, union: bool, cache: dict[str, list[str]]) -> str:
    """``?v rdf:type/rdfs:subClassOf* C`` becomes ``?v rdf:type ?t`` with ?t among C and its subclasses.

    The same test (the subclasses are read from the data graph, as SHACL says, when the query runs),
    but the property path is evaluated once instead of once per value: class checks ran ~2x faster.
    """
    def one(m: re.Match[str]) -> str:
        v, cls = m.group(1), m.group(2)
        if cls not in cache:
            rows = store.query(f"SELECT DISTINCT ?c WHERE {{ ?c {RDFS_SUBCLASS}+ {cls} }}",
                               use_default_graph_as_union=union)
            cache[cls] = sorted({cls} | {str(row[0]) for row in rows if isinstance(row[0], ox.NamedNode)})
        if len(cache[cls]) == 1:
            return f"{{ {v} {RDF_TYPE} {cls} }}"
        t = f"{v}_class"
        return f"{{ {v} {RDF_TYPE} {t} . VALUES {t} {{ {' '.join(cache[cls])} }} }}"
    return _CLASS_TEST.sub(one, query)


Row = tuple[int, ox.NamedNode | ox.BlankNode | ox.Literal, ox.NamedNode | ox.BlankNode | ox.Literal | None]


def check_rows(store: ox.Store, checks: list[Check], *, per_graph: bool = False, union: bool = True,
               threads: int = 2) -> list[Row]:
    """The violations as (index of the check, focus node, value), in check order.

    Checks run ``threads`` at a time (Oxigraph evaluates without holding Python's lock for most of a
    query); rows come in check order, so the report does not depend on the timing.
    """
    from concurrent.futures import ThreadPoolExecutor

    plan, queries = check_plan(store, checks, per_graph=per_graph, union=union)
    with ThreadPoolExecutor(max(1, threads)) as pool:
        evaluated = list(pool.map(lambda q: evaluate(store, q, union=union and not per_graph), queries))
    return collect_rows(checks, plan, evaluated)


Evaluated = tuple[int, list[tuple]]    # (number of variables, the solutions' values) of one query


def check_plan(store: ox.Store, checks: list[Check], *, per_graph: bool = False, union: bool = True
               ) -> tuple[list[tuple[str, int | None]], list[str]]:
    """The merged plan (:func:`_merged`) and the query text that runs each part on ``store``."""
    classes: dict[str, list[str]] = {}
    plan = _merged(checks)
    return plan, [_expand_classes(_per_graph(q) if per_graph else q, store, union or per_graph, classes)
                  for q, _which in plan]


def evaluate(store: ox.Store, query: str, *, union: bool) -> Evaluated:
    solutions = store.query(query, use_default_graph_as_union=union)
    return len(solutions.variables), [tuple(row) for row in solutions]


def evaluate_shared(store: ox.Store, queries: list[str], taken: Synchronized, *, union: bool
                    ) -> dict[int, Evaluated]:
    """The queries taken one at a time from a counter another process takes from too, until none is left:
    two processes share the work however long each query turns out to be."""
    out: dict[int, Evaluated] = {}
    while True:
        with taken.get_lock():
            i = taken.value
            taken.value += 1
        if i >= len(queries):
            return out
        out[i] = evaluate(store, queries[i], union=union)


def collect_rows(checks: list[Check], plan: list[tuple[str, int | None]], evaluated: list[Evaluated]) -> list[Row]:
    """The rows of each plan part's answer, as (check index, focus, value), in check order."""
    found: list[list[tuple]] = [[] for _ in checks]     # (focus, value) of each check, in the order found
    for (_query, which), (width, rows) in zip(plan, evaluated, strict=True):
        for row in rows:
            if which is None:
                found[int(row[1].value)].append((row[0], row[2]))
            else:
                found[which].append((row[0], row[1] if width > 1 else None))
    return [(i, f, v) for i, rows in enumerate(found) for f, v in rows]


def _distinct(checks: list[Check], rows: list[Row]) -> Iterator[tuple[Check, ox.NamedNode | ox.BlankNode | ox.Literal,
                                                                      ox.NamedNode | ox.BlankNode | ox.Literal | None]]:
    """(check, focus, value) of each row, once per focus, path, constraint, shape and value (as pySHACL
    reports a result once: merged checks may find one twice)."""
    seen: set[tuple] = set()
    for i, focus, value in rows:
        check = checks[i]
        key = (focus, check.path, check.component, check.source, value)
        if key not in seen:
            seen.add(key)
            yield check, focus, value


def report_graph(checks: list[Check], rows: list[Row]) -> rdflib.Graph:
    """The sh:ValidationReport graph of these rows (one result per focus, path, constraint and value)."""
    report = rdflib.Graph()
    root = BNode()
    report.add((root, RDF.type, SH.ValidationReport))
    conforms = True
    for check, focus_term, value_term in _distinct(checks, rows):
        focus = _to_rdflib(focus_term)
        value = _to_rdflib(value_term) if value_term is not None else None
        add_result(report, root, focus=focus, shape=check.source, component=check.component,
                   severity=check.severity, path=check.path, value=value, message=check.message)
        if check.severity == SH.Violation:
            conforms = False
    report.add((root, SH.conforms, Literal(conforms)))
    return report


def readable_results(checks: list[Check], rows: list[Row], shapes: rdflib.Graph,
                     types_of: Callable[[ox.NamedNode | ox.BlankNode | ox.Literal], set[rdflib.term.Node]],
                     ) -> tuple[list[Result], bool]:
    """The results of these rows as :func:`report_graph` then ``results_from_graph`` give them, and whether
    the data conforms, without the report graph: on 2,000 VNTC articles (1,373 results) building and reading
    that rdflib graph cost 0.7 CPU s, a third of the check (the graph is made when asked: Report.to_turtle).

    ``types_of`` gives a focus node's rdf:types: a property shape shared by node shapes is shown under the
    one whose target class the focus node has."""
    from graph.validate.report import _path_text, _shape_names, short

    out: list[Result] = []
    conforms = True
    paths: dict[rdflib.term.Node | None, str | None] = {}
    names: dict[tuple, tuple[str, str]] = {}
    for check, focus_term, value_term in _distinct(checks, rows):
        if check.path not in paths:
            paths[check.path] = _path_text((shapes,), check.path)
        types = frozenset(types_of(focus_term))
        if (check.source, types) not in names:
            names[(check.source, types)] = _shape_names(shapes, check.source, set(types))
        shape, name = names[(check.source, types)]
        severity = str(check.severity).rsplit("#", 1)[-1]
        conforms = conforms and check.severity != SH.Violation
        focus = _to_rdflib(focus_term)
        out.append(Result(focus=short(focus), path=paths[check.path],
                          value=short(_to_rdflib(value_term)) or None if value_term is not None else None,
                          message=check.message or "", severity=severity, shape=shape, shape_name=name,
                          constraint=str(check.component).rsplit("#", 1)[-1], focus_node=focus))
    out.sort(key=lambda r: (r.shape, r.focus, r.path or "", r.message))
    return out, conforms


def _single_filter(pattern: str) -> str | None:
    """The expression of a pattern that is one FILTER (``FILTER(e)``, ``FILTER NOT EXISTS {...}``), else None."""
    for head, strip, opening, closing in (("FILTER(", 6, "(", ")"), ("FILTER NOT EXISTS {", 7, "{", "}"),
                                          ("FILTER EXISTS {", 7, "{", "}")):
        if pattern.startswith(head):
            start = len(head) - 1
            depth = 0
            for i in range(start, len(pattern)):       # (no check pattern holds a bracket inside a string)
                ch = pattern[i]
                depth += (ch == opening) - (ch == closing)
                if depth == 0:
                    return pattern[strip:] if i == len(pattern) - 1 else None
            return None
    return None


def _merged(checks: list[Check]) -> list[tuple[str, int | None]]:
    """The queries that run the checks: ``(query, index of its one check)`` for a check run on its own,
    ``(query, None)`` for the checks of one target merged (rows then carry the check's index in ?_k).

    One query per constraint read the target's focus nodes again each time: on 2,000 articles the 16
    constraints on text spans took 2.1 CPU s as 16 queries, 0.4 s merged.  Checks that are one FILTER on
    ?this share one query: a UNION of one branch per check, each the target and its FILTER, where the
    target is one pattern; else the FILTERs or-ed, each guarded by its index (EXISTS sees ?this bound).
    The others become the branches of one UNION joined to the target (each branch binds ?this itself).
    """
    out: list[tuple[str, int | None]] = []
    by_target: dict[str, tuple[list[tuple[int, str]], list[tuple[int, str]]]] = {}
    for i, c in enumerate(checks):
        if not c.target or not c.pattern:
            out.append((c.query, i))
            continue
        filters, joined = by_target.setdefault(c.target, ([], []))
        expr = _single_filter(c.pattern)
        if expr is not None:
            filters.append((i, expr))
        elif c.pattern.lstrip().startswith("FILTER"):
            out.append((c.query, i))
        else:
            value = f" BIND({c.value} AS ?_value)" if c.value else ""
            joined.append((i, f"{{ {c.pattern} BIND({i} AS ?_k){value} }}"))
    for target, (filters, joined) in by_target.items():
        if filters and not target.startswith("{"):
            # a target that is one pattern is cheap to read again: one branch per check, each FILTER on the
            # target's rows, beats testing every check's index against every row (figures on 2,000 VNTC
            # articles: 0.23 -> 0.05 s); a target that is a sub-SELECT (a class with subclasses) is read once
            branches = " UNION ".join(f"{{ {target} FILTER({e}) BIND({i} AS ?_k) }}" for i, e in filters)
            out.append((f"SELECT DISTINCT ?this ?_k ?_value WHERE {{ {branches} }}", None))
        elif filters:
            ks = " ".join(str(i) for i, _e in filters)
            cond = " || ".join(f"(?_k = {i} && {e})" for i, e in filters)
            out.append((f"SELECT DISTINCT ?this ?_k ?_value WHERE {{ {target} VALUES ?_k {{ {ks} }} FILTER({cond}) }}",
                        None))
        if joined:
            branches = " UNION ".join(b for _i, b in joined)
            out.append((f"SELECT DISTINCT ?this ?_k ?_value WHERE {{ {target} {branches} }}", None))
    return out


def _to_rdflib(term: ox.NamedNode | ox.Literal | ox.BlankNode) -> rdflib.term.Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def compile_shapes(shapes: rdflib.Graph) -> list[Check]:
    return Compiler(shapes).checks()
