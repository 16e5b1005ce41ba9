"""Gazetteer: lookups in every spelling, the 63 -> 34 map, mentions and the article's province."""

from __future__ import annotations

import pytest

from graph.resolve.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def test_63_provinces_with_unique_codes_and_slugs(gaz: Gazetteer) -> None:
    assert len(gaz.provinces) == 63
    assert len({p.code for p in gaz.provinces.values()}) == 63
    assert all(p.slug.isascii() for p in gaz.provinces.values())
    assert gaz.province("Trà Vinh").code == "84"
    assert gaz.province("Hà Giang").code == "02"
    assert gaz.province("Cà Mau").code == "96"
    assert gaz.province("Đắk Nông").code == "67"


def test_34_units_and_every_old_province_maps_to_one(gaz: Gazetteer) -> None:
    assert len(gaz.units_2025) == 34
    covered: list[str] = []
    for p in gaz.provinces.values():
        unit = gaz.successor(p)
        assert unit.slug in gaz.units_2025
    for slug in gaz.units_2025:
        covered.extend(p.slug for p in gaz.merged_from(slug))
    assert sorted(covered) == sorted(gaz.provinces)       # each old province in exactly one unit


@pytest.mark.parametrize(("old", "new_name", "partners"), [
    ("Hà Giang", "Tuyên Quang", {"tuyen-quang", "ha-giang"}),
    ("Yên Bái", "Lào Cai", {"lao-cai", "yen-bai"}),
    ("Hòa Bình", "Phú Thọ", {"phu-tho", "vinh-phuc", "hoa-binh"}),
    ("Kon Tum", "Quảng Ngãi", {"quang-ngai", "kon-tum"}),
    ("Bình Thuận", "Lâm Đồng", {"lam-dong", "dak-nong", "binh-thuan"}),
    ("Trà Vinh", "Vĩnh Long", {"vinh-long", "ben-tre", "tra-vinh"}),
    ("Bà Rịa - Vũng Tàu", "Hồ Chí Minh", {"ho-chi-minh", "binh-duong", "ba-ria-vung-tau"}),
    ("Kiên Giang", "An Giang", {"an-giang", "kien-giang"}),
])
def test_merger_groups(gaz: Gazetteer, old: str, new_name: str, partners: set[str]) -> None:
    unit = gaz.successor(old)
    assert unit.name == new_name
    assert {p.slug for p in gaz.merged_from(unit.slug)} == partners


@pytest.mark.parametrize("name", ["Hà Nội", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh",
                                  "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Thừa Thiên Huế"])
def test_unchanged_provinces_are_their_own_unit(gaz: Gazetteer, name: str) -> None:
    p = gaz.province(name)
    assert p.merged_into is None
    assert gaz.successor(p).slug == p.slug


@pytest.mark.parametrize(("written", "slug"), [
    ("Hoà Bình", "hoa-binh"), ("HÒA BÌNH", "hoa-binh"), ("Thanh Hoá", "thanh-hoa"),
    ("Khánh Hoà", "khanh-hoa"), ("Đăk Lăk", "dak-lak"), ("Đắc Lắk", "dak-lak"), ("Đắk Lắk", "dak-lak"),
    ("Kontum", "kon-tum"), ("Kon Tum", "kon-tum"), ("TP.HCM", "ho-chi-minh"),
    ("TP Hồ Chí Minh", "ho-chi-minh"), ("Thành phố Hồ Chí Minh", "ho-chi-minh"),
    ("Thừa Thiên - Huế", "thua-thien-hue"), ("Huế", "thua-thien-hue"),
    ("Bà Rịa–Vũng Tàu", "ba-ria-vung-tau"), ("Bà Rịa-Vũng Tàu", "ba-ria-vung-tau"), ("Bắc Cạn", "bac-kan"),
    ("tỉnh Sóc Trăng", "soc-trang"), ("thành phố Cần Thơ", "can-tho"), ("tra-vinh", "tra-vinh"),
    ("Đăk Nông", "dak-nong"), ("  bạc   liêu ", "bac-lieu"),
])
def test_lookup_every_spelling(gaz: Gazetteer, written: str, slug: str) -> None:
    p = gaz.province(written)
    assert p is not None and p.slug == slug


def test_every_alias_resolves_to_its_province(gaz: Gazetteer) -> None:
    for p in gaz.provinces.values():
        for form in (p.name, p.slug, *p.aliases):
            assert gaz.province(form) is p, form


@pytest.mark.parametrize("word", ["Hà", "Sơn", "Bình", "tỉnh", "", "Long", "Giang"])
def test_fragments_are_no_province(gaz: Gazetteer, word: str) -> None:
    assert gaz.province(word) is None


def test_kind_and_capital(gaz: Gazetteer) -> None:
    assert gaz.province("Đà Nẵng").is_city and gaz.province("Đà Nẵng").capital is None
    assert gaz.province("Gia Lai").kind == "tỉnh" and gaz.province("Gia Lai").capital == "Pleiku"
    assert gaz.province_of_capital("Buôn Ma Thuột").slug == "dak-lak"
    assert gaz.province_of_capital("Vinh").slug == "nghe-an"


def test_districts_link_to_their_province(gaz: Gazetteer) -> None:
    assert {d.province for d in gaz.districts_named("Mù Cang Chải")} == {"yen-bai"}
    assert {d.province for d in gaz.districts_named("Ia H'Drai")} == {"kon-tum"}
    assert {d.province for d in gaz.districts_named("Bảo Lâm")} == {"cao-bang", "lam-dong"}   # ambiguous


def test_find_provinces_in_text(gaz: Gazetteer) -> None:
    text = "Đoàn công tác tỉnh Sóc Trăng thăm Đắk Nông và KON TUM; ông Nguyễn Thái Bình phát biểu."
    found = [(text[s:e], p.slug) for s, e, p in gaz.find_provinces(text)]
    assert found == [("Sóc Trăng", "soc-trang"), ("Đắk Nông", "dak-nong"), ("KON TUM", "kon-tum")]


def test_person_names_and_lower_case_are_not_places(gaz: Gazetteer) -> None:
    text = "Bà Lò Thị Thanh Hóa và ông Trần Long An dự; mong ước hòa bình, vững bền."
    assert gaz.find_provinces(text) == []


def test_not_places(gaz: Gazetteer) -> None:
    assert gaz.find_provinces("các nước ven Thái Bình Dương") == []


def test_old_tone_style_in_running_text(gaz: Gazetteer) -> None:
    text = "Hội nghị tại tỉnh Khánh Hoà."
    (s, e, p), = gaz.find_provinces(text)
    assert text[s:e] == "Khánh Hoà" and p.slug == "khanh-hoa"


def test_article_province_from_bodies(gaz: Gazetteer) -> None:
    text = ("Sáng 14/5, Ban Dân tộc tỉnh Sóc Trăng tổ chức hội nghị tập huấn cho người có uy tín. "
            "Dự hội nghị có đại diện UBND tỉnh Sóc Trăng. Đoàn đã học tập kinh nghiệm ở Cần Thơ.")
    assert gaz.article_province(text).slug == "soc-trang"


def test_article_province_from_title(gaz: Gazetteer) -> None:
    text = "Ban Dân tộc tổ chức gặp mặt người có uy tín năm 2023 tại hội trường tỉnh."
    assert gaz.article_province(text) is None
    assert gaz.article_province(text, title="Đắk Lắk: gặp mặt người có uy tín").slug == "dak-lak"


def test_article_province_from_capital_city(gaz: Gazetteer) -> None:
    text = "Hội nghị diễn ra tại thành phố Tuyên Quang với sự tham gia của các phòng dân tộc."
    assert gaz.article_province(text).slug == "tuyen-quang"


def test_article_province_none_without_a_name_or_on_a_tie(gaz: Gazetteer) -> None:
    assert gaz.article_province("UBND tỉnh đã chỉ đạo các sở, ban, ngành của tỉnh.") is None
    tie = "Ban Dân tộc tỉnh Lai Châu và Ban Dân tộc tỉnh Gia Lai ký kết chương trình phối hợp."
    assert gaz.article_province(tie) is None


def test_article_province_footer_is_strong(gaz: Gazetteer) -> None:
    body = "Đoàn công tác đã đến thăm tỉnh Quảng Nam và làm việc với các đơn vị. " * 20
    footer = "\nBản quyền thuộc Ban Dân tộc tỉnh Kon Tum. Địa chỉ: đường Trần Phú."
    assert gaz.article_province(body + footer).slug in ("kon-tum", "quang-nam")
    footer2 = footer + " Cơ quan chủ quản: UBND tỉnh Kon Tum."
    assert gaz.article_province("Đoàn công tác tỉnh Quảng Nam tới thăm." + footer2).slug == "kon-tum"


def test_person_name_does_not_decide_province(gaz: Gazetteer) -> None:
    text = "Ông Hà Thanh Sơn, Phó Trưởng Ban Dân tộc tỉnh Bình Phước, phát biểu. Ông Nguyễn Thái Bình dự."
    assert gaz.article_province(text).slug == "binh-phuoc"
