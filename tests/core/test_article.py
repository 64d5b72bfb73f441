"""The article record: joined text, offsets, titles, JSON form."""

from __future__ import annotations

from desktop.core.article import (
    BLOCK_SEPARATOR,
    CONTINUATION_SEPARATOR,
    Article,
    Block,
    BlockKind,
    Metadata,
    shorten,
)


def test_text_and_offsets_agree() -> None:
    blocks = (Block(BlockKind.HEADING, "Title", level=1),
              Block(BlockKind.PARAGRAPH, "It has deep roots,", continues=True),
              Block(BlockKind.PARAGRAPH, "full of examples."),
              Block(BlockKind.PARAGRAPH, "Next."))
    article = Article(blocks)
    assert article.text == "Title\n\nIt has deep roots,  full of examples.\n\nNext."
    assert len(CONTINUATION_SEPARATOR) == len(BLOCK_SEPARATOR)
    for offset, block in zip(article.block_offsets(), blocks, strict=True):
        assert article.text[offset:offset + len(block.text)] == block.text


def test_display_title_falls_back() -> None:
    assert Article((Block(BlockKind.PARAGRAPH, "Words " * 30),), Metadata(title="T")).display_title() == "T"
    long_first = Article((Block(BlockKind.PARAGRAPH, "word " * 40),)).display_title()
    assert long_first.endswith("…") and len(long_first) <= 80
    assert Article((), Metadata(path="/x/a.txt")).display_title() == "/x/a.txt"


def test_shorten() -> None:
    assert shorten("a  b\nc", 10) == "a b c"
    assert shorten("alpha beta gamma delta", 12) == "alpha beta…"


def test_to_dict_keys() -> None:
    data = Article((Block(BlockKind.PARAGRAPH, "x"),)).to_dict()
    assert set(data) == {"metadata", "blocks"}
