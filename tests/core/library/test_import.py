"""Importing files, folders and pasted text: duplicates, failures, cancelling."""

from __future__ import annotations

import datetime as dt
import os
import random
from pathlib import Path

import pytest

from desktop.core import library as lib
from desktop.core.library import importer, prepare
from desktop.core.loaders import load_file
from tests.conftest import MARKDOWN_SEED, PLAIN_SEED
from tests.core.library.conftest import prose, write

#: Our own Russian prose (two paragraphs), enough for the encoding to be recognised.
RUSSIAN = (
    "В субботу утром в городском парке открылась ярмарка, и уже к полудню на ней было не протолкнуться. "
    "Продавцы мёда, ёлочных игрушек и тёплых шарфов говорили, что такого наплыва покупателей не помнят "
    "с прошлой зимы, а организаторы обещали продлить работу до вечера воскресенья.\n\n"
    "Жители соседних улиц жаловались на шум и на то, что машины стояли во дворах, однако в мэрии ответили, "
    "что следующая ярмарка пройдёт на площади у вокзала, где места для всех хватит.\n"
)


def _counts(library: lib.Library) -> tuple[int, ...]:
    """Rows in every table an article writes to; equal counts mean no half-written article."""
    with library.reading() as conn:
        return tuple(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                     for table in ("articles", "doc", "fts"))


def test_seeds_form_one_story_dated_first(library: lib.Library) -> None:
    summary = lib.import_paths(library, [PLAIN_SEED, MARKDOWN_SEED])
    assert len(summary.added) == 2 and not summary.failed and not summary.already
    [story] = lib.stories(library)
    assert story.versions == 2
    assert story.date == dt.date(2026, 1, 15)
    assert story.publisher == "The Moscow Times"
    assert story.title.startswith("Putin Says Russia")
    first, second = lib.versions(library, story.id)
    assert first.format == "markdown" and first.date == dt.date(2026, 1, 15)
    assert second.format == "text" and second.date is None  # undated versions last
    assert lib.story_date(library, second.id) == dt.date(2026, 1, 15)
    assert second.story_date == dt.date(2026, 1, 15)


def test_identical_bytes_are_already_in_the_library(library: lib.Library, tmp_path: Path) -> None:
    first = lib.import_paths(library, [MARKDOWN_SEED])
    copy = write(tmp_path, "copy.md", MARKDOWN_SEED.read_text("utf-8"))
    again = lib.import_paths(library, [MARKDOWN_SEED, copy])
    assert again.added == ()
    assert [a.article_id for a in again.already] == [first.added[0].article_id] * 2
    assert len(lib.all_articles(library)) == 1


def test_same_text_other_bytes_is_a_duplicate_candidate(library: lib.Library, tmp_path: Path) -> None:
    text = RUSSIAN
    utf8 = write(tmp_path, "a.txt", text)
    # The same words re-encoded and re-wrapped: other bytes, same text.
    cp1251 = write(tmp_path, "b.txt", text.replace(", ", ",\n"), encoding="cp1251")
    summary = lib.import_paths(library, [utf8, cp1251])
    original, duplicate = summary.added
    assert original.duplicate_of is None
    assert duplicate.duplicate_of == original.article_id
    assert summary.duplicates == (duplicate,)
    assert duplicate.story_id == original.story_id
    assert lib.article_row(library, duplicate.article_id).duplicate_of == original.article_id


def test_original_bytes_and_article_round_trip(library: lib.Library) -> None:
    [item] = lib.import_paths(library, [MARKDOWN_SEED]).added
    assert lib.original_bytes(library, item.article_id) == MARKDOWN_SEED.read_bytes()
    stored = lib.article(library, item.article_id)
    fresh = load_file(MARKDOWN_SEED)
    assert stored.blocks == fresh.blocks  # every span kept, not just links
    assert stored.meta == fresh.meta


def test_cancel_keeps_what_was_stored(library: lib.Library, tmp_path: Path) -> None:
    rng = random.Random(5)
    files = [write(tmp_path / "in", f"{i:02}.txt", "\n\n".join(prose(rng, 3))) for i in range(10)]
    seen: list[tuple[int, int, str]] = []
    summary = lib.import_paths(library, [tmp_path / "in"], on_progress=lambda *a: seen.append(a),
                               should_cancel=lambda: len(seen) >= 4)
    assert summary.cancelled
    assert len(summary.added) == 4
    assert [s[0] for s in seen] == [1, 2, 3, 4] and {s[1] for s in seen} == {10}
    assert seen[0][2] == str(files[0])
    assert _counts(library) == (4, 4, 4)


def test_folder_with_link_loop_hidden_and_vanishing_files(
    library: lib.Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(7)
    root = tmp_path / "drop"
    good = write(root / "sub", "good.md", "# A title of some length\n\n" + "\n\n".join(prose(rng, 3)))
    gone = write(root, "gone.txt", "\n\n".join(prose(rng, 3)))
    write(root, ".hidden.txt", "secret")
    write(root, "picture.jpg", "not an article")
    os.symlink(root, root / "sub" / "loop")  # a folder linking to its ancestor
    os.symlink(root / "self.txt", root / "self.txt")  # a file link pointing at itself
    real_open = open

    def vanishing_open(path: object, *args: object, **kwargs: object) -> object:
        if str(path) == str(gone):
            raise FileNotFoundError(2, "No such file or directory", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[call-overload]

    # The file is listed, then vanishes before it is read (as root, chmod cannot hide it).
    monkeypatch.setattr("builtins.open", vanishing_open)
    summary = lib.import_paths(library, [root])
    assert [a.source for a in summary.added] == [str(good)]
    reasons = {f.source: f.reason for f in summary.failed}
    assert set(reasons) == {str(gone), str(root / "self.txt")}
    assert "does not exist" in reasons[str(gone)]
    assert "symbolic links" in reasons[str(root / "self.txt")]


def test_unlistable_folder_is_a_failure(library: lib.Library, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "drop"
    write(root / "locked", "a.txt", "\n\n".join(prose(random.Random(1), 2)))
    real_scandir = os.scandir

    def refusing_scandir(path: object = ".") -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", refusing_scandir)
    summary = lib.import_paths(library, [root])
    assert summary.added == ()
    [failure] = summary.failed
    assert failure.source.endswith("locked") and "could not be read" in failure.reason


def test_empty_and_binary_files_fail_with_reasons(library: lib.Library, tmp_path: Path) -> None:
    empty = write(tmp_path, "empty.txt", "")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    summary = lib.import_paths(library, [empty, binary, MARKDOWN_SEED])
    assert len(summary.added) == 1
    assert {f.source: f.reason for f in summary.failed} == {
        str(empty): "the file is empty",
        str(binary): "this is a binary file (it contains NUL bytes), not an article",
    }


def test_import_text_keeps_a_dropped_url_without_fetching(library: lib.Library) -> None:
    url = "https://www.themoscowtimes.com/2026/01/15/putin-says-russia-is-ready-to-restore-relations-with-europe-a91691"
    summary = lib.import_text(library, url)
    [item] = summary.added
    stored = lib.article(library, item.article_id)
    assert stored.meta.url == url
    assert lib.original_bytes(library, item.article_id) == url.encode()
    # The Markdown seed has the same address: it joins the dropped link's story.
    [seed] = lib.import_paths(library, [MARKDOWN_SEED]).added
    assert seed.story_id == item.story_id


def test_import_text_html_with_source(library: lib.Library) -> None:
    html = ("<html><head><title>Pasted page title here</title></head><body><article>"
            + "".join(f"<p>{p}</p>" for p in prose(random.Random(2), 3)) + "</article></body></html>")
    summary = lib.import_text(library, html, source_url="https://example.org/news/1", name="clipboard")
    [item] = summary.added
    assert item.source == "clipboard"
    assert lib.article(library, item.article_id).meta.format.value == "html"
    assert lib.import_text(library, html, name="again").already[0].article_id == item.article_id
    assert lib.import_text(library, "   ").failed[0].reason == "the file is empty"


def test_parallel_import_matches_serial(library: lib.Library, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(11)
    for i in range(40):
        write(tmp_path / "in", f"{i:02}.{'md' if i % 2 else 'txt'}", "\n\n".join(prose(rng, 3)))
    write(tmp_path / "in", "zz.txt", "")
    monkeypatch.setattr(importer, "PARALLEL_MIN_FILES", 10)
    monkeypatch.setattr(importer, "BATCH_SIZE", 4)
    calls: list[int] = []
    summary = lib.import_paths(library, [tmp_path / "in"], workers=2,
                               on_progress=lambda done, total, path: calls.append(done))
    assert len(summary.added) == 40 and len(summary.failed) == 1
    assert calls == list(range(1, 42))
    assert [a.source for a in summary.added] == sorted(a.source for a in summary.added)


def test_prepare_never_raises_for_a_loader_bug(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Some text here.")

    def broken(*args: object, **kwargs: object) -> None:
        raise RecursionError("deep")

    monkeypatch.setattr(prepare, "load_bytes", broken)
    result = prepare.prepare_file(str(path))
    assert isinstance(result, prepare.Failed) and "internal error" in result.reason
