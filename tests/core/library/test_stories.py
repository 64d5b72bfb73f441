"""Grouping articles into stories, and the user's moves surviving a re-grouping."""

from __future__ import annotations

import heapq
import random
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core import library as lib
from desktop.core.library import textkeys
from tests.conftest import MARKDOWN_SEED, PLAIN_SEED
from tests.core.library.conftest import prose, write

#: A site's appeal, appended to every article it publishes (our own words).
APPEAL = [
    "Dear readers, we are an independent newsroom and we rely on your support to keep reporting.",
    "Every contribution, however small, helps us pay our reporters and keep this site free to read.",
    "If you can, please support us monthly: it takes a minute to set up and it makes a lasting difference.",
    "Thank you for reading and for standing with independent journalism in difficult times.",
]


def _story_of(library: lib.Library, article_id: int) -> int:
    return lib.article_row(library, article_id).story_id


def test_seeds_in_either_order_form_one_story(library: lib.Library) -> None:
    added = lib.import_paths(library, [MARKDOWN_SEED, PLAIN_SEED]).added
    assert added[0].story_id == added[1].story_id
    assert len(lib.stories(library)) == 1


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), body=st.integers(3, 8), appeal=st.integers(1, 4))
def test_shared_boilerplate_does_not_make_a_story(tmp_path_factory: pytest.TempPathFactory,
                                                 seed: int, body: int, appeal: int) -> None:
    rng = random.Random(seed)
    folder = tmp_path_factory.mktemp("site")
    paths = [
        write(folder, f"{i}.txt", "\n\n".join(prose(rng, body) + APPEAL[:appeal]))
        for i in range(3)
    ]
    with lib.open_library(folder / "library") as library:
        added = lib.import_paths(library, paths).added
        assert len({item.story_id for item in added}) == 3


def test_versions_with_boilerplate_and_edits_form_one_story(library: lib.Library, tmp_path: Path) -> None:
    rng = random.Random(4)
    body = prose(rng, 6)
    edited = [*body[:3], "A sentence added in an update, with new facts about it.", *body[3:5]]
    a = write(tmp_path, "a.txt", "\n\n".join(body + APPEAL))
    b = write(tmp_path, "b.md", "# The headline of this story\n\n" + "\n\n".join(edited))
    other = write(tmp_path, "c.txt", "\n\n".join(prose(rng, 6) + APPEAL))
    added = lib.import_paths(library, [a, other, b]).added
    assert added[0].story_id == added[2].story_id != added[1].story_id


def test_a_copy_edited_in_every_paragraph_joins_the_story(library: lib.Library, tmp_path: Path) -> None:
    rng = random.Random(21)
    body = prose(rng, 6)
    # One word changed in each paragraph: no paragraph is shared, most of the text is.
    edited = [p.replace(" the ", " a ", 1) if " the " in p else p + " Indeed." for p in body]
    assert not set(body) & set(edited)
    a = write(tmp_path, "a.txt", "\n\n".join(body))
    b = write(tmp_path, "b.txt", "\n\n".join(edited))
    c = write(tmp_path, "c.txt", "\n\n".join(prose(rng, 6)))
    added = lib.import_paths(library, [a, c, b]).added
    assert added[0].story_id == added[2].story_id != added[1].story_id


def test_same_canonical_url_makes_a_story(library: lib.Library, tmp_path: Path) -> None:
    rng = random.Random(8)
    a = write(tmp_path, "a.md", "\n\n".join(prose(rng, 3)) + "\n\nhttps://www.example.com/news/x-1/?utm_source=tw")
    b = write(tmp_path, "b.md", "\n\n".join(prose(rng, 3)) + "\n\nhttp://example.com/amp/news/x-1#comments")
    c = write(tmp_path, "c.md", "\n\n".join(prose(rng, 3)) + "\n\nhttps://example.com/news/x-2")
    added = lib.import_paths(library, [a, b, c]).added
    assert added[0].story_id == added[1].story_id != added[2].story_id


def test_same_title_makes_a_story_unless_addresses_differ(library: lib.Library, tmp_path: Path) -> None:
    rng = random.Random(9)
    title = "# Council Approves the New Harbour Budget\n\n"
    a = write(tmp_path, "a.md", title + "\n\n".join(prose(rng, 3)))
    b = write(tmp_path, "b.md", title.replace("Council", "council") + "\n\n".join(prose(rng, 3)))
    c = write(tmp_path, "c.md", "# Morning briefing\n\n" + "\n\n".join(prose(rng, 3)))
    d = write(tmp_path, "d.md", "# Morning Briefing\n\n" + "\n\n".join(prose(rng, 3)))
    added = lib.import_paths(library, [a, b, c, d]).added
    assert added[0].story_id == added[1].story_id
    assert len({added[1].story_id, added[2].story_id, added[3].story_id}) == 3  # short titles group nothing


def test_split_move_and_merge_survive_regroup(library: lib.Library, tmp_path: Path) -> None:
    rng = random.Random(12)
    seeds = lib.import_paths(library, [PLAIN_SEED, MARKDOWN_SEED]).added
    others = lib.import_paths(library, [write(tmp_path, f"{i}.txt", "\n\n".join(prose(rng, 4)))
                                        for i in range(3)]).added
    plain, markdown = (item.article_id for item in seeds)
    x, y, z = (item.article_id for item in others)

    alone = lib.split_article(library, plain)
    lib.move_article(library, z, _story_of(library, markdown))
    merged = lib.merge_stories(library, _story_of(library, x), _story_of(library, y))
    lib.regroup(library)

    assert _story_of(library, plain) == alone != _story_of(library, markdown)
    assert _story_of(library, z) == _story_of(library, markdown)
    assert _story_of(library, x) == _story_of(library, y) == merged
    assert len(lib.stories(library)) == 3


def test_regroup_groups_again_and_keeps_ids(library: lib.Library) -> None:
    added = lib.import_paths(library, [PLAIN_SEED, MARKDOWN_SEED]).added
    with library.writing() as conn:  # as if an older version had grouped them apart
        conn.execute("INSERT INTO stories (id, created_at) VALUES (99, '')")
        conn.execute("UPDATE articles SET story_id = 99 WHERE id = ?", (added[1].article_id,))
    assert len(lib.stories(library)) == 2
    lib.regroup(library)
    assert [s.id for s in lib.stories(library)] == [added[0].story_id]


def test_bad_ids_are_reported(library: lib.Library) -> None:
    [item] = lib.import_paths(library, [PLAIN_SEED]).added
    with pytest.raises(lib.NotInLibraryError):
        lib.move_article(library, item.article_id, 12345)
    with pytest.raises(lib.NotInLibraryError):
        lib.split_article(library, 12345)
    with pytest.raises(lib.NotInLibraryError):
        lib.merge_stories(library, item.story_id, 12345)


def test_resemblance_of_the_seeds_clears_the_threshold() -> None:
    from desktop.core.loaders import load_file

    plain, markdown = (
        {h for p in textkeys.body_paragraphs(load_file(s).blocks) for h in textkeys.shingles(p)}
        for s in (PLAIN_SEED, MARKDOWN_SEED)
    )
    jaccard, containment = textkeys.resemblance(plain, markdown)
    assert 0.5 < jaccard < 0.7 and containment > 0.9
    assert textkeys.same_story_text(plain, markdown)


@given(st.text(min_size=1))
def test_title_key_ignores_case_and_punctuation(title: str) -> None:
    assert textkeys.title_key(title) == textkeys.title_key(f"  {title.upper()}!! ") or \
        title.upper().lower() != title.lower()


@given(st.sets(st.integers(0, 200)), st.sets(st.integers(0, 200)))
def test_same_story_text_is_symmetric_and_reflexive(a: set[int], b: set[int]) -> None:
    assert textkeys.same_story_text(a, b) == textkeys.same_story_text(b, a)
    assert textkeys.same_story_text(a, a) == (len(a) >= 20)


@given(st.lists(st.text(alphabet="abcжё1", min_size=1, max_size=4), max_size=12))
def test_shingles_keep_their_stored_values(words: list[str]) -> None:
    """Libraries store shingle hashes: the CRC-32 of four words joined by spaces, a short paragraph's whole."""
    n = textkeys.SHINGLE_WORDS
    runs = [words] if 0 < len(words) <= n else [words[i : i + n] for i in range(len(words) - n + 1)]
    assert textkeys.shingles_of_words(words) == {zlib.crc32(" ".join(run).encode("utf-8")) for run in runs}


@given(st.sets(st.integers(-(2**63), 2**63 - 1)), st.integers(0, 10))
def test_smallest_is_the_bottom_of_the_sorted_set(hashes: set[int], size: int) -> None:
    assert textkeys.smallest(hashes, size) == heapq.nsmallest(size, hashes)
