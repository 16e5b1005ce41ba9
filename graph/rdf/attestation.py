"""Whether a report attests a holding at the report's own date.

A holding is dated by the report that names it (``dt:attestedOn``), so "who holds this post now" is the
holder of the latest report. A report also names holders of the past: a former holder ("nguyên Bộ trưởng",
"cố Thủ tướng", "cựu Bí thư") or one told in a sentence about long ago ("Năm 1946, Chủ tịch Hồ Chí Minh
..."). Dating those at the report's date would make people dead for decades the latest holders, so they
get no attestation date (the holding stays, undated).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from graph.text.dates import find_dates
from graph.text.normalize import unify_tones

# a title naming a past holder: "Nguyên Bộ trưởng", "cố Thủ tướng", "cựu Chủ tịch", "Bí thư Tỉnh ủy thời kỳ"
_FORMER = re.compile(r"(?<!\w)(?:nguyên|cố|cựu|thời\s+kỳ|thời\s+kì)(?!\w)", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\w)(?:năm|Năm|NĂM)\s+((?:19|20)\d\d)(?!\d)|\(\s*((?:19|20)\d\d)\s*[-–]\s*(?:19|20)\d\d\s*\)")
_ANY_YEAR = re.compile(r"(?:19|20)\d\d")
_PAST_YEARS = 2     # a sentence whose every stated time is this many years before the report tells of the past


@lru_cache(maxsize=4096)
def attested_now(sentence: str, title: str | None, published: date) -> bool:
    """The holding told in ``sentence`` (with its written ``title``) holds at the report's date ``published``.
    (Cached: the holders of one sentence share it.)"""
    if title and _FORMER.search(unify_tones(title)):
        return False
    if _ANY_YEAR.search(sentence) is None:
        return True
    years = [int(m.group(1) or m.group(2)) for m in _YEAR.finditer(sentence)]
    years += [d.value.year for d in find_dates(sentence) if not d.year_inferred]
    return not years or max(years) > published.year - _PAST_YEARS
