"""Metadata rules: dates in URLs, publishers by host, the article's own URL."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.article import Block, BlockKind
from desktop.core.loaders.metadata import date_from_url, find_author, find_url, publisher_for


@pytest.mark.parametrize(
    ("url", "date"),
    [
        ("https://www.themoscowtimes.com/2026/01/15/putin-a91691", dt.date(2026, 1, 15)),
        ("https://example.org/news/2024-02-29-leap-day", dt.date(2024, 2, 29)),
        ("https://example.org/20240131/story.html", dt.date(2024, 1, 31)),
        ("https://example.org/2023/02/30/impossible", None),
        ("https://example.org/section/12345/story", None),
        (None, None),
    ],
)
def test_date_from_url(url: str | None, date: dt.date | None) -> None:
    assert date_from_url(url) == date


@pytest.mark.parametrize(
    ("url", "publisher"),
    [
        ("https://www.themoscowtimes.com/2026/01/15/x", "The Moscow Times"),
        ("https://www.bbc.co.uk/news/world-1", "BBC"),
        ("https://news.bbc.co.uk/2/hi/europe/1.stm", "BBC"),
        ("https://unknown-paper.example/a", "unknown-paper.example"),
    ],
)
def test_publisher_for(url: str, publisher: str) -> None:
    assert publisher_for(url) == publisher


def test_find_url_prefers_a_link_line_at_the_end() -> None:
    blocks = [
        Block(BlockKind.PARAGRAPH, "Body mentions https://other.example/x in passing."),
        Block(BlockKind.LINK, "Original url:"),
        Block(BlockKind.LINK, "https://news.example/2025/01/02/story"),
    ]
    assert find_url(blocks) == "https://news.example/2025/01/02/story"
    assert find_url(blocks[:1]) is None


def test_byline() -> None:
    assert find_author([Block(BlockKind.CAPTION, "By Jane van Doe")]) == "Jane van Doe"
    assert find_author([Block(BlockKind.PARAGRAPH, "By the way, nothing happened.")]) is None
