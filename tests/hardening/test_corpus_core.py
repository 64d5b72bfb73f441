"""Every hostile input, through the core: import, read back, annotate, compare, report.

Each one gives an article or a refusal with a reason, within a time bound, and
leaves the other articles of the library exactly as they were.
"""

from __future__ import annotations

import os
import time

import pytest

from desktop.core import library as lib
from desktop.core.annotate import annotate
from desktop.core.article import Article
from desktop.core.compare import CompareOptions, compare_articles
from desktop.core.compare.report_html import render_report
from desktop.core.errors import LoadError
from desktop.core.loaders import load_bytes, load_file
from tests.conftest import MARKDOWN_SEED
from tests.hardening import corpus
from tests.hardening.conftest import assert_untouched, snapshot
from tests.hardening.report_checks import active_content

#: Seconds any one step may take on one case (the slowest, a 5 MB line, takes a few).
BOUND = 20.0

FILE_CASES = [make.__name__ for make in corpus.FAST]
#: Annotating and diffing a 5 MB line takes ~15 s here: the stress set does it (tests/stress).
HEAVY = {"long_line"}


def _check_article(article: Article, case: corpus.Case) -> None:
    assert case.expect in (corpus.ARTICLE, corpus.EITHER), f"{case.name} should have been refused"
    assert article.blocks
    for block in article.blocks:
        assert block.text.strip() and "\x00" not in block.text
        for span in block.spans:
            assert 0 <= span.start < span.end <= len(block.text)
            # Only links a click may open survive; nothing that runs or reads local files.
            assert span.href is None or span.href.lower().startswith(("http://", "https://", "mailto:"))
    text = article.text
    if case.contains:
        assert case.contains in text
    for host in corpus.HOSTILE_HOSTS:
        assert host not in text, f"{host} leaked into the text of {case.name}"
    lowered = text.lower()
    assert "alert(" not in lowered and "javascript:" not in lowered and "<script" not in lowered


def _annotate_compare_report(article: Article, seed: Article) -> None:
    started = time.monotonic()
    found = annotate(article.text, article.meta.date)
    for mention in (*found.dates, *found.quotes):
        assert 0 <= mention.start <= mention.end <= len(article.text)
        assert mention.text == article.text[mention.start:mention.end]
    assert time.monotonic() - started < BOUND
    for a, b in ((seed, article), (article, seed), (article, article)):
        started = time.monotonic()
        comparison = compare_articles(a, b, CompareOptions.keep_all())
        assert time.monotonic() - started < BOUND
        assert comparison.has_differences == (a is not b)
        assert active_content(render_report(comparison)) == []


@pytest.mark.usefixtures("misbehaving_files")
@pytest.mark.parametrize("name", FILE_CASES)
def test_import_read_annotate_compare(name: str, hostile: dict[str, corpus.Case],
                                      seeded: lib.Library) -> None:
    case = hostile[name]
    before = snapshot(seeded)
    started = time.monotonic()
    summary = lib.import_paths(seeded, [case.path])
    assert time.monotonic() - started < BOUND, f"importing {name} took too long"
    assert not summary.cancelled and not summary.already
    if case.folder:  # the looping folder: its one article, and the self-link refused
        assert [os.path.basename(f.source) for f in summary.failed] == ["self.txt"]
        assert "symbolic links" in summary.failed[0].reason
    if summary.failed and not case.folder:
        [failure] = summary.failed
        assert case.expect in (corpus.REFUSED, corpus.EITHER), f"{name}: {failure.reason}"
        assert case.reason in failure.reason and failure.reason[0].islower()
        assert_untouched(before, snapshot(seeded))
        return
    [item] = summary.added
    assert_untouched(before, snapshot(seeded), added=1)
    stored = lib.article(seeded, item.article_id)
    _check_article(stored, case)
    original = lib.original_bytes(seeded, item.article_id)
    if not case.folder:
        with open(case.path, "rb") as handle:
            assert original == handle.read()
    # Importing it again changes nothing.
    assert lib.import_paths(seeded, [case.path]).already[0].article_id == item.article_id
    if name not in HEAVY:
        _annotate_compare_report(stored, lib.article(seeded, 2))
    assert_untouched(before, snapshot(seeded), added=1)


@pytest.mark.usefixtures("misbehaving_files")
@pytest.mark.parametrize("name", [n for n in FILE_CASES if n not in ("fifo", "symlink_loop")])
def test_load_file_agrees_with_import(name: str, hostile: dict[str, corpus.Case]) -> None:
    """Opening a file outside the library gives the same verdict as importing it."""
    case = hostile[name]
    try:
        article = load_file(case.path)
    except LoadError as error:
        assert case.expect in (corpus.REFUSED, corpus.EITHER), str(error)
        assert case.reason in error.reason
        assert str(error).endswith(error.reason)
    else:
        _check_article(article, case)


@pytest.mark.usefixtures("misbehaving_files")
def test_whole_corpus_in_one_import(hostile: dict[str, corpus.Case], seeded: lib.Library) -> None:
    """All the cases dropped at once: each gets its verdict, one bad file stops nothing."""
    before = snapshot(seeded)
    expected_articles = sum(c.expect == corpus.ARTICLE for c in hostile.values())
    paths = [c.path for c in hostile.values()]
    started = time.monotonic()
    summary = lib.import_paths(seeded, paths, workers=0)
    assert time.monotonic() - started < 2 * BOUND
    refused = {c.name for c in hostile.values() if c.expect == corpus.REFUSED}
    failed_names = {p.parent.name for f in summary.failed if (p := _path(f.source)).name != "self.txt"}
    assert refused <= failed_names
    assert len(summary.added) >= expected_articles
    # The hostile page saved as .html and as .txt has the same bytes: the second is already there.
    assert [os.path.basename(a.source) for a in summary.already] == ["hostile-page.txt"]
    # Every path has its verdict, and the looping folder's self-link one more.
    assert len(summary.added) + len(summary.already) + len(summary.failed) == len(paths) + 1
    assert_untouched(before, snapshot(seeded), added=len(summary.added))
    # The seeds still read as before.
    assert lib.article(seeded, 2).meta.path == os.path.abspath(MARKDOWN_SEED)


def _path(source: str) -> os.PathLike[str]:
    from pathlib import Path

    return Path(source)


def test_odd_file_name_is_stored_readably(hostile: dict[str, corpus.Case], seeded: lib.Library) -> None:
    """A name with a newline and non-UTF-8 bytes: stored with U+FFFD for the bytes, never a crash."""
    [item] = lib.import_paths(seeded, [hostile["odd_name"].path]).added
    row = lib.article_row(seeded, item.article_id)
    assert row.path is not None and "\ufffd" in row.path and "\nname\t" in row.path
    row.path.encode("utf-8")  # no surrogate escapes left
    assert lib.article(seeded, item.article_id).meta.path == row.path
    assert "\ufffd" in item.source


def test_folder_holding_the_odd_name_imports_the_rest(hostile: dict[str, corpus.Case],
                                                      seeded: lib.Library, tmp_path: os.PathLike[str]) -> None:
    """The import of a folder goes on past the file with the odd name (it used to stop there)."""
    folder = os.path.join(os.fsencode(tmp_path), b"drop")
    os.mkdir(folder)
    for index, name in enumerate((b"a.txt", b"b\xff\nodd.txt", b"c.txt")):
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(f"Article {index}. {corpus.ENGLISH} Number {index} of three.".encode())
    summary = lib.import_paths(seeded, [os.fsdecode(folder)])
    assert len(summary.added) == 3 and summary.failed == ()


def test_a_named_pipe_is_refused_not_waited_for(hostile: dict[str, corpus.Case], seeded: lib.Library) -> None:
    started = time.monotonic()
    [failure] = lib.import_paths(seeded, [hostile["fifo"].path.parent]).failed
    assert time.monotonic() - started < 5
    assert "not a regular file" in failure.reason


def test_file_vanishing_while_the_import_runs(seeded: lib.Library, tmp_path: os.PathLike[str]) -> None:
    """Really deleted (not mocked): the file after the one being read goes away."""
    from pathlib import Path

    folder = Path(tmp_path) / "drop"
    folder.mkdir()
    files = [folder / f"{i}.txt" for i in range(4)]
    for i, path in enumerate(files):
        path.write_text(f"Article {i}. {corpus.ENGLISH} It is number {i}.", "utf-8")

    def delete_next(done: int, total: int, source: str) -> None:
        if done == 1:
            files[1].unlink()

    before = snapshot(seeded)
    summary = lib.import_paths(seeded, [folder], on_progress=delete_next, workers=0)
    assert [Path(a.source).name for a in summary.added] == ["0.txt", "2.txt", "3.txt"]
    [failure] = summary.failed
    assert failure.source == str(files[1]) and "does not exist" in failure.reason
    assert_untouched(before, snapshot(seeded), added=3)


def test_a_100_mb_file_is_refused_before_it_is_read(seeded: lib.Library, tmp_path: os.PathLike[str]) -> None:
    """A sparse file: 100 MB to stat, nothing on disk. (tests/stress imports a real one.)"""
    from pathlib import Path

    path = Path(tmp_path) / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    before = snapshot(seeded)
    started = time.monotonic()
    [failure] = lib.import_paths(seeded, [path]).failed
    assert time.monotonic() - started < 2
    assert failure.reason == "the file is 100.0 MB, over the limit of 50.0 MB"
    assert_untouched(before, snapshot(seeded))


def test_html_nested_50000_deep_is_read_quickly(seeded: lib.Library, tmp_path: os.PathLike[str]) -> None:
    """The sanitiser's parser is quadratic in depth (27 s for 100,000): depth is capped first."""
    from pathlib import Path

    case = corpus.deep_html(Path(tmp_path), 50_000)
    started = time.monotonic()
    [item] = lib.import_paths(seeded, [case.path]).added
    assert time.monotonic() - started < 3
    text = lib.article(seeded, item.article_id).text
    assert "Deep inside the page" in text and "After the depths, a last paragraph." in text


def test_old_pages_of_unclosed_paragraphs_keep_every_paragraph(tmp_path: os.PathLike[str]) -> None:
    """The depth cap counts only elements that must be closed: 3,000 bare <p>s are 3,000 blocks."""
    page = "<html><body>" + "".join(f"<p>Paragraph {i} of an old page." for i in range(3000)) + "</body></html>"
    assert len(load_bytes(page.encode("utf-8"), path="old.html").blocks) == 3000


def test_the_depth_cap_ignores_scripts_and_comments() -> None:
    """'i<n' in a page's scripts is no tag: a script-heavy page keeps its heading and links."""
    script = "<script>" + "for(i=0;i<n;i++){if(a<b&&c<d){x()}}" * 3000 + "</script>"
    page = (f"<html><head>{script}{'<!-- <div><div> -->' * 600}</head><body><article><h1>Title here</h1>"
            "<p>Text with <a href='http://example.org/'>a link</a> and <em>stress</em>.</p></article></body></html>")
    heading, paragraph = load_bytes(page.encode("utf-8"), path="busy.html").blocks
    assert heading.kind.value == "heading" and heading.text == "Title here"
    assert [s.href for s in paragraph.spans] == ["http://example.org/", None]
