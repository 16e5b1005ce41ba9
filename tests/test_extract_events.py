"""Which event mentions are events: rules shown on sentences written for these tests."""

from datetime import date

from graph.extract.events import find_events
from graph.extract.facts import Event
from graph.extract.sentences import split_sentences


def events(text: str, published: date | None = date(2023, 5, 20)) -> list[Event]:
    return find_events(text, split_sentences(text), published, [], [], [])


def titles(text: str, published: date | None = date(2023, 5, 20)) -> list[str]:
    return [e.title for e in events(text, published)]


def test_back_references_and_generic_mentions_are_not_events() -> None:
    text = ("Sáng 18/5, Ban Dân tộc tỉnh Kon Tum tổ chức Hội nghị sơ kết công tác dân tộc 6 tháng đầu năm 2023. "
            "Tham dự Hội nghị có lãnh đạo các sở, ngành của tỉnh. "
            "Tại Hội nghị các đại biểu đã thảo luận sôi nổi. "
            "Hội nghị vinh dự có đồng chí Y Ngọc tham dự. "
            "Năm qua, các huyện đã tổ chức nhiều hội nghị tuyên truyền. "
            "Đại hội các xã được tổ chức trang trọng; Đại hội cấp huyện sẽ hoàn thành trong quý III.")
    assert titles(text) == ["Hội nghị sơ kết công tác dân tộc 6 tháng đầu năm 2023"]


def test_head_followed_by_a_verb_is_a_back_reference() -> None:
    text = ("Ông Đinh Văn Lực, Trưởng Ban Chỉ đạo Đại hội cho biết công tác chuẩn bị đã xong. "
            "Đại hội tiếp tục khẳng định vai trò của đồng bào các dân tộc. "
            "Đại hội đánh giá cao sự tham gia của các thành viên.")
    assert titles(text) == []


def test_a_head_inside_a_document_title_is_not_an_event() -> None:
    text = ("Hai cơ quan thống nhất thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Gia Lai lần thứ XVI, "
            "nhiệm kỳ 2020-2025. Các đại biểu học tập Quyết tâm thư của Đại hội đại biểu các DTTS lần thứ II.")
    assert titles(text) == []


def test_congress_named_in_a_body_name_is_announced_without_the_meeting_date() -> None:
    text = ("Ngày 05/9/2024, Ban Chỉ đạo Đại hội đại biểu các dân tộc thiểu số tỉnh Ninh Thuận lần thứ IV năm 2024 "
            "đã chủ trì cuộc họp để nghe báo cáo tiến độ chuẩn bị. "
            "Đại hội đại biểu các dân tộc thiểu số tỉnh lần thứ IV dự kiến tổ chức vào tháng 10 năm 2024.")
    got = {e.kind: e for e in events(text, date(2024, 9, 6))}
    assert got["hop"].date.iso() == "2024-09-05"
    assert got["hop"].title == "cuộc họp để nghe báo cáo tiến độ chuẩn bị"
    assert got["dai-hoi"].date.iso() == "2024-10"
    assert "lần thứ IV" in got["dai-hoi"].title and len(got) == 2


def test_past_and_announced_congresses_with_ordinals_are_separate_events() -> None:
    text = ("Đại hội đại biểu các dân tộc thiểu số tỉnh Bình Phước lần thứ IV, năm 2024 sẽ diễn ra từ 10 - 11/10/2024. "
            "Năm năm qua, tỉnh thực hiện tốt nghị quyết và các mục tiêu đề ra. "
            "Đồng chí Điểu Lâm, Chủ tịch UBND tỉnh phát biểu khai mạc Đại hội đại biểu các dân tộc thiểu số tỉnh "
            "lần thứ III năm 2019.")
    got = sorted((e.date.iso(), e.kind) for e in events(text, date(2024, 8, 2)))
    assert got == [("2019", "dai-hoi"), ("2024-10-10", "dai-hoi")]


def test_title_stops_at_the_verb_and_keeps_a_comma_continuation_with_a_year() -> None:
    text = ("Chiều 9/1, tại Hà Tĩnh, Ban Dân tộc tỉnh tổ chức Hội nghị tổng kết công tác dân tộc, chính sách "
            "dân tộc năm 2023, triển khai nhiệm vụ năm 2024 của Ban.")
    assert titles(text, date(2024, 1, 10)) == [
        "Hội nghị tổng kết công tác dân tộc, chính sách dân tộc năm 2023, triển khai nhiệm vụ năm 2024"]


def test_kind_ignores_cues_of_a_nested_event() -> None:
    text = "Hội nghị lần thứ 3 Ban Chỉ đạo Đại hội đại biểu các dân tộc thiểu số tỉnh Phú Yên lần thứ IV."
    got = events(text)
    assert got[0].kind == "other"


def test_one_meeting_written_two_ways_is_one_event() -> None:
    text = ("Hội nghị lần thứ 2 Ban Chỉ đạo Đại hội các dân tộc thiểu số tỉnh Quảng Bình lần thứ IV\n"
            "Sáng 3/9/2024, đồng chí Hồ An Phong chủ trì Hội nghị lần 2 Ban Chỉ đạo Đại hội các dân tộc thiểu số "
            "tỉnh Quảng Bình lần thứ IV.")
    got = [e for e in events(text, date(2024, 9, 4)) if e.kind == "other"]
    assert len(got) == 1 and got[0].date.iso() == "2024-09-03"


def test_undated_article_takes_the_year_from_the_event_name() -> None:
    text = "Sáng 15/1, Ban Dân tộc tỉnh tổ chức Hội nghị tổng kết công tác dân tộc năm 2022, triển khai nhiệm vụ năm 2023."
    got = events(text, None)
    assert got[0].date.iso() == "2023-01-15"
    text = "Chiều 20/4, Ban Dân tộc tỉnh và Đài Phát thanh tỉnh ký kết chương trình phối hợp giai đoạn 2022 - 2026."
    assert events(text, None)[0].date.iso() == "2022-04-20"


def test_capitalised_time_of_day_date_is_found() -> None:
    text = "Sáng 22/11, Ủy ban nhân dân tỉnh tổ chức Hội nghị giao ban công tác dân tộc quý IV."
    assert events(text, date(2022, 11, 23))[0].date.iso() == "2022-11-22"


def test_held_bare_head_needs_a_day() -> None:
    assert titles("Huyện sẽ tổ chức hội nghị.") == []


def test_venues_and_numbered_resolutions_are_not_events() -> None:
    text = ("Hàng nghìn người đổ về Trung tâm Hội nghị tỉnh Sơn La dự lễ hội. "
            "Thực hiện Nghị quyết 05 Đại hội Đảng bộ tỉnh Lai Châu lần thứ XIV, tỉnh đã đạt nhiều kết quả.")
    assert all("Đại hội Đảng bộ" not in t and not t.startswith("Hội nghị tỉnh") for t in titles(text))


def test_title_stops_at_time_words_and_dates() -> None:
    text = "Tại Hội nghị tập huấn nghiệp vụ công tác dân tộc hôm qua, các đại biểu thảo luận sôi nổi."
    assert titles(text) == ["Hội nghị tập huấn nghiệp vụ công tác dân tộc"]
    text = "Phát biểu tại Hội nghị giao ban công tác dân tộc quý III ngày 9/10, ông Hà Văn Núi nhấn mạnh."
    assert titles(text, date(2023, 10, 10)) == ["Hội nghị giao ban công tác dân tộc quý III"]


def test_an_anniversary_is_dated_on_the_anniversary_not_the_day_it_commemorates() -> None:
    text = ("Sáng nay, Thành ủy long trọng tổ chức Lễ kỷ niệm 70 năm Ngày giải phóng Thủ đô 10/10/1954 tại Nhà hát lớn.")
    assert [e.date.iso() for e in events(text, date(2024, 10, 10)) if e.date] == ["2024-10-10"]
    text = "Ngày 3/2/2025, tỉnh tổ chức Lễ kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam."
    assert [e.date.iso() for e in events(text, date(2025, 2, 4)) if e.date] == ["2025-02-03"]


def test_working_somewhere_since_a_time_is_a_job_not_an_event() -> None:
    assert titles("Ông Lê Văn Kiệt làm việc tại Văn phòng đại diện này từ tháng 8-2002. Ông cho biết đã nộp đủ thuế.",
                  date(2004, 3, 27)) == []
    assert titles("Ông Lê Văn Kiệt từng làm việc tại Văn phòng đại diện của Bộ Thương mại. Ông đã nghỉ hưu.",
                  date(2004, 3, 27)) == []
    # a visit that works at a place is still one
    assert titles("Ngày 12/3, Bộ trưởng Bộ Y tế Trần Văn Nam thăm và làm việc tại Bệnh viện tỉnh Sơn La.",
                  date(2004, 3, 27)) != []


def test_an_activity_s_description_ends_where_another_clause_begins() -> None:
    text = ("Sáng 12/3, Đoàn kiểm tra của Sở Công Thương tỉnh Sơn La đã kiểm tra kho chứa hàng của công ty "
            "nhưng không phát hiện vi phạm.")
    assert titles(text) == ["Đoàn kiểm tra của Sở Công Thương tỉnh Sơn La kiểm tra kho chứa hàng của công ty"]


def test_a_body_that_met_about_something_held_a_meeting() -> None:
    """"Ban X đã họp thông qua báo cáo ...": a meeting of its own, besides the other events the report names."""
    from graph.extract.organizations import find_organizations

    text = ("Ngày 14/9, Ban Dân tộc HĐND tỉnh Sơn La đã họp thông qua báo cáo kết quả giám sát thực hiện chính "
            "sách dân tộc. Trước đó, Ban Dân tộc đã tổ chức giám sát trực tiếp tại một số sở, ngành.")
    found = find_events(text, split_sentences(text), date(2023, 9, 20), find_organizations(text, [], None), [], [])
    meeting = next(e for e in found if e.title.startswith("Cuộc họp"))
    assert meeting.title == "Cuộc họp thông qua báo cáo kết quả giám sát thực hiện chính sách dân tộc"
    assert meeting.date is not None and meeting.date.iso() == "2023-09-14"
    assert meeting.organizer is not None and meeting.organizer.label.startswith("Ban Dân tộc")
    # a plan to meet is not a meeting
    plan = "Ngày 14/9, Ban Dân tộc HĐND tỉnh Sơn La sẽ họp thông qua báo cáo kết quả giám sát năm 2023."
    assert not any(e.title.startswith("Cuộc họp") for e in find_events(
        plan, split_sentences(plan), date(2023, 9, 1), find_organizations(plan, [], None), [], []))
