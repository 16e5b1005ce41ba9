"""Officials: people named in a report, with the post titles written next to them.

Orders handled (each shown in tests/test_officials.py on sentences written for the test):
  apposition     "Ông Nguyễn Văn A, Phó Chủ tịch UBND tỉnh, ..."  /  "Nguyễn Văn A - Trưởng Ban Dân tộc"
  title first    "Phó Chủ tịch UBND tỉnh Nguyễn Văn A phát biểu"  /  "Bí thư Tỉnh ủy Lào Cai Nguyễn Văn A"
  shared title   "ông A, ông B, Phó Trưởng Ban Dân tộc tỉnh" (both hold it)
  honorific only "ông Nguyễn Văn A" (a named person, no post)
A title runs from its role word to the clause end: ';', '.', '(' , a verb ("phát biểu", "chủ trì", "cho biết"),
or a comma not followed by another role or body; commas between roles keep it going
("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh").  Role words are data: data/roles.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from graph.extract.facts import PersonMention, Post, Span
from graph.extract.sentences import sentence_of
from graph.extract.tokens import Token, phrase_tokens, tokenize
from graph.text.normalize import unify_tones

DATA = Path(__file__).resolve().parent.parent / "data"

HONORIFICS = {("ông",), ("bà",), ("đồng", "chí"), ("đ/c",), ("đ", "/", "c")}
# words that end a title when written in lower case
_STOP_BIGRAMS = {
    ("đồng", "chủ"), ("chủ", "trì"), ("phát", "biểu"), ("cho", "biết"), ("nhấn", "mạnh"), ("báo", "cáo"),
    ("tham", "dự"), ("khẳng", "định"), ("đề", "nghị"), ("yêu", "cầu"), ("kết", "luận"), ("chỉ", "đạo"),
    ("đánh", "giá"), ("khai", "mạc"), ("bế", "mạc"), ("trình", "bày"), ("chia", "sẻ"), ("làm", "việc"),
    ("giới", "thiệu"), ("ghi", "nhận"), ("biểu", "dương"), ("trả", "lời"), ("thông", "tin"), ("quán", "triệt"),
    ("lưu", "ý"), ("mong", "muốn"), ("tiếp", "thu"), ("trao", "đổi"), ("cho", "rằng"), ("chúc", "mừng"),
    ("đại", "diện"), ("lãnh", "đạo"), ("kiểm", "tra"), ("đến", "dự"), ("thay", "mặt"), ("nhất", "trí"),
}
_STOP_WORDS = {
    "đã", "sẽ", "đang", "dự", "tặng", "trao", "thăm", "nói", "được", "là", "cùng", "tại", "có", "vừa", "cũng",
    "luôn", "đến", "gửi", "ký", "nêu", "về", "với", "khi", "thì", "mà", "nhằm", "để", "trong", "sau", "trước",
    "theo", "cảm", "tiếp", "chủ", "nhấn", "cho", "như", "này", "đó", "người", "cán",
}
_END_PUNCT = {";", ".", ":", "(", ")", "!", "?", "“", "”", "\"", "…", "[", "]"}
_DASHES = {"-", "–", "—"}
# words that begin a body's name (continue a title after a comma: "Trưởng Ban Chỉ đạo, Ban Tổ chức ...")
_BODY_STARTS = {"ban", "ủy", "ubnd", "hđnd", "hội", "sở", "phòng", "đoàn", "văn", "tỉnh", "huyện", "bch", "btv",
                "mttq", "ub", "báo", "đài", "bộ", "cục", "vụ", "viện", "trường", "thành"}
# capitalised words that never begin a person's name
_NOT_NAME_START = {
    "ban", "sở", "phòng", "ủy", "ubnd", "hội", "bộ", "thứ", "chánh", "tổng", "tỉnh", "huyện", "đảng", "quốc",
    "chính", "nhà", "nhân", "dân", "thành", "trung", "mặt", "báo", "đài", "cục", "vụ", "viện", "trường", "đoàn",
    "phó", "trưởng", "chủ", "bí", "giám", "đại", "ngày", "tháng", "năm", "theo", "tại", "trong", "sau",
    "về", "với", "các", "những", "đồng", "dự", "tham", "kết", "thực", "chương", "đề", "quyết", "nghị", "chỉ",
    "thông", "kế", "công", "lãnh", "cán", "người", "ông", "bà", "cùng", "đến", "từ", "thôn", "xã", "bản", "lễ",
    "toàn", "thưa", "bên", "việt", "uỷ", "tổ", "văn", "liên", "hợp", "quân", "ảnh", "tin",
    "nguồn", "tác", "bài", "đ", "khu", "cụm", "đội", "chi", "tiểu",
}
# 'văn' starts pen names (Văn Hoa) but more often "Văn phòng": accepted only after an honorific.
_SOFT_NOT_NAME_START = {"văn"}
# labels a name follows in document metadata ("Người ký: Nguyễn Văn A"): a named person, no post
_NAME_LABELS = ("người ký",)


@dataclass(frozen=True)
class Role:
    notation: str
    label: str
    forms: tuple[tuple[str, ...], ...]
    head: str | None
    implies: str | None


@cache
def roles() -> dict[str, Role]:
    raw = yaml.safe_load((DATA / "roles.yaml").read_text(encoding="utf-8"))
    return {
        k: Role(k, v["vi"], tuple(phrase_tokens(f) for f in v["forms"]), v.get("head"), v.get("implies"))
        for k, v in raw.items()
    }


@cache
def _role_index() -> dict[str, list[tuple[tuple[str, ...], Role]]]:
    index: dict[str, list[tuple[tuple[str, ...], Role]]] = {}
    for role in roles().values():
        for form in role.forms:
            index.setdefault(form[0], []).append((form, role))
    for forms in index.values():
        forms.sort(key=lambda fr: -len(fr[0]))
    return index


def match_role(tokens: list[Token], i: int) -> tuple[Role, int] | None:
    """The role written at ``tokens[i]`` and how many tokens it takes (longest form wins)."""
    if i >= len(tokens):
        return None
    for form, role in _role_index().get(tokens[i].low, ()):
        n = len(form)
        if i + n <= len(tokens) and all(tokens[i + k].low == form[k] for k in range(n)):
            # "Chủ tịch" must be capitalised when it opens a title ("chủ tịch" mid-sentence is a verb-ish noun)
            return role, n
    return None


_HONORIFIC_FIRST = frozenset(h[0] for h in HONORIFICS)


def _honorific_len(tokens: list[Token], i: int) -> int:
    if i >= len(tokens) or tokens[i].low not in _HONORIFIC_FIRST:
        return 0
    for h in HONORIFICS:
        n = len(h)
        if i + n <= len(tokens) and tuple(t.low for t in tokens[i:i + n]) == h:
            # "Đồng chí" only as an honorific when a name or a title follows
            return n
    return 0


def _is_stop(tokens: list[Token], j: int) -> bool:
    t = tokens[j]
    if not t.is_lower:
        return False
    if j + 1 < len(tokens) and (t.low, tokens[j + 1].low) in _STOP_BIGRAMS:
        return True
    return t.low in _STOP_WORDS


def _title_end(tokens: list[Token], i: int, limit: int = 40) -> int:
    """Index one past the last token of the title that starts at ``i`` (a role word)."""
    m = match_role(tokens, i)
    j, n = i + (m[1] if m else 1), len(tokens)
    while j < n and j - i < limit:
        t = tokens[j]
        if t.text in _END_PUNCT:
            break
        if t.text == "," or t.text in _DASHES:
            k = j + 1
            if k < n and (match_role(tokens, k) or (tokens[k].low in _BODY_STARTS and not _honorific_len(tokens, k))):
                j = k
                continue
            break
        if j > i and (_is_stop(tokens, j) or _honorific_len(tokens, j)):
            break
        if j > i and t.low == "và" and j + 1 < n and (_honorific_len(tokens, j + 1) or tokens[j + 1].low == "các"):
            break
        j += 1
    return j


def _cap_run_before(tokens: list[Token], end: int, stop: int = 0) -> int:
    """Start index of the run of capitalised words ending at ``end`` (exclusive)."""
    k = end
    while k > stop and tokens[k - 1].is_cap:
        k -= 1
    return k


PlaceLen = Callable[[list[Token], int, int], int]


def _no_place(tokens: list[Token], i: int, end: int) -> int:
    return 0


def _name_ok(tokens: list[Token], s: int, e: int, strict: bool) -> bool:
    if not 2 <= e - s <= 5:
        return False
    first = tokens[s].low
    if first in _NOT_NAME_START and (strict or first not in _SOFT_NOT_NAME_START):
        return False
    return all(t.is_cap for t in tokens[s:e])


def _strip_leading(tokens: list[Token], s: int, e: int, place_len: PlaceLen) -> int:
    """Skip body words and place names at the start of a capitalised run ("Báo Nghệ An Trần Văn A")."""
    while s < e:
        n = place_len(tokens, s, e)
        if n:
            s += n
            continue
        if tokens[s].low in _BODY_STARTS or tokens[s].low in {"đảng", "quốc", "chính", "dân", "nhân"}:
            s += 1
            continue
        break
    return s


def _split_posts(text: str, tokens: list[Token], s: int, e: int) -> list[Post]:
    """One Post per comma-separated role in the title tokens[s:e]."""
    parts: list[tuple[int, int]] = []
    start = s
    for k in range(s, e):
        if tokens[k].text in {","} | _DASHES and match_role(tokens, k + 1):
            parts.append((start, k))
            start = k + 1
    parts.append((start, e))
    posts: list[Post] = []
    for ps, pe in parts:
        if ps >= pe:
            continue
        part_text = text[tokens[ps].start:tokens[pe - 1].end]
        m = match_role(tokens, ps)
        if m is None:
            # a body coordinated with the previous role ("Trưởng Ban Chỉ đạo, Ban Tổ chức ...")
            if posts:
                prev = posts[-1]
                posts.append(Post(prev.role, part_text, None, body_phrase=part_text))
            continue
        role, n = m
        rest = text[tokens[ps + n].start:tokens[pe - 1].end] if ps + n < pe else ""
        if role.head:
            body = f"{role.head} {rest}".strip() if rest else role.head
        else:
            body = rest or role.implies or ""
        posts.append(Post(role.label, part_text, None, body_phrase=body or None))
    # a role with no body of its own serves the body of the next role ("Bộ trưởng, Chủ nhiệm UBDT")
    for k in range(len(posts) - 2, -1, -1):
        if posts[k].body_phrase is None and posts[k + 1].body_phrase:
            posts[k].body_phrase = posts[k + 1].body_phrase
    return posts


@cache
def _cue() -> re.Pattern[str]:
    """Any role form or honorific (lower case, new-style tones): a sentence without one names no official."""
    forms = {r"\s*".join(re.escape(w) for w in form) for role in roles().values() for form in role.forms}
    forms |= {r"\s*".join(re.escape(w) for w in h) for h in HONORIFICS}
    forms |= {re.escape(label).replace(r"\ ", r"\s+") for label in _NAME_LABELS}
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(forms, key=len, reverse=True)) + r")(?!\w)")


def _sentences_with_cues(text: str, sentences: list[Span]) -> list[Span]:
    low = unify_tones(text).lower()
    if len(low) != len(text):      # offsets would not line up: look at every sentence
        return sentences
    out: list[Span] = []
    for m in _cue().finditer(low):
        sent = sentence_of(sentences, m.start())
        if sent is not None and (not out or out[-1] != sent):
            out.append(sent)
    return out


def find_officials(text: str, sentences: list[Span], place_len: PlaceLen = _no_place) -> list[PersonMention]:
    """Every person named with an honorific or a post title, per sentence, in order.

    ``place_len(tokens, i, end)`` tells how many tokens from ``i`` spell a place name (the gazetteer),
    so that "Bí thư Tỉnh ủy Lào Cai Nguyễn Văn A" splits after "Lào Cai".  Only sentences holding a role
    word or an honorific are tokenised (most are not: this is most of the extractor's speed).
    """
    out: list[PersonMention] = []
    for sent in _sentences_with_cues(text, sentences):
        tokens = tokenize(text, sent.start, sent.end)
        out.extend(_officials_in(text, tokens, sent, place_len))
    return out


def _officials_in(text: str, tokens: list[Token], sent: Span, place_len: PlaceLen) -> list[PersonMention]:
    found: list[tuple[int, int, PersonMention]] = []   # (name start idx, name end idx, mention)
    used: set[int] = set()
    n = len(tokens)

    def add(s: int, e: int, ts: int | None, te: int | None) -> None:
        if any(k in used for k in range(s, e)):
            return
        name = unify_tones(" ".join(t.text for t in tokens[s:e]))
        title = text[tokens[ts].start:tokens[te - 1].end].strip(" ,-–") if ts is not None and te and te > ts else None
        posts = _split_posts(text, tokens, ts, te) if title and ts is not None and te is not None else []
        found.append((s, e, PersonMention(name, Span(tokens[s].start, tokens[e - 1].end), sent, title, posts)))
        used.update(range(s, e))
        if ts is not None and te is not None:
            used.update(range(ts, te))

    # 1. apposition: NAME ("," | "-") ROLE ...
    for k in range(1, n - 1):
        if tokens[k].text not in {","} | _DASHES or not match_role(tokens, k + 1):
            continue
        s = _cap_run_before(tokens, k)
        if k - s > 7:
            s = k - 5
        lead = _honorific_len(tokens, s)          # "Ông Kiên Ninh," / "Đ/c Nguyễn ...": the honorific is capitalised
        s += lead
        h = lead or _honorific_before(tokens, s)
        strict = not h
        s = _strip_leading(tokens, s, k, place_len) if strict else s
        if not _name_ok(tokens, s, k, strict):
            continue
        add(s, k, k + 1, _title_end(tokens, k + 1))

    # 2. title first: a role followed (within its title) by a name at the very end
    i = 0
    while i < n:
        m = match_role(tokens, i)
        if m is None or i in used or (not tokens[i].text[0].isupper() and i > 0
                                      and tokens[i - 1].text not in {",", ":", ";"}):
            i += 1
            continue
        end = _title_end(tokens, i)
        run = _cap_run_before(tokens, end, i + m[1])
        s = _strip_leading(tokens, run, end, place_len)
        if _name_ok(tokens, s, end, strict=True) and (end == n or not tokens[end].is_cap):
            # "X, Trưởng Ban ...": the name is before the role, not after: leave it to apposition
            add(s, end, i, s)
        elif end < n and tokens[end].text == ":":
            # a title introducing a list: "các đồng chí Phó Giám đốc Sở: Lê Văn A, Trần Thị B và Đỗ C"
            for ns, ne in _name_list(tokens, end + 1):
                add(ns, ne, i, end)
        i = end if end > i else i + 1

    # 3. honorific + name, no title
    for k in range(n):
        h = _honorific_len(tokens, k)
        if not h:
            continue
        s = k + h
        e = s
        while e < n and tokens[e].is_cap and e - s < 5:
            e += 1
        if _name_ok(tokens, s, e, strict=False) and not match_role(tokens, s):
            add(s, e, None, None)

    # 4. a name after a label ("Người ký: Nguyễn Văn A"): a named person, no title
    for k in range(n - 2):
        if tokens[k].low == "người" and tokens[k + 1].low == "ký" and tokens[k + 2].text == ":":
            s = k + 3
            e = _name_run(tokens, s)
            if _name_ok(tokens, s, e, strict=True) and not match_role(tokens, s):
                add(s, e, None, None)

    found.sort(key=lambda f: f[0])
    # shared title: "ông A, ông B, Phó Trưởng Ban ..." -> A holds B's title too
    for idx in range(len(found) - 2, -1, -1):
        s, e, pm = found[idx]
        ns, _ne, nxt = found[idx + 1]
        if pm.title is None and nxt.title:
            between = {t.low for t in tokens[e:ns]} - {",", "và", "ông", "bà", "đồng", "chí", "đ/c"}
            if not between:
                pm.title = nxt.title
                pm.posts = [Post(p.role, p.title, p.org, p.body_phrase) for p in nxt.posts]
    return [f[2] for f in found]


_HONORIFIC_LAST = frozenset(h[-1] for h in HONORIFICS)


# capitalised words that end a name written before the next label of a metadata line ("... Ngày ban hành:")
_LABEL_WORDS = {"ngày", "số", "nơi", "loại"}


def _name_run(tokens: list[Token], s: int) -> int:
    """End of the capitalised run from ``s`` (at most 5 words) that can be a name."""
    e = s
    while e < len(tokens) and tokens[e].is_cap and e - s < 5:
        if e > s + 1 and tokens[e].low in _LABEL_WORDS and e + 1 < len(tokens) and tokens[e + 1].is_lower:
            break
        e += 1
    return e


def _name_list(tokens: list[Token], k: int) -> list[tuple[int, int]]:
    """Names listed from ``tokens[k]``, separated by commas or "và", up to the clause end; [] when any item
    is not a name (then the colon did not introduce people)."""
    names: list[tuple[int, int]] = []
    n = len(tokens)
    while k < n:
        e = _name_run(tokens, k)
        if not _name_ok(tokens, k, e, strict=True):
            return []
        names.append((k, e))
        if e < n and (tokens[e].text == "," or tokens[e].low == "và") and e + 1 < n and tokens[e + 1].is_cap:
            k = e + 1
            continue
        if e == n or tokens[e].text in _END_PUNCT:
            return names
        return []
    return names


def _honorific_before(tokens: list[Token], s: int) -> int:
    if s == 0 or tokens[s - 1].low not in _HONORIFIC_LAST:
        return 0
    for h in HONORIFICS:
        n = len(h)
        if s - n >= 0 and tuple(t.low for t in tokens[s - n:s]) == h:
            return n
    return 0
