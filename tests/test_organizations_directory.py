"""Bodies the way other provinces and national bodies write them: the national directory, lists under
one head word, standing boards, memberships, the article's district, and what is not a body.

Every sentence here is made up for the test.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.extract.facts import OrgRef
from graph.extract.organizations import _form_rx, _trie_rx, body_from_phrase, find_organizations
from graph.resolve.gazetteer import Gazetteer, Province
from graph.resolve.orgs import national_directory, org_key, parent_of

GAZ = Gazetteer.default()


def P(name: str) -> Province:
    p = GAZ.province(name)
    assert p is not None
    return p


def orgs(text: str, province: Province | None = None) -> list[OrgRef]:
    return [m.org for m in find_organizations(text, [], province)]


def labels(text: str, province: Province | None = None) -> list[str]:
    return [o.label for o in orgs(text, province)]


# --- the national directory -------------------------------------------------------------------
@pytest.mark.parametrize(("written", "label", "parent"), [
    ("Ủy ban Thường vụ Quốc hội", "Ủy ban Thường vụ Quốc hội", "Quốc hội"),
    ("UBTVQH", "Ủy ban Thường vụ Quốc hội", "Quốc hội"),
    ("Văn phòng Quốc hội", "Văn phòng Quốc hội", "Quốc hội"),
    ("Ban Công tác đại biểu", "Ban Công tác đại biểu", "Ủy ban Thường vụ Quốc hội"),
    ("Ủy ban Pháp luật của Quốc hội", "Ủy ban Pháp luật của Quốc hội", "Quốc hội"),
    ("Ủy ban Văn hóa, Giáo dục của Quốc hội", "Ủy ban Văn hóa, Giáo dục của Quốc hội", "Quốc hội"),
    ("Ban Tổ chức Trung ương", "Ban Tổ chức Trung ương", "Ban Chấp hành Trung ương Đảng"),
    ("Ban Dân vận TW", "Ban Dân vận Trung ương", "Ban Chấp hành Trung ương Đảng"),
    ("Ủy ban Kiểm tra Trung ương", "Ủy ban Kiểm tra Trung ương", "Ban Chấp hành Trung ương Đảng"),
    ("Thanh tra Chính phủ", "Thanh tra Chính phủ", "Chính phủ"),
    ("Ngân hàng Nhà nước", "Ngân hàng Nhà nước Việt Nam", "Chính phủ"),
    ("Ngân hàng Chính sách xã hội", "Ngân hàng Chính sách xã hội Việt Nam", "Chính phủ"),
    ("Học viện Chính trị khu vực II", "Học viện Chính trị khu vực II", "Học viện Chính trị quốc gia Hồ Chí Minh"),
    ("Hội đồng trị sự Giáo hội Phật giáo Việt Nam", "Hội đồng Trị sự Giáo hội Phật giáo Việt Nam",
     "Giáo hội Phật giáo Việt Nam"),
    ("Tổng Liên đoàn Lao động Việt Nam", "Tổng Liên đoàn Lao động Việt Nam", None),
])
def test_national_bodies_with_their_parents(written: str, label: str, parent: str | None) -> None:
    found = orgs(f"Hôm qua, đại diện {written} đã làm việc với tỉnh.", P("Hà Giang"))
    assert [o.label for o in found] == [label]
    assert found[0].national
    par = parent_of(found[0])
    assert (par.label if par else None) == parent
    assert org_key(found[0], "x").startswith("vn/")


@pytest.mark.parametrize("written", [
    "Bộ Lao động - Thương binh và Xã hội", "Bộ Thông tin và Truyền thông", "Bộ Tài nguyên và Môi trường",
    "Bộ Kế hoạch và Đầu tư", "Bộ Nông nghiệp và Môi trường", "Bộ Khoa học và Công nghệ", "Bộ Nội vụ",
])
def test_ministries_before_and_after_2025(written: str) -> None:
    assert labels(f"Lãnh đạo {written} phát biểu.") == [written]


def test_ethnic_affairs_departments_belong_to_the_body_of_their_time() -> None:
    before = orgs("Vụ Địa phương II và Học viện Dân tộc của Ủy ban Dân tộc tham dự.")
    assert [(o.label, parent_of(o).label) for o in before if o.kind.startswith("don-vi")] == [
        ("Vụ Địa phương II", "Ủy ban Dân tộc"), ("Học viện Dân tộc", "Ủy ban Dân tộc")]
    after = orgs("Bộ Dân tộc và Tôn giáo giao Vụ Tuyên truyền chủ trì.")
    unit = next(o for o in after if o.label == "Vụ Tuyên truyền")
    assert parent_of(unit).label == "Bộ Dân tộc và Tôn giáo"
    assert org_key(unit, "x") != org_key(next(o for o in before if o.label == "Vụ Địa phương II"), "x")


def test_provincial_mass_organisations_and_religious_bodies() -> None:
    text = ("Hội Đoàn kết sư sãi yêu nước tỉnh Sóc Trăng, Ban Trị sự Giáo hội Phật giáo Việt Nam tỉnh "
            "và Hội Chữ thập đỏ tỉnh cùng dự.")
    assert labels(text, P("Sóc Trăng")) == [
        "Hội Đoàn kết sư sãi yêu nước tỉnh Sóc Trăng",
        "Ban Trị sự Giáo hội Phật giáo Việt Nam tỉnh Sóc Trăng",
        "Hội Chữ thập đỏ tỉnh Sóc Trăng"]


def test_youth_union_and_border_post() -> None:
    assert labels("Tỉnh đoàn phối hợp với Đồn Biên phòng Pa Vệ Sủ.", P("Lai Châu")) == [
        "Tỉnh đoàn Lai Châu", "Đồn Biên phòng Pa Vệ Sủ"]
    assert labels("Cả tỉnh đoàn kết một lòng.", P("Lai Châu")) == []


def test_named_company() -> None:
    assert labels("Công ty cổ phần Chè Tây Bắc tài trợ lớp học.") == ["Công ty cổ phần Chè Tây Bắc"]


# --- lists under one head word --------------------------------------------------------------------
def test_ministries_listed_after_one_head() -> None:
    assert labels("Đại diện các Bộ: Y tế, Tư pháp, Quốc phòng và Bộ Ngoại giao dự họp.") == [
        "Bộ Y tế", "Bộ Tư pháp", "Bộ Quốc phòng", "Bộ Ngoại giao"]


def test_departments_listed_after_one_head_take_the_province_after_the_last() -> None:
    assert labels("Lãnh đạo các Sở Nội vụ, Tài chính và Xây dựng tỉnh Cao Bằng có mặt.", P("Bắc Kạn")) == [
        "Sở Nội vụ tỉnh Cao Bằng", "Sở Tài chính tỉnh Cao Bằng", "Sở Xây dựng tỉnh Cao Bằng"]
    assert labels("Sở Y tế, Giáo dục và Đào tạo phối hợp.", P("Bắc Kạn")) == [
        "Sở Y tế tỉnh Bắc Kạn", "Sở Giáo dục và Đào tạo tỉnh Bắc Kạn"]


def test_a_lower_case_word_after_a_comma_is_prose_not_a_member() -> None:
    assert labels("Sở Y tế, xây dựng kế hoạch năm.", P("Bắc Kạn")) == ["Sở Y tế tỉnh Bắc Kạn"]


def test_district_committees_listed_after_one_head() -> None:
    found = orgs("Tham dự có UBND các huyện Mèo Vạc, Đồng Văn và TP. Hà Giang.", P("Hà Giang"))
    assert [(o.label, o.kind) for o in found] == [
        ("Ủy ban nhân dân huyện Mèo Vạc", "ubnd-huyen"), ("Ủy ban nhân dân huyện Đồng Văn", "ubnd-huyen"),
        ("Ủy ban nhân dân thành phố Hà Giang", "ubnd-huyen")]


def test_provincial_boards_listed_after_one_head() -> None:
    found = orgs("Có đại diện Ban Dân tộc các tỉnh Cao Bằng, Lạng Sơn và Bắc Kạn.", P("Thái Nguyên"))
    assert [(o.label, o.province) for o in found] == [
        ("Ban Dân tộc tỉnh Cao Bằng", "cao-bang"), ("Ban Dân tộc tỉnh Lạng Sơn", "lang-son"),
        ("Ban Dân tộc tỉnh Bắc Kạn", "bac-kan")]


def test_commune_committees_listed() -> None:
    assert labels("UBND các xã Nậm Ban, Hua Bum đã báo cáo.", P("Lai Châu")) == [
        "Ủy ban nhân dân xã Nậm Ban", "Ủy ban nhân dân xã Hua Bum"]


@pytest.mark.parametrize("text", [
    "Ban Dân tộc các tỉnh, thành phố đã triển khai.",
    "UBND các huyện, thành phố báo cáo kết quả.",
    "Các Sở, ngành liên quan phối hợp.",
    "UBND các huyện Mèo Vạc; Chủ tịch các xã dự.",
])
def test_lists_with_no_named_member_are_generic(text: str) -> None:
    found = labels(text, P("Hà Giang"))
    assert all("Chủ" not in x for x in found)
    assert found in ([], ["Ủy ban nhân dân huyện Mèo Vạc"])


# --- standing and executive boards ----------------------------------------------------------------
def test_standing_bodies_of_party_and_council() -> None:
    found = orgs("Được sự ủy quyền của Thường trực Tỉnh ủy, Thường trực HĐND tỉnh đã họp.", P("Yên Bái"))
    assert [o.label for o in found] == ["Thường trực Tỉnh ủy Yên Bái", "Tỉnh ủy Yên Bái",
                                        "Thường trực Hội đồng nhân dân tỉnh Yên Bái", "Hội đồng nhân dân tỉnh Yên Bái"]
    assert parent_of(found[0]).label == "Tỉnh ủy Yên Bái"
    assert org_key(found[0], "x") != org_key(found[2], "x")


def test_a_standing_title_is_not_a_standing_body() -> None:
    text = "Bà Lò Thị Hoa, Phó Bí thư Thường trực Tỉnh ủy, Phó Chủ tịch Thường trực UBND tỉnh dự."
    assert labels(text, P("Yên Bái")) == ["Tỉnh ủy Yên Bái", "Ủy ban nhân dân tỉnh Yên Bái"]
    assert body_from_phrase("Thường trực Tỉnh ủy", P("Yên Bái")).label == "Tỉnh ủy Yên Bái"


def test_executive_board_of_an_association() -> None:
    found = orgs("Ông Sơn Lâm, Ủy viên Ban Chấp hành Hội Nông dân tỉnh Trà Vinh phát biểu.")
    assert [o.label for o in found] == ["Ban Chấp hành Hội Nông dân tỉnh Trà Vinh", "Hội Nông dân tỉnh Trà Vinh"]
    assert parent_of(found[0]).label == "Hội Nông dân tỉnh Trà Vinh"


# --- memberships name their body ------------------------------------------------------------------
@pytest.mark.parametrize(("text", "label"), [
    ("Ông A Páo, Ủy viên Trung ương Đảng, phát biểu.", "Ban Chấp hành Trung ương Đảng"),
    ("Bà Hà Thị B, Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng, dự.", "Ban Chấp hành Trung ương Đảng"),
    ("Dự có các Ủy viên T.Ư Đảng: Lê C, Trần D.", "Ban Chấp hành Trung ương Đảng"),
    ("Ông E - UVTW, Bộ trưởng.", "Ban Chấp hành Trung ương Đảng"),
    ("Ông G - UVBTVTU, Phó Chủ tịch UBND tỉnh.", "Ban Thường vụ Tỉnh ủy Kon Tum"),
    ("Ông H, Ủy viên Thường vụ Tỉnh ủy, dự.", "Ban Thường vụ Tỉnh ủy Kon Tum"),
])
def test_memberships_name_the_body(text: str, label: str) -> None:
    assert labels(text, P("Kon Tum"))[0] == label


def test_central_secretary_is_a_title_of_the_secretariat_not_a_listed_body() -> None:
    assert labels("Ông K, Bí thư Trung ương Đảng, phát biểu.") == []
    assert body_from_phrase("Bí thư Trung ương Đảng", None).kind == "ban-bi-thu"
    # a member of another body's central committee is no member of the Party's
    assert labels("Ông L, Ủy viên Trung ương Hội Nông dân Việt Nam.") == ["Hội Nông dân Việt Nam"]


@pytest.mark.parametrize(("phrase", "label"), [
    ("Trung ương Đảng", "Ban Chấp hành Trung ương Đảng"),
    ("T.Ư", "Ban Chấp hành Trung ương Đảng"),
    ("UBMT Tổ quốc Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh Điện Biên"),
    ("Mặt trận Tổ quốc tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh Điện Biên"),
    ("Ban Dân vận", "Ban Dân vận Tỉnh ủy Điện Biên"),
    ("Học viện Chính trị khu vực I", "Học viện Chính trị khu vực I"),
    ("UBND thành phố Điện Biên Phủ", "Ủy ban nhân dân thành phố Điện Biên Phủ"),
])
def test_body_from_phrase_of_titles(phrase: str, label: str) -> None:
    org = body_from_phrase(phrase, P("Điện Biên"))
    assert org is not None and org.label == label


def test_body_from_phrase_takes_the_district_from_the_article() -> None:
    context = find_organizations("Đại hội huyện Tủa Chùa có UBND huyện Tủa Chùa chỉ đạo.", [], P("Điện Biên"))
    org = body_from_phrase("Huyện ủy", P("Điện Biên"), context)
    assert org is not None and org.label == "Huyện ủy Tủa Chùa"
    assert body_from_phrase("Huyện ủy", P("Điện Biên")) is None


# --- the article's one district -------------------------------------------------------------------
def test_bare_district_bodies_take_the_one_district_named() -> None:
    text = ("Huyện Si Ma Cai tổ chức Đại hội. Đồng chí Vàng A Dình, Bí thư Huyện ủy, Chủ tịch HĐND huyện "
            "dự; các đồng chí trong Ban Thường vụ Huyện ủy cùng dự.")
    assert labels(text, P("Lào Cai")) == ["Huyện ủy Si Ma Cai", "Hội đồng nhân dân huyện Si Ma Cai",
                                          "Ban Thường vụ Huyện ủy Si Ma Cai", "Huyện ủy Si Ma Cai"]


def test_two_districts_leave_a_bare_one_unresolved() -> None:
    text = "Huyện Si Ma Cai và huyện Bắc Hà dự. Bí thư Huyện ủy phát biểu."
    assert "Huyện ủy" not in " ".join(labels(text, P("Lào Cai")))


# --- boundaries and not bodies --------------------------------------------------------------------
def test_committee_name_stops_at_the_person() -> None:
    text = "Phó Chủ tịch UBND tỉnh, Trưởng ban Ban Chỉ đạo Đại hội ông Lò Văn M phát biểu."
    assert labels(text, P("Sơn La"))[-1] == "Ban Chỉ đạo Đại hội"


def test_source_credit_is_not_a_body() -> None:
    assert labels("Theo Báo Sơn La điện tử") == []
    assert labels("Phóng viên Báo Sơn La đưa tin.") == ["Báo Sơn La"]


def test_radio_department_footer_is_not_the_provincial_board() -> None:
    assert labels("BAN DÂN TỘC (VOV4) / Địa chỉ: Hà Nội", P("Sóc Trăng")) == []


def test_bare_board_in_a_council_board_article_is_the_council_board() -> None:
    text = "Ban Dân tộc HĐND tỉnh Ninh Thuận đã giám sát. Trong tháng, Ban Dân tộc đã làm việc với các xã."
    assert labels(text, P("Ninh Thuận")) == ["Ban Dân tộc Hội đồng nhân dân tỉnh Ninh Thuận"] * 2


# --- the name trie matches what the flat alternation matched ---------------------------------------
_FORMS = [f for name, e in national_directory().items() for f in (name, *(e.get("forms") or ()))
          if any(ch.islower() for ch in f)]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_FORMS), min_size=1, max_size=12, unique=True), st.sampled_from(_FORMS))
def test_trie_matches_like_the_flat_alternation(forms: list[str], probe: str) -> None:
    flat = re.compile("(?:" + "|".join(_form_rx(f) for f in sorted(forms, key=len, reverse=True)) + r")(?!\w)",
                      re.IGNORECASE)
    trie = re.compile("(?:" + _trie_rx(forms) + r")(?!\w)", re.IGNORECASE)
    text = f"Đại diện {probe} dự."
    a, b = flat.search(text), trie.search(text)
    assert (a.span() if a else None) == (b.span() if b else None)


# --- communes (the level under the province after 2025) and district Party boards ------------------
def test_commune_bodies_are_named_with_their_commune() -> None:
    found = orgs("Đảng ủy xã Tả Phìn, HĐND xã Tả Phìn và Ủy ban MTTQ xã Tả Phìn đã họp.", P("Lào Cai"))
    assert [(o.label, o.kind) for o in found] == [
        ("Đảng ủy xã Tả Phìn", "dang-uy-xa"), ("Hội đồng nhân dân xã Tả Phìn", "hdnd-xa"),
        ("Ủy ban Mặt trận Tổ quốc xã Tả Phìn", "mttq-xa")]
    assert len({org_key(o, "x") for o in found}) == 3
    assert labels("Các đồng chí Bí thư Đảng ủy xã, Chủ tịch HĐND xã dự.", P("Lào Cai")) == []


def test_district_party_boards_keep_their_district() -> None:
    found = orgs("Ban Tuyên giáo Huyện ủy Phong Thổ, Ủy ban Kiểm tra Huyện ủy Phong Thổ cùng dự.", P("Lai Châu"))
    assert [o.label for o in found] == ["Ban Tuyên giáo Huyện ủy Phong Thổ", "Ủy ban Kiểm tra Huyện ủy Phong Thổ"]
    assert parent_of(found[0]).label == "Huyện ủy Phong Thổ"
    assert org_key(found[0], "x") != org_key(found[1], "x")


def test_party_boards_listed_after_one_head() -> None:
    assert labels("Lãnh đạo các Ban: Tổ chức, Nội chính, Dân vận Tỉnh ủy dự.", P("Lai Châu")) == [
        "Ban Tổ chức Tỉnh ủy Lai Châu", "Ban Nội chính Tỉnh ủy Lai Châu", "Ban Dân vận Tỉnh ủy Lai Châu"]
    assert labels("Lãnh đạo các Ban Đảng dự.", P("Lai Châu")) == []


def test_district_offices_listed_after_one_head() -> None:
    assert labels("Phòng Dân tộc các huyện Phong Thổ, Sìn Hồ và thành phố Lai Châu.", P("Lai Châu")) == [
        "Phòng Dân tộc huyện Phong Thổ", "Phòng Dân tộc huyện Sìn Hồ", "Phòng Dân tộc thành phố Lai Châu"]


def test_one_member_after_a_plural_head_is_generic() -> None:
    assert labels("Các sở GD&ĐT cần chuẩn bị kỹ.", P("Cà Mau")) == []
    assert labels("Các Sở: Y tế đã báo cáo.", P("Cà Mau")) == ["Sở Y tế tỉnh Cà Mau"]


def test_company_name_cut_by_small_letters_is_left_out() -> None:
    assert labels("Công ty cổ phần Du lịch Hòa Bình tài trợ.") == []
    assert labels("Công ty TNHH Minh Phát tài trợ.") == ["Công ty TNHH Minh Phát"]


def test_district_agencies_keep_their_district() -> None:
    found = orgs("Công an huyện Mường Tè, Ban Chỉ huy Quân sự huyện Mường Tè và Phòng giao dịch NHCSXH huyện "
                 "Mường Tè phối hợp.", P("Lai Châu"))
    assert [o.label for o in found] == [
        "Công an huyện Mường Tè", "Ban Chỉ huy Quân sự huyện Mường Tè",
        "Phòng giao dịch Ngân hàng Chính sách xã hội huyện Mường Tè"]
    assert len({org_key(o, "x") for o in found}) == 3
    assert labels("Công an các huyện đều có mặt.", P("Lai Châu")) == []


def test_associations_named_before_their_province() -> None:
    assert labels("Hội Bảo trợ người khuyết tật tỉnh Phú Yên trao quà.") == [
        "Hội Bảo trợ người khuyết tật tỉnh Phú Yên"]


@pytest.mark.parametrize("text", [
    "Đại hội Đại biểu các dân tộc thiểu số tỉnh Phú Yên thành công.",
    "Lễ hội Cầu ngư tỉnh Phú Yên diễn ra.",
    "Hội thi Văn nghệ tỉnh Phú Yên khai mạc.",
])
def test_events_written_like_associations_are_not_bodies(text: str) -> None:
    assert not [x for x in labels(text) if x.startswith("Hội")]


@pytest.mark.parametrize("text", [
    "Trưởng Ban Chỉ đạo Đại hội Nguyễn Văn An phát biểu.",
    "Trưởng Ban Chỉ đạo Đại hội đồng chí Lò Văn Bình phát biểu.",
    "Ban Chỉ đạo Đại hội. Sáng 3/8, các đại biểu dâng hương.",
])
def test_committee_name_stops_at_a_person_or_a_time(text: str) -> None:
    assert labels(text, P("Sơn La")) == ["Ban Chỉ đạo Đại hội"]


# --- offices, inspectorates and divisions of a body -------------------------------------------------
def test_subunits_of_a_provincial_board_and_department() -> None:
    found = orgs("Văn phòng Ban Dân tộc tỉnh và Thanh tra Sở Tài chính cùng dự.", P("Kon Tum"))
    assert [(o.label, o.kind) for o in found] == [
        ("Văn phòng Ban Dân tộc tỉnh Kon Tum", "don-vi"), ("Ban Dân tộc tỉnh Kon Tum", "ban-dan-toc-tinh"),
        ("Thanh tra Sở Tài chính tỉnh Kon Tum", "don-vi"), ("Sở Tài chính tỉnh Kon Tum", "so")]
    assert parent_of(found[0]).label == "Ban Dân tộc tỉnh Kon Tum"
    assert parent_of(found[2]).label == "Sở Tài chính tỉnh Kon Tum"


def test_division_named_in_a_title_or_before_a_comma() -> None:
    assert labels("Bà Y Hoa, Trưởng phòng Chính sách Ban Dân tộc tỉnh phát biểu.", P("Kon Tum"))[0] == \
        "Phòng Chính sách Ban Dân tộc tỉnh Kon Tum"
    assert labels("Phòng Tuyên truyền và Địa bàn, Ban Dân tộc tỉnh Kon Tum.")[0] == \
        "Phòng Tuyên truyền và Địa bàn Ban Dân tộc tỉnh Kon Tum"


@pytest.mark.parametrize("text", [
    "Đoàn Thanh tra Ủy ban Dân tộc làm việc tại tỉnh.",
    "Lãnh đạo phòng chuyên môn thuộc Ban Dân tộc dự.",
    "Phòng họp Ban Dân tộc được sửa.",
])
def test_teams_and_generic_divisions_are_not_subunits(text: str) -> None:
    assert not [o for o in orgs(text, P("Kon Tum")) if o.kind == "don-vi"]


def test_provincial_capital_committee_is_district_level_unless_the_city_is_the_province() -> None:
    assert orgs("UBND thành phố Quảng Ngãi chỉ đạo.")[0].kind == "ubnd-huyen"
    assert orgs("UBND thành phố Cần Thơ chỉ đạo.")[0].kind == "ubnd-tinh"
    assert orgs("UBND thành phố Huế chỉ đạo.")[0].kind == "ubnd-tinh"      # the gazetteer's "Thành phố Huế"


def test_department_of_every_province_is_generic() -> None:
    assert labels("Sở Dân tộc và Tôn giáo các tỉnh, thành phố đã triển khai.", P("Cà Mau")) == []


def test_list_grammar_is_reusable_for_names() -> None:
    from graph.extract.organizations import LIST_SEP, list_members

    text = "các Thứ trưởng: Y Vinh Tơr, Nông Thị Hà và Lê Sơn Hải dự họp."
    first = re.search(r"Y Vinh Tơr", text)
    more = re.compile(LIST_SEP + r"(?P<name>[A-ZĐÂ]\w*(?:\s+[A-ZĐÂ]\w*)+)")
    got = [m.group("name") for m in list_members(text, first.end(), more)]
    assert got == ["Nông Thị Hà", "Lê Sơn Hải"]
    assert list_members("A, bà B", 1, more) == []


@pytest.mark.parametrize(("written", "label"), [
    ("BDT tỉnh", "Ban Dân tộc tỉnh Sơn La"),
    ("Sở DTTG", "Sở Dân tộc và Tôn giáo tỉnh Sơn La"),
    ("Bộ DTTG", "Bộ Dân tộc và Tôn giáo"),
    ("UBTƯ MTTQ Việt Nam", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"),
    ("HĐDT của Quốc hội", "Hội đồng Dân tộc của Quốc hội"),
    ("UBMTTQVN tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh Sơn La"),
    ("UBMT Tổ quốc tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh Sơn La"),
])
def test_more_abbreviations(written: str, label: str) -> None:
    assert labels(f"Đại diện {written} phát biểu.", P("Sơn La")) == [label]


def test_issuer_code_inside_a_document_number_is_no_mention() -> None:
    assert labels("Theo Kế hoạch số 12/KH-BDT ngày 3/5/2024.", P("Sơn La")) == []


def test_national_issuer_codes_inside_document_numbers_are_no_mentions() -> None:
    assert labels("Báo cáo số 12/BC-HĐDT và Quyết định số 5/QĐ-UBDT đã ban hành.") == []
    assert labels("Ủy ban Dân tộc (UBDT) và HĐDT đã ban hành.") == ["Ủy ban Dân tộc", "Ủy ban Dân tộc",
                                                                    "Hội đồng Dân tộc của Quốc hội"]


def test_council_committees_listed_before_the_council() -> None:
    assert labels("Ban Kinh tế - Ngân sách, Ban Văn hóa - Xã hội HĐND tỉnh dự.", P("Bình Phước")) == [
        "Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh Bình Phước",
        "Ban Văn hóa - Xã hội Hội đồng nhân dân tỉnh Bình Phước"]
    assert labels("Lãnh đạo các Ban: Pháp chế, Dân tộc của HĐND tỉnh.", P("Bình Phước")) == [
        "Ban Pháp chế Hội đồng nhân dân tỉnh Bình Phước", "Ban Dân tộc Hội đồng nhân dân tỉnh Bình Phước"]


def test_committee_named_in_small_letters_ending_with_its_unit() -> None:
    assert labels("Ban Chỉ đạo các Chương trình mục tiêu quốc gia tỉnh họp.", P("Cao Bằng")) == [
        "Ban Chỉ đạo các Chương trình mục tiêu quốc gia tỉnh Cao Bằng"]
    assert labels("Ban Chỉ đạo công tác dân tộc huyện Bảo Lạc họp.", P("Cao Bằng")) == [
        "Ban Chỉ đạo công tác dân tộc huyện Bảo Lạc"]
    assert labels("Ban Chỉ đạo các huyện đã họp. Ban Chỉ đạo cấp tỉnh đã họp.", P("Cao Bằng")) == []
