"""Query parameters bound safely: ``--param name=value`` -> an RDF term -> ``VALUES ?name { term }``.

The user's text never reaches the query as text: it becomes a pyoxigraph term first, and the term's
own N-Triples serialisation (which escapes quotes, backslashes and newlines) is what gets inserted.
A value like ``"} ; DROP ALL #`` therefore only changes the string being matched.

Value syntax:
* ``<http://...>`` or a bare ``http(s)://...`` without spaces -> IRI
* ``prefix:local`` with a prefix known to the profile or declared in the query -> IRI
* ``lexical^^<datatype>`` or ``lexical^^xsd:date`` -> typed literal (``"lexical"^^...`` also accepted)
* ``"text"@vi`` -> language-tagged literal
* anything else -> a plain ``xsd:string`` literal of exactly that text (NFC-normalised); quotes
  are part of the value (write ``"..."^^xsd:string`` for a value that itself contains ``^^``)

The VALUES block goes at the start of the query's outermost WHERE group, on the same line, so
FILTERs in that group see the binding and parser line numbers still match the file.

Two header conventions of stored queries make a name parameter an index lookup:
* ``# lookup: name body`` — these parameters are bound folded by :func:`graph.text.lookup.lookup_key`
  (the folding the mapping writes as ``dt:key``), so ``?x dt:key ?name`` is an exact join, whatever
  case and tones the user typed, and on a remote endpoint too (the folding happens here, in Python);
* a line ending in ``# if: name`` is kept only when ``name`` is given (blanked otherwise, so line
  numbers stay), so an optional parameter adds its lookup pattern only when there is something to
  look up.  Such a line is a whole element of a group, and the parameter's ``VALUES`` is also put in
  front of it: a lookup written inside a sub-SELECT (a tenure's dates grouped per membership) then
  restricts that sub-SELECT, where the outermost ``VALUES`` could not reach (a sub-SELECT's variables
  are its own; Oxigraph evaluated the whole grouping at 100k reports, 28 s, before joining one body).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pyoxigraph as ox

from graph.errors import UserError
from graph.query.stored import parse_header
from graph.store.prefixes import PREFIXES
from graph.text.lookup import lookup_key
from graph.text.normalize import nfc

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_CURIE = re.compile(r"([A-Za-z][A-Za-z0-9_.\-]*)?:([^\s<>\"{}|^`\\]*)\Z")
_LANG = re.compile(r'"(.*)"@([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)\Z', re.S)
_BARE_IRI = re.compile(r"https?://[^\s<>\"{}|^`\\]+\Z")
_PREFIX_DECL = re.compile(r"PREFIX\s+([A-Za-z][\w.\-]*)?:\s*<([^>]*)>", re.I)

_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
               |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][A-Za-z0-9_\u00b7-\uffff]+)
  | (?P<word>[A-Za-z_][A-Za-z0-9_\-]*)
  | (?P<punct>[{}()])
  | (?P<other>[^\s])
  | (?P<space>\s+)
    """,
    re.X | re.S,
)


@dataclass(frozen=True)
class QueryShape:
    """What a light scan of the query text tells: its form, variables, and where WHERE opens."""

    form: str | None  # SELECT, CONSTRUCT, ASK, DESCRIBE
    variables: frozenset[str]
    where_open: int | None  # index just after the '{' opening the outermost WHERE group
    prefixes: dict[str, str]


def scan(query: str) -> QueryShape:
    """Tokenise just enough (comments, strings, IRIs, braces) to find the WHERE group safely."""
    form: str | None = None
    variables: set[str] = set()
    depth = parens = 0
    where_open: int | None = None
    in_template = False
    after_form: list[str] = []
    for m in _TOKEN.finditer(query):
        kind = m.lastgroup
        text = m.group()
        if kind in ("comment", "space", "string", "iri"):
            continue
        if kind == "var":
            variables.add(text[1:])
            continue
        if (
            kind == "word"
            and depth == 0
            and form is None
            and text.upper() in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")
        ):
            form = text.upper()
            continue
        if form is not None and depth == 0 and parens == 0 and len(after_form) < 2:
            after_form.append(text.upper())
        if text == "(":
            parens += 1
        elif text == ")":
            parens -= 1
        elif text == "{":
            if depth == 0 and parens == 0 and form is not None and where_open is None:
                if form == "CONSTRUCT" and after_form[:1] == ["{"]:
                    in_template = True  # CONSTRUCT { template } WHERE { ... }
                elif form == "CONSTRUCT" and after_form[:1] == ["WHERE"] and not in_template:
                    where_open = -1  # the short form: no room for VALUES
                else:
                    where_open = m.end()
            depth += 1
        elif text == "}":
            depth -= 1
            if depth == 0 and in_template:
                in_template = False
                after_form = ["}"]
    prefixes = {m.group(1) or "": m.group(2) for m in _PREFIX_DECL.finditer(query)}
    return QueryShape(form, frozenset(variables), where_open, prefixes)


def _iri(text: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(text)
    except ValueError as exc:
        raise UserError(f"not a valid IRI: {text!r} ({exc})") from None


def _curie(text: str, prefixes: Mapping[str, str]) -> ox.NamedNode | None:
    m = _CURIE.match(text)
    if not m or (m.group(1) or "") not in prefixes:
        return None
    return _iri(prefixes[m.group(1) or ""] + m.group(2))


def to_term(value: str, prefixes: Mapping[str, str] | None = None) -> ox.NamedNode | ox.Literal:
    """Read a ``--param`` value as an RDF term (see the module docstring for the syntax)."""
    known = {**PREFIXES, **(prefixes or {})}
    stripped = value.strip()
    if stripped.startswith("<") and stripped.endswith(">"):
        return _iri(stripped[1:-1])
    if _BARE_IRI.match(stripped):
        return _iri(stripped)
    if "^^" in value:
        lexical, _, datatype = value.rpartition("^^")
        datatype = datatype.strip()
        if datatype.startswith("<") and datatype.endswith(">"):
            dt = _iri(datatype[1:-1])
        else:
            dt = _curie(datatype, known)
            if dt is None:
                raise UserError(f"unknown datatype {datatype!r} in {value!r} (use <IRI> or xsd:...)")
        if len(lexical) >= 2 and lexical[0] == lexical[-1] == '"':
            lexical = lexical[1:-1]
        return ox.Literal(nfc(lexical), datatype=dt)
    m = _LANG.match(stripped)
    if m:
        try:
            return ox.Literal(nfc(m.group(1)), language=m.group(2))
        except ValueError as exc:
            raise UserError(f"bad language tag in {value!r}: {exc}") from None
    curie = _curie(stripped, known)
    if curie is not None:
        return curie
    return ox.Literal(nfc(value))


def parse_assignments(pairs: Iterable[str]) -> dict[str, list[str]]:
    """``["name=value", ...]`` -> ``{name: [values]}``; a name given twice gets both values."""
    out: dict[str, list[str]] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not _NAME.match(name):
            raise UserError(f"--param wants name=value with a SPARQL variable name, got {pair!r}")
        out.setdefault(name, []).append(value)
    return out


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _sparql_term(term: ox.NamedNode | ox.Literal) -> str:
    """The term as SPARQL text; non-ASCII plain strings say ``^^xsd:string`` out loud.

    Same value in SPARQL 1.1, but Virtuoso 7.2 reads an untagged non-ASCII constant as a narrow string
    that never equals its stored UTF-8 text ("Hiếu" matched nothing), while the typed form works.
    """
    text = str(term)
    if isinstance(term, ox.Literal) and term.datatype.value == _XSD_STRING and not term.value.isascii():
        return f"{text}^^<{_XSD_STRING}>"
    return text


_IF_GIVEN = re.compile(r"^(?P<code>[^#\n]*\S[^\n]*?)#\s*if:\s*(?P<name>[A-Za-z_][A-Za-z0-9_]*)[ \t]*$", re.M)


def keep_given(query: str, given: Iterable[str]) -> str:
    """Blank the lines ending in ``# if: NAME`` whose parameter is not given (see the module docstring)."""
    names = set(given)
    return _IF_GIVEN.sub(lambda m: m.group(0) if m.group("name") in names else "", query)


def lookup_params(query: str) -> set[str]:
    """The parameters a stored query's ``# lookup:`` header line says are bound as folded keys."""
    names: set[str] = set()
    for line in parse_header(query).get("lookup", []):
        for word in line.split():   # the names, then any words about them
            if not _NAME.match(word.lstrip("?$")):
                break
            names.add(word.lstrip("?$"))
    return names


def _lookup_term(term: ox.NamedNode | ox.Literal) -> ox.NamedNode | ox.Literal:
    """A name given as text becomes its ``dt:key`` form; an IRI stays an IRI (it names no key)."""
    return ox.Literal(lookup_key(term.value)) if isinstance(term, ox.Literal) else term


def bind(
    query: str,
    params: Mapping[str, str | Iterable[str] | ox.NamedNode | ox.Literal],
    *,
    declared: Iterable[str] | None = None,
) -> str:
    """The query with one ``VALUES ?name { term ... }`` per parameter, built from terms only.

    ``declared`` (the stored query's ``# param:`` names) limits which names are accepted; else
    a parameter must be a variable of the query.  Unknown names are a :class:`UserError`.
    """
    query = keep_given(query, params or ())
    if not params:
        return query
    shape = scan(query)
    folded = lookup_params(query)
    allowed = set(declared) if declared is not None else set(shape.variables)
    for name in params:
        if name not in allowed:
            listed = ", ".join(sorted(allowed)) or "none"
            raise UserError(f"unknown parameter {name!r} (this query takes: {listed})")
    if shape.where_open is None:
        raise UserError("cannot bind parameters: no WHERE { ... } group found in the query")
    if shape.where_open < 0:
        raise UserError(
            "cannot bind parameters in a 'CONSTRUCT WHERE' short form: write CONSTRUCT { ... } WHERE { ... }"
        )
    blocks: dict[str, str] = {}
    for name, raw in params.items():
        values = [raw] if isinstance(raw, str | ox.NamedNode | ox.Literal) else list(raw)
        terms = [
            v if isinstance(v, ox.NamedNode | ox.Literal) else to_term(v, shape.prefixes) for v in values
        ]
        if name in folded:
            terms = [_lookup_term(t) for t in terms]
        blocks[name] = f"VALUES ?{name} {{ {' '.join(map(_sparql_term, terms))} }}"
    query = _IF_GIVEN.sub(lambda m: _values_before(m, blocks), query)
    pos = scan(query).where_open
    assert pos is not None and pos >= 0   # the '# if:' lines added group elements only
    return f"{query[:pos]} {' '.join(blocks.values())} {query[pos:]}"


def _values_before(m: re.Match[str], blocks: Mapping[str, str]) -> str:
    """A kept ``# if: name`` line with the parameter's VALUES in front of its code (same line)."""
    block = blocks.get(m.group("name"))
    if block is None:
        return m.group(0)
    indent = len(m.group(0)) - len(m.group(0).lstrip())
    return f"{m.group(0)[:indent]}{block} {m.group(0)[indent:]}"
