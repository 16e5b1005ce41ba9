"""Events that are not "Hội nghị ...": ceremonies, sessions, visits, meetings, trainings, inspections,
elections, events told only by a headline or an opening sentence, and the mentions that are not new events.
Every sentence here is written for these tests."""

from datetime import date

from graph.extract.events import find_events
from graph.extract.facts import Event
from graph.extract.sentences import split_sentences


def events(text: str, published: date | None = date(2024, 6, 20), headline: str | None = None) -> list[Event]:
    return find_events(text, split_sentences(text), published, [], [], [], None, headline)


def dated(text: str, published: date | None = date(2024, 6, 20), headline: str | None = None) -> list[tuple[str, str]]:
    return [(e.title, e.date.iso() if e.date else "") for e in events(text, published, headline)]


# --- ceremonies and festivals ---------------------------------------------------------------------------

def test_a_ceremony_is_an_event_with_its_day() -> None:
    text = "Sáng 12/6, UBND huyện Krông Pa tổ chức Lễ công bố quyết định công nhận xã đạt chuẩn nông thôn mới."
    assert dated(text) == [("Lễ công bố quyết định công nhận xã đạt chuẩn nông thôn mới", "2024-06-12")]


def test_a_festival_named_only_as_an_occasion_or_in_a_list_is_not_an_event() -> None:
    text = ("Nhân dịp Lễ hội Katê, lãnh đạo tỉnh đến thăm đồng bào Chăm. "
            "Tỉnh quan tâm bảo tồn các lễ hội truyền thống như Tết Chôl Chnăm Thmây, Lễ hội Cầu mùa, Lễ cúng rừng.")
    assert all("Lễ hội" not in t and "Lễ cúng" not in t for t, _ in dated(text))


def test_a_festival_the_article_reports_being_held_is_an_event() -> None:
    text = "Tối 5/6, huyện Mang Yang tổ chức Lễ hội Cồng chiêng các dân tộc năm 2024."
    assert dated(text) == [("Lễ hội Cồng chiêng các dân tộc năm 2024", "2024-06-05")]


# --- congresses and council sessions ---------------------------------------------------------------------

def test_a_report_that_only_refers_to_its_congress_names_it_after_its_series() -> None:
    text = ("Tham dự Đại hội có ông Nguyễn Văn Tâm, Phó Chủ tịch UBND tỉnh.\n"
            "Tại Đại hội, các đại biểu thảo luận sôi nổi.\n"
            "Đại hội đánh giá 5 năm thực hiện Quyết tâm thư Đại hội đại biểu các dân tộc thiểu số tỉnh Ninh Bình "
            "lần thứ III năm 2019.")
    assert dated(text, date(2024, 9, 14)) == [("Đại hội đại biểu các dân tộc thiểu số tỉnh Ninh Bình", "2024-09-14")]


def test_one_reference_alone_is_not_an_event() -> None:
    assert dated("Phát biểu tại Đại hội, ông Tâm nhấn mạnh vai trò của người có uy tín.") == []


def test_a_council_session_with_its_ordinal_is_an_event() -> None:
    text = "Ngày 10/6, HĐND tỉnh khai mạc Kỳ họp thứ 15 HĐND tỉnh khóa X, nhiệm kỳ 2021-2026."
    got = dated(text)
    assert len(got) == 1 and got[0][0].startswith("Kỳ họp thứ 15 HĐND tỉnh khóa X") and got[0][1] == "2024-06-10"


def test_a_congress_held_as_the_page_dates_it_takes_the_page_month() -> None:
    text = (" date 2024-05 Huyện Bảo Thắng vừa tổ chức thành công Đại hội đại biểu các dân tộc thiểu số huyện "
            "Bảo Thắng lần thứ IV năm 2024 với chủ đề đoàn kết và phát triển.")
    assert dated(text, None) == [
        ("Đại hội đại biểu các dân tộc thiểu số huyện Bảo Thắng lần thứ IV năm 2024", "2024-05")]


# --- visits, receptions, meetings ------------------------------------------------------------------------

def test_a_visit_with_gifts_is_the_event_not_the_festival_it_marks() -> None:
    headline = "Đoàn công tác Sở Dân tộc và Tôn giáo thăm, tặng quà già làng dịp Tết"
    text = (headline + "\n"
            "Sáng 20/1, Đoàn công tác Sở Dân tộc và Tôn giáo do ông Y Bhim làm trưởng đoàn đã đến thăm, tặng quà "
            "50 già làng tiêu biểu tại xã Ea Tul nhân dịp Tết Nguyên đán.")
    got = dated(text, date(2025, 1, 21), headline)
    assert got == [("Đoàn công tác Sở Dân tộc và Tôn giáo thăm, tặng quà già làng dịp Tết", "2025-01-20")]


def test_an_opening_sentence_tells_the_event_when_the_headline_does_not() -> None:
    text = ("Ngày 3/7/2024, Sở Dân tộc và Tôn giáo tỉnh Hà Tĩnh do ông Trần Văn Bình làm Trưởng đoàn đã đi kiểm "
            "tra tiến độ xây dựng nhà ở cho hộ nghèo tại xã Sơn Kim và xã Sơn Tây. Tại buổi làm việc, ông Bình đề "
            "nghị các xã đẩy nhanh tiến độ.")
    assert dated(text, None, "Hà Tĩnh: nhiều chuyển biến trong công tác dân tộc") == [
        ("Sở Dân tộc và Tôn giáo tỉnh Hà Tĩnh kiểm tra tiến độ xây dựng nhà ở cho hộ nghèo tại xã Sơn Kim và "
         "xã Sơn Tây", "2024-07-03")]


def test_a_headline_does_not_double_an_event_a_mention_dates_in_the_same_month() -> None:
    headline = "Tập huấn kỹ năng cho người có uy tín năm 2024"
    text = (headline + "\nTrong tháng 6/2024, Ban Dân tộc tỉnh đã tổ chức khóa tập huấn “Kỹ năng tuyên truyền cho "
            "người có uy tín” tại thành phố Đông Hà.")
    got = dated(text, date(2024, 6, 25), headline)
    assert len(got) == 1 and got[0][1].startswith("2024-06")


def test_a_bare_held_conference_takes_the_name_its_headline_gives() -> None:
    headline = "Hội nghị tổng kết công tác dân tộc năm 2024 của huyện Mường Lát"
    text = "Sáng 10/1, UBND huyện Mường Lát tổ chức hội nghị. Tại hội nghị, các đại biểu thảo luận sôi nổi."
    assert dated(text, date(2025, 1, 11), headline) == [(headline, "2025-01-10")]


def test_a_headline_placed_before_a_colon_still_tells_the_action() -> None:
    headline = "Điện Biên: Trao 500 suất quà Tết cho hộ nghèo đồng bào dân tộc thiểu số"
    text = headline + "\nSáng 25/1, tại huyện Mường Nhé, các đơn vị đã trao 500 suất quà cho hộ nghèo."
    assert dated(text, date(2025, 1, 26), headline) == [
        ("Điện Biên Trao 500 suất quà Tết cho hộ nghèo đồng bào dân tộc thiểu số", "2025-01-25")]


def test_a_headline_that_is_news_not_an_action_gives_no_event() -> None:
    text = "Hà Tĩnh: nhiều chuyển biến trong công tác dân tộc\nTỷ lệ hộ nghèo giảm còn 3,5%."
    assert dated(text, None, "Hà Tĩnh: nhiều chuyển biến trong công tác dân tộc") == []


def test_a_reception_held_by_a_body_is_an_event() -> None:
    text = ("Chiều ngày 5/6, tại Hà Nội, Bộ Dân tộc và Tôn giáo đã tổ chức gặp mặt Đoàn đại biểu người có uy tín "
            "tỉnh Đắk Nông.")
    got = dated(text)
    assert len(got) == 1 and got[0][1] == "2024-06-05" and "Đoàn đại biểu người có uy tín tỉnh Đắk Nông" in got[0][0]


def test_a_headline_receiving_a_delegation_is_the_event_dated_by_the_opening() -> None:
    headline = "Thứ trưởng Bộ Dân tộc và Tôn giáo tiếp Đoàn đại biểu người có uy tín tỉnh Hà Giang"
    text = (headline + "\n"
            "Chiều 11/6, tại Hà Nội, Thứ trưởng Bộ Dân tộc và Tôn giáo đã tiếp Đoàn đại biểu người có uy tín tỉnh "
            "Hà Giang. Ông cho biết Bộ sẽ tiếp tục quan tâm đến vùng đồng bào.")
    assert dated(text, date(2024, 6, 12), headline) == [(headline, "2024-06-11")]


def test_an_official_asking_for_inspections_is_no_event() -> None:
    text = ("Phó Chủ tịch UBND tỉnh Trần Văn Hùng đề nghị các sở tăng cường kiểm tra việc thực hiện chính sách.\n"
            "Giám đốc Sở Tài chính cho biết sẽ thăm và tặng quà các hộ nghèo vào dịp Tết.")
    assert dated(text) == []


def test_a_briefing_a_body_holds_is_an_event() -> None:
    text = "Sáng 14/6, Ban Dân tộc tỉnh tổ chức giao ban công tác dân tộc quý II năm 2024."
    assert dated(text) == [("Ban Dân tộc tỉnh giao ban công tác dân tộc quý II năm 2024", "2024-06-14")]


def test_an_activity_word_inside_a_conference_name_keeps_its_kind() -> None:
    text = "Sáng 14/6, Ban Dân tộc tỉnh tổ chức Hội nghị giao ban công tác dân tộc quý II năm 2024."
    assert [e.kind for e in events(text)] == ["giao-ban"]
    text = "Sáng 14/6, Ban Dân tộc tỉnh tổ chức Hội nghị sơ kết công tác kiểm tra 6 tháng đầu năm 2024."
    assert [e.kind for e in events(text)] == ["so-ket"]


def test_a_dialogue_runs_on_through_with_whom_and_a_hearing_is_an_event() -> None:
    text = "Ngày 12/6, Ủy ban MTTQ tỉnh tổ chức Hội nghị đối thoại với người có uy tín năm 2024."
    assert [t for t, _ in dated(text)] == ["Hội nghị đối thoại với người có uy tín năm 2024"]
    text = "Chiều 5/6, Thường trực HĐND tỉnh tổ chức phiên giải trình về thực hiện chính sách dân tộc."
    assert dated(text) == [("phiên giải trình về thực hiện chính sách dân tộc", "2024-06-05")]


def test_an_official_leading_a_visit_is_its_doer() -> None:
    text = ("Sáng 20/6, đồng chí Nguyễn Văn Ân, Phó Chủ tịch UBND tỉnh dẫn đầu đoàn công tác đã đến thăm và tặng quà "
            "tại xã biên giới Sín Thầu.")
    assert dated(text, date(2024, 6, 21)) == [
        ("đồng chí Nguyễn Văn Ân thăm và tặng quà tại xã biên giới Sín Thầu", "2024-06-20")]


def test_an_online_conference_is_named_by_its_purpose_and_talk_of_organising_one_is_no_event() -> None:
    text = ("Sở Dân tộc và Tôn giáo tỉnh đã tổ chức Hội nghị trực tuyến tới 60 điểm cầu các xã, nhằm triển khai công "
            "tác dân tộc sau sắp xếp đơn vị hành chính. Ông Hưng nhấn mạnh việc tổ chức hội nghị tập huấn là cần thiết.")
    assert [t for t, _ in dated(text)] == [
        "Hội nghị trực tuyến triển khai công tác dân tộc sau sắp xếp đơn vị hành chính"]


def test_a_press_conference_is_an_event_and_the_congress_it_announces_keeps_its_own_name() -> None:
    text = ("Chiều 3/6, Ban Chỉ đạo Đại hội đại biểu các dân tộc thiểu số tỉnh Gia Lai lần thứ IV năm 2024 tổ chức "
            "họp báo cung cấp thông tin về đại hội.")
    got = {e.kind: e for e in events(text)}
    assert got["hop"].title == "họp báo cung cấp thông tin về đại hội" and got["hop"].date.iso() == "2024-06-03"
    assert got["dai-hoi"].title == "Đại hội đại biểu các dân tộc thiểu số tỉnh Gia Lai lần thứ IV năm 2024"


def test_a_working_session_somebody_had_runs_on_through_with_whom_and_about_what() -> None:
    text = ("Hôm 9/5, Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam Nguyễn Văn An đã có buổi làm việc với Ban "
            "Dân tộc tỉnh Cà Mau về chương trình phối hợp giai đoạn 2021 - 2025.")
    assert dated(text) == [("buổi làm việc với Ban Dân tộc tỉnh Cà Mau về chương trình phối hợp giai đoạn 2021 - 2025",
                            "2024-05-09")]


def test_a_meeting_only_referred_to_is_dated_by_the_page() -> None:
    text = (" date 2025-12-04 Thứ trưởng phát biểu tại buổi gặp mặt. Ảnh: Minh Anh\n"
            "Các đại biểu người có uy tín tại buổi gặp mặt.")
    got = dated(text, None)
    assert len(got) == 1 and got[0][1] == "2025-12-04"


# --- trainings, inspections, elections ---------------------------------------------------------------------

def test_a_training_named_in_quotes_keeps_its_name() -> None:
    text = ("Sáng 4/6, Ban Dân tộc tỉnh khai mạc khóa tập huấn: “Nâng cao kỹ năng tuyên truyền cho người có uy tín "
            "năm 2024”.")
    assert dated(text) == [("khóa tập huấn “Nâng cao kỹ năng tuyên truyền cho người có uy tín năm 2024”", "2024-06-04")]


def test_a_supervision_a_body_held_says_who_and_where() -> None:
    text = "Trước đó, Ban Dân tộc đã tổ chức giám sát trực tiếp tại 3 huyện về thực hiện chính sách đối với người có uy tín."
    assert [t for t, _ in dated(text, None)] == [
        "Ban Dân tộc giám sát trực tiếp tại 3 huyện về thực hiện chính sách đối với người có uy tín"]


def test_habitual_work_is_not_an_event_but_work_in_a_named_month_is() -> None:
    text = "Trong năm, Sở Dân tộc và Tôn giáo đã tổ chức thăm hỏi, tặng quà cho 200 người có uy tín."
    assert dated(text) == []
    text = "Trong tháng 5/2024, Ban Dân tộc HĐND tỉnh đã tổ chức giám sát việc thực hiện chính sách tại huyện Tuy Phong."
    assert dated(text) == [("Ban Dân tộc HĐND tỉnh giám sát việc thực hiện chính sách tại huyện Tuy Phong", "2024-05")]


def test_a_supervision_team_that_supervises_is_one_event_named_after_the_team() -> None:
    text = ("Sáng 3/6, Đoàn giám sát của HĐND tỉnh do ông Lường Văn Ánh làm trưởng đoàn đã giám sát việc thực hiện "
            "chính sách dân tộc tại huyện Bắc Yên.")
    assert dated(text) == [("Đoàn giám sát của HĐND tỉnh giám sát việc thực hiện chính sách dân tộc tại huyện Bắc Yên",
                            "2024-06-03")]


def test_an_anniversary_keeps_the_founding_it_marks() -> None:
    text = "Ngày 20/5, tại Hà Nội, Ủy ban Dân tộc tổ chức Lễ kỷ niệm 75 năm Ngày thành lập cơ quan công tác dân tộc."
    assert dated(text) == [("Lễ kỷ niệm 75 năm Ngày thành lập cơ quan công tác dân tộc", "2024-05-20")]


def test_an_unheld_activity_word_is_not_an_event() -> None:
    text = "Công tác kiểm tra, giám sát được tăng cường. Kiểm tra cho thấy nhiều hộ đã thoát nghèo."
    assert dated(text) == []


def test_an_election_named_with_its_term_is_an_event() -> None:
    text = ("Các cấp tuyên truyền về bầu cử đại biểu Quốc hội khóa XVI và đại biểu HĐND các cấp nhiệm kỳ 2026 - 2031 "
            "và đón Tết vui tươi, an toàn.")
    assert [t for t, _ in dated(text, None)] == [
        "bầu cử đại biểu Quốc hội khóa XVI và đại biểu HĐND các cấp nhiệm kỳ 2026 - 2031"]


# --- one event, not several; names that stop where they should ----------------------------------------------

def test_headline_caption_and_body_mentions_of_a_signing_are_one_event() -> None:
    headline = "Ký kết chương trình phối hợp giữa Ban Dân tộc tỉnh và Báo Bình Thuận"
    text = (headline + "\n"
            "Sáng 7-6, Ban Dân tộc tỉnh tổ chức Hội nghị ký kết chương trình phối hợp giữa Ban Dân tộc tỉnh và Báo "
            "Bình Thuận giai đoạn 2024-2026.\n"
            "Ban Dân tộc tỉnh và Báo Bình Thuận ký kết chương trình phối hợp giai đoạn 2024 - 2026.")
    got = dated(text, date(2024, 6, 8), headline)
    assert len(got) == 1 and got[0][1] == "2024-06-07" and got[0][0].startswith("Hội nghị ký kết")


def test_a_title_does_not_stop_inside_thuc_hien() -> None:
    text = "Hội nghị tổng kết 5 năm thực hiện Chỉ thị 12 của Tỉnh ủy diễn ra sáng 3/6."
    assert [t for t, _ in dated(text)] == ["Hội nghị tổng kết 5 năm thực hiện Chỉ thị 12"]


def test_an_undated_review_takes_the_year_its_period_ends() -> None:
    text = ("Nội dung được nêu tại Hội nghị tổng kết 5 năm thực hiện chương trình phối hợp giai đoạn 2019-2023 và "
            "ký kết chương trình phối hợp giai đoạn 2023-2027, do hai cơ quan phối hợp tổ chức, chiều 11-10.")
    got = dated(text, None)
    assert len(got) == 1 and got[0][1] == "2023-10-11"


# --- precision on news text nobody tuned for ----------------------------------------------------------------

def test_a_generic_election_mention_is_not_an_event() -> None:
    text = ("Theo ông Hải, công tác chuẩn bị bầu cử Quốc hội khóa mới cần làm sớm. "
            "Năm nay tỉnh Sơn La là đơn vị làm tốt công tác bầu cử - riêng huyện Mai Sơn còn chậm. "
            "Luật bầu cử đại biểu HĐND (sửa đổi) có nhiều điểm mới.")
    assert dated(text) == []


def test_a_named_election_is_one_event_per_article() -> None:
    text = ("Cuộc bầu cử đại biểu Quốc hội khóa XV diễn ra an toàn tại tỉnh Hà Giang. "
            "Tỉnh đã chuẩn bị tốt cho bầu cử đại biểu Quốc hội khóa XV. "
            "Cử tri đánh giá cao bầu cử đại biểu Quốc hội năm 2021 ở địa phương.")
    got = [t for t, _ in dated(text)]
    assert got == ["bầu cử đại biểu Quốc hội khóa XV"]


def test_a_title_ends_at_a_full_stop_written_without_a_space() -> None:
    text = "Huyện Mèo Vạc tổ chức Hội nghị tổng kết công tác dân tộc năm 2023.Tại hội nghị các xã báo cáo kết quả."
    assert [t for t, _ in dated(text)] == ["Hội nghị tổng kết công tác dân tộc năm 2023"]


def test_an_abbreviation_with_a_dot_does_not_end_a_title() -> None:
    text = "Sáng 3/6, Sở Nội vụ tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2023 TP.HCM mở rộng."
    assert dated(text)[0][0].endswith("TP.HCM mở rộng")


def test_a_congress_followed_by_what_it_said_is_a_back_reference() -> None:
    text = ("Ông Trần Văn Lâm phát biểu khai mạc Đại hội nêu rõ: thời gian qua, nhân dân đã đoàn kết "
            "để kỷ niệm 20 năm thành lập tỉnh.")
    assert dated(text) == []


def test_an_activity_word_inside_another_word_is_not_an_activity() -> None:
    text = "Sở Tài nguyên và Môi trường cần tổ chức thăm dò để khai thác mỏ đá vôi ở xã Tả Van."
    assert dated(text) == []


def test_a_festival_held_with_only_an_adjective_is_not_named() -> None:
    text = "Nhiều nơi tổ chức liên hoan rầm rộ, tốn kém trong dịp cuối năm."
    assert dated(text) == []
    named = "Ngày 8/6, huyện Bắc Hà tổ chức liên hoan văn nghệ các dân tộc năm 2024."
    assert [t for t, _ in dated(named)] == ["liên hoan văn nghệ các dân tộc năm 2024"]


def test_a_headline_glued_to_its_caption_and_text_stops_at_the_press_mark() -> None:
    text = ("Bộ trưởng Trần Văn Hòa thăm, tặng quà đồng bào xã Pa Vây Sử Bộ trưởng Trần Văn Hòa trao quà "
            "cho hộ nghèo xã Pa Vây Sử Ảnh: TTXVN (PV)- Ngày 12-6, Bộ trưởng Trần Văn Hòa đã đến thăm và "
            "tặng quà đồng bào xã Pa Vây Sử, huyện Phong Thổ.")
    got = events(text)
    assert [e.title for e in got] == ["Bộ trưởng Trần Văn Hòa thăm, tặng quà đồng bào xã Pa Vây Sử"]


def test_a_headline_before_the_press_mark_is_not_the_doer() -> None:
    text = ("Hội tụ hơn 300 gương sáng người có uy tín (PV)- Tại buổi họp báo ngày 2-6, ông Lò Văn Sáng cho "
            "biết buổi gặp mặt sẽ diễn ra vào cuối tháng.")
    assert all(not e.title.startswith("Hội tụ") for e in events(text))


def test_news_about_a_body_or_a_person_is_not_an_event_it_holds() -> None:
    for text in ("Bộ Giáo dục và Đào tạo công bố tổng chỉ tiêu tuyển sinh của 120 trường đại học năm 2024.",
                 "Ông Lê Văn Tư bị kỷ luật cảnh cáo vì tiếp tay cho sai phạm tại dự án thủy lợi.",
                 "Ông nhận xét, ý kiến của đại biểu ở kỳ họp này đều tâm huyết.",
                 "UBND nhiều xã thuộc các tỉnh miền núi đã nhận thông báo tuyển sinh khoá đào tạo thanh tra "
                 "kỹ thuật xây dựng của một công ty."):
        assert dated(text) == [], text
    held = "Ngày 14/6, Ban Dân tộc tỉnh Cao Bằng làm việc với UBND huyện Bảo Lạc về Chương trình 1719."
    assert dated(held) != []


def test_an_action_word_inside_a_name_or_a_noun_is_no_action() -> None:
    for text in ("Lãnh đạo tỉnh Điện Biên đã đồng ý với kết luận của Thanh tra tỉnh về dự án nước sạch.",
                 "Ngày 3/6, Công an huyện Mường Tè khám xét nơi làm việc của một cán bộ xã.",
                 "Đoàn công tác của tỉnh đã nghe trực tiếp ba ngày với các sở báo cáo tình hình.",
                 "Ông Lò Văn Phú thừa nhận: “Hôm đó tôi xuống kiểm tra việc cấp gạo ở bản Nậm Cượm.”"):
        assert dated(text) == [], text


def test_an_activity_planned_or_as_a_purpose_is_not_an_event() -> None:
    for text in ("Sở Công Thương sẽ phối hợp với Công ty Điện lực tỉnh Lai Châu tổ chức kiểm tra, xử lý vi phạm.",
                 "Công ty thuê tư vấn để tiến hành khảo sát địa chất công trình thủy lợi bản Mông."):
        assert dated(text) == [], text
    held = "Ngày 5/6, Sở Công Thương sẽ tổ chức kiểm tra an toàn điện tại xã Sà Phìn."
    assert [t for t, _ in dated(held)] == ["kiểm tra an toàn điện tại xã Sà Phìn"]


def test_an_unnamed_session_referred_to_as_past_is_not_an_event() -> None:
    assert dated("Tại kỳ họp Quốc hội vừa qua, nhiều đại biểu hỏi về chính sách cho người có uy tín.") == []
    coming = "Nội dung này được đưa ra tại kỳ họp HĐND tỉnh diễn ra vào ngày 7/7 tới."
    assert [t for t, _ in dated(coming)] == ["kỳ họp HĐND tỉnh"]


def test_an_activity_title_stops_at_what_the_meeting_asked() -> None:
    text = ("Ngày 4/6, nhà trường đã có cuộc làm việc với đại diện công ty yêu cầu giải trình các khoản thu "
            "trái quy định.")
    assert [t for t, _ in dated(text)] == ["cuộc làm việc với đại diện công ty"]


def test_electing_a_committee_at_a_congress_is_part_of_the_congress() -> None:
    text = ("Ngày 10/6, huyện Si Ma Cai tổ chức Đại hội đại biểu Đảng bộ huyện Si Ma Cai lần thứ XX. "
            "Đại hội tiến hành bầu cử Ban Chấp hành Đảng bộ huyện khóa XX.")
    assert [t for t, _ in dated(text)] == ["Đại hội đại biểu Đảng bộ huyện Si Ma Cai lần thứ XX"]
