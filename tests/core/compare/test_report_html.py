"""The standalone HTML report: self-contained, escaped, complete."""

from __future__ import annotations

import re

from desktop.core.article import Article, Block, BlockKind, Metadata
from desktop.core.compare import CompareOptions, compare_articles
from desktop.core.compare.report_html import render_report


def _pair() -> tuple[Article, Article]:
    a = Article(
        (Block(BlockKind.PARAGRAPH, "Talks <script>alert(1)</script> are frozen & stuck."),),
        Metadata(title="Old <title>", sha256="a" * 64, path="a.txt"),
    )
    b = Article(
        (Block(BlockKind.PARAGRAPH, "Talks are off & stuck, <img src=http://evil/x.png>."),),
        Metadata(title="New", sha256="b" * 64, path="b.txt", url="https://example.com/story"),
    )
    return a, b


def test_report_is_standalone_and_escaped() -> None:
    # Every character counts, so the tags in the text reach the report (as text).
    page = render_report(compare_articles(*_pair(), CompareOptions.keep_all()))
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    # No resource is fetched: no tag has a src/href, no CSS url() or @import.
    tags = re.findall(r"<[^>]*>", page)
    assert not [t for t in tags if re.search(r"\b(?:src|href)\s*=", t, re.IGNORECASE)]
    assert "url(" not in page and "@import" not in page
    assert "&lt;script&gt;" in page


def test_report_carries_metadata_hashes_summary_and_changes() -> None:
    comparison = compare_articles(*_pair())
    page = render_report(comparison)
    assert "a" * 64 in page and "b" * 64 in page
    assert "Old &lt;title&gt;" in page
    assert comparison.summary in page
    assert "<del>" in page and "<ins>" in page
    assert "@media print" in page
