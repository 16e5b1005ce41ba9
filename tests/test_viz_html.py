"""The offline HTML page and the static pictures, checked without a browser."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from graph.cli import main
from graph.viz import to_networkx, write_html, write_image
from graph.viz.html import page_payload, render_html, script_json

DATA = Path(__file__).parent / "data" / "viz"
SAMPLE = DATA / "sample.ttl"


def payload_of(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert m
    return json.loads(m.group(1))


def test_script_json_cannot_close_the_script_block():
    hostile = {"x": "</script><script>alert(1)</script><!-- & \u2028\u2029"}
    text = script_json(hostile)
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(text) == hostile


def test_page_is_self_contained_and_hostile_text_stays_data(tmp_path):
    g = to_networkx(SAMPLE)
    out = write_html(g, tmp_path / "sub" / "page.html")
    page = out.read_text(encoding="utf-8")
    # no network at view time: no external script, stylesheet or CDN reference
    assert not re.search(r'<(script|link|img)[^>]+(src|href)=', page)
    assert "cdn" not in page.lower().split("<script>")[0]
    assert "vis-network" in page and "Content-Security-Policy" in page
    # the hostile name and sentence appear only escaped, inside the JSON block
    assert "<script>window.__pwned" not in page
    assert "<img src=x" not in page
    data = payload_of(page)
    labels = {n["l"] for n in data["nodes"]}
    assert "<script>window.__pwned=1</script>Kẻ Lạ" in labels
    assert any("<img src=x" in s["t"] for s in data["sentences"])
    assert len(data["nodes"]) == g.number_of_nodes() and len(data["edges"]) == g.number_of_edges()
    assert out.stat().st_mode & 0o044  # readable by others, not mkstemp's 0600
    assert [p.name for p in out.parent.iterdir()] == ["page.html"]  # no temp file left behind


def test_payload_interns_sentences_and_keeps_fact_evidence():
    g = to_networkx(SAMPLE)
    data = page_payload(g)
    assert len({s["t"] for s in data["sentences"]}) == len(data["sentences"])
    phet = next(n for n in data["nodes"] if n["l"] == "Thạch Sô Phết")
    fact = next(f for f in phet["f"] if f["r"] == "Trưởng Ban Dân tộc tỉnh")
    sentence = data["sentences"][fact["e"][0]]
    assert "chủ trì Hội nghị" in sentence["t"]
    assert data["articles"][sentence["a"]]["id"] == "soctrang_tongket_2023"
    assert fact["d"] == ["2023-12-20"] and fact["o"] == "out"


def test_focus_node_is_marked_in_page():
    g = to_networkx(SAMPLE, focus="Vàng Seo Dín", depth=1)
    data = payload_of(render_html(g))
    assert data["nodes"][data["focus"]]["l"] == "Vàng Seo Dín"


def test_cli_viz_html_refuses_big_graph_with_advice(tmp_path, capsys):
    out = tmp_path / "p.html"
    assert main(["viz", str(SAMPLE), "--out", str(out), "--max-nodes", "10"]) == 2
    err = capsys.readouterr().err
    assert "--focus" in err and "--sample" in err and not out.exists()
    assert main(["viz", str(SAMPLE), "--out", str(out), "--max-nodes", "10", "--sample"]) == 0
    assert len(payload_of(out.read_text(encoding="utf-8"))["nodes"]) == 10
    argv = ["viz", str(SAMPLE), "--out", str(out), "--kind", "person,body", "--province", "Sóc Trăng"]
    assert main(argv) == 0
    kinds = {n["k"] for n in payload_of(out.read_text(encoding="utf-8"))["nodes"]}
    assert kinds == {"person", "body"}


def test_cli_viz_query(tmp_path):
    q = tmp_path / "q.rq"
    q.write_text("PREFIX eli: <http://data.europa.eu/eli/ontology#>\n"
                 "SELECT ?doc ?by WHERE { ?doc eli:passed_by ?by }", encoding="utf-8")
    out = tmp_path / "q.html"
    assert main(["viz", str(SAMPLE), "--query", str(q), "--out", str(out)]) == 0
    data = payload_of(out.read_text(encoding="utf-8"))
    assert {n["k"] for n in data["nodes"]} == {"document", "body"}
    assert len(data["edges"]) == 3
    assert main(["viz", str(SAMPLE), "--query", str(tmp_path / "none.rq"), "--out", str(out)]) == 2


# ----------------------------------------------------------------------------- pictures

def _non_white_fraction(path: Path) -> float:
    from PIL import Image

    img = Image.open(path).convert("L")
    hist = img.histogram()
    return 1 - sum(hist[245:]) / (img.width * img.height)


def test_png_picture_has_size_and_content(tmp_path):
    g = to_networkx(SAMPLE)
    out = write_image(g, tmp_path / "g.png")
    from PIL import Image

    with Image.open(out) as img:
        assert img.format == "PNG" and img.width >= 1500 and img.height >= 1000
    frac = _non_white_fraction(out)
    assert 0.005 < frac < 0.6, frac


def test_svg_picture_has_vietnamese_labels_and_legend(tmp_path):
    g = to_networkx(SAMPLE)
    out = write_image(g, tmp_path / "g.svg", focus="Thạch Sô Phết")
    svg = out.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "Ban Dân tộc tỉnh Sóc Trăng" in svg and "Thạch Sô Phết" in svg  # central + focus labelled
    assert "Người (5)" in svg and "Cơ quan (9)" in svg  # legend by kind
    # the hostile name is text in the SVG, escaped, never markup
    assert "<script>" not in svg


def test_png_readable_at_200_nodes(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("generate_big", DATA / "generate_big.py")
    big = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(big)
    path = big.generate(tmp_path / "big.ttl", persons_per_province=5)
    g = to_networkx(path)
    assert 200 <= len(g) <= 500
    import matplotlib.pyplot as plt

    from graph.viz.image import draw

    fig, ax = plt.subplots(figsize=(14, 10), dpi=100)
    placed = draw(g, ax)
    plt.close(fig)
    assert 8 <= placed <= 30  # only central nodes labelled, overlapping labels dropped
    out = write_image(g, tmp_path / "big.png")
    assert 0.01 < _non_white_fraction(out) < 0.6


def test_cli_picture_formats(tmp_path, capsys):
    out = tmp_path / "pic.svg"
    assert main(["viz", str(SAMPLE), "--format", "svg", "--out", str(out), "--focus", "Y Bhim Niê"]) == 0
    assert "Y Bhim Niê" in out.read_text(encoding="utf-8")
    assert "pic.svg" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["--depth", "-1"], ["--max-nodes", "0"], ["--focus", "Không Ai Cả"]])
def test_cli_viz_user_errors(tmp_path, argv):
    assert main(["viz", str(SAMPLE), "--out", str(tmp_path / "x.html"), *argv]) == 2


def test_png_of_a_large_component_uses_the_numpy_only_layout(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("generate_big", DATA / "generate_big.py")
    big = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(big)
    g = to_networkx(big.generate(tmp_path / "big.ttl", persons_per_province=10))
    assert len(g) >= 500  # one connected component: the ForceAtlas2 branch (no scipy here)
    out = write_image(g, tmp_path / "big.png")
    assert 0.01 < _non_white_fraction(out) < 0.7


def test_centrality_ranks_put_the_hub_first_and_isolated_last():
    import networkx as nx

    from graph.viz.html import centrality_ranks

    g = nx.MultiDiGraph()
    for n, label in (("hub", "Zeta"), ("a", "A"), ("b", "B"), ("c", "C"), ("lone", "Alpha")):
        g.add_node(n, label=label)
    for other in ("a", "b", "c"):
        g.add_edge("hub", other)
    g.add_edge("a", "b")
    g.add_edge("a", "b")          # a parallel relation adds no neighbour, only breaks ties
    ranks = centrality_ranks(g)
    assert ranks["hub"] == (0, 3)
    assert ranks["a"][0] < ranks["b"][0] < ranks["c"][0]  # a: 2 neighbours; b ties a but has the name after
    assert ranks["lone"] == (4, 0)


def test_page_opens_on_the_central_core_with_isolated_folded(tmp_path, capsys):
    g = to_networkx(Path(__file__).parent / "golden" / "seeds.ttl")
    data = page_payload(g)
    isolated = [n for n in data["nodes"] if n["nb"] == 0]
    assert isolated, "the seed graph has isolated nodes to fold"
    assert all(g.degree(list(g.nodes)[n["id"]]) == 0 for n in isolated)
    assert sorted(n["r"] for n in data["nodes"]) == list(range(len(data["nodes"])))
    assert data["view"] == {"show_isolated": False, "top": 300, "labelled": 20}
    # the command line passes its choices to the page
    out = tmp_path / "p.html"
    assert main(["viz", str(Path(__file__).parent / "golden" / "seeds.ttl"), "--out", str(out),
                 "--show-isolated", "--top", "25"]) == 0
    assert payload_of(out.read_text(encoding="utf-8"))["view"] == {"show_isolated": True, "top": 25, "labelled": 20}
    assert main(["viz", str(SAMPLE), "--out", str(out), "--top", "0"]) == 0
    assert payload_of(out.read_text(encoding="utf-8"))["view"]["top"] == 0
    assert main(["viz", str(SAMPLE), "--out", str(out), "--top", "-1"]) != 0


def test_cli_page_allows_more_nodes_than_a_picture(tmp_path, monkeypatch):
    """A page folds all but its most central nodes, so its default cap is higher than a picture's."""
    from graph.cli import viz as viz_cli

    monkeypatch.setattr(viz_cli, "DEFAULT_MAX_NODES", 5)
    monkeypatch.setattr(viz_cli, "DEFAULT_MAX_NODES_PAGE", 1000)
    assert main(["viz", str(SAMPLE), "--out", str(tmp_path / "p.html")]) == 0
    assert main(["viz", str(SAMPLE), "--out", str(tmp_path / "p.png")]) == 2
    monkeypatch.setattr(viz_cli, "DEFAULT_MAX_NODES_PAGE", 5)
    assert main(["viz", str(SAMPLE), "--out", str(tmp_path / "q.html")]) == 2
