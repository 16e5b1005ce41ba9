"""One real person or body, one node, within an article and across articles (graph.resolve.people).

Every report here is made up for the test.  Built through the real pipeline, then read back through
the stored queries' ``id`` column, the way the evaluation and a user see it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.build import build, write_union
from graph.extract.facts import ArticleFacts, OrgRef, PersonMention, Post, Span
from graph.query import run_query
from graph.resolve.gazetteer import Gazetteer
from graph.resolve.people import NATIONAL, person_scopes
from graph.store import open_store

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "queries"

# a vice-minister visits two provinces; three people share the name "Trịnh Văn Khải" in three
# provinces; a provincial Party secretary is once written with his Central Committee seat
REPORTS = {
    "caobang-tongket": (
        "Ngày 12/3/2024, Ban Dân tộc tỉnh Cao Bằng tổ chức Hội nghị tổng kết công tác dân tộc năm 2023.\n"
        "Dự hội nghị có đồng chí Lâm Quang Vĩnh, Thứ trưởng, Phó Chủ nhiệm Ủy ban Dân tộc; đồng chí Trịnh "
        "Văn Khải, Phó Chủ tịch UBND tỉnh Cao Bằng.\n"
        "Phát biểu tại hội nghị, ông Lâm Quang Vĩnh đánh giá cao kết quả công tác dân tộc của tỉnh.\n"),
    "kontum-soket": (
        "Ngày 20/4/2024, Ban Dân tộc tỉnh Kon Tum tổ chức Hội nghị sơ kết công tác dân tộc quý I năm 2024.\n"
        "Thứ trưởng Lâm Quang Vĩnh phát biểu chỉ đạo hội nghị. Dự hội nghị có ông Trịnh Văn Khải, Giám đốc "
        "Sở Tài chính tỉnh Kon Tum.\n"),
    "soctrang-giaoban": (
        "Ngày 02/5/2024, Ban Dân tộc tỉnh Sóc Trăng tổ chức Hội nghị giao ban công tác dân tộc.\n"
        "Ông Trịnh Văn Khải dự và phát biểu tại hội nghị.\n"),
    "caobang-quantriet": (
        "Ngày 15/5/2024, Tỉnh ủy Cao Bằng tổ chức Hội nghị quán triệt nghị quyết.\n"
        "Đồng chí Hà Minh Tuấn, Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy Cao Bằng chủ trì "
        "hội nghị.\n"),
    "caobang-soket": (
        "Ngày 20/6/2024, UBND tỉnh Cao Bằng tổ chức Hội nghị sơ kết công tác dân tộc 6 tháng đầu năm.\n"
        "Đồng chí Hà Minh Tuấn, Bí thư Tỉnh ủy Cao Bằng dự và chỉ đạo hội nghị. Dự hội nghị có lãnh đạo Sở "
        "Nông nghiệp và PTNT tỉnh Cao Bằng và Ủy ban Dân tộc.\n"),
    "caobang-giamsat": (
        "Ngày 03/7/2024, Ủy ban nhân dân tỉnh Cao Bằng làm việc với đoàn giám sát của UBDT.\n"
        "Tham dự có đại diện Sở Nông nghiệp và Phát triển nông thôn tỉnh Cao Bằng.\n"),
}


def write_reports(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in REPORTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("identity")
    out = tmp / "graph.ttl"
    write_union(build([write_reports(tmp / "in")], jobs=1).store, out)
    return out


def ids(query: str, source, name: str, field: str = "name") -> dict[str, set[str]]:
    """source article -> the nodes the query gives for rows whose ``field`` is ``name``."""
    got: dict[str, set[str]] = {}
    for r in run_query(QUERIES / f"{query}.rq", source).rows:
        if r[field] == name:
            got.setdefault(str(r["source"]), set()).add(str(r["id"]))
    return got


def test_the_four_evaluation_queries_return_the_node(built: Path) -> None:
    for query in ("officials", "organizations", "legal-documents", "programmes"):
        assert "id" in run_query(QUERIES / f"{query}.rq", built).columns


def test_a_national_official_visiting_two_provinces_is_one_node(built: Path) -> None:
    got = ids("officials", built, "Lâm Quang Vĩnh")
    # "Thứ trưởng, Phó Chủ nhiệm Ủy ban Dân tộc" in one report, "Thứ trưởng" with no body in the other
    assert set(got) == {"caobang-tongket", "kontum-soket"}
    assert got["caobang-tongket"] == got["kontum-soket"] and len(got["caobang-tongket"]) == 1


def test_within_one_article_a_name_with_and_without_its_title_is_one_node(built: Path) -> None:
    q = """PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX schema: <http://schema.org/>
    PREFIX dcterms: <http://purl.org/dc/terms/>
    SELECT DISTINCT ?p WHERE { ?a dcterms:identifier "caobang-tongket" ; schema:mentions ?p .
                               ?p foaf:name "Lâm Quang Vĩnh" }"""
    assert len(run_query(q, built).rows) == 1


def test_the_same_name_in_three_provinces_is_three_people(built: Path) -> None:
    got = ids("officials", built, "Trịnh Văn Khải")
    assert set(got) == {"caobang-tongket", "kontum-soket", "soctrang-giaoban"}
    nodes = [n for s in got.values() for n in s]
    assert len(set(nodes)) == 3             # provincial posts in two provinces, no post in a third


def test_a_provincial_leader_with_or_without_his_central_seat_is_one_node(built: Path) -> None:
    got = ids("officials", built, "Hà Minh Tuấn")
    assert set(got) == {"caobang-quantriet", "caobang-soket"}
    assert got["caobang-quantriet"] == got["caobang-soket"] and len(got["caobang-soket"]) == 1


def test_a_body_written_long_short_and_abbreviated_is_one_node(built: Path) -> None:
    sn = ids("organizations", built, "Sở Nông nghiệp và Phát triển nông thôn tỉnh Cao Bằng")
    assert set(sn) == {"caobang-soket", "caobang-giamsat"} and len(set.union(*sn.values())) == 1
    ubdt = ids("organizations", built, "Ủy ban Dân tộc")
    assert {"caobang-soket", "caobang-giamsat", "caobang-tongket"} <= set(ubdt)
    assert len(set.union(*ubdt.values())) == 1
    ubnd = ids("organizations", built, "Ủy ban nhân dân tỉnh Cao Bằng")
    assert len(set(ubnd)) >= 2 and len(set.union(*ubnd.values())) == 1


def test_the_store_path_mints_the_same_nodes_and_rebuilding_adds_nothing(built: Path, tmp_path: Path) -> None:
    folder = write_reports(tmp_path / "in")
    with open_store(tmp_path / "kg") as kg:
        build([folder], jobs=1, store=kg)
        once = kg.triples_count()
        build([folder], jobs=1, store=kg)
        assert kg.triples_count() == once
        for name in ("Lâm Quang Vĩnh", "Trịnh Văn Khải", "Hà Minh Tuấn"):
            assert ids("officials", kg, name) == ids("officials", built, name)
        assert ids("organizations", kg, "Ủy ban Dân tộc") == ids("organizations", built, "Ủy ban Dân tộc")


# -- the rules, on mentions built by hand (independent of how the extractor reads titles) ---------

def mention(text: str, name: str, posts: list[Post] | None = None, nth: int = 0) -> PersonMention:
    at = -1
    for _ in range(nth + 1):
        at = text.index(name, at + 1)
    return PersonMention(name=name, span=Span(at, at + len(name)), sentence=Span(0, len(text)), posts=posts or [])


def scopes(text: str, *pms: PersonMention, province: str | None = "cao-bang") -> dict[str, str]:
    return person_scopes(ArticleFacts(province=province, persons=list(pms)), text, "a-12345678")


UBDT = OrgRef(kind="ubdt", label="Ủy ban Dân tộc", national=True)
BCHTW = OrgRef(kind="ban-chap-hanh-tw", label="Ban Chấp hành Trung ương Đảng", national=True)
TINH_UY = OrgRef(kind="tinh-uy", label="Tỉnh ủy Lạng Sơn", province="lang-son")


def test_a_national_title_written_before_a_name_the_extractor_left_bare_makes_it_national() -> None:
    text = "Tham dự có Thứ trưởng, Phó Chủ nhiệm Ủy ban Dân tộc bà Đoàn Thị Mai Hương và lãnh đạo tỉnh."
    assert scopes(text, mention(text, "Đoàn Thị Mai Hương")) == {"đoàn thị mai hương": NATIONAL}


@pytest.mark.parametrize("text", [
    "Bà Đoàn Thị Mai Hương - Thứ trưởng, Phó Chủ nhiệm Ủy ban Dân tộc phát biểu.",
    "Dự có ông Đoàn Thị Mai Hương, Ủy viên Trung ương Đảng, Bộ trưởng, Chủ nhiệm UBDT.",
    "Dự có ông Đoàn Thị Mai Hương (Thứ trưởng Bộ Dân tộc và Tôn giáo).",
    "Dự có ông Đoàn Thị Mai Hương, Ủy viên BCH T.Ư Đảng, Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc.",
])
def test_a_national_title_written_after_a_bare_name_makes_it_national(text: str) -> None:
    assert scopes(text, mention(text, "Đoàn Thị Mai Hương")) == {"đoàn thị mai hương": NATIONAL}


def test_a_post_read_without_its_body_takes_the_national_title_beside_it() -> None:
    text = "Dự có Thứ trưởng, Phó Chủ nhiệm Ủy ban Dân tộc Đoàn Thị Mai Hương."
    vice = Post(role="Phó Chủ nhiệm", title="Phó Chủ nhiệm", org=None)
    assert scopes(text, mention(text, "Đoàn Thị Mai Hương", [vice])) == {"đoàn thị mai hương": NATIONAL}


@pytest.mark.parametrize("text", [
    # a later clause, not an apposition
    "Ông Đoàn Thị Mai Hương, cùng Thứ trưởng Lò Văn Thắng đi thăm bà con.",
    "Ông Đoàn Thị Mai Hương, nông dân; Thứ trưởng Lò Văn Thắng tặng quà.",
    # the title belongs to the person before
    "Dự có Bộ trưởng Lò Văn Thắng và ông Đoàn Thị Mai Hương, chuyên viên.",
    # the Prime Minister issued a decision; the person is not him
    "Theo Quyết định của Thủ tướng Chính phủ, ông Đoàn Thị Mai Hương được khen thưởng.",
    # another list item
    "Dự có Thứ trưởng Lò Văn Thắng; ông Đoàn Thị Mai Hương, nông dân.",
])
def test_a_national_title_of_someone_else_does_not_make_a_bare_name_national(text: str) -> None:
    pms = [mention(text, "Đoàn Thị Mai Hương")]
    if "Lò Văn Thắng" in text:
        pms.insert(0, mention(text, "Lò Văn Thắng"))
    assert scopes(text, *pms)["đoàn thị mai hương"] == "cao-bang"


def test_a_bare_name_stays_in_its_province_and_without_one_in_its_article() -> None:
    text = "Ông Nông Văn Hòa phát biểu tại hội nghị."
    assert scopes(text, mention(text, "Nông Văn Hòa")) == {"nông văn hòa": "cao-bang"}
    assert scopes(text, mention(text, "Nông Văn Hòa"), province=None) == {"nông văn hòa": "a-12345678"}


def test_a_provincial_post_outranks_a_national_membership_and_a_national_post_outranks_both() -> None:
    text = "Đồng chí Nông Văn Hòa phát biểu. Sau đó ông Nông Văn Hoà kết luận."
    seat = Post(role="Ủy viên Ban Chấp hành", title="Ủy viên Ban Chấp hành Trung ương Đảng", org=BCHTW)
    secretary = Post(role="Bí thư", title="Bí thư Tỉnh ủy Lạng Sơn", org=TINH_UY)
    minister = Post(role="Thứ trưởng", title="Thứ trưởng", org=None)
    # both tone spellings are one person in the article
    first, second = mention(text, "Nông Văn Hòa", [seat]), mention(text, "Nông Văn Hoà", [secretary])
    assert scopes(text, first, second) == {"nông văn hòa": "lang-son"}
    assert scopes(text, mention(text, "Nông Văn Hòa", [seat])) == {"nông văn hòa": NATIONAL}
    assert scopes(text, first, second, mention(text, "Nông Văn Hoà", [minister])) == {"nông văn hòa": NATIONAL}
    head = Post(role="Phó Chủ nhiệm", title="Phó Chủ nhiệm Ủy ban Dân tộc", org=UBDT)
    assert scopes(text, mention(text, "Nông Văn Hòa", [head]), province=None) == {"nông văn hòa": NATIONAL}


def test_a_provincial_outlet_in_the_masthead_names_the_report_province() -> None:
    gaz = Gazetteer.default()
    body = ("\n\nHội nghị triển khai chính sách dân tộc\n\n08:15, 02/03/2024\n\n"
            "Phát biểu tại hội nghị, đồng chí Phó Chủ tịch UBND tỉnh yêu cầu các sở, ngành phối hợp.\n")
    assert gaz.article_province("Đài Phát thanh và Truyền hình Lạng Sơn\n  • Lạng Sơn" + body).slug == "lang-son"
    assert gaz.article_province("Báo Lạng Sơn điện tử" + body).slug == "lang-son"
    assert gaz.article_province("Tin tức trong ngày" + body) is None


def test_a_district_level_report_naming_only_its_districts_is_placed_in_its_province() -> None:
    """Districts of central and southern provinces (data/provinces.yaml): a report that names only
    "các huyện ..." and "TP. ..." is still that province's, so its bodies and people link up."""
    gaz = Gazetteer.default()
    text = ("Chiều 5-9, Ban Dân tộc tỉnh tổ chức hội nghị. Dự có đại diện UBND các huyện Tây Giang, Nam Giang, "
            "huyện Phước Sơn và TP. Tam Kỳ.\n")
    assert gaz.article_province(text).slug == "quang-nam"
    south = "Tham dự có đại diện UBND huyện Giồng Riềng, huyện Gò Quao và thành phố Rạch Giá.\n"
    assert gaz.article_province(south).slug == "kien-giang"
    # a district name several provinces share decides nothing
    assert gaz.article_province("Đại diện UBND huyện Châu Thành dự hội nghị.\n") is None


def test_every_district_of_a_list_under_one_head_word_counts() -> None:
    gaz = Gazetteer.default()
    assert gaz.article_province("Đại diện UBND các huyện Tây Giang, Nam Giang và Phước Sơn dự.\n").slug == "quang-nam"
    assert gaz.article_province("Đại diện UBND huyện Tây Giang dự.\n") is None      # one district: too little
