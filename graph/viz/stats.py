"""Network analysis of the relationship graph: who and what is central, which groups form.

Centrality is computed on the undirected simple graph (a relation counts once whichever way it
points); betweenness is sampled (``k`` pivots, fixed seed) on big graphs so it stays fast and
deterministic; communities use Louvain with a fixed seed, so two runs give the same answer.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from typing import Any

import networkx as nx

from graph.viz.project import kind_styles

CENTRAL_KINDS = ("person", "body", "document")
EXACT_BETWEENNESS_MAX = 1000   # nodes; above: sampled with BETWEENNESS_SAMPLES pivots
BETWEENNESS_SAMPLES = 300
SEED = 42


def _simple(g: nx.Graph) -> nx.Graph:
    """Undirected simple graph, parallel relations summed into ``weight``."""
    simple = nx.Graph()
    simple.add_nodes_from(g.nodes(data=True))
    for u, v in g.edges():
        if u == v:
            continue
        if simple.has_edge(u, v):
            simple[u][v]["weight"] += 1
        else:
            simple.add_edge(u, v, weight=1)
    return simple


def centrality_table(
    g: nx.Graph, *, top: int = 10, kinds: tuple[str, ...] = CENTRAL_KINDS, seed: int = SEED,
    betweenness_samples: int | None = None,
) -> dict[str, Any]:
    """Most central people, bodies and documents (degree and betweenness), communities and counts
    by kind, province and year, as plain data (for the table/CSV/JSON writers and for tests).

    Degree counts distinct neighbours; betweenness is normalised, exact up to
    ``EXACT_BETWEENNESS_MAX`` nodes and estimated from ``betweenness_samples`` pivots above.
    """
    simple = _simple(g)
    n = simple.number_of_nodes()
    k = betweenness_samples
    if k is None and n > EXACT_BETWEENNESS_MAX:
        k = BETWEENNESS_SAMPLES
    k = min(k, n) if k else None
    between = nx.betweenness_centrality(simple, k=k, seed=seed, normalized=True) if n else {}
    degree = dict(simple.degree())

    def row(v: Any) -> dict[str, Any]:
        d = g.nodes[v]
        return {"iri": str(v), "label": d.get("label") or str(v), "kind": d.get("kind", "other"),
                "province": d.get("province") or "", "degree": degree.get(v, 0),
                "betweenness": round(between.get(v, 0.0), 6)}

    central: dict[str, list[dict[str, Any]]] = {}
    for kind in kinds:
        members = [v for v in simple.nodes if g.nodes[v].get("kind") == kind]
        members.sort(key=lambda v: (-degree[v], -between.get(v, 0.0), str(g.nodes[v].get("label", v))))
        central[kind] = [{"rank": i + 1, **row(v)} for i, v in enumerate(members[:top])]

    communities = []
    if simple.number_of_edges():
        found = nx.community.louvain_communities(simple, weight="weight", seed=seed)
        found = [c for c in found if len(c) > 1]
        found.sort(key=lambda c: (-len(c), min(str(x) for x in c)))
        for i, comm in enumerate(found[:top]):
            members = sorted(comm, key=lambda v: (-degree[v], str(g.nodes[v].get("label", v))))
            communities.append({
                "id": i + 1, "size": len(comm),
                "kinds": dict(Counter(g.nodes[v].get("kind", "other") for v in comm).most_common()),
                "provinces": dict(
                    Counter(p for v in comm for p in g.nodes[v].get("provinces", [])).most_common(3)
                ),
                "members": [g.nodes[v].get("label") or str(v) for v in members[:5]],
            })

    by_kind = Counter(d.get("kind", "other") for _, d in g.nodes(data=True))
    by_province = Counter(p for _, d in g.nodes(data=True) for p in (d.get("provinces") or ["(không rõ)"]))
    by_year = Counter(y for _, d in g.nodes(data=True) for y in d.get("years", []))
    return {
        "nodes": n, "edges": g.number_of_edges(), "relations": simple.number_of_edges(),
        "components": nx.number_connected_components(simple) if n else 0,
        "betweenness_samples": k, "central": central, "communities": communities,
        "counts": {
            "kind": dict(sorted(by_kind.items(), key=lambda kv: (-kv[1], kv[0]))),
            "province": dict(sorted(by_province.items(), key=lambda kv: (-kv[1], kv[0]))),
            "year": {str(y): c for y, c in sorted(by_year.items())},
        },
    }


# --------------------------------------------------------------------------- writers

def _kind_name(kind: str) -> str:
    return kind_styles().get(kind, {}).get("name_vi", kind)


def _align(rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for r in rows:
        cells = [c.ljust(w) if j < len(r) - 1 else c for j, (c, w) in enumerate(zip(r, widths, strict=True))]
        lines.append("  ".join(cells).rstrip())
    return lines


def format_table(stats: dict[str, Any]) -> str:
    """Human-readable report."""
    out = [f"{stats['nodes']} nút, {stats['edges']} cạnh ({stats['relations']} cặp có quan hệ), "
           f"{stats['components']} thành phần liên thông"]
    if stats["betweenness_samples"]:
        out.append(f"(độ trung gian ước lượng với {stats['betweenness_samples']} mẫu)")
    for kind, rows in stats["central"].items():
        out.append("")
        out.append(f"== {_kind_name(kind)} trung tâm nhất ==")
        if not rows:
            out.append("(không có)")
            continue
        table = [["#", "Tên", "Tỉnh", "Bậc", "Trung gian"]]
        table += [[str(r["rank"]), r["label"][:60], r["province"], str(r["degree"]),
                   f"{r['betweenness']:.4f}"] for r in rows]
        out += _align(table)
    out.append("")
    out.append("== Cộng đồng ==")
    for c in stats["communities"]:
        kinds = ", ".join(f"{_kind_name(k)} {v}" for k, v in c["kinds"].items())
        out.append(f"{c['id']}. {c['size']} nút ({kinds}): {'; '.join(c['members'])}")
    if not stats["communities"]:
        out.append("(không có)")
    for key, title in (("kind", "Theo loại"), ("province", "Theo tỉnh"), ("year", "Theo năm")):
        out.append("")
        out.append(f"== {title} ==")
        items = stats["counts"][key]
        rows = [[_kind_name(k) if key == "kind" else k, str(v)] for k, v in items.items()]
        out += _align(rows) if rows else ["(không có)"]
    return "\n".join(out) + "\n"


def format_csv(stats: dict[str, Any]) -> str:
    """One flat table: section, rank, label, kind, province, degree, betweenness, value."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["section", "rank", "label", "kind", "province", "degree", "betweenness", "value", "iri"])
    for kind, rows in stats["central"].items():
        for r in rows:
            w.writerow([f"central:{kind}", r["rank"], r["label"], r["kind"], r["province"], r["degree"],
                        r["betweenness"], "", r["iri"]])
    for c in stats["communities"]:
        w.writerow(["community", c["id"], "; ".join(c["members"]), "", "; ".join(c["provinces"]), "", "",
                    c["size"], ""])
    for key in ("kind", "province", "year"):
        for label, count in stats["counts"][key].items():
            w.writerow([f"count:{key}", "", label, "", "", "", "", count, ""])
    return buf.getvalue()


def format_stats(stats: dict[str, Any], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(stats, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return format_csv(stats)
    return format_table(stats)
