"""Programmes, events and figures on sentences written for the tests."""

from datetime import date

from graph.extract.events import find_events
from graph.extract.figures import find_figures
from graph.extract.programmes import canonical, find_programmes
from graph.extract.sentences import split_sentences


def progs(text: str) -> list[tuple[str, str]]:
    return [(p.name, p.key) for p in find_programmes(text, split_sentences(text))]


def test_long_and_short_forms_share_a_key() -> None:
    long = "Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi"
    assert canonical(long)[0] == canonical("Chương trình MTQG 1719")[0] == canonical("CTMTQG vùng DTTS")[0]
    assert canonical("Chương trình 135")[0] == canonical("chương trình 135")[0] == "ct135"


def test_programme_names_stop_at_clause_end_and_keep_period() -> None:
    text = ("Năm 2023, huyện triển khai Đề án hỗ trợ phát triển sinh kế cho phụ nữ vùng cao giai đoạn 2021-2025 trên địa bàn, "
            "cùng các chương trình, dự án khác.")
    got = progs(text)
    assert got[0][0] == "Đề án hỗ trợ phát triển sinh kế cho phụ nữ vùng cao giai đoạn 2021-2025"
    assert len(got) == 1


def test_bare_national_programme_refers_back() -> None:
    text = ("Tỉnh thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021-2025. "
            "Việc giải ngân Chương trình mục tiêu quốc gia còn chậm.")
    keys = {k for _n, k in progs(text)}
    assert keys == {"ctmtqg-giam-ngheo"}


def test_generic_mentions_are_not_programmes() -> None:
    assert progs("Các chương trình, dự án, chính sách dân tộc được triển khai kịp thời.") == []


def test_event_with_organizer_date_and_roles() -> None:
    text = ("Ngày 12/3/2024, Ban Dân tộc tỉnh tổ chức Hội nghị tổng kết công tác dân tộc năm 2023. "
            "Ông Lò Văn Pâng, Trưởng Ban Dân tộc tỉnh chủ trì hội nghị. "
            "Nhân dịp này, Ban Dân tộc tỉnh tặng giấy khen cho 5 tập thể và 9 cá nhân.")
    from graph.extract.facts import OrgMention, OrgRef, Span
    from graph.extract.officials import find_officials

    sents = split_sentences(text)
    at = text.index("Ban Dân tộc tỉnh")
    ban = OrgMention(OrgRef("ban-dan-toc-tinh", "Ban Dân tộc tỉnh"), Span(at, at + 16), sents[0])
    persons = find_officials(text, sents)
    events = find_events(text, sents, date(2024, 3, 13), [ban], persons, [])
    assert len(events) == 1
    ev = events[0]
    assert ev.kind == "tong-ket" and ev.date.iso() == "2024-03-12"
    assert ev.title == "Hội nghị tổng kết công tác dân tộc năm 2023"
    assert ev.organizer is not None and ev.organizer.kind == "ban-dan-toc-tinh"
    assert [(p.role, p.person.name) for p in ev.participations] == [("chair", "Lò Văn Pâng")]
    assert (ev.awards[0].collectives, ev.awards[0].individuals) == (5, 9)


def test_congress_mentions_merge_and_take_their_year() -> None:
    text = ("Đại hội đại biểu các dân tộc thiểu số tỉnh lần thứ IV năm 2024 sẽ được tổ chức trong tháng 10. "
            "Công tác chuẩn bị Đại hội đại biểu các dân tộc thiểu số tỉnh lần thứ IV đã hoàn thành.")
    events = find_events(text, split_sentences(text), date(2024, 8, 1), [], [], [])
    assert len(events) == 1 and events[0].kind == "dai-hoi" and events[0].date.iso() == "2024"


def test_figures_money_count_rate_and_target() -> None:
    text = ("Năm 2022, toàn tỉnh xây mới 86 công trình với tổng kinh phí trên 1.250,5 tỷ đồng; "
            "tỷ lệ hộ nghèo giảm còn 12,4%. Phấn đấu đến ngày 31/12/2023 giải ngân đạt trên 95%.")
    figs = find_figures(text, split_sentences(text), date(2023, 1, 5), "son-la", [])
    by_unit = {(f.unit, f.value) for f in figs}
    assert ("count", 86.0) in by_unit and ("VND", 1250.5e9) in by_unit and ("percent", 12.4) in by_unit
    rate = next(f for f in figs if f.value == 12.4)
    assert "tỷ lệ hộ nghèo" in (rate.measure or "") and not rate.target and rate.period.iso() == "2022"
    target = next(f for f in figs if f.value == 95.0)
    assert target.target and target.deadline.iso() == "2023-12-31"
