"""Query results as plain rows, whatever answered the query (a file, the store or an endpoint).

Terms stay pyoxigraph terms (so the JSON output can say IRI vs literal vs language), and ``rows``
gives the simple view callers want: one dict per solution of ``str`` values or ``None`` when unbound.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def term_value(term: Term | None) -> str | None:
    """The lexical value: IRI string, literal text, blank node id."""
    if term is None:
        return None
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


@dataclass
class Rows:
    """The answer of a query.

    SELECT: ``columns`` and ``terms`` (one list per solution, aligned with ``columns``).
    ASK: ``boolean`` set, no columns.  CONSTRUCT/DESCRIBE: columns ``subject predicate object``.
    """

    columns: list[str]
    terms: list[list[Term | None]] = field(default_factory=list)
    boolean: bool | None = None

    @property
    def rows(self) -> list[dict[str, str | None]]:
        """One ``{column: value-or-None}`` dict per solution, in column order."""
        return [dict(zip(self.columns, map(term_value, row), strict=True)) for row in self.terms]

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self) -> Iterator[dict[str, str | None]]:
        return iter(self.rows)

    @classmethod
    def from_oxigraph(cls, result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> Rows:
        """Materialise a pyoxigraph query result (local store or parsed endpoint answer)."""
        if isinstance(result, ox.QueryBoolean):
            return cls(columns=[], boolean=bool(result))
        if isinstance(result, ox.QueryTriples):
            return cls.from_triples(result)
        columns = [v.value for v in result.variables]
        return cls(columns=columns, terms=[list(solution) for solution in result])

    @classmethod
    def from_triples(cls, triples: Iterable[ox.Triple | ox.Quad]) -> Rows:
        return cls(
            columns=["subject", "predicate", "object"],
            terms=[[t.subject, t.predicate, t.object] for t in triples],
        )

    def extend(self, other: Rows) -> None:
        """Append another page of the same query."""
        if other.columns != self.columns:
            raise ValueError(f"pages disagree on columns: {self.columns} vs {other.columns}")
        self.terms.extend(other.terms)
