"""Kinds of plain paragraphs: title, caption, link line, and broken paragraphs."""

from __future__ import annotations

from desktop.core.article import Block, BlockKind
from desktop.core.loaders.refine import mark_broken_paragraphs, refine_blocks


def para(text: str) -> Block:
    return Block(BlockKind.PARAGRAPH, text)


def test_kinds() -> None:
    blocks = refine_blocks([
        para("Mayor Opens New Bridge Across the River"),
        para("March 3, 2025"),
        para("The new bridge opened on Monday after three years of work, the mayor said."),
        para("Read more: Bridge costs rise again"),
        para("https://news.example/bridge"),
    ])
    assert [b.kind for b in blocks] == [BlockKind.HEADING, BlockKind.CAPTION, BlockKind.PARAGRAPH,
                                        BlockKind.LINK, BlockKind.LINK]


def test_a_sentence_first_is_not_a_title() -> None:
    blocks = refine_blocks([para("The mayor opened the bridge on Monday."), para("More text here.")])
    assert blocks[0].kind is BlockKind.PARAGRAPH


def test_broken_paragraph_is_marked() -> None:
    blocks = mark_broken_paragraphs([para("It has deep roots,"), para("full of examples."),
                                     para("A new sentence.")])
    assert [b.continues for b in blocks] == [True, False, False]


def test_finished_sentences_are_not_joined() -> None:
    blocks = mark_broken_paragraphs([para("It ended."), para("then lower-case start.")])
    assert not blocks[0].continues


def test_sentence_case_headlines_in_any_script() -> None:
    body = para("Президент заявил в четверг, что переговоры продолжатся в ближайшие недели, "
                "несмотря на разногласия между сторонами и давление со стороны союзников.")
    blocks = refine_blocks([para("Заголовок статьи о выборах"), body])
    assert blocks[0].kind is BlockKind.HEADING
    # A short line above a short line is not enough.
    assert refine_blocks([para("a lower-case start here"), body])[0].kind is not BlockKind.HEADING
