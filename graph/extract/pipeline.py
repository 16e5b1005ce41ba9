"""One article -> ArticleFacts: runs every extractor in order and resolves bodies named in titles.

Order matters: the article's province first (it completes "UBND tỉnh"), then bodies and documents
(which events and officials point to), then people, programmes, events and figures.
"""

from __future__ import annotations

import re
from typing import Any

from graph.extract.documents import find_documents, merge_mentions
from graph.extract.events import find_events
from graph.extract.facts import ArticleFacts, OrgMention, OrgRef, PersonMention, Post, Span
from graph.extract.figures import find_figures
from graph.extract.officials import body_word, complete_body, find_officials, first_body, title_body
from graph.extract.organizations import find_organizations, in_article_district
from graph.extract.programmes import find_programmes
from graph.extract.sentences import split_sentences
from graph.extract.tokens import Token
from graph.resolve.gazetteer import Gazetteer, Province
from graph.text.normalize import fold, unify_tones

_APPROVES = re.compile(r"phê duyệt|ban hành", re.IGNORECASE)
# "Về phía Báo Nghệ An có các đồng chí: ...": titles in the sentence that name no body serve this one
_PARTY_BOARDS = {"ban thường vụ", "ban chấp hành"}
_COMMITTEE = re.compile(r"(?:Tỉnh|Huyện|Thành|Đảng)\s+(?:ủy|uỷ)(?!\w)", re.IGNORECASE)
# "Về phía Báo X có ...", "Đại diện Ủy ban Dân tộc có ông A, Thứ trưởng": the body a guest list speaks for
_SIDE = re.compile(r"(?<!\w)(?:(?:về\s+)?phía|đại\s+diện(?:\s+cho)?|thay\s+mặt)\s+", re.IGNORECASE)

# Bounds for hostile or runaway input (a book, or megabytes of text without a full stop): real reports
# are 2-30 KB with a handful of mentions per sentence, so none of these ever binds on them.
MAX_EXTRACT_CHARS = 300_000      # facts are read from the article's first 300k characters only
MAX_PER_SENTENCE = 40            # mentions of one kind (bodies, people ...) kept per sentence
MAX_PER_ARTICLE = 3000           # and per article


def _place_len(text: str, gz: Gazetteer):
    matching = unify_tones(text)      # once per article: match_at would re-normalise the text per token

    def place_len(tokens: list[Token], i: int, end: int) -> int:
        hit = gz.match_at(text, tokens[i].start, matching)
        if hit is None:
            return 0
        stop, _prov = hit
        n = 0
        while i + n < end and tokens[i + n].start < stop:
            n += 1
        return n
    return place_len


def _side_body(text: str, sentence: Span, orgs: list[OrgMention], before: int | None = None) -> OrgRef | None:
    """The body named after the last "Về phía ..." / "Đại diện ..." of the sentence before ``before``, if any."""
    body = None
    for m in _SIDE.finditer(text, sentence.start, before if before is not None else sentence.end):
        body = next((o.org for o in orgs if o.span.start == m.end() and o.named), body)
    return body


def _resolve_posts(text: str, persons: list[PersonMention], orgs: list[OrgMention], province: Province | None) -> None:
    """Give each post its body; a bare "Ban"/"Phó Trưởng ban" is the Ban Dân tộc the article speaks of."""
    own_ban = next((o.org for o in orgs if o.org.kind == "ban-dan-toc-tinh"), None)
    for pm in persons:
        for k, post in enumerate(pm.posts):
            phrase = first_body(post.body_phrase or "")
            if not phrase:
                continue
            if fold(phrase) in _PARTY_BOARDS:
                # "Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Tỉnh ủy": the board of the committee named next
                committee = next((m.group(0) for later in pm.posts[k + 1:]
                                  if (m := _COMMITTEE.search(later.title)) is not None), None)
                phrase = f"{phrase} {committee}" if committee else phrase
            org = in_article_district(title_body(phrase, province), orgs)
            word = body_word(post.role) if org is None else None
            if word and not fold(phrase).startswith(fold(word) + " "):
                org = title_body(f"{word} {phrase}", province)     # "Bộ trưởng Tư pháp": of Bộ Tư pháp
            if fold(phrase) in {"ban", "ban dân tộc"}:
                # the Ban Dân tộc the sentence names ("..., cùng các phòng của Ban Dân tộc tỉnh X"), else the article's
                org = next((o.org for o in orgs if o.sentence == pm.sentence and o.org.kind == "ban-dan-toc-tinh"
                            and fold(o.span.of(text)) != fold(phrase)), org or own_ban)
            post.org = complete_body(org, phrase, province, text, pm.sentence)
        if any(p.org is None and not p.body_phrase for p in pm.posts):
            side = _side_body(text, pm.sentence, orgs, pm.span.start)
            for post in pm.posts:
                if post.org is None and not post.body_phrase:
                    post.org = side
        if pm.posts:
            first = next((p.org for p in pm.posts if p.org is not None), None)
            if first is not None and not first.national:
                pm.province = first.province


def _unify_d_spelling(persons: list[PersonMention]) -> None:
    """Names that differ only by Đ/D are one person typed twice ("Đỗ Dức Duy" / "Đỗ Đức Duy"): the slip
    drops the stroke far more often than it adds one, so the spelling with more Đ wins."""
    by_key: dict[str, str] = {}
    for pm in persons:
        key = fold(pm.name).replace("đ", "d")
        best = by_key.get(key)
        if best is None or pm.name.lower().count("đ") > best.lower().count("đ"):
            by_key[key] = pm.name
    for pm in persons:
        pm.name = by_key[fold(pm.name).replace("đ", "d")]


def _dedupe_titles(persons: list[PersonMention]) -> None:
    """A person named twice keeps the fuller title: a shorter one that starts the longer adds nothing."""
    best: dict[str, PersonMention] = {}
    for pm in persons:
        if pm.title:
            k = fold(pm.name)
            if k not in best or len(pm.title) > len(best[k].title or ""):
                best[k] = pm
    for pm in persons:
        top = best.get(fold(pm.name))
        if top is not None and top is not pm and pm.title and fold(top.title or "").startswith(fold(pm.title)):
            pm.title, pm.posts = None, list[Post]()


def _extract_window(text: str) -> str:
    """The text facts are read from: all of it, or for a runaway article its head cut at a line or space."""
    if len(text) <= MAX_EXTRACT_CHARS:
        return text
    cut = text.rfind("\n", 0, MAX_EXTRACT_CHARS)
    if cut < MAX_EXTRACT_CHARS // 2:
        cut = text.rfind(" ", 0, MAX_EXTRACT_CHARS)
    return text[: cut if cut > 0 else MAX_EXTRACT_CHARS]


def _capped(items: list[Any]) -> list[Any]:
    """At most MAX_PER_SENTENCE items per sentence and MAX_PER_ARTICLE in all (first ones kept), so the
    graph of run-on text stays proportionate instead of holding 100k phrases from one "sentence"."""
    if len(items) <= MAX_PER_SENTENCE:
        return items
    per_sentence: dict[Span, int] = {}
    kept = []
    for item in items:
        n = per_sentence.get(item.sentence, 0)
        if n < MAX_PER_SENTENCE:
            per_sentence[item.sentence] = n + 1
            kept.append(item)
            if len(kept) == MAX_PER_ARTICLE:
                break
    return kept


def _portal_province(portal: str | None, gz: Gazetteer) -> Province | None:
    """The one province a portal's name states ("Cổng thông tin điện tử tỉnh X", "Đài PT-TH X"): the page's
    masthead, which the annotation counts, for an article whose text names none."""
    if not portal:
        return None
    found = {p.slug: p for _s, _e, p in gz.find_provinces(portal)}
    return next(iter(found.values())) if len(found) == 1 else None


def extract_article(article: Any, gazetteer: Gazetteer | None = None) -> ArticleFacts:
    gz = gazetteer or Gazetteer.default()
    text: str = _extract_window(article.text)
    sentences = split_sentences(text)
    province = gz.article_province(text, article.title) or _portal_province(getattr(article, "portal", None), gz)
    slug = province.slug if province else None
    orgs = find_organizations(text, sentences, province)
    docs = merge_mentions(find_documents(text, sentences, slug, article.published, province.name if province else None))
    persons = find_officials(text, sentences, _place_len(text, gz))
    _unify_d_spelling(persons)
    _resolve_posts(text, persons, orgs, province)
    _dedupe_titles(persons)
    programmes = find_programmes(text, sentences)   # every mention: each gets its own evidence phrase
    for prog in programmes:
        for doc in docs:
            if doc.sentence == prog.sentence and doc.span.end <= prog.span.start \
                    and _APPROVES.search(text[doc.span.end:prog.span.start]):
                prog.approved_by.append(doc.number)
    events = find_events(text, sentences, article.published, orgs, persons, docs, slug, article.title)
    for ev in events:
        ev.documents = [d.number for d in docs if d.sentence == ev.sentence]
        ev.programmes = [p.key for p in programmes if p.sentence == ev.sentence]
    figures = find_figures(text, sentences, article.published, slug, programmes)
    return ArticleFacts(province=slug, organizations=_capped(orgs), documents=_capped(docs),
                        persons=_capped(persons), programmes=_capped(programmes), events=_capped(events),
                        figures=_capped(figures))
