"""People: which mentions are one person, within an article and across articles.

A person's IRI is minted from the name and a *scope* (graph.resolve.keys.person_key), so every article
decides alone and the store path and the file path mint the same IRIs.  The scope is chosen once per
name per article, from all the mentions of that name there (one person, one node, in an article):

1. ``vn`` when a mention holds a national post (a body of the whole country, or a role that exists
   only nationally, such as Thứ trưởng), or, with no post placed, a national title is written next
   to the name: the same minister visiting five provinces is one person.
2. else the province of a provincial post (the first one written);
3. else ``vn`` for a national membership only (Ủy viên Trung ương Đảng, Đại biểu Quốc hội);
4. else the article's province, else the article itself (never merged).

Two people who share a name are merged only when they share a scope: national posts with national
posts, or posts in the same province.  A name with no post is kept to its article's province.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from graph.datafiles import load_yaml
from graph.extract.facts import ArticleFacts, PersonMention, Post
from graph.rdf.vocab import role_notation
from graph.text.normalize import fold, nfc, unify_tones

_DATA = Path(__file__).resolve().parent.parent / "data" / "people.yaml"
NATIONAL = "vn"
_CONTEXT = 90                                  # characters around a name searched for a national title
_ITEM_BREAK = re.compile(r"[;:!?\n]|\.(?=\s|$)")  # a list item or sentence ends here ("T.Ư" does not)


@lru_cache(maxsize=1)
def _data() -> tuple[frozenset[str], frozenset[str], re.Pattern[str], re.Pattern[str]]:
    with _DATA.open(encoding="utf-8") as fh:
        d = load_yaml(fh)
    titles = "(?:" + "|".join(f"(?:{unify_tones(nfc(t))})" for t in d["national_titles"]) + ")"
    # after the name: an apposition whose first or second title is national ("<name>, Ủy viên Trung
    # ương Đảng, Bộ trưởng ..."), never a later clause ("<name>, cùng Thứ trưởng ...")
    after = r"\s*[,(–—-]\s*(?:[^,;()]{0,80}?,\s*)?" + titles
    return (frozenset(d["national_roles"]), frozenset(d["membership_roles"]),
            re.compile(titles, re.IGNORECASE), re.compile(after, re.IGNORECASE))


def name_key(name: str) -> str:
    """Two mentions with this key in one article are one person ('Hoà' == 'Hòa', case ignored)."""
    return fold(name)


def is_membership(role: str | None, listed: frozenset[str]) -> bool:
    """A seat in a body rather than a post that places a person: listed, or by the shape of its notation
    (every "Ủy viên ..." / "... ủy viên" and "Đại biểu ..." of data/roles.yaml), so a new member role
    added there needs no second entry here."""
    if not role:
        return False
    return role in listed or role.startswith(("uy-vien", "dai-bieu")) or role.endswith("-uy-vien")


def post_scope(post: Post) -> tuple[int, str] | None:
    """(rank, scope) of one post; rank 1 = national post, 2 = provincial, 3 = national membership."""
    national_roles, membership, _, _ = _data()
    role = role_notation(post.role)
    org = post.org
    if org is None:
        return (1, NATIONAL) if role in national_roles else None
    if org.national:
        return (3, NATIONAL) if is_membership(role, membership) else (1, NATIONAL)
    if org.province:
        return 2, org.province
    return None


def titled_nationally(text: str, pm: PersonMention, others: Iterable[PersonMention] = ()) -> bool:
    """A national title written next to the name, in the same list item, with no other person in
    between: "Tham dự có Thứ trưởng, Phó Chủ nhiệm Ủy ban Dân tộc bà <name>", "<name> - Thứ trưởng".
    For mentions whose post the extractor did not read (or read without its body)."""
    start = max(pm.sentence.start, pm.span.start - _CONTEXT)
    end = min(max(pm.sentence.end, pm.span.end), pm.span.end + _CONTEXT)
    for other in others:
        if other is not pm and start <= other.span.end <= pm.span.start:
            start = other.span.end
        if other is not pm and pm.span.end <= other.span.start < end:
            end = other.span.start
    before = text[start:pm.span.start]
    before = before[max((m.end() for m in _ITEM_BREAK.finditer(before)), default=0):]
    after = text[pm.span.end:end]
    stop = _ITEM_BREAK.search(after)
    after = after[:stop.start()] if stop else after
    _, _, anywhere, apposition = _data()
    return anywhere.search(unify_tones(before)) is not None or apposition.match(unify_tones(after)) is not None


def person_scopes(facts: ArticleFacts, text: str, fallback: str) -> dict[str, str]:
    """name_key -> scope for every person named in the article (officials and event participants)."""
    mentions: list[PersonMention] = list(facts.persons)
    seen = {id(pm) for pm in mentions}
    for ev in facts.events:
        for part in ev.participations:
            if part.person is not None and id(part.person) not in seen:
                seen.add(id(part.person))
                mentions.append(part.person)
    by_name: dict[str, list[PersonMention]] = {}
    for pm in mentions:
        by_name.setdefault(name_key(pm.name), []).append(pm)
    home = facts.province or fallback
    out: dict[str, str] = {}
    for key, pms in by_name.items():
        ranked = [r for pm in pms for post in pm.posts if (r := post_scope(post)) is not None]
        if ranked:
            out[key] = min(ranked, key=lambda r: r[0])[1]      # min() keeps the first of a rank
        elif any(titled_nationally(text, pm, mentions) for pm in pms):
            out[key] = NATIONAL
        else:
            out[key] = next((pm.province for pm in pms if pm.province), None) or home
    return out
