"""Normalisation and dates, on strings written for the tests."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.text.dates import PartialDate, find_dates, format_date, parse_date
from graph.text.normalize import fold, nfc, slug, unify_tones


@pytest.mark.parametrize(("old", "new"), [
    ("Hoà Bình", "Hòa Bình"), ("Thuỷ", "Thủy"), ("Uỷ ban", "Ủy ban"), ("KHOẺ", "KHỎE"),
    ("hoàn thành", "hoàn thành"), ("Nguyễn Quý", "Nguyễn Quý"), ("Thủy", "Thủy"),
])
def test_tone_spellings_meet(old: str, new: str) -> None:
    assert unify_tones(old) == new
    assert fold(old) == fold(new)


def test_nfc_and_eth() -> None:
    decomposed = "Ban Da\u0302n to\u0302\u0323c"
    assert nfc(decomposed) == "Ban Dân tộc"
    assert nfc("\u00d0inh") == "Đinh"
    assert slug("Ban Dân tộc tỉnh Đắk Lắk") == "ban-dan-toc-tinh-dak-lak"


@pytest.mark.parametrize(("text", "iso"), [
    ("Ngày 5 tháng 3 năm 2021, Sở", "2021-03-05"),
    ("Thứ hai, 15/03/2021", "2021-03-15"),
    ("cập nhật 3-8-2019", "2019-08-03"),
    ("ngày 09.12.2022", "2022-12-09"),
    ("dự kiến trong tháng 9 năm 2024", "2024-09"),
    ("vào tháng 9/2024", "2024-09"),
    ("diễn ra từ 12 - 13/11/2023", "2023-11-12"),
])
def test_date_forms(text: str, iso: str) -> None:
    assert [d.value.iso() for d in find_dates(text)] == [iso]


def test_day_month_takes_the_article_year() -> None:
    ref = date(2023, 2, 10)
    assert find_dates("Sáng nay (9/2), Ban", ref)[0].value.iso() == "2023-02-09"
    assert find_dates("Ngày 28/12 vừa qua", ref)[0].value.iso() == "2022-12-28"  # a December event, reported in Feb
    assert find_dates("Ngày 28/12 vừa qua") == []  # no article date: no guess
    assert find_dates("Sáng 29/6 tại Hà Nội", date(2022, 7, 1))[0].value.iso() == "2022-06-29"
    assert find_dates("Chiều 3/7, đoàn công tác", date(2022, 7, 4))[0].value.iso() == "2022-07-03"


@pytest.mark.parametrize("text", ["10/10 huyện", "đạt 145/151 xã", "1.438/1.552 đại biểu", "31/2/2020", "năm 3021"])
def test_not_dates(text: str) -> None:
    assert find_dates(text, date(2020, 5, 1)) == []


@given(st.dates(min_value=date(1945, 1, 1), max_value=date(2100, 12, 31)),
       st.sampled_from(["slash", "dash", "dot", "words"]))
def test_format_parse_round_trip(d: date, style: str) -> None:
    value = PartialDate.from_date(d)
    assert parse_date(format_date(value, style)) == value


@given(st.text(max_size=200))
def test_find_dates_never_raises(text: str) -> None:
    for d in find_dates(text, date(2020, 1, 1)):
        assert 0 <= d.start < d.end <= len(text)
