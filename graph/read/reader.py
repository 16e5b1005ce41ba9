"""Any report file -> one clean :class:`Article` (the public entry points of the reading stage)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from graph.read.article import Article, ReadError
from graph.read.boilerplate import split_boilerplate
from graph.read.cleanup import clean_text, unescape_entities
from graph.read.encoding import decode
from graph.read.html import looks_like_html, parse_html
from graph.read.large import TooLarge, strip_heavy_parts
from graph.read.metadata import read_metadata

SUFFIXES = (".txt", ".html", ".htm")
# title, date and bylines sit at an article's top or bottom: metadata of a runaway text (megabytes,
# perhaps in one unpunctuated line) is read from its head and end only, so reading stays linear
_META_HEAD = _META_END = 50_000
_HTML_SUFFIXES = (".html", ".htm")


def read_text(raw: str, source: str, *, html: bool | None = None, path: str | None = None,
              raw_sha1: str | None = None) -> Article:
    """The article in ``raw`` (plain text or a saved HTML page; ``html=None`` sniffs which).

    ``raw_sha1`` is the digest of the file's bytes (read_file passes it); without it the article's
    identity is the digest of ``raw`` as given (UTF-8), which no cleaning step touches either."""
    if not isinstance(raw, str):
        raise ReadError(path, "input is not text")
    if raw_sha1 is None:
        raw_sha1 = hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()
    if not raw.strip():
        raise ReadError(path, "empty article")
    is_html = looks_like_html(raw) if html is None else html
    url = portal = None
    meta_title = meta_published = None
    meta_authors: list[str] = []
    full = ""
    if is_html:
        page = parse_html(raw)
        text = clean_text(page.text)
        if not any(ch.isalpha() for ch in text):
            raise ReadError(path, "no article text (the page holds only markup, scripts or menus)")
        url, portal, full = page.url, page.portal, clean_text(page.full_text)
        meta_title, meta_published, meta_authors = page.title, page.published, page.authors
    else:
        text = clean_text(unescape_entities(raw))
        if not text:
            raise ReadError(path, "empty article")
        if not any(ch.isalpha() for ch in text):   # 200k commas, a page of digits: no words, no article
            raise ReadError(path, "no article text (no words, only digits or punctuation)")
    _head, body, tail = split_boilerplate(text)
    if not any(ch.isalpha() for ch in body):   # the split left no words (a lone head line over digits): keep it all
        body = text
    meta = read_metadata(_head_and_end(body), tail + "\n" + _head_and_end(full))
    authors = list(dict.fromkeys([*meta.authors, *meta_authors]))
    title = clean_text(meta_title) if meta_title else meta.title
    return Article(
        source=source, text=body, title=title or None, published=meta_published or meta.published,
        authors=authors, path=path, url=url, portal=portal or meta.portal, sha1=raw_sha1,
    )


def _head_and_end(text: str) -> str:
    if len(text) <= _META_HEAD + _META_END:
        return text
    return text[:_META_HEAD] + "\n" + text[-_META_END:]


def read_file(path: Path, max_bytes: int = 20_000_000) -> Article:
    """Read one .txt/.html file; every unusable input raises :class:`ReadError` with a clear reason."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ReadError(str(path), "not a file")
        suffix_html = path.suffix.lower() in _HTML_SUFFIXES
        data = _oversized(path, size, max_bytes, suffix_html) if size > max_bytes else path.read_bytes()
        digest = _file_sha1(path) if size > max_bytes else hashlib.sha1(data).hexdigest()
    except OSError as e:
        raise ReadError(str(path), f"cannot read file ({e.strerror or e})") from e
    if not data.strip():
        raise ReadError(str(path), "empty article")
    try:
        raw, _encoding = decode(data, html=suffix_html or data.lstrip()[:1] == b"<")
    except ReadError as e:
        raise ReadError(str(path), e.reason) from None
    html = True if suffix_html else None
    try:
        return read_text(raw, path.stem, html=html, path=str(path), raw_sha1=digest)
    except ReadError as e:
        raise ReadError(str(path), e.reason) from None


def _file_sha1(path: Path) -> str:
    """The digest of a whole (large) file, read in blocks: the identity of what was saved, not of the part kept."""
    h = hashlib.sha1()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _oversized(path: Path, size: int, max_bytes: int, suffix_html: bool) -> bytes:
    too_big = f"file too large ({size:,} bytes; the limit is {max_bytes:,})"
    with path.open("rb") as f:
        head = f.read(65536)
    sniffed = suffix_html or looks_like_html(head.decode("utf-8", "ignore")) or \
        looks_like_html(head.decode("utf-16", "ignore"))
    if not sniffed:
        raise ReadError(str(path), too_big)
    try:
        return strip_heavy_parts(path, max_bytes)
    except TooLarge:
        raise ReadError(str(path), too_big + ", even without its scripts and styles") from None


def _walk(folder: Path) -> Iterator[Path]:
    """The report files under ``folder``; symlinked folders are followed, each real folder entered once
    (a link back up the tree is a cycle, not an endless walk)."""
    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(folder, followlinks=True):
        try:
            info = os.stat(root)
        except OSError:
            dirs[:] = []
            continue
        if (info.st_dev, info.st_ino) in seen:
            dirs[:] = []
            continue
        seen.add((info.st_dev, info.st_ino))
        dirs.sort()
        for name in files:
            child = Path(root) / name
            if child.suffix.lower() in SUFFIXES and not name.startswith(".") and child.is_file():
                yield child


def iter_inputs(paths: Iterable[Path]) -> Iterator[Path]:
    """Every readable input under ``paths`` (files as given, folders searched recursively for
    .txt/.html/.htm), each once, in sorted order so runs are reproducible."""
    found: set[Path] = set()
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found.update(_walk(p))
        elif p.is_file():
            found.add(p)
        else:
            raise ReadError(str(p), "no such file or folder")
    yield from sorted(found, key=lambda x: str(x))
