"""Network analysis (graph/viz/stats.py) and the ``stats`` command."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx

from graph.cli import main
from graph.viz import centrality_table, to_networkx
from graph.viz.stats import format_stats

SAMPLE = Path(__file__).parent / "data" / "viz" / "sample.ttl"


def test_central_people_bodies_documents():
    g = to_networkx(SAMPLE)
    stats = centrality_table(g, top=3)
    bodies = stats["central"]["body"]
    assert bodies[0]["label"] == "Ban Dân tộc tỉnh Sóc Trăng"  # most relations in the fixture
    assert bodies[0]["degree"] == 6
    assert [r["rank"] for r in bodies] == [1, 2, 3]
    docs = stats["central"]["document"]
    assert docs[0]["label"] == "Quyết định 1719/QĐ-TTg"
    assert all(r["kind"] == "person" for r in stats["central"]["person"])
    # betweenness: the national committee links the two provinces, so it bridges more than a leaf
    all_bodies = centrality_table(g, top=20)["central"]["body"]
    ubdt = next(r for r in all_bodies if r["label"] == "Ủy ban Dân tộc")
    quoc_hoi = next(r for r in all_bodies if r["label"] == "Quốc hội")
    assert ubdt["betweenness"] > 0.1 and quoc_hoi["betweenness"] == 0.0
    assert stats["counts"]["kind"] == {"body": 9, "person": 5, "place": 4, "document": 3, "event": 2,
                                       "programme": 1}
    assert stats["counts"]["province"]["Sóc Trăng"] == 7
    assert stats["counts"]["year"]["2023"] >= 5


def test_communities_are_deterministic_and_meaningful():
    g = to_networkx(SAMPLE)
    a = centrality_table(g)["communities"]
    b = centrality_table(to_networkx(SAMPLE))["communities"]
    assert a == b
    # the Krông Bông district office, its head and its district form one community
    krong = next(c for c in a if "Phòng Dân tộc huyện Krông Bông" in c["members"])
    assert "Y Bhim Niê" in krong["members"] and krong["size"] == 3


def test_sampled_betweenness_on_big_graph():
    big = nx.MultiDiGraph()
    ring = nx.cycle_graph(1200)
    for u, v in ring.edges():
        big.add_edge(u, v)
    for n in big.nodes:
        big.nodes[n].update(kind="person", label=f"Người {n}", provinces=[], years=[])
    stats = centrality_table(big, top=2)
    assert stats["betweenness_samples"] == 300
    assert stats["central"]["person"][0]["degree"] == 2
    assert stats == centrality_table(big, top=2)  # seeded: same numbers twice


def test_formats():
    stats = centrality_table(to_networkx(SAMPLE), top=2)
    table = format_stats(stats, "table")
    assert "Cơ quan trung tâm nhất" in table and "Ban Dân tộc tỉnh Sóc Trăng" in table
    rows = list(csv.DictReader(io.StringIO(format_stats(stats, "csv"))))
    assert {r["section"] for r in rows} >= {"central:body", "community", "count:kind"}
    assert json.loads(format_stats(stats, "json"))["nodes"] == 24


def test_cli_stats(tmp_path, capsys):
    assert main(["stats", str(SAMPLE), "--top", "2"]) == 0
    assert "Người trung tâm nhất" in capsys.readouterr().out
    out = tmp_path / "s.json"
    assert main(["stats", str(SAMPLE), "--format", "json", "--out", str(out), "--province", "Hà Giang"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["central"]["person"][0]["label"] == "Vàng Seo Dín"
    assert main(["stats", str(SAMPLE), "--top", "0"]) == 2
    assert main(["stats", str(tmp_path / "none.ttl")]) == 2
