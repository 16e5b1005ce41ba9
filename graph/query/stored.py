"""Stored queries: ``.rq`` files whose leading comment block says what they are.

```
# title: Các quan chức và chức vụ / Officials and their positions
# description: ... (vi / en)
#   an indented comment line continues the previous field
# param: person  IRI or name of the person (optional)
# lookup: person        (the parameters bound as dt:key lookups: graph.query.params)
# page-by: source       (a page is read from windows of articles: graph.query.run)
# example: dantoc-kg query queries/officials.rq --graph out/graph.ttl
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import UserError

_FIELD = re.compile(r"#\s*(title|description|param|lookup|page-by|example)\s*:\s?(.*)\Z", re.I)
_CONTINUATION = re.compile(r"#\s{2,}(\S.*)\Z")


@dataclass(frozen=True)
class QueryParam:
    """A parameter a stored query accepts (``# param: name  description``)."""

    name: str
    description: str = ""

    @property
    def optional(self) -> bool:
        return "optional" in self.description.lower() or "tùy chọn" in self.description.lower()


@dataclass(frozen=True)
class StoredQuery:
    """A ``.rq`` file and its header."""

    name: str
    path: Path
    title: str = ""
    description: str = ""
    params: tuple[QueryParam, ...] = ()
    example: str = ""
    text: str = field(default="", repr=False)

    @property
    def param_names(self) -> list[str]:
        return [p.name for p in self.params]


def read_query_file(path: str | Path) -> str:
    path = Path(path)
    if not path.is_file():
        raise UserError(f"{path}: no such query file")
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(f"{path}: not UTF-8 text ({exc.reason})") from None


def parse_header(text: str) -> dict[str, list[str]]:
    """The ``# key: value`` fields of the leading comment block (continuation lines joined)."""
    fields: dict[str, list[str]] = {}
    last: str | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        m = _FIELD.match(line)
        if m:
            last = m.group(1).lower()
            fields.setdefault(last, []).append(m.group(2).strip())
            continue
        c = _CONTINUATION.match(raw.lstrip())
        if c and last is not None:
            fields[last][-1] = f"{fields[last][-1]} {c.group(1).strip()}".strip()
        else:
            last = None
    return fields


def load_stored_query(path: str | Path) -> StoredQuery:
    """Read a ``.rq`` file and its header."""
    path = Path(path)
    text = read_query_file(path)
    fields = parse_header(text)
    params = []
    for spec in fields.get("param", []):
        name, _, desc = spec.partition(" ")
        name = name.strip().lstrip("?$")
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise UserError(f"{path}: bad '# param:' line {spec!r} (want: # param: name  description)")
        params.append(QueryParam(name, desc.strip()))
    return StoredQuery(
        name=path.stem,
        path=path,
        title=" ".join(fields.get("title", [])),
        description=" ".join(fields.get("description", [])),
        params=tuple(params),
        example="\n".join(fields.get("example", [])),
        text=text,
    )


def list_queries(folder: str | Path) -> list[StoredQuery]:
    """The stored queries of a folder (``*.rq``), sorted by name."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(f"{folder}: no such folder of queries")
    return [load_stored_query(p) for p in sorted(folder.glob("*.rq"))]


def default_queries_folder() -> Path:
    """``./queries`` when it exists, else the queries shipped with the package (or the repo's)."""
    here = Path("queries")
    if here.is_dir():
        return here
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_bundled" / "queries", package.parent / "queries"):
        if candidate.is_dir():
            return candidate
    return here


def find_query(name_or_path: str) -> Path | None:
    """A ``.rq`` path as given, or a stored query's name looked up in the default folder."""
    path = Path(name_or_path)
    if path.is_file():
        return path
    if re.fullmatch(r"[A-Za-z0-9_.\-]+", name_or_path):
        stem = name_or_path[:-3] if name_or_path.endswith(".rq") else name_or_path
        candidate = default_queries_folder() / f"{stem}.rq"
        if candidate.is_file():
            return candidate
    return None
