"""The big ones: a 100 MB file, a file just under the size limit, a 5 MB line annotated and
diffed, HTML nested 100,000 deep. Each within a (generous) bound, with its time printed."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from desktop.core import library as lib
from desktop.core.annotate import annotate
from desktop.core.compare import CompareOptions, compare_articles
from desktop.core.compare.report_html import render_report
from desktop.core.errors import TooLargeError
from desktop.core.loaders import load_file
from tests.conftest import MARKDOWN_SEED, PLAIN_SEED
from tests.hardening import corpus
from tests.hardening.conftest import assert_untouched, snapshot
from tests.hardening.report_checks import active_content


@pytest.fixture
def seeded(library_dir: Path):  # type: ignore[no-untyped-def]
    with lib.open_library(library_dir) as library:
        lib.import_paths(library, [PLAIN_SEED, MARKDOWN_SEED])
        yield library


def _timed(label: str, bound: float, step):  # type: ignore[no-untyped-def]
    started = time.monotonic()
    result = step()
    took = time.monotonic() - started
    print(f"\n{label}: {took:.2f} s (bound {bound:.0f} s)")
    assert took < bound, f"{label} took {took:.1f} s"
    return result


def test_a_100_mb_file_is_refused_at_once(seeded: lib.Library, tmp_path: Path) -> None:
    case = corpus.big_text(tmp_path, 100)
    before = snapshot(seeded)
    with pytest.raises(TooLargeError, match=r"over the limit of 50\.0 MB"):
        _timed("load_file of 100 MB", 5, lambda: load_file(case.path))
    summary = _timed("import of 100 MB", 10, lambda: lib.import_paths(seeded, [case.path]))
    [failure] = summary.failed
    assert failure.reason.startswith("the file is 100.") and "over the limit of 50.0 MB" in failure.reason
    assert_untouched(before, snapshot(seeded))


def test_a_file_just_under_the_limit(seeded: lib.Library, tmp_path: Path) -> None:
    case = corpus.big_text(tmp_path, 45)
    before = snapshot(seeded)
    summary = _timed("import of 45 MB of text", 300, lambda: lib.import_paths(seeded, [case.path]))
    [item] = summary.added
    article = _timed("reading it back", 60, lambda: lib.article(seeded, item.article_id))
    print(f"  {len(article.blocks)} blocks, {len(article.text) / 1e6:.1f} M characters")
    assert_untouched(before, snapshot(seeded), added=1)
    _timed("search for a word it lacks", 10, lambda: lib.search(seeded, "zzzz"))
    word = article.text.split()[5]
    hits = _timed(f"search for {word!r}, which it holds over and over", 10, lambda: lib.search(seeded, word))
    assert item.article_id in {hit.article_id for hit in hits}


def test_search_of_an_article_with_many_hits(seeded: lib.Library, tmp_path: Path) -> None:
    path = tmp_path / "repeat.txt"
    path.write_text("A title line.\n\n" + " ".join(["minister"] * 40_000), "utf-8")  # 360 KB
    lib.import_paths(seeded, [path])
    _timed("search for a word one article holds 40,000 times", 5, lambda: lib.search(seeded, "minister"))


def test_a_5_mb_line_annotated_and_compared(tmp_path: Path) -> None:
    article = load_file(corpus.long_line(tmp_path).path)
    seed = load_file(MARKDOWN_SEED)
    found = _timed("annotate a 5 MB line", 120, lambda: annotate(article.text))
    print(f"  {len(found.dates)} dates, {len(found.quotes)} quotations")
    for a, b in ((seed, article), (article, seed)):
        comparison = _timed("compare it with the seed", 120,
                            lambda a=a, b=b: compare_articles(a, b, CompareOptions.keep_all()))
        assert active_content(render_report(comparison)) == []


def test_a_5_mb_line_full_of_dates(tmp_path: Path) -> None:
    text = " ".join(f"On Thursday {d % 28 + 1} January {1990 + d % 30} the talks resumed." for d in range(90_000))
    path = tmp_path / "dates.txt"
    path.write_text(text, "utf-8")
    article = load_file(path)
    found = _timed(f"annotate {len(text) / 1e6:.1f} MB of dates in one line", 300, lambda: annotate(article.text))
    print(f"  {len(found.dates)} dates")


@pytest.mark.parametrize("depth", [10_000, 50_000, 100_000])
def test_html_nested_deep(seeded: lib.Library, tmp_path: Path, depth: int) -> None:
    case = corpus.deep_html(tmp_path, depth)
    summary = _timed(f"import of HTML nested {depth} deep", 10, lambda: lib.import_paths(seeded, [case.path]))
    [item] = summary.added
    assert "Deep inside the page" in lib.article(seeded, item.article_id).text
