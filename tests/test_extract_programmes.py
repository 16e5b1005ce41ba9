"""Programmes: what is not one, and one programme typed two ways — sentences written for the tests."""

from graph.extract.programmes import find_programmes, is_programme_name
from graph.extract.sentences import split_sentences


def keys(text: str) -> list[str]:
    return [p.key for p in find_programmes(text, split_sentences(text))]


def test_agendas_and_action_plans_are_not_programmes() -> None:
    text = ("Hội đồng nhân dân tỉnh thông qua Chương trình giám sát năm 2024 của Hội đồng. "
            "Sở triển khai Chương trình công tác trọng tâm năm 2024 giai đoạn 2024-2025.")
    assert keys(text) == []
    assert is_programme_name("Chương trình phối hợp tuyên truyền về công tác dân tộc giai đoạn 2022 - 2026")


def test_a_policy_field_with_a_period_is_not_a_named_policy() -> None:
    assert keys("Đại hội đánh giá kết quả thực hiện chính sách dân tộc giai đoạn 2016-2021.") == []
    assert not is_programme_name("chính sách dân tộc giai đoạn 2016 - 2021")
    assert is_programme_name("Chính sách hỗ trợ nhà ở cho hộ nghèo giai đoạn 2016 - 2021")


def test_one_scheme_with_a_typo_keeps_one_key() -> None:
    text = ("Thủ tướng phê duyệt Đề án “Tăng cường tuyên truyền, phổ biến pháp luật cho đồng bào vùng cao "
            "giai đoạn 2019 - 2023”. Tỉnh ban hành Kế hoạch thực hiện Đề án “Tăng cường tuyên truyền, phổ biến "
            "pháp luật cho đồng bào vùng ca giai đoạn 2019-2023”.")
    got = keys(text)
    assert len(got) == 2 and got[0] == got[1]
    names = [p.name for p in find_programmes(text, split_sentences(text))]
    assert all(n.endswith("2023”") for n in names)       # the quoted name is kept whole


def test_different_schemes_keep_different_keys() -> None:
    text = ("Tỉnh triển khai Đề án “Hỗ trợ phát triển sinh kế cho phụ nữ vùng cao giai đoạn 2021-2025” và "
            "Đề án “Hỗ trợ phát triển giáo dục cho trẻ em vùng cao giai đoạn 2021-2025”.")
    got = keys(text)
    assert len(got) == 2 and got[0] != got[1]


def test_a_name_with_words_added_over_the_same_period_is_the_same_programme() -> None:
    text = ("Hai cơ quan ký kết Chương trình phối hợp công tác giai đoạn 2023-2027. "
            "Chương trình phối hợp công tác giữa hai đơn vị giai đoạn 2023-2027 gồm 5 nội dung chính. "
            "Tỉnh cũng triển khai Chương trình phối hợp công tác giai đoạn 2018-2022 trước đó.")
    got = keys(text)
    assert len(got) == 3 and got[0] == got[1] != got[2]


def test_speech_in_quotes_and_a_show_ending_are_not_programmes() -> None:
    text = ("Người dân hỏi chương trình \"có thật sự đến với bà con không\". "
            "Buổi giao lưu khép lại, Chương trình kết thúc lúc 21 giờ cùng ngày.")
    assert keys(text) == []
    assert len(keys("Tỉnh phát động Chương trình “Mỗi xã một sản phẩm” trong đồng bào.")) == 1
