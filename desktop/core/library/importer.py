"""Importing files, folders and pasted text into the library.

Reading and parsing files (most of the cost) runs in worker processes for big
imports; storing runs here, one transaction per article, so a cancel or a crash
leaves only whole articles behind. Progress and cancellation are plain
callbacks: the window wraps them into Qt signals on its worker thread.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sqlite3
from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress

from desktop.core.errors import LoadError
from desktop.core.library.codec import blocks_from_blob
from desktop.core.library.errors import LibraryError
from desktop.core.library.fulltext import INDEX_BATCH, index_article, queue_for_index
from desktop.core.library.grouping import article_sketch, find_story, new_story, record_paragraphs, shingler
from desktop.core.library.pending import index_pending
from desktop.core.library.prepare import Failed, Prepared, prepare_batch, prepare_file, prepare_text
from desktop.core.library.records import AlreadyInLibrary, ImportedItem, ImportFailure, ImportSummary
from desktop.core.library.store import Library, now
from desktop.core.library.textkeys import body_paragraphs
from desktop.core.loaders import DEFAULT_MAX_BYTES
from desktop.core.loaders.discover import discover_files

_log = logging.getLogger(__name__)

#: Told after each file: files done, files in all, the file just handled.
ProgressCallback = Callable[[int, int, str], None]
#: Asked before each file; True stops the import (what was stored stays).
CancelCheck = Callable[[], bool]

#: Below this many files, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 200
#: Files per round trip to a worker process.
BATCH_SIZE = 32


def import_paths(library: Library, paths: Iterable[str | os.PathLike[str]], *,
                 on_progress: ProgressCallback | None = None,
                 should_cancel: CancelCheck | None = None,
                 workers: int | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> ImportSummary:
    """Import the article files in `paths` (files, and folders searched recursively).

    A file that cannot be read becomes a failure entry with its reason; errors
    of the library itself (disk full, read-only, busy) raise `LibraryError`,
    and the articles stored before stay. `workers` is the number of worker
    processes (default: one per CPU; 0 or 1 reads in this process); files over
    `max_bytes` are refused.
    """
    failed: list[ImportFailure] = []
    files = [os.fspath(p) for p in discover_files(
        paths, on_error=lambda where, reason: failed.append(ImportFailure(where, reason)))]
    added: list[ImportedItem] = []
    already: list[AlreadyInLibrary] = []
    cancelled = False
    count = workers if workers is not None else (os.cpu_count() or 1)
    parallel = count if len(files) >= PARALLEL_MIN_FILES else 0
    stream: Generator[Prepared | Failed, None, None] = _prepared(files, parallel, max_bytes)
    try:
        with library.bulk():
            for done, prepared in enumerate(stream, start=1):
                if should_cancel is not None and should_cancel():
                    cancelled = True
                    break
                if isinstance(prepared, Failed):
                    failed.append(ImportFailure(prepared.source, prepared.reason))
                else:
                    outcome = store_prepared(library, prepared)
                    if isinstance(outcome, AlreadyInLibrary):
                        already.append(outcome)
                    else:
                        added.append(outcome)
                        if len(added) % INDEX_BATCH == 0:
                            index_pending(library)
                if on_progress is not None:
                    on_progress(done, len(files), prepared.source)
            index_pending(library)
    except BaseException:
        # What was stored stays; make it searchable if the library still lets us
        # (else the next open indexes it) and report the original error.
        with suppress(LibraryError):
            index_pending(library)
        raise
    finally:
        stream.close()
    return ImportSummary(tuple(added), tuple(already), tuple(failed), cancelled)


def import_text(library: Library, text: str, *, source_url: str | None = None,
                name: str | None = None) -> ImportSummary:
    """Import text or HTML dropped or pasted from another application (a URL is kept as text)."""
    try:
        prepared = prepare_text(text, source_url=source_url, name=name)
    except LoadError as error:
        return ImportSummary(failed=(ImportFailure(name or "pasted text", error.reason),))
    outcome = store_prepared(library, prepared)
    index_pending(library)
    if isinstance(outcome, AlreadyInLibrary):
        return ImportSummary(already=(outcome,))
    return ImportSummary(added=(outcome,))


def store_prepared(library: Library, prepared: Prepared) -> ImportedItem | AlreadyInLibrary:
    """Store one prepared article in its own transaction (or find its bytes already there)."""
    with library.reading() as conn:
        row = conn.execute("SELECT id, removed_at FROM articles WHERE sha256 = ?",
                           (prepared.sha256,)).fetchone()
    if row is not None and row[1] is None:
        return AlreadyInLibrary(prepared.source, row[0])
    with library.writing() as conn:
        row = conn.execute("SELECT id, removed_at, story_id FROM articles WHERE sha256 = ?",
                           (prepared.sha256,)).fetchone()
        if row is not None:
            if row[1] is None:  # another process stored it in the meantime
                return AlreadyInLibrary(prepared.source, row[0])
            # The same bytes are in the trash: bringing them back beats a second copy.
            conn.execute("UPDATE articles SET removed_at = NULL WHERE id = ?", (row[0],))
            index_article(conn, row[0])
            return ImportedItem(prepared.source, row[0], row[2])
        return _insert(conn, prepared)


def _insert(conn: sqlite3.Connection, prepared: Prepared) -> ImportedItem:
    twin = conn.execute("SELECT id, story_id FROM articles WHERE text_hash = ? AND removed_at IS NULL "
                        "ORDER BY id LIMIT 1", (prepared.text_hash,)).fetchone()
    story_id: int | None
    if twin is not None:
        story_id, sketch = twin[1], article_sketch(conn, prepared.paragraphs)
    else:
        story_id, sketch = find_story(
            conn, url_key=prepared.url_key, title_key=prepared.title_key, paragraphs=prepared.paragraphs,
            body=lambda leave_out: _body(prepared, leave_out),
        )
    if story_id is None:
        story_id = new_story(conn)
    cursor = conn.execute(
        "INSERT INTO articles (story_id, sha256, text_hash, path, imported_at, format, title, date, "
        "publisher, url, first_words, meta_json, blocks, original, url_key, title_key, duplicate_of) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (story_id, prepared.sha256, prepared.text_hash, prepared.path, now(), prepared.format,
         prepared.title, prepared.date, prepared.publisher, prepared.url, prepared.first_words,
         prepared.meta_json, prepared.blocks_z, prepared.original_z, prepared.url_key,
         prepared.title_key, twin[0] if twin else None),
    )
    article_id = int(cursor.lastrowid or 0)
    conn.execute("INSERT INTO doc (id, title, body) VALUES (?, ?, ?)",
                 (article_id, prepared.search_title, prepared.search_body))
    queue_for_index(conn, article_id)
    record_paragraphs(conn, article_id, story_id, prepared.paragraphs, sketch, hold=True)
    return ImportedItem(prepared.source, article_id, story_id, twin[0] if twin else None)


def _body(prepared: Prepared, leave_out: frozenset[int]) -> set[int]:
    return shingler(body_paragraphs(blocks_from_blob(prepared.blocks_z)))(leave_out)


#: How much lower the reading processes' priority is than the importing one's: the
#: storing (and a window's painting) in that process then never waits for a CPU.
WORKER_NICENESS = 10


def _yield_to_the_importer() -> None:
    """Run in each reading process as it starts: lower its priority (where the OS can)."""
    if hasattr(os, "nice"):
        with suppress(OSError):
            os.nice(WORKER_NICENESS)


def _prepared(files: list[str], workers: int, max_bytes: int) -> Generator[Prepared | Failed, None, None]:
    """`prepare_file` of each file, in order; in `workers` processes if more than one."""
    if workers <= 1:
        for path in files:
            yield prepare_file(path, max_bytes)
        return
    batches = iter([files[i : i + BATCH_SIZE] for i in range(0, len(files), BATCH_SIZE)])
    # "spawn", not fork: forking a process that runs Qt threads can deadlock the child.
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_yield_to_the_importer)
    pending: deque[tuple[list[str], Future[list[Prepared | Failed]]]] = deque()
    try:
        for batch in batches:
            pending.append((batch, pool.submit(prepare_batch, batch, max_bytes)))
            if len(pending) >= 2 * workers:
                break
        while pending:
            batch, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                _log.warning("import worker processes died; reading the rest here")
                remaining = [batch, *(rest for rest, _ in pending), *batches]
                pending.clear()
                for rest in remaining:
                    for path in rest:
                        yield prepare_file(path, max_bytes)
                return
            else:
                following = next(batches, None)
                if following is not None:
                    pending.append((following, pool.submit(prepare_batch, following, max_bytes)))
            yield from results
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
