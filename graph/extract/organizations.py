"""Named bodies in running text: "Ban Dân tộc tỉnh", "UBND huyện Lâm Bình", "Sở VHTT&DL", "Tỉnh ủy" ...

Each rule is a precompiled head regex (names come from ``data/bodies.yaml``) followed by a small tail
parser: a province ("tỉnh X"), a unit ("tỉnh / huyện X / xã X"), a district, a free phrase (Ban Chỉ
đạo <of what>) or a proper name (Báo <Name>, Hợp tác xã <Name>).  Matching runs on
``unify_tones(text)`` (same length as the text), so offsets are those of the NFC article.

The national state is data too: ``national_bodies`` in bodies.yaml (Party central organs, National
Assembly bodies, ministry-level agencies, the departments of Ủy ban Dân tộc / Bộ Dân tộc và Tôn giáo,
academies, central mass organisations) with their parents; names are matched through a word trie.

Lists under one head word give one body per named member: "các Bộ: A, B", "Sở A, B tỉnh X", "UBND các
huyện A, B và TP. C", "Ban Dân tộc các tỉnh X, Y", "các Ban: Tổ chức, Dân vận Tỉnh ủy".  After the
choice of hits, passes add what depends on neighbours: the article's one district for a bare "Huyện ủy",
standing and executive boards ("Thường trực Tỉnh ủy X", "Ban Chấp hành Hội ... tỉnh X") and offices or
divisions ("Văn phòng Ban Dân tộc tỉnh X", "Trưởng phòng Chính sách Ban Dân tộc"), each with the body
it belongs to.

Not bodies: plurals and generic references ("các sở, ban, ngành", "UBND các huyện", "UBND cấp huyện",
"các Phòng Dân tộc", "các sở GD-ĐT"), source credits ("Theo Báo X"), inspection teams.  A bare "Ban
Dân tộc" is read as the provincial Ban Dân tộc (that is how the portals of the Ban write about
themselves), or as the council's board in an article about "Ban Dân tộc HĐND"; a bare "Ban" is not a
body (the officials extractor decides with ``body_from_phrase``).  Province completion: a provincial body with no province named
takes the article's province; a named province always wins.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from graph.datafiles import load_yaml
from graph.extract.countries import foreign_country_after
from graph.extract.facts import OrgMention, OrgRef, Span
from graph.resolve.gazetteer import CAP_WORD, UPPER, Gazetteer, Province, _prefixes
from graph.resolve.orgs import (
    COMMUNE_HEADS,
    district_label,
    national_directory,
    org_kinds,
    parent_of,
    party_committee,
    province_label,
    unit_phrase,
)
from graph.text.normalize import fold, nfc, slug, unify_tones
from graph.text.scan import Anchored, StartScan, lowered

_DATA = Path(__file__).resolve().parent.parent / "data" / "bodies.yaml"
_KEEP = re.compile(r"[^\w&]+")


def _k(s: str) -> str:
    """Matching key of a name: folded, punctuation and spaces dropped ('VH, TT&DL' -> 'vhtt&dl')."""
    return _KEEP.sub("", fold(s))


def _is_abbrev(s: str) -> bool:
    return not any(ch.islower() for ch in s)


def _form_rx(form: str) -> str:
    """Regex of one written form: abbreviations case-sensitive, full names any case; flexible spaces."""
    form = unify_tones(nfc(form))
    parts = re.split(r"(\s*[,&\-–]\s*|\s+)", form)
    out = []
    for p in parts:
        if not p:
            continue
        if p.isspace():
            out.append(r"\s+")
        elif re.fullmatch(r"\s*[,&\-–]\s*", p):
            sep = p.strip()
            out.append(r"\s*[-–]\s*" if sep in "-–" else r"\s*" + re.escape(sep) + r"\s*")
        else:
            out.append(re.escape(p))
    body = "".join(out)
    return f"(?-i:{body})" if _is_abbrev(form) else body


_ABBREV_JOIN = re.compile(r"\s*[&\-–]\s*")


def _abbreviation_variants(form: str) -> list[str]:
    """The ways an abbreviation of several parts is written: "GD&ĐT", "GD-ĐT", "GDĐT" are one body, and
    "LĐ-TB&XH" is also "LĐ-TB-XH", "LĐTBXH" ... (the data lists one of them; the others follow)."""
    chunks = _ABBREV_JOIN.split(form)
    if not _is_abbrev(form) or "," in form or not 2 <= len(chunks) <= 4 or not all(chunks):
        return [form]
    out = [form]
    for seps in itertools.product(("&", "-", ""), repeat=len(chunks) - 1):
        out.append(chunks[0] + "".join(sep + chunk for sep, chunk in zip(seps, chunks[1:], strict=True)))
    return list(dict.fromkeys(out))


def _names_rx(table: dict[str, list[str]]) -> tuple[str, dict[str, str]]:
    """Alternation of all forms (longest first) and the map key(form) -> canonical name."""
    canon: dict[str, str] = {}
    forms: list[str] = []
    for name, variants in table.items():
        for written in (name, *(variants or ())):
            for f in _abbreviation_variants(written):
                canon.setdefault(_k(f), nfc(name))
                forms.append(f)
    forms = list(dict.fromkeys(forms))
    forms.sort(key=len, reverse=True)
    abbrevs = [f for f in forms if _is_abbrev(unify_tones(nfc(f)))]
    names = [f for f in forms if not _is_abbrev(unify_tones(nfc(f)))]
    parts = [_trie_rx(names)] if names else []
    parts += [_form_rx(f) for f in abbrevs]
    return "(?:" + "|".join(parts) + ")", canon


_TOKENS = re.compile(r"(\s*[,&\-–]\s*|\s+)")


def _token_rx(tok: str) -> str:
    if tok.isspace():
        return r"\s+"
    sep = tok.strip()
    if sep and sep in ",&-–":
        return r"\s*[-–]\s*" if sep in "-–" else r"\s*" + re.escape(sep) + r"\s*"
    return re.escape(tok)


def _trie_rx(forms: list[str]) -> str:
    """One regex for many names, shared words factored out ('Ủy ban (Pháp luật|Kinh tế|...)'): a flat
    alternation of a hundred names is tried name by name at every position of the text, the trie word
    by word.  Greedy optional tails keep the longest name; the rule's word-end test backtracks."""
    trie: dict = {}
    for form in forms:
        node = trie
        for tok in (t for t in _TOKENS.split(unify_tones(nfc(form))) if t):
            key = " " if tok.isspace() else fold(tok) if tok.strip() not in ",&-–" else tok.strip()
            node = node.setdefault(key, {"": _token_rx(tok)})
        node["$"] = True

    def emit(node: dict) -> str:
        kids = [k for k in node if k not in ("", "$")]
        if not kids:
            return ""
        alts = [node[k][""] + emit(node[k]) for k in kids]
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if node.get("$") else body
    return emit(trie)


# --- shared regex fragments (matched with re.IGNORECASE on unify_tones(text)) ----------------------
_B = r"(?<![^\W_])"                      # word start
_E = r"(?![^\W_])"                       # word end
UBND = r"(?:(?-i:UBND)|Ủy ban nhân dân)"
HDND = r"(?:(?-i:HĐND)|Hội đồng nhân dân)"
MTTQ = r"(?:(?-i:MTTQVN|MTTQ)|Mặt trận Tổ quốc)(?:\s+(?:Việt Nam|(?-i:VN)))?"
UBMTTQ = (r"(?:(?:Ủy ban|(?-i:UB))\s+" + MTTQ + r"|(?-i:UBMT)\s+Tổ quốc(?:\s+(?:Việt Nam|(?-i:VN)))?"
          r"|(?-i:UBMTTQVN|UBMTTQ)(?:\s+(?:Việt Nam|(?-i:VN)))?|" + MTTQ + r")")
DBQH = r"(?:(?-i:ĐBQH)|Đại biểu Quốc hội)"
TW = r"(?:Trung ương|(?-i:TW|T\.Ư|TƯ|T\.W|T\.Ư\.))"
PROV_UNIT = r"(?P<unit>tỉnh|thành phố|(?-i:TP|Tp)\.?)"
ANY_UNIT = r"(?P<unit>tỉnh|thành phố|(?-i:TP|Tp)\.?|huyện|thị xã|quận|thị trấn|xã|phường)"
_PLURAL_BEFORE = re.compile(r"(?:các|những|mỗi|từng|cả)\s+$", re.IGNORECASE)
_PLURAL_AFTER = re.compile(
    r"\s*(?:các|cấp|những|trực thuộc|,\s*(?:ban|ngành|phòng|sở|thành phố|huyện|thị xã|quận)\b|/)",
    re.IGNORECASE)
_WS = re.compile(r"\s+")
_CAP_NAME = re.compile(CAP_WORD + r"(?:\s+" + CAP_WORD + r"){0,3}")
_PROPER = re.compile(r"\s+((?:" + CAP_WORD + r"|\d+)(?:\s+(?:(?:và|&)\s+)?(?:" + CAP_WORD + r"|\d+)){0,6})")
_SURNAMES = {"nguyễn", "trần", "lê", "phạm", "hoàng", "vũ", "võ", "đặng", "bùi", "đỗ", "ngô", "phan", "đinh",
             "trịnh", "lò", "giàng", "sùng", "vàng", "thào", "cầm", "lường", "quàng", "đồng chí", "ông", "bà"}
# free tails (Ban Chỉ đạo <of what>) stop at punctuation or at a verb / preposition
_FREE_TOKEN = re.compile(r"\s+((?:[^\W_]+(?:[-–/][^\W_]+)*))")
_FREE_STOP = {"do", "đã", "được", "đến", "tổ", "họp", "tại", "với", "cho", "có", "là", "vừa", "sẽ", "chủ",
              "ban", "triển", "gồm", "và", "thì", "nhằm", "để", "theo", "trong", "về", "đang", "đề", "từ",
              "chỉ", "kiểm", "làm", "nghe", "thông", "báo", "quyết", "giao", "phối", "cùng", "tham", "dự",
              "trao", "thăm", "đi", "tiến", "đánh", "tiếp", "xin", "mời", "phụ", "quán", "không", "cũng",
              "yêu", "nêu", "ghi", "thực", "hướng", "ông", "bà", "anh", "chị", "sáng", "chiều", "tối",
              "trưa", "hòa", "thượng", "đ/c", "ngày", "hôm"}


@dataclass
class _Hit:
    start: int
    end: int
    org: OrgRef
    post: bool = False      # a post held by one person (Thủ tướng Chính phủ), a body only in titles
    bare: bool = False      # "Ban Chỉ đạo" with no name: resolved against the article's named ones
    needs_district: bool = False  # "Huyện ủy" with no name: the article's one district, else dropped


class _Ctx:
    """Per-call state: the text in matching form, the article's province, the gazetteer."""

    def __init__(self, text: str, province: Province | None) -> None:
        self.s = unify_tones(nfc(text)) if len(unify_tones(nfc(text))) == len(text) else unify_tones(text)
        self.province = province
        self.gaz = Gazetteer.default()

    def skip_ws(self, pos: int) -> int:
        m = _WS.match(self.s, pos)
        return m.end() if m else pos

    def province_at(self, pos: int) -> tuple[int, Province] | None:
        """A province name right after ``pos`` (spaces skipped)."""
        return self.gaz.match_at("", self.skip_ws(pos), self.s)

    def unit_alias_at(self, pos: int, unit_end: int) -> tuple[int, Province] | None:
        """A province's short form that carries its unit word ("TP.HCM", "TPHCM") right after ``pos``, when
        it runs past the unit word read up to ``unit_end``."""
        hit = self.province_at(pos)
        return hit if hit is not None and hit[0] > unit_end else None

    def district_at(self, pos: int) -> tuple[int, str] | None:
        """A district name right after ``pos``: the longest capitalised run (<= 4 words)."""
        p = self.skip_ws(pos)
        m = _CAP_NAME.match(self.s, p)
        if not m:
            return None
        words = m.group(0)
        if fold(words.split()[0]) in _SURNAMES and not self.gaz.districts_named(words.split()[0]):
            return None
        for cand in _prefixes(words):
            if self.gaz.districts_named(cand):
                return p + len(cand), cand
        # not in the partial list: up to two words, the usual length of a district name
        cand = " ".join(words.split()[:2]) if len(words.split()) > 2 else words
        return p + len(cand), cand


# --- tail parsers ----------------------------------------------------------------------------
def _province_tail(ctx: _Ctx, pos: int, allow_unit: bool = True) -> tuple[int, Province | None, str | None]:
    """Optional 'tỉnh|thành phố|TP' then an optional province name.  -> (end, province, unit word)."""
    unit = None
    end = pos
    if allow_unit:
        m = re.compile(r"\s+" + PROV_UNIT + _E, re.IGNORECASE).match(ctx.s, pos)
        if m:
            unit = _unit_word(m.group("unit"))
            end = m.end()
            whole = ctx.unit_alias_at(pos, end)
            if whole is not None:
                return whole[0], whole[1], unit
    hit = ctx.province_at(end)
    if hit is not None:
        return hit[0], hit[1], unit
    return end, None, unit


def _unit_end(ctx: _Ctx, pos: int) -> int:
    """Where 'tỉnh|thành phố|TP' after ``pos`` ends (``pos`` when there is none)."""
    m = re.compile(r"\s+" + PROV_UNIT + _E, re.IGNORECASE).match(ctx.s, pos)
    return m.end() if m else pos


def _unit_word(u: str) -> str:
    u = u.lower().rstrip(".")
    return "thành phố" if u in ("tp", "thành phố") else u


def _complete(ctx: _Ctx, named: Province | None, unit: str | None) -> Province | None:
    """A named province wins; else the article's (a 'thành phố' body only if the article is a city's)."""
    if named is not None:
        return named
    if ctx.province is None:
        return None
    if unit == "thành phố" and not ctx.province.is_city:
        return None
    return ctx.province


def _prov_ref(kind: str, prov: Province | None, unit: str | None, label: str | None = None) -> OrgRef:
    return OrgRef(kind=kind, label=label or province_label(kind, prov, unit),
                  province=prov.slug if prov else None)


# --- rules -----------------------------------------------------------------------------------
Rule = Callable[[_Ctx, re.Match[str]], "_Hit | list[_Hit] | None"]


_PLURAL_UNITS = re.compile(r"\s+(?:các|cấp|những)\s", re.IGNORECASE)
_NOT_PROVINCIAL = re.compile(r"\s*\(?\s*(?-i:VOV)")     # "Ban Dân tộc (VOV4)": a radio's department


def _simple_provincial(kind: str) -> Rule:
    def rule(ctx: _Ctx, m: re.Match[str]) -> _Hit | None:
        if m.group(0) == "BDT" and (ctx.s[m.start() - 1:m.start()] in ("-", "/") or ctx.s[m.end():m.end() + 1] in
                                    ("-", "/")):
            return None      # "KH-BDT": a document number's issuer code, not a mention of the body
        if _PLURAL_UNITS.match(ctx.s, m.end()) or _NOT_PROVINCIAL.match(ctx.s, m.end()):
            return None      # "Ban Dân tộc các tỉnh, thành phố": generic (a named list has its own rule)
        end, named, unit = _province_tail(ctx, m.end())
        if unit == "thành phố" and ((named is None and ctx.province is not None and not ctx.province.is_city)
                                    or (named is not None and not _city_level(ctx, (end, named), _unit_end(ctx, m.end())))):
            return None      # "Văn phòng HĐND và UBND thành phố (Tuyên Quang)": the provincial city's office
        prov = _complete(ctx, named, unit)
        return _Hit(m.start(), end, _prov_ref(kind, prov, unit))
    return rule


def _party_committee_rule(kind: str) -> Rule:
    """'Tỉnh ủy [X]', 'Ban Thường vụ Tỉnh ủy [X]'; 'Thành ủy X' of a centrally-run city too."""
    def rule(ctx: _Ctx, m: re.Match[str]) -> _Hit | None:
        end, named, _ = _province_tail(ctx, m.end(), allow_unit=False)
        is_city_committee = "thành" in m.group(0).lower()
        if m.group(0).upper() == "TUV" or m.group(0).lower().endswith("viên"):
            end = m.end()          # "TUV" = a member of the Tỉnh ủy: the body, no name after it
            named = None
        if is_city_committee and (named is None or not named.is_city):
            if named is None and ctx.province is not None and ctx.province.is_city:
                named = ctx.province
            else:
                return None          # a district-level city's committee: the huyện rule takes it
        prov = named or (ctx.province if not is_city_committee else None)
        return _Hit(m.start(), end, OrgRef(kind=kind, label=province_label(kind, prov),
                                           province=prov.slug if prov else None))
    return rule


def _named_provincial(kind: str, table: dict[str, str], head: str, group: str = "name",
                      suffix: str = "") -> Rule:
    """'Sở <name> [tỉnh X]', 'Ban <name> Tỉnh ủy [X]', '<agency> tỉnh [X]'."""
    def rule(ctx: _Ctx, m: re.Match[str]) -> _Hit | None:
        name = table.get(_k(m.group(group)))
        if name is None:
            return None
        if suffix == "tinh-uy":
            end, named, unit = _province_tail(ctx, m.end(), allow_unit=False)
            prov = named or ctx.province
            label = f"{head}{name} {party_committee(prov)}"
        else:
            end, named, unit = _province_tail(ctx, m.end())
            if suffix == "require-unit" and unit is None and named is None:
                return None
            prov = _complete(ctx, named, unit)
            middle = " Hội đồng nhân dân" if suffix == "hdnd" else ""
            tail = unit_phrase(prov, unit) if (prov or unit or suffix == "hdnd") else ""
            label = f"{head}{name}{middle} {tail}".strip()
        return _Hit(m.start(), end, OrgRef(kind=kind, label=label, province=prov.slug if prov else None))
    return rule


def _unit_rule(prov_kind: str, dist_kind: str | None, commune_kind: str | None) -> Rule:
    """UBND / HĐND / Ủy ban MTTQ + tỉnh X | thành phố X | huyện X | xã X."""
    def rule(ctx: _Ctx, m: re.Match[str]) -> _Hit | None:
        um = re.compile(r"\s+" + ANY_UNIT + _E, re.IGNORECASE).match(ctx.s, m.end())
        if um is None:
            hit = ctx.province_at(m.end())          # "UBND Hà Giang"
            if hit is None:
                return None
            return _Hit(m.start(), hit[0], _prov_ref(prov_kind, hit[1], None))
        unit = _unit_word(um.group("unit"))
        if _PLURAL_AFTER.match(ctx.s, um.end()) or _PLURAL_AFTER.match(ctx.s, m.end()):
            return None
        whole = ctx.unit_alias_at(m.end(), um.end())      # "UBND TP.HCM"
        if whole is not None:
            return _Hit(m.start(), whole[0], _prov_ref(prov_kind, whole[1], unit))
        if unit in ("tỉnh", "thành phố"):
            hit = ctx.province_at(um.end())
            # "UBND thành phố Quảng Ngãi": the provincial capital's committee, a district-level body
            if hit is not None and (unit == "tỉnh" or _city_level(ctx, hit, um.end()) or dist_kind is None):
                return _Hit(m.start(), hit[0], _prov_ref(prov_kind, hit[1], unit))
            if unit == "tỉnh" or (ctx.province is not None and ctx.province.is_city):
                prov = _complete(ctx, None, unit)
                return _Hit(m.start(), um.end(), _prov_ref(prov_kind, prov, unit))
        if unit in ("xã", "phường", "thị trấn"):
            if commune_kind is None:
                return None
            nm = _CAP_NAME.match(ctx.s, ctx.skip_ws(um.end()))
            name = nm.group(0) if nm and fold(nm.group(0).split()[0]) not in _SURNAMES else None
            if name is None and commune_kind != "ubnd-xa":
                return None             # "HĐND xã" with no name: every commune's
            end = nm.end() if name and nm else um.end()
            head = COMMUNE_HEADS[commune_kind]
            label = f"{head} {unit} {name}" if name else f"{head} {unit}"
            return _Hit(m.start(), end, OrgRef(kind=commune_kind, label=label,
                                               province=ctx.province.slug if ctx.province else None))
        if dist_kind is None:
            return None
        return _capital_province(ctx, _district_hit(ctx, m.start(), um.end(), dist_kind, unit), unit, um.end())
    return rule


def _district_hit(ctx: _Ctx, start: int, pos: int, kind: str, unit: str, name_prefix: str = "") -> _Hit:
    d = ctx.district_at(pos)
    name = d[1] if d else None
    end = d[0] if d else pos
    prov = ctx.province
    if name:
        provs = {x.province for x in ctx.gaz.districts_named(name, unit)}
        if len(provs) == 1:
            prov = ctx.gaz.provinces[provs.pop()]
        elif ctx.province is not None and ctx.province.slug in provs:
            prov = ctx.province
    if kind == "phong":
        where = f"{unit} {name}" if name else unit
        label = f"Phòng {name_prefix} {where}"
    else:
        label = district_label(kind, unit, name)
    return _Hit(start, end, OrgRef(kind=kind, label=label, province=prov.slug if prov else None,
                                   district=slug(name) if name else None))


def _btv_shared(ctx: _Ctx, m: re.Match[str]) -> _Hit | None:
    """'Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Tỉnh ủy': the Tỉnh ủy written once for both."""
    prov = ctx.province
    return _Hit(m.start(), m.end(), OrgRef(kind="ban-thuong-vu-tinh-uy",
                                           label=province_label("ban-thuong-vu-tinh-uy", prov),
                                           province=prov.slug if prov else None))


def _party_district_rule(ctx: _Ctx, m: re.Match[str]) -> _Hit | None:
    head = m.group(0).lower()
    unit = "thành phố" if head.startswith("thành") else "thị xã" if head.startswith("thị") else "huyện"
    if _PLURAL_AFTER.match(ctx.s, m.end()):
        return None                                # "Bí thư huyện ủy, thành ủy": generic
    hit = _district_hit(ctx, m.start(), m.end(), "huyen-uy", unit)
    if not hit.org.district:
        hit.needs_district = True                  # "Bí thư Huyện ủy": the article's district, if one
    return hit


def _phong_rule(table: dict[str, str]) -> Rule:
    def rule(ctx: _Ctx, m: re.Match[str]) -> _Hit | None:
        name = table.get(_k(m.group("name")))
        if name is None:
            return None
        um = re.compile(r"\s+(?P<unit>huyện|thị xã|thành phố|quận)" + _E, re.IGNORECASE).match(ctx.s, m.end())
        kind = "phong-dan-toc" if name == "Dân tộc" else "phong"
        if um is None:
            if _PLURAL_AFTER.match(ctx.s, m.end()):
                return None
            label = f"Phòng {name} huyện" if kind == "phong-dan-toc" else f"Phòng {name}"
            return _Hit(m.start(), m.end(), OrgRef(kind=kind, label=label,
                                                   province=ctx.province.slug if ctx.province else None))
        if _PLURAL_AFTER.match(ctx.s, um.end()):
            return None
        unit = _unit_word(um.group("unit"))
        hit = _district_hit(ctx, m.start(), um.end(), kind, unit, name)
        if kind == "phong-dan-toc":
            hit.org = OrgRef(kind=kind, label=district_label(kind, unit, _district_name(hit.org.label, unit)),
                             province=hit.org.province, district=hit.org.district)
        return hit
    return rule


def _district_name(label: str, unit: str) -> str | None:
    m = re.search(re.escape(unit) + r"\s+(.+)$", label)
    return m.group(1) if m else None


def _in_code(ctx: _Ctx, m: re.Match[str]) -> bool:
    """An abbreviation inside a document number ('BC-HĐDT', 'QĐ-UBDT') is its issuer code, no mention."""
    return not any(ch.islower() for ch in m.group(0)) and ctx.s[m.start() - 1:m.start()] in ("-", "/")


def _national(kind: str, label: str | None = None, post: bool = False) -> Rule:
    def rule(ctx: _Ctx, m: re.Match[str]) -> _Hit | None:
        if _in_code(ctx, m):
            return None
        lab = label or org_kinds()[kind]["vi"]
        return _Hit(m.start(), m.end(), OrgRef(kind=kind, label=lab, national=True), post=post)
    return rule


def _free_tail(ctx: _Ctx, pos: int) -> tuple[int, list[str]]:
    """Words of a 'Ban Chỉ đạo <of what>' phrase up to punctuation or a verb; (end, words)."""
    words: list[str] = []
    end = pos
    while len(words) < 20:
        tm = _FREE_TOKEN.match(ctx.s, end)
        if tm is None:
            break
        w = tm.group(1)
        if fold(w) in _FREE_STOP and not (words and fold(w) == "và" and _next_is_cap(ctx, tm.end())):
            break
        if _person_starts(ctx, w, tm.start(1), tm.end()):
            break               # "Trưởng Ban Chỉ đạo Đại hội Nguyễn Văn A": the name is the next person's
        words.append(w)
        end = tm.end()
    while words and fold(words[-1]) in ("và", "các", "của", "tỉnh", "năm", "lần", "thứ", "giai", "đoạn"):
        if fold(words[-1]) == "tỉnh":
            break
        words.pop()
    if words:
        end = pos
        for _ in words:
            end = _FREE_TOKEN.match(ctx.s, end).end()  # type: ignore[union-attr]
    return end, words


def _person_starts(ctx: _Ctx, w: str, start: int, end: int) -> bool:
    """A capitalised surname followed by another capitalised word, not a place: a person's name starts
    ('Đồng chí' too)."""
    f = fold(w)
    if f == "đồng":
        nxt = _FREE_TOKEN.match(ctx.s, end)
        return bool(nxt and fold(nxt.group(1)) == "chí")
    if not w[:1].isupper() or f not in _SURNAMES or not _next_is_cap(ctx, end):
        return False
    return ctx.province_at(start) is None and not ctx.gaz.districts_named(w)


_LEVEL_WORDS = {"tỉnh", "huyện", "xã", "cấp", "địa", "sở", "ban", "ngành", "đơn", "thành", "thị", "quận", "phường"}
_TAIL_END_OK = {"tỉnh", "huyện", "số", "gia", "xã"}


def _trim_committee_tail(words: list[str]) -> list[str]:
    """Cut trailing lower-case words: a committee's name ends in a name, a number or 'tỉnh'."""
    last = -1
    for i, w in enumerate(words):
        if w[:1].isupper() or w[:1].isdigit() or fold(w) in _TAIL_END_OK:
            last = i
    # keep the lower-case second syllable of a capitalised word: "Đại hội", "Hội nghị"
    if 0 <= last < len(words) - 1 and words[last][:1].isupper() and words[last + 1][:1].islower():
        last += 1
    return list(words[:last + 1])


def _next_is_cap(ctx: _Ctx, pos: int) -> bool:
    m = _FREE_TOKEN.match(ctx.s, pos)
    return bool(m and m.group(1)[:1].isupper())


_PAIR_NEXT = re.compile(r"\s*(?:,|và)\s*(Ban Chỉ đạo|Ban Tổ chức)(?=\s)", re.IGNORECASE)


def _committee_rule(kind: str) -> Rule:
    """Ban Chỉ đạo / Ban Tổ chức <of what>; 'Ban Chỉ đạo, Ban Tổ chức Đại hội X' share the tail."""
    def rule(ctx: _Ctx, m: re.Match[str]) -> _Hit | None:
        end, words = _free_tail(ctx, m.end())
        span_end = end
        words = _trim_committee_tail(words)
        if not words:
            pm = _PAIR_NEXT.match(ctx.s, m.end())
            if pm is not None:
                words = _trim_committee_tail(_free_tail(ctx, pm.end())[1])
            span_end = m.end()
        if not words:
            head = "Ban Chỉ đạo" if kind == "ban-chi-dao" else "Ban Tổ chức"
            return _Hit(m.start(), m.end(), OrgRef(kind=kind, label=head), bare=True)
        # a name in small letters is a committee's when it ends with its province or district:
        # "Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh", "Ban Chỉ đạo công tác dân tộc huyện X"
        unit_named = len(words) > 1 and any(fold(w) in ("tỉnh", "huyện") for w in words[1:]) and not (
            fold(words[0]) in ("cấp", "những", "mỗi") or (fold(words[0]) == "các" and fold(words[1]) in _LEVEL_WORDS))
        if not words or not (words[0][:1].isupper() or fold(" ".join(words[:2])) == "trung ương" or unit_named):
            return None
        first = fold(words[0])
        if first in ("tỉnh", "huyện", "thành", "thị", "tw") or (kind == "ban-to-chuc" and first == "trung"):
            return None       # Ban Tổ chức Tỉnh ủy / Trung ương: party boards, other rules
        tail = " ".join(words)
        named: Province | None = None
        for _s0, _e0, p in ctx.gaz.find_provinces(tail):
            named = p
            break
        prov = named or ctx.province
        if named is None and prov is not None:
            tail = re.sub(r"\b(tỉnh)(?=\s|$)", r"\1 " + prov.name, tail, count=1) if re.search(
                r"\btỉnh\b", tail) else tail
        national = named is None and re.match(r"(?i:trung ương)", tail) is not None
        if national:
            tail = "Trung ương" + tail[len("trung ương"):]
        head = "Ban Chỉ đạo" if kind == "ban-chi-dao" else "Ban Tổ chức"
        label = f"{head} {tail}"
        return _Hit(m.start(), span_end, OrgRef(kind=kind, label=label, national=national,
                                                province=None if national or prov is None else prov.slug))
    return rule


_LOOSE = re.compile(r"\s+(" + CAP_WORD + r"(?:\s+(?:[^\W_]+)){0,7})")


def _loose_name(ctx: _Ctx, pos: int) -> tuple[int, str] | None:
    """'Rau sạch Mỹ Xuyên': capitalised first word, then words up to the last capitalised one,
    with at most two lower-case words in a row (a cooperative's name often has them)."""
    m = _LOOSE.match(ctx.s, pos)
    if m is None:
        return None
    words = m.group(1).split()
    keep, low = 1, 0
    for i, w in enumerate(words[1:], start=1):
        if w[:1].isupper() or w[:1].isdigit():
            keep, low = i + 1, 0
        else:
            low += 1
            if low > 2 or fold(w) in _FREE_STOP:
                break
    name = " ".join(words[:keep])
    start = m.start(1)
    end = start
    for w in words[:keep]:
        end = ctx.s.index(w, end) + len(w)
    return end, name


def _proper_rule(kind: str, head: str, bad_first: tuple[str, ...] = (),
                 known: re.Pattern[str] | None = None, loose: bool = False) -> Rule:
    """Báo <Name>, Hợp tác xã <Name>: a known title, else capitalised words ('và' allowed inside)."""
    def rule(ctx: _Ctx, m: re.Match[str]) -> _Hit | None:
        km = known.match(ctx.s, m.end()) if known is not None else None
        if km is not None:
            name = re.sub(r"\s+", " ", km.group(1))
            return _Hit(m.start(), km.end(), OrgRef(kind=kind, label=f"{head} {name}"))
        if loose:
            got = _loose_name(ctx, m.end())
            if got is None:
                return None
            end, name = got
        else:
            pm = _PROPER.match(ctx.s, m.end())
            if pm is None:
                return None
            end, name = pm.end(), pm.group(1)
        if fold(name.split()[0]) in bad_first:
            return None
        prov = None
        for _s, e, p in ctx.gaz.find_provinces(name):
            if e == len(name):
                prov = p
        return _Hit(m.start(), end, OrgRef(kind=kind, label=f"{head} {name}",
                                                province=prov.slug if prov and kind != "bao" else
                                                (ctx.province.slug if kind == "hop-tac-xa" and ctx.province
                                                 else None)))
    return rule


def _military_rule(ctx: _Ctx, m: re.Match[str]) -> _Hit | None:
    label = re.sub(r"\s+", " ", m.group(0))
    label = label[:1].upper() + label[1:]
    return _Hit(m.start(), m.end(), OrgRef(kind="quan-doi", label=label, national=True))


def _provincial_military(head: str) -> Rule:
    def rule(ctx: _Ctx, m: re.Match[str]) -> _Hit | None:
        end, named, unit = _province_tail(ctx, m.end())
        if unit is None and named is None:
            return None
        prov = _complete(ctx, named, unit)
        return _Hit(m.start(), end, OrgRef(kind="quan-doi", label=f"{head} {unit_phrase(prov, unit)}",
                                           province=prov.slug if prov else None))
    return rule


def _dang_uy_khoi(ctx: _Ctx, m: re.Match[str]) -> _Hit | None:
    end, named, unit = _province_tail(ctx, m.end())
    if unit is None and named is None:
        return None
    prov = _complete(ctx, named, unit)
    has_dn = "doanh" in m.group(0).lower()
    name = "Đảng ủy Khối các Cơ quan và Doanh nghiệp" if has_dn else "Đảng ủy Khối các Cơ quan"
    return _Hit(m.start(), end, OrgRef(kind="dang-uy-khoi", label=f"{name} {unit_phrase(prov, unit)}",
                                       province=prov.slug if prov else None))


# --- lists under one head word ------------------------------------------------------------------
_CAP = r"(?=(?-i:[" + UPPER + r"]))"
_SEP = r"\s*(?:,|và|&)\s*"


def _member_rx(head: str, names_rx: str) -> re.Pattern[str]:
    """One more member of a list opened by ``head``: ', Y tế', ' và Sở Xây dựng'.  A member starts with a
    capital: a lower-case word after a comma is prose ('Sở Y tế, xây dựng kế hoạch')."""
    return re.compile(_SEP + r"(?P<m>(?:" + head + r"\s+)?" + _CAP + r"(?P<name>" + names_rx + r"))" + _E,
                      re.IGNORECASE)


LIST_SEP = _SEP      # between two members of a list: a comma, "và" or "&"


def list_members(text: str, pos: int, more: re.Pattern[str], accept: Callable[[re.Match[str]], bool] = bool,
                 limit: int = 30) -> list[re.Match[str]]:
    """The list grammar shared by bodies and people: after a first member ending at ``pos``, each further
    member is a match of ``more`` (which starts with ``LIST_SEP``) that ``accept`` takes; the list ends at
    the first that does not match ('các Sở: A, B và C', 'các Thứ trưởng: A, B và C')."""
    out: list[re.Match[str]] = []
    while len(out) < limit:
        mm = more.match(text, pos)
        if mm is None or not accept(mm):
            break
        out.append(mm)
        pos = mm.end()
    return out


def _members(ctx: _Ctx, m: re.Match[str], table: dict[str, str],
             more: re.Pattern[str]) -> list[tuple[int, int, str]]:
    """The head match's member and the ones that follow it: (start, end, canonical name)."""
    name = table.get(_k(m.group("name")))
    if name is None:
        return []
    out = [(m.start(), m.end(), name)]
    for mm in list_members(ctx.s, m.end(), more, lambda x: _k(x.group("name")) in table):
        out.append((mm.start("m"), mm.end(), table[_k(mm.group("name"))]))
    if len(out) == 1 and fold(m.group(0)).startswith("các ") and ":" not in m.group(0):
        return []       # "các sở GD-ĐT": the education departments of every province, no one body
    return out


def _dept_list(table: dict[str, str], more: re.Pattern[str]) -> Rule:
    """'Sở Tài chính', 'các Sở: Tài chính, Y tế tỉnh X', 'Sở Nội vụ, Tư pháp và Sở Xây dựng': each named
    member is a department of the province named after the last one (else the article's)."""
    def rule(ctx: _Ctx, m: re.Match[str]) -> list[_Hit] | None:
        members = _members(ctx, m, table, more)
        if not members or _PLURAL_UNITS.match(ctx.s, members[-1][1]):
            return None        # "Sở Dân tộc và Tôn giáo các tỉnh": every province's
        end, named, unit = _province_tail(ctx, members[-1][1])
        prov = _complete(ctx, named, unit)
        tail = unit_phrase(prov, unit) if (prov or unit) else ""
        out = []
        for i, (start, stop, name) in enumerate(members):
            out.append(_Hit(start, end if i == len(members) - 1 else stop,
                            OrgRef(kind="so", label=f"Sở {name} {tail}".strip(),
                                   province=prov.slug if prov else None)))
        return out
    return rule


def _ministry_list(table: dict[str, str], more: re.Pattern[str]) -> Rule:
    """'Bộ Tài chính', 'các Bộ: Công an, Giáo dục và Đào tạo, Xây dựng': each member a ministry."""
    def rule(ctx: _Ctx, m: re.Match[str]) -> list[_Hit] | None:
        out = []
        for start, stop, name in _members(ctx, m, table, more):
            kind = "bo-dan-toc-ton-giao" if name == "Dân tộc và Tôn giáo" else "bo"
            out.append(_Hit(start, stop, OrgRef(kind=kind, label=f"Bộ {name}", national=True)))
        return out or None
    return rule


_UNIT_SEP = re.compile(r"\s*(?:,|và)\s*(?:(?P<u>tỉnh|thành phố|(?-i:TP|Tp)\.?|huyện|thị xã|quận|xã|phường|thị trấn)"
                       r"(?![^\W_])\s*)?", re.IGNORECASE)


def _unit_list(prov_kind: str | None, dist_kind: str | None, commune_kind: str | None) -> Rule:
    """'UBND các huyện A, B và TP. C', 'Ban Dân tộc các tỉnh X, Y': one body per named unit.  No name
    after the unit word ('UBND các huyện, thành phố') is a generic reference: no body."""
    def rule(ctx: _Ctx, m: re.Match[str]) -> list[_Hit] | None:
        unit = _unit_word(m.group("unit"))
        out: list[_Hit] = []
        pos = ctx.skip_ws(m.end())
        if ctx.s.startswith(":", pos):
            pos += 1
        u = unit
        start = m.start()
        while len(out) < 40:
            hit = _unit_member(ctx, start, pos, u, prov_kind, dist_kind, commune_kind)
            if hit is None:
                break
            out.append(hit)
            sm = _UNIT_SEP.match(ctx.s, hit.end)
            if sm is None:
                break
            u = _unit_word(sm.group("u")) if sm.group("u") else u
            start = sm.start("u") if sm.group("u") else sm.end()
            pos = sm.end()
        return out or None
    return rule


def _capital_province(ctx: _Ctx, hit: _Hit, unit: str, pos: int) -> _Hit:
    """'UBND thành phố Quảng Ngãi' in an article of no known province: the city is that province's capital."""
    if hit.org.province is None and unit == "thành phố":
        got = ctx.province_at(pos)
        if got is not None:
            hit.org = replace(hit.org, province=got[1].slug)
    return hit


def _city_level(ctx: _Ctx, got: tuple[int, Province], pos: int) -> bool:
    """'thành phố X' names the province itself: a centrally-run city, or a province the gazetteer also
    calls 'Thành phố X' (Huế).  Else it is the provincial capital, a district-level city."""
    prov = got[1]
    if prov.is_city:
        return True
    written = fold(ctx.s[ctx.skip_ws(pos):got[0]])
    return any(fold(a) in (f"thành phố {written}", f"tp {written}", f"tp. {written}") for a in prov.aliases)


def _unit_member(ctx: _Ctx, start: int, pos: int, unit: str, prov_kind: str | None, dist_kind: str | None,
                 commune_kind: str | None) -> _Hit | None:
    if unit in ("tỉnh", "thành phố") and prov_kind is None and dist_kind is None:
        return None
    if unit in ("tỉnh", "thành phố") and prov_kind is not None:
        got = ctx.province_at(pos)
        # in a list of districts, "TP. X" is a district-level city unless X is a centrally-run one
        if got is not None and (unit == "tỉnh" or _city_level(ctx, got, pos) or dist_kind is None):
            return _Hit(start, got[0], _prov_ref(prov_kind, got[1], unit))
        if unit == "tỉnh":
            return None
    if unit in ("xã", "phường", "thị trấn"):
        nm = _CAP_NAME.match(ctx.s, ctx.skip_ws(pos))
        if commune_kind is None or nm is None or fold(nm.group(0).split()[0]) in _SURNAMES:
            return None
        return _Hit(start, nm.end(), OrgRef(kind=commune_kind, label=f"{COMMUNE_HEADS[commune_kind]} {unit} "
                                            f"{nm.group(0)}", province=ctx.province.slug if ctx.province else None))
    if dist_kind is None:
        return None
    nm = _CAP_NAME.match(ctx.s, ctx.skip_ws(pos))
    if nm is None or fold(nm.group(0).split()[0]) in _NOT_PLACE_WORDS or \
            fold(" ".join(nm.group(0).split()[:2])) in _NOT_PLACE_PAIRS:
        return None          # "..., TP. Hà Tiên, Chủ tịch ...": a title, not one more district
    hit = _capital_province(ctx, _district_hit(ctx, start, pos, dist_kind, unit), unit, pos)
    return hit if hit.org.district else None


_NOT_PLACE_WORDS = {"chủ", "phó", "bí", "trưởng", "giám", "ủy", "ban", "sở", "phòng", "lãnh", "các", "ông", "bà"}
_NOT_PLACE_PAIRS = {"đồng chí", "hội đồng", "đại diện", "đại biểu", "văn phòng", "thường trực", "thường vụ"}


def _commune_party(ctx: _Ctx, m: re.Match[str]) -> _Hit | None:
    """'Đảng ủy xã Nậm Ban': a commune's Party committee (the level under the province after 2025)."""
    nm = _CAP_NAME.match(ctx.s, ctx.skip_ws(m.end()))
    if nm is None or fold(nm.group(0).split()[0]) in _SURNAMES or _PLURAL_AFTER.match(ctx.s, m.end()):
        return None
    unit = re.sub(r"\s+", " ", m.group("unit")).lower()
    return _Hit(m.start(), nm.end(), OrgRef(kind="dang-uy-xa", label=f"Đảng ủy {unit} {nm.group(0)}",
                                            province=ctx.province.slug if ctx.province else None))


def _district_party_board(table: dict[str, str]) -> Rule:
    """'Ban Dân vận Huyện ủy Bảo Lâm': a board of a district's Party committee, with its district (named,
    else the article's one district)."""
    def rule(ctx: _Ctx, m: re.Match[str]) -> _Hit | None:
        name = "Kiểm tra" if fold(m.group("name")) == "kiểm tra" else table.get(_k(m.group("name")))
        if name is None:
            return None
        head = "Ủy ban" if fold(m.group(0)).startswith("ủy") else "Ban"
        unit = {"huyện": "huyện", "thị": "thị xã", "thành": "thành phố", "quận": "quận"}[fold(m.group("unit")).split()[0]]
        committee = _district_hit(ctx, m.start("unit"), m.end(), "huyen-uy", unit)
        if committee.org.district is None:
            if unit == "thành phố":
                return None      # "Thành ủy" of a centrally-run city: the provincial rule
            committee.needs_district = True
        org = OrgRef(kind="ban-huyen-uy", label=f"{head} {name} {committee.org.label}",
                     province=committee.org.province, district=committee.org.district)
        return _Hit(m.start(), committee.end, org, needs_district=committee.needs_district)
    return rule


def _party_board_list(table: dict[str, str], more: re.Pattern[str]) -> Rule:
    """'các Ban: Tổ chức, Tuyên giáo, Dân vận Tỉnh ủy': each board of the committee named at the end."""
    def rule(ctx: _Ctx, m: re.Match[str]) -> list[_Hit] | None:
        members = _members(ctx, m, table, more)
        tm = re.compile(r"\s+(?:Tỉnh ủy|Thành ủy)", re.IGNORECASE).match(ctx.s, members[-1][1]) if members else None
        if tm is None:
            return None         # "các Ban Đảng", "các Ban Tổ chức ...": no committee named
        end, named, _ = _province_tail(ctx, tm.end(), allow_unit=False)
        prov = named or ctx.province
        out = []
        for i, (start, stop, name) in enumerate(members):
            out.append(_Hit(start, end if i == len(members) - 1 else stop,
                            OrgRef(kind="ban-tinh-uy", label=f"Ban {name} {party_committee(prov)}",
                                   province=prov.slug if prov else None)))
        return out
    return rule


_DISTRICT_AGENCY = {"công an": "Công an", "ban chỉ huy quân sự": "Ban Chỉ huy Quân sự", "huyện đoàn": "Huyện đoàn",
                    "trung tâm y tế": "Trung tâm Y tế", "ngân hàng chính sách xã hội": "Ngân hàng Chính sách xã hội",
                    "nhcsxh": "Ngân hàng Chính sách xã hội",
                    "phòng giao dịch ngân hàng chính sách xã hội": "Phòng giao dịch Ngân hàng Chính sách xã hội",
                    "phòng giao dịch nhcsxh": "Phòng giao dịch Ngân hàng Chính sách xã hội"}


def _district_agency(ctx: _Ctx, m: re.Match[str]) -> _Hit | None:
    """'Công an huyện X', 'Ban Chỉ huy Quân sự huyện X', 'Phòng giao dịch NHCSXH huyện X': a district's
    agency, named with its district (none named: generic, no body)."""
    head = _DISTRICT_AGENCY.get(fold(re.sub(r"\s+", " ", m.group("name"))))
    unit = m.group("unit").lower()
    hit = _district_hit(ctx, m.start(), m.end("unit"), "ubnd-huyen", unit)
    if head is None or hit.org.district is None or _PLURAL_AFTER.match(ctx.s, m.end("unit")):
        return None
    name = hit.org.label[len(f"Ủy ban nhân dân {unit} "):]
    hit.org = OrgRef(kind="to-chuc-huyen", label=f"{head} {unit} {name}", province=hit.org.province,
                     district=hit.org.district)
    return hit


# "Hội <Name> tỉnh X": events and councils that are written the same way are not associations
_NOT_ASSOCIATION = {"nghị", "thảo", "thi", "diễn", "đồng", "chợ", "trại", "xuân", "ngộ", "khỏe", "báo", "làng",
                    "đua", "văn", "lễ", "sách", "viên", "quán", "hè", "cồng", "đền", "chùa", "đình", "mùa", "thao"}
_FEAST_BEFORE = re.compile(r"(?:Đại|Lễ|Trẩy|Mở)\s+$", re.IGNORECASE)
_NOT_IN_ASSOCIATION = {"tỉnh", "huyện", "xã", "các", "lần", "thứ", "năm", "giai"}
_ASSOC_NAME = re.compile(r"\s+(?P<name>[^\W\d_]+(?:\s+[^\W\d_]+){0,6}?)\s+(?P<unit>tỉnh|thành phố)\s+(?=(?-i:[" + UPPER
                         + r"]))", re.IGNORECASE)


def _named_association(ctx: _Ctx, m: re.Match[str]) -> _Hit | None:
    """'Hội Người cao tuổi tỉnh X', 'Hội Bảo trợ người khuyết tật tỉnh X': an association of the province
    named after it.  Words must not be verbs or prepositions (the name would have run into the sentence)."""
    if _FEAST_BEFORE.search(ctx.s, max(0, m.start() - 8), m.start()):
        return None             # "Đại hội ...", "Lễ hội ...": an event
    am = _ASSOC_NAME.match(ctx.s, m.end())
    if am is None:
        return None
    words = am.group("name").split()
    if fold(words[0]) in _NOT_ASSOCIATION or any(fold(w) in _FREE_STOP or fold(w) in _NOT_IN_ASSOCIATION
                                                  for w in words):
        return None
    got = ctx.province_at(am.end("unit"))
    if got is None:
        return None
    unit = am.group("unit").lower()
    label = f"Hội {' '.join(words)} {unit_phrase(got[1], unit)}"
    return _Hit(m.start(), got[0], OrgRef(kind="to-chuc-tinh", label=label, province=got[1].slug))


_COUNCIL_TAIL = re.compile(r"\s+(?:của\s+)?(?:(?-i:HĐND)|Hội đồng nhân dân)(?=\s+(?:tỉnh|thành phố)|\s*[,.;]|\s*$)",
                           re.IGNORECASE)


def _council_board_list(table: dict[str, str], more: re.Pattern[str]) -> Rule:
    """'Ban Kinh tế - Ngân sách, Ban Văn hóa - Xã hội HĐND tỉnh', 'các Ban: Pháp chế, Dân tộc của HĐND tỉnh':
    each committee of the People's Council named at the end."""
    def rule(ctx: _Ctx, m: re.Match[str]) -> list[_Hit] | None:
        members = _members(ctx, m, table, more)
        tm = _COUNCIL_TAIL.match(ctx.s, members[-1][1]) if len(members) > 1 else None
        if tm is None:
            return None
        end, named, unit = _province_tail(ctx, tm.end())
        prov = _complete(ctx, named, unit)
        tail = unit_phrase(prov, unit)
        return [_Hit(start, end if i == len(members) - 1 else stop,
                     OrgRef(kind="ban-hdnd-tinh", label=f"Ban {name} Hội đồng nhân dân {tail}",
                            province=prov.slug if prov else None))
                for i, (start, stop, name) in enumerate(members)]
    _PLURAL_OK.add(rule)          # "các Ban: Pháp chế, Dân tộc của HĐND tỉnh"
    return rule


def _youth_union(ctx: _Ctx, m: re.Match[str]) -> _Hit | None:
    """'Tỉnh đoàn [X]': the provincial Youth Union, written like a Party committee."""
    end, named, _ = _province_tail(ctx, m.end(), allow_unit=False)
    prov = named or ctx.province
    label = f"Tỉnh đoàn {prov.name}" if prov else "Tỉnh đoàn"
    return _Hit(m.start(), end, OrgRef(kind="to-chuc-tinh", label=label, province=prov.slug if prov else None))


def _party_office(ctx: _Ctx, m: re.Match[str]) -> _Hit | None:
    """'Văn phòng Tỉnh ủy [X]': the committee's office, one of its bodies."""
    end, named, _ = _province_tail(ctx, m.end(), allow_unit=False)
    prov = named or ctx.province
    return _Hit(m.start(), end, OrgRef(kind="ban-tinh-uy", label=f"Văn phòng {party_committee(prov)}",
                                       province=prov.slug if prov else None))


def _bare_party_board(ctx: _Ctx, m: re.Match[str]) -> _Hit | None:
    """'Trưởng Ban Dân vận, Chủ tịch ...': a board only a Party committee has, with no committee named, is
    the provincial committee's (the district's is written 'Ban Dân vận Huyện ủy')."""
    name = re.sub(r"\s+", " ", m.group("name"))
    name = name[:1].upper() + name[1:]
    prov = ctx.province
    return _Hit(m.start(), m.end(), OrgRef(kind="ban-tinh-uy", label=f"Ban {name} {party_committee(prov)}",
                                           province=prov.slug if prov else None))


def _simple_provincial_at(kind: str) -> Rule:
    """A provincial body named inside a title ('Phó Trưởng đoàn chuyên trách ĐBQH'): the hit is the body."""
    def rule(ctx: _Ctx, m: re.Match[str]) -> _Hit | None:
        prov = ctx.province
        return _Hit(m.start("body"), m.end(), _prov_ref(kind, prov, None))
    return rule


# --- the national directory ---------------------------------------------------------------------
def _directory_rule(canon: dict[str, str]) -> Rule:
    """A body of the national directory (bodies.yaml ``national_bodies``), by any of its forms."""
    def rule(ctx: _Ctx, m: re.Match[str]) -> _Hit | None:
        name = canon.get(_k(m.group(0)))
        if name is None:
            return None
        entry = national_directory()[name]
        return _Hit(m.start(), m.end(), OrgRef(kind=entry.get("kind") or "co-quan-tw", label=name, national=True))
    return rule


_PLURAL_OK: set[Rule] = set()      # rules whose match after "các" still names one body


def _party_member(kind: str, post: bool = False) -> Rule:
    """'Ủy viên Trung ương Đảng' / 'UVTW' names the Central Committee, 'UVBTVTU' the provincial standing
    board: a membership names the body it is of.  The hit starts at the body's words when written."""
    def rule(ctx: _Ctx, m: re.Match[str]) -> _Hit | None:
        start = m.start("body") if m.groupdict().get("body") is not None else m.start()
        if kind == "ban-thuong-vu-tinh-uy":
            prov = ctx.province
            return _Hit(start, m.end(), OrgRef(kind=kind, label=province_label(kind, prov),
                                               province=prov.slug if prov else None))
        return _Hit(start, m.end(), OrgRef(kind=kind, label=org_kinds()[kind]["vi"], national=True), post=post)
    _PLURAL_OK.add(rule)
    return rule


_COMPANY_HEAD = {"cổ phần": "Công ty cổ phần", "cp": "Công ty cổ phần", "tnhh": "Công ty TNHH",
                 "trách nhiệm hữu hạn": "Công ty TNHH"}


def _company_rule(ctx: _Ctx, m: re.Match[str]) -> _Hit | None:
    """'Công ty cổ phần X', 'Công ty TNHH X': a named company (a partner of a training, a sponsor)."""
    pm = _PROPER.match(ctx.s, m.end())
    if pm is None:
        return None
    end, name = pm.end(), pm.group(1)
    nxt = _FREE_TOKEN.match(ctx.s, end)
    if nxt is not None and nxt.group(1)[:1].islower() and len(name.split()) == 1:
        return None         # "Công ty cổ phần Du lịch ...": one capital word, then the name goes on in small letters
    head = _COMPANY_HEAD.get(fold(m.group("form")), "Công ty")
    return _Hit(m.start(), end, OrgRef(kind="cong-ty", label=f"{head} {name}"))


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[re.Pattern[str], Rule], ...]:
    with _DATA.open(encoding="utf-8") as fh:
        data = load_yaml(fh)
    dept_rx, dept = _names_rx(data["departments"])
    min_rx, mins = _names_rx(data["ministries"])
    off_rx, offs = _names_rx(data["district_offices"])
    pb_rx, pbs = _names_rx(data["party_boards"])
    cb_rx, cbs = _names_rx(data["council_boards"])
    ag_rx, ags = _names_rx(data["provincial_agencies"])
    nat_rx, nats = _names_rx({n: e.get("forms") or [] for n, e in national_directory().items()})
    more_depts = _member_rx(r"(?-i:Sở|SỞ|sở)", dept_rx)
    more_mins = _member_rx(r"(?-i:Bộ)", min_rx)
    tinh_uy = r"(?:Tỉnh ủy|Thành ủy)"
    papers = sorted((unify_tones(nfc(n)) for n in data.get("newspapers") or ()), key=len, reverse=True)
    known_papers = re.compile(r"\s+(" + "|".join(_form_rx(n) for n in papers) + r")" + _E, re.IGNORECASE)
    spec: list[tuple[str, Rule]] = [
        # national
        (r"(?:Ủy ban\s+" + TW + r"|(?-i:UBTƯ|UBTW))\s+" + MTTQ, _national("mttq-tw")),
        (r"(?-i:HĐDT)(?:\s+(?:của\s+)?Quốc hội)?", _national("hoi-dong-dan-toc")),
        (r"Hội đồng Dân tộc(?:\s+(?:của\s+)?Quốc hội)?(?!\s+(?:(?-i:HĐND)|Hội đồng nhân dân))",
         _national("hoi-dong-dan-toc")),
        (r"(?:Ủy ban Dân tộc|(?-i:UBDT))(?!\s+(?:(?-i:HĐND)|Hội đồng|của))", _national("ubdt")),
        (r"(?<!Phó )(?<!phó )Thủ tướng Chính phủ", _national("thu-tuong", post=True)),
        (r"Văn phòng (?-i:Chính phủ|CHÍNH PHỦ)", _national("van-phong-chinh-phu")),
        (r"(?<!phi )(?-i:Chính phủ|CHÍNH PHỦ)", _national("chinh-phu")),
        (r"(?<!biểu )(?<!BIỂU )(?-i:Quốc hội|QUỐC HỘI)", _national("quoc-hoi")),
        (r"(?:Ban Chấp hành|(?-i:BCH))\s*" + TW + r"(?:\s+Đảng(?:\s+Cộng sản Việt Nam)?)?|(?-i:BCHTW|BCHTƯ)",
         _national("ban-chap-hanh-tw")),
        (r"Ban Bí thư(?:\s+Trung ương Đảng)?", _national("ban-bi-thu")),
        (r"(?-i:Bộ Chính trị|BỘ CHÍNH TRỊ)", _national("bo-chinh-tri")),
        (r"(?-i:Bộ)\s+(?P<name>" + min_rx + r")", _ministry_list(mins, more_mins)),
        (r"các\s+(?-i:Bộ)\s*:?\s*(?P<name>" + min_rx + r")", _ministry_list(mins, more_mins)),
        (nat_rx, _directory_rule(nats)),
        (r"(?:Ủy viên|(?-i:UV))\s+(?:dự khuyết\s+)?(?P<body>(?:(?:Ban Chấp hành|(?-i:BCH))\s+)?" + TW
         + r"(?:\s+Đảng)?)(?=\s+Đảng|\s*[,;:.)\-–]|\s*$)|(?-i:UVTW|UVTƯ|UVBCHTW|UVDKTW)",
         _party_member("ban-chap-hanh-tw")),
        (r"(?-i:UVBCT)", _party_member("bo-chinh-tri")),
        (r"Bí thư\s+(?P<body>" + TW + r"\s+Đảng)", _party_member("ban-bi-thu", post=True)),
        (r"(?-i:UVBTVTU|UVTVTU|UVBTV\s*TU|UV\s*BTVTU)|Ủy viên\s+(?P<body>Thường vụ\s+(?:Tỉnh ủy|Thành ủy))",
         _party_member("ban-thuong-vu-tinh-uy")),
        (r"Bộ Tư lệnh\s+(?:Quân khu\s+(?:\d+|[IVX]+)|Bộ đội Biên phòng)", _military_rule),
        # party, provincial
        (r"(?:Ban Thường vụ|(?-i:BTV))\s+" + tinh_uy, _party_committee_rule("ban-thuong-vu-tinh-uy")),
        (r"Ban\s+(?P<name>" + pb_rx + r")\s+" + tinh_uy,
         _named_provincial("ban-tinh-uy", pbs, "Ban ", suffix="tinh-uy")),
        (r"(?:Ban|Ủy ban)\s+(?P<name>" + pb_rx + r"|Kiểm tra)\s+(?P<unit>Huyện ủy|Thị ủy|Thành ủy|Quận ủy)",
         _district_party_board(pbs)),
        (r"các\s+Ban\s*:?\s*(?P<name>" + pb_rx + r")", _party_board_list(pbs, _member_rx("Ban", pb_rx))),
        (r"Ủy ban\s+(?P<name>Kiểm tra)\s+" + tinh_uy,
         _named_provincial("ban-tinh-uy", {"kiểmtra": "Kiểm tra"}, "Ủy ban ", suffix="tinh-uy")),
        (r"Văn phòng\s+" + tinh_uy, _party_office),
        (r"Ban\s+(?P<name>Tuyên giáo(?:\s+và\s+Dân vận)?|Dân vận|Nội chính)(?!\s+(?:Huyện|Thị|Thành|Quận|Tỉnh|Đảng"
         r"|Trung|(?-i:TW|T\.Ư|TƯ)|của|các|Thành)(?![^\W_]))", _bare_party_board),
        (r"Trưởng đoàn\s+(?:chuyên trách\s+)?(?P<body>" + DBQH + r")(?!\s+(?:khóa|tỉnh|thành phố))",
         _simple_provincial_at("doan-dbqh")),
        (tinh_uy + r"|(?-i:TUV)|Tỉnh ủy viên", _party_committee_rule("tinh-uy")),
        (r"(?-i:Tỉnh [đĐ]oàn)(?!\s+(?:kết|thể|viên))", _youth_union),
        (r"(?P<name>Công an|Ban Chỉ huy Quân sự|Huyện đoàn|Trung tâm Y tế|Ngân hàng Chính sách xã hội|(?-i:NHCSXH)"
         r"|Phòng giao dịch Ngân hàng Chính sách xã hội|Phòng giao dịch (?-i:NHCSXH))"
         r"\s+(?P<unit>huyện|thị xã|quận)(?![^\W_])", _district_agency),
        (r"(?-i:Hội)(?=\s+(?-i:[" + UPPER + r"]))", _named_association),
        (r"(?-i:Đồn Biên phòng|Đồn biên phòng|Đồn BP)", _proper_rule("quan-doi", "Đồn Biên phòng")),
        (r"(?:Ban Thường vụ|(?-i:BTV))(?=\s*,[^;.\n]{0,60}?(?:Tỉnh|Thành) ủy)", _btv_shared),
        (r"(?:Huyện ủy|Thị ủy|Thành ủy)", _party_district_rule),
        (r"(?:Ban Chấp hành|(?-i:BCH))\s+Đảng bộ(?=\s+(?:tỉnh|thành phố))",
         _simple_provincial("bch-dang-bo-tinh")),
        (r"Đảng bộ(?=\s+(?:tỉnh|thành phố)\b)", _simple_provincial("dang-bo-tinh")),
        (r"Đảng ủy\s+Khối\s+(?:các\s+)?Cơ quan(?:\s+và\s+Doanh nghiệp)?", _dang_uy_khoi),
        # state, provincial
        (r"(?<!ủy )Ban\s+(?P<name>" + cb_rx + r")\s+(?:của\s+)?" + HDND + r"(?!\s+(?:huyện|thị xã|quận|xã))",
         _named_provincial("ban-hdnd-tinh", cbs, "Ban ", suffix="hdnd")),
        (r"(?<!ủy )Ban\s*:?\s*(?P<name>" + cb_rx + r")(?=\s*(?:,|và))",
         _council_board_list(cbs, _member_rx("Ban", cb_rx))),
        (r"(?:(?<!ủy )(?<!Ủy )(?<!UỶ )(?<!ỦY )Ban Dân tộc|(?-i:BDT))(?!\s+(?:(?-i:HĐND)|Hội đồng nhân dân))",
         _simple_provincial("ban-dan-toc-tinh")),
        (r"(?<!cơ )(?<!Cơ )(?<!trụ )(?-i:Sở|SỞ|sở)\s+(?P<name>" + dept_rx + r")", _dept_list(dept, more_depts)),
        (r"các\s+(?-i:Sở|SỞ|sở)\s*:?\s*(?P<name>" + dept_rx + r")", _dept_list(dept, more_depts)),
        (r"Văn phòng\s+(?:(?:Đoàn\s+" + DBQH + r"\s*(?:,|và)\s*)?" + HDND + r"\s+và\s+)?" + UBND
         + r"(?=\s+(?:tỉnh|thành phố))", _simple_provincial("van-phong-ubnd-tinh")),
        (r"Đoàn\s+" + DBQH + r"(?:\s+khóa\s+[IVXLC]+)?(?:\s+đơn vị)?(?=\s+(?:tỉnh|thành phố))",
         _simple_provincial("doan-dbqh")),
        (r"Đài\s+(?:Phát thanh\s*(?:và|-|–)\s*Truyền hình|(?-i:PT-TH|PTTH|PT&TH))",
         _simple_provincial("dai-phat-thanh")),
        (r"Bộ Chỉ huy\s+Quân sự", _provincial_military("Bộ Chỉ huy Quân sự")),
        (r"Bộ Chỉ huy\s+Bộ đội Biên phòng", _provincial_military("Bộ Chỉ huy Bộ đội Biên phòng")),
        (r"(?P<name>" + ag_rx + r")(?=\s+(?:tỉnh|thành phố))",
         _named_provincial("to-chuc-tinh", ags, "", suffix="require-unit")),
        (UBMTTQ + r"\s+các\s+" + ANY_UNIT, _unit_list("mttq-tinh", "mttq-huyen", "mttq-xa")),
        (UBND + r"\s+các\s+" + ANY_UNIT, _unit_list("ubnd-tinh", "ubnd-huyen", "ubnd-xa")),
        (HDND + r"\s+các\s+" + ANY_UNIT, _unit_list("hdnd-tinh", "hdnd-huyen", "hdnd-xa")),
        (r"Đảng ủy\s+các\s+(?P<unit>xã|phường|thị trấn)", _unit_list("dang-uy-xa", None, "dang-uy-xa")),
        (r"Đảng ủy\s+(?P<unit>xã|phường|thị trấn|đặc khu)", _commune_party),
        (r"Ban Dân tộc\s+các\s+(?P<unit>tỉnh|thành phố)", _unit_list("ban-dan-toc-tinh", None, None)),
        (r"Phòng Dân tộc\s+các\s+(?P<unit>huyện|thị xã|thành phố|quận)", _unit_list(None, "phong-dan-toc", None)),
        (UBMTTQ, _unit_rule("mttq-tinh", "mttq-huyen", "mttq-xa")),
        (UBND, _unit_rule("ubnd-tinh", "ubnd-huyen", "ubnd-xa")),
        (HDND, _unit_rule("hdnd-tinh", "hdnd-huyen", "hdnd-xa")),
        # district
        # "Phó phòng phụ trách LĐTB&XH huyện X": the deputy in charge of the office, still the office's title
        (r"(?-i:Phòng|PHÒNG|phòng)\s+(?:phụ\s+trách\s+)?(?P<name>" + off_rx + r")", _phong_rule(offs)),
        # committees, media, cooperatives
        (r"(?:Ban Chỉ đạo|(?-i:BCĐ))", _committee_rule("ban-chi-dao")),
        (r"(?:Ban Tổ chức|(?-i:BTC))", _committee_rule("ban-to-chuc")),
        (r"(?-i:Báo)", _proper_rule("bao", "Báo", ("cáo", "chí"), known_papers)),
        (r"(?-i:Tạp chí)", _proper_rule("bao", "Tạp chí", (), known_papers)),
        (r"(?:Hợp tác xã|(?-i:HTX))", _proper_rule("hop-tac-xa", "Hợp tác xã", ("kiểu",), loose=True)),
        (r"Công ty\s+(?P<form>cổ phần|trách nhiệm hữu hạn|(?-i:CP|TNHH))", _company_rule),
        (r"Đài\s+(?:Truyền hình|Tiếng nói)\s+Việt Nam|Thông tấn xã Việt Nam|(?-i:TTXVN|VTV)",
         _national_named("bao")),
    ]
    # no leading look-behind: it would stop the regex engine's fast scan for the first letter;
    # the word-start test is done in _candidates
    return tuple((re.compile("(?:" + rx + ")" + _E, re.IGNORECASE), fn) for rx, fn in spec)


def _national_named(kind: str) -> Rule:
    expand = {"TTXVN": "Thông tấn xã Việt Nam", "VTV": "Đài Truyền hình Việt Nam"}

    def rule(ctx: _Ctx, m: re.Match[str]) -> _Hit | None:
        label = expand.get(m.group(0), re.sub(r"\s+", " ", m.group(0)))
        return _Hit(m.start(), m.end(), OrgRef(kind=kind, label=label))
    return rule


@lru_cache(maxsize=1)
def _rules_with_triggers() -> tuple[tuple[re.Pattern[str], Rule, Anchored | None], ...]:
    """Each rule with the lowercase texts one of which each of its matches starts with (read from the
    regex itself): the rule is tried only where one occurs.  Extraction spent a quarter of its time
    running all ~60 rules over every position of every sentence."""
    return tuple((rx, fn, Anchored.of(rx)) for rx, fn in _rules())


@lru_cache(maxsize=1)
def _start_scan() -> StartScan:
    return StartScan(a for _rx, _fn, a in _rules_with_triggers())


def _candidates(ctx: _Ctx) -> Iterator[_Hit]:
    s = ctx.s
    low = lowered(s)
    at = _start_scan().positions(low) if low is not None else None    # every rule's starts, in one pass
    for i, (rx, fn, anchored) in enumerate(_rules_with_triggers()):
        found = rx.finditer(s) if anchored is None or at is None else anchored.matches_at(s, at[i])
        for m in found:
            if m.start() > 0 and (s[m.start() - 1].isalnum() or s[m.start() - 1] == "_"):
                continue
            if fn not in _PLURAL_OK and _PLURAL_BEFORE.search(s, max(0, m.start() - 12), m.start()):
                continue
            got = fn(ctx, m)
            for hit in (got if isinstance(got, list) else (got,)):
                if hit is not None and hit.end > hit.start:
                    yield hit


def _committee_words(label: str) -> list[str]:
    return [w for w in fold(label).split() if w not in ("ban", "chỉ", "đạo", "tổ", "chức")]


def _corefer_committees(hits: list[_Hit]) -> None:
    """'Ban Chỉ đạo Đại hội tỉnh' after 'Ban Chỉ đạo Đại hội đại biểu ... tỉnh X lần thứ III' is the
    same committee: a shorter label whose words all occur, in order, in a longer one of the same
    kind and province takes the longer label."""
    for kind in ("ban-chi-dao", "ban-to-chuc"):
        same = [h for h in hits if h.org.kind == kind]
        for h in same:
            words = _committee_words(h.org.label)
            best = None
            if h.bare:
                named = {o.org for o in same if not o.bare}
                if len(named) == 1:
                    best = named.pop()
                elif not named and kind == "ban-to-chuc":
                    # "Ban Chỉ đạo, Ban Tổ chức" of the one event the article names a Ban Chỉ đạo for
                    steering = {o.org for o in hits if o.org.kind == "ban-chi-dao" and not o.bare}
                    if len(steering) == 1:
                        sorg = steering.pop()
                        best = OrgRef(kind=kind, label="Ban Tổ chức" + sorg.label[len("Ban Chỉ đạo"):],
                                      province=sorg.province, national=sorg.national)
                if best is not None:
                    h.org, h.bare = best, False
                continue
            for other in same:
                if other is h or other.org.province != h.org.province:
                    continue
                ow = _committee_words(other.org.label)
                if len(ow) > len(words) and _subsequence(words, ow) and (
                        best is None or len(ow) > len(_committee_words(best.label))):
                    best = other.org
            if best is not None:
                h.org = best


def _subsequence(short: list[str], long_: list[str]) -> bool:
    it = iter(long_)
    return all(any(w == x for x in it) for w in short)


def _sentence_finder(text: str, sentences: list[Span]) -> Callable[[int], Span]:
    if sentences:
        starts = [sp.start for sp in sentences]

        def find(pos: int) -> Span:
            i = bisect.bisect_right(starts, pos) - 1
            if 0 <= i < len(sentences) and sentences[i].start <= pos < sentences[i].end:
                return sentences[i]
            return _naive_sentence(text, pos)
        return find
    return lambda pos: _naive_sentence(text, pos)


_SENT_END = re.compile(r"[.!?;\n]")


def _naive_sentence(text: str, pos: int) -> Span:
    """Fallback when no sentence spans were given: cut at . ! ? ; or a line break."""
    start = pos
    while start > 0 and not _SENT_END.match(text, start - 1):
        start -= 1
    m = _SENT_END.search(text, pos)
    end = m.end() if m else len(text)
    while start < end and text[start].isspace():
        start += 1
    return Span(start, end)


_DISTRICT_KINDS = ("ubnd-huyen", "hdnd-huyen", "mttq-huyen", "phong-dan-toc", "huyen-uy", "ban-huyen-uy")
_DISTRICT_WORD = re.compile(r"(?<![^\W_])(?P<unit>huyện|thị xã|quận)\s+(?=(?-i:[" + UPPER + r"]))", re.IGNORECASE)


_CITY_WORD = re.compile(r"(?<![^\W_])thành\s+phố\s+(?=(?-i:[" + UPPER + r"]))", re.IGNORECASE)


def _article_district(ctx: _Ctx, hits: list[_Hit]) -> None:
    """'Bí thư Huyện ủy', 'HĐND huyện' with no name, in an article that names exactly one district:
    that district's body (the text makes it clear).  Several districts named: left bare."""
    bare = [h for h in hits if h.org.kind in _DISTRICT_KINDS and not h.org.district]
    if not bare:
        return
    names: dict[str, tuple[str, str]] = {}
    for m in _DISTRICT_WORD.finditer(ctx.s):
        d = ctx.district_at(m.end())
        if d is not None:
            names.setdefault(slug(d[1]), (_unit_word(m.group("unit")), d[1]))
    if ctx.province is not None and not ctx.province.is_city and "thành phố" in ctx.s.lower():
        # "UBND thành phố" in an article that names one provincial city ("thành phố Tuyên Quang"): that city
        for m in _CITY_WORD.finditer(ctx.s):
            d = ctx.district_at(m.end())
            if d is not None and any(x.kind == "thành phố" and x.province == ctx.province.slug
                                     for x in ctx.gaz.districts_named(d[1])):
                names.setdefault(slug(d[1]), ("thành phố", d[1]))
    for k in list(names):
        if any(o != k and o.startswith(k + "-") for o in names):
            del names[k]        # "huyện Mường khương" read as "Mường": a prefix of the full name
    if len(names) != 1:
        return
    (dslug, (unit, name)), = names.items()
    provs = {x.province for x in ctx.gaz.districts_named(name, unit)}
    prov = ctx.gaz.provinces[provs.pop()] if len(provs) == 1 else ctx.province
    for h in bare:
        written = re.match(r"\S+(?:\s+\S+)*?\s+(huyện|thị xã|quận|thành phố)$", h.org.label)
        u = written.group(1) if written else unit
        if h.org.kind in ("huyen-uy", "ban-huyen-uy"):
            u = unit
        if u != unit:
            continue
        label = f"{h.org.label} {name}" if h.org.kind == "ban-huyen-uy" else district_label(h.org.kind, unit, name)
        h.org = OrgRef(kind=h.org.kind, label=label, province=prov.slug if prov else None, district=dslug)
        h.needs_district = False


def _council_board(ctx: _Ctx, hits: list[_Hit]) -> None:
    """A bare 'Ban Dân tộc' in an article about the People's Council's 'Ban Dân tộc HĐND' is that board,
    unless the article also names the government's Ban Dân tộc with its province."""
    boards = {h.org for h in hits if h.org.kind == "ban-hdnd-tinh" and h.org.label.startswith("Ban Dân tộc")}
    if len(boards) != 1:
        return
    board = boards.pop()
    bare = [h for h in hits if h.org.kind == "ban-dan-toc-tinh" and fold(ctx.s[h.start:h.end]) == "ban dân tộc"]
    if len(bare) == sum(1 for h in hits if h.org.kind == "ban-dan-toc-tinh"):
        for h in bare:
            h.org = board


def _ethnic_ministry_units(hits: list[_Hit]) -> None:
    """A Vụ of the ethnic-affairs body belongs to Ủy ban Dân tộc or, after 2025, to Bộ Dân tộc và Tôn
    giáo: the one the article names nearest before it (else the first one named after it)."""
    heads = [h for h in hits if h.org.kind in ("ubdt", "bo-dan-toc-ton-giao")]
    for h in hits:
        if h.org.kind != "don-vi-ubdt" or not heads:
            continue
        before = [x for x in heads if x.start < h.start]
        near = before[-1] if before else heads[0]
        if near.org.kind == "bo-dan-toc-ton-giao":
            h.org = OrgRef(kind="don-vi-bo-dttg", label=h.org.label, national=True)


_COMPOSED_BEFORE = re.compile(r"(?:(?P<ban>Ban)\s+)?(?P<what>Thường trực|Thường vụ|Chấp hành)\s+$", re.IGNORECASE)
_TITLE_BEFORE = re.compile(r"(?:Bí thư|Chủ tịch|Trưởng ban|Trưởng|Ủy viên|Phó|Giám đốc|Chủ nhiệm|Thư ký|(?-i:PBT|PCT))"
                           r"\s+$", re.IGNORECASE)
_COMPOSED_KIND = {"thường trực": "thuong-truc", "thường vụ": "ban-thuong-vu", "chấp hành": "ban-chap-hanh"}
_NOT_COMPOSED = {"ban-thuong-vu-tinh-uy", "bch-dang-bo-tinh", "ban-chap-hanh-tw", "ban-chi-dao", "ban-to-chuc",
                 "bao", "hop-tac-xa", "cong-ty", "thu-tuong", "ban-bi-thu", "bo-chinh-tri"}


def _composed(ctx: _Ctx, hits: list[_Hit]) -> list[_Hit]:
    """'Thường trực Tỉnh ủy X', 'Thường trực HĐND tỉnh', 'Ban Thường vụ Huyện ủy X', 'Ban Chấp hành Hội
    Nông dân tỉnh X': the standing or executive body of the body named next.  'Phó Bí thư Thường trực
    Tỉnh ủy' is a title (the Tỉnh ủy), and so is 'Ủy viên Thường vụ'."""
    out = []
    for h in hits:
        m = _COMPOSED_BEFORE.search(ctx.s, max(0, h.start - 24), h.start)
        if m is None or h.org.kind in _NOT_COMPOSED or h.org.kind in ("thuong-truc", "ban-thuong-vu", "ban-chap-hanh"):
            out.append(h)
            continue
        what = fold(m.group("what"))
        if m.group("ban") is None and (what != "thường trực" or _TITLE_BEFORE.search(ctx.s, max(0, m.start() - 14),
                                                                                       m.start())):
            out.append(h)
            continue
        head = ("Ban " if m.group("ban") else "") + {"thường trực": "Thường trực", "thường vụ": "Thường vụ",
                                                      "chấp hành": "Chấp hành"}[what]
        org = OrgRef(kind=_COMPOSED_KIND[what], label=f"{head} {h.org.label}", province=h.org.province,
                     district=h.org.district, national=h.org.national)
        out.append(_Hit(m.start(), h.end, org))
        out.append(h)          # the body it is the standing board of is named too
    return out


_SUBUNIT_BEFORE = re.compile(
    r"(?:(?P<title>Trưởng|Phó Trưởng|Phó trưởng|Chánh|Phó Chánh|Phó chánh)\s+)?"
    r"(?P<unit>(?-i:Văn phòng|Thanh tra|Phòng|phòng)(?:\s+(?-i:[" + UPPER + r"])[^\W\d_]*(?:\s+(?:[^\W\d_]+|[-–&]))"
    r"{0,6}?)?)\s*(?:,\s*|\s+(?:thuộc|của)\s+)?$")
_PARENT_KINDS = {"ban-dan-toc-tinh", "so", "ubdt", "bo-dan-toc-ton-giao", "bo", "ban-tinh-uy", "to-chuc-tinh"}


def _subunits(ctx: _Ctx, hits: list[_Hit]) -> list[_Hit]:
    """'Văn phòng Ban Dân tộc tỉnh X', 'Thanh tra Sở Nội vụ', 'Phòng Chính sách Dân tộc, Ban Dân tộc tỉnh X',
    'Trưởng phòng Tuyên truyền Ban Dân tộc': an office, inspectorate or division of the body named next
    (org:subOrganizationOf it).  The body itself is named too."""
    out: list[_Hit] = []
    for h in hits:
        floor = out[-1].end if out else 0
        m = _SUBUNIT_BEFORE.search(ctx.s, max(floor, h.start - 60), h.start) if h.org.kind in _PARENT_KINDS else None
        if m is None or (m.group("unit").startswith("phòng") and not m.group("title")):
            out.append(h)
            continue
        unit = re.sub(r"\s+", " ", m.group("unit"))
        unit = unit[:1].upper() + unit[1:]
        if unit == "Phòng" or fold(unit).split()[-1] in ("và", "của", "thuộc") or \
                re.search(r"(?:Đoàn|đoàn)\s+$", ctx.s[max(0, m.start("unit") - 6):m.start("unit")]):
            # "Đoàn Thanh tra Ủy ban Dân tộc": an inspection team, no body
            out.append(h)
            continue
        org = OrgRef(kind="don-vi", label=f"{unit} {h.org.label}", province=h.org.province, national=h.org.national)
        out.append(_Hit(m.start("unit"), h.end, org))
        out.append(h)
    return out


_CREDIT = re.compile(r"(?:Theo|Nguồn)\s*:?\s*$", re.IGNORECASE)


def _source_credit(ctx: _Ctx, h: _Hit) -> bool:
    """'Theo Báo X': a source credit names where the text came from, not a body the report is about."""
    return h.org.kind == "bao" and _CREDIT.search(ctx.s, max(0, h.start - 8), h.start) is not None


def find_organizations(text: str, sentences: list[Span], province: Province | None,
                       keep_posts: bool = False, keep_unnamed_district: bool = False,
                       subunits: bool = True) -> list[OrgMention]:
    """Named bodies in ``text`` (NFC), leftmost-longest, non-overlapping, in text order.

    "Thủ tướng Chính phủ" is a post held by one person, not listed as a body of the text unless
    ``keep_posts`` (``body_from_phrase`` keeps it: a title or an issuer may name it).  A "Huyện ủy" whose
    district the text does not make clear is dropped unless ``keep_unnamed_district``; ``subunits=False``
    reads 'Văn phòng Ban Dân tộc' as the Ban only (how a sub-unit's parent is found).
    """
    if not text:
        return []
    ctx = _Ctx(text, province)
    hits = sorted(_candidates(ctx), key=lambda h: (h.start, -(h.end - h.start)))
    chosen: list[_Hit] = []
    last_end = -1
    for h in hits:
        if h.start >= last_end:
            chosen.append(h)
            last_end = h.end
    _corefer_committees(chosen)
    _article_district(ctx, chosen)
    chosen = [h for h in chosen if keep_unnamed_district or not h.needs_district]
    _council_board(ctx, chosen)
    _ethnic_ministry_units(chosen)
    chosen = _composed(ctx, chosen)
    if subunits:
        chosen = _subunits(ctx, chosen)
    chosen = [h for h in chosen if not h.bare and (keep_posts or not h.post) and not _source_credit(ctx, h)
              and not (h.org.national and foreign_country_after(text, h.end) is not None)]   # "Chính phủ Lào"
    sentence_of = _sentence_finder(text, sentences)
    return [OrgMention(org=h.org, span=Span(h.start, h.end), sentence=sentence_of(h.start), named=True,
                       parent=parent_of(h.org)) for h in chosen]


def body_from_phrase(phrase: str, province: Province | None,
                     context: list[OrgMention] | None = None) -> OrgRef | None:
    """The body named in a title phrase: 'Phó Chủ tịch UBND tỉnh' -> UBND of ``province``.

    A bare 'Ban' (no name) gives None: only the caller knows which Ban a title means.  ``context`` (the
    article's bodies, from ``find_organizations``) names the district a bare 'Huyện ủy' / 'HĐND huyện'
    means when the article names exactly one body of that kind with its district.
    """
    return in_article_district(_body_of_phrase(phrase, province), context)


def in_article_district(org: OrgRef | None, context: list[OrgMention] | None) -> OrgRef | None:
    """A district-level body read without its district ('Huyện ủy', 'HĐND huyện') placed in the one district
    the article's bodies (``context``) name; any other body as it is."""
    if org is None or org.kind not in _DISTRICT_KINDS or org.district:
        return org
    places = {_district_of(m.org) for m in context or () if m.org.district and m.org.kind in _DISTRICT_KINDS}
    places.discard(None)
    if len(places) == 1:
        (unit, name, prov, dslug), = places
        if org.kind == "huyen-uy" or unit == _written_unit(org.label):
            return OrgRef(kind=org.kind, label=district_label(org.kind, unit, name), province=prov, district=dslug)
    return None if org.kind == "huyen-uy" else org      # "Bí thư huyện ủy" of no district: no body


_UNIT_AT_END = re.compile(r"(?:^|\s)(huyện|thị xã|thành phố|quận)(?:\s+(.+))?$")
_COMMITTEE_UNIT = {"huyện ủy": "huyện", "thị ủy": "thị xã", "thành ủy": "thành phố", "quận ủy": "quận"}


def _district_of(org: OrgRef) -> tuple[str, str, str | None, str] | None:
    """(unit word, name, province, district slug) of a district-level body, read from its label."""
    if org.kind == "huyen-uy":
        head, _, name = org.label.partition(" ")
        head2, _, name2 = name.partition(" ")
        unit = _COMMITTEE_UNIT.get(fold(f"{head} {head2}"))
        return (unit, name2, org.province, org.district or "") if unit and name2 else None
    m = _UNIT_AT_END.search(org.label)
    if m is None or not m.group(2):
        return None
    return m.group(1), m.group(2), org.province, org.district or ""


def _written_unit(label: str) -> str | None:
    m = _UNIT_AT_END.search(label)
    return m.group(1) if m else None


def _body_of_phrase(phrase: str, province: Province | None) -> OrgRef | None:
    phrase = nfc(phrase).strip()
    if _CENTRAL_COMMITTEE.fullmatch(unify_tones(phrase)):
        # "Ủy viên Trung ương (Đảng)": the title's body is the Central Committee
        return OrgRef(kind="ban-chap-hanh-tw", label=org_kinds()["ban-chap-hanh-tw"]["vi"], national=True)
    mentions = find_organizations(phrase, [], province, keep_posts=True, keep_unnamed_district=True)
    if not mentions:
        return None
    # a title names its body first: "Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo ..." -> UBND tỉnh
    first = mentions[0].org
    if first.kind == "thuong-truc" and not fold(phrase).startswith("ban") and len(mentions) > 1:
        return mentions[1].org      # "(Phó Bí thư) Thường trực Tỉnh ủy": a title of the Tỉnh ủy
    return first


_CENTRAL_COMMITTEE = re.compile(r"(?:(?:Ban Chấp hành|(?-i:BCH))\s*)?" + TW + r"(?:\s+Đảng(?:\s+Cộng sản Việt Nam)?)?",
                                re.IGNORECASE)
