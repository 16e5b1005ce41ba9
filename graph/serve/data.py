"""What the web app reads from the graph: labels, kinds, the search index, entity facts, articles.

The store is opened once (a store folder read-only, or a graph file loaded into memory with its
default graph made the de-duplicated union, as ``dantoc-kg query`` does).  Labels, kinds and the
search index are read into memory at start-up, so search and page rendering do not scan the store.
Every IRI from a URL reaches SPARQL only as a pyoxigraph term (``substitutions``), never as text.
"""

from __future__ import annotations

import bisect
import math
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.errors import UserError
from graph.store.prefixes import ID, PREFIXES
from graph.text.normalize import ascii_fold

HEADER = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
ARTICLE_PREFIX = f"{ID}article/"
_CHAR = re.compile(r"#char=(\d+),(\d+)\Z")
_H16 = re.compile(r"[A-Za-z0-9_\-]{1,64}\Z")
_WORD = re.compile(r"[\w/.\-]+")

# kind -> (class CURIEs, Vietnamese name, English name); first kind listed wins for a node typed twice
KINDS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "person": (("foaf:Person", "schema:Person"), "Người", "Person"),
    "body": (("org:Organization",), "Cơ quan", "Body"),
    "document": (("eli:LegalResource", "eli:Work"), "Văn bản", "Document"),
    "programme": (("dt:Programme",), "Chương trình", "Programme"),
    "event": (("eli-dl:Activity", "schema:Event"), "Sự kiện", "Event"),
    "place": (("dt:Province", "dt:District"), "Địa phương", "Place"),
    "article": (("schema:NewsArticle",), "Bài viết", "Article"),
    "post": (("org:Post",), "Chức vụ", "Post"),
    "membership": (("org:Membership",), "Giữ chức vụ", "Position held"),
    "attestation": (("dt:Attestation",), "Bài báo xác nhận chức vụ", "A report's word on a position"),
    "participation": (("eli-dl:Participation",), "Tham gia", "Participation"),
    "award": (("dt:AwardConferral",), "Khen thưởng", "Award"),
    "figure": (("qb:Observation",), "Số liệu", "Figure"),
    "concept": (("skos:Concept",), "Khái niệm", "Concept"),
    "sentence": (("nif:Sentence",), "Câu", "Sentence"),
}
SEARCHABLE = ("person", "body", "document", "programme", "event", "place", "article")
LABEL_PREDICATES = ("foaf:name", "skos:prefLabel", "schema:name", "schema:headline", "eli:id_local",
                    "skos:altLabel", "dt:postTitle", "dt:awardName", "dt:surfaceText")


def expand(curie: str) -> str:
    prefix, _, local = curie.partition(":")
    return PREFIXES[prefix] + local


def search_fold(text: str) -> str:
    """Tone-, case- and đ-insensitive form used by search: 'Kiên Ninh' -> 'kien ninh'."""
    return " ".join(ascii_fold(text).split())


def char_span(iri: str) -> tuple[int, int] | None:
    """(begin, end) of an RFC 5147 ``#char=b,e`` IRI (a sentence or phrase), else None."""
    m = _CHAR.search(iri)
    return (int(m.group(1)), int(m.group(2))) if m else None


def article_of(iri: str) -> str | None:
    """The article IRI a sentence/phrase IRI belongs to."""
    if not iri.startswith(ARTICLE_PREFIX):
        return None
    return iri.split("#", 1)[0]


def article_key(article_iri: str) -> str:
    return article_iri[len(ARTICLE_PREFIX):]


def evidence_url(sentence_iri: str) -> str | None:
    """The reader URL that opens the article on this sentence, highlighted."""
    art, span = article_of(sentence_iri), char_span(sentence_iri)
    if art is None or span is None:
        return None
    return f"/article/{article_key(art)}?hl={span[0]},{span[1]}#s-{span[0]}-{span[1]}"


class QueryTimeout(Exception):
    """The query ran past the time limit."""


@dataclass
class Entry:
    """One searchable thing."""

    iri: str
    kind: str
    label: str
    names: list[str] = field(default_factory=list)   # every label, as written
    folded: str = ""                                 # all names folded, joined by " | "
    weight: float = 0.0                              # how often the graph cites it (ranking)


class GraphData:
    """The open graph and its in-memory indexes."""

    def __init__(self, source: str | Path, *, timeout: float = 10.0) -> None:
        self.source = str(source)
        self.timeout = timeout
        self.store = self._open(Path(source))
        started = time.perf_counter()
        self.kinds: dict[str, str] = {}
        self.labels: dict[str, str] = {}
        self.entries: dict[str, Entry] = {}
        self._load_index()
        self._build_search()
        self._position = {e.iri: i for i, e in enumerate(self._order)}
        self.index_seconds = time.perf_counter() - started

    # ------------------------------------------------------------------ opening
    @staticmethod
    def _open(path: Path) -> ox.Store:
        if not path.exists():
            raise UserError(f"{path}: no such graph file or store folder")
        if path.is_dir():
            try:
                return ox.Store.read_only(str(path))
            except (OSError, ValueError) as exc:
                raise UserError(f"{path}: cannot open the store: {exc}") from None
        from graph.query.run import deduplicated_union
        from graph.store.files import load_dataset

        return deduplicated_union(load_dataset(path))

    # ------------------------------------------------------------------ querying
    def select(self, body: str, this: str | None = None, *, deadline: float | None = None,
               **terms: str) -> list[dict[str, Any]]:
        """Rows of a SELECT (prefixes added) as dicts of pyoxigraph terms; ``this`` and ``terms``
        are IRIs bound as terms (``?this``, ``?name``), never pasted into the text."""
        from graph.query.params import bind

        bound: dict[str, ox.NamedNode] = {name: ox.NamedNode(value) for name, value in terms.items()}
        if this is not None:
            bound["this"] = ox.NamedNode(this)
        result = self.store.query(bind(HEADER + body, bound) if bound else HEADER + body)
        names = [v.value for v in result.variables]
        limit = deadline or time.monotonic() + self.timeout
        out = []
        for i, row in enumerate(result):
            if i % 256 == 0 and time.monotonic() > limit:
                raise QueryTimeout(f"the query ran over the {self.timeout:g} s limit")
            out.append({n: row[n] for n in names})
        return out

    # ------------------------------------------------------------------ index
    def _load_index(self) -> None:
        """Kinds, labels, weights and search entries of everything (no time limit: read once, at start)."""
        for kind, (classes, _, _) in KINDS.items():
            values = " ".join(classes)
            for row in self.select(f"SELECT DISTINCT ?s WHERE {{ VALUES ?c {{ {values} }} ?s a ?c }}", deadline=math.inf):
                s = row["s"]
                if isinstance(s, ox.NamedNode) and s.value not in self.kinds:
                    self.kinds[s.value] = kind
        names: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
        preds = " ".join(LABEL_PREDICATES)
        rank = {expand(p): i for i, p in enumerate(LABEL_PREDICATES)}
        for row in self.select(f"SELECT ?s ?p ?l WHERE {{ VALUES ?p {{ {preds} }} ?s ?p ?l }}", deadline=math.inf):
            s, lit = row["s"], row["l"]
            if not isinstance(s, ox.NamedNode) or not isinstance(lit, ox.Literal):
                continue
            lang = lit.language or ""
            names[s.value].append((rank[row["p"].value] * 3 + (0 if lang == "vi" else 1 if not lang else 2),
                                   lit.value, lang))
        for iri, found in names.items():
            found.sort()
            self.labels[iri] = found[0][1]
        # a tenure is named by its post (by a title as written when its body is unknown)
        for row in self.select("""SELECT ?m (MIN(STR(COALESCE(?post, ?title))) AS ?l) WHERE { ?m a org:Membership .
                OPTIONAL { ?m dt:post/skos:prefLabel ?post } OPTIONAL { ?m dt:attestation/dt:postTitle ?title } }
                GROUP BY ?m""", deadline=math.inf):
            if isinstance(row["m"], ox.NamedNode) and isinstance(row.get("l"), ox.Literal):
                self.labels.setdefault(row["m"].value, row["l"].value)
        weights: dict[str, int] = {}
        for row in self.select("SELECT ?s (COUNT(?e) AS ?n) WHERE { ?s prov:wasInfluencedBy ?e } GROUP BY ?s", deadline=math.inf):
            weights[row["s"].value] = int(row["n"].value)
        for row in self.select("SELECT ?s (COUNT(?a) AS ?n) WHERE { ?a schema:mentions ?s } GROUP BY ?s", deadline=math.inf):
            weights[row["s"].value] = weights.get(row["s"].value, 0) + 2 * int(row["n"].value)
        for iri, kind in self.kinds.items():
            if kind not in SEARCHABLE:
                continue
            written = list(dict.fromkeys(v for _, v, _ in sorted(names.get(iri, []))))
            label = self.labels.get(iri) or iri.rsplit("/", 1)[-1]
            if kind == "article":
                written.append(iri.rsplit("/", 1)[-1])
            folded = " | ".join(search_fold(n) for n in written or [label])
            self.entries[iri] = Entry(iri, kind, label, written, folded, math.log1p(weights.get(iri, 0)))
        for row in self.select("SELECT ?a ?id WHERE { ?a a schema:NewsArticle ; dcterms:identifier ?id }", deadline=math.inf):
            entry = self.entries.get(row["a"].value)
            if entry is not None:
                entry.names.append(row["id"].value)
                entry.folded += " | " + search_fold(row["id"].value)

    def label(self, iri: str | None) -> str:
        if not iri:
            return ""
        return self.labels.get(iri) or iri.rsplit("/", 1)[-1].split("#")[-1]

    def kind(self, iri: str) -> str:
        return self.kinds.get(iri, "other")

    def _build_search(self) -> None:
        """One string of every entry's folded names (one line each): a word is found by ``str.find``
        at C speed and mapped back to its entry by the line's start offset."""
        self._order = list(self.entries.values())
        self._starts: list[int] = []
        lines, at = [], 0
        for e in self._order:
            self._starts.append(at)
            lines.append(e.folded)
            at += len(e.folded) + 1
        self._hay = "\n".join(lines)
        self._words = [" " + re.sub(r"[/|()\-.,]", " ", e.folded) for e in self._order]

    def _candidates(self, word: str) -> set[int]:
        found: set[int] = set()
        hay, starts = self._hay, self._starts
        i = hay.find(word)
        while i >= 0:
            k = bisect.bisect_right(starts, i) - 1
            found.add(k)
            nxt = starts[k + 1] if k + 1 < len(starts) else len(hay)
            i = hay.find(word, nxt)   # one hit per entry is enough
        return found

    def search(self, q: str, *, limit: int = 50, kinds: set[str] | None = None) -> list[dict[str, Any]]:
        """Entries whose names contain every word of ``q`` (folded), best first.

        Score: a name equal to the query, then a name starting with it, then every word at a word
        start, then anywhere; ties broken by how much the graph cites the entry, then by label.
        """
        wanted = search_fold(q)
        words = wanted.split()
        if not words and not kinds:
            return []
        if words:
            rare = max(words, key=len)
            pool = [self._order[k] for k in sorted(self._candidates(rare))]
        else:
            pool = self._order
        scored = []
        for e in pool:
            if kinds and e.kind not in kinds:
                continue
            hay = e.folded
            if not all(w in hay for w in words):
                continue
            names = hay.split(" | ")
            if not words:
                score = 0.0
            elif wanted in names:
                score = 4.0
            elif any(n.startswith(wanted) for n in names):
                score = 3.0
            else:
                ws = self._words[self._position[e.iri]]
                score = 2.0 if all(" " + w in ws for w in words) else 1.0
            scored.append((-(score * 100 + e.weight), e.label, e))
        scored.sort(key=lambda t: (t[0], t[1]))
        return [{"iri": e.iri, "kind": e.kind, "label": e.label,
                 "names": [n for n in e.names if n != e.label][:4], "url": entity_url(e.iri)}
                for _, _, e in scored[:limit]]


def entity_url(iri: str) -> str:
    from urllib.parse import quote

    if iri.startswith(ARTICLE_PREFIX) and "#" not in iri:
        return f"/article/{quote(article_key(iri))}"
    return f"/entity?iri={quote(iri, safe='')}"


def valid_article_key(key: str) -> bool:
    return bool(_H16.match(key))
