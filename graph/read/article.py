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
    sha1: str = ""           # sha1 hex of `text` (UTF-8): identity of the article's content

    def __post_init__(self) -> None:
        # the identity is always the text's: computed here so no caller can forget or fake it
        self.sha1 = hashlib.sha1(self.text.encode("utf-8")).hexdigest()


class ReadError(Exception):
    """An input that cannot give an article; ``reason`` says why in words a person understands."""

    def __init__(self, path: str | None, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}" if path else reason)
