"""``dantoc-kg serve``: a local, read-only web app over the graph (Starlette + uvicorn).

Search without tones, entity pages whose every fact links to its sentence, an article reader with the
extracted phrases highlighted, the stored questions as forms, a SPARQL 1.1 Protocol endpoint and a
JSON API (docs/SERVE.md).  Everything it serves is bundled: it works offline.
"""

from graph.serve.app import create_app

__all__ = ["create_app"]
