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

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DATA = Path(__file__).parent / "data" / "viz"
SAMPLE = DATA / "sample.ttl"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason="Debian's chromium is not installed"),
]
playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


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
        assert p.count() == p.on_canvas() == g.number_of_nodes()
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
