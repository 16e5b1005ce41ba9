r"""Deterministic serialisations of a dataset: the same graph gives byte-identical files.

Quads are sorted by (graph, subject, predicate with rdf:type first, object) on their N-Triples
form.  N-Triples and N-Quads then come from pyoxigraph's (fast, order-preserving) writers.  Turtle
and TriG use the small writer below: pyoxigraph would write our IRIs as ``id:org\/tra-vinh\/...``
(a ``/`` is not allowed in a prefixed name), so ours shortens an IRI only when its local name is
plain (``dt:postTitle``, ``org:Membership``) and writes the others in full, grouped by subject.
Triple formats (Turtle, N-Triples) get the union of all graphs with duplicates removed (an entity
described by several articles appears once); TriG and N-Quads keep the per-article graphs.

JSON-LD is written here (pyoxigraph only writes expanded JSON-LD without a context): a compact
document with an ``@context`` of the profile prefixes, one node object per subject, named graphs as
``{"@id": graph, "@graph": [...]}``.  It is built in memory, fine up to a few million triples.

Files are written atomically: a temp file in the same folder, fsync, then ``os.replace`` (see
:func:`atomic_write` for what happens with ``-``, symlinks, pipes and devices).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from graph.store.prefixes import PREFIXES, RDF_TYPE

FORMAT_ALIASES = {
    "turtle": "turtle",
    "ttl": "turtle",
    "nt": "nt",
    "ntriples": "nt",
    "n-triples": "nt",
    "nquads": "nquads",
    "nq": "nquads",
    "n-quads": "nquads",
    "trig": "trig",
    "jsonld": "jsonld",
    "json-ld": "jsonld",
}
EXTENSIONS = {"turtle": ".ttl", "nt": ".nt", "nquads": ".nq", "trig": ".trig", "jsonld": ".jsonld"}
QUAD_FORMATS = {"nquads", "trig", "jsonld"}

_TYPE = ox.NamedNode(RDF_TYPE)
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def canonical_format(name: str) -> str:
    try:
        return FORMAT_ALIASES[name.lower()]
    except KeyError:
        raise ValueError(f"unknown export format {name!r} (use turtle, nt, nquads, trig or jsonld)") from None


def _term_key(term: Any) -> str:
    """IRIs by their text (so ``…/a`` comes before ``…/a#char=1,2``), then blank nodes, then literals."""
    if isinstance(term, ox.NamedNode):
        return "0" + term.value
    if isinstance(term, ox.BlankNode):
        return "1" + term.value
    return "2" + str(term)


def _graph_key(g: Any) -> str:
    return "" if isinstance(g, ox.DefaultGraph) else _term_key(g)


def _triple_key(t: ox.Triple | ox.Quad) -> tuple[str, int, str, str]:
    p = t.predicate
    return (_term_key(t.subject), 0 if p == _TYPE else 1, p.value, _term_key(t.object))


def sorted_triples(quads: Iterable[ox.Quad | ox.Triple]) -> list[ox.Triple]:
    """The distinct triples of the union of all graphs, in a stable order."""
    unique = {q.triple if isinstance(q, ox.Quad) else q for q in quads}
    return sorted(unique, key=_triple_key)


def sorted_quads(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """Distinct quads, default graph first, then by graph name, subject, predicate, object."""
    unique = set(quads)
    return sorted(unique, key=lambda q: (_graph_key(q.graph_name), *_triple_key(q)))


def serialize(quads: Iterable[ox.Quad], fmt: str, *, prefixes: dict[str, str] | None = None) -> bytes:
    """Bytes of the dataset in ``fmt`` (turtle, nt, nquads, trig, jsonld), deterministic."""
    fmt = canonical_format(fmt)
    prefixes = PREFIXES if prefixes is None else prefixes
    if fmt == "turtle":
        triples = (q.triple if isinstance(q, ox.Quad) else q for q in quads)
        return turtle_from_ntriples(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"", prefixes)
    if fmt == "nt":
        return ox.serialize(sorted_triples(quads), format=ox.RdfFormat.N_TRIPLES)
    if fmt == "nquads":
        return ox.serialize(sorted_quads(quads), format=ox.RdfFormat.N_QUADS)
    if fmt == "trig":
        return trig_bytes(sorted_quads(quads), prefixes)
    return jsonld_bytes(sorted_quads(quads), prefixes)


# -- Turtle / TriG ------------------------------------------------------------------------------------
_INTEGER = re.compile(r"[+-]?[0-9]+\Z")
_DECIMAL = re.compile(r"[+-]?[0-9]*\.[0-9]+\Z")
_SHORTHAND = {
    "http://www.w3.org/2001/XMLSchema#integer": _INTEGER,
    "http://www.w3.org/2001/XMLSchema#decimal": _DECIMAL,
    "http://www.w3.org/2001/XMLSchema#boolean": re.compile(r"(?:true|false)\Z"),
}


class _TurtleTerms:
    """Term -> Turtle text, remembering which prefixes were used (only those get declared)."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.items = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))
        self.used: set[str] = set()
        self.cache: dict[str, tuple[str, str | None]] = {}

    def iri(self, iri: str) -> str:
        hit = self.cache.get(iri)
        if hit is None:
            hit = (f"<{iri}>" if not iri.startswith("<") else iri, None)
            for prefix, ns in self.items:
                if iri.startswith(ns):
                    local = iri[len(ns) :]
                    if _PLAIN_LOCAL.match(local):
                        hit = (f"{prefix}:{local}", prefix)
                    break
            if hit[1] is None:
                hit = (str(ox.NamedNode(iri)), None)
            if len(self.cache) < 500_000:
                self.cache[iri] = hit
        if hit[1] is not None:
            self.used.add(hit[1])
        return hit[0]

    def term(self, term: Any) -> str:
        if isinstance(term, ox.NamedNode):
            return self.iri(term.value)
        if isinstance(term, ox.Literal):
            if term.language:
                return str(term)
            dt = term.datatype.value
            if dt == _XSD_STRING:
                return str(term)
            pattern = _SHORTHAND.get(dt)
            if pattern is not None and pattern.match(term.value):
                return term.value
            return f"{ox.Literal(term.value)}^^{self.iri(dt)}"
        return str(term)  # blank node, quoted triple

    def predicate(self, p: ox.NamedNode) -> str:
        return "a" if p == _TYPE else self.iri(p.value)


_PLAIN_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*(?:\.[A-Za-z0-9_\-]+)*\Z")


def _turtle_block(triples: list[Any], terms: _TurtleTerms, indent: str, out: list[str]) -> None:
    """Subject blocks: ``s p o1 , o2 ;`` lines, predicates and objects already sorted."""
    i, n = 0, len(triples)
    while i < n:
        subject = triples[i].subject
        j = i
        while j < n and triples[j].subject == subject:
            j += 1
        parts: list[str] = []
        k = i
        while k < j:
            predicate = triples[k].predicate
            objects = []
            while k < j and triples[k].predicate == predicate:
                objects.append(terms.term(triples[k].object))
                k += 1
            parts.append(f"{terms.predicate(predicate)} {' , '.join(objects)}")
        joiner = f" ;\n{indent}    "
        out.append(f"{indent}{terms.term(subject)} {joiner.join(parts)} .")
        i = j


def _with_prefixes(body: list[str], terms: _TurtleTerms, prefixes: dict[str, str]) -> bytes:
    head = [f"@prefix {p}: <{prefixes[p]}> ." for p in sorted(terms.used)]
    text = "\n".join(head) + ("\n\n" if head else "") + "\n".join(body) + "\n"
    return text.encode("utf-8")


def turtle_bytes(triples: list[ox.Triple], prefixes: dict[str, str]) -> bytes:
    """Turtle of already sorted triples; only the prefixes used are declared."""
    terms = _TurtleTerms(prefixes)
    body: list[str] = []
    _turtle_block(triples, terms, "", body)
    return _with_prefixes(body, terms, prefixes)


def trig_bytes(quads: list[ox.Quad], prefixes: dict[str, str]) -> bytes:
    """TriG of already sorted quads: default graph first, then one block per named graph."""
    terms = _TurtleTerms(prefixes)
    body: list[str] = []
    i, n = 0, len(quads)
    while i < n:
        g = quads[i].graph_name
        j = i
        while j < n and quads[j].graph_name == g:
            j += 1
        if isinstance(g, ox.DefaultGraph):
            _turtle_block(quads[i:j], terms, "", body)
        else:
            body.append(f"{terms.term(g)} {{")
            _turtle_block(quads[i:j], terms, "    ", body)
            body.append("}")
        i = j
    return _with_prefixes(body, terms, prefixes)


# -- fast Turtle from N-Triples ------------------------------------------------------------------------
_TYPE_KEY = f"<{RDF_TYPE}\x01".encode()
# the sort key of a line: an IRI's closing ">" becomes \x01, which sorts before any character (``<…/a>``
# before ``<…/a#char=1,2>``, as _term_key sorts); N-Triples never holds \x01 (control characters are escaped)
_KEY_IN = bytes.maketrans(b">", b"\x01")
_KEY_OUT = bytes.maketrans(b"\x01", b">")
_SHORTHAND_BYTES = {dt.encode(): re.compile(p.pattern.encode()) for dt, p in _SHORTHAND.items()}


class _NTTurtle:
    """N-Triples tokens (in sort-key form) -> Turtle bytes, as :class:`_TurtleTerms` writes the same terms."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.terms = _TurtleTerms(prefixes)
        self.cache: dict[bytes, bytes] = {}   # only filled through terms.iri, which notes the prefix used

    def iri(self, token: bytes) -> bytes:
        hit = self.cache.get(token)
        if hit is None:
            hit = self.terms.iri(token[1:-1].decode("utf-8")).encode("utf-8")
            if len(self.cache) < 500_000:
                self.cache[token] = hit
        return hit

    def obj(self, token: bytes) -> bytes:
        first = token[0]
        if first == 60:                     # "<": an IRI
            return self.iri(token)
        if first != 34 or token[-1] != 1:   # a blank node, a plain or language-tagged string
            return token.translate(_KEY_OUT)
        cut = token.rfind(b'"^^<')           # a typed literal
        value, dt = token[1:cut], token[cut + 4 : -1]
        pattern = _SHORTHAND_BYTES.get(dt)
        if pattern is not None and pattern.match(value):
            return value
        return b'"' + value.translate(_KEY_OUT) + b'"^^' + self.iri(token[cut + 3 :])


def union_turtle(store: ox.Store, *, prefixes: dict[str, str] | None = None) -> bytes:
    """Turtle of a store whose default graph holds the union (a KGStore, an in-memory build's union),
    as :func:`serialize` writes it: Oxigraph dumps the default graph natively, no term objects."""
    nt = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()) or b""
    return turtle_from_ntriples(nt, PREFIXES if prefixes is None else prefixes)


def turtle_from_ntriples(nt: bytes, prefixes: dict[str, str]) -> bytes:
    """Turtle of the distinct triples of an N-Triples document, byte for byte what :func:`turtle_bytes`
    writes for them (same order, same layout), ~3x faster: Oxigraph writes the N-Triples, the lines are
    sorted as bytes in C, and no term object is made."""
    conv = _NTTurtle(prefixes)
    iri, obj = conv.iri, conv.obj
    lines = nt.translate(_KEY_IN).split(b" .\n")
    lines.sort()
    body: list[bytes] = []
    groups: list[tuple[bytes, list[bytes]]] = []
    objects: list[bytes] = []
    last = last_s = last_p = None
    for line in lines:
        if line == last or not line:
            continue
        last = line
        s, p, o = line.split(b" ", 2)
        if p != last_p or s != last_s:
            if s != last_s:
                if groups:
                    body.append(_subject_block(last_s, groups, iri, obj))   # type: ignore[arg-type]
                groups = []
                last_s = s
            objects = []
            groups.append((p, objects))
            last_p = p
        objects.append(o)
    if groups:
        body.append(_subject_block(last_s, groups, iri, obj))   # type: ignore[arg-type]
    head = [f"@prefix {p}: <{prefixes[p]}> .".encode() for p in sorted(conv.terms.used)]
    return b"\n".join(head) + (b"\n\n" if head else b"") + b"\n".join(body) + b"\n"


def _subject_block(s: bytes, groups: list[tuple[bytes, list[bytes]]], iri: Callable[[bytes], bytes],
                   obj: Callable[[bytes], bytes]) -> bytes:
    """``s p o1 , o2 ;`` lines of one subject, rdf:type first (the others are in sort order)."""
    parts = []
    for p, tokens in groups:
        # the line sort puts literals first and compares a literal's ">" as \x01; _term_key puts IRIs first
        # and compares literals as written: the rare group where that differs is sorted again
        if len(tokens) > 1 and (tokens[0][0] != tokens[-1][0] or any(t[0] == 34 and 1 in t for t in tokens)):
            tokens.sort(key=_object_key)
        line = b" , ".join([obj(t) for t in tokens])
        if p == _TYPE_KEY:
            parts.insert(0, b"a " + line)
        else:
            parts.append(iri(p) + b" " + line)
    subject = iri(s) if s[0] == 60 else s
    return subject + b" " + b" ;\n    ".join(parts) + b" ."


def _object_key(token: bytes) -> tuple[int, bytes]:
    """:func:`_term_key` of an object token: IRIs, then blank nodes, then literals as N-Triples writes them."""
    first = token[0]
    if first == 34:
        return 2, token.translate(_KEY_OUT)
    return (0 if first == 60 else 1), token


# -- JSON-LD ------------------------------------------------------------------------------------------
class _Compactor:
    """IRI -> compact IRI with the context prefixes (only where JSON-LD expands it back exactly)."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.items = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))
        self.cache: dict[str, str] = {}

    def __call__(self, iri: str) -> str:
        hit = self.cache.get(iri)
        if hit is not None:
            return hit
        out = iri
        for prefix, ns in self.items:
            if iri.startswith(ns) and len(iri) > len(ns) and not iri[len(ns) :].startswith("//"):
                out = f"{prefix}:{iri[len(ns) :]}"
                break
        if len(self.cache) < 200_000:
            self.cache[iri] = out
        return out


def _node_ref(term: Any, c: _Compactor) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else c(term.value)


def _value(term: Any, c: _Compactor) -> dict[str, str]:
    if isinstance(term, ox.Literal):
        out = {"@value": term.value}
        if term.language:
            out["@language"] = term.language
        elif term.datatype.value not in (_XSD_STRING, _RDF_LANGSTRING):
            out["@type"] = c(term.datatype.value)
        return out
    return {"@id": _node_ref(term, c)}


def _nodes(triples: list[ox.Quad], c: _Compactor) -> list[dict[str, Any]]:
    nodes: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    last_subject = None
    for t in triples:  # sorted: subjects are contiguous, rdf:type first
        if t.subject != last_subject:
            current = {"@id": _node_ref(t.subject, c)}
            nodes.append(current)
            last_subject = t.subject
        assert current is not None
        if t.predicate == _TYPE and not isinstance(t.object, ox.Literal):
            current.setdefault("@type", []).append(_node_ref(t.object, c))
        else:
            current.setdefault(c(t.predicate.value), []).append(_value(t.object, c))
    return nodes


def jsonld_document(quads: list[ox.Quad], prefixes: dict[str, str]) -> dict[str, Any]:
    """A compacted-style JSON-LD document: @context of prefixes, default graph nodes, named graphs."""
    c = _Compactor(prefixes)
    graphs: dict[str, list[ox.Quad]] = {}
    for q in quads:
        graphs.setdefault(_graph_key(q.graph_name), []).append(q)
    top: list[dict[str, Any]] = _nodes(graphs.pop("", []), c)
    for name in sorted(graphs):
        first = graphs[name][0].graph_name
        top.append({"@id": _node_ref(first, c), "@graph": _nodes(graphs[name], c)})
    return {"@context": dict(sorted(prefixes.items())), "@graph": top}


def jsonld_bytes(quads: list[ox.Quad], prefixes: dict[str, str]) -> bytes:
    """The document with one node object per line: readable, diffable, and written by json's fast
    C encoder (``indent=`` would switch to the pure-Python one, ~10x slower)."""
    doc = jsonld_document(quads, prefixes)

    def dump(obj: Any) -> str:
        return json.dumps(obj, ensure_ascii=False)

    out = ['{"@context": ', json.dumps(doc["@context"], ensure_ascii=False, indent=1), ',\n"@graph": [\n']
    items = []
    for node in doc["@graph"]:
        if "@graph" in node and len(node) == 2:
            inner = ",\n".join("  " + dump(n) for n in node["@graph"])
            items.append(f'{{"@id": {dump(node["@id"])}, "@graph": [\n{inner}\n]}}')
        else:
            items.append(dump(node))
    out.append(",\n".join(items))
    out.append("\n]}\n")
    return "".join(out).encode("utf-8")


# -- atomic files -------------------------------------------------------------------------------------
STDOUT_NAMES = frozenset({"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})


def is_stdout(path: str | os.PathLike[str]) -> bool:
    """Does this ``--out`` mean standard output (``-`` or ``/dev/stdout``)?"""
    return os.fspath(path) in STDOUT_NAMES


def is_regular_target(path: str | os.PathLike[str]) -> bool:
    """Will :func:`atomic_write` leave a regular file at ``path`` that can be read back afterwards?"""
    if is_stdout(path):
        return False
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return True
    except OSError:
        return False


def _new_file_mode(target: Path) -> int:
    """The mode a replacement keeps: the old file's, else what the umask gives a new file (as cp does)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write(path: str | os.PathLike[str], write: Callable[[IO[bytes]], None]) -> Path:
    """Call ``write(fh)`` on a temp file next to ``path``, fsync it, then rename it over ``path``.

    A crash or error leaves the old file (or none), never a half-written one.  What the user gave is
    never destroyed: ``-`` and ``/dev/stdout`` write to standard output; a symlink is followed and its
    target replaced (the link stays); a FIFO or character device (a pipe, a terminal, ``/dev/null``) and
    anything under ``/dev`` or ``/proc`` is written through, as a shell redirection would; a folder,
    socket or block device is refused with a :class:`UserError`.  New files get the umask's mode.
    """
    from graph.errors import UserError

    if is_stdout(path):
        sys.stdout.flush()
        write(sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return Path(os.fspath(path))
    path = Path(path)
    try:
        info: os.stat_result | None = os.stat(path)   # follows symlinks
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISDIR(info.st_mode):
            raise UserError(f"{path}: is a folder; give a file name")
        if not (stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)):
            raise UserError(f"{path}: is a socket or block device, not a file; refusing to write to it")
        with open(path, "wb") as fh:   # a pipe or device: written through, never renamed over
            write(fh)
        return path
    if os.path.abspath(path).startswith(("/proc/", "/dev/")):   # /dev/stderr, /dev/fd/3 onto a file
        with open(path, "wb") as fh:
            write(fh)
        return path
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    folder = target.parent if str(target.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    mode = _new_file_mode(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, mode)   # mkstemp makes 0600; the output is the user's, shared as their umask says
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    return path


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    return atomic_write(path, lambda fh: fh.write(data))
