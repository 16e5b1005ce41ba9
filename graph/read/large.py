"""Pages over the size limit: stream them, dropping scripts, styles, comments and inline data URIs.

A saved portal page can weigh tens of megabytes only because of inlined scripts or base64 images while
its article is a few kilobytes.  This keeps memory bounded (one chunk plus what is kept) and stops as soon
as the kept part alone exceeds the limit.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

CHUNK = 1 << 20
_CARRY = 64   # an opening/closing tag split across two chunks is at most this long
_OPEN = re.compile(rb"<(script|style|noscript|template|svg)\b|<!--|data:[a-z0-9/+.\-]{0,40};base64,",
                   re.IGNORECASE)
_CLOSE = {
    b"script": re.compile(rb"</script\s*>", re.IGNORECASE),
    b"style": re.compile(rb"</style\s*>", re.IGNORECASE),
    b"noscript": re.compile(rb"</noscript\s*>", re.IGNORECASE),
    b"template": re.compile(rb"</template\s*>", re.IGNORECASE),
    b"svg": re.compile(rb"</svg\s*>", re.IGNORECASE),
    b"--": re.compile(rb"-->"),
    b"data": re.compile(rb"[\"')\s>]"),
}


class TooLarge(Exception):
    """What is left after stripping is still over the limit."""


def _chunks(path: Path) -> Iterator[bytes]:
    """The file's bytes in chunks; UTF-16 pages are transcoded to UTF-8 on the way."""
    with path.open("rb") as f:
        first = f.read(CHUNK)
        encoding = None
        if first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            encoding = "utf-16"
        if encoding is None:
            yield first
            while chunk := f.read(CHUNK):
                yield chunk
            return
        decoder = codecs.getincrementaldecoder(encoding)("replace")
        yield decoder.decode(first).encode("utf-8")
        while chunk := f.read(CHUNK):
            yield decoder.decode(chunk).encode("utf-8")
        yield decoder.decode(b"", final=True).encode("utf-8")


def strip_heavy_parts(path: Path, limit: int) -> bytes:
    """The page without script/style/comment bodies and data URIs; raises TooLarge past ``limit``."""
    out = bytearray()
    buf = b""
    closing: re.Pattern[bytes] | None = None
    keep_terminator = False
    chunks = _chunks(path)
    done = False
    while not done:
        chunk = next(chunks, None)
        if chunk is None:
            done = True
        else:
            buf += chunk
        pos = 0
        while True:
            if closing is None:
                m = _OPEN.search(buf, pos)
                if m is None:
                    keep = len(buf) if done else max(pos, len(buf) - _CARRY)
                    out += buf[pos:keep]
                    buf = buf[keep:]
                    break
                out += buf[pos:m.start()]
                if m.group(1):
                    what = m.group(1).lower()
                elif m.group(0).startswith(b"<!--"):
                    what = b"--"
                else:
                    what = b"data"
                    out += b"data:,"
                closing, keep_terminator = _CLOSE[what], what == b"data"
                pos = m.end()
            else:
                m = closing.search(buf, pos)
                if m is None:
                    buf = b"" if done else buf[max(pos, len(buf) - _CARRY):]
                    break
                pos = m.start() if keep_terminator else m.end()
                closing = None
        if len(out) > limit:
            raise TooLarge(len(out))
    return bytes(out)
