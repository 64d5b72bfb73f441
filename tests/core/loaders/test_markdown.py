"""Markdown through the markdown package, sanitised, into blocks with links kept as spans."""

from __future__ import annotations

import markdown as markdown_lib
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.article import BlockKind, InlineStyle
from desktop.core.loaders.html_blocks import sanitise
from desktop.core.loaders.markdown import _PATTERN_NEEDS, EXTENSIONS, blocks_from_markdown, markdown_to_html


def test_links_read_as_their_text() -> None:
    (block,) = blocks_from_markdown("Paula Pinho [said](#), “Unfortunately.”")
    assert block.text == "Paula Pinho said, “Unfortunately.”"
    (span,) = block.spans
    assert (block.text[span.start:span.end], span.style, span.href) == ("said", InlineStyle.LINK, "#")


def test_autolink_reads_as_the_url() -> None:
    (block,) = blocks_from_markdown("<https://example.org/a/b>")
    assert block.text == "https://example.org/a/b"
    assert block.spans[0].href == "https://example.org/a/b"


def test_structure() -> None:
    blocks = blocks_from_markdown("# Title\n\nText *em* **strong**.\n\n> Quoted.\n\n- one\n- two\n")
    assert [(b.kind, b.text) for b in blocks] == [
        (BlockKind.HEADING, "Title"),
        (BlockKind.PARAGRAPH, "Text em strong."),
        (BlockKind.QUOTE, "Quoted."),
        (BlockKind.LIST_ITEM, "one"),
        (BlockKind.LIST_ITEM, "two"),
    ]


def test_soft_line_breaks_are_spaces() -> None:
    (block,) = blocks_from_markdown("one line\nwrapped here")
    assert block.text == "one line wrapped here"


def test_raw_html_is_sanitised() -> None:
    html = markdown_to_html(
        'Hi <script>alert(1)</script><img src="http://evil.example/x.png" onerror="x()">'
        '<a href="javascript:alert(1)">j</a> <a href="file:///etc/passwd">f</a>'
        '<iframe src="http://evil.example"></iframe> ![i](data:image/png;base64,AAAA)')
    for bad in ("<script", "alert(1)", "<img", "onerror", "javascript:", "file:", "<iframe", "data:"):
        assert bad not in html


# Markdown made of the characters inline patterns care about, among plain words.
_MARKDOWN_PIECES = st.sampled_from(
    ["word", " ", "  ", "\n", "\n\n", "*", "**", "_", "`", "\\", "[", "]", "(", ")", "!", "<", ">", "&",
     "&amp;", "#", "- ", "1. ", "> ", "http://x.org", "a@b.org", ";", "|", "~~~", "ё", "\t"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_MARKDOWN_PIECES, max_size=40).map("".join))
def test_plain_text_shortcut_changes_no_output(text: str) -> None:
    """Skipping the inline patterns on text none of them can match gives the stock converter's HTML."""
    stock = markdown_lib.Markdown(extensions=list(EXTENSIONS), output_format="html")
    assert markdown_to_html(text) == sanitise(stock.convert(text))


def test_plain_text_shortcut_is_in_place() -> None:
    """The shortcut hooks a private method of the package: fail loudly if a release renames it."""
    converter = markdown_lib.Markdown()
    assert hasattr(converter.treeprocessors["inline"], "_InlineProcessor__handleInline")
    assert hasattr(converter.treeprocessors["inline"], "_InlineProcessor__applyPattern")
    # Every inline pattern of the converter has its strings (a new one would be tried everywhere).
    ours = markdown_lib.Markdown(extensions=list(EXTENSIONS))
    assert {item.name for item in ours.inlinePatterns._priority} <= set(_PATTERN_NEEDS)
