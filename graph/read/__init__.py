"""The reading stage: report files (plain text or saved HTML, any common encoding) -> clean Articles.

``read_file``/``read_text`` give an :class:`Article` whose ``text`` is the NFC string every later offset
counts on; unusable input raises :class:`ReadError` with a human reason.
"""

from graph.read.article import Article, ReadError
from graph.read.reader import iter_inputs, read_file, read_text

__all__ = ["Article", "ReadError", "iter_inputs", "read_file", "read_text"]
