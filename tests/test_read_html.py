"""Saved portal pages: boilerplate removed, every article paragraph kept, scripts never in the text."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest

from graph.read import ReadError, read_file, read_text

DATA = Path(__file__).parent / "data" / "read"

PARAS = [
    "Ngày 21/9/2022, tại thành phố Lào Cai, Ban Dân tộc tỉnh Lào Cai phối hợp với Sở Tư pháp tổ chức "
    "hội nghị tuyên truyền, phổ biến pháp luật cho đồng bào dân tộc thiểu số ở các xã vùng cao "
    "của huyện Bát Xát.",
    "Tại hội nghị, các đại biểu được nghe phổ biến những nội dung cơ bản của Luật Hôn nhân và gia đình, "
    "các quy định về phòng, chống tảo hôn và hôn nhân cận huyết thống trong vùng đồng bào dân tộc thiểu số.",
    "Phát biểu kết luận, ông Sần Văn Chín, Phó Trưởng Ban Dân tộc tỉnh, đề nghị chính quyền các xã tiếp tục "
    "đổi mới hình thức tuyên truyền, phát huy vai trò của người có uy tín trong cộng đồng dân cư thôn, bản.",
]


def _page_without_hints(wrapper: str = "div") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    return f"""<html><head><meta charset="utf-8">
<title>Hội nghị phổ biến pháp luật | Ban Dân tộc</title></head>
<body><{wrapper} id="aspnetForm">
<table><tr>
<td><div class="ms-navitem"><a href="/">Trang chủ</a> <a href="/a">Giới thiệu</a>
<a href="/b">Văn bản</a></div>
<div><b>Thống kê truy cập</b><br>Đang online: 7<br>Tổng số người truy cập: 4455667</div></td>
<td><h2>Hội nghị phổ biến pháp luật cho đồng bào vùng cao huyện Bát Xát</h2>
<span>Thứ năm, 22/09/2022 10:15</span>
<div>{paras}<div>Hoàng Thu Hà</div></div>
<div><b>Tin khác</b><ul><li><a href="/x">Tập huấn nghiệp vụ công tác dân tộc</a></li>
<li><a href="/y">Kiểm tra chính sách tại xã Y Tý</a></li></ul></div></td>
</tr></table>
<div>Địa chỉ: 3 đường Hoàng Liên, Lào Cai. Điện thoại: 0214.3840000. Email: bdt@laocai.example.vn</div>
</{wrapper}></body></html>"""


def test_portal_page_fixture() -> None:
    a = read_file(DATA / "portal_page.html")
    assert a.title == "Ban Dân tộc tỉnh Hà Tĩnh tập huấn nghiệp vụ cho người có uy tín"
    assert a.published == date(2023, 5, 18)
    assert a.authors == ["Phan Minh Đức"]
    assert a.url == "https://bandantoc.hatinh.example.vn/tin-tuc/tap-huan-nguoi-co-uy-tin-123.html"
    assert a.portal == "Trang thông tin điện tử Ban Dân tộc tỉnh Hà Tĩnh"
    assert a.source == "portal_page"
    for gone in ("TEXT_FROM_SCRIPT", "Tin giả từ script", "font-family", "Trang chủ", "Giới thiệu",
                 "Thống kê truy cập", "Đang online", "Tổng số người truy cập", "Tin khác",
                 "Hội nghị giao ban công tác dân tộc quý I", "Địa chỉ", "Điện thoại", "Designed by",
                 "Ghi rõ nguồn", "Chia sẻ", "Tìm kiếm", "Thứ hai, 02/10/2023"):
        assert gone not in a.text, gone
    paragraphs = a.text.split("\n\n")
    assert paragraphs[0] == a.title
    assert "18/05/2023 08:30" in paragraphs   # the dateline stays, for offsets
    assert sum(p.startswith(("Ngày 17/5/2023", "Phát biểu khai mạc", "Tại lớp tập huấn", "Kết thúc lớp học"))
               for p in paragraphs) == 4
    # a <br> inside a paragraph is a line break, not a paragraph break
    assert "giai đoạn 2021 - 2030\nvà các quy định mới" in a.text
    assert paragraphs[-1] == "Tin, ảnh: Phan Minh Đức"
    # idempotence: the cleaned text read again as plain text is unchanged, and so is its metadata
    again = read_text(a.text, a.source)
    assert again.text == a.text and again.text_sha1 == a.text_sha1   # same text, though not the same input
    assert (again.title, again.published, again.authors) == (a.title, a.published, a.authors)


@pytest.mark.parametrize("wrapper", ["div", "form"])
def test_densest_block_without_class_hints(tmp_path: Path, wrapper: str) -> None:
    """SharePoint pages wrap everything in one <form>: it must not take the article with it."""
    p = tmp_path / "trang.html"
    p.write_text(_page_without_hints(wrapper), encoding="utf-8")
    a = read_file(p)
    for para in PARAS:
        assert para in a.text.split("\n\n")
    for gone in ("Trang chủ", "Đang online", "4455667", "Tin khác", "Kiểm tra chính sách tại xã Y Tý",
                 "Địa chỉ"):
        assert gone not in a.text, gone
    assert a.title == "Hội nghị phổ biến pháp luật cho đồng bào vùng cao huyện Bát Xát"
    assert a.published == date(2022, 9, 22)
    assert a.authors == ["Hoàng Thu Hà"]


def test_title_from_title_tag_and_meta_date(tmp_path: Path) -> None:
    html = ("<html><head><title>Ban Dân tộc tỉnh Yên Bái kiểm tra dự án định canh định cư - Cổng TTĐT</title>"
            '<meta name="pubdate" content="2021-12-03"></head><body>'
            + "".join(f"<p>{x}</p>" for x in PARAS) + "</body></html>")
    a = read_text(html, "x")
    assert a.title == "Ban Dân tộc tỉnh Yên Bái kiểm tra dự án định canh định cư"
    assert a.published == date(2021, 12, 3)


def test_html_is_sniffed_and_plain_text_is_not() -> None:
    html = "<div><p>" + PARAS[0] + "</p><p>" + PARAS[1] + "</p></div>"
    assert read_text(html, "x").text == PARAS[0] + "\n\n" + PARAS[1]
    plain = "So sánh: 3 < 5 và 7 > 2.\n\n" + PARAS[0]
    assert read_text(plain, "x").text == plain


def test_declared_windows_1258_page(tmp_path: Path) -> None:
    from tests.test_read_encoding import to_cp1258

    body = "".join(f"<p>{x}</p>" for x in PARAS)
    html = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head>' \
           f"<body><h1>Hội nghị tuyên truyền pháp luật</h1>{body}</body></html>"
    p = tmp_path / "cu.htm"
    p.write_bytes(to_cp1258(html))
    a = read_file(p)
    assert unicodedata.is_normalized("NFC", a.text)
    assert PARAS[2] in a.text
    assert a.title == "Hội nghị tuyên truyền pháp luật"


def test_entities_and_nbsp(tmp_path: Path) -> None:
    html = ("<html><body><h1>Ban D&acirc;n t&#7897;c t&#7881;nh</h1>"
            "<p>Xin&nbsp;ch&agrave;o&nbsp;&nbsp;b&#7841;n, " + PARAS[0] + "</p></body></html>")
    a = read_text(html, "x")
    assert a.text.startswith("Ban Dân tộc tỉnh\n\nXin chào bạn, ")


def test_deeply_nested_page_does_not_crash() -> None:
    html = "<html><body>" + "<div>" * 3000 + "<p>" + PARAS[0] + "</p>" + "</div>" * 3000 + "</body></html>"
    a = read_text(html, "x", html=True)
    assert PARAS[0] in a.text


@pytest.mark.parametrize("html", [
    "<html><head><script>var t='Ban Dân tộc';</script></head><body><script>x()</script></body></html>",
    "<html><body><nav><a href='/'>Trang chủ</a><a href='/b'>Giới thiệu</a></nav>"
    "<style>p{}</style></body></html>",
    "<html><body><!-- chỉ có chú thích --></body></html>",
])
def test_pages_without_article_text(html: str) -> None:
    with pytest.raises(ReadError, match="no article text"):
        read_text(html, "x")
