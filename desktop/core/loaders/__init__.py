"""Reading files into `Article`s: size and sanity checks, decoding, format sniffing,
then the loader for the format, then metadata."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from desktop.core.article import Article, Block, DateSource, Format, Metadata
from desktop.core.errors import EmptyFileError, TooLargeError, UnreadableFileError
from desktop.core.loaders import metadata as meta_rules
from desktop.core.loaders.discover import SUFFIXES, discover_files
from desktop.core.loaders.encoding import decode
from desktop.core.loaders.html import HtmlMeta, read_html
from desktop.core.loaders.markdown import blocks_from_markdown
from desktop.core.loaders.refine import refine_blocks
from desktop.core.loaders.sniff import sniff_format
from desktop.core.loaders.text import blocks_from_text

__all__ = ["DEFAULT_MAX_BYTES", "SUFFIXES", "discover_files", "load_bytes", "load_file"]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def load_file(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read the file at `path` as an article, or raise a `LoadError` subclass."""
    name = os.fsdecode(path)
    try:
        size = os.stat(path).st_size
        if Path(path).is_dir():
            raise UnreadableFileError(name, "this is a folder, not a file")
        if size > max_bytes:
            raise TooLargeError(name, f"the file is {_megabytes(size)}, over the limit of "
                                      f"{_megabytes(max_bytes)}")
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError as error:
        raise UnreadableFileError(name, "the file does not exist (moved or deleted?)") from error
    except PermissionError as error:
        raise UnreadableFileError(name, "you do not have permission to read this file") from error
    except IsADirectoryError as error:
        raise UnreadableFileError(name, "this is a folder, not a file") from error
    except OSError as error:
        raise UnreadableFileError(name, f"the file could not be read ({error.strerror or error})") from error
    if len(data) > max_bytes:  # it grew after stat()
        raise TooLargeError(name, f"the file is over the limit of {_megabytes(max_bytes)}")
    return load_bytes(data, path=name, max_bytes=max_bytes)


def load_bytes(data: bytes, *, path: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read `data` (the bytes of a file called `path`, if any) as an article."""
    if len(data) > max_bytes:
        raise TooLargeError(path, f"the text is {_megabytes(len(data))}, over the limit of "
                                  f"{_megabytes(max_bytes)}")
    if not data.strip():
        raise EmptyFileError(path, "the file is empty")
    text, encoding = decode(data, path)
    if not text.strip():
        raise EmptyFileError(path, "the file holds no text")
    fmt = sniff_format(text, Path(path).suffix if path else "")
    html_meta = HtmlMeta()
    blocks: list[Block]
    if fmt is Format.HTML:
        blocks, html_meta = read_html(text)
        blocks = refine_blocks(blocks, find_title=False)
    elif fmt is Format.MARKDOWN:
        blocks = refine_blocks(blocks_from_markdown(text))
    else:
        blocks = refine_blocks(blocks_from_text(text))
    if not blocks:
        raise EmptyFileError(path, "the file holds no readable text")

    url = html_meta.url or meta_rules.find_url(blocks)
    date, date_source = meta_rules.pick_date(
        (html_meta.date, DateSource.HTML_META),
        (meta_rules.find_dateline(blocks), DateSource.DATELINE),
        (meta_rules.date_from_url(url), DateSource.URL),
    )
    meta = Metadata(
        title=html_meta.title or meta_rules.find_title(blocks),
        date=date,
        date_source=date_source,
        publisher=html_meta.sitename or meta_rules.publisher_for(url),
        url=url,
        author=html_meta.author or meta_rules.find_author(blocks),
        format=fmt,
        encoding=encoding,
        byte_size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        path=path,
    )
    return Article(blocks=tuple(blocks), meta=meta)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
