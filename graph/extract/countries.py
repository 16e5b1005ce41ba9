"""Foreign countries named right after a national body ("Chính phủ Lào", "Bộ Ngoại giao Mỹ").

Such a body is that country's, never Viet Nam's: the organisation extractor leaves it out rather than
linking it to Viet Nam's Government or ministries. The names are data (``graph/data/countries.yaml``).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from graph.datafiles import load_yaml
from graph.resolve.gazetteer import Gazetteer
from graph.text.normalize import unify_tones

_FILE = Path(__file__).resolve().parent.parent / "data" / "countries.yaml"


def _form_rx(form: str) -> str:
    """A written form with its hyphens and spaces interchangeable ("Ai Len" = "Ai-len" = "Ai-Len")."""
    parts = [p for p in re.split(r"[\s\-]+", unify_tones(form)) if p]
    return r"[\s\-]+".join(f"(?i:{re.escape(p[0])})" + re.escape(p[1:]) if i else re.escape(p)
                           for i, p in enumerate(parts))


@cache
def _country_rx() -> re.Pattern[str]:
    data = load_yaml(_FILE.read_text(encoding="utf-8"))
    forms = sorted({f for entry in data["countries"] for f in entry}, key=len, reverse=True)
    prefixes = sorted(data["prefixes"], key=len, reverse=True)
    prefix = "(?:(?:" + "|".join(_form_rx(p) for p in prefixes) + r")\s+)*"
    return re.compile(r"\s*" + prefix + "(?P<c>" + "|".join(_form_rx(f) for f in forms) + r")(?![\w\-])")


_NEXT_WORD = re.compile(r"\s+([A-ZĐÀ-Ỹ][\w]*)")


def foreign_country_after(text: str, pos: int) -> int | None:
    """Where a foreign country's name standing at ``text[pos:]`` ends ("Chính phủ| Ai Len"), or None.

    A form that begins a Vietnamese place ("Lào Cai", "Đức Trọng") is no country."""
    s = unify_tones(text[pos:pos + 80])
    m = _country_rx().match(s)
    if m is None:
        return None
    nxt = _NEXT_WORD.match(s, m.end())
    if nxt is not None:
        place = unify_tones(m.group("c") + " " + nxt.group(1))
        gz = Gazetteer.default()
        if any(st == 0 for st, _e, _p in gz.find_provinces(place)) or gz.districts_named(place):
            return None
    return pos + m.end()
