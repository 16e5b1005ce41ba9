"""A SHACL validation report that a person can act on: each result with the evidence it came from.

A bare SHACL result names a node and a path.  What a developer needs is the article (its file name,
dcterms:identifier) and the sentence (nif:anchorOf) that produced the bad node, so each result is
traced back through prov:wasInfluencedBy (or the NIF span itself, or the fact that points to the node).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import rdflib
import rdflib.collection
from rdflib import RDF, BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SH, Namespace

from graph.store.prefixes import PREFIXES as _PROFILE_PREFIXES

NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SCHEMA = Namespace("http://schema.org/")

# the profile's one prefix table, plus the shapes' own namespace
PREFIXES: dict[str, str] = {**_PROFILE_PREFIXES, "dtsh": "https://w3id.org/dantoc-kg/shapes#"}
# Longest namespace first, so dtk: (…/def/) wins over nothing and dt: (…/def#) is exact.
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))

_SPAN_TYPES = {NIF.Sentence, NIF.Phrase, NIF.OffsetBasedString}
_ARTICLE_TYPES = {NIF.Context, SCHEMA.NewsArticle}
EXCERPT = 110


def short(node: object) -> str:
    """A compact, readable form of a term: CURIE for known namespaces, quoted literals."""
    if node is None:
        return ""
    if isinstance(node, URIRef):
        s = str(node)
        for prefix, ns in _BY_LENGTH:
            if s.startswith(ns) and len(s) > len(ns):
                return f"{prefix}:{s[len(ns) :]}"
        return f"<{s}>"
    if isinstance(node, Literal):
        text = str(node)
        text = text if len(text) <= 60 else text[:57] + "..."
        if node.language:
            return f'"{text}"@{node.language}'
        if node.datatype is not None:
            return f'"{text}"^^{short(node.datatype)}'
        return f'"{text}"'
    if isinstance(node, BNode):
        return f"_:{node}"
    return str(node)


def excerpt(text: str, limit: int = EXCERPT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Evidence:
    """Where a node came from: the article's file name(s) and one sentence."""

    articles: tuple[str, ...]  # dcterms:identifier of the article (file names, no extension)
    sentence: str | None = None  # nif:anchorOf of the sentence
    sentence_iri: str | None = None
    via: str | None = None  # the node whose evidence this is, when not the focus node itself
    note: str | None = None  # e.g. the sentence is named but not described in the graph

    def to_text(self) -> str:
        where = ", ".join(self.articles) or "(article without dcterms:identifier)"
        said = f": «{excerpt(self.sentence)}»" if self.sentence else ""
        said += f" ({self.note})" if self.note else ""
        via = f" (via {self.via})" if self.via else ""
        return f"{where}{said}{via}"


@dataclass
class Result:
    """One SHACL validation result, in readable terms."""

    focus: str  # compact form of the focus node
    path: str | None  # compact form of sh:resultPath
    value: str | None  # compact form of sh:value
    message: str
    severity: str  # Violation | Warning | Info
    shape: str  # the node shape (compact IRI), e.g. "dtsh:MembershipShape"
    shape_name: str  # its sh:name, plus the property shape's sh:name
    constraint: str  # e.g. "MinCountConstraintComponent"
    focus_node: rdflib.term.Node | None = None
    evidence: list[Evidence] | None = None  # None until Report.attach_evidence ran

    def to_text(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = f" = {self.value}" if self.value else ""
        if self.evidence is None:
            ev = ""
        elif self.evidence:
            ev = " | " + " ; ".join(e.to_text() for e in self.evidence[:2])
            if len(self.evidence) > 2:
                ev += f" (+{len(self.evidence) - 2} more)"
        else:
            ev = " | no evidence: the node has no prov:wasInfluencedBy sentence"
        return f"[{self.severity}] {self.focus}{where}{value}: {self.message}{ev}"


@dataclass
class Report:
    """The outcome of :func:`graph.validate.validate`."""

    conforms: bool
    results: list[Result] = field(default_factory=list)
    graph: rdflib.Graph | None = None  # the sh:ValidationReport graph
    data: rdflib.Graph | None = None  # the validated data, for evidence look-ups
    # or, in its place, what gives the part of the data that holds given nodes' evidence, on demand: a
    # summary of thousands of results then looks up only the few it shows
    lookup: Callable[[set[rdflib.term.Node]], rdflib.Graph] | None = None
    # or what makes the sh:ValidationReport graph when it is asked for (the compiled engine's reports)
    make_graph: Callable[[], rdflib.Graph] | None = None

    @property
    def violations(self) -> list[Result]:
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[Result]:
        return [r for r in self.results if r.severity == "Warning"]

    def find(
        self,
        *,
        shape: str | None = None,
        path: str | None = None,
        focus: str | None = None,
        constraint: str | None = None,
    ) -> list[Result]:
        """Results matching all the given fields (compact forms, e.g. shape="dtsh:PersonShape")."""
        return [
            r
            for r in self.results
            if (shape is None or r.shape == shape)
            and (path is None or r.path == path)
            and (focus is None or r.focus == focus)
            and (constraint is None or r.constraint == constraint)
        ]

    def attach_evidence(self, data: rdflib.Graph | None = None, only: list[Result] | None = None) -> Report:
        """Fill ``Result.evidence`` for every result (or those ``only``) from the data graph (the validated
        one by default, else what ``lookup`` gives for their nodes)."""
        todo = self.results if only is None else only
        g = data if data is not None else self.data
        if g is None and self.lookup is not None:
            g = self.lookup({r.focus_node for r in todo if r.focus_node is not None})
        if g is None:
            raise ValueError("no data graph to look evidence up in")
        cache: dict[rdflib.term.Node, list[Evidence]] = {}
        for r in todo:
            node = r.focus_node
            if node is None:
                r.evidence = []
                continue
            if node not in cache:
                cache[node] = evidence_of(g, node)
            r.evidence = cache[node]
        return self

    def summary(self) -> str:
        nv, nw = len(self.violations), len(self.warnings)
        other = len(self.results) - nv - nw
        state = "conforms" if self.conforms else "does not conform"
        parts = [f"{nv} violation{'s' * (nv != 1)}", f"{nw} warning{'s' * (nw != 1)}"]
        if other:
            parts.append(f"{other} info")
        return f"SHACL validation: {state} ({', '.join(parts)})"

    def to_text(self, limit_per_group: int | None = None) -> str:
        """Readable report: grouped by shape, one line per result with file name and sentence."""
        groups: dict[tuple[str, str], list[Result]] = defaultdict(list)
        for r in self.results:
            groups[(r.shape, r.shape_name)].append(r)
        order = {"Violation": 0, "Warning": 1, "Info": 2}
        for results in groups.values():
            results.sort(key=lambda r: (order.get(r.severity, 3), r.focus, r.path or ""))
        shown_of = {k: v if limit_per_group is None else v[:limit_per_group] for k, v in groups.items()}
        missing = [r for shown in shown_of.values() for r in shown if r.evidence is None]
        if missing and (self.data is not None or self.lookup is not None):
            self.attach_evidence(only=missing)
        lines = [self.summary()]
        for (shape, name), results in sorted(
            groups.items(), key=lambda kv: (min(order.get(r.severity, 3) for r in kv[1]), kv[0])
        ):
            lines.append("")
            lines.append(f"{shape} ({name}): {len(results)}")
            shown = shown_of[(shape, name)]
            lines += ["  " + r.to_text() for r in shown]
            if len(shown) < len(results):
                lines.append(f"  ... and {len(results) - len(shown)} more")
        return "\n".join(lines) + "\n"

    def to_turtle(self) -> str:
        """The sh:ValidationReport graph as Turtle."""
        if self.graph is None and self.make_graph is not None:
            self.graph = self.make_graph()
        if self.graph is None:
            return ""
        for prefix, ns in PREFIXES.items():
            self.graph.bind(prefix, ns, override=True, replace=True)
        return self.graph.serialize(format="turtle")


# --- evidence --------------------------------------------------------------------------------


def _article_ids(g: rdflib.Graph, article: rdflib.term.Node) -> tuple[str, ...]:
    ids = sorted(str(i) for i in g.objects(article, DCTERMS.identifier))
    return tuple(ids) if ids else (short(article),)


def _span_evidence(g: rdflib.Graph, span: rdflib.term.Node, via: str | None) -> Evidence:
    text = g.value(span, NIF.anchorOf)
    ctx = g.value(span, NIF.referenceContext)
    if ctx is None and isinstance(span, URIRef) and "#char=" in span:
        ctx = URIRef(str(span).split("#", 1)[0])  # RFC 5147 IRI: the article is the part before '#'
    articles = _article_ids(g, ctx) if ctx is not None else ()
    if text is None:
        return Evidence(articles, None, str(span), via, f"sentence {short(span)} is not in the graph")
    return Evidence(articles, str(text), str(span), via)


def _own_evidence(g: rdflib.Graph, node: rdflib.term.Node, via: str | None) -> list[Evidence]:
    types = set(g.objects(node, RDF.type))
    if types & _SPAN_TYPES or (node, NIF.anchorOf, None) in g:
        return [_span_evidence(g, node, via)]
    found = [_span_evidence(g, s, via) for s in sorted(g.objects(node, PROV.wasInfluencedBy))]
    if found:
        return found
    if types & _ARTICLE_TYPES:
        return [Evidence(_article_ids(g, node), None, None, via)]
    return []


def evidence_of(g: rdflib.Graph, node: rdflib.term.Node, depth: int = 2) -> list[Evidence]:
    """The sentences a node was read from: its own, else those of the nodes pointing to it.

    A time:Instant, a period or a bad literal-bearing node has no evidence of its own; the holding or
    programme that points to it does.  Returns [] when nothing within ``depth`` hops has any.
    """
    own = _own_evidence(g, node, None)
    if own:
        return own
    frontier, seen = [node], {node}
    for _ in range(depth):
        nxt = []
        for n in frontier:
            for s, p in g.subject_predicates(n):
                if p == RDF.type or s in seen:
                    continue
                seen.add(s)
                found = _own_evidence(g, s, f"{short(s)} {short(p)}")
                if found:
                    return found
                nxt.append(s)
        frontier = nxt
    return []


# --- reading pyshacl's report graph -----------------------------------------------------------


def _path_text(
    graphs: tuple[rdflib.Graph | None, ...], path: rdflib.term.Node | None, depth: int = 0
) -> str | None:
    """A SHACL path as SPARQL property-path text: (dt:post org:postIn) -> "dt:post/org:postIn"."""
    if path is None:
        return None
    if isinstance(path, URIRef) or depth > 5:
        return short(path)
    for g in graphs:
        if g is None or not any(True for _ in g.predicate_objects(path)):
            continue
        first = g.value(path, RDF.first)
        if first is not None:
            items = [_path_text(graphs, i, depth + 1) or "?" for i in rdflib.collection.Collection(g, path)]
            return "/".join(items)
        for pred, fmt in (
            (SH.inversePath, "^{}"),
            (SH.zeroOrMorePath, "{}*"),
            (SH.oneOrMorePath, "{}+"),
            (SH.zeroOrOnePath, "{}?"),
        ):
            inner = g.value(path, pred)
            if inner is not None:
                return fmt.format(_path_text(graphs, inner, depth + 1))
        alt = g.value(path, SH.alternativePath)
        if alt is not None:
            return "|".join(
                _path_text(graphs, i, depth + 1) or "?" for i in rdflib.collection.Collection(g, alt)
            )
    return short(path)


def _shape_names(
    shapes: rdflib.Graph, source: rdflib.term.Node, focus_types: set[rdflib.term.Node]
) -> tuple[str, str]:
    """(node shape compact IRI, readable name) for a result's sh:sourceShape.

    A property shape is shown under its node shape; a shared one (dtsh:evidence) under the node shape
    whose target class the focus node has.
    """
    parent = None
    if (source, RDF.type, SH.NodeShape) not in shapes and (source, SH.targetClass, None) not in shapes:
        parents = sorted(shapes.subjects(SH.property, source))
        matching = [p for p in parents if focus_types & set(shapes.objects(p, SH.targetClass))]
        parent = (matching or parents or [None])[0]
    node_shape = parent if parent is not None else source
    node_name = shapes.value(node_shape, SH.name)
    name = str(node_name) if node_name is not None else short(node_shape)
    if parent is not None:
        prop_name = shapes.value(source, SH.name)
        if prop_name is not None:
            name = f"{name} / {prop_name}"
    shape = short(node_shape) if isinstance(node_shape, URIRef) else name
    return shape, name


def results_from_graph(
    report: rdflib.Graph, shapes: rdflib.Graph, data: rdflib.Graph | None = None
) -> list[Result]:
    """The top-level results of a pyshacl report graph (nested sh:detail results are left out)."""
    out = []
    results = [
        r for rep in report.subjects(RDF.type, SH.ValidationReport) for r in report.objects(rep, SH.result)
    ]
    for res in results:
        focus = report.value(res, SH.focusNode)
        source = report.value(res, SH.sourceShape)
        types = set(data.objects(focus, RDF.type)) if data is not None and focus is not None else set()
        shape, name = _shape_names(shapes, source, types) if source is not None else ("?", "?")
        messages = sorted(str(m) for m in report.objects(res, SH.resultMessage))
        severity = report.value(res, SH.resultSeverity)
        component = report.value(res, SH.sourceConstraintComponent)
        out.append(
            Result(
                focus=short(focus),
                path=_path_text((report, shapes), report.value(res, SH.resultPath)),
                value=short(report.value(res, SH.value)) or None,
                message=messages[0] if messages else "",
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
                shape=shape,
                shape_name=name,
                constraint=str(component).rsplit("#", 1)[-1] if component is not None else "",
                focus_node=focus,
            )
        )
    out.sort(key=lambda r: (r.shape, r.focus, r.path or "", r.message))
    return out
