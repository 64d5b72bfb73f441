"""Format sniffing: content decides, the file name only breaks ties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.article import Format
from desktop.core.loaders import sniff
from desktop.core.loaders.sniff import sniff_format
from tests.conftest import MARKDOWN_SEED, PLAIN_SEED


def test_seeds() -> None:
    assert sniff_format(PLAIN_SEED.read_text("utf-8"), ".txt") is Format.TEXT
    assert sniff_format(MARKDOWN_SEED.read_text("utf-8"), ".txt") is Format.MARKDOWN


@pytest.mark.parametrize(
    ("text", "suffix", "expected"),
    [
        ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", ".txt", Format.HTML),
        ("<p>One</p><p>Two</p><div>Three</div>", "", Format.HTML),
        ("Plain prose, with a 3 < 4 comparison.", ".html", Format.TEXT),
        ("# Heading\n\nText.", ".txt", Format.MARKDOWN),
        ("See [the report](https://example.org).", "", Format.MARKDOWN),
        ("Just words. Nothing else.", ".md", Format.MARKDOWN),
        ("Just words. Nothing else.", ".txt", Format.TEXT),
        ("1. one item alone is prose numbering", ".txt", Format.TEXT),
    ],
)
def test_cases(text: str, suffix: str, expected: Format) -> None:
    assert sniff_format(text, suffix) is expected


@pytest.mark.parametrize("signal", range(len(sniff._MARKDOWN_SIGNALS)))
@given(data=st.data())
def test_signal_guards_are_necessary(signal: int, data: st.DataObject) -> None:
    """Every text a Markdown signal matches holds one of the strings that gate the signal's search."""
    needs, pattern = sniff._MARKDOWN_SIGNALS[signal]
    text = data.draw(st.from_regex(pattern))
    assert any(s in text for s in needs), (text, needs)
