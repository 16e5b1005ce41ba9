"""Officials: title chains, abbreviations, ranks, list openers and the body of the first title.

Every sentence here was written for the test (names and places are made up or common ones), one class of
writing per test, and checked through the whole article extractor so that the body is resolved as a user sees it.
"""

from datetime import date

from graph.extract.officials import find_officials
from graph.extract.pipeline import extract_article
from graph.extract.sentences import split_sentences
from graph.read import Article


def _facts(text: str):
    return extract_article(Article(source="t", text=text, title=None, published=date(2025, 9, 1)))


def people(text: str) -> dict[str, tuple[str | None, list[str | None]]]:
    """name -> (title as written, body label of each post in order)."""
    return {p.name: (p.title, [q.org.label if q.org else None for q in p.posts]) for p in _facts(text).persons}


def names(text: str) -> list[str]:
    return [p.name for p in find_officials(text, split_sentences(text))]


# --- abbreviations and long chains ----------------------------------------------------------------------
def test_abbreviated_party_titles_open_a_chain_and_name_their_body() -> None:
    got = people("Tỉnh Sơn La: dự hội nghị có đồng chí Lò Văn Phương, UVBTVTU, Phó Chủ tịch Thường trực UBND tỉnh; "
                 "đồng chí Cầm Thị Mai - TUV, Giám đốc Sở Tài chính.")
    assert got["Lò Văn Phương"] == ("UVBTVTU, Phó Chủ tịch Thường trực UBND tỉnh",
                                    ["Ban Thường vụ Tỉnh ủy Sơn La", "Ủy ban nhân dân tỉnh Sơn La"])
    assert got["Cầm Thị Mai"][1][0] == "Tỉnh ủy Sơn La"


def test_abbreviated_state_titles_before_names_and_two_people_joined_by_va() -> None:
    got = people("Dự có PCT UBND tỉnh Lê Văn An và GĐ Sở Tài chính Trần Thị Bích.")
    assert got["Lê Văn An"][0] == "PCT UBND tỉnh"
    assert got["Trần Thị Bích"][0] == "GĐ Sở Tài chính"


def test_abbreviations_are_matched_as_written_only() -> None:
    # "ct" or "bt" in lower case is no title; "CT" as written is
    assert names("Đoàn đi thăm các hộ ở bt Nà Sản, ct Mường Lói.") == []


# --- ranks, degrees and religious titles ------------------------------------------------------------------
def test_military_ranks_and_degrees_are_neither_name_nor_position() -> None:
    got = people("Đại tá Hà Văn Tùng, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh dự lễ. "
                 "TS. Lê Văn Khoa, Hiệu trưởng Trường Chính trị tỉnh trình bày tham luận. "
                 "Thiếu tướng, PGS.TS Phạm Văn Đông phát biểu.")
    assert got["Hà Văn Tùng"][0] == "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"
    assert got["Lê Văn Khoa"][0] == "Hiệu trưởng Trường Chính trị tỉnh"
    assert got["Phạm Văn Đông"] == (None, [])


def test_a_rank_word_inside_a_name_or_a_body_is_not_a_rank() -> None:
    # "Trung Tá" capitalised is a given name; "Hội Nhà báo" is a body, the title does not stop there
    got = people("Bộ trưởng Đỗ Trung Tá trả lời chất vấn. Ông Lý Văn Hòa, Chủ tịch Hội Nhà báo tỉnh phát biểu.")
    assert "Đỗ Trung Tá" in got
    assert got["Lý Văn Hòa"][0] == "Chủ tịch Hội Nhà báo tỉnh"


def test_name_and_then_the_post_taken_with_lam() -> None:
    got = people("Đoàn công tác của Học viện Chính trị khu vực I do PGS.TS Trần Minh Đức làm Trưởng đoàn.")
    assert got["Trần Minh Đức"][0] == "Trưởng đoàn"


def test_religious_titles_introduce_a_name_and_its_body_is_kept_as_written() -> None:
    got = people("Thượng tọa Thạch Sóc, Ủy viên Hội đồng Trị sự Giáo hội Phật giáo Việt Nam phát biểu.")
    assert got["Thạch Sóc"] == ("Ủy viên Hội đồng Trị sự Giáo hội Phật giáo Việt Nam",
                                ["Hội đồng Trị sự Giáo hội Phật giáo Việt Nam"])


# --- where the name stops -----------------------------------------------------------------------------------
def test_a_title_straight_after_the_name_ends_the_name() -> None:
    got = people("Ông Nguyễn Văn Bình Phó Chủ tịch UBND tỉnh Gia Lai phát biểu tại hội nghị.")
    assert got == {"Nguyễn Văn Bình": ("Phó Chủ tịch UBND tỉnh Gia Lai", ["Ủy ban nhân dân tỉnh Gia Lai"])}


def test_a_title_then_an_honorific_then_the_name() -> None:
    got = people("Tham dự có Thứ trưởng, Phó Chủ nhiệm Ủy ban Dân tộc ông Nông Quốc Tuấn; Phó Bí thư Tỉnh ủy, "
                 "Chủ tịch UBND tỉnh Lai Châu bà Giàng Thị Pà.")
    assert got["Nông Quốc Tuấn"] == ("Thứ trưởng, Phó Chủ nhiệm Ủy ban Dân tộc", ["Ủy ban Dân tộc", "Ủy ban Dân tộc"])
    assert got["Giàng Thị Pà"][1][0] == "Tỉnh ủy Lai Châu"


def test_a_commune_before_a_title_first_name_ends_at_the_family_name() -> None:
    got = people("Tỉnh Điện Biên: Chủ tịch UBND xã Mường Lạn Lò Văn Hùng báo cáo tình hình.")
    assert got["Lò Văn Hùng"][0] == "Chủ tịch UBND xã Mường Lạn"


def test_places_are_nobodys_name() -> None:
    assert list(people("Hội nghị vùng đồng bằng sông Cửu Long, quyền Bộ trưởng Bộ Tài chính Lê Văn Tâm chủ trì.")) == \
        ["Lê Văn Tâm"]
    assert people("Văn phòng luật sư Hà Nội cử người đến.") == {}


def test_a_caption_abbreviation_of_ong_is_no_part_of_the_name() -> None:
    assert names("Ô Nguyễn Đức Hải, Trưởng Ban Dân tộc tỉnh tặng hoa.") == ["Nguyễn Đức Hải"]


# --- lists under one title ------------------------------------------------------------------------------------
def test_a_plural_title_with_a_colon_is_every_listed_names() -> None:
    got = people("Dự có các Thứ trưởng: Y Vinh Tơr, Nông Thị Hoa, Lò Sơn Hảo và Y Khoa.")
    assert [got[n] for n in ("Y Vinh Tơr", "Nông Thị Hoa", "Lò Sơn Hảo", "Y Khoa")] == [("Thứ trưởng", [None])] * 4


def test_a_list_opener_is_the_first_post_of_names_with_titles_of_their_own() -> None:
    got = people("Dự có các Ủy viên Trung ương Đảng: Lò Văn Mừng, Bí thư Tỉnh ủy Sơn La; Hoàng Thị Lan, Phó Chủ tịch "
                 "Quốc hội; đồng chí Vi Văn Tú, Phó Chủ tịch UBND tỉnh Sơn La.")
    assert got["Lò Văn Mừng"] == ("Bí thư Tỉnh ủy Sơn La", ["Ban Chấp hành Trung ương Đảng", "Tỉnh ủy Sơn La"])
    assert got["Hoàng Thị Lan"][1] == ["Ban Chấp hành Trung ương Đảng", "Quốc hội"]
    # "đồng chí Vi Văn Tú" is introduced afresh: he leaves the list
    assert got["Vi Văn Tú"][1] == ["Ủy ban nhân dân tỉnh Sơn La"]


def test_a_plural_title_without_a_colon_is_every_listed_names() -> None:
    got = people("Tỉnh Gia Lai: cùng dự có các Phó Chủ tịch UBND tỉnh Lê Văn An, Trần Thị Bích và Hà Văn Cường.")
    assert {n: got[n][1][0] for n in ("Lê Văn An", "Trần Thị Bích", "Hà Văn Cường")} == \
        dict.fromkeys(("Lê Văn An", "Trần Thị Bích", "Hà Văn Cường"), "Ủy ban nhân dân tỉnh Gia Lai")


# --- the body of the first title ----------------------------------------------------------------------------
def test_the_first_title_of_a_party_and_state_chain_names_the_body() -> None:
    text = ("Tỉnh Kon Tum tổ chức đại hội. Dự có các đồng chí: A Văn Hòa, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh; "
            "Y Nhi, Tỉnh ủy viên, Giám đốc Sở Dân tộc và Tôn giáo; Lê Văn Hà, Ủy viên Ban Thường vụ Tỉnh ủy, "
            "Trưởng Ban Dân vận Tỉnh ủy; Hà Thị Lụa, Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy; "
            "Trần Văn Sáu, Bí thư Trung ương Đảng, Trưởng Ban Dân vận Trung ương; Đinh Thị Na, Ủy viên Bộ Chính trị, "
            "Phó Chủ tịch Thường trực Quốc hội; Vũ Thị Nga, Ủy viên dự khuyết Trung ương Đảng, Phó Bí thư Thường trực "
            "Tỉnh ủy.")
    first = {name: orgs[0] for name, (_t, orgs) in people(text).items()}
    assert first == {
        "A Văn Hòa": "Tỉnh ủy Kon Tum", "Y Nhi": "Tỉnh ủy Kon Tum", "Lê Văn Hà": "Ban Thường vụ Tỉnh ủy Kon Tum",
        "Hà Thị Lụa": "Ban Chấp hành Trung ương Đảng", "Trần Văn Sáu": "Ban Bí thư", "Đinh Thị Na": "Bộ Chính trị",
        "Vũ Thị Nga": "Ban Chấp hành Trung ương Đảng",
    }


def test_a_title_naming_no_body_has_none_and_former_stays_in_the_title() -> None:
    got = people("Ông Lê Văn Khánh, Thứ trưởng phát biểu. Đồng chí Nguyễn Văn Hai, nguyên Phó Chủ tịch UBND tỉnh Yên "
                 "Bái dự lễ.")
    assert got["Lê Văn Khánh"] == ("Thứ trưởng", [None])
    assert got["Nguyễn Văn Hai"] == ("nguyên Phó Chủ tịch UBND tỉnh Yên Bái", ["Ủy ban nhân dân tỉnh Yên Bái"])


def test_titles_after_the_2025_reorganisation() -> None:
    got = people("Ông Đào Văn Dũng, Bộ trưởng Bộ Dân tộc và Tôn giáo làm việc với tỉnh Tuyên Quang. "
                 "Bà Hoàng Thị Vân, Phó Giám đốc Sở Dân tộc và Tôn giáo tỉnh Tuyên Quang và ông Ma Văn Lâm, "
                 "Chủ tịch UBND xã Yên Nguyên cùng dự.")
    assert got["Đào Văn Dũng"][1] == ["Bộ Dân tộc và Tôn giáo"]
    assert got["Hoàng Thị Vân"][1] == ["Sở Dân tộc và Tôn giáo tỉnh Tuyên Quang"]
    assert got["Ma Văn Lâm"][1] == ["Ủy ban nhân dân xã Yên Nguyên"]


def test_a_bare_district_committee_takes_the_district_the_text_names() -> None:
    got = people("Tỉnh Cao Bằng. Về phía huyện Bảo Lạc có đồng chí Ma Văn Hùng, Bí thư Huyện ủy, Chủ tịch HĐND huyện.")
    assert got["Ma Văn Hùng"][1] == ["Huyện ủy Bảo Lạc", "Hội đồng nhân dân huyện Bảo Lạc"]


def test_a_title_naming_only_the_unit_is_its_peoples_committee_or_party_committee() -> None:
    got = people("Ông Lê Văn Nam, Phó Chủ tịch tỉnh Gia Lai, dự lễ. Bí thư huyện Bát Xát Lò Văn Sơn chủ trì.")
    assert got["Lê Văn Nam"][1] == ["Ủy ban nhân dân tỉnh Gia Lai"]
    assert got["Lò Văn Sơn"][1] == ["Huyện ủy Bát Xát"]


def test_a_described_office_is_not_taken_for_a_named_body() -> None:
    got = people("Bà Lê Thị Hoa, Phó phòng phụ trách công tác dân tộc phát biểu.")
    assert got["Lê Thị Hoa"][1] == [None]


def test_a_bare_ban_dan_toc_is_the_one_the_sentence_names() -> None:
    text = ("Ban Dân tộc tỉnh Lai Châu tổ chức đoàn đi học tập. Tiếp đoàn có ông Vi Văn Quý - Trưởng Ban Dân tộc, "
            "cùng đại diện các phòng chuyên môn Ban Dân tộc tỉnh Bắc Giang.")
    assert people(text)["Vi Văn Quý"][1] == ["Ban Dân tộc tỉnh Bắc Giang"]


# --- more orders -------------------------------------------------------------------------------------------
def test_a_title_in_brackets_after_the_name() -> None:
    got = people("Tỉnh Gia Lai: dự lễ có ông Nguyễn Văn An (Phó Chủ tịch UBND tỉnh) và bà Lê Thị Bình (Giám đốc Sở "
                 "Tài chính).")
    assert got["Nguyễn Văn An"] == ("Phó Chủ tịch UBND tỉnh", ["Ủy ban nhân dân tỉnh Gia Lai"])
    assert got["Lê Thị Bình"] == ("Giám đốc Sở Tài chính", ["Sở Tài chính tỉnh Gia Lai"])


def test_a_title_first_in_lower_case_mid_sentence() -> None:
    got = people("Hội nghị có sự tham dự của phó chủ tịch UBND tỉnh Gia Lai Nguyễn Văn An.")
    assert got == {"Nguyễn Văn An": ("phó chủ tịch UBND tỉnh Gia Lai", ["Ủy ban nhân dân tỉnh Gia Lai"])}


def test_kiem_joins_two_posts() -> None:
    got = people("Tỉnh Sơn La: ông Trần Văn Cường, Giám đốc Sở Nội vụ kiêm Trưởng Ban Tôn giáo tỉnh phát biểu.")
    assert got["Trần Văn Cường"][1] == ["Sở Nội vụ tỉnh Sơn La", "Ban Tôn giáo tỉnh Sơn La"]


def test_the_body_a_guest_list_speaks_for_serves_a_bare_title() -> None:
    got = people("Tham dự hội nghị, về phía Ủy ban Dân tộc có ông Nguyễn Văn Thành, Thứ trưởng. "
                 "Đại diện Ủy ban Dân tộc có bà Hoàng Thị Mai, Vụ trưởng.")
    assert got["Nguyễn Văn Thành"][1] == ["Ủy ban Dân tộc"]
    assert got["Hoàng Thị Mai"][1] == ["Ủy ban Dân tộc"]


def test_after_a_unit_or_body_word_the_words_name_the_place_unless_a_family_name_starts_them() -> None:
    assert "Sông Phan" not in people("Ông Lý A Sáng là chủ tịch xã Sông Phan nhiều năm.")
    assert list(people("Hiệu trưởng Trường Hùng Vương cho biết năm học mới đã sẵn sàng.")) == []
    assert list(people("Giám đốc Khách sạn Kim Liên Trần Minh Hải cho biết.")) == ["Trần Minh Hải"]


def test_a_village_elder_and_a_name_stop_at_a_preposition() -> None:
    assert people("Già làng A Blin ở làng Kon Rbàng chia sẻ kinh nghiệm.") == {"A Blin": ("Già làng", [None])}


def test_a_list_of_people_each_written_title_first() -> None:
    got = people("Tỉnh Sơn La: tham dự có Phó Chủ tịch UBND tỉnh Nguyễn Văn An, Giám đốc Sở Y tế Lê Văn Bảy, "
                 "Trưởng Ban Dân tộc tỉnh Hà Thị Cúc.")
    assert got == {"Nguyễn Văn An": ("Phó Chủ tịch UBND tỉnh", ["Ủy ban nhân dân tỉnh Sơn La"]),
                   "Lê Văn Bảy": ("Giám đốc Sở Y tế", ["Sở Y tế tỉnh Sơn La"]),
                   "Hà Thị Cúc": ("Trưởng Ban Dân tộc tỉnh", ["Ban Dân tộc tỉnh Sơn La"])}


def test_a_school_named_after_a_person_is_no_person() -> None:
    got = people("Ông Đào Văn Lợi, Hiệu trưởng Trường THCS Phạm Văn Đồng cho biết.")
    assert list(got) == ["Đào Văn Lợi"]


def test_commas_inside_a_bodys_name_stay_in_the_title_and_the_body() -> None:
    got = people("Tỉnh Hà Giang: ông Lò Văn Sử, Giám đốc Sở Văn hóa, Thể thao và Du lịch phát biểu; ông Vàng Văn Dìn, "
                 "Giám đốc Sở Y tế, Trưởng Ban Chỉ đạo cùng dự.")
    assert got["Lò Văn Sử"] == ("Giám đốc Sở Văn hóa, Thể thao và Du lịch",
                                ["Sở Văn hóa, Thể thao và Du lịch tỉnh Hà Giang"])
    assert got["Vàng Văn Dìn"][0] == "Giám đốc Sở Y tế, Trưởng Ban Chỉ đạo"


def test_the_provincial_youth_union_named_by_one_word() -> None:
    assert people("Tỉnh Hà Giang: ông Lò Văn Páo, Bí thư Tỉnh đoàn phát biểu.")["Lò Văn Páo"][1] == ["Tỉnh đoàn Hà Giang"]


def test_the_head_of_a_delegation_belongs_to_the_body_that_sent_it() -> None:
    got = people("Ban Dân tộc tỉnh Yên Bái làm việc với đoàn công tác của Học viện Dân tộc do TS. Đinh Văn Khải làm "
                 "Trưởng đoàn.")
    assert got["Đinh Văn Khải"] == ("Trưởng đoàn", ["Học viện Dân tộc"])
