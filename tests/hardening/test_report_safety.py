"""The exported HTML report of hostile articles: nothing runs, nothing is fetched, in a browser too."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from desktop.core.article import Article, Block, BlockKind, InlineSpan, InlineStyle, Metadata
from desktop.core.compare import CompareOptions, compare_articles
from desktop.core.compare.report_html import render_report
from desktop.core.loaders import load_bytes
from tests.hardening import corpus
from tests.hardening.report_checks import active_content

#: Where Chromium itself connects (updates, time, spelling dictionaries), whatever page it shows.
_CHROMIUM_OWN_HOSTS = ("google.com", "googleapis.com", "gvt1.com", "gstatic.com", "~notfound")
CHROMIUM = next((p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if os.path.exists(p)), None)

#: Markup and addresses put straight into blocks and metadata, past any loader.
NASTY = [
    '<script>alert(1)</script>', '<img src=x onerror=alert(2)>', '"><svg onload=alert(3)>',
    "javascript:alert(4)", "<style>@import url(http://evil.example/x.css)</style>",
    "</div></body><iframe src=http://frame.example>", "<!--", "]]>", "<![CDATA[", "&lt;script&gt;",
    "<a href='file:///etc/passwd'>x</a>", "url(http://tracker.example/p.png)", "\u202e<b>", "\x00",
]


def _nasty_article(seed: int) -> Article:
    texts = [f"{NASTY[(seed + i) % len(NASTY)]} paragraph {i} {NASTY[(seed * 3 + i) % len(NASTY)]}"
             for i in range(6)]
    blocks = tuple(Block(BlockKind.PARAGRAPH, t, spans=(InlineSpan(0, 4, InlineStyle.LINK, "javascript:x"),))
                   for t in texts)
    meta = Metadata(title=NASTY[seed % len(NASTY)], url="javascript:alert(9)", publisher=NASTY[1],
                    author='"><script>', path="/tmp/<script>.txt", sha256="<img src=x>")
    return Article(blocks, meta)


def _hostile_pair() -> tuple[Article, Article]:
    html = load_bytes(corpus.HOSTILE_HTML.encode("utf-8"), path="hostile.html")
    markdown = load_bytes(corpus.HOSTILE_MARKDOWN.encode("utf-8"), path="hostile.md")
    return html, markdown


@pytest.mark.parametrize("options", [CompareOptions(), CompareOptions.keep_all()])
@pytest.mark.parametrize("seed", range(4))
def test_report_of_nasty_texts_is_inert(seed: int, options: CompareOptions) -> None:
    a, b = _nasty_article(seed), _nasty_article(seed + 1)
    for page in (render_report(compare_articles(a, b, options)),
                 render_report(compare_articles(a, b, options), include_equal=False)):
        assert active_content(page) == []
        assert "<script" not in page.lower()  # as text, "javascript:alert(9)" is harmless
        assert "&lt;script&gt;" in page


def test_report_of_the_hostile_corpus_is_inert() -> None:
    a, b = _hostile_pair()
    page = render_report(compare_articles(a, b, CompareOptions.keep_all()))
    assert active_content(page) == []
    for host in corpus.HOSTILE_HOSTS:
        assert host not in page


def test_the_checker_catches_what_it_must() -> None:
    """The check above is only worth anything if it sees active content when there is some."""
    for bad in ('<script>x</script>', '<p onclick="x">', '<img src="http://a/b">', '<link href="x.css">',
                '<style>body{background:url(http://a/b)}</style>', "<iframe src=x>", '<a href="x">',
                "<div style='background:url(x)'>", "<object data=x>"):
        assert active_content(f"<html><body>{bad}</body></html>"), bad
    assert active_content('<meta charset="utf-8"><p class="x">text url( javascript: </p>') == []


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
@pytest.mark.usefixtures("no_network")
def test_report_in_headless_chromium_fetches_and_runs_nothing(tmp_path: Path) -> None:
    """Loaded with networking off: the page's text renders, no request is even tried, no script runs."""
    a, b = _hostile_pair()
    report = tmp_path / "report.html"
    report.write_text(render_report(compare_articles(a, b, CompareOptions.keep_all())), "utf-8")
    log = tmp_path / "net.json"
    assert CHROMIUM is not None and shutil.which(CHROMIUM)
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--proxy-server=socks5://127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
         f"--log-net-log={log}", f"--user-data-dir={tmp_path / 'profile'}",
         "--virtual-time-budget=3000", "--dump-dom", report.as_uri()],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Fourth paragraph: the talks" in result.stdout
    assert active_content(result.stdout) == []
    requested = log.read_text("utf-8", errors="replace") if log.exists() else ""
    for host in corpus.HOSTILE_HOSTS:
        assert host not in requested
    # Chromium asks its own services for updates and dictionaries even so; the page asks for nothing.
    hosts = {urlsplit(url).hostname or "" for url in re.findall(r'"url":"([^"]+)"', requested)}
    assert {h for h in hosts if h and not h.endswith(_CHROMIUM_OWN_HOSTS)} == set()
