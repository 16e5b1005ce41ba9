"""Officials: people named in a report, with the post titles written next to them.

Orders handled (each shown in tests/test_officials.py and tests/test_officials_titles.py on sentences written for
the tests):
  apposition     "Ông Nguyễn Văn A, Phó Chủ tịch UBND tỉnh, ..."  /  "Nguyễn Văn A - Trưởng Ban Dân tộc"
  title first    "Phó Chủ tịch UBND tỉnh Nguyễn Văn A phát biểu"  /  "Bí thư Tỉnh ủy Lào Cai Nguyễn Văn A"
  shared title   "ông A, ông B, Phó Trưởng Ban Dân tộc tỉnh" (both hold it)
  honorific only "ông Nguyễn Văn A" (a named person, no post)
  title, then honorific   "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh ông Nguyễn Văn A"
  no comma after the name "ông Nguyễn Văn A Phó Chủ tịch UBND tỉnh" (the name stops where a role starts)
  list openers   "các Thứ trưởng: A, B và C" / "các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy: A, Giám đốc Sở ...;
                 B, ..." (the opener is every listed name's first post; "đồng chí D" written afresh leaves the list)
  title-first lists "Phó Chủ tịch UBND tỉnh A, Giám đốc Sở Y tế B, ..." (each person their own title)
Ranks and degrees ("Đại tá", "PGS.TS", "ThS.") introduce a name like an honorific and are neither name nor post;
"nguyên"/"Quyền" before a role stay in the title.  ``complete_body`` gives a title's body what the text makes clear
(the district of a bare "Huyện ủy", a named body the bodies extractor does not know).
A title runs from its role word to the clause end: ';', '.', '(' , a verb ("phát biểu", "chủ trì", "cho biết"),
or a comma not followed by another role or body; commas between roles keep it going
("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh").  Role words are data: data/roles.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from graph.datafiles import load_yaml
from graph.extract.facts import OrgRef, PersonMention, Post, Span
from graph.extract.organizations import body_from_phrase
from graph.extract.sentences import sentence_of
from graph.extract.tokens import Token, phrase_tokens, tokenize
from graph.resolve.gazetteer import Province
from graph.text.normalize import fold, unify_tones
from graph.text.scan import trie_pattern

DATA = Path(__file__).resolve().parent.parent / "data"

# words that end a title when written in lower case
_STOP_BIGRAMS = {
    ("đồng", "chủ"), ("chủ", "trì"), ("phát", "biểu"), ("cho", "biết"), ("nhấn", "mạnh"), ("báo", "cáo"),
    ("tham", "dự"), ("khẳng", "định"), ("đề", "nghị"), ("yêu", "cầu"), ("kết", "luận"), ("chỉ", "đạo"),
    ("đánh", "giá"), ("khai", "mạc"), ("bế", "mạc"), ("trình", "bày"), ("chia", "sẻ"), ("làm", "việc"),
    ("giới", "thiệu"), ("ghi", "nhận"), ("biểu", "dương"), ("trả", "lời"), ("thông", "tin"), ("quán", "triệt"),
    ("lưu", "ý"), ("mong", "muốn"), ("tiếp", "thu"), ("trao", "đổi"), ("cho", "rằng"), ("chúc", "mừng"),
    ("đại", "diện"), ("lãnh", "đạo"), ("kiểm", "tra"), ("đến", "dự"), ("thay", "mặt"), ("nhất", "trí"),
    ("động", "viên"), ("thăm", "hỏi"), ("bày", "tỏ"), ("ân", "cần"), ("tin", "tưởng"), ("hoan", "nghênh"),
    # verbs of saying and judging that follow a title on general news
    ("chứng", "minh"), ("nhận", "định"), ("nhận", "xét"), ("phân", "tích"), ("giải", "thích"), ("thừa", "nhận"),
    ("cảnh", "báo"), ("khuyến", "cáo"), ("tiết", "lộ"), ("xác", "nhận"), ("lý", "giải"), ("bình", "luận"),
    ("đề", "xuất"), ("kiến", "nghị"), ("thông", "báo"), ("tuyên", "bố"), ("phản", "ánh"), ("cam", "kết"),
    ("lo", "ngại"), ("dự", "báo"), ("ước", "tính"), ("giải", "trình"), ("phủ", "nhận"), ("bác", "bỏ"),
    ("nhắc", "lại"), ("băn", "khoăn"), ("kể", "lại"), ("trăn", "trở"), ("thẳng", "thắn"), ("di", "chuyển"),
    ("xung", "quanh"),
}
# stop bigrams that also name a body after "Ban", "Đoàn", "Tổ" ("Ủy ban kiểm tra", "Ban chỉ đạo")
_NAME_BIGRAMS = {("tiếng", "nói"), ("thư", "ký")}
_STOP_WORD_COMPOUNDS = {("dự", "án"), ("dự", "bị"), ("dự", "toán"), ("dự", "trữ"), ("dự", "báo")}
_BODY_BIGRAMS = {("kiểm", "tra"), ("chỉ", "đạo"), ("lãnh", "đạo"), ("thông", "tin")}
_STOP_WORDS = {
    "đã", "sẽ", "đang", "dự", "tặng", "trao", "thăm", "nói", "được", "là", "cùng", "tại", "có", "vừa", "cũng",
    "luôn", "đến", "gửi", "ký", "nêu", "về", "với", "khi", "thì", "mà", "nhằm", "để", "trong", "sau", "trước",
    "theo", "cảm", "tiếp", "chủ", "nhấn", "cho", "như", "này", "đó", "người", "cán", "làm", "do", "đọc",
    "đưa", "bị", "phải", "vẫn", "lại", "tỏ", "xin", "hỏi", "thừa", "kêu", "muốn", "mới", "cần", "nên", "hãy",
    "đều", "nhận", "ra", "bày", "gặp", "dẫn", "ở", "lúc",
}
_END_PUNCT = {";", ".", ":", "(", ")", "!", "?", "“", "”", "\"", "…", "[", "]"}
_DASHES = {"-", "–", "—"}
_APPOSITION = {",", "("} | _DASHES
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
    "nguồn", "tác", "bài", "đ", "khu", "cụm", "đội", "chi", "tiểu", "học", "giáo", "hòa", "thượng",
    # geographic words that begin a place's name ("Chợ Dừa", "Sông Hồng", "Buôn Ma Thuột", "Tây Nguyên")
    "sông", "núi", "chợ", "bến", "cầu", "đèo", "vũng", "hòn", "vịnh", "suối", "thác", "buôn", "làng", "xóm",
    "ấp", "phố", "phường", "quận", "đảo", "miền", "vùng", "tây", "không", "chúa",
}
# 'văn' starts pen names (Văn Hoa) but more often "Văn phòng": accepted only after an honorific.
_SOFT_NOT_NAME_START = {"văn"}
# labels a name follows in document metadata ("Người ký: Nguyễn Văn A"): a named person, no post
_NAME_LABELS = ("người ký",)
# lower-case words after which a capitalised run starts with a place name ("xã Mường Lạn Lò Văn Hùng")
# (provinces are the gazetteer's: see ``place_len``)
_PLACE_UNITS = {"xã", "huyện", "phường", "thị", "trấn", "thôn", "bản", "ấp", "buôn", "làng", "quận", "phố", "khu",
                "sóc", "plei"}
# lower-case words after which a capitalised run is a place, not a person ("sông Cửu Long, quyền Bộ trưởng")
_GEO_WORDS = _PLACE_UNITS | {"sông", "núi", "đèo", "hồ", "vùng", "miền", "tỉnh", "thành", "đường", "cầu", "chợ",
                             "chùa", "đình", "đền", "trường", "bệnh", "viện", "công", "ty", "nước", "đảo", "biển"}
# words after which capitalised words name a school, hospital, station ... (often after a person): not a person
_NAMED_AFTER = {"thcs", "thpt", "th", "ptdtnt", "ptdtbt", "đh", "cđ", "bv", "học", "xe", "chùa", "đường", "cầu",
                "chợ", "trường", "viện", "tòa", "sân", "cảng", "ga", "đình", "đền"}
# body abbreviations written in titles, expanded before the body is looked up ("Bí thư TU" -> Tỉnh ủy)
_TITLE_ABBR = {"TU": "Tỉnh ủy", "HU": "Huyện ủy", "ĐU": "Đảng ủy", "ThU": "Thành ủy", "TW": "Trung ương",
               "TƯ": "Trung ương", "T.Ư": "Trung ương", "UBMT": "Ủy ban Mặt trận", "UB": "Ủy ban"}


@dataclass(frozen=True)
class Role:
    notation: str
    label: str
    forms: tuple[tuple[str, ...], ...]
    head: str | None
    implies: str | None
    unit_body: tuple[tuple[str, str], ...] = ()     # (unit word, body template): "tỉnh" -> "UBND tỉnh {name}"
    body_word: str | None = None                     # "Bộ" for "Bộ trưởng Tư pháp" (= of Bộ Tư pháp)


@dataclass(frozen=True)
class _Lexicon:
    """roles.yaml, indexed for matching at a token: folded forms, as-written abbreviations, intro words."""

    roles: dict[str, Role]
    folded: dict[str, list[tuple[tuple[str, ...], Role, str | None]]]     # first folded word -> forms
    exact: dict[str, list[tuple[tuple[str, ...], Role, str | None]]]      # first word as written -> abbreviations
    intro_folded: dict[str, list[tuple[tuple[str, ...], tuple[bool, ...]]]]   # (folded words, lower case as written)
    intro_exact: dict[str, list[tuple[str, ...]]]
    modifiers: frozenset[str]
    surnames: frozenset[str]
    body_heads: tuple[tuple[str, ...], ...]
    folded_trie: dict = field(default_factory=dict)    # word -> subtrie; key None holds (role, implied body)
    exact_trie: dict = field(default_factory=dict)


def _raw_tokens(phrase: str) -> tuple[str, ...]:
    """Tokens of a phrase as written (NFC, new tone style): for case-sensitive abbreviations."""
    return tuple(t.text for t in tokenize(unify_tones(phrase)))


@cache
def _lexicon() -> _Lexicon:
    raw = load_yaml((DATA / "roles.yaml").read_text(encoding="utf-8"))
    roles_: dict[str, Role] = {}
    folded: dict[str, list[tuple[tuple[str, ...], Role, str | None]]] = {}
    exact: dict[str, list[tuple[tuple[str, ...], Role, str | None]]] = {}
    for k, v in raw.items():
        if not isinstance(v, dict) or "vi" not in v:
            continue
        unit_body = tuple((raw.get("unit_bodies") or {}).get(v.get("unit_body"), {}).items())
        role = Role(k, v["vi"], tuple(phrase_tokens(f) for f in v["forms"]), v.get("head"), v.get("implies"),
                    unit_body, v.get("body_word"))
        roles_[k] = role
        for form in role.forms:
            folded.setdefault(form[0], []).append((form, role, None))
        for ab in v.get("abbr") or ():
            toks = _raw_tokens(ab)
            exact.setdefault(toks[0], []).append((toks, role, None))
        for ab, body in (v.get("abbr_body") or {}).items():
            toks = _raw_tokens(str(ab))
            exact.setdefault(toks[0], []).append((toks, role, body))
    intro_folded: dict[str, list[tuple[tuple[str, ...], tuple[bool, ...]]]] = {}
    intro_exact: dict[str, list[tuple[str, ...]]] = {}
    for word in [*raw.get("honorifics", []), *raw.get("ranks", [])]:
        word = str(word)
        if word == word.upper():
            toks = _raw_tokens(word)
            intro_exact.setdefault(toks[0], []).append(toks)
        else:
            ftoks = phrase_tokens(word)
            lower = tuple(w[:1].islower() for w in _raw_tokens(word))
            intro_folded.setdefault(ftoks[0], []).append((ftoks, lower))
    for index in (folded, exact):
        for forms in index.values():
            forms.sort(key=lambda fr: -len(fr[0]))
    for exact_forms in intro_exact.values():
        exact_forms.sort(key=len, reverse=True)
    for folded_forms in intro_folded.values():
        folded_forms.sort(key=lambda fl: -len(fl[0]))
    return _Lexicon(roles_, folded, exact, intro_folded, intro_exact,
                    frozenset(fold(m) for m in raw.get("modifiers", [])),
                    frozenset(fold(w) for w in raw.get("surnames", [])),
                    tuple(phrase_tokens(h) for h in raw.get("body_heads", [])),
                    _trie(folded), _trie(exact))


@dataclass(frozen=True)
class _NameFilters:
    """What is never a person's name (roles.yaml and the gazetteer, data/provinces.yaml), folded word tuples."""

    places: frozenset[tuple[str, ...]]        # provinces, their aliases, capitals, regions, cities, countries
    districts: frozenset[tuple[str, ...]]     # district names: a place unless a family name starts them
    not_name_words: frozenset[str]
    firm_heads: tuple[tuple[str, ...], ...]
    kin_words: frozenset[str]
    openers: frozenset[str]


@cache
def _filters() -> _NameFilters:
    raw = load_yaml((DATA / "roles.yaml").read_text(encoding="utf-8"))
    geo = load_yaml((DATA / "provinces.yaml").read_text(encoding="utf-8"))
    places: set[tuple[str, ...]] = {phrase_tokens(str(p)) for p in raw.get("places", [])}
    districts: set[tuple[str, ...]] = set()
    for row in geo["provinces"]:
        for form in (row["name"], *(row.get("aliases") or ()), row.get("capital") or ""):
            toks = phrase_tokens(unify_tones(str(form)))
            places.update(toks[k:] for k in range(len(toks) - 1))     # "Bà Rịa - Vũng Tàu", "Vũng Tàu"
        for d in (*(row.get("districts") or ()), *(row.get("former") or ())):
            name = re.sub(r"^(?:thành phố|thị xã|huyện)\s+", "", str(d))
            districts.add(phrase_tokens(unify_tones(name)))
    people = {phrase_tokens(str(p)) for p in raw.get("places_named_after_people", [])}
    places = {p for p in places if len(p) >= 2 and p not in people and all(w[0].isalpha() for w in p)}
    return _NameFilters(frozenset(places), frozenset(d for d in districts if len(d) >= 2),
                        frozenset(fold(w) for w in raw.get("not_name_words", [])),
                        tuple(phrase_tokens(h) for h in raw.get("firm_heads", [])),
                        frozenset(fold(w) for w in raw.get("kin_words", [])),
                        frozenset(fold(w) for w in raw.get("sentence_openers", [])))


def _is_place_name(words: tuple[str, ...]) -> bool:
    """Folded name words that spell a place: a province, region, city or country; a district unless a family
    name starts it ("Lâm Hà" may be a person, "Phước Sơn" is not)."""
    f = _filters()
    if words in f.places:
        return True
    return words in f.districts and words[0] not in _lexicon().surnames


def not_a_person(words: tuple[str, ...]) -> bool:
    """A candidate name (folded words) that names a place or a firm."""
    return _is_place_name(words) or any(w in _filters().not_name_words for w in words)


def _trie(index: dict[str, list[tuple[tuple[str, ...], Role, str | None]]]) -> dict:
    """Word trie of the forms (one walk per token instead of one comparison per form)."""
    root: dict = {}
    for forms in index.values():
        for form, role, body in forms:
            node = root
            for w in form:
                node = node.setdefault(w, {})
            node.setdefault(None, (role, body))
    return root


def _walk(trie: dict, words: list[str], i: int) -> tuple[Role, int, str | None] | None:
    """Longest form in ``trie`` spelled by ``words`` from ``i``."""
    node, best, k = trie, None, i
    while k < len(words):
        node = node.get(words[k])
        if node is None:
            break
        k += 1
        if None in node:
            role, body = node[None]
            best = (role, k - i, body)
    return best


def roles() -> dict[str, Role]:
    return _lexicon().roles


@lru_cache(maxsize=1)
def _body_words() -> dict[str, str]:
    return {fold(r.label): r.body_word for r in roles().values() if r.body_word}


def body_word(role_label: str) -> str | None:
    """The head word a title of this role may leave out of its body: "Bộ" for "Bộ trưởng Tư pháp"."""
    return _body_words().get(fold(role_label))


def _role_at(tokens: list[Token], i: int) -> tuple[Role, int, str | None] | None:
    """The role written at ``tokens[i]``: (role, tokens taken, body named by the abbreviation itself)."""
    n = len(tokens)
    if i >= n:
        return None
    lex = _lexicon()
    t = tokens[i]
    if t.low not in lex.folded_trie and t.text not in lex.exact_trie and t.low not in lex.modifiers:
        return None                             # most words: two dictionary misses
    if t.low in lex.modifiers and i + 1 < n and (t.is_lower or i == 0 or not tokens[i - 1].is_word):
        hit = _role_at(tokens, i + 1)
        return (hit[0], hit[1] + 1, hit[2]) if hit else None
    if t.text in lex.exact_trie:
        hit = _walk(lex.exact_trie, [x.text for x in tokens[i:i + 4]], 0)
        if hit:
            return hit
    if t.low in lex.folded_trie:
        return _walk(lex.folded_trie, [x.low for x in tokens[i:i + 12]], 0)
    return None


def match_role(tokens: list[Token], i: int) -> tuple[Role, int] | None:
    """The role written at ``tokens[i]`` and how many tokens it takes (longest form wins)."""
    hit = _role_at(tokens, i)
    return (hit[0], hit[1]) if hit else None


def _one_intro(tokens: list[Token], i: int) -> int:
    lex = _lexicon()
    t = tokens[i]
    if t.low not in lex.intro_folded and t.text not in lex.intro_exact:
        return 0
    for form in lex.intro_exact.get(t.text, ()):
        k = len(form)
        if i + k <= len(tokens) and all(tokens[i + m].text == form[m] for m in range(k)):
            return k
    for form, lower in lex.intro_folded.get(t.low, ()):
        # "Trung tá" is a rank, "Đỗ Trung Tá" a name: later words keep their written case
        k = len(form)
        if i + k <= len(tokens) and all(tokens[i + m].low == form[m] and (m == 0 or not lower[m]
                                        or tokens[i + m].is_lower) for m in range(k)):
            return k
    return 0


def _honorific_len(tokens: list[Token], i: int) -> int:
    """Tokens taken by the words of address, ranks and degrees at ``i`` ("đồng chí Đại tá, TS. ")."""
    n, j = len(tokens), i
    if i >= n or (tokens[i].low not in _lexicon().intro_folded and tokens[i].text not in _lexicon().intro_exact):
        return 0
    while j < n:
        k = _one_intro(tokens, j)
        if not k:
            break
        j += k
        if j < n and tokens[j].text == "." and tokens[j - 1].text[0].isupper():
            j += 1                              # "TS." / "ThS."
        if j + 1 < n and tokens[j].text in {",", "-"} and _one_intro(tokens, j + 1):
            j += 1                              # "Thiếu tướng, PGS.TS"
    if j > i and tokens[j - 1].text in {",", "-"}:
        j -= 1
    return j - i


def _honorific_before(tokens: list[Token], s: int) -> int:
    """Length of the honorific/rank run that ends right at ``s`` (0 when none)."""
    for k in range(max(0, s - 8), s):
        if _honorific_len(tokens, k) == s - k:
            return s - k
    return 0


# capitalised words after which a rank word belongs to a body's name ("Hội Nhà báo", "Đoàn Luật sư")
_RANK_IN_BODY_AFTER = {"hội", "đoàn", "đội", "bộ", "viện", "trường", "hiệp", "ban", "câu", "lạc", "nghiệp"}


def _intro_of_name(tokens: list[Token], j: int) -> int:
    """An honorific or rank at ``j`` that introduces a name (not "Đoàn Luật sư TP", "Hội Nhà báo Việt Nam")."""
    h = _honorific_len(tokens, j)
    if not h or (j > 0 and tokens[j - 1].is_cap and tokens[j - 1].low in _RANK_IN_BODY_AFTER):
        return 0
    k = j + h
    return h if k + 1 < len(tokens) and tokens[k].is_cap and tokens[k + 1].is_cap else 0


def _is_stop(tokens: list[Token], j: int) -> bool:
    t = tokens[j]
    if not t.is_lower:
        return False
    if j > 0 and (tokens[j - 1].low, t.low) in _NAME_BIGRAMS:
        return False                    # "Đài Tiếng nói Việt Nam", "Tổng Thư ký": not the verbs "nói", "ký"
    if (j + 1 < len(tokens) and (t.low, tokens[j + 1].low) in _STOP_WORD_COMPOUNDS) or \
            (j > 0 and (tokens[j - 1].low, t.low) in _STOP_WORD_COMPOUNDS):
        return False                    # "Ban Quản lý dự án", "Đại học dự bị": not the verb "dự" (attend)
    if j + 1 < len(tokens) and (t.low, tokens[j + 1].low) in _STOP_BIGRAMS:
        return not (j > 0 and tokens[j - 1].low in {"ban", "đoàn", "tổ"}
                    and (t.low, tokens[j + 1].low) in _BODY_BIGRAMS)
    return t.low in _STOP_WORDS


def _title_end(tokens: list[Token], i: int, limit: int = 40, place_len: PlaceLen | None = None) -> int:
    """Index one past the last token of the title that starts at ``i`` (a role word).

    With ``place_len``, a comma after a person's name ends the title even when a role follows: "Phó Chủ tịch UBND
    tỉnh Nguyễn Văn A, Giám đốc Sở Y tế Lê Văn B" lists two people, each title written first."""
    m = match_role(tokens, i)
    j, n = i + (m[1] if m else 1), len(tokens)
    while j < n and j - i < limit:
        t = tokens[j]
        if t.text in _END_PUNCT:
            break
        if t.text == "," or t.text in _DASHES:
            k = j + 1
            if k < n and (match_role(tokens, k) or (tokens[k].low in _BODY_STARTS and not _honorific_len(tokens, k))):
                if place_len is not None and _name_before(tokens, i, j, place_len) is not None:
                    break
                j = k
                continue
            if _comma_in_name(tokens, k):
                j = k                   # "Sở Văn hóa, Thể thao và Du lịch", "Bộ Lao động - Thương binh và Xã hội"
                continue
            break
        if j > i and (_is_stop(tokens, j) or _intro_of_name(tokens, j)):
            break
        if j > i and t.low == "và" and j + 1 < n and (_honorific_len(tokens, j + 1) or tokens[j + 1].low == "các"):
            break
        if j > i and t.low == "và" and match_role(tokens, j + 1) and j - _cap_run_before(tokens, j, i) >= 2:
            break                       # "PCT UBND tỉnh Lê Văn A và GĐ Sở Tài chính Trần Thị B": two people
        if j > i and t.is_lower and t.low != "kiêm" and place_len is not None \
                and _name_before(tokens, i, j, place_len) is not None \
                and not any(match_role(tokens, k) for k in range(_cap_run_before(tokens, j, i + 1), j)):
            break                       # a name ends a title: "Tổng giám đốc Lê Văn A và kế toán trưởng Trần Thị B",
                                        # "Bộ trưởng Lê Văn A chưa ..." (but "... huyện X kiêm Trưởng Ban ..." goes on)
        if j > i and t.low == "và" and j + 1 < n and tokens[j + 1].is_lower and tokens[j + 1].low in _AND_CLAUSE:
            break                       # "Chủ tịch Hội ... và gần 150 nhà giáo": "và" joins a new phrase
        j += 1
    while j > i + 1 and (tokens[j - 1].low in {"và", "kiêm", "của"} or tokens[j - 1].text in {","} | _DASHES):
        j -= 1                          # "Phó Thủ tướng Lê Văn A và đại diện ...": the joiner is not the title's
    return j


# lower-case words after "và" that begin a new phrase, not the rest of a body's name
_AND_CLAUSE = {"gần", "hơn", "các", "những", "nhiều", "một", "hai", "ba", "là", "đã", "được", "thày", "thầy", "cô",
               "bị", "bãi", "cũng", "còn", "đang", "sẽ", "người", "ngài", "vợ", "chồng", "con", "nay", "hiện", "ông",
               "bà", "anh", "chị"}


def _comma_in_name(tokens: list[Token], k: int) -> bool:
    """Words after a comma that go on naming the same body: capitalised, no family name, "và" a few words on."""
    if k >= len(tokens) or not tokens[k].is_cap or tokens[k].low in _lexicon().surnames:
        return False
    for t in tokens[k + 1:k + 9]:
        if t.low == "và":
            return True
        if not t.is_word and t.text != ",":
            return False
    return False


_NAME_COMMA = re.compile(r",\s*(?=[A-ZĐÀ-Ỹ][^\W\d]*(?:[\s,]+[^\W\d]+){0,6}?\s+và\s)")


def first_body(phrase: str) -> str:
    """The first body a title phrase names: up to a comma, except the commas inside one name ("Sở Văn hóa,
    Thể thao và Du lịch", "Ủy ban Văn hóa, Giáo dục, ... và Nhi đồng")."""
    pos = 0
    while True:
        comma = phrase.find(",", pos)
        if comma < 0:
            return phrase.strip()
        if _NAME_COMMA.match(phrase, comma) is None:
            return phrase[:comma].strip()
        pos = comma + 1


def _name_before(tokens: list[Token], i: int, j: int, place_len: PlaceLen) -> int | None:
    """Start of a person's name that ends a title at ``j`` (the title starts at ``i``), or None."""
    m = match_role(tokens, i)
    run = _cap_run_before(tokens, j, i + (m[1] if m else 1))
    surnames = _lexicon().surnames
    if run >= j or not any(t.low in surnames or t.text[:2] in {"H'", "H’"} for t in tokens[max(run, j - 4):j]):
        return None                     # cheap test first: no family name, no person
    s = _strip_leading(tokens, run, j, place_len)
    if not 2 <= j - s <= 4 or not _name_ok(tokens, s, j, strict=True) or not _starts_a_name(tokens, run, s):
        return None
    return s if tokens[s].low in _lexicon().surnames or tokens[s].text[:2] in {"H'", "H’"} else None


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
    return all(t.is_cap and not any(ch.isdigit() for ch in t.text) for t in tokens[s:e])


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
        if tokens[s].low == "việt" and s + 1 < e and tokens[s + 1].low == "nam":
            s += 2                              # "... Mặt trận Tổ quốc Việt Nam Nguyễn Văn A"
            continue
        break
    surnames = _lexicon().surnames
    if s < e and (e - s >= 5 or (s > 0 and tokens[s - 1].low in _PLACE_UNITS and e - s > 2
                                 and tokens[s].low not in surnames)):
        # "xã Mường Lạn Lò Văn Hùng", "BV Từ Dũ Nguyễn Thị Ngọc Phượng": the place ends where a family name starts
        # (the first one that leaves a name of at most four words: "Đặng Lê Nguyên Vũ" keeps its "Đặng")
        return next((k for k in range(s, e - 1) if tokens[k].low in surnames and e - k <= 4), s)
    return s


def _split_posts(text: str, tokens: list[Token], s: int, e: int) -> list[Post]:
    """One Post per comma-separated role in the title tokens[s:e]."""
    parts: list[tuple[int, int]] = []
    start = s
    for k in range(s, e):
        if (tokens[k].text in {","} | _DASHES or tokens[k].low in {"và", "kiêm"}) and match_role(tokens, k + 1):
            parts.append((start, k))
            start = k + 1
    parts.append((start, e))
    posts: list[Post] = []
    for ps, pe in parts:
        if ps >= pe:
            continue
        part_text = text[tokens[ps].start:tokens[pe - 1].end]
        hit = _role_at(tokens, ps)
        if hit is None:
            # a body coordinated with the previous role ("Trưởng Ban Chỉ đạo, Ban Tổ chức ...")
            if posts:
                prev = posts[-1]
                posts.append(Post(prev.role, part_text, None, body_phrase=part_text))
            continue
        role, n, named = hit
        rest = _expand_title_abbr(text[tokens[ps + n].start:tokens[pe - 1].end]) if ps + n < pe else ""
        if named:
            body = f"{named} {rest}".strip()
        elif role.head:
            if not rest:
                body = role.implies or role.head
            elif fold(rest).split(" ")[0] == fold(role.head).split(" ")[0]:
                body = rest                     # "Trưởng ban Ban Dân vận": the head is written again
            else:
                body = f"{role.head} {rest}"
        else:
            body = _unit_body(role, rest) or rest or role.implies or ""
        posts.append(Post(role.label, part_text, None, body_phrase=body or None))
    # a role with no body of its own serves the body of the next role ("Bộ trưởng, Chủ nhiệm UBDT")
    for k in range(len(posts) - 2, -1, -1):
        if posts[k].body_phrase is None and posts[k + 1].body_phrase:
            posts[k].body_phrase = posts[k + 1].body_phrase
    return posts


def _unit_body(role: Role, rest: str) -> str | None:
    """"Chủ tịch tỉnh X" -> "UBND tỉnh X", "Bí thư huyện X" -> "Huyện ủy X": a title naming only the unit."""
    low = fold(rest)
    for unit, template in role.unit_body:
        name = rest[len(unit):].strip()
        if (low == unit or low.startswith(unit + " ")) and (not name or name[0].isupper() or name[0].isdigit()):
            return template.format(name=name).strip()
    return None


def _expand_title_abbr(phrase: str) -> str:
    words = phrase.split(" ")
    return " ".join(_TITLE_ABBR.get(w, w) for w in words)


@cache
def _cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Any role form, honorific or rank: a sentence without one names no official.  The first pattern runs on the
    lower-cased text (forms matched in any case), the second on the text as written (abbreviations: "PCT", "Ô").

    Only forms that no shorter form starts are kept ("ủy viên" covers "ủy viên ban thường vụ").
    """
    lex = _lexicon()
    phrases = {form for role in lex.roles.values() for form in role.forms}
    for folded_entries in lex.intro_folded.values():
        phrases |= {form for form, _lower in folded_entries}
    phrases |= {tuple(label.split()) for label in _NAME_LABELS}
    exact = {entry[0] for entries in lex.exact.values() for entry in entries}
    exact |= {form for forms in lex.intro_exact.values() for form in forms}

    def rx(items: set[tuple[str, ...]], lead: str) -> re.Pattern[str]:
        # a trie of the words (graph.text.scan.trie_pattern): 0.19 -> 0.11 CPU s per 1,000 VNTC articles
        minimal = {p for p in items if not any(p[:k] in items for k in range(1, len(p)))}
        return re.compile(lead + r"(?:" + trie_pattern(minimal, r"\s*") + r")(?!\w)")
    # measured: the look-behind pays for itself on the lower-cased forms ("ông" inside "không"), not on the
    # upper-case abbreviations, where it would stop the fast scan for a first capital
    return rx(phrases, r"(?<!\w)"), rx(exact, "")


def _sentences_with_cues(text: str, sentences: list[Span]) -> list[Span]:
    written = unify_tones(text)
    low = written.lower()
    if len(low) != len(text):      # offsets would not line up: look at every sentence
        return sentences
    folded, exact = _cues()
    found: set[Span] = set()
    for s, pattern in ((low, folded), (written, exact)):
        for m in pattern.finditer(s):
            if m.start() > 0 and (s[m.start() - 1].isalnum() or s[m.start() - 1] == "_"):
                continue
            sent = sentence_of(sentences, m.start())
            if sent is not None:
                found.add(sent)
    return sorted(found)


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
    _full_names(out)
    return out


def _full_names(mentions: list[PersonMention]) -> None:
    """A short form of a name written in full elsewhere in the article is that person: the given names ("bà Kim
    Thoa" after "Hồ Thị Kim Thoa") or, in Ê Đê and Jarai names, the name before the family name ("Y Khé" after
    "Y Khé Niê").  Only when exactly one full name fits."""
    names = {m.name for m in mentions}
    longer = [tuple(n.split()) for n in names if len(n.split()) >= 3]
    if not longer:
        return
    for m in mentions:
        words = tuple(m.name.split())
        k = len(words)
        fits = {full for full in longer if len(full) > k and (full[-k:] == words or full[:k] == words)}
        if len(fits) == 1:
            m.name = " ".join(fits.pop())


def _name_end(tokens: list[Token], s: int) -> int:
    """End of a name written after an honorific: capitalised words, stopping where a role starts."""
    e = s
    while e < len(tokens) and tokens[e].is_cap and e - s < 5:
        if e - s >= 2 and match_role(tokens, e):
            break
        e += 1
    return e


def _officials_in(text: str, tokens: list[Token], sent: Span, place_len: PlaceLen) -> list[PersonMention]:
    found: list[tuple[int, int, PersonMention]] = []   # (name start idx, name end idx, mention)
    used: set[int] = set()
    openers: list[tuple[int, int]] = []                # (title start, colon) of "các Ủy viên ...: A, ...; B, ..."
    n = len(tokens)

    def add(s: int, e: int, ts: int | None, te: int | None) -> bool:
        s, e = _trim_name(tokens, s, e)
        if e - s < 2 or any(k in used for k in range(s, e)) or place_len(tokens, s, e) == e - s \
                or not_a_person(tuple(_name_word(t).lower() for t in tokens[s:e])):
            return False                        # "luật sư Hà Nội", "Tây Nguyên", "Manulife Financial": nobody's name
        words = [_name_word(t) for t in tokens[s:e]]
        name = unify_tones(" ".join(words))
        span = Span(tokens[s].start, tokens[e - 1].start + len(words[-1]))
        title = text[tokens[ts].start:tokens[te - 1].end].strip(" ,-–") if ts is not None and te and te > ts else None
        posts = _split_posts(text, tokens, ts, te) if title and ts is not None and te is not None else []
        found.append((s, e, PersonMention(name, span, sent, title, posts)))
        used.update(range(s, e))
        if ts is not None and te is not None:
            used.update(range(ts, te))
        return True

    # 1. apposition: NAME ("," | "-" | "(") ROLE ...
    for k in range(1, n - 1):
        if tokens[k].text not in _APPOSITION or not match_role(tokens, k + 1):
            continue
        s = _cap_run_before(tokens, k)
        if k - s > 7:
            s = k - 5
        lead = _honorific_len(tokens, s)          # "Ông Kiên Ninh," / "Đ/c Nguyễn ...": the honorific is capitalised
        s += lead
        h = lead or _honorific_before(tokens, s)
        strict = not h
        s = _strip_leading(tokens, s, k, place_len) if strict else s
        if not _name_ok(tokens, s, k, strict) or (strict and s > 0 and tokens[s - 1].low in _GEO_WORDS):
            continue
        te = _title_end(tokens, k + 1, place_len=place_len)
        if not h and s > 0 and tokens[s - 1].is_word and _name_before(tokens, k + 1, te, place_len) is not None:
            # "Giám đốc Sở Y tế Lê Văn A, Trưởng Ban Dân tộc tỉnh Hà Thị B": A ends a title written first,
            # and the next title ends with B: a list of people each written title first
            continue
        add(s, k, k + 1, te)

    # 2. title first: a role followed (within its title) by a name at the very end, or by an honorific and a name
    i = 0
    while i < n:
        m = match_role(tokens, i)
        if m is None or i in used:
            i += 1
            continue
        end = _title_end(tokens, i, place_len=place_len)
        h = _intro_of_name(tokens, end) if end < n else 0
        if h and _name_before(tokens, i, end, place_len) is None:
            # (a title that already ends with a name is a headline running into the text: "... thứ trưởng
            # Nguyễn Văn A Ông Nguyễn Văn A được ...")
            # "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh ông Nguyễn Văn A"
            ne = _name_end(tokens, end + h)
            if _name_ok(tokens, end + h, ne, strict=False) and add(end + h, ne, i, end):
                i = ne
                continue
        run = _cap_run_before(tokens, end, i + m[1])
        s = _strip_leading(tokens, run, end, place_len)
        if _name_ok(tokens, s, end, strict=True) and (end == n or not tokens[end].is_cap or h) \
                and _starts_a_name(tokens, run, s) and not _after_firm_head(tokens, i + m[1], run, s):
            # "X, Trưởng Ban ...": the name is before the role, not after: leave it to apposition
            add(s, end, i, s)
            if _plural_before(tokens, i):
                # "các Thứ trưởng A, B và C": the plural title is every listed name's
                k = end
                while k + 1 < n and (tokens[k].text == "," or tokens[k].low == "và") and tokens[k + 1].is_cap:
                    ne = _name_run(tokens, k + 1)
                    if not _name_ok(tokens, k + 1, ne, strict=True) or match_role(tokens, k + 1):
                        break
                    add(k + 1, ne, i, s)
                    k = ne
        elif end < n and tokens[end].text == ":":
            # a title introducing a list: "các đồng chí Phó Giám đốc Sở: Lê Văn A, Trần Thị B và Đỗ C"
            listed = _name_list(tokens, end + 1)
            for ns, ne in listed:
                add(ns, ne, i, end)
            if not listed:
                openers.append((i, end))
        i = end if end > i else i + 1

    # 3. honorific + name: no title, a title written straight after the name, or "... làm Trưởng đoàn"
    for k in range(n):
        h = _honorific_len(tokens, k)
        if not h or _honorific_in_place(tokens, k, h, place_len):
            continue
        s = k + h
        e = _name_end(tokens, s)
        if not _name_ok(tokens, s, e, strict=False) or match_role(tokens, s):
            continue
        if e < n and match_role(tokens, e):
            add(s, e, e, _title_end(tokens, e))
        elif e + 1 < n and tokens[e].low == "làm" and match_role(tokens, e + 1):
            add(s, e, e + 1, _title_end(tokens, e + 1))
        else:
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
        if pm.title is None and nxt.title and _only_joiners(tokens, e, ns):
            pm.title = nxt.title
            pm.posts = [Post(p.role, p.title, p.org, p.body_phrase) for p in nxt.posts]
    for ts, colon in openers:
        _apply_opener(text, tokens, ts, colon, found)
    return [f[2] for f in found]


_TAGGED = re.compile(r"^(\w+)[-–]([A-ZĐ]{2,5})$")


def _name_word(t: Token) -> str:
    """A name's word as written, without a newspaper tag glued to it ("Trung-TN") or the first word of the next
    sentence glued without a space ("LongNăm")."""
    m = _TAGGED.match(t.text)
    if m:
        return m.group(1)
    w = t.text
    for k in range(3, len(w) - 1):
        if w[k].isupper() and w[k - 1].islower() and w.isalpha():
            return w[:k]
    return w


def _trim_name(tokens: list[Token], s: int, e: int) -> tuple[int, int]:
    """Leave out a capitalised kinship word before a full name ("Anh Đoàn Văn A") and the first word of the next
    sentence after a headline's name ("Ông Nguyễn Văn An Sau 2 năm ...")."""
    f = _filters()
    surnames = _lexicon().surnames
    if e - s >= 3 and tokens[s].low in f.kin_words and (tokens[s + 1].low in surnames or s == 0):
        s += 1                          # a kin word at the sentence start before two more words: "Anh Nam Đồng, ..."
    if e - s >= 4 and tokens[e - 1].low in f.openers and (e == len(tokens) or not tokens[e].is_cap):
        e -= 1
    if e - s >= 2 and len(tokens[e - 1].text) == 1 and e + 1 < len(tokens) and tokens[e].text == "." \
            and tokens[e + 1].is_cap:
        e -= 1                          # "Erika E. Feller": an initial cut off from the family name after it
    return s, e


def _honorific_in_place(tokens: list[Token], k: int, h: int, place_len: PlaceLen) -> bool:
    """"Bà"/"Ô" starting a place's name ("tỉnh Bà Rịa - Vũng Tàu", "phường Ô Chợ Dừa"), not a word of address."""
    if k > 0 and tokens[k - 1].is_lower and tokens[k - 1].low in _PLACE_UNITS:
        return True
    return place_len(tokens, k, len(tokens)) > h


def _after_firm_head(tokens: list[Token], a: int, run: int, s: int) -> bool:
    """In a title, capitalised words right after a lower-case firm word ("Giám đốc công ty du lịch Hoa Sen")
    name the firm unless a family name starts them."""
    if tokens[s].low in _lexicon().surnames:
        return False
    for k in range(run - 1, a - 1, -1):
        for head in _filters().firm_heads:
            if tuple(t.low for t in tokens[k:k + len(head)]) == head:
                return True             # "Công ty Hòa Bình" too: its "ty" is written in lower case
        if not tokens[k].is_lower:
            return False
    return False


def _starts_a_name(tokens: list[Token], run: int, s: int) -> bool:
    """After a body word ("Trường Hùng Vương") or a place word ("xã Sông Phan", "tỉnh Hà Tây") the capitalised
    words name the body or the place unless a family name starts them."""
    before = tokens[run - 1] if run > 0 else None
    if s == run and before is not None and before.low in _NAMED_AFTER and (before.low != "trường"
                                                                         or before.text[0].isupper()):
        return False                    # "Trường THCS Phạm Đình Hổ", "Đại học Nông Lâm" (not "môi trường", "thị trường")
    after_place = run > 0 and tokens[run - 1].low in _PLACE_UNITS | {"tỉnh", "phố"}
    if s == run and not after_place:
        return True
    first = tokens[s]
    return first.low in _lexicon().surnames or first.text[:2] in {"H'", "H’"}


def _only_joiners(tokens: list[Token], e: int, ns: int) -> bool:
    """Nothing but commas, "và" and honorifics between two names."""
    k = e
    while k < ns:
        if tokens[k].text == "," or tokens[k].low == "và":
            k += 1
            continue
        h = _honorific_len(tokens, k)
        if not h:
            return False
        k += h
    return True


def _plural_before(tokens: list[Token], i: int) -> bool:
    """The role at ``i`` is written as a plural: "các Thứ trưởng", "các đồng chí Phó Chủ tịch"."""
    k = i - 1
    if k >= 1 and tokens[k].low == "chí" and tokens[k - 1].low == "đồng":
        k -= 2
    return k >= 0 and tokens[k].low == "các"


def _apply_opener(text: str, tokens: list[Token], ts: int, colon: int,
                  found: list[tuple[int, int, PersonMention]]) -> None:
    """The list opener's title is the first post of every name listed after its colon, up to a name
    introduced afresh ("đồng chí D, ...") or the next opener's colon."""
    opener = _split_posts(text, tokens, ts, colon)
    if not opener:
        return
    for s, _e, pm in found:
        if s <= colon:
            continue
        if _honorific_before(tokens, s) or any(t.text == ":" for t in tokens[colon + 1:s]):
            break
        own = pm.posts
        pm.posts = [Post(p.role, p.title, p.org, p.body_phrase) for p in opener] + own
        if pm.title is None:
            pm.title = text[tokens[ts].start:tokens[colon - 1].end]


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


# --- bodies of titles the bodies extractor leaves open ----------------------------------------------------
@lru_cache(maxsize=4096)
def title_body(phrase: str, province: Province | None) -> OrgRef | None:
    """``body_from_phrase``, remembered: titles repeat the same few bodies ("UBND tỉnh", "Tỉnh ủy") in every report,
    and the answer depends only on the words and the province (OrgRef is immutable)."""
    return body_from_phrase(phrase, province)


_DISTRICT_LEVEL = {"huyen-uy", "ubnd-huyen", "hdnd-huyen", "mttq-huyen", "phong-dan-toc", "phong"}
_BARE_DISTRICT_COMMITTEE = re.compile(r"(?:Ban Thường vụ\s+)?(?:Huyện|Thị|Quận)\s+(?:ủy|uỷ)", re.IGNORECASE)
_DISTRICT_NAMED = re.compile(r"(?<!\w)(huyện|thị xã|quận)\s+((?:[A-ZĐ][^\s,.;:()]*)(?:\s+[A-ZĐ][^\s,.;:()]*){0,3})")


def _districts_in(text: str) -> list[tuple[str, str]]:
    """(unit, name) of the districts a text names ("huyện Mường Khương"); a name stops at a family name."""
    surnames = _lexicon().surnames
    out: list[tuple[str, str]] = []
    for m in _DISTRICT_NAMED.finditer(text):
        words = m.group(2).split()
        if fold(words[0]) in _filters().openers or fold(words[0]) == "hôm":
            continue                    # "Chủ tịch UBND huyện Hôm qua ...": no district named
        for k in range(1, len(words)):
            if fold(words[k]) in surnames and k >= 2:
                words = words[:k]
                break
        item = (m.group(1), " ".join(words[:3]))
        if item not in out:
            out.append(item)
    return out


def complete_body(org: OrgRef | None, phrase: str, province: Province | None, text: str, sentence: Span) -> OrgRef | None:
    """A title's body with what the text makes clear: the district of a bare "Huyện ủy"/"UBND huyện" (named in
    the sentence, or the only district the article names), and a named body the bodies extractor does not know
    ("Hội đồng Trị sự ...", "Học viện ..."), kept as written."""
    district_level = (org is not None and org.kind in _DISTRICT_LEVEL and org.district is None) or (
        org is None and _BARE_DISTRICT_COMMITTEE.fullmatch(phrase.strip()) is not None)
    if district_level:
        named = _districts_in(sentence.of(text)) or _districts_in(text)
        if len(set(named)) == 1:
            unit, name = named[0]
            if _BARE_DISTRICT_COMMITTEE.fullmatch(phrase.strip()):
                committee = {"huyện": "Huyện ủy", "thị xã": "Thị ủy", "quận": "Quận ủy"}[unit]
                prefix = "Ban Thường vụ " if fold(phrase).startswith("ban thường vụ") else ""
                found = title_body(f"{committee} {name}", province)
                if found is not None and not prefix:
                    return found
                return OrgRef(kind="other", label=f"{prefix}{committee} {name}",
                              province=province.slug if province else None)
            found = title_body(f"{phrase.strip()} {name}", province)
            if found is not None and found.district:
                return found
    if org is not None:
        return org
    if fold(phrase.strip()) == "đoàn":
        # "đoàn công tác của Học viện X do ông A làm Trưởng đoàn": the delegation's body
        m = _DELEGATION_OF.search(sentence.of(text))
        if m:
            return title_body(m.group(1), province) or _named_body(m.group(1), province)
    return _named_body(phrase, province)


_DELEGATION_OF = re.compile(r"(?<!\w)[Đđ]oàn(?:\s+(?:công tác|kiểm tra|giám sát|khảo sát|đại biểu))?\s+của\s+"
                            r"([A-ZĐÀ-Ỹ][^,.;:()]{2,80}?)(?=\s+(?:do|đã|đến|về|đi|vừa|làm)\s|\s*[,.;:(]|$)")


def _named_body(phrase: str, province: Province | None) -> OrgRef | None:
    words = phrase.strip().split()
    if fold(phrase.strip()) in {"tỉnh đoàn", "thành đoàn"} and province is not None:
        return OrgRef(kind="other", label=f"{words[0]} {words[1]} {province.name}", province=province.slug)
    if len(words) < 2 or not words[0][0].isupper():
        return None
    low = phrase_tokens(phrase)
    head = max((len(h) for h in _lexicon().body_heads if low[:len(h)] == h), default=0)
    # a proper name follows the head ("Học viện Chính trị", "Quân khu 5", "Hội đồng trị sự ..."), not a
    # description after a one-word head ("Phòng phụ trách ...", "Ban chuyên môn")
    if not head or head >= len(words) or (head == 1 and not (words[1][0].isupper() or words[1][0].isdigit())):
        return None
    label = " ".join(_TITLE_ABBR.get(w, w) for w in words)
    in_province = province is not None and fold(words[-1]) in {"tỉnh", "thành phố"}
    if in_province and province is not None:
        label = f"{label} {province.name}"
    return OrgRef(kind="other", label=label, province=province.slug if in_province and province else None)
