"""User edits kept apart from extraction; the trash; re-extracting from the original bytes."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core import library as lib
from tests.conftest import MARKDOWN_SEED, PLAIN_SEED


def test_user_edits_survive_a_reextract(library: lib.Library) -> None:
    [plain, markdown] = (i.article_id for i in lib.import_paths(library, [PLAIN_SEED, MARKDOWN_SEED]).added)
    lib.set_user_fields(library, plain, title="Scraped copy", date=dt.date(2026, 1, 14),
                        tags=["russia", " europe ", "russia", ""], notes="from the newsletter")
    with library.writing() as conn:  # as if an older loader had extracted less
        conn.execute("UPDATE articles SET title = NULL, date = NULL, publisher = NULL, meta_json = "
                     "json_set(meta_json, '$.title', NULL, '$.date', NULL, '$.publisher', NULL) "
                     "WHERE id = ?", (markdown,))
    assert lib.article(library, markdown).meta.title is None

    assert lib.reextract(library) == []

    edited = lib.article(library, plain)
    assert edited.meta.title == "Scraped copy" and edited.meta.date == dt.date(2026, 1, 14)
    assert lib.user_fields(library, plain) == lib.UserFields(
        "Scraped copy", dt.date(2026, 1, 14), ("europe", "russia"), "from the newsletter")
    assert lib.article(library, markdown).meta.title.startswith("Putin Says")  # type: ignore[union-attr]
    assert lib.stories(library)[0].date == dt.date(2026, 1, 14)  # the user's date is the earliest now
    assert [h.article_id for h in lib.search(library, '"scraped copy"')] == [plain]


def test_clearing_an_edit_shows_the_extracted_value(library: lib.Library) -> None:
    [item] = lib.import_paths(library, [MARKDOWN_SEED]).added
    lib.set_user_fields(library, item.article_id, title="Mine", date=dt.date(2020, 1, 1))
    lib.set_user_fields(library, item.article_id, title=None, date=None)
    row = lib.article_row(library, item.article_id)
    assert row.title.startswith("Putin Says") and row.date == dt.date(2026, 1, 15)
    lib.set_user_fields(library, item.article_id, notes="only notes")  # the rest kept
    assert lib.user_fields(library, item.article_id) == lib.UserFields(notes="only notes")


def test_remove_and_restore(library: lib.Library) -> None:
    [plain, markdown] = lib.import_paths(library, [PLAIN_SEED, MARKDOWN_SEED]).added
    lib.remove(library, markdown.article_id)
    [story] = lib.stories(library)
    assert story.versions == 1 and story.date is None
    assert [r.id for r in lib.all_articles(library)] == [plain.article_id]
    with pytest.raises(lib.NotInLibraryError):
        lib.article(library, markdown.article_id)
    with pytest.raises(lib.NotInLibraryError):
        lib.remove(library, markdown.article_id)
    lib.restore(library, markdown.article_id)
    assert lib.stories(library)[0].versions == 2
    with pytest.raises(lib.NotInLibraryError):
        lib.restore(library, markdown.article_id)


def test_reimporting_a_removed_file_brings_it_back(library: lib.Library) -> None:
    [item] = lib.import_paths(library, [MARKDOWN_SEED]).added
    lib.remove(library, item.article_id)
    [again] = lib.import_paths(library, [MARKDOWN_SEED]).added
    assert again.article_id == item.article_id


def test_empty_trash_deletes_for_good(library: lib.Library) -> None:
    [plain, markdown] = lib.import_paths(library, [PLAIN_SEED, MARKDOWN_SEED]).added
    lib.remove(library, plain.article_id)
    lib.remove(library, markdown.article_id)
    assert lib.empty_trash(library) == 2
    assert lib.stories(library) == []
    with library.reading() as conn:
        assert [conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("articles", "doc", "stories", "paragraphs", "sketch")] == [0] * 5
    with pytest.raises(lib.NotInLibraryError):
        lib.original_bytes(library, plain.article_id)
