"""A holding is dated by the report that names it, and only when the report tells it as current:
sentences written for the tests, built into a graph and asked through the stored questions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph.build import build, write_union
from graph.query import run_query
from graph.rdf.attestation import attested_now

QUERIES = Path(__file__).resolve().parent.parent / "queries"

REPORT = """Gặp mặt người có uy tín nhân ngày truyền thống

Sáng 5/3/2024, Ban Dân tộc tỉnh Lai Châu tổ chức gặp mặt người có uy tín tiêu biểu.

Năm 1975, đồng chí Lò Văn Puôn, Bí thư Tỉnh ủy Lai Châu đã lãnh đạo nhân dân các dân tộc xây dựng quê hương.

Nguyên Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc Giàng Seo Phử cùng ông Lò Văn Hặc, Trưởng Ban Dân tộc tỉnh Lai Châu dự buổi gặp mặt. Ông Vàng Văn Thắng, Bí thư Tỉnh ủy Lai Châu phát biểu.
"""

HISTORY = """Kỷ niệm ngày giải phóng miền Nam

Ngày 30/4/1975 giải phóng hoàn toàn miền Nam, ông Trần Văn Mười, Chủ tịch UBND tỉnh Lâm Đồng đã đón đoàn quân giải phóng.

Ông Trần Văn Mười, Chủ tịch UBND tỉnh Lâm Đồng khi đó, đã cùng nhân dân dựng lại buôn làng sau chiến tranh.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("reports")
    (folder / "gapmat.txt").write_text(REPORT, encoding="utf-8")
    (folder / "lichsu.txt").write_text(HISTORY, encoding="utf-8")
    out = folder.parent / "graph.ttl"
    result = build([folder], jobs=1)
    write_union(result.store, out)
    return out


def test_only_holders_told_as_current_are_the_latest(graph: Path) -> None:
    rows = [dict(r) for r in run_query(QUERIES / "leaders-of-body.rq", graph).rows]
    got = {(r["name"], r["latest"]) for r in rows}
    assert ("Lò Văn Hặc", "2024-03-05") in got
    assert ("Vàng Văn Thắng", "2024-03-05") in got
    names = {r["name"] for r in rows}
    # a secretary of 1975, a former minister and a chairman in a report about 1975 are no one's latest
    assert not names & {"Lò Văn Puôn", "Giàng Seo Phử", "Trần Văn Mười"}
    assert all(not str(r["latest"]).startswith("1975") for r in rows)


def test_past_holdings_stay_but_undated(graph: Path) -> None:
    rows = [dict(r) for r in run_query(QUERIES / "posts-over-time.rq", graph).rows]
    past = [r for r in rows if r["name"] in {"Lò Văn Puôn", "Trần Văn Mười"}]
    assert past and all(r["attested"] is None for r in past)


@pytest.mark.parametrize(("sentence", "title", "now"), [
    ("Ông A, Trưởng Ban Dân tộc tỉnh phát biểu.", "Trưởng Ban Dân tộc tỉnh", True),
    ("Năm 2023, ông A, Trưởng Ban Dân tộc tỉnh đã ký kế hoạch.", "Trưởng Ban Dân tộc tỉnh", True),
    ("Năm 1946, Chủ tịch Hồ Chí Minh gửi thư tới Đại hội.", "Chủ tịch", False),
    ("Cố Thủ tướng Võ Văn Kiệt từng về thăm.", "Cố Thủ tướng", False),
    ("Cựu Bí thư Tỉnh ủy dự lễ.", "Cựu Bí thư Tỉnh ủy", False),
])
def test_attested_now(sentence: str, title: str, now: bool) -> None:
    assert attested_now(sentence, title, date(2024, 3, 5)) is now
