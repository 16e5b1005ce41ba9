"""A saved page's masthead (its site name in <title> or og:site_name) names the report's province when the
text names none: the annotation counts a portal masthead, and the plain-text copy of the same page keeps it
as its first line (made-up pages)."""

from __future__ import annotations

from graph.extract.pipeline import extract_article
from graph.read import read_text

BODY = ("<p>Sáng 12/3/2024, Ban Dân tộc tỉnh tổ chức hội nghị triển khai nhiệm vụ năm 2024. "
        "Ông Hoàng Văn Bảy, Phó Chủ tịch UBND tỉnh dự và chỉ đạo hội nghị.</p>")


def page(title: str, site_name: str | None = None) -> str:
    og = f'<meta property="og:site_name" content="{site_name}">' if site_name else ""
    return (f"<html><head><meta charset='utf-8'><title>{title}</title>{og}</head><body>"
            f"<div class='menu'><a href='/'>Trang chủ</a></div><article><h1>Hội nghị triển khai nhiệm vụ năm 2024</h1>"
            f"{BODY}</article><div class='footer'>Lượt truy cập: 1234</div></body></html>")


def bodies(raw: str) -> set[str]:
    facts = extract_article(read_text(raw, source="p", html=True))
    return {o.org.label for o in facts.organizations}


def test_the_site_name_in_the_title_places_a_report_that_names_no_province() -> None:
    got = bodies(page("Hội nghị triển khai nhiệm vụ năm 2024 - Cổng thông tin điện tử tỉnh Bắc Kạn"))
    assert "Ban Dân tộc tỉnh Bắc Kạn" in got and "Ủy ban nhân dân tỉnh Bắc Kạn" in got


def test_og_site_name_of_a_provincial_outlet_places_it_too() -> None:
    got = bodies(page("Hội nghị triển khai nhiệm vụ năm 2024", site_name="Báo Lâm Đồng"))
    assert "Ban Dân tộc tỉnh Lâm Đồng" in got


def test_a_national_outlet_names_no_province() -> None:
    got = bodies(page("Hội nghị triển khai nhiệm vụ năm 2024 | Báo Dân tộc và Phát triển"))
    assert got and not any(label.endswith(("Bắc Kạn", "Lâm Đồng")) for label in got)


def test_the_text_outweighs_the_masthead() -> None:
    raw = page("Hội nghị - Cổng thông tin điện tử tỉnh Bắc Kạn").replace(
        "Ban Dân tộc tỉnh tổ chức", "Ban Dân tộc tỉnh Cao Bằng tổ chức")
    got = bodies(raw)
    assert "Ban Dân tộc tỉnh Cao Bằng" in got and not any("Bắc Kạn" in x for x in got)
