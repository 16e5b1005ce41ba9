"""The synthetic corpus generator: deterministic, sized as asked, NFC, and actually varied."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from benchmarks.generate import PROVINCES, article, articles, write_corpus

DOC_NUMBER = re.compile(r"\b\d{1,4}(?:/\d{4})?[/-](?:[A-ZĐ]+-)?[A-ZĐ0-9]+(?:/[A-ZĐ]+)?\b")


def test_same_seed_same_corpus_and_prefix_property() -> None:
    a = list(articles(50, seed=3))
    assert a == list(articles(50, seed=3))
    # a small corpus is the head of a bigger one, and any article can be made alone
    assert list(articles(20, seed=3)) == a[:20]
    assert article(3, 37) == a[37]
    assert list(articles(10, seed=3, start=40)) == a[40:50]


def test_other_seed_other_corpus() -> None:
    a = [t for _, t in articles(30, seed=1)]
    b = [t for _, t in articles(30, seed=2)]
    assert sum(x != y for x, y in zip(a, b, strict=True)) == 30


def test_every_article_non_empty_nfc_and_report_sized() -> None:
    texts = [t for _, t in articles(300, seed=11)]
    for t in texts:
        assert t.strip()
        assert unicodedata.is_normalized("NFC", t)
    sizes = sorted(len(t.encode("utf-8")) for t in texts)
    assert 1200 < sizes[len(sizes) // 2] < 6000
    assert len(set(texts)) == len(texts)


def test_names_numbers_provinces_vary() -> None:
    texts = [t for _, t in articles(400, seed=5)]
    joined = "\n".join(texts)
    provinces = {p for p in PROVINCES if p in joined}
    assert len(provinces) >= 50
    numbers = set(DOC_NUMBER.findall(joined))
    assert len(numbers) >= 300, len(numbers)
    for shape in (r"/\d{4}/QH14", r"/QĐ-TTg", r"/KH-BDT", r"-CT/TU", r"/\d{4}/TT-UBDT"):
        assert re.search(r"\d" + shape, joined), shape
    # Kinh three-part names and ethnic-minority patterns both appear
    assert re.search(r"\b(?:Nguyễn|Trần|Lê|Phạm) (?:Văn|Thị|Đức|Minh) \w+", joined)
    for pattern in (r"\bLò (?:Văn|Thị) \w+", r"\bGiàng (?:A|Seo|Mí) \w+", r"\bKsor \w+"):
        assert re.search(pattern, joined), pattern
    # dates in several written forms, figures with units, portal boilerplate
    assert re.search(r"ngày \d{1,2} tháng \d{1,2} năm \d{4}", joined)
    assert re.search(r"ngày \d{1,2}/\d{1,2}/\d{4}", joined)
    assert re.search(r"ngày \d{1,2}-\d{1,2}-\d{4}", joined)
    assert re.search(r"\d tỷ đồng", joined) and re.search(r"\d,\d\d%", joined)
    assert "Tin khác" in joined and "Lượt truy cập" in joined
    # bodies of text are not one sentence repeated
    first_lines = {t.split("\n\n", 1)[-1][:80] for t in texts}
    assert len(first_lines) > 350


def test_write_corpus_writes_utf8_files(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "c", 25, seed=9)
    assert len(paths) == 25 and len(set(paths)) == 25
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == sorted(p.name for p in paths)
    for (stem, text), p in zip(articles(25, seed=9), paths, strict=True):
        assert p.stem == stem
        assert p.read_text(encoding="utf-8") == text
