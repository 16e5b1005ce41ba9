"""The HTML page in a real browser: Debian's chromium driven headless by Playwright.

Skipped when /usr/bin/chromium is absent (``.ci/install-browser.sh`` installs it).  Playwright's own
browser download is never used.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from graph.viz import to_networkx, write_html
from tests.conftest import CHROMIUM

DATA = Path(__file__).parent / "data" / "viz"
SAMPLE = DATA / "sample.ttl"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason="Debian's chromium is not installed"),
]
pytest.importorskip("playwright.sync_api")


class Page:
    """A page opened from file:// with its console errors and outside requests recorded."""

    def __init__(self, browser, path: Path) -> None:
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("body[data-stabilized='1']", timeout=90_000)

    def count(self) -> int:
        return int(self.page.text_content("#node-count"))

    def on_canvas(self) -> int:
        return self.page.evaluate("network.body.data.nodes.length")


@pytest.fixture(scope="module")
def sample_page(browser, tmp_path_factory):
    g = to_networkx(SAMPLE)
    path = write_html(g, tmp_path_factory.mktemp("page") / "sample.html")
    page = Page(browser, path)
    yield g, page
    page.page.close()


def test_loads_without_errors_and_shows_every_node(sample_page, tmp_path):
    g, p = sample_page
    assert p.errors == []
    assert p.count() == g.number_of_nodes() == p.on_canvas()
    assert int(p.page.text_content("#edge-count")) == g.number_of_edges()
    assert "nút" in p.page.text_content("#status")
    # offline: nothing but the page itself was requested
    assert all(u.startswith("file://") for u in p.requests), p.requests
    # physics was switched off after stabilising
    assert p.page.evaluate("network.physics.options.enabled") is False
    shot = tmp_path / "sample.png"
    p.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000


def test_hostile_text_never_executes(sample_page):
    _, p = sample_page
    assert p.page.evaluate("typeof window.__pwned") == "undefined"
    # open the hostile person and search for it: still inert, shown as text
    p.page.fill("#search", "Kẻ Lạ")
    p.page.press("#search", "Enter")
    title = p.page.text_content("#panel-title")
    assert title == "<script>window.__pwned=1</script>Kẻ Lạ"
    assert "window.__pwned=4" in p.page.text_content("#panel-evidence")
    assert p.page.evaluate("document.querySelectorAll('#panel script, #panel img, #panel b').length") == 0
    assert p.page.evaluate("typeof window.__pwned") == "undefined"
    assert p.errors == []


def test_search_selects_and_panel_shows_evidence(sample_page, tmp_path):
    _, p = sample_page
    p.page.fill("#search", "thach so phet")  # typed without diacritics
    p.page.press("#search", "Enter")
    selected = p.page.evaluate("network.getSelectedNodes()")
    assert len(selected) == 1
    assert p.page.evaluate(f"kg.data.nodes[{selected[0]}].l") == "Thạch Sô Phết"
    assert not p.page.is_hidden("#panel")
    facts = p.page.text_content("#panel-facts")
    assert "Trưởng Ban Dân tộc tỉnh" in facts
    assert "ông Thạch Sô Phết, Trưởng Ban Dân tộc tỉnh chủ trì Hội nghị" in facts
    assert "soctrang_tongket_2023" in facts  # the source article
    p.page.fill("#search", "Không Có Ai")
    p.page.press("#search", "Enter")
    assert p.page.text_content("#search-msg") == "Không tìm thấy"
    p.page.screenshot(path=str(tmp_path / "search.png"))


def test_click_on_node_shows_its_evidence(sample_page):
    _, p = sample_page
    node_id = p.page.evaluate("kg.data.nodes.find(n => n.l === 'Vàng Seo Dín').id")
    p.page.evaluate(f"network.focus({node_id}, {{scale: 1.5, animation: false}})")
    pos = p.page.evaluate(f"network.canvasToDOM(network.getPositions([{node_id}])[{node_id}])")
    box = p.page.locator("#network").bounding_box()
    p.page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    p.page.wait_for_function("document.getElementById('panel-title').textContent === 'Vàng Seo Dín'",
                             timeout=10_000)
    text = p.page.text_content("#panel")
    assert "phát biểu" in text
    assert "phát biểu tại buổi làm việc với Ủy ban Dân tộc" in text


def test_filters_reduce_and_restore_the_count(sample_page):
    g, p = sample_page
    total = g.number_of_nodes()
    people = sum(1 for _, d in g.nodes(data=True) if d["kind"] == "person")
    p.page.uncheck("input.kind-filter[data-kind='person']")
    assert p.count() == p.on_canvas() == total - people
    p.page.check("input.kind-filter[data-kind='person']")
    assert p.count() == p.on_canvas() == total
    p.page.select_option("#province-filter", "Hà Giang")
    ha_giang = p.count()
    assert 0 < ha_giang < total
    labels = p.page.evaluate("kg.nodes.get().map(n => kg.data.nodes[n.id].l)")
    assert "Vàng Seo Dín" in labels and "Thạch Sô Phết" not in labels
    p.page.select_option("#year-filter", "2023")  # Hà Giang's report is from 2022
    assert p.count() < ha_giang
    p.page.click("#reset-btn")
    assert p.count() == total
    assert p.errors == []


def test_big_graph_stabilises_then_freezes(browser, tmp_path):
    spec = importlib.util.spec_from_file_location("generate_big", DATA / "generate_big.py")
    big = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(big)
    g = to_networkx(big.generate(tmp_path / "big.ttl"))
    assert g.number_of_nodes() >= 1500
    p = Page(browser, write_html(g, tmp_path / "big.html"))
    try:
        assert p.errors == []
        # it opens on the TOP_NODES most central nodes and says what it hides
        from graph.viz.html import TOP_NODES, centrality_ranks
        isolated = sum(1 for n in g.nodes if g.degree(n) == 0)
        assert p.count() == p.on_canvas() == TOP_NODES
        shown = set(p.page.evaluate("kg.nodes.getIds()"))
        ranks = centrality_ranks(g)
        index = {n: i for i, n in enumerate(g.nodes)}
        assert shown == {index[n] for n, (r, _) in ranks.items() if r < TOP_NODES}
        note = p.page.text_content("#hidden-note")
        assert f"{g.number_of_nodes() - isolated - TOP_NODES} nút ít kết nối" in note
        p.page.check("#show-all")
        p.page.wait_for_selector("body[data-stabilized='1']", timeout=90_000)
        assert p.count() == p.on_canvas() == g.number_of_nodes() - isolated
        if isolated:
            p.page.check("#show-isolated")
            p.page.wait_for_selector("body[data-stabilized='1']", timeout=90_000)
        else:   # nothing to unfold: no toggle
            assert p.page.is_hidden("#show-isolated-row")
        assert p.count() == p.on_canvas() == g.number_of_nodes()
        assert p.page.text_content("#hidden-note") == ""
        assert p.page.evaluate("network.physics.options.enabled") is False
        # the options for big graphs: no improved layout, bounded stabilisation
        assert p.page.evaluate("network.layoutEngine.options.improvedLayout") is False
        assert p.page.evaluate("network.physics.options.stabilization.iterations") <= 200
        # positions stay put once physics is off
        before = p.page.evaluate("JSON.stringify(network.getPositions([0, 1, 2]))")
        p.page.wait_for_timeout(500)
        assert p.page.evaluate("JSON.stringify(network.getPositions([0, 1, 2]))") == before
        p.page.uncheck("input.kind-filter[data-kind='person']")
        people = sum(1 for _, d in g.nodes(data=True) if d["kind"] == "person")
        assert p.count() == g.number_of_nodes() - people
        p.page.screenshot(path=str(tmp_path / "big.png"))
    finally:
        p.page.close()


def test_focus_page_selects_the_focus_and_hover_is_text(browser, tmp_path):
    g = to_networkx(SAMPLE, focus="Lâm Thị Hồng Nhung", depth=1)
    p = Page(browser, write_html(g, tmp_path / "focus.html"))
    try:
        assert p.errors == []
        assert p.count() == g.number_of_nodes() == 3  # her, UBND tỉnh, the conference
        p.page.wait_for_function("network.getSelectedNodes().length === 1", timeout=10_000)
        assert p.page.text_content("#panel-title") == "Lâm Thị Hồng Nhung"
        # hover tooltips are DOM elements holding plain text
        tip = p.page.evaluate("kg.nodes.get(kg.data.focus).title.textContent")
        assert tip.startswith("Lâm Thị Hồng Nhung · Người")
    finally:
        p.page.close()


SEEDS = Path(__file__).parent / "golden" / "seeds.ttl"
CORE_PX = """() => { const s = network.getScale();
  return kg.core().map(id => network.body.nodes[id].options.font.size * s); }"""


@pytest.fixture(scope="module")
def seeds_page(browser, tmp_path_factory):
    g = to_networkx(SEEDS)
    page = Page(browser, write_html(g, tmp_path_factory.mktemp("seeds") / "seeds.html"))
    yield g, page
    page.page.close()


def test_overview_labels_the_most_central_nodes_readably(seeds_page):
    """At the starting zoom the 20 most central nodes' labels are drawn at >= 10 px on screen
    (font size x canvas scale, as vis-network draws them) and the view is fitted on them."""
    _, p = seeds_page
    assert p.errors == []
    assert all(u.startswith("file://") for u in p.requests), p.requests   # offline
    core = p.page.evaluate("kg.core()")
    ranks = p.page.evaluate("kg.core().map(id => kg.data.nodes[id].r)")
    assert len(core) == 20 and ranks == sorted(ranks) and ranks[0] == 0
    px = p.page.evaluate(CORE_PX)
    assert min(px) >= 10, px
    # vis-network draws a label only above its drawThreshold: the core's are drawn
    threshold = p.page.evaluate("network.body.nodes[kg.core()[0]].options.scaling.label.drawThreshold")
    assert min(px) >= threshold - 1
    # each core node is inside the visible canvas
    box = p.page.locator("#network").bounding_box()
    for id_ in core:
        pos = p.page.evaluate(f"network.canvasToDOM(network.getPositions([{id_}])[{id_}])")
        assert 0 <= pos["x"] <= box["width"] and 0 <= pos["y"] <= box["height"], id_
    # zooming out with the wheel keeps them readable; a plain node's label is then too small to draw
    p.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(4):
        p.page.mouse.wheel(0, 400)
        p.page.wait_for_timeout(100)
    scale = p.page.evaluate("network.getScale()")
    assert scale < 0.5
    assert min(p.page.evaluate(CORE_PX)) >= 10
    plain = p.page.evaluate("""kg.nodes.getIds().filter(id => !kg.core().includes(id))
        .map(id => network.body.nodes[id].options.font.size * network.getScale())""")
    assert plain and max(plain) < threshold - 1


def test_isolated_nodes_are_folded_until_asked(seeds_page):
    g, p = seeds_page
    isolated = [n for n in g.nodes if g.degree(n) == 0]
    assert isolated
    assert p.count() == p.on_canvas() == g.number_of_nodes() - len(isolated)
    assert p.page.text_content("#isolated-count") == str(len(isolated))
    assert f"{len(isolated)} nút lẻ" in p.page.text_content("#hidden-note")
    shown = set(p.page.evaluate("kg.nodes.getIds()"))
    index = {n: i for i, n in enumerate(g.nodes)}
    assert not shown & {index[n] for n in isolated}
    assert p.page.is_hidden("#show-all-row")   # small graph: nothing beyond the top nodes to show
    p.page.check("#show-isolated")
    p.page.wait_for_selector("body[data-stabilized='1']", timeout=60_000)
    assert p.count() == p.on_canvas() == g.number_of_nodes()
    assert p.page.text_content("#hidden-note") == ""
    p.page.uncheck("#show-isolated")
    assert p.count() == g.number_of_nodes() - len(isolated)
    assert p.errors == []


def test_grouping_by_kind_and_province_folds_nodes_into_clusters(seeds_page):
    _, p = seeds_page
    drawn = p.count()
    p.page.select_option("#group-by", "kind")
    kinds = p.page.evaluate("new Set(kg.nodes.get().map(n => n.gk)).size")
    groups = int(p.page.get_attribute("body", "data-groups"))
    assert 2 <= groups <= kinds
    visible = p.page.evaluate("network.body.nodeIndices.length")
    assert visible < drawn                       # the groups stand for their members on screen
    labels = p.page.evaluate("""Object.keys(network.body.nodes).filter(id => network.isCluster(id))
        .map(id => network.body.nodes[id].options.label)""")
    assert any(x.startswith("Cơ quan (") for x in labels), labels
    p.page.select_option("#group-by", "province")
    labels = p.page.evaluate("""Object.keys(network.body.nodes).filter(id => network.isCluster(id))
        .map(id => network.body.nodes[id].options.label)""")
    assert any(x.startswith("Trà Vinh (") for x in labels), labels
    # searching a node inside a group opens the groups
    p.page.fill("#search", "kien ninh")
    p.page.press("#search", "Enter")
    assert p.page.evaluate("network.getSelectedNodes().length") == 1
    p.page.select_option("#group-by", "")
    assert p.page.evaluate("network.body.nodeIndices.length") == drawn
    assert p.count() == drawn and p.errors == []
