"""A store keeps its validation results; a build re-checks only the focus nodes whose answer can change.

Why: a whole pass over a store's union costs ~11 ms per article (115 s at 10k, 1,203 s at 100k), so
adding 10 reports to a big store must not re-check all of it (issue 14, item 1).

How it stays exact.  A check on a focus node ``f`` reads triples of ``f`` and of nodes at most
:func:`read_depth` hops away along its shape's paths (its values' types for sh:class, the nodes an
sh:node or a SPARQL constraint looks into); an inverse path reads triples *ending* at a node.  So when
the union (the store's default graph) changes by a set of triples T, only these focus nodes can get a
different answer: the subjects of T (and, for predicates read backwards, their objects), plus the nodes
reaching those within the read depth.  The store tells a :class:`Tracker` which article graphs and
triples a write is about to touch (KGStore.before_change); the tracker notes, for each, whether the
union held it before, and for each one-value property (graph.resolve.claims) the values the union
showed; after the build it compares, re-checks the affected focus nodes only and keeps the other
stored rows.  Anything it cannot follow (a file loaded into the default graph, a changed class
hierarchy, blank nodes, other shapes or another version of the checks) makes it run the whole pass.

The rows live in the store folder (``dantoc-validation.nt``, written atomically): a writable open of
the store takes the file away (KGStore), so a build that stops half-way leaves no stale results, only
a whole pass to run next time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.collection import Collection
from rdflib.namespace import SH

from graph.validate.compiled import Check, Row, check_rows

FILE = "dantoc-validation.nt"
_ROW = "urn:dantoc-kg:validation:row:"
_CHECK = "urn:dantoc-kg:validation:check:"
_VALUE = ox.NamedNode("urn:dantoc-kg:validation:value")
_DEFAULT = ox.DefaultGraph()
_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
WATCH_LIMIT = 1_000_000   # triples a build may change and still be followed (~2k articles, ~400 MB); beyond: a whole pass
_PREF_LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"
_ALT_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
SPARQL_DEPTH = 1    # the profile's sh:sparql constraints read $this and its values' triples (shapes.ttl)


def fingerprint(checks: list[Check]) -> str:
    """Identifies the compiled checks: stored rows name a check by its index, valid for this list only."""
    h = hashlib.sha256()
    for c in checks:
        h.update("\x1f".join((c.query, str(c.component), str(c.severity), c.message or "")).encode())
        h.update(b"\x1e")
    return h.hexdigest()


# -- what the shapes read -----------------------------------------------------------------------------
def _path_len(g: rdflib.Graph, p: rdflib.term.Node) -> tuple[int, set[str]] | None:
    """(steps of the path, predicates it walks backwards); None for */+ paths (unbounded)."""
    if isinstance(p, rdflib.URIRef):
        return 1, set()
    inv = g.value(p, SH.inversePath)
    if inv is not None:
        inner = _path_len(g, inv)
        if inner is None:
            return None
        return inner[0], inner[1] | ({str(inv)} if isinstance(inv, rdflib.URIRef) else {"*"})
    alt = g.value(p, SH.alternativePath)
    parts = list(Collection(g, alt)) if alt is not None else (
        list(Collection(g, p)) if (p, rdflib.RDF.first, None) in g else None)
    if parts is None:
        if g.value(p, SH.zeroOrOnePath) is not None:
            return _path_len(g, g.value(p, SH.zeroOrOnePath))
        return None
    lens = [_path_len(g, x) for x in parts]
    if any(x is None for x in lens):
        return None
    inverse = set().union(*(x[1] for x in lens if x))
    steps = [x[0] for x in lens if x]
    return (max(steps) if alt is not None else sum(steps)), inverse


def read_depth(shapes: rdflib.Graph) -> tuple[int, set[str]] | None:
    """How far from a focus node the checks read: the largest hop count from the focus node to a node
    whose triples a check reads (0: the focus node's own), and the predicates read backwards (inverse
    paths, sh:targetObjectsOf).  None if unbounded (a * or + path)."""
    backwards: set[str] = {str(p) for p in shapes.objects(None, SH.targetObjectsOf)}
    memo: dict[rdflib.term.Node, int] = {}
    reading.clear()

    def shape_depth(s: rdflib.term.Node, stack: frozenset) -> int:
        if s in memo:
            return memo[s]
        if s in stack:
            raise _Unbounded
        stack = stack | {s}
        d = -1                                   # reads nothing (nodeKind, pattern, datatype, in ...)
        if (s, SH["class"], None) in shapes:
            d = 0                                # the node's types
        for other in (SH.lessThan, SH.equals, SH.disjoint):
            if (s, other, None) in shapes:
                d = max(d, 0)
        for n in shapes.objects(s, SH.node):
            d = max(d, shape_depth(n, stack))
        for lst in (*shapes.objects(s, SH["or"]), *shapes.objects(s, SH.xone), *shapes.objects(s, SH["and"])):
            for member in Collection(shapes, lst):
                d = max(d, shape_depth(member, stack))
        for n in shapes.objects(s, SH["not"]):
            d = max(d, shape_depth(n, stack))
        for constraint in shapes.objects(s, SH.sparql):
            d = max(d, SPARQL_DEPTH)
            reading.update(_sparql_predicates(shapes, constraint))
        for prop in shapes.objects(s, SH.property):
            d = max(d, shape_depth(prop, stack))
        path = shapes.value(s, SH.path)
        if path is not None:
            walked = _path_len(shapes, path)
            if walked is None:
                raise _Unbounded
            steps, inverse = walked
            backwards.update(inverse)
            inner = -1
            if (s, SH["class"], None) in shapes:
                inner = 0
            for n in (*shapes.objects(s, SH.node), *shapes.objects(s, SH.qualifiedValueShape)):
                inner = max(inner, shape_depth(n, stack))
            for lst in (*shapes.objects(s, SH["or"]), *shapes.objects(s, SH.xone), *shapes.objects(s, SH["and"])):
                for member in Collection(shapes, lst):
                    inner = max(inner, shape_depth(member, stack))
            if steps > 1 or inner >= 0:      # the values' (or the path's middle nodes') triples are read
                reading.update(str(t) for t in _path_iris(shapes, path))
            # a property shape's constraints are on its values (``steps`` away); the path itself reads
            # the nodes before its last step, and lessThan/equals/disjoint the focus node's other property
            compares = any((s, c, None) in shapes for c in (SH.lessThan, SH.equals, SH.disjoint))
            d = max(steps - 1, steps + inner if inner >= 0 else -1, 0 if compares else -1,
                    max((shape_depth(q, stack) for q in shapes.objects(s, SH.property)), default=-1))
        memo[s] = d
        return d

    try:
        roots = {s for p in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
                 for s in shapes.subjects(p, None)}
        depth = max((shape_depth(s, frozenset()) for s in roots), default=0)
    except _Unbounded:
        return None
    return max(depth, 0), backwards


class _Unbounded(Exception):
    pass


#: the links whose targets' triples some check reads (filled by read_depth): only these are followed back
reading: set[str] = set()


def _path_iris(g: rdflib.Graph, p: rdflib.term.Node) -> set[rdflib.term.Node]:
    if isinstance(p, rdflib.URIRef):
        return {p}
    return {o for _s, _p, o in g.triples((p, None, None)) if isinstance(o, rdflib.URIRef)} | {
        x for o in g.objects(p, None) if isinstance(o, rdflib.BNode) for x in _path_iris(g, o)}


def _sparql_predicates(g: rdflib.Graph, constraint: rdflib.term.Node) -> set[str]:
    """Every IRI a SPARQL constraint's text names (its prefixes expanded): a superset of its predicates."""
    import re

    spaces = {str(g.value(d, SH.prefix)): str(g.value(d, SH.namespace))
              for src in g.objects(constraint, SH.prefixes) for d in g.objects(src, SH.declare)}
    text = str(g.value(constraint, SH.select))
    out = set(re.findall(r"<([^>\s]+)>", text))
    out |= {spaces[m.group(1)] + m.group(2) for m in re.finditer(r"\b([A-Za-z][\w-]*):([\w-]+)", text)
            if m.group(1) in spaces}
    return out


# -- the stored rows ----------------------------------------------------------------------------------
def write_rows(folder: Path, stamp: str, rows: list[Row]) -> None:
    """The rows as N-Triples (a row node per result: its check, focus and value), atomically."""
    from graph.export.writers import atomic_write

    lines = [f"# {stamp}\n"]
    for n, (i, focus, value) in enumerate(rows):
        lines.append(f"<{_ROW}{n}> <{_CHECK}{i}> {focus} .\n")
        if value is not None:
            lines.append(f"<{_ROW}{n}> {_VALUE} {value} .\n")
    data = "".join(lines).encode("utf-8")
    atomic_write(folder / FILE, lambda fh: fh.write(data))


def read_rows(data: bytes | None, stamp: str) -> list[Row] | None:
    """The stored rows, or None when there are none, or they were made by other checks (another stamp)."""
    if not data or not data.startswith(f"# {stamp}\n".encode()):
        return None
    rows: dict[str, list] = {}
    try:
        for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES):
            row = rows.setdefault(t.subject.value, [0, None, None])
            if t.predicate == _VALUE:
                row[2] = t.object
            else:
                row[0], row[1] = int(t.predicate.value.removeprefix(_CHECK)), t.object
    except (SyntaxError, ValueError):
        return None
    order = sorted(rows, key=lambda k: int(k.removeprefix(_ROW)))
    return [(rows[k][0], rows[k][1], rows[k][2]) for k in order]


def stored_rows(folder: Path, stamp: str) -> list[Row] | None:
    """The rows a store folder keeps (read-only: for ``dantoc-kg validate``)."""
    try:
        return read_rows((folder / FILE).read_bytes(), stamp)
    except OSError:
        return None


def stamp_of(checks: list[Check]) -> str:
    from graph import __version__

    return f"dantoc-kg {__version__} checks {fingerprint(checks)}"


# -- following a build ----------------------------------------------------------------------------------
class Tracker:
    """Notes what a build changes in a store's union, then validates only what that can change."""

    def __init__(self, kg: object, checks: list[Check], shapes: rdflib.Graph) -> None:
        from graph.resolve.claims import functional

        self.kg = kg
        self.checks = checks
        self.stamp = stamp_of(checks)
        self.previous = read_rows(getattr(kg, "kept_validation", None), self.stamp)
        reach = read_depth(shapes)
        self.why_full = ("no stored results" if self.previous is None else
                         "the shapes read unboundedly far" if reach is None else None)
        self.depth, self.backwards = reach if reach is not None else (0, set())
        self.reading = [ox.NamedNode(p) for p in sorted(reading)]
        self.functional = set(functional())
        self.before: dict[ox.Triple, bool] = {}
        self.values: dict[tuple, set] = {}
        self.last_focus: int | None = None   # focus nodes re-checked by the last run (None: the whole pass)
        kg.watch = self.note  # type: ignore[attr-defined]

    @property
    def store(self) -> ox.Store:
        """The store's pyoxigraph store (not kept here: a closed KGStore must release it)."""
        return self.kg.oxigraph  # type: ignore[attr-defined]

    def note(self, graphs: Iterable[str] | None, triples: Iterable[ox.Triple] | None) -> None:
        """Before a write: these article graphs (their current triples) and triples may change the union."""
        if self.why_full:
            return
        if graphs is None or triples is None:
            self.why_full = "the store was written without saying what changed"
            return
        for g in graphs:
            for q in self.store.quads_for_pattern(None, None, None, ox.NamedNode(g)):
                self._note(q.triple)
        for t in triples:
            if self.why_full:
                return
            self._note(t)

    def _note(self, t: ox.Triple) -> None:
        if t in self.before:
            return
        if len(self.before) >= WATCH_LIMIT:
            self.why_full = "the build changes too much to follow"   # (a whole pass is as cheap, and bounded memory)
            self.before.clear()
            self.values.clear()
            return
        self.before[t] = ox.Quad(t.subject, t.predicate, t.object) in self.store
        if t.predicate.value in self.functional:
            # settling a claim rewrites the pair's shown value; a prefLabel's losers also become altLabels
            for p in (t.predicate, _ALT_LABEL) if t.predicate.value == _PREF_LABEL else (t.predicate,):
                if (t.subject, p) not in self.values:
                    self.values[(t.subject, p)] = {q.object for q in self.store.quads_for_pattern(t.subject, p, None,
                                                                                                   _DEFAULT)}

    def changed(self) -> list[ox.Triple]:
        """The union's triples that appeared or went since the build started."""
        out = [t for t, was in self.before.items()
               if (ox.Quad(t.subject, t.predicate, t.object) in self.store) != was]
        for (s, p), old in self.values.items():
            now = {q.object for q in self.store.quads_for_pattern(s, p, None, _DEFAULT)}
            out += [ox.Triple(s, p, o) for o in old ^ now]
        return out

    def affected(self, changed: list[ox.Triple]) -> set | None:
        """The focus nodes whose results can differ; None if the whole pass must run."""
        seeds: set = set()
        for t in changed:
            if t.predicate.value == _SUBCLASS:
                return None          # the class hierarchy every sh:class reads
            seeds.add(t.subject)
            if t.predicate.value in self.backwards or "*" in self.backwards:
                seeds.add(t.object)
        out, frontier = set(seeds), seeds
        for _hop in range(self.depth):   # the nodes that reach a changed node within the read depth
            nxt = set()
            for n in frontier:
                if isinstance(n, ox.Literal):
                    continue
                for p in self.reading:
                    nxt.update(q.subject for q in self.store.quads_for_pattern(None, p, n, _DEFAULT))
                for p in self.backwards - {"*"}:
                    nxt.update(q.object for q in self.store.quads_for_pattern(n, ox.NamedNode(p), None, _DEFAULT))
            frontier = nxt - out
            out |= nxt
        if any(isinstance(n, ox.BlankNode) for n in out):
            return None
        return out

    def rows(self) -> list[Row]:
        """The rows after the build: the stored ones of untouched focus nodes + a run on the others."""
        if self.why_full is None:
            focus = self.affected(self.changed())
            if focus is None or "*" in self.backwards:
                self.why_full = "the class hierarchy or a blank node changed, or the shapes read any link backwards"
        if self.why_full is not None or self.previous is None:
            self.last_focus = None
            return check_rows(self.store, self.checks, union=False)
        self.last_focus = len(focus)
        keys = {str(n) for n in focus}
        kept = [r for r in self.previous if str(r[1]) not in keys]
        # the checks run on a small in-memory store holding all that the affected nodes' checks read (a
        # VALUES-restricted run on the whole store took seconds per query); only their rows are kept
        fresh = [r for r in check_rows(self.neighbourhood(focus), self.checks, union=False) if str(r[1]) in keys]
        return sorted(kept + fresh, key=lambda r: r[0])

    def neighbourhood(self, focus: set) -> ox.Store:
        """The union's triples a check on these focus nodes can read: the triples of every node within the
        read depth (and the links read backwards into them), and the class hierarchy."""
        store = self.store
        backwards = [ox.NamedNode(p) for p in sorted(self.backwards)]
        region, frontier = set(focus), set(focus)
        for _hop in range(self.depth):
            nxt = set()
            for n in frontier:
                if not isinstance(n, ox.Literal):
                    for p in self.reading:
                        nxt.update(q.object for q in store.quads_for_pattern(n, p, None, _DEFAULT)
                                   if not isinstance(q.object, ox.Literal))
                for p in backwards:
                    nxt.update(q.subject for q in store.quads_for_pattern(None, p, n, _DEFAULT))
            frontier = nxt - region
            region |= nxt
        small = ox.Store()
        quads: list[ox.Quad] = list(store.quads_for_pattern(None, ox.NamedNode(_SUBCLASS), None, _DEFAULT))
        for n in region:
            if not isinstance(n, ox.Literal):
                quads.extend(store.quads_for_pattern(n, None, None, _DEFAULT))
            for p in backwards:
                quads.extend(store.quads_for_pattern(None, p, n, _DEFAULT))
        small.extend(quads)
        return small

    def finish(self) -> list[Row]:
        """Validate, and keep the rows in the store folder for the next build and ``validate``."""
        rows = self.rows()
        self.store.flush()
        write_rows(self.kg.path, self.stamp, rows)  # type: ignore[attr-defined]
        self.kg.watch = None  # type: ignore[attr-defined]
        self.before.clear()
        self.values.clear()
        return rows
