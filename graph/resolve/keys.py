"""Keys for the nodes that are not bodies or places: people, documents, memberships, events.

Keys are made of normalised, ASCII-safe parts only (slug + short hash of the folded original), so the
same thing gets the same IRI in every article and every run, and no article text can inject IRI syntax.
"""

from __future__ import annotations

import hashlib

from graph.extract.facts import OrgRef
from graph.text.normalize import fold, short_hash, slug


def article_id(sha1: str) -> str:
    return sha1[:16]


def article_scope(sha1: str) -> str:
    """Scope for nodes whose province is unknown: never merged across articles."""
    return "a-" + sha1[:8]


def person_key(name: str, scope: str) -> str:
    return f"{scope}/{slug(name, 40)}-{short_hash(name)}"


def document_key(number: str, scope: str, kind: str = "") -> str:
    """A number with an agency code (12/NQ-CP, 14-CT/TU) names one document in its scope; a bare number
    ("nghị định 48", "quyết định 48") does not, so its key carries the kind too."""
    folded = fold(number).replace("đ", "d")
    if kind and not any(ch.isalpha() for ch in number):
        kind_part = slug(fold(kind).replace("đ", "d"), 30)
        return f"{scope}/{kind_part}-{slug(folded, 60)}-{short_hash(kind + ' ' + number, 4)}"
    return f"{scope}/{slug(folded, 60)}-{short_hash(number, 4)}"


def document_scope(issuer: OrgRef | None, number: str, article_scope_: str) -> str:
    if issuer is not None:
        if issuer.national:
            return "vn"
        if issuer.province:
            return issuer.province
        return article_scope_
    # national numbering carries the year and an agency code: 88/2019/QH14, 01/2021/TT-UBDT
    return "vn" if number.count("/") >= 2 else article_scope_


def digest(*parts: str, n: int = 8) -> str:
    return hashlib.sha1("\x1f".join(fold(p) for p in parts).encode("utf-8")).hexdigest()[:n]

