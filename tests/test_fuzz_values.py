"""Fuzzing the value parsers beyond tests/test_normalize_dates.py and tests/test_docnumbers.py: partial
dates round-trip, dates and numbers are found at the right place inside report text, and nothing
raises on arbitrary unicode or bytes-turned-text."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.text.dates import MAX_YEAR, MIN_YEAR, PartialDate, find_dates, find_years, format_date, parse_date
from graph.text.docnumbers import DocNumber, find_numbers, format_number, number_key, parse_number
from graph.text.normalize import fold, nfc, slug, unify_tones
from tests.test_docnumbers import doc_numbers

FAST = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

PARTIAL = st.one_of(
    st.integers(MIN_YEAR, MAX_YEAR).map(PartialDate),
    st.tuples(st.integers(MIN_YEAR, MAX_YEAR), st.integers(1, 12)).map(lambda ym: PartialDate(*ym)),
    st.dates(min_value=date(MIN_YEAR, 1, 1), max_value=date(MAX_YEAR, 12, 31)).map(PartialDate.from_date),
)
STYLES = st.sampled_from(["slash", "dash", "dot", "words"])
# text around a value that must not change how it reads (a letter or digit glued on could)
BEFORE = st.sampled_from(["", "Ngày ", "Hôm qua, ", "theo văn bản ", "(", "“", "Từ ", "Kết luận: ", "\n"])
AFTER = st.sampled_from(["", ".", ", Ban Dân tộc tỉnh tổ chức hội nghị", ")", "”", " vừa qua", ";\n", " của UBND tỉnh"])


@FAST
@given(PARTIAL, STYLES)
def test_partial_dates_round_trip(value: PartialDate, style: str) -> None:
    assert parse_date(format_date(value, style)) == value


@FAST
@given(PARTIAL, STYLES, BEFORE, AFTER)
def test_a_date_is_found_where_it_is_written(value: PartialDate, style: str, before: str, after: str) -> None:
    written = format_date(value, style)
    text = before + written + after
    found = [d for d in find_dates(text) if d.value == value]
    if value.month is None:  # "năm 2020": only find_years reads it in running text
        assert (len(before), len(before) + len(written), value.year) in find_years(text)
        return
    assert found, (text, find_dates(text))
    assert text[found[0].start:found[0].end].strip() == written


@FAST
@given(st.dates(min_value=date(2000, 3, 1), max_value=date(2099, 12, 31)), st.integers(0, 60))
def test_a_day_without_year_takes_the_article_year_or_the_one_before(reference: date, back: int) -> None:
    from datetime import timedelta

    day = reference - timedelta(days=back)
    found = find_dates(f"Ngày {day.day}/{day.month}, Ban Dân tộc tỉnh tổ chức hội nghị.", reference)
    assert found and found[0].year_inferred
    assert found[0].value == PartialDate.from_date(day)


@FAST
@given(st.text(max_size=300), st.none() | st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 1, 1)))
def test_date_finders_never_raise_and_give_valid_dates(text: str, reference: date | None) -> None:
    for d in find_dates(text, reference):
        assert 0 <= d.start < d.end <= len(text)
        assert MIN_YEAR <= d.value.year <= MAX_YEAR
        if d.value.day:
            assert d.value.to_date() is not None
    for s, e, y in find_years(text):
        assert 0 <= s < e <= len(text) and str(y) in text[s:e]
    parse_date(text, reference)


@FAST
@given(doc_numbers(), BEFORE, AFTER)
def test_a_number_is_found_where_it_is_written(d: DocNumber, before: str, after: str) -> None:
    text = f"{before}Quyết định số {format_number(d)}{after}"
    numbers = [n.number for n in find_numbers(text)]
    assert numbers == [format_number(d)], (text, numbers)
    assert number_key("số " + format_number(d)) == number_key(d.number)


@FAST
@given(doc_numbers())
def test_number_keys_are_stable_and_tolerant(d: DocNumber) -> None:
    number = format_number(d)
    key = number_key(number)
    assert number_key(key) == key or parse_number(key) is None
    assert number_key("Số " + number.replace("/", " / ")) == key
    assert number_key(number.lower()) == key.lower() or number_key(number.lower()) == key


@FAST
@given(st.text(max_size=200))
def test_number_parsers_never_raise(text: str) -> None:
    for n in find_numbers(text):
        assert n.number and n.serial and n.number == nfc(n.number)
        assert parse_number(n.number) is not None
    parse_number(text)
    number_key(text)


@FAST
@given(st.text(max_size=200))
def test_normalisers_never_raise_and_slugs_are_safe(text: str) -> None:
    assert unify_tones(unify_tones(text)) == unify_tones(text)
    assert fold(fold(text)) == fold(text)
    s = slug(text)
    assert all(ch.isascii() and (ch.isalnum() or ch == "-") for ch in s)
    assert s == s.lower() and not s.startswith("-") and not s.endswith("-")
