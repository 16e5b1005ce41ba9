"""``dantoc-kg serve`` in a real browser: Debian's chromium driven by Playwright against the real server.

Skipped when /usr/bin/chromium is absent (``.ci/install-browser.sh`` installs it).  With
``DANTOC_SERVE_SCREENSHOTS=1`` the walk also writes the screenshots in ``docs/``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM
from tests.serve_helpers import ROOT, build_seed_store, q, start_server

pytestmark = [
    pytest.mark.browser,
    pytest.mark.serve,
    pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason="Debian's chromium is not installed"),
]
pytest.importorskip("playwright.sync_api")
SHOTS = ROOT / "docs" if os.environ.get("DANTOC_SERVE_SCREENSHOTS") == "1" else None


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    served = start_server("--store", str(build_seed_store(tmp_path_factory.mktemp("serve-browser"))),
                          extra=("--workers", "1"))
    yield served
    served.stop()


@pytest.fixture
def page(browser, server):
    p = browser.new_page(viewport={"width": 1280, "height": 860})
    p.errors, p.requests = [], []
    p.on("console", lambda m: p.errors.append(m.text) if m.type == "error" else None)
    p.on("pageerror", lambda e: p.errors.append(str(e)))
    p.on("request", lambda r: p.requests.append(r.url))
    yield p
    assert p.errors == []
    assert all(u.startswith(server.base) for u in p.requests), "a request left the machine"
    p.close()


def shot(page, name: str) -> None:
    if SHOTS is not None:
        page.screenshot(path=str(Path(SHOTS) / name), full_page=False)


def test_search_person_post_evidence_sentence(page, server):
    page.goto(server.base + "/")
    shot(page, "serve-home.png")
    page.fill("#q", "kien ninh")
    page.press("#q", "Enter")
    page.wait_for_selector("ol.hits li")
    shot(page, "serve-search.png")
    first = page.locator("ol.hits li a.ent").first
    assert first.text_content() == "Kiên Ninh"
    first.click()
    page.wait_for_selector("h1.k-person")
    assert page.text_content("h1") == "Kiên Ninh"
    shot(page, "serve-person.png")
    # his post, in the timeline of posts
    posts = page.locator("section.timeline").first
    post_link = posts.locator("a.k-post").first
    post_name = post_link.text_content()
    assert "Trưởng Ban" in post_name
    post_link.click()
    page.wait_for_selector("h1.k-post")
    assert page.text_content("h1") == post_name
    # the evidence of his holding that post
    row = page.locator("section.timeline tr", has_text="Kiên Ninh").first
    row.locator("a.ev").first.click()
    page.wait_for_selector(".sentence.target")
    target = page.locator(".sentence.target")
    assert target.count() == 1
    assert "Kiên Ninh" in target.text_content() and "Trưởng Ban" in target.text_content()
    assert page.url.split("#")[1] == target.get_attribute("id")
    box, viewport = target.bounding_box(), page.viewport_size
    assert box is not None and 0 <= box["y"] < viewport["height"], "the sentence is not scrolled into view"
    colour = page.evaluate("getComputedStyle(document.querySelector('.sentence.target')).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    # the highlighted name in the sentence leads back to him
    mark = target.locator("a.hl.k-person", has_text="Kiên Ninh").first
    shot(page, "serve-article.png")
    mark.click()
    page.wait_for_selector("h1.k-person")
    assert page.text_content("h1") == "Kiên Ninh"


def test_stored_question_from_its_form(page, server):
    page.goto(server.base + "/queries")
    page.click("a[href='/queries/person-timeline']")
    page.wait_for_selector("form.qform")
    page.fill("input[name='name']", "Kiên Ninh")
    page.click("#run")
    page.wait_for_selector("table.results")
    rows = page.locator("table.results tbody tr")
    assert rows.count() == int(page.text_content("#row-count")) > 0
    assert "Trưởng Ban – Ban Dân tộc tỉnh Trà Vinh" in page.text_content("table.results")   # his tenure's post
    shot(page, "serve-question.png")
    # sorting by a column header reorders the rows
    page.click("table.results th a:text-is('what')")
    page.wait_for_selector("table.results th a:has-text('▲')")
    what = [h.strip() for h in page.locator("table.results th").all_text_contents()].index("what ▲") + 1
    col = [c.strip() for c in page.locator(f"table.results tbody tr td:nth-child({what})").all_text_contents()]
    assert col == sorted(col, key=str.casefold)


def test_graph_view_draws_the_neighbourhood(page, server):
    hits = server.json("/api/search?q=kien+ninh")["results"]
    page.goto(f"{server.base}/graph?iri={q(hits[0]['iri'])}")
    page.wait_for_selector("body[data-stabilized='1']", timeout=90_000)
    assert page.evaluate("network.body.data.nodes.length") > 1
    shot(page, "serve-graph.png")
