"""The Vietnamese document-numbering grammar (số hiệu văn bản).

Numbers come in three shapes, each a serial followed by codes:
  * ``88/2019/QH14``, ``116/2010/NĐ-CP``, ``01/2016/TTLT-BLĐTBXH-BTC`` — serial / year / codes
  * ``12/NQ-CP``, ``2085/QĐ-TTg``, ``1458/UBDT-VP135`` — serial / codes
  * ``14-CT/TU``, ``24-NQ/TW`` — the Party's style: serial - kind / issuer
Codes are a kind code (``data/doc_kinds.yaml``) followed by issuer codes (``data/issuer_codes.yaml``);
a number with no kind code is a công văn, whose FIRST code is the issuer and the rest its unit.
Texts type the same number many ways ("1348 / KH-UBND", "QD-TTg", Ð for Đ), so the canonical form
restores known codes (QD -> QĐ, TTG -> TTg) and :func:`number_key` folds what remains for dedup.
Look-alikes (dates, ratios, "24/7", "Covid-19", programme codes such as CT229) never match: a code
must start with a letter and be a known code or at least two capitals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from graph.datafiles import load_yaml
from graph.text.normalize import nfc


@dataclass(frozen=True)
class DocNumber:
    raw: str                        # as written (minus "số")
    number: str                     # canonical: "88/2019/QH14", "2085/QĐ-TTg" (NFC, no spaces)
    serial: str                     # "88"
    year: int | None                # 2019 when written inside the number
    kind_code: str | None           # "NQ", "QĐ", "KH", "CT", "TT", "TTLT" ... None for a công văn
    issuer_code: str | None         # "QH14", "CP", "TTg", "UBND", "TU", "UBDT" ... ("BLĐTBXH-BTC" when joint)
    unit: str | None = None         # a công văn's drafting unit: "VP135" in 1458/UBDT-VP135
    dashed: bool = False            # the Party's "14-CT/TU" shape (serial-kind/issuer)


def _load(name: str) -> Any:
    with resources.files("graph.data").joinpath(name).open(encoding="utf-8") as fh:
        return load_yaml(fh)


@cache
def doc_kinds() -> dict[str, dict[str, Any]]:
    """data/doc_kinds.yaml: notation -> {vi, en, codes, words, joint, bare}."""
    return _load("doc_kinds.yaml")


@cache
def issuer_data() -> dict[str, Any]:
    """data/issuer_codes.yaml: {codes: {code: {...}}, names: [...], not_codes: [...]}."""
    return _load("issuer_codes.yaml")


def _dkey(code: str) -> str:
    """Code comparison form: upper case, Đ/Ð typed as D."""
    return code.replace("Đ", "D").replace("đ", "d").replace("Ð", "D").replace("ð", "d").upper()


# ---------------------------------------------------------------------------------------------- codes
KIND_CODES: dict[str, str] = {}          # canonical kind code -> doc kind notation (first listing wins)
JOINT_KIND_CODES: set[str] = set()
for _notation, _kind in doc_kinds().items():
    for _code in _kind.get("codes") or []:
        KIND_CODES.setdefault(_code, _notation)
        if _kind.get("joint"):
            JOINT_KIND_CODES.add(_code)
ISSUER_CODES: dict[str, dict[str, Any]] = dict(issuer_data()["codes"])
_NOT_CODES: list[str] = list(issuer_data().get("not_codes") or [])

# comparison key -> canonical code; an exact spelling always wins over a folded one ("HD" stays HD)
_CANON: dict[str, str] = {}
for _code in [*KIND_CODES, *ISSUER_CODES]:
    _CANON.setdefault(_dkey(_code), _code)
_EXACT = set(KIND_CODES) | set(ISSUER_CODES)


def canonical_code(token: str) -> str:
    """QD -> QĐ, TTG -> TTg, QH14 -> QH14, Ð -> Đ; an unknown code is kept as written."""
    token = token.replace("Ð", "Đ").replace("ð", "đ")
    if token in _EXACT:
        return token
    found = _CANON.get(_dkey(token))
    if found:
        return found
    m = re.fullmatch(r"(.*?[^\d])(\d+)", token)
    if m:
        base = _CANON.get(_dkey(m.group(1)))
        if base and ISSUER_CODES.get(base, {}).get("digits"):
            return base + m.group(2)
    return token


def _variants(code: str) -> str:
    """Regex for a known code as texts type it: exact, upper case, Đ as D or Ð."""
    forms = {code, code.upper()}
    return "|".join(re.escape(f).replace("Đ", "[ĐÐD]") for f in sorted(forms, key=len, reverse=True))


def _alternation(codes: list[str]) -> str:
    return "|".join(_variants(c) for c in sorted(codes, key=len, reverse=True))


_UP = "A-ZĐÐ"
_KNOWN_ALT = _alternation([*KIND_CODES, *ISSUER_CODES])
_KIND_ALT = _alternation(list(KIND_CODES))
_STOP = "|".join(re.escape(w) for w in _NOT_CODES)
# one code: a known one, or two+ capitals optionally followed by digits ("KGVX", "VP135", "QH14")
_TOKEN = rf"(?!(?:{_STOP})(?!\w))(?:(?:{_KNOWN_ALT})(?![\w&])|[{_UP}]{{2,}}(?:&[{_UP}]+)?\d*(?![\w&]))"
_DASH = r"\s?[-–]\s?"
_SLASH = r"\s?/\s?"
# a unit code in mixed case ("QĐ-Ttra"), only when tightly joined: "12/NQ-CP - Trong khi" is no unit
_MIXED = r"[-–][A-ZĐÐ][A-Za-zĐđÐð]{1,6}(?![\w&])"
_CODES = rf"{_TOKEN}(?:{_DASH}{_TOKEN}|{_MIXED})*"
# "(?=\d)" first: a non-digit is passed over without trying the look-behind
_SERIAL = r"(?=\d)(?<![\w.,/\-–])(?P<serial>\d{1,5})"
NUMBER_RE: re.Pattern[str] = re.compile(
    _SERIAL
    + rf"(?:{_DASH}(?P<pkind>{_KIND_ALT})(?!\w){_SLASH}(?P<pcodes>{_CODES})"
    + rf"|{_SLASH}(?:(?P<year>(?:19|20)\d\d){_SLASH})?(?P<codes>{_CODES}))"
    + rf"(?!\s?/\s?[{_UP}])"      # an old "1943/KH/ĐTXD" is not cut into a wrong "1943/KH"
)
_LEAD = re.compile(r"^\s*(?:(?:số|Số|SỐ)(?:\s+hiệu|\s+HIỆU)?\s*[:.]?\s*)?")
_SPLIT = re.compile(r"\s?[-–]\s?")


def from_match(m: re.Match[str]) -> DocNumber:
    """The DocNumber of a NUMBER_RE match."""
    serial = m.group("serial")
    raw = m.group(0)
    if m.group("pkind"):
        kind = canonical_code(m.group("pkind"))
        rest = [canonical_code(t) for t in _SPLIT.split(m.group("pcodes"))]
        return DocNumber(raw, f"{serial}-{kind}/{'-'.join(rest)}", serial, None, kind, rest[0],
                         "-".join(rest[1:]) or None, dashed=True)
    year = int(m.group("year")) if m.group("year") else None
    tokens = [canonical_code(t) for t in _SPLIT.split(m.group("codes"))]
    kind: str | None = None
    if tokens[0] in KIND_CODES:
        kind = tokens.pop(0)
    issuer: str | None
    if kind in JOINT_KIND_CODES:
        issuer, unit = "-".join(tokens) or None, None
    else:
        issuer = tokens[0] if tokens else None
        unit = "-".join(tokens[1:]) or None
    d = DocNumber(raw, "", serial, year, kind, issuer, unit)
    return DocNumber(raw, format_number(d), serial, year, kind, issuer, unit)


def find_numbers(text: str) -> list[DocNumber]:
    """Every document number in running text, in order."""
    return [from_match(m) for m in NUMBER_RE.finditer(text)]


def parse_number(s: str) -> DocNumber | None:
    """A whole string as one number ("số 88/2019/QH14", "1348 / KH-UBND"); None when it is not one."""
    s = nfc(s)
    s = s[_LEAD.match(s).end():].strip()  # type: ignore[union-attr]
    m = NUMBER_RE.fullmatch(s)
    return from_match(m) if m else None


def format_number(d: DocNumber) -> str:
    """The canonical number from its parts: ``parse_number(format_number(d)) == d`` for canonical d."""
    if d.dashed:
        tail = "-".join(c for c in (d.issuer_code, d.unit) if c)
        return f"{d.serial}-{d.kind_code}/{tail}"
    codes = "-".join(c for c in (d.kind_code, d.issuer_code, d.unit) if c)
    head = f"{d.serial}/{d.year}" if d.year is not None else d.serial
    return f"{head}/{codes}"


_KEY_DROP = re.compile(r"\s+")
_KEY_SO = re.compile(r"^(?:SỐ|SO)(?:HIỆU|HIEU)?[:.]?")


def number_key(s: str) -> str:
    """Comparison key for dedup: upper case, no spaces, Đ/Ð as D, no "số", serial without leading zeros."""
    p = parse_number(s)
    text = p.number if p else nfc(s)
    key = _dkey(_KEY_DROP.sub("", text).replace("–", "-"))
    key = _KEY_SO.sub("", key)
    return re.sub(r"^0+(?=\d)", "", key)
