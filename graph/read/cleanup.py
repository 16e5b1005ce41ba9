"""Character- and line-level normalisation shared by plain text and HTML-derived text.

NFC, one kind of newline and space, stripped lines, at most one blank line, and words re-joined where a
saved page broke a single capital letter off its word ("Đ\\nồng chí" -> "Đồng chí").  Idempotent.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\x0b\x0c]+")
# controls, replacement characters and zero-width marks (what graph.text.normalize.nfc drops, done with one
# regex: str.translate with a dict is the slowest step on long texts)
_CONTROLS = re.compile(
    r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\ufffe\uffff\u2028\u2029\u200b-\u200f\ufeff\u00ad]")
_BLANKS = re.compile(r"\n{3,}")
# a capital letter alone on its line, then (after at most one blank line) a line going on in lower case
_BROKEN_LETTER = re.compile(r"(?m)^([^\W\d_])\n\n?(?=([^\W\d_]))")


def _join_letter(m: re.Match[str]) -> str:
    first, nxt = m.group(1), m.group(2)
    if first.isupper() and nxt.islower():
        return first
    return m.group(0)


def clean_text(text: str) -> str:
    """The canonical article string: NFC, LF newlines, single spaces, stripped lines, <= 1 blank line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _CONTROLS.sub("", _nfc(text))
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    # blank lines collapse first, so that a second cleaning finds nothing more to join (idempotence)
    text = _BLANKS.sub("\n\n", text)
    text = _BROKEN_LETTER.sub(_join_letter, text).strip()
    # NFC again: joining a letter to its word may create a composable pair
    return _nfc(text)


def _nfc(text: str) -> str:
    """NFC with Ð (eth) read as Đ, as graph.text.normalize.nfc does."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        if "\u00d0" in text or "\u00f0" in text:
            text = text.replace("\u00d0", "Đ").replace("\u00f0", "đ")
    return text
