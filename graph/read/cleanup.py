"""Character- and line-level normalisation shared by plain text and HTML-derived text.

NFC, one kind of newline and space, stripped lines, at most one blank line, and words re-joined where a
saved page broke a single capital letter off its word ("Đ\\nồng chí" -> "Đồng chí").  Idempotent.
"""

from __future__ import annotations

import html
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


# HTML character references a scraper left in plain text ("Sở NN&amp;PTNT", "&nbsp;", "&#7843;"); the names a
# news page uses, decoded to characters that cannot start, end or join another reference (so a second read
# finds nothing more to decode); "&amp;" before what reads as a reference ("&amp;lt;") is text about markup
_ENTITY = re.compile(r"&(?:(?P<name>amp|lt|gt|quot|apos|nbsp|ndash|mdash|hellip|laquo|raquo|ldquo|rdquo|lsquo|"
                     r"rsquo|bull|middot|deg|times|copy|reg|trade|euro|pound|yen|cent|sect|para|plusmn|frac12|"
                     r"frac14|frac34|sup2|sup3|asymp|ne|le|ge|rarr|larr)|#(?P<dec>\d{1,7})|#[xX](?P<hex>[0-9a-fA-F]{1,6}));")
_REFERENCE_AFTER = re.compile(r"#?[A-Za-z0-9]+;")


def _entity(m: re.Match[str]) -> str:
    name = m.group("name")
    if name is not None:
        if name == "amp" and _REFERENCE_AFTER.match(m.string, m.end()):
            return m.group(0)
        return html.unescape(m.group(0))
    code = int(m.group("dec") or m.group("hex"), 16 if m.group("hex") else 10)
    # characters a page escapes (< > " ' and non-ASCII letters); not "&", ";", "#", ASCII letters or digits
    # (they could complete another reference), nor what cleaning drops (controls, zero-width marks)
    if code in (0x22, 0x27, 0x3C, 0x3E) or (0xA0 <= code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF):
        ch = chr(code)
        if not _CONTROLS.match(ch):
            return ch
    return m.group(0)


def unescape_entities(text: str) -> str:
    """Plain text with the HTML character references of a scraped page decoded (only when it has any)."""
    return _ENTITY.sub(_entity, text) if "&" in text else text


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
