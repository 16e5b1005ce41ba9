"""Officials: title-introduced lists, labelled signers, Đ/D slips and "Về phía ..." — sentences written for the tests."""

from datetime import date

from graph.extract.officials import find_officials
from graph.extract.pipeline import extract_article
from graph.extract.sentences import split_sentences
from graph.read import Article


def people(text: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.title) for p in find_officials(text, split_sentences(text))]


def test_a_title_with_a_colon_introduces_a_list_of_names() -> None:
    text = "Dự buổi làm việc có các đồng chí Phó Giám đốc Sở Y tế: Lê Thị Hoa, Trần Quang Vũ và Nông Văn Mạnh."
    assert people(text) == [("Lê Thị Hoa", "Phó Giám đốc Sở Y tế"), ("Trần Quang Vũ", "Phó Giám đốc Sở Y tế"),
                            ("Nông Văn Mạnh", "Phó Giám đốc Sở Y tế")]


def test_a_colon_followed_by_no_names_gives_nobody() -> None:
    assert people("Các đồng chí Phó Chủ tịch UBND huyện: phụ trách từng lĩnh vực được giao.") == []


def test_a_signer_label_names_a_person_without_a_title() -> None:
    assert people("Số hiệu: 52/KH-UBND Người ký: Quách Văn Tình Ngày ban hành: 03/4/2020") == [("Quách Văn Tình", None)]


def test_sentences_without_role_or_honorific_name_nobody() -> None:
    assert people("Đồng bào Mông Thái ở Mường Khương phấn khởi đón Tết.") == []


def _article(text: str) -> Article:
    return Article(source="t", text=text, title=None, published=date(2022, 3, 1))


def test_names_differing_by_d_stroke_are_one_person() -> None:
    text = ("Dự hội nghị có ông Hà Dức Minh, Phó Chủ tịch UBND tỉnh Tuyên Quang. "
            "Ông Hà Đức Minh đề nghị các sở làm tốt công tác dân tộc.")
    names = {p.name for p in extract_article(_article(text)).persons}
    assert names == {"Hà Đức Minh"}


def test_a_bare_title_serves_the_body_the_sentence_opens_with() -> None:
    text = ("Về phía Báo Cà Mau có các đồng chí: Lâm Văn Bé - Tổng Biên tập Báo Cà Mau; "
            "các đồng chí Phó Tổng Biên tập: Trương Văn Ba, Kim Thị Lan.")
    facts = extract_article(_article(text))
    orgs = {p.name: [post.org.label if post.org else None for post in p.posts] for p in facts.persons}
    assert orgs["Trương Văn Ba"] == orgs["Kim Thị Lan"] == orgs["Lâm Văn Bé"]
    assert orgs["Kim Thị Lan"][0] is not None and "Cà Mau" in orgs["Kim Thị Lan"][0]


def test_a_name_ending_in_a_label_like_word_is_kept_whole() -> None:
    assert people("Người ký: Nguyễn Văn Ngày") == [("Nguyễn Văn Ngày", None)]


def test_general_secretary_is_one_role_not_secretary() -> None:
    text = "Phát biểu bế mạc, Tổng Bí thư Lê Khả Phiêu nhấn mạnh yêu cầu đổi mới."
    got = find_officials(text, split_sentences(text))
    assert [(p.name, p.posts[0].role) for p in got] == [("Lê Khả Phiêu", "Tổng Bí thư")]


def test_a_bare_standing_board_is_the_one_of_the_committee_named_next() -> None:
    text = "Ông Lục Văn Hòa, Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Tỉnh ủy Bắc Kạn phát biểu."
    facts = extract_article(_article(text))
    board = facts.persons[0].posts[0].org
    assert board is not None and "Thường vụ" in board.label and "Tỉnh ủy" in board.label


def test_a_minister_s_title_may_leave_out_the_word_bo() -> None:
    """"Bộ trưởng Tư pháp" is the minister of Bộ Tư pháp, as "Bộ trưởng Bộ Tư pháp" is."""
    text = ("Bộ trưởng Tư pháp Hà Hùng Cường cho biết luật sẽ được sửa. "
            "Thứ trưởng Y tế Lê Quang Cường và Vụ trưởng Pháp chế Trương Hòa Nam cùng dự.")
    posts = {p.name: [(q.role, q.org.label if q.org else None) for q in p.posts]
             for p in extract_article(_article(text)).persons}
    assert posts["Hà Hùng Cường"] == [("Bộ trưởng", "Bộ Tư pháp")]
    assert posts["Lê Quang Cường"] == [("Thứ trưởng", "Bộ Y tế")]
    assert posts["Trương Hòa Nam"] == [("Vụ trưởng", "Vụ Pháp chế")]
