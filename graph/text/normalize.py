"""Unicode and spelling normalisation for Vietnamese.

Every string entering the pipeline is NFC.  For *matching* (keys, IRIs, dedup) we fold further:
case, the old/new tone placement (Thuỷ/Thủy, Hoà/Hòa) and the Ð (eth) sometimes typed for Đ.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

# old-style tone placement -> new (the form the eval scorer and most portals use):
# "hoà" -> "hòa", "thuỷ" -> "thủy", but only in an open syllable ("hoàn" is the same in both
# styles) and never after "q" ("quý" keeps its tone on y: qu- is one consonant).
_OLD_TONE = re.compile(r"(?<![qQ])([oO])([àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ])(?![^\W\d_])|(?<![qQ])([uU])([ỳýỷỹỵỲÝỶỸỴ])(?![^\W\d_])")
_O_TONED = {"à": "ò", "á": "ó", "ả": "ỏ", "ã": "õ", "ạ": "ọ", "è": "ò", "é": "ó", "ẻ": "ỏ", "ẽ": "õ", "ẹ": "ọ"}
_U_TONED = {"ỳ": "ù", "ý": "ú", "ỷ": "ủ", "ỹ": "ũ", "ỵ": "ụ"}
_STRIP = {"à": "a", "á": "a", "ả": "a", "ã": "a", "ạ": "a", "è": "e", "é": "e", "ẻ": "e", "ẽ": "e", "ẹ": "e",
          "ỳ": "y", "ý": "y", "ỷ": "y", "ỹ": "y", "ỵ": "y"}
_SPACE = re.compile(r"\s+")


_ZERO_WIDTH_RE = re.compile("[\u200b-\u200f\ufeff\u00ad]")
_OLD_TONE_CHARS = re.compile("[àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ]")


def nfc(text: str) -> str:
    """NFC, zero-width marks removed, Ð (eth, U+00D0) read as Đ.  (Fast paths: this runs on every token.)"""
    if text.isascii():
        return text
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _ZERO_WIDTH_RE.search(text):
        text = _ZERO_WIDTH_RE.sub("", text)
    if "\u00d0" in text or "\u00f0" in text:
        text = text.replace("\u00d0", "Đ").replace("\u00f0", "đ")
    return text


def _case(like: str, ch: str) -> str:
    return ch.upper() if like.isupper() else ch


def _move_tone(m: re.Match[str]) -> str:
    if m.group(1):
        first, vowel, table = m.group(1), m.group(2), _O_TONED
    else:
        first, vowel, table = m.group(3), m.group(4), _U_TONED
    low = vowel.lower()
    return _case(first, table[low]) + _case(vowel, _STRIP[low])


def unify_tones(text: str) -> str:
    """Old tone placement -> new, keeping case: Hoà -> Hòa, Thuỷ -> Thủy, HOÀ -> HÒA; Quý unchanged."""
    if text.isascii():
        return text
    if len(text) > 200:
        return _unify_long(text)
    if not _OLD_TONE_CHARS.search(text):
        return text
    return _OLD_TONE.sub(_move_tone, text)


@lru_cache(maxsize=8)
def _unify_long(text: str) -> str:
    """An article's whole text is unified by several extractors in turn (provinces, bodies, people):
    the last few answers are kept (a str caches its hash, so a hit costs no rescan)."""
    if not _OLD_TONE_CHARS.search(text):
        return text
    return _OLD_TONE.sub(_move_tone, text)


def clean_space(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def fold(text: str) -> str:
    """Matching form: NFC, new-style tones, case-folded, single spaces."""
    if len(text) <= 40:
        return _fold_short(text)
    return clean_space(unify_tones(nfc(text)).casefold())


@lru_cache(maxsize=65536)
def _fold_short(text: str) -> str:
    return clean_space(unify_tones(nfc(text)).casefold())


@lru_cache(maxsize=65536)
def ascii_fold(text: str) -> str:
    """Vietnamese without diacritics (đ -> d), lower case: for readable IRI slugs only."""
    text = nfc(text).replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


_SLUG_DROP = re.compile(r"[^a-z0-9]+")


def slug(text: str, max_len: int = 60) -> str:
    """Readable ASCII slug: 'Ban Dân tộc tỉnh Trà Vinh' -> 'ban-dan-toc-tinh-tra-vinh'."""
    s = _SLUG_DROP.sub("-", ascii_fold(text)).strip("-")
    return s[:max_len].rstrip("-") or "x"


def short_hash(text: str, n: int = 6) -> str:
    """Stable short hash of a key (sha1 of the folded UTF-8), to keep slugs collision-free."""
    return hashlib.sha1(fold(text).encode("utf-8")).hexdigest()[:n]


def title_case_name(text: str) -> str:
    """'HUY ANH' -> 'Huy Anh' (bylines are often upper case)."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in clean_space(text).split(" "))
