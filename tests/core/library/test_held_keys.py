"""Grouping keys an import holds in memory between its batches: found while held,
written at the batch, worked out again after a killed import, never left stale."""

from __future__ import annotations

import random
from pathlib import Path

from desktop.core import library as lib
from desktop.core.library import grouping
from desktop.core.library.importer import store_prepared
from desktop.core.library.pending import index_pending
from desktop.core.library.prepare import Prepared, prepare_text
from tests.core.library.conftest import prose


def _versions(seed: int) -> tuple[Prepared, Prepared, Prepared]:
    """A story in two versions (the second edited, with no title or address in common), and another."""
    rng = random.Random(seed)
    body = prose(rng, 6)
    edited = [*body[:4], "A paragraph added in an update, with a new fact in it."]
    return (prepare_text("\n\n".join(body), name="first.txt"),
            prepare_text("\n\n".join(edited), name="second.txt"),
            prepare_text("\n\n".join(prose(rng, 5)), name="other.txt"))


def _keys(library: lib.Library, table: str, article_id: int) -> set[int]:
    column = "hash" if table.endswith("sketch") else "key"
    with library.reading() as conn:
        return {r[0] for r in conn.execute(f"SELECT {column} FROM {table} WHERE article_id = ?", (article_id,))}


def _expected_keys(library: lib.Library, article_id: int) -> set[int]:
    with library.reading() as conn:
        blob = conn.execute("SELECT blocks FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
    return {p.key for p in grouping.paragraphs_of(blob)[1]}


def test_held_keys_group_within_a_batch_and_are_written_at_its_end(library: lib.Library) -> None:
    first, second, other = _versions(1)
    a, b, c = (store_prepared(library, p) for p in (first, second, other))
    assert isinstance(a, lib.ImportedItem) and isinstance(b, lib.ImportedItem) and isinstance(c, lib.ImportedItem)
    # Nothing written to the library's tables yet, and the second version found the first all the same.
    assert _keys(library, "paragraphs", a.article_id) == set()
    assert _keys(library, "held_paragraphs", a.article_id) == _expected_keys(library, a.article_id)
    assert b.story_id == a.story_id != c.story_id

    assert index_pending(library) == 3
    for item in (a, b, c):
        assert _keys(library, "paragraphs", item.article_id) == _expected_keys(library, item.article_id)
        assert len(_keys(library, "sketch", item.article_id)) == 8
        assert _keys(library, "held_paragraphs", item.article_id) == set()
    assert index_pending(library) == 0


def test_keys_of_a_killed_import_are_worked_out_when_the_library_opens(tmp_path: Path) -> None:
    first, second, other = _versions(2)
    folder = tmp_path / "library"
    library = lib.open_library(folder)
    a = store_prepared(library, first)
    store_prepared(library, other)
    library.close()  # as if killed before the batch: the held keys are gone with the connection
    assert isinstance(a, lib.ImportedItem)

    with lib.open_library(folder) as reopened:
        assert _keys(reopened, "paragraphs", a.article_id) == _expected_keys(reopened, a.article_id)
        assert len(_keys(reopened, "sketch", a.article_id)) == 8
        assert lib.search(reopened, "paragraph OR the")  # and indexed
        b = store_prepared(reopened, second)
        assert isinstance(b, lib.ImportedItem) and b.story_id == a.story_id


def test_reextract_leaves_no_stale_held_keys(library: lib.Library) -> None:
    first, _, _ = _versions(3)
    a = store_prepared(library, first)
    assert isinstance(a, lib.ImportedItem)
    with library.writing() as conn:  # keys held from a different text than the stored one
        conn.execute("INSERT INTO held_paragraphs (key, article_id) VALUES (?, ?)", (12345, a.article_id))
    lib.reextract(library, [a.article_id])
    index_pending(library)
    assert _keys(library, "paragraphs", a.article_id) == _expected_keys(library, a.article_id)


def test_regroup_counts_held_keys(library: lib.Library) -> None:
    first, second, _ = _versions(4)
    a, b = (store_prepared(library, p) for p in (first, second))
    assert isinstance(a, lib.ImportedItem) and isinstance(b, lib.ImportedItem)
    lib.regroup(library)
    assert _story(library, a.article_id) == _story(library, b.article_id)
    assert _keys(library, "paragraphs", b.article_id) == _expected_keys(library, b.article_id)
    assert _keys(library, "held_paragraphs", b.article_id) == set()


def _story(library: lib.Library, article_id: int) -> int:
    return lib.article_row(library, article_id).story_id
