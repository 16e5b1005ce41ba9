"""One self-contained, offline HTML page that shows a relationship graph (vis-network inlined).

Safety: article text reaches the page only as JSON inside ``<script type="application/json">``,
escaped so that no ``</script>``, ``<!--`` or line separator can end or change that block, and the
page's code puts it on screen with ``textContent`` (or draws it on the canvas).  A Content Security
Policy allows only the page's own inline scripts (by hash): an injected handler could not run anyway.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx

from graph.viz.project import kind_styles

STATIC = Path(__file__).with_name("static")
BIG_GRAPH = 1000  # from here on: no improved layout, bounded stabilisation, no edge labels
TOP_NODES = 300   # a bigger graph opens on its most central nodes (the rest one click away)
LABELLED = 20     # the most central nodes whose labels are drawn readable at the starting zoom


def script_json(value: Any) -> str:
    """JSON safe to place inside a <script> element: <, >, & and U+2028/2029 escaped."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


@lru_cache(maxsize=1)
def _static() -> dict[str, str]:
    parts = {name: (STATIC / name).read_text(encoding="utf-8")
             for name in ("page.html", "page.css", "page.js", "vis-network.min.js")}
    for name in ("page.js", "vis-network.min.js"):
        if re.search(r"</script|<!--", parts[name], re.IGNORECASE):
            raise RuntimeError(f"{name} cannot be inlined: it contains </script or <!--")
    return parts


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def centrality_ranks(g: nx.MultiDiGraph) -> dict[Any, tuple[int, int]]:
    """Each node's (rank, distinct neighbours): rank 0 is the most central.  Centrality is degree on
    the undirected simple graph (as in ``dantoc-kg stats``): cheap at any size and easy to explain;
    ties go to the node with more relations, then to the name, so the order is stable."""
    neighbours = {n: len(set(g.predecessors(n)) | set(g.successors(n)) - {n}) for n in g.nodes}
    order = sorted(g.nodes, key=lambda n: (-neighbours[n], -g.degree(n),
                                           str(g.nodes[n].get("label") or n), str(n)))
    return {n: (i, neighbours[n]) for i, n in enumerate(order)}


def page_payload(g: nx.MultiDiGraph, *, title: str = "", show_isolated: bool = False,
                 top: int | None = TOP_NODES, labelled: int = LABELLED) -> dict[str, Any]:
    """The data the page draws: nodes and edges by integer id, sentences and articles interned
    once (a sentence is often evidence for several facts), each node's centrality rank, and how the
    page opens: isolated nodes folded away unless ``show_isolated``, at most ``top`` nodes (the most
    central; None or 0: all) and the ``labelled`` most central ones labelled readable."""
    index = {n: i for i, n in enumerate(g.nodes)}
    ranks = centrality_ranks(g)
    sentences: list[dict[str, Any]] = []
    sentence_ix: dict[str, int] = {}
    articles: list[dict[str, str]] = []
    article_ix: dict[tuple[str, str], int] = {}

    def sent(ev: dict[str, str]) -> int:
        key = ev.get("sentence_iri") or ev["sentence"]
        if key not in sentence_ix:
            akey = (ev.get("article", ""), ev.get("headline", ""))
            if akey not in article_ix:
                article_ix[akey] = len(articles)
                articles.append({"id": akey[0], "h": akey[1], "d": ev.get("date", "")})
            sentence_ix[key] = len(sentences)
            sentences.append({"t": ev["sentence"], "a": article_ix[akey]})
        return sentence_ix[key]

    nodes = []
    for n, d in g.nodes(data=True):
        facts = [{
            "r": f["relation"], "o": f["direction"], "oi": index.get(f["other"]), "ol": f["other_label"],
            "d": list(f.get("dates", [])), "e": [sent(e) for e in f.get("evidence", [])],
        } for f in d.get("facts", [])]
        nodes.append({
            "id": index[n], "iri": d.get("iri", n), "k": d.get("kind", "other"),
            "l": d.get("label") or str(n),
            "p": list(d.get("provinces", [])), "y": list(d.get("years", [])), "deg": g.degree(n),
            "r": ranks[n][0], "nb": ranks[n][1],
            "e": [sent(e) for e in d.get("evidence", [])], "f": facts,
        })
    edges = [{"from": index[u], "to": index[v], "l": d.get("label", ""), "d": list(d.get("dates", []))}
             for u, v, d in g.edges(data=True)]
    focus = g.graph.get("focus")
    return {
        "title": title, "kinds": kind_styles(), "nodes": nodes, "edges": edges,
        "sentences": sentences, "articles": articles,
        "focus": index.get(focus) if focus is not None else None,
        "view": {"show_isolated": bool(show_isolated), "top": int(top) if top else 0, "labelled": int(labelled)},
    }


def render_html(g: nx.MultiDiGraph, *, title: str | None = None, show_isolated: bool = False,
                top: int | None = TOP_NODES) -> str:
    """The page as a string (see :func:`write_html`)."""
    parts = _static()
    title = title or f"Mạng quan hệ dân tộc — {g.number_of_nodes()} nút"
    scripts = (parts["vis-network.min.js"], parts["page.js"])
    csp = ("default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'; "
           f"script-src {' '.join(_sha256(s) for s in scripts)}; base-uri 'none'; form-action 'none'")
    fill = {
        "CSP": html.escape(csp), "TITLE": html.escape(title), "CSS": parts["page.css"],
        "DATA": script_json(page_payload(g, title=title, show_isolated=show_isolated, top=top)), "VIS_JS": scripts[0], "PAGE_JS": scripts[1],
    }
    # one pass, so nothing inserted is ever read again as a placeholder
    return re.sub(r"\{\{([A-Z_]+)\}\}", lambda m: fill[m.group(1)], parts["page.html"])


def atomic_write(out: str | os.PathLike[str], data: str | bytes) -> Path:
    """Write next to the target then rename: a reader never sees half a file (the shared helper:
    stdout, symlinks, pipes and devices are handled there)."""
    from graph.export.writers import atomic_write as write_atomically

    payload = data.encode("utf-8") if isinstance(data, str) else data
    return write_atomically(out, lambda fh: fh.write(payload))


def write_html(g: nx.MultiDiGraph, out: str | os.PathLike[str], *, title: str | None = None,
               show_isolated: bool = False, top: int | None = TOP_NODES) -> Path:
    """Write ``g`` (from :func:`graph.viz.to_networkx`) as one offline HTML page at ``out``:
    colours and shapes by kind, legend, name search, kind/province/year filters, grouping by kind or
    province, a side panel with each node's facts and evidence sentences.  It opens readable: the
    most central nodes labelled, isolated nodes folded away (unless ``show_isolated``) and, on a
    graph bigger than ``top`` nodes, only the ``top`` most central (the page says what it hides and
    shows the rest on request).  Written atomically; returns the path."""
    return atomic_write(out, render_html(g, title=title, show_isolated=show_isolated, top=top))
