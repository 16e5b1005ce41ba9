"""What may reach the user's terminal: any string from outside (an endpoint's reply, a file name, an
article's text) goes through :func:`safe` before it is printed in an error or progress line.

Why: a reply holding ``ESC]0;title BEL`` or ``ESC[2J`` would retitle the window or clear the screen, a
file name with a newline would forge a second line ("push succeeded"), and bidi controls would show
text in another order than it is.  Such characters are shown as Python-style escapes instead.
"""

from __future__ import annotations

import re

# C0 and C1 controls (newline and tab included: one message is one line), DEL, the bidi embedding,
# override and isolate controls, line/paragraph separators, the BOM and lone surrogates (undecodable
# bytes of a file name under surrogateescape)
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff"
                     "\ud800-\udfff]")


def _escape(m: re.Match[str]) -> str:
    ch = m.group()
    code = ord(ch)
    if ch == "\n":
        return "\\n"
    if ch == "\t":
        return "\\t"
    if ch == "\r":
        return "\\r"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(value: object) -> str:
    """``str(value)`` with every terminal control, bidi control and line break shown as an escape."""
    text = value if isinstance(value, str) else str(value)
    return _UNSAFE.sub(_escape, text)


__all__ = ["safe"]
