"""compare_articles: properties that hold for any pair, and the cases that matter."""

from __future__ import annotations

import gc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.article import BLOCK_SEPARATOR, Article, Block, BlockKind
from desktop.core.compare import (
    CompareCancelled,
    CompareOptions,
    Comparison,
    Op,
    Zone,
    compare_articles,
)
from desktop.core.compare.normalise import fingerprint, paragraph_key
from tests.core.compare.strategies import article, article_pairs, articles

KEEP = CompareOptions.keep_all()
option_sets = st.sampled_from(
    [CompareOptions(), KEEP, CompareOptions(ignore_case=True, ignore_punctuation=True)]
)


def _side_text(art: Article, blocks: tuple[int, ...]) -> str:
    return BLOCK_SEPARATOR.join(art.blocks[i].text for i in blocks)


@settings(max_examples=300, deadline=None)
@given(article_pairs())
def test_segments_rebuild_both_texts_exactly_when_everything_is_kept(
    pair: tuple[Article, Article],
) -> None:
    a, b = pair
    result = compare_articles(a, b, KEEP)
    for r in result.blocks:
        assert r.a_text() == _side_text(a, r.a_blocks)
        assert r.b_text() == _side_text(b, r.b_blocks)


@settings(max_examples=300, deadline=None)
@given(article_pairs(), option_sets)
def test_segments_rebuild_both_texts_up_to_normalisation(
    pair: tuple[Article, Article], options: CompareOptions
) -> None:
    a, b = pair
    for r in compare_articles(a, b, options).blocks:
        assert paragraph_key(r.a_text(), options) == paragraph_key(_side_text(a, r.a_blocks), options)
        assert paragraph_key(r.b_text(), options) == paragraph_key(_side_text(b, r.b_blocks), options)


@settings(max_examples=200, deadline=None)
@given(article_pairs(), option_sets)
def test_every_block_is_covered_once_in_reading_order_of_b(
    pair: tuple[Article, Article], options: CompareOptions
) -> None:
    a, b = pair
    blocks = compare_articles(a, b, options).blocks
    assert sorted(i for r in blocks for i in r.a_blocks) == list(range(len(a.blocks)))
    b_order = [i for r in blocks for i in r.b_blocks]
    assert b_order == list(range(len(b.blocks)))


@settings(max_examples=200, deadline=None)
@given(articles(), option_sets)
def test_identical_inputs_give_no_changes(a: Article, options: CompareOptions) -> None:
    result = compare_articles(a, a, options)
    assert not result.has_differences
    assert all(r.op is Op.EQUAL for r in result.blocks)
    assert result.stats.similarity == 1.0
    assert result.summary == "No differences"


def _distinct(pair: tuple[Article, Article]) -> bool:
    return all(len({fingerprint(b.text) for b in x.blocks}) == len(x.blocks) and _units_without_repeats(x)
               for x in pair)


def _units_without_repeats(article: Article) -> bool:
    """No word twice in one compared unit (a block joined with the blocks it continues into)."""
    words: list[str] = []
    for block in article.blocks:
        words += block.text.split()
        if not block.continues:
            if len(set(words)) != len(words):
                return False
            words = []
    return len(set(words)) == len(words)


# Alignment breaks ties between repeated paragraphs (and the word diff between
# repeated words, as in a paragraph joined with the one it continues into) by
# position, and when paragraphs cross it is a choice which one moved: none of
# that can be symmetric. With distinct paragraphs in order (most real revisions)
# it must be; moves have their own symmetric test below.
@settings(max_examples=300, deadline=None)
@given(article_pairs(moves=False, unique=True).filter(_distinct), option_sets)
def test_swapping_a_and_b_swaps_inserts_and_deletes(
    pair: tuple[Article, Article], options: CompareOptions
) -> None:
    a, b = pair
    ab, ba = compare_articles(a, b, options).stats, compare_articles(b, a, options).stats
    assert (ab.paragraphs_inserted, ab.paragraphs_deleted) == (
        ba.paragraphs_deleted,
        ba.paragraphs_inserted,
    )
    assert (ab.words_inserted, ab.words_deleted) == (ba.words_deleted, ba.words_inserted)
    assert ab.paragraphs_moved == ba.paragraphs_moved


@settings(max_examples=300, deadline=None)
@given(article_pairs(), option_sets)
def test_marks_stay_within_their_blocks(pair: tuple[Article, Article], options: CompareOptions) -> None:
    a, b = pair
    for r in compare_articles(a, b, options).blocks:
        for marks, blocks, art in ((r.a_marks, r.a_blocks, a), (r.b_marks, r.b_blocks, b)):
            for m in marks:
                assert m.block in blocks
                assert 0 <= m.start < m.end <= len(art.blocks[m.block].text)
        if r.op is Op.EQUAL:
            assert not r.a_marks and not r.b_marks


def _ops(result: Comparison) -> list[str]:
    return [r.op.value for r in result.blocks]


def test_a_changed_word_is_marked_on_the_original_text() -> None:
    a = article("One.", "The minister said on Thursday that talks were frozen.", "Two.")
    b = article("One.", "The minister said on Friday that talks were frozen.", "Two.")
    result = compare_articles(a, b)
    assert _ops(result) == ["equal", "replace", "equal"]
    record = result.blocks[1]
    assert [a.blocks[1].text[m.start : m.end] for m in record.a_marks] == ["Thursday"]
    assert [b.blocks[1].text[m.start : m.end] for m in record.b_marks] == ["Friday"]
    assert (record.words_inserted, record.words_deleted) == (1, 1)
    assert result.summary == "1 word changed in 1 paragraph"
    assert result.has_differences


def test_a_moved_paragraph_is_one_move_not_delete_and_insert() -> None:
    paras = [f"Paragraph number {n} tells its own part of the story in words." for n in "ABCDE"]
    b_paras = [paras[0], paras[2], paras[3], paras[4], paras[1]]
    result = compare_articles(article(*paras), article(*b_paras))
    assert _ops(result) == ["equal", "equal", "equal", "equal", "move"]
    move = result.blocks[-1]
    assert (move.a_index, move.b_index) == (1, 4)
    assert result.stats.paragraphs_moved == 1
    assert result.stats.paragraphs_inserted == result.stats.paragraphs_deleted == 0
    assert "1 paragraph moved" in result.summary


def test_a_move_reads_the_same_both_ways() -> None:
    paras = [f"Paragraph number {n} tells its own part of the story in words." for n in "ABCDE"]
    a, b = article(*paras), article(paras[0], *paras[2:], paras[1])
    ab, ba = compare_articles(a, b), compare_articles(b, a)
    assert ab.stats == ba.stats
    assert ab.stats.paragraphs_moved == 1


def test_a_moved_and_edited_paragraph_shows_its_word_changes() -> None:
    paras = [f"Paragraph number {n} tells its own part of the story in words." for n in "ABCDE"]
    edited = paras[1].replace("own", "very own")
    result = compare_articles(article(*paras), article(paras[0], *paras[2:], edited))
    move = result.blocks[-1]
    assert move.op is Op.MOVE
    assert move.words_inserted == 1
    assert [s.text for s in move.segments if s.op is Op.INSERT] == ["very "]


def test_a_paragraph_cut_by_a_stray_blank_line_is_no_edit() -> None:
    a = article("Our relations have deep historical roots, full of examples.")
    b = article("Our relations have deep historical roots,", "full of examples.", continues=(0,))
    result = compare_articles(a, b)
    assert not result.has_differences
    assert result.blocks[0].a_blocks == (0,)
    assert result.blocks[0].b_blocks == (0, 1)


def test_marks_of_a_joined_paragraph_land_on_the_right_block() -> None:
    a = article("Our relations have deep historical roots, full of examples.")
    b = article("Our relations have deep roots,", "full of good examples.", continues=(0,))
    record = compare_articles(a, b).blocks[0]
    texts = {(m.block, b.blocks[m.block].text[m.start : m.end]) for m in record.b_marks}
    assert texts == {(1, "good")}


def test_quote_style_rewrapping_and_links_are_not_edits_by_default() -> None:
    a = article("Putin’s remarks were “frozen,” he said.\nOn Monday, Pinho said so.")
    b = article('Putin\'s remarks were "frozen," he [said](#). On Monday, Pinho said so.')
    assert not compare_articles(a, b).has_differences
    assert compare_articles(a, b, KEEP).has_differences


def test_punctuation_and_case_are_edits_unless_ignored() -> None:
    a, b = article("Peace talks, said the minister."), article("peace talks said the Minister.")
    assert compare_articles(a, b).stats.paragraphs_changed == 1
    relaxed = CompareOptions(ignore_case=True, ignore_punctuation=True)
    assert not compare_articles(a, b, relaxed).has_differences


def test_boilerplate_is_folded_and_can_be_hidden() -> None:
    body = "The minister said on Thursday that talks were frozen for now."
    a = article(body, "A Message from The Moscow Times:", "Dear readers, please support us.")
    b = article(body)
    shown = compare_articles(a, b)
    assert [r.zone for r in shown.blocks] == [Zone.BODY, Zone.BOILERPLATE, Zone.BOILERPLATE]
    assert all(r.folded for r in shown.blocks[1:])
    assert shown.has_differences
    assert shown.summary == "No differences in the body; appeal removed"
    hidden = compare_articles(a, b, CompareOptions(hide_boilerplate=True))
    assert not hidden.has_differences
    assert len(hidden.blocks) == 1


def test_to_dict_has_the_documented_shape() -> None:
    a = article("Talks are frozen.")
    b = Article((Block(BlockKind.HEADING, "Title", level=1), Block(BlockKind.PARAGRAPH, "Talks are off.")))
    data = compare_articles(a, b).to_dict()
    assert set(data) == {"a", "b", "stats", "summary", "blocks"}
    assert set(data["stats"]) == {
        "words_inserted",
        "words_deleted",
        "paragraphs_changed",
        "paragraphs_inserted",
        "paragraphs_deleted",
        "paragraphs_moved",
        "similarity",
    }
    first, second = data["blocks"]
    assert (first["op"], first["zone"], first["a_index"], first["b_index"]) == (
        "insert",
        "title",
        None,
        0,
    )
    assert (second["op"], second["a_index"], second["b_index"]) == ("replace", 0, 1)
    assert {s["op"] for s in second["segments"]} == {"equal", "insert", "delete"}
    assert 0 < data["stats"]["similarity"] < 1


def test_progress_is_reported_and_can_cancel() -> None:
    paras = [f"Paragraph {n} with a few words in it." for n in range(600)]
    a, b = article(*paras), article(*paras[1:])
    seen: list[tuple[int, int]] = []
    result = compare_articles(a, b, progress=lambda done, total: seen.append((done, total)) or True)
    assert seen[0] == (0, 600) and seen[-1] == (600, 600)
    assert result.stats.paragraphs_deleted == 1
    with pytest.raises(CompareCancelled):
        compare_articles(a, b, progress=lambda done, total: done == 0)


def test_the_garbage_collector_is_left_as_it_was() -> None:
    a, b = article("One two.", "Three."), article("One three.")
    was = gc.isenabled()
    try:
        gc.enable()
        seen: list[bool] = []
        compare_articles(a, b, progress=lambda done, total: seen.append(gc.isenabled()) or True)
        assert seen and not any(seen)  # held off while comparing
        assert gc.isenabled()
        with pytest.raises(CompareCancelled):
            compare_articles(a, b, progress=lambda done, total: False)
        assert gc.isenabled()
        gc.disable()
        compare_articles(a, b)
        assert not gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()


def test_results_are_frozen_and_hashable() -> None:
    result = compare_articles(article("One two."), article("One three."))
    assert hash(result) == hash(compare_articles(article("One two."), article("One three.")))
    with pytest.raises(AttributeError):
        result.blocks[0].op = Op.EQUAL  # type: ignore[misc]
