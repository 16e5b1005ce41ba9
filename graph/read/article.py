"""The reading stage's result: one clean article, the string every later offset counts on."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date


@dataclass
class Article:
    source: str              # file name without extension (e.g. "004_7009c7100f5f86cf")
    text: str                # cleaned NFC article text; ALL later offsets count on this string
    title: str | None
    published: date | None   # publication date of the article
    authors: list[str] = field(default_factory=list)  # bylines, NFC, honorifics removed, title-cased
    path: str | None = None
    url: str | None = None   # canonical URL when an HTML page says it (<link rel=canonical>, og:url)
    portal: str | None = None  # the site/publisher name if stated
    sha1: str = ""           # sha1 hex of the raw input (the file's bytes): the article's identity
    text_sha1: str = ""      # sha1 hex of `text` (UTF-8): the same content read from differently encoded files

    def __post_init__(self) -> None:
        # The identity is the raw input's, not the cleaned text's: cleaning code changes, a file's bytes do
        # not, so the article, its sentences and facts keep their IRIs when the reader improves.  A caller
        # without raw bytes (an Article made in code) gets the text's digest.
        self.text_sha1 = hashlib.sha1(self.text.encode("utf-8")).hexdigest()
        if not self.sha1:
            self.sha1 = self.text_sha1


class ReadError(Exception):
    """An input that cannot give an article; ``reason`` says why in words a person understands."""

    def __init__(self, path: str | None, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}" if path else reason)
