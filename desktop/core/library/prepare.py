"""Turning a file's bytes into the rows the library stores: the part of an import
that needs no database, so it can run in worker processes.

Everything here is pure (apart from reading the file) and its results pickle.
"""

from __future__ import annotations

import logging
import os
import stat
import zlib
from dataclasses import dataclass

from desktop.core.article import Article
from desktop.core.errors import LoadError
from desktop.core.library import textkeys
from desktop.core.library.codec import blocks_to_blob, meta_to_json
from desktop.core.library.urls import canonical_url
from desktop.core.loaders import DEFAULT_MAX_BYTES, load_bytes, load_file

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One body paragraph: its fingerprint and the smallest hashes of its shingles."""

    key: int
    sketch: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article ready to store: compressed original and blocks, and every key."""

    source: str
    path: str | None
    sha256: str
    text_hash: str
    original_z: bytes
    blocks_z: bytes
    meta_json: str
    format: str
    title: str | None
    date: str | None
    publisher: str | None
    url: str | None
    first_words: str
    url_key: str | None
    title_key: str | None
    search_title: str
    search_body: str
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True, slots=True)
class Failed:
    """A file that could not be read as an article, and the reason for the user."""

    source: str
    reason: str


def paragraph(text: str) -> Paragraph:
    """The `Paragraph` record of one body paragraph's text."""
    return paragraph_of_words(textkeys.words(text))


def paragraph_of_words(found: list[str]) -> Paragraph:
    """The `Paragraph` record of a body paragraph whose `words` are already known."""
    hashes = textkeys.smallest(textkeys.shingles_of_words(found))
    return Paragraph(textkeys.stable_hash(" ".join(found)), tuple(hashes))


def prepare_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Prepared | Failed:
    """Read and prepare the file at `path` (refused over `max_bytes`); never raises for a bad or vanished file."""
    # A file name's bytes that are not UTF-8 (surrogate escapes) cannot be stored
    # in SQLite or printed: name the file with U+FFFD there instead.
    shown = os.fsencode(path).decode("utf-8", "replace")
    try:
        # Reading a named pipe would wait for a writer forever, a device for ever more bytes.
        status = os.stat(path)
        if not stat.S_ISREG(status.st_mode) and not os.path.isdir(path):
            return Failed(shown, "this is not a regular file (a pipe, socket or device), so it was not read")
        if status.st_size > max_bytes:
            raise OSError("too large")  # load_file below says how large, without reading it
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        # load_file words every way of failing to read a file for the user; ask it.
        try:
            load_file(path, max_bytes=max_bytes)
        except LoadError as load_error:
            return Failed(shown, load_error.reason)
        return Failed(shown, f"the file could not be read ({error.strerror or error})")
    try:
        article = load_bytes(data, path=shown, max_bytes=max_bytes)
    except LoadError as error:
        return Failed(shown, error.reason)
    except Exception as error:  # a loader bug must not end an import of thousands of files
        _log.exception("loading %s failed", shown)
        return Failed(shown, f"the file could not be read as an article (internal error: {error!r})")
    return prepare_article(article, data, source=shown, path=os.path.abspath(shown))


def prepare_batch(paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES) -> list[Prepared | Failed]:
    """`prepare_file` over several paths: one round trip to a worker process per batch."""
    return [prepare_file(p, max_bytes) for p in paths]


def prepare_text(text: str, *, source_url: str | None = None, name: str | None = None) -> Prepared:
    """Prepare text or HTML pasted or dropped from another application (raises `LoadError`)."""
    stripped = text.strip()
    if source_url is None and canonical_url(stripped) and not any(c.isspace() for c in stripped):
        source_url = stripped  # a URL dropped as text: kept as text, never fetched
    data = text.encode("utf-8")
    article = load_bytes(data, path=name)
    if source_url and not article.meta.url:
        article = article.with_meta(url=source_url)
    return prepare_article(article, data, source=name or source_url or "pasted text", path=None)


def prepare_article(article: Article, data: bytes, *, source: str, path: str | None) -> Prepared:
    """The stored form of `article`, whose original bytes are `data`."""
    meta = article.meta
    block_words = [textkeys.words(b.text) for b in article.blocks]
    paragraphs = tuple(paragraph_of_words(found)
                       for block, found in zip(article.blocks, block_words, strict=True)
                       if textkeys.is_body(block))
    body = "\n\n".join(b.text for b in article.blocks)
    return Prepared(
        source=source,
        path=path,
        sha256=meta.sha256,
        text_hash=textkeys.text_hash_of_words(block_words),
        original_z=zlib.compress(data, 1),
        blocks_z=blocks_to_blob(article.blocks),
        meta_json=meta_to_json(meta),
        format=meta.format.value,
        title=meta.title,
        date=meta.date.isoformat() if meta.date else None,
        publisher=meta.publisher,
        url=meta.url,
        first_words=textkeys.first_words(article.blocks),
        url_key=canonical_url(meta.url),
        title_key=textkeys.title_key(meta.title),
        search_title=textkeys.clean_text(meta.title or ""),
        search_body=textkeys.clean_text(body),
        paragraphs=paragraphs,
    )

