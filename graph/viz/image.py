"""Static pictures (PNG/SVG) of a relationship graph with matplotlib, readable at ~200 nodes.

Readability over completeness: nodes are spread by a force layout, only the most central nodes
(and the focus) are labelled, labels that would overlap an earlier one are dropped, long labels
are shortened, and a legend explains colours and shapes.  DejaVu Sans has the Vietnamese glyphs.
"""

from __future__ import annotations

import io
import math
import os
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import networkx as nx
from matplotlib.lines import Line2D

from graph.errors import UserError
from graph.viz.html import atomic_write
from graph.viz.project import kind_styles

FONT = "DejaVu Sans"
SEED = 7


def _component_layout(g: nx.Graph) -> dict[Any, tuple[float, float]]:
    n = g.number_of_nodes()
    if n == 1:
        return {next(iter(g.nodes)): (0.0, 0.0)}
    if n == 2:
        a, b = list(g.nodes)
        return {a: (-0.5, 0.0), b: (0.5, 0.0)}
    if n < 500:
        pos = nx.spring_layout(g, k=1.6 / math.sqrt(n), iterations=200 if n < 200 else 100, seed=SEED)
    else:
        pos = nx.forceatlas2_layout(g, max_iter=100, seed=SEED, scaling_ratio=2.0)
    return {v: (float(x), float(y)) for v, (x, y) in pos.items()}


def layout(g: nx.Graph) -> dict[Any, tuple[float, float]]:
    """Positions that spread nodes: each connected component laid out on its own
    (Fruchterman-Reingold with spacing tuned to its size below 500 nodes, ForceAtlas2 above,
    both numpy only), then components packed in rows, biggest first, area by node count, so
    small islands do not fly to the corners."""
    simple = nx.Graph(g.to_undirected()) if g.is_multigraph() or g.is_directed() else g
    if simple.number_of_nodes() == 0:
        return {}
    comps = sorted((sorted(c, key=str) for c in nx.connected_components(simple)),
                   key=lambda c: (-len(c), str(c[0])))
    boxes = []
    for comp in comps:
        pos = _component_layout(simple.subgraph(comp))
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        w, h = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
        side = math.sqrt(len(comp))                      # a component's area grows with its size
        scale = side / max(w, h)
        boxes.append(({v: ((x - min(xs)) * scale, (y - min(ys)) * scale) for v, (x, y) in pos.items()},
                      w * scale, h * scale))
    row_width = max(boxes[0][1], math.sqrt(sum((bw + 1) * (bh + 1) for _, bw, bh in boxes)) * 1.2)
    out: dict[Any, tuple[float, float]] = {}
    x = y = row_h = 0.0
    gap = 0.8
    for pos, bw, bh in boxes:
        if x > 0 and x + bw > row_width:
            x, y, row_h = 0.0, y - row_h - gap, 0.0
        for v, (px, py) in pos.items():
            out[v] = (x + px, y - bh + py)
        x += bw + gap
        row_h = max(row_h, bh)
    return out


def shorten(text: str, n: int = 28) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _label_candidates(g: nx.MultiDiGraph, limit: int) -> list[Any]:
    focus = g.graph.get("focus")
    ranked = sorted(g.nodes, key=lambda n: (-g.degree(n), str(g.nodes[n].get("label", n))))
    out = [focus] if focus in g else []
    out += [n for n in ranked if n != focus][: max(limit - len(out), 0)]
    return out


def draw(g: nx.MultiDiGraph, ax: Any, *, title: str | None = None, max_labels: int | None = None) -> int:
    """Draw ``g`` on a matplotlib Axes; returns how many labels were placed."""
    styles = kind_styles()
    pos = layout(g)
    n = g.number_of_nodes()
    simple = nx.Graph(g.to_undirected())
    max_deg = max((d for _, d in g.degree()), default=1) or 1
    ax.set_axis_off()
    nx.draw_networkx_edges(simple, pos, ax=ax, edge_color="#9aa5a8", width=0.6 if n > 300 else 0.9,
                           alpha=0.6)
    focus = g.graph.get("focus")
    present = []
    for kind, style in styles.items():
        members = [v for v in g.nodes if g.nodes[v].get("kind", "other") == kind]
        if not members:
            continue
        present.append((kind, style, len(members)))
        base, extra = (10, 120) if n > 600 else (30, 220) if n > 300 else (60, 260)  # crowd -> smaller marks
        sizes = [base + extra * math.sqrt(g.degree(v) / max_deg) for v in members]
        nx.draw_networkx_nodes(g, pos, nodelist=members, ax=ax, node_color=style["colour"],
                               node_shape=style["marker"], node_size=sizes,
                               edgecolors=["#000" if v == focus else "#333" for v in members],
                               linewidths=[2.5 if v == focus else 0.5 for v in members])
    # labels: most central first; skip one whose box would overlap a placed label
    limit = max_labels if max_labels is not None else (30 if n <= 250 else 20)
    fig = ax.figure
    fig.canvas.draw()
    placed: list[tuple[float, float, float, float]] = []
    count = 0
    fontsize = 8 if n > 100 else 9
    char_w, line_h = fontsize * 0.62 * fig.dpi / 72, fontsize * 1.5 * fig.dpi / 72
    for v in _label_candidates(g, limit):
        text = shorten(g.nodes[v].get("label") or v)
        x, y = ax.transData.transform(pos[v])
        w = char_w * len(text)
        box = (x - w / 2, y - line_h - 6, x + w / 2, y - 6)
        if any(not (box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3]) for b in placed):
            continue
        placed.append(box)
        ax.annotate(text, xy=pos[v], xytext=(0, -8), textcoords="offset points", ha="center", va="top",
                    fontsize=fontsize, family=FONT, fontweight="bold" if v == focus else "normal",
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})
        count += 1
    handles = [Line2D([], [], linestyle="", marker=s["marker"], markersize=9, markerfacecolor=s["colour"],
                      markeredgecolor="#333", label=f"{s['name_vi']} ({c})") for _, s, c in present]
    if handles:
        ax.legend(handles=handles, loc="upper left", frameon=True, fontsize=9, prop={"family": FONT})
    heading = title or f"Mạng quan hệ — {n} nút, {g.number_of_edges()} cạnh"
    if focus in g and not title:
        heading += f" quanh «{shorten(g.nodes[focus].get('label', focus), 40)}»"
    ax.set_title(heading, fontsize=13, family=FONT)
    return count


def render_image(g: nx.MultiDiGraph, *, format: str = "png", title: str | None = None,
                 size: tuple[float, float] = (14.0, 10.0), dpi: int = 150) -> bytes:
    """The picture as bytes (see :func:`write_image`)."""
    if format not in {"png", "svg"}:
        raise UserError(f"unknown picture format {format!r} (png or svg)")
    with plt.rc_context({"font.family": FONT, "svg.fonttype": "none"}):
        fig, ax = plt.subplots(figsize=size, dpi=dpi)
        try:
            draw(g, ax, title=title)
            fig.tight_layout()
            buf = io.BytesIO()
            fig.savefig(buf, format=format, dpi=dpi, facecolor="white")
        finally:
            plt.close(fig)
    return buf.getvalue()


def write_image(g: nx.MultiDiGraph, out: str | os.PathLike[str], *, format: str | None = None,
                title: str | None = None, focus: str | None = None) -> Path:
    """Write a PNG or SVG picture of ``g`` (format from the suffix when not given).  ``focus``
    (a node or a name) is drawn bold and always labelled.  Written atomically."""
    fmt = format or Path(out).suffix.lower().lstrip(".") or "png"
    if focus is not None:
        from graph.viz.project import find_node

        g = g.copy()
        g.graph["focus"] = find_node(g, focus)
    return atomic_write(out, render_image(g, format=fmt, title=title))
