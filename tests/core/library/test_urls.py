"""The canonical form of article addresses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.library.urls import canonical_url

BASE = "themoscowtimes.com/2026/01/15/putin-says-a91691"


@pytest.mark.parametrize("url", [
    "https://www.themoscowtimes.com/2026/01/15/putin-says-a91691",
    "http://themoscowtimes.com/2026/01/15/putin-says-a91691/",
    "https://themoscowtimes.com/2026/01/15/putin-says-a91691?utm_source=tw&utm_medium=social",
    "https://themoscowtimes.com/2026/01/15/putin-says-a91691?fbclid=IwAR0&gclid=x#comments",
    "https://themoscowtimes.com/2026/01/15/putin-says-a91691/amp/",
    "https://themoscowtimes.com/amp/2026/01/15/putin-says-a91691",
    "https://themoscowtimes.com/2026/01/15/putin-says-a91691?amp",
    "https://themoscowtimes.com/2026/01/15/putin-says-a91691?outputType=amp",
    "https://WWW.TheMoscowTimes.com:443/2026/01/15/putin-says-a91691",
    "https://m.themoscowtimes.com/2026/01/15/putin-says-a91691.amp",
])
def test_variants_of_one_address(url: str) -> None:
    assert canonical_url(url) == BASE


def test_what_identifies_an_article_stays() -> None:
    assert canonical_url("https://example.com/story?id=7&utm_source=x") == "example.com/story?id=7"
    assert canonical_url("https://example.com/story?id=7") != canonical_url("https://example.com/story?id=8")
    assert canonical_url("https://example.com/Story") != canonical_url("https://example.com/story")
    assert canonical_url("https://example.com:8080/a") == "example.com:8080/a"


@pytest.mark.parametrize("url", [None, "", "ftp://example.com/a", "not a url", "https://", "http://[::1"])
def test_not_web_addresses(url: str | None) -> None:
    assert canonical_url(url) is None


@given(st.dictionaries(st.sampled_from(["utm_source", "utm_campaign", "fbclid", "gclid", "ref"]),
                      st.text("abc123", max_size=5)),
       st.text("abc", max_size=4))
def test_tracking_never_changes_the_key(params: dict[str, str], fragment: str) -> None:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    url = f"https://www.example.com/news/a-1?{query}#{fragment}"
    assert canonical_url(url) == "example.com/news/a-1"
