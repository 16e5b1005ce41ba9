"""Inputs that once took quadratic time or crashed an article (found by the robustness work)."""

from __future__ import annotations

import time
from datetime import date

from graph.extract.figures import find_figures
from graph.extract.pipeline import extract_article
from graph.extract.sentences import split_sentences
from graph.rdf.mappers.article import safe_url as _safe_url
from graph.read import read_text


def _seconds(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def test_long_digit_and_percent_runs_are_linear() -> None:
    digits = "9" * 20000 + " tỷ đồng"
    rates = "tỷ lệ " + "1,2% " * 8000
    for text in (digits, rates):
        spans = split_sentences(text)
        assert _seconds(lambda t=text, sp=spans: find_figures(t, sp, date(2020, 1, 1), None, [])) < 3


def test_a_run_of_dots_splits_in_linear_time() -> None:
    assert _seconds(lambda: split_sentences("." * 200000 + " Ban")) < 3


def test_long_title_lists_do_not_renormalise_per_token() -> None:
    art = read_text("Ông Lò Văn A" + ", Phó Trưởng Ban" * 5000 + " phát biểu.", "x")
    assert _seconds(lambda: extract_article(art)) < 10


def test_a_url_with_forbidden_characters_keeps_the_article() -> None:
    assert _safe_url("https://example.vn/tin?id={1}|x") is not None
    assert _safe_url("javascript:alert(1)") is None and _safe_url(None) is None
