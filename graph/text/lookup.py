"""The lookup key of a named node: the one folding shared by the mapping and the query parameters.

A person, body, document, programme, event or province carries ``dt:key`` = ``lookup_key(name)``,
and a stored question's name parameter is bound as ``lookup_key(what the user typed)``, so matching
a name is an exact join on an indexed literal instead of a case-insensitive FILTER over every node.

The folding: NFC, old/new tone placement unified (Thuỷ = Thủy), case-folded, diacritics removed
(đ -> d), runs of spaces as one.  Dropping the tones is deliberate: a user types "kien ninh" as often
as "Kiên Ninh", and both must hit.  The price is that names differing only in tones share a key
("Hà" and "Hạ"), so a lookup can return a few more nodes than the exact name: the answer still
shows each node's own name.  Punctuation is kept ("1719/QĐ-TTg" -> "1719/qd-ttg").
"""

from __future__ import annotations

from functools import lru_cache

from graph.text.normalize import ascii_fold, clean_space, unify_tones


@lru_cache(maxsize=65536)
def lookup_key(text: str) -> str:
    """``"Kiên  Ninh"``, ``"kien ninh"``, ``"KIÊN NINH"`` -> ``"kien ninh"``; ``"Thuỷ"`` -> ``"thuy"``."""
    return clean_space(ascii_fold(unify_tones(text)).casefold())
