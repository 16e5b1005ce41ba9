"""Properties: reading never fails with anything but ReadError, always yields NFC, and is idempotent."""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from graph.read import Article, ReadError, read_file, read_text

VIET = "ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐ\u0300\u0301\u0303\u0309\u0323"
PIECES = st.sampled_from([
    "<p>", "</p>", "<div class='menu'>", "</div>", "<script>", "</script>", "<br>", "<h1>", "</h1>",
    "Tin khác", "Số lượt xem: 12", "Tin, ảnh: ", "Tác giả: ", "Ngày 12/3/2021", "Thứ sáu, 22/01/2021",
    "Ban Dân tộc tỉnh Hà Giang", "\n", "\n\n", "\r\n", " ", "\u00a0", "Đ\n", "ồng chí ", "HUY ANH",
    "<!--", "-->",
    # character references a scraper left in text, and pieces that could join into one after a decode
    "&amp;", "&lt;", "&gt;", "&nbsp;", "&#7843;", "&#38;", "&#59;", "&#173;", "&#x1ea1;", "&", ";", "#", "amp",
    "lt;", "&am", "p;",
])
TEXTISH = st.one_of(
    st.text(max_size=400),
    st.text(alphabet=st.sampled_from(VIET + "abc XYZ.,:;-/\n0123456789"), max_size=400),
    st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=40).map("".join),
)


def _check(a: Article) -> None:
    assert unicodedata.is_normalized("NFC", a.text)
    assert a.text and a.text == a.text.strip()
    assert "\r" not in a.text and "\n\n\n" not in a.text
    for name in a.authors:
        assert unicodedata.is_normalized("NFC", name)
    if a.title is not None:
        assert unicodedata.is_normalized("NFC", a.title)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTISH, st.sampled_from([None, True, False]))
def test_read_text_only_raises_read_error_and_gives_nfc(raw: str, html: bool | None) -> None:
    try:
        a = read_text(raw, "x", html=html)
    except ReadError as e:
        assert e.reason
        return
    _check(a)


@settings(max_examples=200, deadline=None)
@given(TEXTISH)
@example("a\n0")   # found by the CI fuzz run: the boilerplate split kept only "0", which a re-read refused
def test_plain_reading_is_idempotent(raw: str) -> None:
    try:
        a = read_text(raw, "x", html=False)
    except ReadError:
        return
    assert read_text(a.text, "x", html=False).text == a.text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(
    st.binary(max_size=600),
    TEXTISH.map(lambda s: s.encode("utf-8")),
    TEXTISH.map(lambda s: s.encode("utf-16")),
    TEXTISH.map(lambda s: s.encode("cp1258", "replace")),
), st.sampled_from(["a.txt", "a.html"]))
def test_read_file_only_raises_read_error(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / name
        p.write_bytes(data)
        try:
            a = read_file(p)
        except ReadError as e:
            assert e.reason and e.path == str(p)
            return
        _check(a)


def test_regressions_found_by_hypothesis_in_ci() -> None:
    """Two inputs hypothesis found: a control character in a page's tail text, a letter split by 2 blank lines."""
    import contextlib

    from graph.read import ReadError, read_text

    with contextlib.suppress(ReadError):
        read_text("<P>\x1f<SCRIPT></SCRIPT>0", "x")
    once = read_text("A\n\n\na", "x").text
    assert read_text(once, "x").text == once
