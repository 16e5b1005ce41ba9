"""Fuzzing the whole path (read -> extract -> map -> RDF) with text from a grammar of Vietnamese report
fragments (bodies, titles, names, document numbers, dates, events, programmes, figures, boilerplate)
mixed with random unicode, so the examples reach deep into every extractor.

Properties: no exception on any text; every article graph conforms to the shapes; every IRI we mint
matches its shape's pattern and holds only [A-Za-z0-9/#=,._:-].  The number of examples comes from
the hypothesis profile (tests/conftest.py: "suite" for the test suite, "fuzz" for .ci/fuzz.sh); in
the suite they are cut to a few dozen (the SHACL property to 15) to keep it fast.
"""

from __future__ import annotations

import os
import re
from datetime import date
from functools import cache

import pyoxigraph as ox
import rdflib
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from graph.extract.pipeline import extract_article
from graph.rdf.mapping import build_article_graph
from graph.read import ReadError, read_text
from graph.resolve.gazetteer import Gazetteer
from graph.resolve.orgs import guide_of, org_key, parent_of
from graph.text.dates import PartialDate, format_date
from graph.validate import default_shapes_path, validate

IN_SUITE = settings.get_current_profile_name() in ("suite", "default")
EXAMPLES = os.environ.get("DANTOC_FUZZ_EXAMPLES")   # a longer hunt: .ci/fuzz.sh passes it through


def budget(suite_examples: int) -> settings:
    """Few examples in the test suite; the profile's own number (or DANTOC_FUZZ_EXAMPLES) in the fuzz run."""
    extra = {"max_examples": suite_examples} if IN_SUITE else {}
    if EXAMPLES and not IN_SUITE:
        extra = {"max_examples": int(EXAMPLES)}
    return settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
                    **extra)


PROVINCES = ["Sơn La", "Hà Giang", "Kon Tum", "Gia Lai", "Đắk Lắk", "Sóc Trăng", "Trà Vinh", "Lai Châu",
             "Thanh Hoá", "Hoà Bình", "Bắc Kạn", "Cà Mau", "Lâm Đồng", "Quảng Ngãi", "Điện Biên"]
BODIES = ["Ban Dân tộc tỉnh {p}", "Ban Dân tộc", "UBND tỉnh {p}", "Ủy ban nhân dân tỉnh {p}", "UBND tỉnh",
          "HĐND tỉnh {p}", "Tỉnh ủy {p}", "Sở Tài chính", "Sở Kế hoạch và Đầu tư tỉnh {p}",
          "Phòng Dân tộc huyện Mường La", "UBND huyện Bảo Lạc", "Ủy ban Dân tộc", "Quốc hội", "Chính phủ",
          "Thủ tướng Chính phủ", "Bộ Tài chính", "Mặt trận Tổ quốc Việt Nam tỉnh {p}", "các sở, ban, ngành"]
ROLES = ["Trưởng Ban Dân tộc tỉnh", "Phó Trưởng Ban Dân tộc tỉnh", "Phó Trưởng ban", "Chủ tịch UBND tỉnh",
         "Phó Chủ tịch UBND tỉnh {p}", "Phó Chủ tịch Thường trực HĐND tỉnh", "Bí thư Tỉnh ủy",
         "Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc", "Thứ trưởng, Phó Chủ nhiệm Ủy ban Dân tộc",
         "Giám đốc Sở Tài chính", "Chánh Văn phòng", "Trưởng phòng Dân tộc huyện", "Ủy viên Ban Thường vụ Tỉnh ủy"]
SURNAMES = ["Nguyễn", "Lò", "Hoàng", "Thạch", "Đinh", "Ksor", "Y", "Lương", "Mùa", "Hà", "Sùng", "Triệu"]
MIDDLES = ["Văn", "Thị", "Thanh", "Đức", "A", "", "Kim"]
GIVENS = ["Minh", "Hùng", "Hoà", "Thuỷ", "Lan", "Pao", "Sơn", "Quý", "Ngọc Anh", "Blái", "Nhất"]
HONORIFICS = ["Ông", "Bà", "ông", "bà", "đồng chí", "Đồng chí", "Đ/c", "Thượng tá"]
DOC_KINDS = ["Quyết định số", "Quyết định", "Nghị quyết số", "Kế hoạch số", "Thông tư số", "Chỉ thị số",
             "Công văn số", "Nghị định", "Thông báo kết luận số", "Đề án"]
KIND_CODES = ["QĐ", "NQ", "KH", "TT", "CT", "NĐ", "TB", "KL", "TTr", "CTr", "Qđ"]
ISSUERS = ["TTg", "CP", "UBND", "BDT", "UBDT", "HĐND", "TU", "TW", "QH14", "QH15", "BTC", "BCĐ", "VPCP"]
EVENTS = ["Hội nghị sơ kết công tác dân tộc 6 tháng đầu năm", "Hội nghị tổng kết công tác dân tộc năm",
          "Hội nghị giao ban", "Lễ tuyên dương người có uy tín", "Đại hội đại biểu các dân tộc thiểu số lần thứ IV",
          "hội thảo", "buổi làm việc", "Hội nghị triển khai nhiệm vụ", "lớp tập huấn", "đoàn công tác"]
PROGRAMMES = ["Chương trình 135", "Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân "
              "tộc thiểu số và miền núi giai đoạn 2021 - 2030", "Chương trình MTQG 1719", "CTMTQG giảm nghèo bền vững",
              "Đề án 498", "Chương trình 134", "Quyết định 755", "chính sách hỗ trợ đất ở, nhà ở"]
FIGURES = ["tỷ lệ hộ nghèo giảm còn {n}%", "với tổng kinh phí {n} tỷ đồng", "{n} triệu đồng", "{n} hộ", "{n} xã",
           "đạt {n}% kế hoạch", "phấn đấu đến năm 2025 giảm {n}%", "{n} người có uy tín", "{n}/{n} xã",
           "trên {n} lượt người", "{n} công trình"]
GLUE = [". ", ", ", " và ", " chủ trì Hội nghị", " tổ chức ", " tại ", " theo ", " của ", " phê duyệt ",
        " ký ban hành ", " dự và chỉ đạo", " phát biểu", " về việc ", " trao Bằng khen cho ", " tập thể và ",
        " cá nhân", " Tham dự có ", ": ", " - ", "\n", "\n\n", " (", ") ", "“", "”", " giai đoạn ", " năm "]
BOILERPLATE = ["Tin, ảnh: ", "Tác giả: ", "Số lượt xem: 12", "Tin khác", "Chia sẻ", "In bài", "Nguồn: ",
               "Cổng thông tin điện tử tỉnh", "BAN DÂN TỘC TỈNH", "Thứ sáu, 22/01/2021 - 09:15", "Trang chủ"]


@st.composite
def names(draw: st.DrawFn) -> str:
    parts = [draw(st.sampled_from(SURNAMES)), draw(st.sampled_from(MIDDLES)), draw(st.sampled_from(GIVENS))]
    name = " ".join(p for p in parts if p)
    return name.upper() if draw(st.integers(0, 9)) == 0 else name


@st.composite
def doc_numbers(draw: st.DrawFn) -> str:
    serial = str(draw(st.integers(1, 3000)))
    kind, issuer = draw(st.sampled_from(KIND_CODES)), draw(st.sampled_from(ISSUERS))
    shape = draw(st.integers(0, 3))
    if shape == 0:
        return f"{serial}/{draw(st.integers(1990, 2030))}/{kind}-{issuer}"
    if shape == 1:
        return f"{serial}-{kind}/{issuer}"
    if shape == 2:
        return f"{serial}/{issuer}-{draw(st.sampled_from(['CSDT', 'VP', 'KHTC', 'TH']))}"
    return f"{serial}/{kind}-{issuer}"


@st.composite
def dates(draw: st.DrawFn) -> str:
    d = draw(st.dates(min_value=date(1940, 1, 1), max_value=date(2105, 12, 31)))
    shape = draw(st.integers(0, 5))
    if shape == 0:
        return format_date(PartialDate.from_date(d), draw(st.sampled_from(["slash", "dash", "dot", "words"])))
    if shape == 1:
        return format_date(PartialDate(d.year, d.month), draw(st.sampled_from(["slash", "words"])))
    if shape == 2:
        return f"ngày {d.day}/{d.month}"
    if shape == 3:
        return f"Sáng nay ({d.day}/{d.month})"
    if shape == 4:
        return f"{d.day} - {d.day + 1}/{d.month}/{d.year}"
    return f"{draw(st.integers(0, 40))}/{draw(st.integers(0, 15))}/{draw(st.integers(0, 3000))}"


def _fill(template: str, province: str, n: str) -> str:
    return template.replace("{p}", province).replace("{n}", n)


@st.composite
def fragments(draw: st.DrawFn) -> str:
    province = draw(st.sampled_from(PROVINCES))
    n = draw(st.sampled_from(["7,89", "1.234", "12,5", "100", "0", "45", "3.000.000", "2", "99,9"]))
    kind = draw(st.integers(0, 13))
    if kind == 0:
        return _fill(draw(st.sampled_from(BODIES)), province, n)
    if kind == 1:
        return f"{draw(st.sampled_from(HONORIFICS))} {draw(names())}, {_fill(draw(st.sampled_from(ROLES)), province, n)}"
    if kind == 2:
        return f"{draw(st.sampled_from(DOC_KINDS))} {draw(doc_numbers())} ngày {draw(dates())}"
    if kind == 3:
        return draw(dates())
    if kind == 4:
        return f"{draw(st.sampled_from(EVENTS))} {draw(st.integers(2015, 2026))}"
    if kind == 5:
        return draw(st.sampled_from(PROGRAMMES))
    if kind == 6:
        return _fill(draw(st.sampled_from(FIGURES)), province, n)
    if kind == 7:
        return draw(st.sampled_from(BOILERPLATE))
    if kind == 8:
        return draw(st.text(max_size=12))
    if kind == 9:
        return draw(doc_numbers())
    if kind == 10:
        return draw(names())
    if kind == 11:
        return province
    if kind == 12:  # the sentence most reports open with
        when = format_date(PartialDate.from_date(draw(st.dates(min_value=date(2015, 1, 1),
                                                               max_value=date(2026, 12, 31)))))
        body = _fill(draw(st.sampled_from(BODIES)), province, n)
        return f"Ngày {when}, {body} tổ chức {draw(st.sampled_from(EVENTS))} năm {when[-4:]}. "
    return draw(st.sampled_from(GLUE))


REPORTS = st.lists(fragments(), min_size=1, max_size=35).map("".join)
REFERENCE = st.none() | st.dates(min_value=date(2010, 1, 1), max_value=date(2026, 12, 31))


@cache
def _gazetteer() -> Gazetteer:
    return Gazetteer.default()


def article_quads(text: str, published: date | None) -> list[ox.Quad] | None:
    """The article's quads, or None when the reader rejects the text (with a reason)."""
    try:
        article = read_text(text, "fuzz", html=False)
    except ReadError as exc:
        assert exc.reason
        return None
    if published is not None:
        article.published = published
    gz = _gazetteer()
    facts = extract_article(article, gz)
    g = build_article_graph(article, facts, org_key=org_key, parent_of=parent_of,
                            place=lambda slug: gz.province(slug), guide_of=guide_of)
    quads = list(g.quads)
    kinds = {q.object.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1] for q in quads if q.predicate == _TYPE}
    for kind in sorted(kinds & _FACT_KINDS):  # shows in --hypothesis-show-statistics: how deep examples reach
        event(f"graph has {kind}")
    return quads


_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_FACT_KINDS = {"Organization", "Person", "Membership", "LegalResource", "Programme", "Event", "Observation",
               "Participation", "AwardConferral"}


@cache
def iri_patterns() -> list[re.Pattern[str]]:
    """Every IRI pattern the shapes state for our own nodes (id: and def:)."""
    shapes = rdflib.Graph().parse(default_shapes_path())
    pattern = rdflib.URIRef("http://www.w3.org/ns/shacl#pattern")
    return [re.compile(str(o)) for o in set(shapes.objects(None, pattern))
            if str(o).startswith("^https://w3id\\.org/dantoc-kg/")]


SAFE_IRI = re.compile(r"[A-Za-z0-9/#=,._:\-]+\Z")
OURS = "https://w3id.org/dantoc-kg/"


def _iris(quads: list[ox.Quad]) -> set[str]:
    out = set()
    for q in quads:
        for term in (q.subject, q.predicate, q.object, q.graph_name):
            if isinstance(term, ox.NamedNode):
                out.add(term.value)
    return out


@budget(120)
@given(REPORTS, REFERENCE)
def test_whole_extraction_never_raises_and_mints_only_safe_iris(text: str, published: date | None) -> None:
    quads = article_quads(text, published)
    if quads is None:
        return
    assert quads
    patterns = iri_patterns()
    for iri in _iris(quads):
        assert SAFE_IRI.match(iri), iri
        if iri.startswith((OURS + "id/", OURS + "def/")):   # minted (def#... are vocabulary terms)
            assert any(p.match(iri) for p in patterns), f"no shape pattern accepts {iri}"


@budget(15)
@given(REPORTS, REFERENCE)
def test_every_article_graph_conforms_to_the_shapes(text: str, published: date | None) -> None:
    quads = article_quads(text, published)
    if quads is None:
        return
    store = ox.Store()
    store.extend(quads)
    report = validate(store, evidence=False)
    assert report.conforms, f"{text!r}\n{report.to_text()}"


@budget(60)
@given(st.text(max_size=300), REFERENCE)
def test_random_unicode_never_breaks_extraction(text: str, published: date | None) -> None:
    quads = article_quads(text, published)
    if quads is not None:
        assert all(SAFE_IRI.match(iri) for iri in _iris(quads))
