"""Loading files end to end: the seeds' metadata, every kind of bad input."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.article import BlockKind, DateSource, Format
from desktop.core.errors import (
    BinaryFileError,
    EmptyFileError,
    LoadError,
    TooLargeError,
    UnreadableFileError,
)
from desktop.core.loaders import load_bytes, load_file
from tests.conftest import MARKDOWN_SEED, PLAIN_SEED

SEED_URL = ("https://www.themoscowtimes.com/2026/01/15/"
            "putin-says-russia-is-ready-to-restore-relations-with-europe-a91691")


def test_markdown_seed_metadata() -> None:
    article = load_file(MARKDOWN_SEED)
    meta = article.meta
    assert meta.format is Format.MARKDOWN
    assert meta.title == "Putin Says Russia Is 'Ready to Restore' Relations With Europe"
    assert (meta.date, meta.date_source) == (dt.date(2026, 1, 15), DateSource.DATELINE)
    assert meta.url == SEED_URL
    assert meta.publisher == "The Moscow Times"
    assert meta.encoding == "utf-8"
    assert meta.byte_size == MARKDOWN_SEED.stat().st_size
    assert len(meta.sha256) == 64


def test_markdown_seed_keeps_metadata_lines_as_blocks() -> None:
    blocks = load_file(MARKDOWN_SEED).blocks
    kinds = {b.text: b.kind for b in blocks}
    assert kinds["Putin Says Russia Is 'Ready to Restore' Relations With Europe"] is BlockKind.HEADING
    assert kinds["January 15, 2026"] is BlockKind.CAPTION
    assert kinds["Vladimir Putin. kremlin.ru"] is BlockKind.CAPTION
    assert kinds["Original url:"] is BlockKind.LINK
    assert kinds[SEED_URL] is BlockKind.LINK
    related = next(b for b in blocks if b.text.startswith("Related article:"))
    assert related.kind is BlockKind.LINK
    pinho = next(b for b in blocks if "Paula Pinho" in b.text)
    assert "Paula Pinho said, “Unfortunately" in pinho.text


def test_markdown_seed_marks_the_stray_paragraph_break() -> None:
    blocks = load_file(MARKDOWN_SEED).blocks
    cut = next(i for i, b in enumerate(blocks) if b.text.endswith("deep historical roots,"))
    assert blocks[cut].continues
    assert blocks[cut + 1].text.startswith("full of examples")
    assert sum(b.continues for b in blocks) == 1


def test_plain_seed_reads_as_plain_text() -> None:
    article = load_file(PLAIN_SEED)
    assert article.meta.format is Format.TEXT
    assert article.meta.title is None
    assert len(article.blocks) == 17
    assert article.blocks[0].text.startswith("Russia is ready to restore")
    assert not any(b.continues for b in article.blocks)


def test_html_page_uses_the_extractor(tmp_path: Path) -> None:
    body = " ".join(["The council voted on the budget late on Tuesday evening."] * 8)
    page = f"""<!DOCTYPE html><html><head><title>Council passes budget | Example News</title>
    <meta property="og:title" content="Council passes budget">
    <meta property="og:site_name" content="Example News">
    <meta name="author" content="Jane Doe">
    <meta property="article:published_time" content="2025-03-04T10:00:00Z">
    <script>document.write('evil')</script></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Council passes budget</h1><p>{body}</p><p>{body} Second paragraph.</p></article>
    <footer>Copyright Example News</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, "utf-8")
    article = load_file(path)
    assert article.meta.format is Format.HTML
    assert article.meta.title == "Council passes budget"
    assert article.meta.publisher == "Example News"
    assert article.meta.author == "Jane Doe"
    assert (article.meta.date, article.meta.date_source) == (dt.date(2025, 3, 4), DateSource.HTML_META)
    text = article.text
    assert "council voted" in text
    assert "evil" not in text and "Home" not in text


def test_empty_and_blank_files(tmp_path: Path) -> None:
    for content in (b"", b"   \n\n\t"):
        path = tmp_path / "empty.txt"
        path.write_bytes(content)
        with pytest.raises(EmptyFileError, match="empty"):
            load_file(path)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(BinaryFileError, match="binary"):
        load_file(path)


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 400)
    with pytest.raises(TooLargeError, match="over the limit"):
        load_file(path, max_bytes=1000)


def test_missing_folder_and_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError, match="does not exist"):
        load_file(tmp_path / "nope.txt")
    with pytest.raises(UnreadableFileError, match="folder"):
        load_file(tmp_path)
    if os.geteuid() != 0:  # root reads anything
        locked = tmp_path / "locked.txt"
        locked.write_text("secret")
        locked.chmod(0)
        with pytest.raises(UnreadableFileError, match="permission"):
            load_file(locked)


def test_errors_carry_the_path_and_a_plain_reason(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(LoadError) as caught:
        load_file(path)
    assert caught.value.path == str(path)
    assert str(caught.value) == f"{path}: the file is empty"


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(["a.txt", "a.md", "a.html", None]))
def test_random_bytes_give_an_article_or_a_load_error(data: bytes, name: str | None) -> None:
    try:
        article = load_bytes(data, path=name)
    except LoadError:
        return
    assert article.blocks
    for block in article.blocks:
        assert block.text.strip()
        for span in block.spans:
            assert 0 <= span.start < span.end <= len(block.text)
