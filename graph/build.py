"""The main job: read report files, extract facts, map them to RDF, write the graph.

Files are processed in parallel (processes: extraction is CPU-bound Python), each returning its
article's named graph as N-Quads, which the parent loads with Oxigraph's native parser.  A file that
cannot be read is skipped with its reason and the batch goes on; two files with the same text are
one article with both file names recorded.

Nothing one file does may stop the batch: an unreadable file is skipped with its reason, an
unexpected exception while extracting or mapping one article is skipped as "extraction failed:
<exception class>: <message>" ("reading failed: ..." when the reader broke), and each file gets at
most ``ARTICLE_SECONDS`` to be read, extracted and mapped (a SIGALRM timer in the process doing the
work; ``re`` checks signals while matching, so a regex that backtracks badly is interrupted too).  The cap is a guard, not a budget:
a ~3 KB report takes a few milliseconds; only texts that make an extractor quadratic (a 1 MB line,
200k commas, a page of digits) come near it.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import itertools
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Store, Triple, parse, serialize

from graph.errors import UserError
from graph.rdf.namespaces import DCTERMS
from graph.store.kgstore import KGStore
from graph.workers import init_worker, kill_workers

ARTICLE_SECONDS = 60.0   # extraction time allowed per article before it is skipped (0: no limit)
_MESSAGE_CHARS = 200     # an exception message longer than this is cut in the summary

KINDS = {
    "articles": "http://schema.org/NewsArticle",
    "bodies": "http://www.w3.org/ns/org#Organization",
    "people": "http://xmlns.com/foaf/0.1/Person",
    "positions held": "http://www.w3.org/ns/org#Membership",
    # normative acts and non-normative works (plans, reports, Party documents: graph/rdf/works.py)
    "legal documents": "http://data.europa.eu/eli/ontology#LegalResource http://data.europa.eu/eli/ontology#Work",
    "programmes": "https://w3id.org/dantoc-kg/def#Programme",
    "events": "http://data.europa.eu/eli/eli-draft-legislation-ontology#Activity",
    "figures": "http://purl.org/linked-data/cube#Observation",
    "evidence sentences": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Sentence",
}


@dataclass
class Outcome:
    source: str
    path: str
    sha1: str = ""          # digest of the file's bytes: the article's identity
    graph: str = ""
    nquads: bytes = b""
    skipped: str | None = None
    text_sha1: str = ""     # digest of the cleaned text: a re-encoded copy is a duplicate too
    # the known SKOS concepts (and schemes) the article uses, as graph.rdf.vocab keys: their triples are
    # written once per build or store into the vocabulary graph, not into each article graph
    concepts: list[str] = field(default_factory=list)
    # for a build that keeps only the union (``union_only``): the article's triples as N-Triples, and its
    # claims (graph.resolve.claims) as N-Quads in its graph, in place of ``nquads``
    ntriples: bytes = b""
    claims: bytes = b""


@dataclass
class BuildResult:
    store: Store
    # the union of the article graphs in a default graph, de-duplicated: what Turtle/N-Triples output and
    # the SHACL check read (an in-memory build fills its own as the articles come; a KGStore keeps one)
    union: Store | None = None
    articles: int = 0
    duplicates: list[tuple[str, str]] = field(default_factory=list)   # (file, same text as)
    skipped: list[tuple[str, str]] = field(default_factory=list)      # (file, reason)
    seconds: float = 0.0

    def counts(self) -> dict[str, int]:
        out = {}
        store, whole = (self.union, False) if self.union is not None else (self.store, True)
        for label, cls in KINDS.items():
            classes = " ".join(f"<{c}>" for c in cls.split())
            q = f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ VALUES ?c {{ {classes} }} ?s a ?c }}"
            out[label] = int(next(iter(store.query(q, use_default_graph_as_union=whole)))["n"].value)
        return out


class ExtractionTimeout(Exception):
    """One article took longer than the per-article limit."""


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`ExtractionTimeout` in this thread after ``seconds`` (no-op off the main thread,
    on platforms without ``setitimer``, or with ``seconds <= 0``)."""
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def _expired(_signum: int, _frame: object) -> None:
        raise ExtractionTimeout(f"took longer than {seconds:g} s (a pathological text?)")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _describe(exc: BaseException) -> str:
    """``Class: message`` on one line, cut to a readable length."""
    message = " ".join(str(exc).split())
    if len(message) > _MESSAGE_CHARS:
        message = message[:_MESSAGE_CHARS] + "..."
    return f"{exc.__class__.__name__}: {message}" if message else exc.__class__.__name__


def process_file(path: str, seconds: float = ARTICLE_SECONDS, union_only: bool = False) -> Outcome:
    """Read, extract and map one file (runs in a worker process); never raises for one bad file.
    ``union_only``: the graph comes as what an in-memory union loads (Outcome.ntriples and .claims)."""
    p = Path(path)
    stage = ["reading"]
    try:
        with _time_limit(seconds):
            return _process(p, stage, union_only)
    except Exception as exc:  # one article must never stop the batch: say what broke and go on
        what = "reading failed" if stage[0] == "reading" else "extraction failed"
        return Outcome(p.stem, path, skipped=f"{what}: {_describe(exc)}")


def _process(p: Path, stage: list[str], union_only: bool = False) -> Outcome:
    from graph.extract.pipeline import extract_article
    from graph.rdf.mapping import build_article_graph
    from graph.read import ReadError, read_file
    from graph.resolve.gazetteer import Gazetteer
    from graph.resolve.orgs import guide_of, org_key, parent_of

    path = str(p)
    try:
        article = read_file(p)
    except ReadError as exc:
        return Outcome(p.stem, path, skipped=exc.reason)
    except OSError as exc:
        return Outcome(p.stem, path, skipped=f"cannot read: {exc.strerror or exc}")
    stage[0] = "extraction"
    gz = Gazetteer.default()
    facts = extract_article(article, gz)
    g = build_article_graph(article, facts, org_key=org_key, parent_of=parent_of,
                            place=lambda slug: gz.province(slug), guide_of=guide_of)
    if union_only:
        # the worker writes what the parent's union loads: the parent cutting graph names off and picking
        # the claim lines out of each article's N-Quads cost it ~0.6 s of 2,000 VNTC articles, on the core
        # it shares with the workers, and the bytes sent were a third longer
        claims = _claim_predicate_names()
        return Outcome(article.source, path, sha1=article.sha1, graph=g.iri.value, text_sha1=article.text_sha1,
                       concepts=sorted(g.vocabulary),
                       ntriples=serialize(g.triples, format=RdfFormat.N_TRIPLES) or b"",
                       claims=serialize(g.quads_of(claims), format=RdfFormat.N_QUADS) or b"")
    data = serialize(g.quads, format=RdfFormat.N_QUADS)
    return Outcome(article.source, path, sha1=article.sha1, graph=g.iri.value, nquads=data or b"",
                   text_sha1=article.text_sha1, concepts=sorted(g.vocabulary))


def _run(paths: list[str], jobs: int, seconds: float, union_only: bool = False,
         meanwhile: Callable[[], object] | None = None) -> Iterator[Outcome]:
    if jobs <= 1 or len(paths) < 8:
        if meanwhile is not None:
            meanwhile()
        for p in paths:
            yield process_file(p, seconds, union_only)
        return
    yield from _run_pool(paths, jobs, seconds, union_only, meanwhile)


def _run_pool(paths: list[str], jobs: int, seconds: float, union_only: bool = False,
              meanwhile: Callable[[], object] | None = None) -> Iterator[Outcome]:
    """Results in input order.  A worker that dies (a crash in a C library, the OOM killer) breaks the
    pool: the files that were in flight are then redone one at a time in a one-worker pool, so the
    one that kills its worker is found and skipped, and the batch goes on with a fresh pool."""
    work = functools.partial(_process_chunk, seconds=seconds, union_only=union_only)
    pending = paths
    suspects = 0   # > 0: the next `suspects` files run one by one to find the one killing workers
    while pending:
        batch = pending[:suspects] if suspects else pending
        workers = 1 if suspects else jobs
        chunk = 1 if suspects else max(1, min(64, len(batch) // (jobs * 8) or 1))
        done = 0
        try:
            pool = ProcessPoolExecutor(max_workers=workers, initializer=init_worker, initargs=(os.getpid(),))
            try:
                for out in _bounded_map(pool, work, batch, chunk, window=workers * IN_FLIGHT_CHUNKS,
                                        meanwhile=meanwhile):
                    done += 1
                    yield out
            except BaseException:   # Ctrl-C, SIGTERM, or the caller stopped: the queued work must not run on
                kill_workers(pool)
                raise
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
            suspects = 0
        except BrokenProcessPool as exc:
            meanwhile = None
            if suspects:
                culprit = batch[done]
                reason = f"extraction failed: the worker process died on this file ({_describe(exc)})"
                yield Outcome(Path(culprit).stem, culprit, skipped=reason)
                done += 1
                suspects = 0
            else:
                suspects = jobs * IN_FLIGHT_CHUNKS * chunk   # every file submitted and not consumed: one killed its worker
        pending = pending[done:]


# chunks of files a worker may have in flight: pool.map would queue every result in the parent, and the
# parent (loading the store) is slower than the workers, so at 10k reports ~1 GB of graphs waited there
IN_FLIGHT_CHUNKS = 4


def _process_chunk(paths: list[str], seconds: float, union_only: bool = False) -> list[Outcome]:
    return [process_file(p, seconds, union_only) for p in paths]


def _bounded_map(pool: ProcessPoolExecutor, work: Callable[[list[str]], list[Outcome]], items: list[str],
                 chunk: int, *, window: int, meanwhile: Callable[[], object] | None = None) -> Iterator[Outcome]:
    """``pool.map(work, items, chunksize=chunk)`` in input order, with at most ``window`` chunks submitted
    and not yet consumed: the workers wait for the parent instead of piling results up in its memory.
    ``meanwhile`` runs once the first chunks are submitted (the workers are forked by then), while the
    parent would otherwise wait for the first results."""
    chunks = (items[i:i + chunk] for i in range(0, len(items), chunk))
    queue: collections.deque[Future[list[Outcome]]] = collections.deque()
    try:
        for part in itertools.islice(chunks, window):
            queue.append(pool.submit(work, part))
        if meanwhile is not None:
            meanwhile()
        while queue:
            outs = queue.popleft().result()
            for part in itertools.islice(chunks, 1):
                queue.append(pool.submit(work, part))
            yield from outs
    finally:
        for future in queue:
            future.cancel()


# new articles are bulk-loaded into a store in batches of about this many quads (bigger: fewer, larger
# loads, each of which RocksDB ingests and compacts: on 5k reports one load cost ~15% less CPU than 18;
# the batch and its union copy are held in memory, ~150 bytes a quad; the environment variable lets the
# fault tests make kills land between many small batches)
BATCH_QUADS = int(os.environ.get("DANTOC_BATCH_QUADS", "500000"))
# an in-memory build loads smaller batches as the results come, so the parent's loading (~0.7 ms an article)
# runs while the workers extract instead of after them, when one core would wait: on 2,000 VNTC articles
# (~320k quads) one 500k batch was one serial 1.35 CPU s load at the end.  Smaller batches cost more in
# all (measured in-process: 1.34 s as one, 1.39 s in 80k-quad batches, 1.52 s in 16k ones)
MEMORY_BATCH_QUADS = 50000


def build(
    inputs: Iterable[Path],
    *,
    jobs: int | None = None,
    progress: bool = False,
    store: KGStore | None = None,
    article_seconds: float = ARTICLE_SECONDS,
    graphs: bool = True,
    meanwhile: Callable[[], object] | None = None,
) -> BuildResult:
    """Build the graph of every report under ``inputs``.

    In memory by default; with ``store`` (an on-disk KGStore) each article's graph replaces its previous
    version there (a changed file replaces its old article, a re-run changes nothing), so a store grows
    by adding new reports without re-reading old ones.  ``article_seconds`` caps the extraction time
    of one article (0: no cap); an article over it is skipped like an unreadable file.
    ``graphs=False`` (in memory only) keeps just ``result.union``, not the per-article graphs in
    ``result.store``: all that Turtle/N-Triples output and the SHACL check need, at about half the
    parent's loading work.  ``meanwhile`` is run once while the workers start (the parent's own
    preparation for after the build: the SHACL checks compiled, read once per process).
    """
    from graph.read import ReadError, iter_inputs

    try:
        paths = [str(p) for p in iter_inputs(list(inputs))]
    except ReadError as exc:
        raise UserError(f"{exc.path}: {exc.reason}") from None
    if not paths:
        raise UserError("no .txt or .html reports found in the inputs given")
    jobs = jobs or min(os.cpu_count() or 1, 8)
    result = BuildResult(store.oxigraph if store is not None else Store())
    result.union = result.store if store is not None else Store()
    known = {} if store is None else _sources_by_article(store)
    known_sources = {name for names in known.values() for name in names}
    seen: dict[str, tuple[str, str]] = {}   # file digest or text digest -> (first path, its article graph)
    pending: list = []   # new articles in batches: (graph, N-Quads); union_only: (N-Triples, claim N-Quads)
    pending_quads = 0
    written: set[str] = set()               # vocabulary keys written (in memory; a store keeps its own)
    concepts: list[str] = []                # vocabulary keys to write with the next batch
    batch_quads = BATCH_QUADS if store is not None else min(BATCH_QUADS, MEMORY_BATCH_QUADS)
    union_only = store is None and not graphs     # workers then send the union's triples and their claims

    def flush() -> None:
        """One redo-logged bulk load of the pending articles' graphs and of their triples in the union,
        with the concepts they use that the vocabulary graph does not hold yet."""
        nonlocal pending_quads
        if concepts:
            from graph.rdf.vocab import vocabulary_nquads
            from graph.store.prefixes import VOCABULARY_GRAPH

            vocabulary = (VOCABULARY_GRAPH, vocabulary_nquads(concepts))
            if union_only:
                _load_in_memory(result, [vocabulary], graphs=False)
            else:
                pending.insert(0, vocabulary)
            concepts.clear()
        if pending and store is not None:
            store.add_new_articles(pending)
        elif pending and union_only:
            _load_union(result, pending)
        elif pending:
            _load_in_memory(result, pending, graphs=graphs)
        pending.clear()
        pending_quads = 0

    started = time.perf_counter()
    last = started
    for i, out in enumerate(_run(paths, jobs, article_seconds, union_only, meanwhile), 1):
        if out.skipped:
            result.skipped.append((out.path, out.skipped))
        elif out.sha1 in seen or out.text_sha1 in seen:
            # the same bytes (one article), or the same text in other bytes (a re-encoded copy): one article
            first, graph = seen.get(out.sha1) or seen[out.text_sha1]
            result.duplicates.append((out.path, first))
            flush()
            if store is not None:
                _forget_elsewhere(store, out.source, graph)
                store.before_change([graph], [Triple(NamedNode(graph), DCTERMS.identifier, Literal(out.source))])
            if graphs or store is not None:
                result.store.add(Quad(NamedNode(graph), DCTERMS.identifier, Literal(out.source), NamedNode(graph)))
            # and in the de-duplicated union (a store's default graph, or the in-memory union)
            result.union.add(Quad(NamedNode(graph), DCTERMS.identifier, Literal(out.source)))
        else:
            seen[out.sha1] = (out.path, out.graph)
            if out.text_sha1:
                seen.setdefault(out.text_sha1, (out.path, out.graph))
            if store is not None:
                concepts.extend(store.vocabulary_missing(out.concepts))
            else:
                concepts.extend(k for k in out.concepts if k not in written)
                written.update(out.concepts)
            if store is None or (out.graph not in known and out.source not in known_sources):
                # a text and a file name the store has never seen: nothing to replace, so it joins a
                # bulk-loaded batch (about 5x cheaper than transactional writes, 30x than an update each)
                if union_only:
                    pending.append((out.ntriples, out.claims))
                    pending_quads += out.ntriples.count(b"\n")
                else:
                    pending.append((out.graph, out.nquads))
                    pending_quads += out.nquads.count(b"\n")
                if pending_quads >= batch_quads:
                    flush()
            else:
                # the same text known under other file names in an earlier run keeps those names
                quads = list(parse(out.nquads, format=RdfFormat.N_QUADS))
                older = known.get(out.graph, set()) - {out.source}
                graph_name = NamedNode(out.graph)
                quads += [Quad(graph_name, DCTERMS.identifier, Literal(name), graph_name) for name in sorted(older)]
                flush()
                store.replace_article(out.graph, quads, sources={out.source})
            result.articles += 1
        now = time.perf_counter()
        if progress and (now - last > 1.0 or i == len(paths)):
            rate = i / (now - started)
            left = (len(paths) - i) / rate if rate else 0
            print(f"\r{i}/{len(paths)} files, {rate:.0f}/s, ~{left:.0f} s left", end="", file=sys.stderr, flush=True)
            last = now
    flush()
    if store is not None:   # the union shows one value where the new reports disagree (graph.resolve.claims)
        store.settle_claims()
    else:
        _settle_in_memory(result.union)
    if progress:
        print(file=sys.stderr)
    result.seconds = time.perf_counter() - started
    return result


def _load_in_memory(result: BuildResult, articles: list[tuple[str, bytes]], *, graphs: bool = True) -> None:
    """Articles' N-Quads into the in-memory store (with ``graphs``), and their triples into the in-memory
    union, with Oxigraph's native parser.  An article's quads all name its graph, so its N-Triples are its
    N-Quads with `` <graph> .`` cut from each line end (a newline inside a literal is escaped, never raw)."""
    assert result.union is not None
    if graphs:
        result.store.bulk_load(b"".join(nquads for _graph, nquads in articles), format=RdfFormat.N_QUADS)
    triples = b"".join(nquads.replace(f" <{graph}> .\n".encode(), b" .\n") for graph, nquads in articles)
    result.union.bulk_load(triples, format=RdfFormat.N_TRIPLES)
    # each report's claims (its values of the properties the shapes allow once, and its date) stay in its
    # own graph beside the union, so disagreements can be settled by graph.resolve.claims' rule
    claims = b"".join(line for _graph, nquads in articles for line in _claim_lines(nquads))
    if claims:
        result.union.bulk_load(claims, format=RdfFormat.N_QUADS)


def _load_union(result: BuildResult, articles: list[tuple[bytes, bytes]]) -> None:
    """A union-only build's articles, as its workers sent them (N-Triples, claim N-Quads), into the union."""
    assert result.union is not None
    result.union.bulk_load(b"".join(triples for triples, _claims in articles), format=RdfFormat.N_TRIPLES)
    claims = b"".join(claims for _triples, claims in articles)
    if claims:
        result.union.bulk_load(claims, format=RdfFormat.N_QUADS)


@functools.cache
def _claim_predicate_names() -> frozenset[str]:
    """The predicates a report's claim is read from (graph.resolve.claims)."""
    from graph.resolve.claims import DATE_PUBLISHED, functional

    return frozenset({*functional(), DATE_PUBLISHED.value})


@functools.cache
def _claim_predicates() -> re.Pattern[bytes]:
    """A claim predicate written after a subject IRI: ``> <predicate> `` (graph.resolve.claims)."""
    alternation = b"|".join(re.escape(p.encode()) for p in sorted(_claim_predicate_names()))
    return re.compile(rb"> <(?:" + alternation + rb")> ")


def _claim_lines(nquads: bytes) -> list[bytes]:
    """The N-Quads lines (``<subject> <predicate> ...\n``) whose predicate is one a report's claim is read from.

    The predicate text is looked for first, then its line checked: a line-anchored regex tried at every
    byte of the articles' N-Quads took twice as long (0.30 s against 0.14 s on 2,000 VNTC articles)."""
    out = []
    find, rfind = nquads.find, nquads.rfind
    for m in _claim_predicates().finditer(nquads):
        at = m.start()
        start = rfind(b"\n", 0, at) + 1
        # the predicate position: the line's subject is an IRI that ends right here (no ">" inside an IRI)
        if nquads[start:start + 1] != b"<" or find(b">", start, at + 1) != at:
            continue
        end = find(b"\n", m.end())
        if end >= 0:
            out.append(nquads[start:end + 1])
    return out


def _settle_in_memory(union: Store | None) -> None:
    """The in-memory union shows one value where reports disagree; the claim copies then go, so the
    union store holds the union alone (what is written, counted and validated)."""
    if union is None:
        return
    from graph.resolve.claims import contested, settle

    pairs = contested(union)
    if pairs:
        settle(union, pairs, added_only=True)
    for g in list(union.named_graphs()):
        union.remove_graph(g)


def skip_kind(reason: str) -> str:
    """The kind of a skip reason: the reason up to its first parenthesis or colon."""
    return reason.split(" (", 1)[0].split(":", 1)[0].strip() or reason


def skip_summary(skipped: Iterable[tuple[str, str]]) -> list[tuple[str, int]]:
    """How many files were skipped for each kind of reason ("empty article", "extraction failed"...),
    most frequent first: the reason up to its first parenthesis or colon."""
    counts: dict[str, int] = {}
    for _path, reason in skipped:
        kind = skip_kind(reason)
        counts[kind] = counts.get(kind, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _forget_elsewhere(store: KGStore, source: str, graph: str) -> None:
    """A file that now holds the same text as another was, in an earlier run, another article: that
    old version goes (or loses this name when other files still hold it), as a changed file's would."""
    holders = {q.subject.value for q in store.oxigraph.quads_for_pattern(None, DCTERMS.identifier, Literal(source), None)
               if q.subject == q.graph_name}
    if holders - {graph}:
        store.remove_source(source)


def _sources_by_article(store: KGStore) -> dict[str, set[str]]:
    return {info.iri: set(info.sources) for info in store.articles()}


def write_union(store: Store, out: Path, fmt: RdfFormat = RdfFormat.TURTLE, *,
                default_graph_is_union: bool = False) -> None:
    """The union of all article graphs, deterministic, written atomically (Turtle or N-Triples).

    Where reports disagree on a value the shapes allow once, the union shows one value by the rule of
    graph.resolve.claims; the others stay in their article graphs (a TriG/N-Quads build keeps them).
    ``default_graph_is_union``: the store's default graph already holds that union, settled
    (``BuildResult.union``, a KGStore), so it is written from Oxigraph's native dump of it (~3x faster).
    """
    if default_graph_is_union and fmt is RdfFormat.TURTLE:
        from graph.export.writers import union_turtle

        _save(out, union_turtle(store))
        return
    if default_graph_is_union:
        _write(store, out, "nt", store.quads_for_pattern(None, None, None, DefaultGraph()))
        return
    from graph.resolve.claims import shown_quads

    _write(store, out, "turtle" if fmt is RdfFormat.TURTLE else "nt", shown_quads(store))


def write_union_and_validate(result: BuildResult, out: Path | None, fmt: RdfFormat = RdfFormat.TURTLE, *,
                             check: bool = True) -> object:
    """An in-memory build's union written (Turtle or N-Triples; nothing when ``out`` is None) and checked
    against the shapes: the SHACL report, or None without ``check``.

    Each article was never validated on its own: measured on 2,000 VNTC articles, the compiled checks
    (~390 queries) cost ~50 ms per article graph in a worker, against ~1.6 ms per article for one pass
    over the merged union, so the union is checked once, here, in the parent.  Overlapped with the
    write: a forked child writes the union as it is at the fork (before the concept schemes join it for
    the check) while Oxigraph runs the checks here.  The Turtle writer is Python (~1 CPU s on 2,000 VNTC
    articles) and so is the report of the check: in a thread of this process the writer held Python's
    lock against the report, and the dump it needed was taken first, alone; a child runs beside both
    (on a loaded 2-core machine the step took 2.8 s wall against 3.1-4.0 s as threads).  Once written,
    the child takes its share of the checks, one query at a time from a counter both processes take from
    (graph.validate.validate_union_beside): the parent's checks in two threads cost ~20% more CPU than
    in one, and the child's core was idle after the write.  Where fork is not used (not Linux), one
    after the other.
    """
    from graph.validate import validate_store, validate_union_beside
    from graph.workers import Forked

    union = result.union
    assert union is not None

    def write() -> None:
        if out is not None:
            write_union(union, out, fmt, default_graph_is_union=True)

    if out is None or not check or not Forked.available():
        write()
        return validate_store(union, with_vocab=True, union=False, evidence=False) if check else None
    return validate_union_beside(union, write)


def write_dataset(store: Store, out: Path, fmt: RdfFormat = RdfFormat.TRIG) -> None:
    """Every article graph kept (TriG or N-Quads), deterministic, written atomically."""
    _write(store, out, "trig" if fmt is RdfFormat.TRIG else "nquads")


def _write(store: Store, out: Path, fmt: str, quads: Iterable[Quad] | None = None) -> None:
    from graph.export.writers import serialize

    _save(out, serialize(store.quads_for_pattern(None, None, None, None) if quads is None else quads, fmt))


def _save(out: Path, data: bytes) -> None:
    """``data`` written to ``out`` atomically; a write that fails is one line naming the file."""
    from graph.export.writers import write_bytes_atomic

    try:
        write_bytes_atomic(out, data)
    except OSError as exc:
        raise UserError(f"{out}: cannot write: {exc.strerror or exc}") from None


__all__ = ["ARTICLE_SECONDS", "BuildResult", "ExtractionTimeout", "build", "process_file", "skip_kind", "skip_summary",
           "write_dataset", "write_union", "write_union_and_validate"]
