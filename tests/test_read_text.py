"""Plain-text articles: normalisation, boilerplate cuts, title/date/byline, idempotence, the seed reports."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest

from graph.read import Article, ReadError, iter_inputs, read_file, read_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

TITLE = "Ban Dân tộc tỉnh Sơn La tổ chức Hội nghị giao ban quý III năm 2022"
BODY = (
    "Ngày 05/10/2022, Ban Dân tộc tỉnh Sơn La tổ chức Hội nghị giao ban công tác dân tộc quý III, triển khai "
    "nhiệm vụ quý IV năm 2022. Đồng chí Lò Minh Hùng, Trưởng Ban Dân tộc tỉnh, chủ trì hội nghị; tham dự có "
    "lãnh đạo các phòng chuyên môn và đại diện Phòng Dân tộc các huyện Mộc Châu, Thuận Châu, Sông Mã."
)
BODY2 = (
    "Trong quý III, Ban Dân tộc đã phối hợp với các sở, ngành triển khai các dự án thuộc Chương trình "
    "mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số, "
    "giải ngân được 65% kế hoạch vốn giao."
)


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def read(raw: str) -> Article:
    return read_text(raw, "bai", html=False)


# --- normalisation ------------------------------------------------------------------------------------

def test_normalisation_nfc_newlines_spaces() -> None:
    decomposed = unicodedata.normalize("NFD", TITLE)
    raw = (decomposed + "\r\n\r\n\r\n\r\n  " + BODY.replace(" ", "\u00a0", 3)
           + "   \r\n\n\n\n" + BODY2 + "\r\n")
    a = read(raw)
    assert a.text == page(TITLE, BODY, BODY2)
    assert unicodedata.is_normalized("NFC", a.text)
    assert "\r" not in a.text and "\u00a0" not in a.text and "\n\n\n" not in a.text


def test_single_letter_broken_off_its_word_is_joined() -> None:
    raw = page(TITLE, BODY, "Đ\nồng chí Lò Minh Hùng phát biểu kết luận hội nghị", BODY2)
    a = read(raw)
    assert "Đồng chí Lò Minh Hùng phát biểu kết luận hội nghị" in a.text
    # a letter alone before a capitalised line is not a broken word
    b = read(page(TITLE, BODY, "N\nĐồng chí Lò Minh Hùng phát biểu", BODY2))
    assert "N\nĐồng chí" in b.text


def test_zero_width_and_replacement_characters_go() -> None:
    a = read(page(TITLE, BODY.replace("Sơn La", "Sơn\u200b La", 1) + " tri\ufffd", BODY2))
    assert "\u200b" not in a.text and "\ufffd" not in a.text


def test_empty_text_is_refused() -> None:
    for raw in ["", "  \n\t", "\u00a0\n\u3000"]:
        with pytest.raises(ReadError, match="empty article"):
            read(raw)


# --- boilerplate --------------------------------------------------------------------------------------

MENU_TOP = ["Skip Ribbon Commands", "Skip to main content", "banner", ",", "Tin hoạt động"]
TAIL = [
    "Tin khác",
    "Hội nghị tập huấn công tác dân tộc năm 2022",
    "1 2 3 4 5 ...",
    "Thống kê truy cập",
    "• Đang online: 3",
    "• Tổng số người truy cập: 987654",
    "TRANG THÔNG TIN ĐIỆN TỬ BAN DÂN TỘC TỈNH SƠN LA",
    "- Địa chỉ: Số 5, đường Tô Hiệu, thành phố Sơn La",
    "- Email: bdt@sonla.example.vn - Điện thoại: 0212.3850000",
    '- Ghi rõ nguồn "Trang thông tin điện tử Ban Dân tộc tỉnh Sơn La" khi phát hành lại thông tin. '
    'Designed by X',
]


def test_leading_menus_and_trailing_boilerplate_are_cut() -> None:
    raw = "\n".join([*MENU_TOP, "", TITLE, "", BODY, "", BODY2, "", "Tin, ảnh: Quàng Thu Hà", "", *TAIL])
    a = read(raw)
    assert a.text == page(TITLE, BODY, BODY2, "Tin, ảnh: Quàng Thu Hà")
    assert a.portal == "Trang thông tin điện tử Ban Dân tộc tỉnh Sơn La"
    assert a.authors == ["Quàng Thu Hà"]


@pytest.mark.parametrize("marker", ["Số lượt xem: 1234", "Bài viết liên quan:", "Tin cùng chuyên mục",
                                    "Các tin đã đưa", "Tổng số người truy cập: 12", "Đang online: 4"])
def test_each_trailing_marker_cuts(marker: str) -> None:
    a = read(page(TITLE, BODY, BODY2, "Lò Thị Hằng", marker, "Một tin khác của trang"))
    assert a.text == page(TITLE, BODY, BODY2, "Lò Thị Hằng")


def test_marker_followed_by_article_prose_is_not_cut() -> None:
    """Conservative: losing an article paragraph is worse than keeping a menu line."""
    raw = page(TITLE, BODY, "Thông báo", BODY2, "Lò Thị Hằng")
    assert read(raw).text == raw


def test_article_sentence_at_the_top_is_never_a_menu() -> None:
    raw = page(BODY, BODY2)
    assert read(raw).text == raw


# --- title and dates ----------------------------------------------------------------------------------

@pytest.mark.parametrize("dateline,expected", [
    ("Thứ sáu, 22/01/2021", date(2021, 1, 22)),
    ("16-7-2019", date(2019, 7, 16)),
    ("Thứ 5, ngày 24 tháng 6 năm 2021", date(2021, 6, 24)),
    ("05:32, 24/11/2023", date(2023, 11, 24)),
    ("20/10/2016 08:56", date(2016, 10, 20)),
    ("Cập nhật lúc 14:00, Thứ Tư, 11/09/2019 [GMT+7]", date(2019, 9, 11)),
    ("Đăng ngày 17 - 09 - 2019", date(2019, 9, 17)),
    ("12:00 PM 20/07/2021 | Lượt xem: 243", date(2021, 7, 20)),
])
def test_dateline_under_the_title(dateline: str, expected: date) -> None:
    a = read(page(TITLE, dateline, BODY, BODY2))
    assert a.published == expected
    assert a.title == TITLE
    assert dateline in a.text  # the dateline stays: later offsets count on it


def test_dateline_above_the_title() -> None:
    a = read(page("Thứ hai, 10/10/2022", TITLE, BODY, BODY2))
    assert a.published == date(2022, 10, 10)
    assert a.title == TITLE


def test_banner_date_loses_to_the_date_next_to_the_title() -> None:
    lines = ["banner", "Thứ 5, ngày 24 tháng 6 năm 2021", TITLE, "07-10-2022", "", BODY, "", BODY2]
    a = read("\n".join(lines))
    assert a.published == date(2022, 10, 7)
    assert a.title == TITLE


def test_date_with_byline_next_to_title() -> None:
    banner = "Thứ Sáu, ngày 23 tháng 08 năm 2019, 09:25:27"
    a = read(page(banner, TITLE, "Minh Châu - 07:15, 03/10/2022", BODY))
    assert a.published == date(2022, 10, 3)
    assert a.authors == ["Minh Châu"]


def test_first_paragraph_date_is_the_fallback() -> None:
    body = ("Ngày 10 tháng 01 năm 2023, Ban Dân tộc tỉnh Điện Biên tổ chức hội nghị "
            "triển khai nhiệm vụ năm 2023.")
    a = read(page(TITLE, body, BODY2))
    assert a.published == date(2023, 1, 10)


def test_fallback_skips_the_issue_date_of_a_cited_document() -> None:
    body = ("Thực hiện Kế hoạch số 21/KH-BDT ngày 02 tháng 3 năm 2022 của Ban Dân tộc tỉnh Gia Lai, "
            "sáng ngày 15 tháng 3 năm 2022, Ban Dân tộc tỉnh tổ chức hội nghị tập huấn cho cán bộ cơ sở.")
    a = read(page(TITLE, body, BODY2))
    assert a.published == date(2022, 3, 15)


def test_no_date_is_none() -> None:
    body = ("Ban Dân tộc tỉnh Lai Châu làm việc với đoàn công tác của Ủy ban Dân tộc "
            "về chính sách cho người có uy tín.")
    a = read(page(TITLE, body))
    assert a.published is None


def test_title_skips_menus_and_dates_and_is_none_without_headline() -> None:
    assert read("\n".join(["Skip to main content", "Thứ hai, 10/10/2022", TITLE, BODY])).title == TITLE
    assert read(page(BODY, BODY2)).title is None


# --- bylines ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("byline,authors", [
    ("Tin, ảnh: Hoàng Yến, Văn phòng./.", ["Hoàng Yến"]),
    ("Tác giả: Đỗ Quang Vinh", ["Đỗ Quang Vinh"]),
    ("Tác giả:  Đỗ Quang Vinh\nNguồn:  Ban Dân tộc", ["Đỗ Quang Vinh"]),
    ("Lò Văn Thắng", ["Lò Văn Thắng"]),
    ("THU TRANG", ["Thu Trang"]),
    ("Bài, ảnh: Nguyễn Hòa - Lê Thủy", ["Nguyễn Hòa", "Lê Thủy"]),
    ("Nhóm PV", []),
    ("PV", []),
    ("Nguồn: Ban Dân tộc", []),
    ("Quang cảnh Hội nghị", []),
    ("Tin: ThS. Trần Hữu Nghĩa", ["Trần Hữu Nghĩa"]),
])
def test_bylines(byline: str, authors: list[str]) -> None:
    a = read(page(TITLE, BODY, BODY2, byline))
    assert a.authors == authors
    assert " ".join(byline.split("\n")[0].split()) in a.text


def test_photo_credit_in_a_caption_is_an_author() -> None:
    caption = "Lãnh đạo Ban Dân tộc tỉnh phát biểu tại hội nghị. Ảnh: Mai Lan"
    a = read(page(TITLE, BODY, caption, BODY2))
    assert a.authors == ["Mai Lan"]


def test_officials_are_not_authors() -> None:
    a = read(page(TITLE, BODY, BODY2, "Đồng chí Lò Minh Hùng, Trưởng Ban Dân tộc tỉnh phát biểu"))
    assert a.authors == []


def test_html_character_references_left_in_plain_text_are_decoded() -> None:
    raw = ("Ông Vũ Minh Tâm, Giám đốc Sở NN&amp;PTNT tỉnh Yên Bái, cho biết: &quot;Huyện đã hoàn thành&quot;"
           " chỉ tiêu&nbsp;năm 2021 &#8211; vượt k&#7871; hoạch.")
    a = read_text(raw, "x", html=False)
    assert a.text == ("Ông Vũ Minh Tâm, Giám đốc Sở NN&PTNT tỉnh Yên Bái, cho biết: \"Huyện đã hoàn thành\""
                      " chỉ tiêu năm 2021 – vượt kế hoạch.")
    # text about markup keeps its escaped ampersand: decoding it would make a reference a second read decodes
    assert read_text("Gõ &amp;lt; để viết dấu nhỏ hơn.", "x", html=False).text == "Gõ &amp;lt; để viết dấu nhỏ hơn."


# --- identity and idempotence -------------------------------------------------------------------------

def test_sha1_is_the_inputs_and_text_sha1_the_texts() -> None:
    """The identity is the raw input's (cleaning may change; the input does not); the text keeps its own digest."""
    import hashlib

    raw = "  " + page(TITLE, BODY).replace("\n", "\r\n")   # cleaning trims and normalises line ends
    a = read(raw)
    assert a.sha1 == hashlib.sha1(raw.encode("utf-8")).hexdigest()
    assert a.text_sha1 == hashlib.sha1(a.text.encode("utf-8")).hexdigest() != a.sha1


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem[:3])
def test_reading_the_cleaned_text_again_changes_nothing(seed: Path) -> None:
    a = read_file(seed)
    b = read_text(a.text, a.source)
    assert b.text == a.text
    assert (b.title, b.published, b.authors) == (a.title, a.published, a.authors)


def test_idempotent_on_a_page_with_boilerplate() -> None:
    raw = "\n".join([*MENU_TOP, TITLE, "Thứ hai, 10/10/2022", BODY, BODY2, "Lò Thị Hằng", *TAIL])
    once = read(raw).text
    assert read(once).text == once


# --- the seed reports ---------------------------------------------------------------------------------

SEED_FACTS = {
    # prefix: (title starts, published, authors, last line of the kept text)
    "000": ("BAN DÂN TỘC TỔ CHỨC HỘI NGHỊ SƠ KẾT", date(2020, 7, 17), ["Ma Anh Dũng"], "Ma Anh Dũng"),
    "001": ("Ban Dân tộc tỉnh triển khai nhiệm vụ năm 2021", date(2021, 1, 22), ["Huy Anh"], "HUY ANH"),
    "002": ("Ban Dân tộc tổ chức Hội nghị tổng kết công tác dân tộc năm 2022", date(2023, 1, 10),
            ["Lương Đình Bảo"], "Nguồn: Ban Dân tộc"),
    "003": ("Ban Dân tộc tỉnh Kon Tum tổ chức Hội nghị Sơ kết", date(2019, 7, 16), ["Nguyễn Thanh Hưng"],
            "Nguyễn Thanh Hưng"),
    "004": ("Ban Dân tộc tỉnh Trà Vinh tổ chức Hội nghị sơ kết", date(2022, 6, 27), ["Cảnh Tuân"],
            "Tin, ảnh: Cảnh Tuân, Văn phòng./."),
}


@pytest.mark.parametrize("prefix", sorted(SEED_FACTS))
def test_seed_reports(prefix: str) -> None:
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    a = read_file(path)
    title, published, authors, last = SEED_FACTS[prefix]
    assert a.title is not None and a.title.startswith(title)
    assert a.published == published
    assert a.authors == authors
    assert a.source == path.stem and a.path == str(path)
    # boilerplate gone, article end kept
    for junk in ("Skip Ribbon", "Tin cùng chuyên mục", "Số lượt xem", "Thống kê truy cập", "Designed by",
                 "Tin khác", "Ghi rõ nguồn"):
        assert junk not in a.text
    assert a.text.split("\n")[-1] == last


def test_seed_portals() -> None:
    by_prefix = {p.stem[:3]: read_file(p) for p in SEEDS.glob("*.txt")}
    assert by_prefix["003"].portal == "Trang Thông tin điện tử Ban Dân tộc tỉnh Kon Tum"
    assert by_prefix["004"].portal == "Trang thông tin điện tử Ban Dân tộc tỉnh Trà Vinh"


def test_iter_inputs_sorted_recursive(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ["b/2.html", "b/1.txt", "a.htm", "c.TXT", "skip.pdf", "b/.hidden.txt"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    got = list(iter_inputs([tmp_path, tmp_path / "a.htm"]))
    assert got == sorted(got, key=str)
    assert [p.relative_to(tmp_path).as_posix() for p in got] == ["a.htm", "b/1.txt", "b/2.html", "c.TXT"]
    with pytest.raises(ReadError):
        list(iter_inputs([tmp_path / "khong-co"]))


def test_a_date_about_the_past_is_never_the_article_date() -> None:
    """A liberation day, an anniversary span or a birth date in the lead is history, not the report's day."""
    for body in (
        "Ngày 30/4/1975 giải phóng hoàn toàn miền Nam, thống nhất đất nước, mở ra kỷ nguyên mới cho dân tộc.",
        "Nhân kỷ niệm 70 năm ngày thành lập trường (1955-2025), ngày 12/10/1955, những thầy giáo đầu tiên "
        "đã đến bản làng vùng cao.",
        "Ông Lò Văn Pâng, sinh ngày 2/9/1950, là người có uy tín tiêu biểu của huyện Mường Tè nhiều năm liền.",
        "Luật Giáo dục sửa đổi có hiệu lực từ ngày 1/1/2006, quy định nhiều điểm mới về giáo dục phổ thông.",
    ):
        assert read(page(TITLE, body, BODY2)).published is None, body


def test_an_event_date_opening_the_lead_is_the_article_date() -> None:
    body = ("Sáng 5/3/2024, tại huyện Mường Tè, Ban Dân tộc tỉnh Lai Châu tổ chức gặp mặt người có uy tín "
            "nhân kỷ niệm ngày thành lập Đảng.")
    assert read(page(TITLE, body, BODY2)).published == date(2024, 3, 5)


def test_a_lead_date_far_older_than_the_other_dates_is_not_the_article_date() -> None:
    body = ("Ngày 20/7/1998, xã Nậm Cha được công nhận là xã đặc biệt khó khăn, và đến nay đã có nhiều đổi "
            "thay nhờ các chính sách của Đảng và Nhà nước.")
    later = "Ngày 14/5/2024, đoàn công tác của tỉnh về thăm và tặng quà cho bà con trong xã."
    assert read(page(TITLE, body, later)).published is None
    assert read(page(TITLE, body, BODY2)).published == date(1998, 7, 20)


def test_a_caption_date_inside_a_sentence_is_not_the_article_date() -> None:
    body = ("Cây cầu treo bản Phiêng bị lũ cuốn trôi ở xã Tà Mung, ngày 12/3/2005. Hôm nay, chính quyền "
            "địa phương đã dựng lại cây cầu mới cho người dân qua lại.")
    assert read(page(TITLE, body, BODY2)).published is None


def test_a_date_told_as_years_ago_is_not_the_article_date() -> None:
    body = ("Cách đây gần bốn năm, ngày 12/9/2019, người dân bản Nậm Ty phát hiện vụ cháy rừng đầu nguồn "
            "và báo cho chính quyền xã.")
    assert read(page(TITLE, body, BODY2)).published is None


def test_an_event_date_run_on_to_the_headline_is_the_article_date() -> None:
    raw = ("Lâm Đồng triển khai dự án du lịch cộng đồng lớn nhất vùng Ngày 31-12-2023, lãnh đạo UBND tỉnh "
           "Lâm Đồng cho biết tỉnh sẽ hỗ trợ đồng bào dân tộc thiểu số làm du lịch cộng đồng.")
    assert read(raw).published == date(2023, 12, 31)
