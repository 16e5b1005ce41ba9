"""Where extraction and RDF mapping spend their time, on generated articles (cProfile).

    python -m benchmarks.profile_extract [--count 300] [--top 25]

Prints per-article milliseconds of each phase and the functions with the most own time, so a
regression or a fix in an extractor shows up as a number.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import time


def main(argv: list[str] | None = None) -> int:
    from benchmarks.generate import articles
    from graph.extract.pipeline import extract_article
    from graph.rdf.mapping import build_article_graph
    from graph.read import read_text
    from graph.resolve.gazetteer import Gazetteer
    from graph.resolve.orgs import guide_of, org_key, parent_of

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--top", type=int, default=25)
    a = ap.parse_args(argv)
    arts = [read_text(text, source=stem) for stem, text in articles(a.count, seed=99)]
    gz = Gazetteer.default()
    extract_article(arts[0], gz)

    def mapping(art: object, facts: object) -> object:
        return build_article_graph(art, facts, org_key=org_key, parent_of=parent_of,
                                   place=lambda s: gz.province(s), guide_of=guide_of)

    t = time.perf_counter()
    facts = [extract_article(x, gz) for x in arts]
    te = time.perf_counter() - t
    t = time.perf_counter()
    graphs = [mapping(x, f) for x, f in zip(arts, facts, strict=True)]
    tm = time.perf_counter() - t
    quads = sum(len(g.quads) for g in graphs) / len(graphs)
    print(f"{len(arts)} articles: extraction {te / len(arts) * 1000:.2f} ms/article ({len(arts) / te:.0f}/s), "
          f"mapping {tm / len(arts) * 1000:.2f} ms/article ({len(arts) / tm:.0f}/s), {quads:.0f} quads/article")
    for label, fn in (("extraction", lambda: [extract_article(x, gz) for x in arts]),
                      ("mapping", lambda: [mapping(x, f) for x, f in zip(arts, facts, strict=True)])):
        pr = cProfile.Profile()
        pr.enable()
        fn()
        pr.disable()
        buf = io.StringIO()
        pstats.Stats(pr, stream=buf).sort_stats("tottime").print_stats(a.top)
        print(f"\n## {label}: top own-time functions ({len(arts)} articles)\n{buf.getvalue()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
