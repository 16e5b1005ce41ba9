"""Bylines: who wrote or photographed a piece, in the places and forms portals write them; and what is no byline
(a dateline's place, a source credit, "PV" alone).  Texts written for the tests."""

from graph.read import read_text

BODY = ("Sáng nay, Ban Dân tộc tỉnh tổ chức hội nghị tổng kết công tác dân tộc năm qua với sự tham dự "
        "của đại diện các sở, ngành và địa phương trong tỉnh.")


def authors(text: str) -> list[str]:
    return read_text(text, "t").authors


def test_a_place_in_a_dateline_is_no_byline() -> None:
    assert authors(f"Lâm Đồng, ngày 04 tháng 4 năm 2018\nKẾ HOẠCH\n{BODY}") == []
    assert authors(f"Gia Lai - 05/03/2024\n{BODY}") == []
    assert authors(f"TP. Hồ Chí Minh, 12/3/2024\n{BODY}") == []
    assert authors(f"Pleiku, ngày 12/3/2024\n{BODY}") == []


def test_a_name_standing_with_the_date_is_a_byline() -> None:
    assert authors(f"Hội nghị tổng kết công tác dân tộc\nMinh Thu - 05:32, 24/11/2023\n{BODY}") == ["Minh Thu"]


def test_a_photo_credit_inside_a_paragraph() -> None:
    text = f"{BODY} Ông Lò Văn A phát biểu tại hội nghị. Ảnh: Quang Vĩnh. Hội nghị đã thống nhất các nhiệm vụ."
    assert authors(text) == ["Quang Vĩnh"]


def test_photo_credits_in_initials_and_in_brackets() -> None:
    assert authors(f"{BODY}\nQuang cảnh hội nghị. Ảnh: P.L\n{BODY}") == ["P.L"]
    assert authors(f"{BODY} Các đại biểu dự hội nghị (Ảnh: H.T).") == ["H.T"]
    assert authors(f"{BODY}\nQuang cảnh hội nghị. Ảnh: Thu Hà - TTXVN") == ["Thu Hà"]


def test_labelled_bylines_with_several_names() -> None:
    assert authors(f"{BODY}\nTin, ảnh: Quỳnh Anh, Văn Hùng") == ["Quỳnh Anh", "Văn Hùng"]
    assert authors(f"{BODY}\nBài và ảnh: Hồng Nhung") == ["Hồng Nhung"]


def test_a_closing_name_with_its_agency_or_unit() -> None:
    assert authors(f"{BODY}\nMai Hương - TTXVN") == ["Mai Hương"]
    assert authors(f"{BODY}\nThạch Sa/VOV-Tây Nguyên\n\nBAN BIÊN TẬP") == ["Thạch Sa"]
    assert authors(f"{BODY}\nNguyễn Thị Lan - Phòng Tổng hợp") == ["Nguyễn Thị Lan"]


def test_source_credits_and_pv_alone_are_no_bylines() -> None:
    assert authors(f"{BODY}\nTheo Báo Gia Lai") == []
    assert authors(f"{BODY}\nPV") == []
    assert authors(f"{BODY}\nẢnh: minh họa") == []
