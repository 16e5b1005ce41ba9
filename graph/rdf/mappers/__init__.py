"""One mapper per fact kind: each turns one kind of extracted fact into quads of the article's graph.

``graph.rdf.mapping.build_article_graph`` runs them in order (article, bodies, documents, programmes,
officials, events, figures); later mappers link to nodes earlier ones minted through :class:`MapContext`.
"""
