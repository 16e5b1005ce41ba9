"""Officials: every word order the extractor accepts, on sentences written for the test."""

from graph.extract.officials import find_officials
from graph.extract.sentences import split_sentences
from graph.extract.tokens import Token

PLACES = [("sơn", "la"), ("lai", "châu"), ("gia", "lai"), ("quảng", "nam")]


def place_len(tokens: list[Token], i: int, end: int) -> int:
    for p in PLACES:
        if tuple(t.low for t in tokens[i:i + len(p)]) == p:
            return len(p)
    return 0


def people(text: str) -> dict[str, tuple[str | None, list[tuple[str, str | None]]]]:
    return {p.name: (p.title, [(q.role, q.body_phrase) for q in p.posts])
            for p in find_officials(text, split_sentences(text), place_len)}


def test_apposition_with_honorific() -> None:
    got = people("Bà Lò Thị Mai, Phó Trưởng Ban Dân tộc tỉnh phát biểu tại buổi làm việc.")
    assert got == {"Lò Thị Mai": ("Phó Trưởng Ban Dân tộc tỉnh", [("Phó Trưởng Ban", "Ban Dân tộc tỉnh")])}


def test_dash_apposition_and_two_posts() -> None:
    got = people("Ông Cầm Văn Đoàn - Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Sơn La khai mạc hội nghị.")
    title, posts = got["Cầm Văn Đoàn"]
    assert title == "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Sơn La"
    assert posts == [("Phó Bí thư", "Tỉnh ủy"), ("Chủ tịch", "UBND tỉnh Sơn La")]


def test_title_before_name_splits_after_the_place() -> None:
    got = people("Bí thư Tỉnh ủy Lai Châu Giàng Páo Mỷ cho biết tỉnh đã hoàn thành kế hoạch.")
    assert got == {"Giàng Páo Mỷ": ("Bí thư Tỉnh ủy Lai Châu", [("Bí thư", "Tỉnh ủy Lai Châu")])}


def test_role_without_body_takes_the_next_one() -> None:
    got = people("Dự có đồng chí Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc Rơ Chăm Long.")
    assert got["Rơ Chăm Long"][1] == [("Bộ trưởng", "Ủy ban Dân tộc"), ("Chủ nhiệm", "Ủy ban Dân tộc")]


def test_list_shares_the_last_title() -> None:
    got = people("Ông Ksor Phước, ông Rah Lan Chung, Phó Chủ tịch UBND tỉnh Gia Lai cùng dự.")
    assert got["Ksor Phước"][0] == got["Rah Lan Chung"][0] == "Phó Chủ tịch UBND tỉnh Gia Lai"


def test_semicolon_list_of_guests() -> None:
    text = ("Tham dự có các đồng chí: Phó Chủ tịch HĐND tỉnh Vàng A Tủa; Hà Văn Lợi, Tỉnh ủy viên, Giám đốc Sở Tài chính; "
            "các đồng chí lãnh đạo sở, ngành.")
    got = people(text)
    assert got["Vàng A Tủa"][1] == [("Phó Chủ tịch", "HĐND tỉnh")]
    assert got["Hà Văn Lợi"] == ("Tỉnh ủy viên, Giám đốc Sở Tài chính",
                                  [("Tỉnh ủy viên", "Tỉnh ủy"), ("Giám đốc", "Sở Tài chính")])


def test_honorific_without_title_and_no_false_names() -> None:
    got = people("Đ/c Đinh Văn Nguyên tặng quà. Ban Dân tộc tỉnh Quảng Nam và Sở Tài chính phối hợp tổ chức.")
    assert got == {"Đinh Văn Nguyên": (None, [])}


def test_a_title_with_no_name_is_not_a_person() -> None:
    assert people("Phát biểu tại hội nghị, đồng chí Phó Chủ tịch UBND tỉnh đề nghị các sở tiếp tục phối hợp.") == {}


def test_a_name_ends_a_title_before_and() -> None:
    """"Title A và title B": A's title stops at A's name; it is not B's title (whose words the lexicon may not know)."""
    got = people("Theo kết luận, Tổng giám đốc Lý Văn Khiêm và kế toán trưởng Đinh Thị Nga đã lập chứng từ khống.")
    assert got["Lý Văn Khiêm"][0] == "Tổng giám đốc"
    assert all("Lý Văn Khiêm" not in (title or "") for title, _posts in got.values())


def test_a_name_ends_a_title_before_the_words_that_follow_it() -> None:
    assert people("Bộ trưởng Đào Văn Kiên chưa thực sự cầu thị trong việc này.") == {
        "Đào Văn Kiên": ("Bộ trưởng", [("Bộ trưởng", None)])}
    # a title word after the name begins the next title, not the name's end ("... Dương Văn Bảo Trưởng phòng ...")
    got = people("Trưởng phòng Dương Văn Bảo Trưởng phòng Kế hoạch tỉnh Sơn La nói.")
    assert all("Trưởng" not in name for name in got)
    # a second title joined by "kiêm" is the same person's
    got = people("Phó Chủ tịch UBND huyện Lâm Bình kiêm Trưởng Ban Dân tộc huyện Lò Văn Hùng phát biểu.")
    assert got["Lò Văn Hùng"][0] == "Phó Chủ tịch UBND huyện Lâm Bình kiêm Trưởng Ban Dân tộc huyện"
