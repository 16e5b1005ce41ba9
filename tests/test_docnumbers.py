"""The document-number grammar: every shape reports use, typing variants, look-alikes that are not numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.text.docnumbers import (
    ISSUER_CODES,
    JOINT_KIND_CODES,
    KIND_CODES,
    NUMBER_RE,
    DocNumber,
    format_number,
    number_key,
    parse_number,
)

# (as written, canonical number, serial, year, kind code, issuer code, unit)
FORMS = [
    ("76/2021/QH15", "76/2021/QH15", "76", 2021, None, "QH15", None),
    ("34/NQ-CP", "34/NQ-CP", "34", None, "NQ", "CP", None),
    ("1409/QĐ-TTg", "1409/QĐ-TTg", "1409", None, "QĐ", "TTg", None),
    ("09-CT/TU", "09-CT/TU", "09", None, "CT", "TU", None),
    ("43-KL/TW", "43-KL/TW", "43", None, "KL", "TW", None),
    ("2207/KH-UBND", "2207/KH-UBND", "2207", None, "KH", "UBND", None),
    ("02/2017/TT-UBDT", "02/2017/TT-UBDT", "02", 2017, "TT", "UBDT", None),
    ("52/KH-BDT", "52/KH-BDT", "52", None, "KH", "BDT", None),
    ("05/2011/NĐ-CP", "05/2011/NĐ-CP", "05", 2011, "NĐ", "CP", None),
    ("772/UBDT-CSDT", "772/UBDT-CSDT", "772", None, None, "UBDT", "CSDT"),
    ("5123/VPCP-QHĐP", "5123/VPCP-QHĐP", "5123", None, None, "VPCP", "QHĐP"),
    ("17/KH-BCĐ", "17/KH-BCĐ", "17", None, "KH", "BCĐ", None),
    ("02/2023/TTLT-BTC-BNV", "02/2023/TTLT-BTC-BNV", "02", 2023, "TTLT", "BTC-BNV", None),
    ("11/2022/NQ-HĐND", "11/2022/NQ-HĐND", "11", 2022, "NQ", "HĐND", None),
    ("163/TB-VPCP", "163/TB-VPCP", "163", None, "TB", "VPCP", None),
    ("07-CTr/TU", "07-CTr/TU", "07", None, "CTr", "TU", None),
    ("41/TTr-UBND", "41/TTr-UBND", "41", None, "TTr", "UBND", None),
]


@pytest.mark.parametrize(("written", "number", "serial", "year", "kind", "issuer", "unit"), FORMS)
def test_forms(written: str, number: str, serial: str, year: int | None, kind: str | None,
               issuer: str | None, unit: str | None) -> None:
    d = parse_number(written)
    assert d is not None
    assert (d.number, d.serial, d.year, d.kind_code, d.issuer_code, d.unit) == (
        number, serial, year, kind, issuer, unit)
    assert d.raw == written
    assert format_number(d) == number


@pytest.mark.parametrize(("written", "number"), [
    ("số 2207/KH-UBND", "2207/KH-UBND"),
    ("Số: 2207/KH-UBND", "2207/KH-UBND"),
    ("2207 / KH-UBND", "2207/KH-UBND"),
    ("2207/ KH - UBND", "2207/KH-UBND"),
    ("1409/QD-TTg", "1409/QĐ-TTg"),          # ASCII text
    ("1409/QÐ-TTg", "1409/QĐ-TTg"),          # Ð (eth) typed for Đ
    ("1409/QĐ-TTG", "1409/QĐ-TTg"),
    ("05/2011/ND-CP", "05/2011/NĐ-CP"),
    ("11/2022/NQ-HDND", "11/2022/NQ-HĐND"),
    ("17/KH-BCD", "17/KH-BCĐ"),
    ("1409/QĐ–TTg", "1409/QĐ-TTg"),          # en dash
])
def test_typing_variants_are_canonicalised(written: str, number: str) -> None:
    d = parse_number(written)
    assert d is not None and d.number == number
    assert number_key(written) == number_key(number)


def test_number_key_unifies_case_zeros_and_d() -> None:
    assert number_key("02/2017/TT-UBDT") == number_key("2/2017/tt-ubdt")
    assert number_key("số 1409/QĐ-TTg") == number_key("1409/QD-TTG")
    assert number_key("1409/QĐ-TTg") != number_key("1490/QĐ-TTg")
    assert number_key("09-CT/TU") != number_key("09-CT/HU")


@pytest.mark.parametrize("text", [
    "17/7/2020", "16-7-2019", "ngày 3/2", "1.438/1.552", "10/10 huyện", "145/151 xã", "đạt 97,5/%",
    "24/7", "Covid-19", "COVID-19", "5/COVID-19", "K2", "P1", "CT229", "2019", "0214.3852.127",
    "số 163 - Bà Triệu", "127 - Fax: 0260", "tỷ lệ 2/3", "giai đoạn 2021 - 2025", "12/NQ",
])
def test_look_alikes_are_not_numbers(text: str) -> None:
    if text != "12/NQ":
        assert parse_number(text) is None
    assert [m.group() for m in NUMBER_RE.finditer(text)] == ([] if text != "12/NQ" else ["12/NQ"])


def test_number_re_in_running_text() -> None:
    text = ("Ngày 5/3/2021, xã có 14/16 thôn đạt chuẩn; thực hiện Nghị quyết số 76/2021/QH15 và "
            "Chỉ thị 09-CT/TU, huyện đạt 45,2% (Covid-19 giảm), theo Công văn số 772 / UBDT-CSDT.")
    assert [parse_number(m.group()).number for m in NUMBER_RE.finditer(text)] == [  # type: ignore[union-attr]
        "76/2021/QH15", "09-CT/TU", "772/UBDT-CSDT"]


_KINDS = sorted(k for k in KIND_CODES if k not in JOINT_KIND_CODES)
_ISSUERS = sorted(c for c in ISSUER_CODES if c not in KIND_CODES)
_UNIT = st.from_regex(r"[A-Z]{2,4}[0-9]{0,3}", fullmatch=True).filter(
    lambda u: u not in KIND_CODES and u not in ("COVID", "SARS", "HIV", "AIDS", "USD", "VND", "GDP", "ATM"))


@st.composite
def doc_numbers(draw: st.DrawFn) -> DocNumber:
    serial = draw(st.from_regex(r"[0-9]{1,5}", fullmatch=True))
    shape = draw(st.sampled_from(["year", "plain", "dashed", "congvan", "joint"]))
    year = kind = issuer = unit = None
    dashed = False
    if shape == "congvan":
        issuer = draw(st.sampled_from(_ISSUERS))
        unit = draw(st.none() | _UNIT)
    elif shape == "joint":
        year = draw(st.integers(1990, 2030))
        kind = draw(st.sampled_from(sorted(JOINT_KIND_CODES)))
        issuer = "-".join(draw(st.lists(st.sampled_from(_ISSUERS), min_size=2, max_size=3)))
    else:
        kind = draw(st.sampled_from(_KINDS))
        issuer = draw(st.sampled_from(_ISSUERS))
        dashed = shape == "dashed"
        if shape == "year":
            year = draw(st.integers(1990, 2030))
    d = DocNumber("", "", serial, year, kind, issuer, unit, dashed)
    number = format_number(d)
    return DocNumber(number, number, serial, year, kind, issuer, unit, dashed)


@given(doc_numbers())
def test_format_parse_round_trip(d: DocNumber) -> None:
    assert parse_number(format_number(d)) == d
    assert parse_number("số " + format_number(d)) == d


@given(st.text(alphabet=st.sampled_from(list("0123456789/-–. ,QĐDHKNTUBCPgđáởệ%số:")), max_size=40))
def test_parse_never_raises(text: str) -> None:
    d = parse_number(text)
    if d is not None:
        assert parse_number(d.number) is not None
        assert number_key(text) == number_key(d.number)
