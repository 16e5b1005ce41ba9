"""Bytes -> str for the encodings Vietnamese portal pages come in.

Cheap, certain checks go first (BOM, UTF-16 byte pattern, binary signatures, strict UTF-8); only bytes
that are none of these get the single-byte heuristics (Windows-1258 with its combining tone marks,
Windows-1252/Latin-1) and, last, charset-normalizer.  UTF-8 text that was once mis-read as
Windows-1252/Latin-1 ("Ban DÃ¢n tá»™c") is repaired.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from graph.read.article import ReadError

_BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),   # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_MAGIC: list[tuple[bytes, str]] = [
    (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "zip archive"), (b"%PDF", "PDF document"), (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"), (b"7z\xbc\xaf", "7z archive"), (b"\x7fELF", "executable"),
    (b"\xfd7zXZ", "xz archive"), (b"RIFF", "RIFF media"), (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"II*\x00", "TIFF image"), (b"MM\x00*", "TIFF image"), (b"\x00\x00\x01\x00", "icon"),
]
# control bytes that never occur in text (tab, LF, VT, FF, CR and ESC do)
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))

# bytes Windows-1258 maps to Vietnamese-only letters or to its combining tone marks
_CP1258_SIGNS = frozenset(b"\xcc\xec\xd2\xde\xf2\xd0\xf0\xd5\xf5\xdd\xfd\xc3\xe3")
_CP1258_TONES = frozenset(b"\xcc\xec\xd2\xde\xf2")

# UTF-8 lead byte read as Windows-1252/Latin-1, followed by a continuation byte read the same way
_CONT = ("\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
         "\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122")
_MOJIBAKE = re.compile(f"[\u00c2-\u00c6\u00e1-\u00e2\u00c3\u00c4\u00c5][{_CONT}]")
_CP1252_BYTE: dict[str, int] = {
    bytes([b]).decode("cp1252", "ignore"): b for b in range(256) if bytes([b]).decode("cp1252", "ignore")}


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` is not text (None when it may be text).  Call after UTF-16/32 were ruled out."""
    head = data[:16]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"binary file ({what})"
    sample = data[:65536]
    if b"\x00" in sample:
        return "binary file (contains NUL bytes)"
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    if sample and controls / len(sample) > 0.01:
        return "binary file (control bytes)"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows its ASCII letters as zero bytes on one parity."""
    sample = data[:8192]
    n = len(sample) // 2
    if n < 4:
        return None
    even_zero = sample[0:2 * n:2].count(0)
    odd_zero = sample[1:2 * n:2].count(0)
    if odd_zero > 0.3 * n and even_zero < 0.02 * n:
        return "utf-16-le"
    if even_zero > 0.3 * n and odd_zero < 0.02 * n:
        return "utf-16-be"
    return None


def _plausible(text: str) -> bool:
    """Text of a Latin-script language: UTF-16 guessed from zero bytes must decode to this."""
    sample = text[:4096]
    if not sample:
        return False
    good = sum(1 for c in sample if (32 <= ord(c) < 0x0530 or c in "\t\n\r" or 0x1E00 <= ord(c) < 0x2070
                                      or 0x20A0 <= ord(c) < 0x2200) and c != "\ufffd")
    return good >= len(sample) * 0.95


def _strict_utf8(data: bytes) -> str | None:
    """UTF-8, tolerating only a character cut off at the very end (a truncated download)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.reason == "unexpected end of data" and e.start >= len(data) - 3:
            return data[: e.start].decode("utf-8", "replace")
        return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a damaged file): keep it when the broken part is tiny."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 127) - bad
    if multibyte >= 20 and bad <= max(4, multibyte // 50):
        return text
    return None


def _mixed_lines(data: bytes) -> str | None:
    """A file pasted together from UTF-8 and single-byte parts (a headline typed in one editor, the
    body in another): each line in its own encoding, when both kinds hold non-ASCII letters."""
    lines = data.split(b"\n")
    utf8: list[bool] = []
    for line in lines:
        try:
            line.decode("utf-8")
            utf8.append(True)
        except UnicodeDecodeError:
            utf8.append(False)
    if all(utf8) or not any(ok and max(line, default=0) >= 0x80 for ok, line in zip(utf8, lines, strict=True)):
        return None
    rest = b"\n".join(line for ok, line in zip(utf8, lines, strict=True) if not ok)
    single = "cp1258" if _looks_cp1258(rest) else "cp1252"
    return "\n".join(line.decode("utf-8") if ok else line.decode(single, "replace")
                     for ok, line in zip(utf8, lines, strict=True))


def _looks_cp1258(data: bytes) -> bool:
    high = [b for b in data[:200000] if b >= 0x80]
    if not high:
        return False
    signs = sum(1 for b in high if b in _CP1258_SIGNS)
    if signs / len(high) < 0.1:
        return False
    try:
        text = data[:200000].decode("cp1258")
    except UnicodeDecodeError:
        return False
    tones = sum(1 for b in high if b in _CP1258_TONES)
    if tones == 0:
        return True
    # tone marks that NFC cannot compose stand after a non-vowel: a sign this is not Vietnamese
    orphans = sum(1 for ch in unicodedata.normalize("NFC", text) if unicodedata.combining(ch))
    return orphans <= tones * 0.2


def repair_mojibake(text: str) -> str:
    """UTF-8 that was decoded as Windows-1252/Latin-1 and saved again -> the original text."""
    if len(_MOJIBAKE.findall(text[:200000])) < 2:
        return text
    whole = _redecode(text)
    if whole is not None:
        return whole
    return "\n".join(_redecode(line) or line for line in text.split("\n"))


def _redecode(text: str) -> str | None:
    if not _MOJIBAKE.search(text):
        return None
    out = bytearray()
    for ch in text:
        b = _CP1252_BYTE.get(ch)
        if b is None:
            if ord(ch) < 256:
                b = ord(ch)   # Latin-1 reading of the bytes cp1252 leaves undefined
            else:
                return None
        out.append(b)
    try:
        return out.decode("utf-8")
    except UnicodeDecodeError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes (meta charset / http-equiv)."""
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", data[:8192], re.IGNORECASE)
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, *, html: bool = False) -> tuple[str, str]:
    """(text, encoding name).  Raises ReadError for binary input."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(name, "replace"), name
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ReadError(None, f"binary file ({what})")
    utf16 = _utf16_without_bom(data)
    if utf16:
        text = data.decode(utf16, "replace")
        if _plausible(text):
            return text, utf16
    reason = binary_reason(data)
    if reason:
        raise ReadError(None, reason)
    text = _strict_utf8(data)
    if text is not None:
        return repair_mojibake(text), "utf-8"
    if html:
        declared = declared_charset(data)
        if declared and declared not in ("utf-8", "ascii"):
            try:
                return data.decode(declared), declared
            except UnicodeDecodeError:
                pass
    text = _mostly_utf8(data)
    if text is not None:
        return repair_mojibake(text), "utf-8"
    mixed = _mixed_lines(data)
    if mixed is not None:
        return mixed, "mixed"
    if _looks_cp1258(data):
        return data.decode("cp1258", "replace"), "cp1258"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    best = _charset_normalizer(data)
    if best is not None:
        return best
    return data.decode("latin-1"), "latin-1"


def _charset_normalizer(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes  # imported late: only odd pages need it

    match = from_bytes(data[:200000]).best()
    if match is None or match.encoding is None:
        return None
    try:
        return data.decode(match.encoding, "replace"), match.encoding
    except LookupError:
        return None
