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


def names(text: str) -> list[str]:
    return [p.name for p in find_programmes(text, split_sentences(text))]


def test_lower_case_policies_that_say_what_they_do_are_named() -> None:
    text = ("Huyện rà soát việc thực hiện chính sách hỗ trợ nhà ở cho hộ nghèo vùng cao theo Quyết định số "
            "33/2015/QĐ-TTg; chính sách đối với người có uy tín trong đồng bào dân tộc thiểu số; chính sách cho "
            "người có công trên địa bàn xã.")
    assert names(text) == ["chính sách hỗ trợ nhà ở cho hộ nghèo vùng cao",
                           "chính sách đối với người có uy tín trong đồng bào dân tộc thiểu số",
                           "chính sách cho người có công"]


def test_policy_fields_plurals_and_empty_descriptions_are_not_named_policies() -> None:
    text = ("Cán bộ tuyên truyền chính sách dân tộc và chính sách của Đảng. Tỉnh có nhiều chính sách hỗ trợ học "
            "sinh nghèo. Các bên thống nhất nội dung chương trình phối hợp của hai ngành. Ngân hàng còn "
            "triển khai một số chương trình tín dụng ưu đãi khác.")
    assert names(text) == []


def test_bodies_and_drafts_named_with_programme_words_are_not_programmes() -> None:
    text = ("Đại diện Vụ Chính sách Dân tộc, Ngân hàng Chính sách xã hội chi nhánh tỉnh và Phòng Chính sách "
            "Dân tộc dự họp. Ban Quản lý Chương trình phát triển nông thôn vùng cao báo cáo tiến độ. Hội nghị "
            "góp ý dự thảo Đề án bảo tồn nhà sàn truyền thống của đồng bào giai đoạn 2026-2030.")
    assert names(text) == []


def test_numbers_listed_under_one_head_are_each_a_programme() -> None:
    text = "Xã được thụ hưởng Chương trình 134, 135 và 30a trong nhiều năm."
    got = find_programmes(text, split_sentences(text))
    assert [p.key for p in got] == ["ct134", "ct135", "ct30a"]
    assert [p.name for p in got] == ["Chương trình 134", "Chương trình 135", "Chương trình 30a"]


def test_projects_and_sub_projects_stop_before_the_programme_they_belong_to() -> None:
    text = ("Tỉnh giải ngân Tiểu dự án 1 thuộc Dự án 3 của Chương trình mục tiêu quốc gia phát triển kinh tế - xã "
            "hội vùng đồng bào dân tộc thiểu số và miền núi. Huyện làm tốt Dự án 2 - Chương trình 135 thuộc "
            "Chương trình mục tiêu quốc gia giảm nghèo bền vững. Sở hướng dẫn Dự án 5: Phát triển giáo dục "
            "nghề nghiệp cho lao động vùng cao.")
    got = [(p.name, p.key) for p in find_programmes(text, split_sentences(text))]
    assert got[0][0] == "Tiểu dự án 1 thuộc Dự án 3"
    assert got[1][1] == "ctmtqg-dtts-mn"
    assert got[2][0] == "Dự án 2 - Chương trình 135" and got[2][1] != "ct135"   # a project of it, not it
    assert got[3][1] == "ctmtqg-giam-ngheo"
    assert got[4][0] == "Dự án 5: Phát triển giáo dục nghề nghiệp cho lao động vùng cao"
    assert len(got) == 5


def test_strategies_and_named_action_programmes_but_not_numbered_ones() -> None:
    text = ("Bộ trình Chiến lược phát triển nhân lực vùng cao giai đoạn 2026-2035, tầm nhìn đến năm 2045. "
            "Tỉnh ủy ban hành Chương trình hành động số 15-CTr/TU để thực hiện. Sở xây dựng Chương trình "
            "hành động phát triển du lịch cộng đồng vùng cao của tỉnh.")
    assert names(text) == ["Chiến lược phát triển nhân lực vùng cao giai đoạn 2026-2035, tầm nhìn đến năm 2045",
                           "Chương trình hành động phát triển du lịch cộng đồng vùng cao"]


def test_national_target_programmes_in_their_long_forms() -> None:
    text = ("Tỉnh thực hiện Chương trình Mục tiêu quốc gia (MTQG) phát triển kinh tế - xã hội vùng đồng bào dân "
            "tộc thiểu số và miền núi giai đoạn 2021-2030, giai đoạn I: từ năm 2021 đến năm 2025 cùng Chương "
            "trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021-2025 trong những năm tới.")
    got = [(p.name, p.key) for p in find_programmes(text, split_sentences(text))]
    assert got[0][0].endswith("giai đoạn 2021-2030, giai đoạn I: từ năm 2021 đến năm 2025")
    assert "(MTQG) phát triển" in got[0][0] and got[0][1] == "ctmtqg-dtts-mn"
    assert got[1] == ("Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021-2025",
                      "ctmtqg-nong-thon-moi")


def test_the_other_items_of_a_list_of_credit_programmes_are_programmes() -> None:
    text = ("Hộ vay được hưởng các chương trình tín dụng ưu đãi như: chương trình cho vay hộ cận nghèo; chương "
            "trình cho vay giải quyết việc làm; cho vay nhà ở xã hội; chương trình học sinh sinh viên theo "
            "Quyết định số 157/2007/QĐ-TTg; và các chương trình tín dụng khác.")
    assert names(text) == ["chương trình cho vay hộ cận nghèo", "chương trình cho vay giải quyết việc làm",
                           "cho vay nhà ở xã hội", "chương trình học sinh sinh viên"]


def test_short_cut_off_and_spelled_variants_of_one_policy_are_one_programme() -> None:
    text = ("Căn cứ Quyết định về chính sách đối với người có uy tín trong vùng đồng bào dân tộc thiểu số. "
            "Thông tư hướng dẫn chính sách đối với người có uy tín trong đồng bào DTTS. "
            "Kinh phí thực hiện chính sách đối với người có uy tín trong đồng b")
    got = keys(text)
    assert len(got) == 3 and len(set(got)) == 1
    text = ("Hai bên ký chương trình phối hợp số 7 giữa Hội Nông dân tỉnh và Ban Dân tộc tỉnh giai đoạn 2024-2028. "
            "Cuối năm, hai bên sơ kết chương trình phối hợp số 7.")
    got = keys(text)
    assert len(got) == 2 and got[0] == got[1]


def test_one_policy_written_with_and_without_abbreviations_is_one_node_with_one_label() -> None:
    from graph.extract.programmes import canonical

    a = canonical("chính sách đối với người có uy tín trong đồng bào DTTS giai đoạn 2022 – 2026")
    b = canonical("Chính sách đối với người có uy tín trong đồng bào dân tộc thiểu số giai đoạn 2022-2026")
    assert a[0] == b[0]
    assert a[1] == b[1] == "Chính sách đối với người có uy tín trong đồng bào dân tộc thiểu số giai đoạn 2022-2026"
    assert canonical("chính sách đối với người có uy tín trong đồng bào DTTS giai đoạn 2017-2021")[0] != a[0]


def test_shows_meetings_and_draft_laws_named_like_programmes_are_not_programmes() -> None:
    text = ("Tối cùng ngày, Chương trình giao lưu văn hóa các dân tộc vùng cao diễn ra sôi nổi. Quốc hội thảo luận "
            "Dự án Luật Đất đai sửa đổi năm nay. Đại biểu Ủy ban Chính sách xã hội vùng cao phát biểu.")
    assert names(text) == []


def test_policies_named_by_one_word_and_numbered_schemes() -> None:
    text = ("Tỉnh làm tốt chính sách cử tuyển. Công an xã triển khai Đề án 06 về dữ liệu dân cư. "
            "Huyện giải ngân Tiểu dự án 2 của Dự án 5 đúng hạn.")
    assert names(text) == ["chính sách cử tuyển", "Đề án 06 về dữ liệu dân cư", "Tiểu dự án 2 của Dự án 5"]


def test_a_programme_named_inside_another_is_its_own_programme() -> None:
    text = ("Hội nghị triển khai Chương trình hành động thực hiện Chiến lược công tác dân tộc giai đoạn 2021-2030 "
            "của tỉnh.")
    got = find_programmes(text, split_sentences(text))
    assert [p.name for p in got] == ["Chương trình hành động thực hiện Chiến lược công tác dân tộc giai đoạn 2021-2030",
                                     "Chiến lược công tác dân tộc giai đoạn 2021-2030"]
    assert got[0].key != got[1].key


def test_a_name_runs_over_linking_words_but_a_policy_stops_before_the_programme_it_serves() -> None:
    text = ("Tỉnh xây dựng Đề án phát triển du lịch cộng đồng gắn với bảo tồn văn hóa dân tộc Mông. Ngân hàng cho "
            "vay theo chính sách hỗ trợ nhà ở cho hộ nghèo thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững.")
    assert names(text) == ["Đề án phát triển du lịch cộng đồng gắn với bảo tồn văn hóa dân tộc Mông",
                           "chính sách hỗ trợ nhà ở cho hộ nghèo",
                           "Chương trình mục tiêu quốc gia giảm nghèo bền vững"]


def test_numbered_documents_named_with_programme_heads_and_lists_of_policies() -> None:
    text = ("Thực hiện Đề án số 01-ĐA/TU của Tỉnh ủy về nguồn nhân lực, tỉnh làm tốt chính sách người có uy tín và "
            "chính sách BHYT cho người dân tộc thiểu số.")
    assert names(text) == ["chính sách người có uy tín", "chính sách BHYT cho người dân tộc thiểu số"]


def test_two_credit_programmes_one_named_with_its_target_districts() -> None:
    text = ("Vốn được dành cho các chương trình như: chương trình cho vay hộ nghèo; chương trình cho vay hộ nghèo "
            "tại 64 huyện nghèo theo quy định; chương trình cho vay nước sạch.")
    got = find_programmes(text, split_sentences(text))
    assert [p.name for p in got] == ["chương trình cho vay hộ nghèo", "chương trình cho vay hộ nghèo tại 64 huyện nghèo",
                                     "chương trình cho vay nước sạch"]
    assert len({p.key for p in got}) == 3
    assert names("Hội nghị diễn ra tại 3 huyện. Tỉnh triển khai chính sách hỗ trợ nhà ở tại xã Nậm Ty.") == [
        "chính sách hỗ trợ nhà ở"]


def test_a_short_form_later_in_the_article_is_the_same_programme() -> None:
    text = ("Hai cơ quan ký Chương trình phối hợp công tác giữa Ban Dân tộc tỉnh và Hội Nông dân tỉnh. "
            "Theo Chương trình phối hợp công tác, mỗi năm hai bên sơ kết một lần. Tỉnh triển khai Đề án tổng thể "
            "phát triển du lịch vùng cao. Đề án tổng thể được giao cho Sở Văn hóa.")
    got = keys(text)
    assert len(got) == 4 and got[0] == got[1] and got[2] == got[3] != got[0]


def test_numbered_projects_written_in_lower_case() -> None:
    text = ("Huyện đã giải ngân tiểu dự án 1 thuộc dự án 3 và dự án 5 của Chương trình. Các dự án, đề án hỗ trợ "
            "đồng bào được triển khai. Tỉnh thu hút dự án nhà máy điện gió tại xã.")
    assert names(text) == ["tiểu dự án 1 thuộc dự án 3", "dự án 5"]


def test_a_numbered_scheme_is_one_programme_whatever_follows_its_number() -> None:
    """"Đề án 717" is named by its number: the sentence's words after it are not part of its name."""
    text = ("Năm nay là năm cuối giai đoạn I (2016 - 2020) của Đề án 717. Đề án 717 đã cử được 900 sinh viên "
            "người dân tộc thiểu số đi học. 12 sinh viên thuộc Đề án 717 tốt nghiệp loại giỏi. Thông tin liên hệ "
            "với đề án 717 - Bộ Giáo dục. Kinh phí cho Đề án 717 giai đoạn II khoảng 200 tỷ đồng mỗi năm. "
            "Tổng kết đề án ở giai đoạn 2016-2020 cho thấy nhiều kết quả.")
    found = find_programmes(text, split_sentences(text))
    assert {p.key for p in found} == {found[0].key}
    assert {p.name.casefold() for p in found} == {"đề án 717"}
