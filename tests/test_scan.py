"""graph.text.scan: jumping to a regex's literal starts finds exactly what ``finditer`` finds.

The anchored scan is a speed-up of organisation rules, province names and bare document citations;
these tests hold it to the plain scan on real text (seeds, the dev set and the VNTC sample when present)
and on the letters where lowercasing and the regex engine's case folding disagree.  The same texts check
the other scan speed-up: a "(?=\\d)" put before the look-behind of patterns whose matches start with a digit.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from graph.extract import documents, figures
from graph.extract.organizations import _rules_with_triggers
from graph.resolve.gazetteer import Gazetteer
from graph.text import dates
from graph.text.docnumbers import NUMBER_RE
from graph.text.normalize import unify_tones
from graph.text.scan import Anchored, StartScan, literal_starts, lowered, trie_pattern

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "dev"
VNTC_SAMPLE = Path("/tmp/v2k")


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    if DEV.is_dir():
        texts += [json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted(DEV.glob("*.json"))]
    if VNTC_SAMPLE.is_dir():
        texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(VNTC_SAMPLE.glob("*.txt"))[:150]]
    texts.append("UBND TỈNH HÀ GIANG, Sở Y tế tỉnh Thừa Thiên Huế, ban chỉ đạo, QUYẾT ĐỊNH số 12, Kế hoạch 5 "
                 "năm, Nghị quyết 88 của Quốc hội, BR-VT, Hoà Bình, HOÀ BÌNH, hòa bình, tp. Hồ Chí Minh")
    return texts


def _scanned() -> list[tuple[str, re.Pattern[str], Anchored, bool]]:
    """(name, regex, its anchored form, whether it runs on tone-unified text) for every anchored scan in use."""
    gz = Gazetteer.default()
    out = [(f"organization rule {i}", rx, a, False) for i, (rx, _fn, a) in enumerate(_rules_with_triggers())
           if a is not None]
    out += [("province names", gz._rx, gz._rx_at, True), ("not places", gz._not_rx, gz._not_at, True),
            ("bare citations", documents._BARE, documents._BARE_AT, True)]
    assert all(a is not None for _n, _rx, a, _u in out)
    return out


def _same(rx: re.Pattern[str], anchored: Anchored, text: str) -> None:
    want = [(m.span(), m.groups()) for m in rx.finditer(text)]
    got = [(m.span(), m.groups()) for m in anchored.finditer(text, lowered(text))]
    assert got == want


def test_anchored_scans_find_exactly_the_plain_matches_on_real_text() -> None:
    texts = _texts()
    hits = 0
    for _name, rx, anchored, unified in _scanned():
        for text in texts:
            t = unify_tones(text) if unified else text
            _same(rx, anchored, t)
            hits += sum(1 for _ in rx.finditer(t))
    assert hits > 500        # the comparison saw many real matches, not only empty lists


def test_one_pass_over_every_rules_starts_finds_what_each_rules_own_scan_finds() -> None:
    """StartScan: the organisation rules' starts found in one pass, each rule then matched only where one of
    its own starts occurs, give each rule's plain ``finditer`` matches, on real text."""
    rules = _rules_with_triggers()
    scan = StartScan(a for _rx, _fn, a in rules)
    hits = 0
    for text in _texts():
        low = lowered(text)
        assert low is not None
        at = scan.positions(low)
        for (rx, _fn, anchored), positions in zip(rules, at, strict=True):
            assert anchored is not None
            want = [(m.span(), m.groups()) for m in rx.finditer(text)]
            assert [(m.span(), m.groups()) for m in anchored.matches_at(text, positions)] == want
            hits += len(want)
    assert hits > 500


def test_starts_overlapping_at_one_position_or_inside_another_reach_every_rule() -> None:
    """At a position the longest start is found; a shorter start there (a prefix of it) or one beginning
    inside it still reaches its rule."""
    long_ = re.compile(r"ban dân tộc \w+")
    short = re.compile(r"ban \w+")
    inner = re.compile(r"dân tộc")
    anchors = [Anchored(long_, ["ban dân tộc"]), Anchored(short, ["ban"]), Anchored(inner, ["dân tộc"])]
    text = "ban dân tộc tỉnh, ban chỉ đạo"
    at = StartScan(anchors).positions(text)
    assert at == [[0], [0, 18], [4]]
    for rx, a, positions in zip((long_, short, inner), anchors, at, strict=True):
        assert [m.span() for m in a.matches_at(text, positions)] == [m.span() for m in rx.finditer(text)]
    assert re.compile(trie_pattern(["ban", "ban dân tộc", "bộ"])).match("ban dân tộc").group() == "ban dân tộc"
    assert re.compile(trie_pattern(["ban", "ban dân tộc", "bộ"])).match("ban dân").group() == "ban"


@pytest.mark.parametrize("text", [
    "Sở Y tế ſở y tế",              # long s: the engine's IGNORECASE equates it with s, lower() does not
    "UBND TỈNH, İ UBND huyện",      # dotted capital I: lower() makes it two characters, shifting offsets
    "Ủy ban Dân tộc, UBDT, ủy ban dân tộc",
])
def test_odd_case_letters_fall_back_to_the_plain_scan(text: str) -> None:
    rx = re.compile(r"(?<!\w)(?:sở y tế|ubnd|ủy ban dân tộc|ubdt)(?!\w)", re.IGNORECASE)
    anchored = Anchored.of(rx)
    assert anchored is not None
    _same(rx, anchored, text)
    if "ſ" in text or "İ" in text:
        assert lowered(text) is None
        assert len(list(rx.finditer(text))) > len(list(anchored.finditer(text, text.lower()))) or "İ" in text


def test_literal_starts_reads_the_texts_a_match_begins_with() -> None:
    assert literal_starts(re.compile(r"(?<!x)(?:Ab|c(?:dd|ee))f")) == {"Ab", "cdd", "cee"}
    assert literal_starts(re.compile(r"Ban(?=\s)")) == {"Ban"}
    assert literal_starts(re.compile(r"(?:ab)?c")) is None            # an optional start: cannot tell
    assert literal_starts(re.compile(r"\d+ người")) is None
    assert literal_starts(re.compile(r"x(?:a|b|)")) == {"x"}            # an empty branch keeps the prefix only
    many = re.compile("|".join(f"{chr(0x4E00 + i)}x" for i in range(100)))
    assert literal_starts(many, limit=10) is None                      # too many to be worth a scan
    assert len(literal_starts(many, limit=100) or ()) == 100


def test_a_match_at_every_candidate_and_an_empty_match_agree_with_finditer() -> None:
    rx = re.compile(r"aa|a(?=b)")
    _same(rx, Anchored(rx, ["a"]), "aaab aab ab a")
    empty = re.compile(r"x(?=y)|(?=x)")
    _same(empty, Anchored(empty, ["x"]), "xy xx x")


@pytest.mark.parametrize("name", ["numeric date", "day/month date", "money", "percent", "count", "document number"])
def test_a_digit_lookahead_before_a_look_behind_hides_no_match(name: str) -> None:
    rx = {"numeric date": dates._PATTERNS[1][1], "day/month date": dates._PATTERNS[3][1], "money": figures._MONEY,
          "percent": figures._PERCENT, "count": figures._COUNT, "document number": NUMBER_RE}[name]
    assert rx.pattern.startswith("(?=\\d)")
    without = re.compile(rx.pattern.replace("(?=\\d)", ""), rx.flags)
    extra = "ngày 12/3, (8/1), 24 - 25/10/2019, 1.438 tỷ đồng, 7,89%, 145/151 xã, 112 công trình, số 12/2018/QĐ-TTg"
    hits = 0
    for text in [*_texts(), extra]:
        want = [(m.span(), m.groups()) for m in without.finditer(text)]
        assert [(m.span(), m.groups()) for m in rx.finditer(text)] == want
        hits += len(want)
    assert hits > 0


def test_the_officials_cue_trie_finds_the_starts_a_flat_alternation_finds() -> None:
    """The role words and honorifics are one word trie (``trie_pattern(words, sep)``); the sentences a cue
    starts in are what matter, and the trie finds every start the flat alternation of the same phrases
    finds, on real text."""
    from graph.extract import officials

    folded, _exact = officials._cues()
    lex = officials._lexicon()
    phrases = {form for role in lex.roles.values() for form in role.forms}
    for entries in lex.intro_folded.values():
        phrases |= {form for form, _lower in entries}
    phrases |= {tuple(label.split()) for label in officials._NAME_LABELS}
    minimal = {p for p in phrases if not any(p[:k] in phrases for k in range(1, len(p)))}
    flat = re.compile(r"(?<!\w)(?:" + "|".join(sorted((r"\s*".join(map(re.escape, p)) for p in minimal),
                                                       key=lambda a: (-len(a), a))) + r")(?!\w)")
    found = 0
    for text in _texts():
        low = unify_tones(text).lower()
        want = [m.start() for m in flat.finditer(low)]
        assert [m.start() for m in folded.finditer(low)] == want
        found += len(want)
    assert found > 300
    words = re.compile(trie_pattern([("phó", "chủ", "tịch"), ("phó",), ("chủ", "tịch")], r"\s+"))
    assert words.match("phó  chủ tịch").group() == "phó  chủ tịch" and words.match("phó giám đốc").group() == "phó"
