"""Where the graph lives: the on-disk store, graph files and remote SPARQL endpoints.

* :func:`open_store` / :class:`KGStore` — pyoxigraph on disk, one named graph per article.
* :func:`load_dataset` — a graph file in an in-memory store (for queries and exports).
* :class:`Endpoint` (``graph.store.remote``) — SPARQL 1.1 Protocol queries and Graph Store pushes.
* :class:`Rows` — query answers as plain rows.
"""

from graph.store.files import guess_format, load_dataset, parse_file
from graph.store.kgstore import ArticleInfo, KGStore, open_store
from graph.store.prefixes import PREFIXES, article_iri, compact
from graph.store.results import Rows, term_value

__all__ = [
    "PREFIXES",
    "ArticleInfo",
    "KGStore",
    "Rows",
    "article_iri",
    "compact",
    "guess_format",
    "load_dataset",
    "open_store",
    "parse_file",
    "term_value",
]
