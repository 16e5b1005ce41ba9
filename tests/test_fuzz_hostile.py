"""Fuzzing hostile shapes of input (issue 16): run-on text without punctuation, and file names holding
newlines, terminal escapes and bidi controls.  Part of the CI fuzz run (.ci/fuzz.sh runs tests/test_fuzz_*.py
with the exploring profile); the suite runs a few deterministic examples.

Properties: a run-on text is cut into bounded sentences and its mentions are capped, whatever its words;
no file name reaches the terminal with a control character in it, and each message stays one line.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
import time
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.cli import main
from graph.extract.pipeline import MAX_PER_ARTICLE, MAX_PER_SENTENCE, extract_article
from graph.extract.sentences import MAX_SENTENCE_CHARS, split_sentences
from graph.read import ReadError, read_text
from graph.terminal import safe

IN_SUITE = settings.get_current_profile_name() in ("suite", "default")
EXAMPLES = os.environ.get("DANTOC_FUZZ_EXAMPLES")


def budget(suite_examples: int) -> settings:
    extra = {"max_examples": suite_examples} if IN_SUITE else {}
    if EXAMPLES and not IN_SUITE:
        extra = {"max_examples": int(EXAMPLES)}
    return settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
                    **extra)


# words of report prose that trigger every extractor, with no sentence-ending punctuation anywhere
WORDS = st.sampled_from([
    "Ban Dân tộc tỉnh Sơn La", "UBND tỉnh Hà Giang", "Sở Tài chính", "Chủ tịch", "Phó Trưởng ban", "ông",
    "Nguyễn Văn Minh", "Lò Thị Hoà", "Quyết định số 12/QĐ-UBND", "ngày 3/4/2021", "Chương trình 135",
    "hội nghị", "tổ chức", "tổng kết", "đạt", "85%", "1.250 hộ", "tỷ đồng", "huyện Mường La", "xã", "và",
    "các", "đồng chí", "Thượng tá", "Đề án", "năm 2024", "tại", "với", "Kế hoạch số 7/KH-BDT", "trao",
])
SEPARATORS = st.sampled_from([" ", " ", " ", ", ", " - ", "  "])


@st.composite
def run_on_texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(WORDS, min_size=50, max_size=400))
    seps = draw(st.lists(SEPARATORS, min_size=len(words), max_size=len(words)))
    unit = "".join(w + s for w, s in zip(words, seps, strict=True))
    repeat = draw(st.integers(1, max(1, 60_000 // max(len(unit), 1))))
    return (unit * repeat).strip()


@budget(10)
@given(run_on_texts())
def test_run_on_text_gives_bounded_sentences_and_capped_mentions(text: str) -> None:
    spans = split_sentences(text)
    assert all(0 < s.end - s.start <= MAX_SENTENCE_CHARS for s in spans)
    covered = sum(s.end - s.start for s in spans)
    assert covered >= len(text.replace(" ", "")) // 2          # cutting loses no text to speak of
    started = time.perf_counter()
    facts = extract_article(read_text(text, "runon", html=False))
    assert time.perf_counter() - started < 20                 # linear: ~0.05 s for 60k characters alone
    for kind in (facts.organizations, facts.persons, facts.documents, facts.events, facts.figures,
                 facts.programmes):
        assert len(kind) <= MAX_PER_ARTICLE
        per: dict = {}
        for m in kind:
            per[m.sentence] = per.get(m.sentence, 0) + 1
        assert not per or max(per.values()) <= MAX_PER_SENTENCE


HOSTILE_CHARS = st.sampled_from(["\n", "\r", "\t", "\x1b", "\x07", "\x9b", "\x7f", "\u202e", "\u202d", "\u2066",
                                 "\u2069", "\u200f", "\u2028", "\ufeff", "[2J", "]0;", "a", "Đ", "ộ", " ", "-"])
NAMES = st.lists(HOSTILE_CHARS, min_size=1, max_size=12).map("".join)
UNSAFE_CATEGORIES = {"Cc", "Zl", "Zp", "Cs"}
BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")   # and the BOM


def _printable(line: str) -> bool:
    return not any(unicodedata.category(ch) in UNSAFE_CATEGORIES or ch in BIDI for ch in line)


@budget(20)
@given(st.text(max_size=200) | NAMES)
def test_safe_leaves_no_control_and_keeps_one_line(text: str) -> None:
    shown = safe(text)
    assert _printable(shown) and "\n" not in shown
    if _printable(text):
        assert shown == text   # ordinary text (Vietnamese included) is shown as it is


@budget(10)
@given(NAMES, st.sampled_from([b"", b",,,,", b"\xff\xfe\x00\x00garbage"]))
def test_file_names_with_controls_reach_the_terminal_escaped(name: str, content: bytes) -> None:
    if "/" in name or "\x00" in name or name.strip(".") == "":
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        try:
            (folder / f"{name}.txt").write_bytes(content)
        except OSError:   # a name this file system refuses
            return
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr):
            code = main(["build", str(folder), "--out", str(Path(tmp) / "g.ttl"), "--quiet", "--no-validate"])
        err = stderr.getvalue()
    assert code != 0
    lines = err.splitlines()
    assert lines and all(_printable(line) for line in lines), err
    assert all(line.startswith(("skipped ", "dantoc-kg build: error")) for line in lines), err


def test_read_text_refuses_text_without_words() -> None:
    try:
        read_text("," * 1000, "x", html=False)
    except ReadError as exc:
        assert "no article text" in exc.reason
    else:
        raise AssertionError("a text of commas was read as an article")
