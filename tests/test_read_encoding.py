"""Encodings and broken inputs: every file either reads to the same NFC text or fails with a clear reason."""

from __future__ import annotations

import codecs
import time
import unicodedata
from pathlib import Path

import pytest

from graph.read import ReadError, read_file

ARTICLE = (
    "Ban Dân tộc tỉnh Quảng Trị tổng kết công tác năm 2022\n\n"
    "Ngày 12/01/2023, Ban Dân tộc tỉnh Quảng Trị tổ chức Hội nghị tổng kết công tác dân tộc năm 2022. "
    "Đồng chí Hồ Văn Lượng, Trưởng ban, chủ trì hội nghị; đại biểu các huyện Hướng Hóa, Đakrông dự.\n\n"
    "Phạm Thùy Dương"
)
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese software writes it: base letters precomposed, tone marks combining."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out.append(base + "".join(c for c in parts if c in TONES))
    return "".join(out).encode("cp1258")


def write(tmp_path: Path, data: bytes, name: str = "bai.txt") -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize("data", [
    ARTICLE.encode("utf-8"),
    codecs.BOM_UTF8 + ARTICLE.encode("utf-8"),
    codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
    ARTICLE.encode("utf-16-le"),
    ARTICLE.encode("utf-16-be"),
    ARTICLE.replace("\n", "\r\n").encode("utf-8"),
    to_cp1258(ARTICLE),
], ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "crlf", "cp1258"])
def test_encodings_give_the_same_text(tmp_path: Path, data: bytes) -> None:
    a = read_file(write(tmp_path, data))
    assert a.text == ARTICLE
    assert unicodedata.is_normalized("NFC", a.text)
    assert a.source == "bai"
    assert a.authors == ["Phạm Thùy Dương"]


def test_cp1258_really_has_combining_marks() -> None:
    # guard for the fixture itself: the bytes carry tone marks as separate code points
    assert b"\xcc" in to_cp1258("Hồ") or b"\xec" in to_cp1258("Hóa") or b"\xf2" in to_cp1258("Hội")


def test_cp1252_western_text(tmp_path: Path) -> None:
    western = "Bài viết về café và résumé của đoàn khách Pháp tại Lâm Đồng năm 2019."
    # letters cp1252 lacks become "?", as a Western editor saves them
    data = western.encode("cp1252", "replace")
    a = read_file(write(tmp_path, data))
    assert "café" in a.text and "résumé" in a.text and "Pháp" in a.text


@pytest.mark.parametrize("wrong", ["cp1252", "latin-1"])
def test_mojibake_is_repaired(tmp_path: Path, wrong: str) -> None:
    mangled = ARTICLE.encode("utf-8").decode(wrong, errors="strict" if wrong == "latin-1" else "ignore")
    if wrong == "cp1252":
        # cp1252 leaves five bytes undefined; real mojibake shows them as Latin-1 controls
        mangled = "".join(
            bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b)
            for b in ARTICLE.encode("utf-8"))
    assert "Ã" in mangled or "á»" in mangled
    a = read_file(write(tmp_path, mangled.encode("utf-8")))
    assert a.text == ARTICLE


def test_truncated_utf8_keeps_the_prefix(tmp_path: Path) -> None:
    data = ARTICLE.encode("utf-8")
    cut = data[: len(data) - 1]  # "Dương" loses half of its last character
    a = read_file(write(tmp_path, cut))
    assert "\ufffd" not in a.text
    assert a.text.startswith("Ban Dân tộc tỉnh Quảng Trị")


def test_a_few_broken_bytes_inside_utf8(tmp_path: Path) -> None:
    data = ARTICLE.encode("utf-8")
    broken = data[:200] + b"\xff" + data[200:]
    a = read_file(write(tmp_path, broken))
    assert "\ufffd" not in a.text
    assert "Hội nghị tổng kết" in a.text


@pytest.mark.parametrize("data,what", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
    (b"PK\x03\x04" + b"\x14\x00" * 100, "zip"),
    (b"%PDF-1.4\n" + bytes(range(256)), "PDF"),
    (b"abc\x00def\x00" * 50, "NUL"),
    (bytes(range(1, 32)) * 40, "control"),
])
def test_binary_files_are_refused(tmp_path: Path, data: bytes, what: str) -> None:
    with pytest.raises(ReadError) as e:
        read_file(write(tmp_path, data, "anh.txt"))
    assert e.value.reason.startswith("binary file")
    assert what.lower() in e.value.reason.lower() or what in ("NUL", "control")
    assert e.value.path and e.value.path.endswith("anh.txt")


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t  ", "\u00a0\u3000\n".encode(),
                                  codecs.BOM_UTF8 + b"  \n"])
def test_empty_files_are_refused(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(ReadError) as e:
        read_file(write(tmp_path, data))
    assert e.value.reason == "empty article"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as e:
        read_file(tmp_path / "khong-co.txt")
    assert "cannot read" in e.value.reason


def test_plain_text_over_the_limit_names_the_size(tmp_path: Path) -> None:
    p = write(tmp_path, (ARTICLE + "\n\n").encode("utf-8") * 200)
    with pytest.raises(ReadError) as e:
        read_file(p, max_bytes=10_000)
    assert "too large" in e.value.reason and f"{p.stat().st_size:,}" in e.value.reason


def test_html_over_the_limit_without_scripts_is_refused(tmp_path: Path) -> None:
    para = "<p>" + "Ban Dân tộc tỉnh tổ chức hội nghị tổng kết công tác dân tộc. " * 20 + "</p>\n"
    p = write(tmp_path, ("<html><body>" + para * 400 + "</body></html>").encode("utf-8"), "lon.html")
    with pytest.raises(ReadError) as e:
        read_file(p, max_bytes=100_000)
    assert "too large" in e.value.reason


def test_huge_page_heavy_only_with_scripts_still_reads(tmp_path: Path) -> None:
    """A 50 MB page whose weight is scripts, styles and inline images: the article survives, fast."""
    script = "<script>var x = '" + "TEXT_FROM_SCRIPT " * 60_000 + "';</script>\n"   # ~1 MB
    style = "<style>" + ".c{color:red}" * 70_000 + "</style>\n"                      # ~1 MB
    image = '<img src="data:image/png;base64,' + "QUJD" * 250_000 + '">\n'           # ~1 MB
    article = (
        "<h1>Ban Dân tộc tỉnh Kon Tum kiểm tra chính sách tại huyện Sa Thầy</h1>"
        "<div class='date'>Thứ ba, 14/03/2023</div>"
        "<div class='content'><p>Từ ngày 8 đến ngày 10/3/2023, đoàn công tác của Ban Dân tộc tỉnh Kon Tum "
        "đã kiểm tra việc thực hiện chính sách dân tộc tại huyện Sa Thầy, làm việc với UBND huyện và "
        "các xã Ya Xiêr, Rờ Kơi.</p><p>Đoàn ghi nhận nhiều kết quả tích cực trong hỗ trợ nhà ở, đất sản "
        "xuất và nước sinh hoạt cho đồng bào dân tộc thiểu số.</p><p>Y Thị Hoa</p></div>"
    )
    p = tmp_path / "lon.html"
    with p.open("w", encoding="utf-8") as f:
        f.write("<html><head>")
        for _ in range(16):
            f.write(script)
            f.write(style)
        f.write("</head><body>")
        for _ in range(17):
            f.write(image)
        f.write(article)
        for _ in range(16):
            f.write(script)
        f.write("</body></html>")
    assert p.stat().st_size > 50_000_000
    t0 = time.perf_counter()
    a = read_file(p, max_bytes=20_000_000)
    elapsed = time.perf_counter() - t0
    assert elapsed < 10, elapsed
    assert "TEXT_FROM_SCRIPT" not in a.text and "QUJD" not in a.text
    assert a.title == "Ban Dân tộc tỉnh Kon Tum kiểm tra chính sách tại huyện Sa Thầy"
    assert "đồng bào dân tộc thiểu số." in a.text
    assert str(a.published) == "2023-03-14"
    assert a.authors == ["Y Thị Hoa"]


def test_page_with_only_scripts_has_no_article(tmp_path: Path) -> None:
    page = ("<html><head><script>var a='Ban Dân tộc tỉnh tổ chức hội nghị';</script></head>"
            "<body><script>document.write('Tin tức');</script><style>p{}</style></body></html>")
    with pytest.raises(ReadError) as e:
        read_file(write(tmp_path, page.encode("utf-8"), "trong.html"))
    assert e.value.reason.startswith("no article text")
